// The UI under abuse, headless: a missing or damaged font, windows resized down to nothing, and thousands of
// random keys, clicks, drags, wheel turns and typed text on every screen. No crash, no ImGui assertion
// (Debian's libimgui.a keeps its asserts), clear messages, and nothing recorded is lost.
//
// The monkey is deterministic (fixed seed). PASSERELLES_MONKEY_EVENTS (events per starting screen) and
// PASSERELLES_MONKEY_SEED run it longer or differently, as for the README's reliability table.
#include <doctest/doctest.h>

#include <cstdlib>
#include <functional>
#include <map>
#include <random>
#include <set>

#include "core/base/sqlite.hpp"
#include "support/test_support.hpp"
#include "ui/headless.hpp"
#include "ui/probe.hpp"
#include "ui/screens/atelier_presenter_screen.hpp"
#include "ui/screens/borne_session.hpp"
#include "ui/screens/screens.hpp"

using namespace passerelles;
using namespace passerelles::ui;

namespace {

constexpr std::int64_t kNoon = 1700049600;

std::shared_ptr<const Pack> packNamed(const ContentLibrary& library, const std::string& id) {
    for (const auto& pack : library.usablePacks()) {
        if (pack->id == id) {
            return pack;
        }
    }
    FAIL("pack " << id << " not loaded");
    return nullptr;
}

std::size_t firstBrokenPack(const ContentLibrary& library) {
    for (std::size_t i = 0; i < library.packs.size(); ++i) {
        if (!library.packs[i].load.usable() || !library.packs[i].load.skippedActivities.empty()) {
            return i;
        }
    }
    FAIL("no broken pack loaded");
    return 0;
}

// Runs that reached their end, for the screens that show one.
QuizRun finishedQuiz(const Quiz& quiz) {
    QuizRun run = QuizRun::forQuiz(quiz);
    for (std::size_t i = 0; i < quiz.questions.size(); ++i) {
        run.toggle(static_cast<int>(i % 2));
        run.confirm();
        run.next();
    }
    return run;
}

SoloMythRun finishedDeck(const MythDeck& deck) {
    SoloMythRun run = SoloMythRun::forDeck(deck);
    for (std::size_t i = 0; i < deck.cards.size(); ++i) {
        run.setPosition(Agreement::RatherAgree);
        run.chooseArgument(0);
        run.continueToPositionAfter();
        run.setPosition(Agreement::Disagree);
    }
    return run;
}

ScenarioRun endedScenario(const Scenario& scenario) {
    ScenarioRun run(scenario);
    for (int step = 0; step < 500 && run.phase() != ScenarioRun::Phase::Ended; ++step) {
        if (!run.proceed()) {
            const auto choices = run.visibleChoices();
            for (const auto& choice : choices) {
                if (choice.available && run.choose(choice.index)) {
                    break;
                }
            }
        }
    }
    REQUIRE(run.phase() == ScenarioRun::Phase::Ended);
    return run;
}

// Every screen a learner can reach, each opened directly so that it is exercised from its first frame.
using ScreenFactory = std::function<std::unique_ptr<Screen>(const ContentLibrary&)>;
using PackScreen = std::function<std::unique_ptr<Screen>(const std::shared_ptr<const Pack>&)>;

// A screen on one of the bundled packs.
ScreenFactory onPack(const std::string& id, PackScreen make) {
    return [id, make](const ContentLibrary& library) { return make(packNamed(library, id)); };
}

// A 45-minute workshop on water with four teams, on the presenter's cover.
std::unique_ptr<Screen> makeWorkshop(const ContentLibrary& library) {
    AtelierPlan plan;
    plan.title = "Atelier";
    plan.themes = {"eau"};
    plan.teams = {{"Une", 0}, {"Deux", 1}, {"Trois", 2}, {"Quatre", 3}};
    plan.items = suggestPlan(library, plan.themes, {}, 45);
    std::vector<std::string> missing;
    auto steps = resolvePlan(library, plan, missing);
    return makeAtelierPresenterScreen(std::make_shared<AtelierSession>(AtelierRun(plan, std::move(steps))));
}

const std::vector<std::pair<std::string, ScreenFactory>>& everyScreen() {
    using PackRef = const std::shared_ptr<const Pack>&;
    static const std::vector<std::pair<std::string, ScreenFactory>> screens = {
        {"home", [](const ContentLibrary&) { return makeHomeScreen(); }},
        {"profiles", [](const ContentLibrary&) { return makeProfileScreen(); }},
        {"dashboard", [](const ContentLibrary&) { return makeDashboardScreen(); }},
        {"review", [](const ContentLibrary&) { return makeReviewScreen(); }},
        {"pack-problems",
         [](const ContentLibrary& library) { return makePackProblemsScreen(firstBrokenPack(library)); }},
        {"quiz",
         onPack("cahier-ludique", [](PackRef pack) { return makeQuizScreen(pack, pack->quizzes.front()); })},
        {"quiz-results", onPack("cahier-ludique",
                                [](PackRef pack) {
                                    const Quiz& quiz = pack->quizzes.front();
                                    return makeQuizResultsScreen(pack, quiz, finishedQuiz(quiz));
                                })},
        {"myths-mode", onPack("cahier-ludique",
                              [](PackRef pack) { return makeMythModeScreen(pack, pack->decks.front()); })},
        {"myths-solo", onPack("cahier-ludique",
                              [](PackRef pack) { return makeMythSoloScreen(pack, pack->decks.front()); })},
        {"myths-results", onPack("cahier-ludique",
                                 [](PackRef pack) {
                                     const MythDeck& deck = pack->decks.front();
                                     return makeMythSoloResultsScreen(pack, deck, finishedDeck(deck));
                                 })},
        {"myths-room", onPack("journee-cuf-2015",
                              [](PackRef pack) { return makeMythRoomScreen(pack, pack->decks.front()); })},
        {"scenario", onPack("cahier-ludique",
                            [](PackRef pack) { return makeScenarioScreen(pack, pack->scenarios.front()); })},
        {"scenario-end", onPack("cahier-ludique",
                                [](PackRef pack) {
                                    const Scenario& scenario = pack->scenarios.back();
                                    return makeScenarioEndScreen(pack, scenario, endedScenario(scenario));
                                })},
        {"diagnostic",
         onPack("acter-2024",
                [](PackRef pack) { return makeDiagnosticScreen(pack, pack->diagnostics.front()); })},
        {"atelier-composer", [](const ContentLibrary&) { return makeAtelierComposerScreen(); }},
        {"atelier", [](const ContentLibrary& library) { return makeWorkshop(library); }},
        {"borne-trainer",
         [](const ContentLibrary& library) {
             return makeBorneTrainerScreen(std::make_shared<BorneSession>(library, std::filesystem::path()));
         }},
        {"borne-round",
         [](const ContentLibrary& library) {
             auto session = std::make_shared<BorneSession>(library, std::filesystem::path());
             session->settings.setPin("1234");
             return makeBorneRoundScreen(session);
         }},
    };
    return screens;
}

// The bundled packs and the broken fixture packs (for « Voir les problèmes »), a data folder, a profile.
SessionOptions optionsFor(const std::filesystem::path& data, std::int64_t* now) {
    SessionOptions options;
    options.contentRoots = {{testing::contentDir(), "bundled"}, {testing::fixturesDir() / "packs", "user"}};
    options.dataDirectory = data;
    options.profile = "Élise";
    options.storeClock = [now] { return *now; };
    return options;
}

// Leaves whatever is on screen and opens `make`'s screen above home, as if reached from there.
void open(HeadlessUi& ui, const ScreenFactory& make) {
    Navigator& navigator = ui.session().host().navigator();
    navigator.resetTo(makeHomeScreen());
    navigator.push(make(ui.session().library()));
    ui.session().host().applyPending();
    ui.frames(2);
}

int environmentNumber(const char* name, int fallback) {
    const char* value = std::getenv(name);
    return value != nullptr ? std::atoi(value) : fallback;
}

}  // namespace

TEST_CASE("a missing font: the built-in font, a message on the home screen, and the game plays on") {
    testing::TemporaryFolder fonts;
    SessionOptions options;
    options.contentRoots = {{testing::contentDir(), "bundled"}};
    options.fontDirectory = fonts.path().string();
    options.systemFonts = false;
    HeadlessUi ui(options, ImVec2(1280, 720));
    ui.frames(2);
    const FontSet& set = ui.session().services().fonts;
    CHECK(set.usingFallback());
    REQUIRE(ui.screen().kind() == "home");
    const auto& messages = ui.session().services().startupMessages;
    REQUIRE(messages.size() == 1);
    CHECK(messages.front().find("Police DejaVu Sans introuvable") != std::string::npos);
    CHECK(messages.front().find("fonts-dejavu-core") != std::string::npos);
    ui.press("Enter");
    ui.frame();
    REQUIRE(ui.screen().kind() == "quiz");
    ui.press("B");
    ui.press("Enter");
    ui.press("Ctrl+Plus");  // the fallback font is rebuilt at another size too
    ui.frames(2);
    CHECK(ui.drawData()->TotalVtxCount > 0);
}

TEST_CASE("a damaged or unreadable font file: the built-in font and a message, never an ImGui assertion") {
    const std::string real = testing::readFile("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf");
    REQUIRE(real.size() > 100000);
    const std::map<std::string, std::function<void(const std::filesystem::path&)>> damages = {
        {"garbage", [](const auto& file) { testing::writeFile(file, std::string(5000, 'x')); }},
        {"empty", [](const auto& file) { testing::writeFile(file, ""); }},
        {"truncated", [&](const auto& file) { testing::writeFile(file, real.substr(0, real.size() / 3)); }},
        {"header only", [&](const auto& file) { testing::writeFile(file, real.substr(0, 400)); }},
        {"a folder", [](const auto& file) { std::filesystem::create_directories(file); }},
    };
    for (const auto& [name, damage] : damages) {
        CAPTURE(name);
        testing::TemporaryFolder fonts;
        testing::writeFile(fonts.path() / "DejaVuSans-Bold.ttf",
                           testing::readFile("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"));
        damage(fonts.path() / "DejaVuSans.ttf");
        SessionOptions options;
        options.contentRoots = {{testing::contentDir(), "bundled"}};
        options.fontDirectory = fonts.path().string();
        options.systemFonts = false;
        HeadlessUi ui(options, ImVec2(1280, 720));
        ui.frames(2);
        CHECK(ui.session().services().fonts.usingFallback());
        const auto& messages = ui.session().services().startupMessages;
        REQUIRE(messages.size() == 1);
        CHECK(messages.front().find("est endommagée") != std::string::npos);
        ui.press("Enter");
        CHECK(ui.drawData()->TotalVtxCount > 0);
    }
}

TEST_CASE("every screen survives a window resized to tiny sizes, to nothing, and back") {
    testing::TemporaryFolder data;
    std::int64_t now = kNoon;
    HeadlessUi ui(optionsFor(data.path(), &now), ImVec2(1280, 720));
    ui.frames(2);
    for (const auto& [kind, make] : everyScreen()) {
        CAPTURE(kind);
        open(ui, make);
        REQUIRE(ui.screen().kind() == kind);
        for (const ImVec2 size : {ImVec2(160, 120), ImVec2(1, 1), ImVec2(0, 0), ImVec2(4000, 30),
                                  ImVec2(30, 4000), ImVec2(0, 720), ImVec2(1280, 0), ImVec2(1280, 720)}) {
            CAPTURE(size.x);
            CAPTURE(size.y);
            ui.resize(size);
            ui.frames(2);
            ui.press("G");  // the acronyms overlay, then closed
            ui.press("G");
            ui.press("Down");
            ui.frame();
        }
        CHECK(ui.screen().kind() == kind);  // nothing above was meant to leave the screen
        CHECK(ui.drawData()->TotalVtxCount > 0);
    }
}

namespace {

// Random input as a visitor hammering the booth would give it, replayable from its seed.
class Monkey {
  public:
    explicit Monkey(unsigned seed) : random_(seed) {}

    // One event: a key (with modifiers), a click, a drag, a wheel turn, typed text, a resize, or time
    // passing. Returns which kind of event it was.
    std::string act(HeadlessUi& ui) {
        const int roll = pick(0, 99);
        ImGuiIO& io = ImGui::GetIO();
        if (roll < 55) {
            KeyPress press;
            if (pick(0, 1) == 0) {
                // Half the keys are the ones that answer (options, confirm, move on), so that the visitor
                // gets through questions and the store is written to, whatever the screens' layout.
                static const Key kAnswering[] = {Key::A,      Key::B,      Key::C,     Key::D,
                                                 Key::Digit1, Key::Digit2, Key::Enter, Key::Enter,
                                                 Key::Space,  Key::Down,   Key::Up,    Key::Right};
                press.key = kAnswering[pick(0, 11)];
            } else {
                press.key = static_cast<Key>(pick(static_cast<int>(Key::A), static_cast<int>(Key::F11)));
                press.ctrl = pick(0, 9) == 0;
                press.shift = pick(0, 9) == 0;
                press.alt = pick(0, 19) == 0;
            }
            ui.frame(FrameInput({press}));
            return "key";
        }
        if (roll < 75) {
            ImVec2 target = anywhere(io);
            const auto widgets = probe::names();
            if (!widgets.empty() && pick(0, 2) == 0) {  // a third of the clicks aim at a real widget
                target = *probe::centre(widgets[static_cast<std::size_t>(pick(0, int(widgets.size()) - 1))]);
            }
            ui.click(target);
            return "click";
        }
        if (roll < 82) {
            io.MousePos = anywhere(io);
            ui.frame();
            io.MouseDown[0] = true;
            for (int i = 0; i < 3; ++i) {
                io.MousePos = anywhere(io);
                ui.frame();
            }
            io.MouseDown[0] = false;
            ui.frame();
            return "drag";
        }
        if (roll < 89) {
            io.MousePos = anywhere(io);
            io.MouseWheel = static_cast<float>(pick(-3, 3));
            ui.frame();
            return "wheel";
        }
        if (roll < 94) {
            static const std::string kTexts[] = {"Élise",
                                                 "a",
                                                 "  ",
                                                 "Œuvre « test » €",
                                                 "0123456789",
                                                 "\xF0\x9F\x98\x80",
                                                 std::string(80, 'z')};
            ui.type(kTexts[pick(0, 6)]);
            return "type";
        }
        if (roll < 97) {
            static const ImVec2 kSizes[] = {ImVec2(0, 0),       ImVec2(1, 1),      ImVec2(160, 120),
                                            ImVec2(640, 360),   ImVec2(1280, 720), ImVec2(1920, 1080),
                                            ImVec2(3840, 2160), ImVec2(300, 1200)};
            ui.resize(kSizes[pick(0, 7)]);
            ui.frame();
            return "resize";
        }
        ui.setTime(ui.time() + pick(1, 600));  // a pause, up to ten minutes, then a frame
        ui.frame();
        return "pause";
    }

  private:
    int pick(int low, int high) { return std::uniform_int_distribution<int>(low, high)(random_); }
    ImVec2 anywhere(const ImGuiIO& io) {
        return ImVec2(static_cast<float>(pick(-5, static_cast<int>(io.DisplaySize.x) + 5)),
                      static_cast<float>(pick(-5, static_cast<int>(io.DisplaySize.y) + 5)));
    }

    std::mt19937 random_;
};

// What the store holds, read through a connection of its own: profile id → number of results.
std::map<std::int64_t, std::int64_t> resultsByProfile(sql::Database& database) {
    std::map<std::int64_t, std::int64_t> counts;
    sql::Statement profiles(database, "SELECT id FROM profiles");
    while (profiles.step()) {
        counts[profiles.integer(0)] = 0;
    }
    sql::Statement results(database, "SELECT profile_id, count(*) FROM results GROUP BY profile_id");
    while (results.step()) {
        counts[results.integer(0)] = results.integer(1);
    }
    return counts;
}

}  // namespace

TEST_CASE("thousands of random keys, clicks, drags and wheel turns on every screen: no crash, nothing lost") {
    const int eventsPerScreen = environmentNumber("PASSERELLES_MONKEY_EVENTS", 150);
    const unsigned seed = static_cast<unsigned>(environmentNumber("PASSERELLES_MONKEY_SEED", 20261122));
    const bool trace = std::getenv("PASSERELLES_MONKEY_TRACE") != nullptr;
    probe::enable(true);
    std::map<std::string, int> eventCounts;
    int restarts = 0;
    int deletions = 0;
    std::int64_t written = 0;
    std::set<std::string> visited;
    testing::TemporaryFolder data;
    std::int64_t now = kNoon;
    auto ui = std::make_unique<HeadlessUi>(optionsFor(data.path(), &now), ImVec2(1280, 720));
    ui->frames(2);
    // Results recorded before the visitor arrives, by a profile the monkey may or may not pick.
    {
        ProgressStore& store = *ui->session().services().progress.store();
        const auto witness = store.createProfile("Témoin");
        REQUIRE(witness);
        ResultRecord record;
        record.profileId = *witness;
        record.packId = "cahier-ludique";
        record.activityId = "connaissances";
        record.itemId = "q01";
        record.fingerprint = "ancien";
        REQUIRE(store.record(record));
    }
    sql::Database reader(data.path() / "progress.db");
    auto before = resultsByProfile(reader);
    unsigned screenIndex = 0;
    for (const auto& [kind, make] : everyScreen()) {
        CAPTURE(kind);
        ui->resize(ImVec2(1280, 720));
        open(*ui, make);
        REQUIRE(ui->screen().kind() == kind);
        Monkey monkey(seed + screenIndex++);
        for (int event = 0; event < eventsPerScreen; ++event) {
            const std::string screenBefore = ui->screen().kind();
            visited.insert(screenBefore);
            const std::string what = monkey.act(*ui);
            ++eventCounts[what];
            if (trace) {
                MESSAGE(kind << " #" << event << " on " << screenBefore << ": " << what);
            }
            if (ui->session().host().quitRequested()) {
                ui.reset();  // the program quits; the visitor starts it again
                ui = std::make_unique<HeadlessUi>(optionsFor(data.path(), &now), ImVec2(1280, 720));
                ui->frames(2);
                ++restarts;
            }
            const auto after = resultsByProfile(reader);
            for (const auto& [profile, count] : after) {
                const auto earlier = before.find(profile);
                written += std::max<std::int64_t>(0, count - (earlier == before.end() ? 0 : earlier->second));
            }
            for (const auto& [profile, count] : before) {
                const auto found = after.find(profile);
                if (found == after.end()) {
                    // Only « Supprimer ce profil… » on the dashboard, confirmed, erases anything.
                    CHECK_MESSAGE(screenBefore == "dashboard", "profile " << profile << " vanished on "
                                                                          << screenBefore << " after a "
                                                                          << what);
                    ++deletions;
                } else {
                    CHECK_MESSAGE(found->second >= count, "results of profile " << profile << " went from "
                                                                                << count << " to "
                                                                                << found->second);
                }
            }
            before = after;
        }
    }
    CHECK(reader.queryText("PRAGMA integrity_check").value_or("") == "ok");
    // The visitor did answer things: the store was written to, not just the screens drawn (counted as it
    // happened, since a profile deleted through the dashboard takes its results with it).
    CHECK(written > 0);
    ui.reset();
    auto reopened = ProgressStore::open(data.path() / "progress.db", [&now] { return now; });
    REQUIRE(reopened.ok());
    CHECK(reopened.value().notice.empty());
    probe::enable(false);
    int total = 0;
    for (const auto& [what, count] : eventCounts) {
        total += count;
    }
    MESSAGE(total << " random events from " << everyScreen().size() << " screens (" << eventCounts["key"]
                  << " keys, " << eventCounts["click"] << " clicks, " << eventCounts["drag"] << " drags, "
                  << eventCounts["wheel"] << " wheel turns, " << eventCounts["type"] << " texts typed, "
                  << eventCounts["resize"] << " resizes, " << eventCounts["pause"] << " pauses), "
                  << visited.size() << " kinds of screen reached, " << written << " results recorded, "
                  << restarts << " restarts after « Quitter », " << deletions
                  << " profile(s) deleted through the dashboard");
    CHECK(total == eventsPerScreen * static_cast<int>(everyScreen().size()));
}

// UI tests of the forum booth: first setup of the PIN, a visitor's round, the idle reset, the trainer's
// way in and out, the counters' CSV; then nothing scrolls (every shipped item at four sizes), the
// on-screen keyboard and the rank, the attract screen, and idle frames that do no work.
//
// Sections: the booth driven by keys · the PIN and damaged settings · nothing scrolls (RoundStage) ·
// the nickname keyboard · the attract screen · idle frames.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <filesystem>

#include <imgui_internal.h>  // the content window's size and extent, to check that nothing scrolls

#include "core/base/text.hpp"
#include "core/borne/borne.hpp"
#include "support/test_support.hpp"
#include "ui/allocation_counter.hpp"
#include "ui/headless.hpp"
#include "ui/probe.hpp"
#include "ui/screen_host.hpp"
#include "ui/screens/borne_session.hpp"

using namespace passerelles;
using namespace passerelles::ui;

namespace {

struct Booth {
    // `damaged`: borne.json as a power cut might leave it, written before the booth starts.
    explicit Booth(bool withPin, ImVec2 size = ImVec2(1280, 720), const std::string& damaged = "") {
        if (!damaged.empty()) {
            testing::writeFile(data() / "borne.json", damaged);
        }
        if (withPin) {
            BorneSettings settings;
            settings.setPin("1234");
            settings.questions = 3;
            settings.idleSeconds = 30;
            REQUIRE(saveBorneSettings(data() / "borne.json", settings).ok());
        }
        start(size);
    }
    // Opens the booth on its data folder (again: a restart, as after the laptop was switched off).
    void start(ImVec2 size = ImVec2(1280, 720)) {
        ui.reset();
        SessionOptions options;
        options.contentRoots = {{testing::contentDir(), "bundled"}};
        options.dataDirectory = data();
        options.open = "borne";
        ui = std::make_unique<HeadlessUi>(options, size);
        ui->frames(2);
    }
    // The messages drawn on the last frame (outcomeMessage records them for the probe).
    std::vector<std::string> messages() {
        probe::enable(true);
        ui->frame();
        std::vector<std::string> found;
        for (const std::string& name : probe::names()) {
            if (name.rfind("message:", 0) == 0) {
                found.push_back(name.substr(8));
            }
        }
        probe::enable(false);
        return found;
    }
    bool shows(const std::string& message) {
        const auto found = messages();
        return std::find(found.begin(), found.end(), message) != found.end();
    }
    std::filesystem::path data() const { return folder.path() / "data"; }
    void press(std::initializer_list<const char*> keys) {
        for (const char* key : keys) {
            ui->press(key);
        }
    }
    std::string kind() { return ui->screen().kind(); }
    // Plays until the end screen: the first option of every item, validated when needed.
    void playRound() {
        for (int guard = 0; guard < 60 && kind() == "borne-round"; ++guard) {
            press({"A", "Enter"});
        }
    }
    BorneDayCounters counters() {
        BorneStore store(data());
        return store.counters(formatLocalTimeNow("%Y-%m-%d"), {});
    }
    testing::TemporaryFolder folder;
    std::unique_ptr<HeadlessUi> ui;
};

}  // namespace

TEST_CASE("the first start asks the trainer for a PIN twice, then keeps it") {
    Booth booth(false);
    REQUIRE(booth.kind() == "borne-trainer");
    CHECK(booth.ui->session().services().settings.kiosk);
    booth.press({"1", "2", "3", "Enter"});  // too short
    CHECK(booth.kind() == "borne-trainer");
    booth.press({"4", "8", "1", "5", "Enter", "4", "8", "1", "6", "Enter"});  // two different codes
    CHECK_FALSE(loadBorneSettings(booth.data() / "borne.json").settings.hasPin());
    booth.press({"4", "8", "1", "5", "Enter", "4", "8", "1", "5", "Enter"});
    const BorneSettings saved = loadBorneSettings(booth.data() / "borne.json").settings;
    CHECK(saved.checkPin("4815"));
    booth.press({"Escape"});
    CHECK(booth.kind() == "borne-attract");
}

TEST_CASE("a visitor touches, plays a short round, sees the score and a fact, and signs the day's board") {
    Booth booth(true);
    REQUIRE(booth.kind() == "borne-attract");
    booth.press({"Space"});
    REQUIRE(booth.kind() == "borne-round");
    booth.press({"Escape", "F11"});  // a visitor's keys that would leave elsewhere
    CHECK(booth.kind() == "borne-round");
    CHECK(booth.ui->session().services().settings.fullscreen);
    booth.playRound();
    REQUIRE(booth.kind() == "borne-end");
    booth.press({"Z", "O", "E", "Enter"});
    CHECK(booth.kind() == "borne-attract");
    const auto counters = booth.counters();
    CHECK(counters.rounds == 1);
    BorneStore store(booth.data());
    const auto leaders = store.leaders(counters.day, 3);
    REQUIRE(leaders.size() == 1);
    CHECK(leaders[0].nickname == "ZOE");
}

TEST_CASE("left alone mid-round, the booth goes back to its attract screen and counts an abandoned round") {
    Booth booth(true);
    booth.press({"Enter"});
    REQUIRE(booth.kind() == "borne-round");
    booth.ui->setTime(booth.ui->time() + 10.0);
    booth.ui->frame();
    CHECK(booth.kind() == "borne-round");  // 10 s is not 30
    booth.ui->setTime(booth.ui->time() + 31.0);
    booth.ui->frame();
    booth.ui->frame();
    CHECK(booth.kind() == "borne-attract");
    const auto counters = booth.counters();
    CHECK(counters.rounds == 0);
    CHECK(counters.abandoned == 1);
}

TEST_CASE("the trainer comes in with Ctrl+Maj+B and the PIN; three wrong codes send a visitor back") {
    Booth booth(true);
    booth.press({"Ctrl+Shift+B"});
    REQUIRE(booth.kind() == "borne-trainer");
    booth.press({"0", "0", "0", "0", "Enter", "1", "1", "1", "1", "Enter"});
    CHECK(booth.kind() == "borne-trainer");
    booth.press({"9", "9", "9", "9", "Enter"});
    CHECK(booth.kind() == "borne-attract");
    booth.ui->setTime(booth.ui->time() + 31.0);  // past the 30 s lock that three wrong codes start
    booth.ui->frame();

    booth.press({"Space"});
    booth.playRound();
    booth.press({"Enter"});
    booth.press({"Ctrl+Shift+B", "1", "2", "3", "4", "Enter", "E"});
    REQUIRE(booth.kind() == "borne-trainer");
    const auto folder = booth.data() / "borne";
    REQUIRE(std::filesystem::is_directory(folder));
    std::string csv;
    for (const auto& entry : std::filesystem::directory_iterator(folder)) {
        csv = testing::readFile(entry.path());
    }
    CHECK(csv.find("parties jouées") != std::string::npos);
    CHECK(csv.find(";1;0;") != std::string::npos);  // one round played, none abandoned
}

TEST_CASE("three wrong PINs lock the pad: Ctrl+Maj+B again, or a restart, gives no new tries") {
    Booth booth(true);
    booth.press({"Ctrl+Shift+B", "0", "0", "0", "0", "Enter", "1", "1", "1", "1", "Enter"});
    REQUIRE(booth.kind() == "borne-trainer");
    CHECK(booth.shows("Code incorrect."));
    booth.press({"2", "2", "2", "2", "Enter"});
    REQUIRE(booth.kind() == "borne-attract");

    booth.ui->setTime(booth.ui->time() + 15.0);
    booth.press({"Ctrl+Shift+B"});
    REQUIRE(booth.kind() == "borne-trainer");
    CHECK(booth.shows("Code incorrect. Nouvel essai possible dans 15 s."));
    booth.press({"1", "2", "3", "4", "Enter"});  // the right code, refused while locked
    CHECK(booth.kind() == "borne-trainer");
    CHECK(booth.shows("Code incorrect. Nouvel essai possible dans 15 s."));
    booth.press({"Escape"});
    REQUIRE(booth.kind() == "borne-attract");

    booth.start();  // a restart keeps the lock
    booth.press({"Ctrl+Shift+B"});
    REQUIRE(booth.kind() == "borne-trainer");
    const auto locked = booth.messages();
    REQUIRE(locked.size() == 1);
    CHECK(locked[0].rfind("Code incorrect. Nouvel essai possible dans ", 0) == 0);
    booth.press({"1", "2", "3", "4", "Enter"});
    CHECK_FALSE(booth.shows("Code enregistré."));
    CHECK(booth.messages() == locked);

    // Once the delay is over the right code opens, and the count starts again.
    booth.ui->setTime(booth.ui->time() + 31.0);
    booth.ui->frame();
    booth.press({"Ctrl+Shift+B", "1", "2", "3", "4", "Enter"});
    CHECK(booth.messages().empty());
    BorneStore store(booth.data());
    CHECK(store.pinLockout().failures == 0);
}

TEST_CASE("after a lock, the next series of three wrong PINs locks for 2 minutes") {
    Booth booth(true);
    booth.press({"Ctrl+Shift+B", "0", "0", "0", "0", "Enter", "0", "0", "0", "0", "Enter"});
    booth.press({"Escape"});  // closing the pad does not forget the two wrong codes
    booth.press({"Ctrl+Shift+B", "0", "0", "0", "0", "Enter"});
    REQUIRE(booth.kind() == "borne-attract");
    booth.ui->setTime(booth.ui->time() + 30.0);
    booth.press({"Ctrl+Shift+B", "0", "0", "0", "0", "Enter", "0", "0", "0", "0", "Enter"});
    booth.press({"0", "0", "0", "0", "Enter"});
    REQUIRE(booth.kind() == "borne-attract");
    booth.press({"Ctrl+Shift+B"});
    CHECK(booth.shows("Code incorrect. Nouvel essai possible dans 2 min."));
}

namespace {

bool drawsWidget(HeadlessUi& ui, const std::string& name) {
    probe::enable(true);
    ui.frame();
    const auto names = probe::names();
    probe::enable(false);
    return std::find(names.begin(), names.end(), name) != names.end();
}

bool drawsWidget(Booth& booth, const std::string& name) {
    return drawsWidget(*booth.ui, name);
}

}  // namespace

TEST_CASE("a damaged borne.json whose PIN can be read keeps the booth and its PIN") {
    BorneSettings original;
    original.setPin("1234");
    Booth booth(false, ImVec2(1280, 720), "{\"pinHash\": \"" + original.pinHash + "\", \"questions\": 3,");
    CHECK(booth.kind() == "borne-attract");  // no setup offered to whoever stands there
    booth.press({"Ctrl+Shift+B", "1", "2", "3", "4", "Enter"});
    CHECK(drawsWidget(booth, "button:Quitter Passerelles"));
    bool setAside = false;
    for (const auto& entry : std::filesystem::directory_iterator(booth.data())) {
        setAside |= entry.path().filename().string().rfind("borne.json.endommage-", 0) == 0;
    }
    CHECK(setAside);
}

TEST_CASE("a damaged borne.json without a PIN locks the booth until one is set from the command line") {
    Booth booth(false, ImVec2(1280, 720), "{\"questions\": 3, \"pin");
    REQUIRE(booth.kind() == "borne-trainer");
    // A visitor typing a code twice, as on the first start, chooses nothing.
    booth.press({"4", "8", "1", "5", "Enter", "4", "8", "1", "5", "Enter", "Escape"});
    CHECK(booth.kind() == "borne-trainer");
    CHECK_FALSE(drawsWidget(booth, "button:Quitter Passerelles"));
    CHECK_FALSE(loadBorneSettings(booth.data() / "borne.json").settings.hasPin());
    booth.start();  // nor after a restart
    CHECK(booth.kind() == "borne-trainer");
    booth.press({"4", "8", "1", "5", "Enter", "4", "8", "1", "5", "Enter"});
    CHECK_FALSE(drawsWidget(booth, "button:Quitter Passerelles"));
    CHECK_FALSE(loadBorneSettings(booth.data() / "borne.json").settings.hasPin());

    // The trainer runs « passerelles --borne --set-pin » in a terminal: the booth opens on its own.
    REQUIRE(setBornePin(booth.data(), "2468").ok());
    booth.ui->setTime(booth.ui->time() + 3.0);
    booth.ui->frames(2);
    booth.press({"2", "4", "6", "8", "Enter"});
    CHECK(drawsWidget(booth, "button:Quitter Passerelles"));
}

// ---- Nothing scrolls ---------------------------------------------------------------------------------

namespace {

// How far the last frame's content went past the bottom of the host's scrolling region, in pixels
// (≤ 0: it fits), computed as ImGui does before it shows a scrollbar: the extent reached by the cursor,
// plus the window's padding, against the window's inner height.
float verticalOverflow() {
    ImGuiContext& context = *ImGui::GetCurrentContext();
    for (ImGuiWindow* window : context.Windows) {
        if (window->Active && std::strstr(window->Name, "##content") != nullptr) {
            const float content = std::ceil(window->DC.CursorMaxPos.y - window->DC.CursorStartPos.y);
            return content + window->WindowPadding.y * 2.0f - window->InnerRect.GetHeight();
        }
    }
    FAIL("no content window drawn");
    return 0.0f;
}

float scrollMax() {
    ImGuiContext& context = *ImGui::GetCurrentContext();
    for (ImGuiWindow* window : context.Windows) {
        if (window->Active && std::strstr(window->Name, "##content") != nullptr) {
            return window->ScrollMax.y;
        }
    }
    return -1.0f;
}

// A booth with no data folder whose screen is set directly to one round of `items`.
struct RoundStage {
    RoundStage() {
        SessionOptions options;
        options.contentRoots = {{testing::contentDir(), "bundled"}};
        options.open = "home";
        ui = std::make_unique<HeadlessUi>(options, ImVec2(1280, 720));
        session = std::make_shared<BorneSession>(ui->session().library(), std::filesystem::path());
    }
    std::shared_ptr<BorneRound> show(std::vector<BorneItem> items) {
        auto round = std::make_shared<BorneRound>(std::move(items));
        ui->session().host().navigator().resetTo(makeBorneRoundScreen(session, round));
        ui->session().host().applyPending();
        ui->frames(2);  // the second frame's scroll limit comes from the first frame's content
        return round;
    }
    // Fits when neither the content drawn nor ImGui's own scroll limit go past the window.
    bool fits(const std::string& what) {
        ui->frame();
        const float overflow = verticalOverflow();
        const float limit = scrollMax();
        CAPTURE(what);
        CAPTURE(overflow);
        CHECK(ui->screen().kind() == "borne-round");
        if (overflow > 0.0f || limit != 0.0f) {
            MESSAGE(what << ": " << overflow << " px too high");
        }
        return overflow <= 0.0f && limit == 0.0f;
    }
    std::unique_ptr<HeadlessUi> ui;
    std::shared_ptr<BorneSession> session;
};

int wrongOption(const Question& question) {
    for (std::size_t o = 0; o < question.options.size(); ++o) {
        if (!question.options[o].correct) {
            return static_cast<int>(o);
        }
    }
    return 0;
}

}  // namespace

TEST_CASE("every booth question and card fits one screen, before and after the answer, at four sizes") {
    RoundStage stage;
    const BornePool& pool = stage.session->pool;
    REQUIRE(pool.questions.size() > 50);
    REQUIRE(pool.cards.size() > 10);
    int checked = 0;
    for (const ImVec2 size : {ImVec2(1280, 720), ImVec2(1920, 1080), ImVec2(1024, 768), ImVec2(1366, 768)}) {
        stage.ui->resize(size);
        for (const BorneItem& item : pool.questions) {
            const std::string what = std::to_string(static_cast<int>(size.x)) + " " + borneItemKey(item);
            auto round = stage.show({item, item});  // not the last item: « Suivant », not « Voir mon score »
            CHECK_MESSAGE(stage.fits(what + " question"), what);
            round->answer({wrongOption(*item.question)});
            CHECK_MESSAGE(stage.fits(what + " answered"), what);
            ++checked;
        }
        for (const BorneItem& item : pool.cards) {
            for (std::size_t a = 0; a < item.card->arguments.size(); ++a) {
                const std::string what = std::to_string(static_cast<int>(size.x)) + " " + borneItemKey(item) +
                                         " argument " + std::to_string(a);
                auto round = stage.show({item, item});
                if (a == 0) {
                    CHECK_MESSAGE(stage.fits(what + " card"), what);
                }
                round->answer({static_cast<int>(a)});
                CHECK_MESSAGE(stage.fits(what + " answered"), what);
                ++checked;
            }
        }
    }
    CHECK(checked == 4 * static_cast<int>(pool.questions.size() + [&] {
                         std::size_t arguments = 0;
                         for (const BorneItem& item : pool.cards) {
                             arguments += item.card->arguments.size();
                         }
                         return arguments;
                     }()));
}

TEST_CASE("an item too long for the floor size is shortened, never scrolled") {
    // Six long options, a long statement and a long explanation at 1024×768: no type level fits whole.
    Pack pack;
    pack.id = "long";
    Question question;
    question.id = "q";
    const std::string words = "une phrase assez longue pour remplir une ligne entière de la borne ";
    for (int i = 0; i < 4; ++i) {
        question.text += words;
    }
    question.text += "?";
    question.explanation = words + words + words + words + words + "fin. Deuxième phrase jamais montrée.";
    for (int o = 0; o < 6; ++o) {
        QuizOption option;
        option.id = std::to_string(o);
        option.text = words + words + std::to_string(o);
        option.correct = o == 0;
        question.options.push_back(option);
    }
    RoundStage stage;
    stage.ui->resize(ImVec2(1024, 768));
    auto round = stage.show({BorneItem{&pack, "quiz", &question, nullptr}});
    CHECK(stage.fits("question"));
    round->answer({1});
    probe::enable(true);
    CHECK(stage.fits("answered"));
    CHECK(probe::shown("Pas tout à fait"));
    CHECK_FALSE(probe::shown("Deuxième phrase"));
    CHECK_FALSE(probe::shown("fin."));  // the first sentence itself is cut, on a word, with « … »
    bool cut = false;
    for (const std::string& text : probe::texts()) {
        cut = cut || (text.starts_with("une phrase") && text.ends_with("…"));
    }
    CHECK(cut);
    probe::enable(false);
}

namespace {

// Touches the widget drawn under `name` (a button's label): false when the screen does not draw it.
bool touch(HeadlessUi& ui, const std::string& name) {
    probe::enable(true);
    ui.frame();
    const auto centre = probe::centre(name);
    probe::enable(false);
    if (!centre) {
        return false;
    }
    ui.click(*centre);
    return true;
}

}  // namespace

TEST_CASE("a nickname typed by touches on the on-screen keyboard, « Zoé 2 », then the visitor's rank") {
    Booth booth(true);
    booth.press({"Space"});
    booth.playRound();
    booth.press({"Enter"});  // a first visitor leaves without a nickname
    booth.press({"Space"});
    booth.playRound();
    REQUIRE(booth.kind() == "borne-end");
    for (const ImVec2 size : {ImVec2(1280, 720), ImVec2(1920, 1080), ImVec2(1024, 768), ImVec2(1366, 768)}) {
        booth.ui->resize(size);
        booth.ui->frames(2);
        CAPTURE(size.x);
        CHECK(verticalOverflow() <= 0.0f);  // the end screen fits, keyboard closed
    }
    REQUIRE(touch(*booth.ui, "button:Mon pseudo au classement"));
    // The first letter is a capital, then lower case; accents, a space and digits have their keys.
    for (const char* key : {"Z", "o", "é", "espace", "2"}) {
        CAPTURE(key);
        REQUIRE(touch(*booth.ui, std::string("button:") + key));
    }
    CHECK(drawsWidget(booth, "nickname:Zoé 2"));
    for (const ImVec2 size : {ImVec2(1280, 720), ImVec2(1920, 1080), ImVec2(1024, 768), ImVec2(1366, 768)}) {
        booth.ui->resize(size);
        booth.ui->frames(2);
        CAPTURE(size.x);
        CHECK(verticalOverflow() <= 0.0f);  // and with the keyboard open
        CHECK(scrollMax() == 0.0f);
    }
    // The shift key gives the capitals of the accents; ← erases one character, not one byte.
    REQUIRE(touch(*booth.ui, "button:\xE2\x87\xA7"));
    REQUIRE(touch(*booth.ui, "button:É"));
    CHECK(drawsWidget(booth, "nickname:Zoé 2É"));
    REQUIRE(touch(*booth.ui, "button:\xE2\x86\x90"));
    CHECK(drawsWidget(booth, "nickname:Zoé 2"));

    REQUIRE(touch(*booth.ui, "button:Enregistrer"));
    probe::enable(true);
    booth.ui->frame();
    const bool ranked = probe::shown("Votre pseudo «\u00A0Zoé 2\u00A0» est au classement du jour\u00A0: ") &&
                        probe::shown(" sur 2 aujourd’hui.");
    probe::enable(false);
    CHECK(ranked);
    BorneStore store(booth.data());
    const auto leaders = store.leaders(formatLocalTimeNow("%Y-%m-%d"), 3);
    REQUIRE(leaders.size() == 1);
    CHECK(leaders[0].nickname == "Zoé 2");
}

TEST_CASE("the attract screen shows its large call to action and fits, slide after slide, at four sizes") {
    Booth booth(true);
    REQUIRE(booth.kind() == "borne-attract");
    for (const ImVec2 size : {ImVec2(1280, 720), ImVec2(1920, 1080), ImVec2(1024, 768), ImVec2(1366, 768)}) {
        booth.ui->resize(size);
        for (int slide = 0; slide < 12; ++slide) {
            booth.ui->setTime(booth.ui->time() + 8.0);  // the next slide (7 s each by default)
            booth.ui->frames(2);
            CAPTURE(size.x);
            CAPTURE(slide);
            CHECK(verticalOverflow() <= 0.0f);
            CHECK(drawsWidget(booth, "button:Touchez l’écran pour jouer"));
        }
    }
    CHECK(booth.kind() == "borne-attract");
}

TEST_CASE("an idle booth frame allocates nothing, queries nothing and rebuilds no pool, on every screen") {
    testing::TemporaryFolder folder;
    {
        BorneSettings settings;
        settings.setPin("1234");
        REQUIRE(saveBorneSettings(folder.path() / "borne.json", settings).ok());
    }
    RoundStage stage;
    auto session = std::make_shared<BorneSession>(stage.ui->session().library(), folder.path());
    REQUIRE(session->store);
    HeadlessUi& ui = *stage.ui;
    const auto idleFramesChangeNothing = [&](const std::string& what) {
        ui.frames(3);  // settle: layouts measured, texts built, counters read
        const std::uint64_t allocations = testing::allocationCount();
        const std::uint64_t accesses = session->store->accesses();
        const int builds = session->poolBuilds;
        ui.frames(10);
        const std::uint64_t allocated = testing::allocationCount() - allocations;
        CAPTURE(what);  // after counting: doctest's CAPTURE allocates
        CHECK(allocated == 0);
        CHECK(session->store->accesses() == accesses);
        CHECK(session->poolBuilds == builds);
    };
    auto& navigator = ui.session().host().navigator();
    navigator.resetTo(makeBorneAttractScreen(session));
    ui.session().host().applyPending();
    idleFramesChangeNothing("attract");

    auto round = std::make_shared<BorneRound>(std::vector<BorneItem>{session->pool.questions.front()});
    navigator.resetTo(makeBorneRoundScreen(session, round));
    ui.session().host().applyPending();
    idleFramesChangeNothing("question");
    round->answer({0});
    idleFramesChangeNothing("answered");

    const auto id = session->store->recordRound(session->today(), *round);
    navigator.resetTo(makeBorneEndScreen(session, round, id));
    ui.session().host().applyPending();
    idleFramesChangeNothing("end");
    REQUIRE(touch(ui, "button:Mon pseudo au classement"));
    idleFramesChangeNothing("end, keyboard");

    navigator.resetTo(makeBorneTrainerScreen(session));
    ui.session().host().applyPending();
    for (const char* key : {"1", "2", "3", "4", "Enter"}) {
        ui.press(key);
    }
    REQUIRE(drawsWidget(ui, "button:Quitter Passerelles"));
    idleFramesChangeNothing("trainer");
    const int builds = session->poolBuilds;
    const auto themes = bornePoolThemes(session->packs);
    REQUIRE_FALSE(themes.empty());
    REQUIRE(touch(ui, "button:" + themes.front().label));  // a theme chosen: the pool is rebuilt, once
    CHECK(session->poolBuilds == builds + 1);
    idleFramesChangeNothing("trainer, after a change");
}

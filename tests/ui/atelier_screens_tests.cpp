// UI tests of the workshop: composer to presenter, team answers and room hands typed from the keyboard,
// votes on a card and on a scenario, the map of the room, the overlays, and the report from the end screen.
#include <doctest/doctest.h>

#include <algorithm>
#include <cfloat>
#include <cstdint>
#include <filesystem>
#include <fstream>

#include "core/play/option_order.hpp"
#include "support/csv_reading.hpp"
#include "support/test_support.hpp"
#include "ui/allocation_counter.hpp"
#include "ui/file_url.hpp"
#include "ui/headless.hpp"
#include "ui/probe.hpp"
#include "ui/screens/atelier_presenter_screen.hpp"

using namespace passerelles;
using namespace passerelles::ui;

namespace {

constexpr std::uint64_t kOptionSeed = 20261205;

// The plan a trainer would save: two questions (one answer, several answers), a card, a scenario, the map.
std::string planJson(bool teams) {
    std::string json =
        R"({"format": 1, "title": "L’eau, ici et là-bas", "place": "Bourges", "date": "2026-11-22",
 "audience": "Élus de communes rurales", "themes": ["eau"], "audiences": [], "targetMinutes": 45,
 "podiumSize": 3, "timerSeconds": 60, "teamNamesInReport": false,)";
    if (teams) {
        json += R"( "teams": [{"name": "Les Castors", "colour": 0}, {"name": "Vierzon", "colour": 1},
 {"name": "Équipe jaune", "colour": 3}, {"name": "Équipe verte", "colour": 2}],)";
    }
    json += R"( "items": [
  {"kind": "question", "pack": "cahier-ludique", "activity": "connaissances", "item": "q01"},
  {"kind": "question", "pack": "acter-2024", "activity": "acter", "item": "q03"},
  {"kind": "card", "pack": "cahier-ludique", "activity": "idees-recues", "item": "pas-une-priorite"},
  {"kind": "scenario", "pack": "cahier-ludique", "activity": "cofinancement", "item": "cofinancement"},
  {"kind": "profile-map", "pack": "acter-2024", "activity": "profil-action-internationale",
   "item": "profil-action-internationale"}
 ]})";
    return json;
}

struct Workshop {
    explicit Workshop(bool teams, ImVec2 size = ImVec2(1920, 1080)) {
        const auto plan = folder.path() / "plan.json";
        testing::writeFile(plan, planJson(teams));
        SessionOptions options;
        options.contentRoots = {{testing::contentDir(), "bundled"}};
        options.dataDirectory = folder.path() / "data";
        options.profile = "guest";
        options.open = "atelier:" + plan.string();
        options.optionSeed = kOptionSeed;  // the options shuffled, the same way on every run
        ui = std::make_unique<HeadlessUi>(options, size);
        ui->frames(2);
    }
    AtelierPresenterScreen& launch() {
        REQUIRE(ui->screen().kind() == "atelier-composer");
        ui->press("Ctrl+L");
        ui->frame();
        REQUIRE(ui->screen().kind() == "atelier");
        auto* screen = dynamic_cast<AtelierPresenterScreen*>(&ui->screen());
        REQUIRE(screen != nullptr);
        return *screen;
    }
    void press(std::initializer_list<const char*> keys) {
        for (const char* key : keys) {
            ui->press(key);
        }
    }
    testing::TemporaryFolder folder;
    std::unique_ptr<HeadlessUi> ui;
};

// The key of `option` (an index into the question's options) as the room sees it: its shown letter.
std::string letter(const AtelierPresenterScreen& screen, int option) {
    const int shown = shownPosition(screen.run().optionOrder(screen.run().position()), option);
    return std::string(1, static_cast<char>('A' + shown));
}

int firstCorrect(const Question& question, bool correct) {
    for (std::size_t o = 0; o < question.options.size(); ++o) {
        if (question.options[o].correct == correct) {
            return static_cast<int>(o);
        }
    }
    return -1;
}

}  // namespace

TEST_CASE("the composer launches the presenter on the cover, and the arrows walk the steps") {
    Workshop workshop(true);
    AtelierPresenterScreen& screen = workshop.launch();
    CHECK(screen.onCover());
    CHECK(screen.run().stepCount() == 5);
    workshop.press({"Right"});
    CHECK_FALSE(screen.onCover());
    CHECK(screen.run().position() == 0);
    workshop.press({"Right", "PageDown"});
    CHECK(screen.run().position() == 2);
    workshop.press({"Left"});
    CHECK(screen.run().position() == 1);
}

TEST_CASE("teams answer with their number then a letter; the reveal scores them and ranks them fairly") {
    Workshop workshop(true);
    AtelierPresenterScreen& screen = workshop.launch();
    workshop.press({"Right"});
    const Question& question = *screen.run().step().question;
    const int right = firstCorrect(question, true);
    const int wrong = firstCorrect(question, false);
    REQUIRE(right >= 0);
    REQUIRE(wrong >= 0);

    // A letter before answers are open does nothing; a letter with no team first gives a hint.
    workshop.press({"1", letter(screen, right).c_str()});
    CHECK(std::get<QuestionTally>(screen.run().tally(0)).teamAnswers[0].empty());
    workshop.press({"Space"});
    CHECK(screen.run().answeringOpen());
    workshop.press({"1", letter(screen, right).c_str(), "2", letter(screen, wrong).c_str(), "3",
                    letter(screen, right).c_str()});
    const auto& tally = std::get<QuestionTally>(screen.run().tally(0));
    CHECK(tally.teamAnswers[0] == std::vector<int>{right});
    CHECK(tally.teamAnswers[1] == std::vector<int>{wrong});
    CHECK(tally.teamAnswers[3].empty());
    // Before the reveal nobody has points: no speed points for answering first.
    CHECK(screen.run().teamPoints(0) == 0.0);

    workshop.press({"Space", "Enter"});
    CHECK(tally.revealed);
    CHECK(screen.run().teamPoints(0) > 0.0);
    CHECK(screen.run().teamPoints(0) == screen.run().teamPoints(2));
    CHECK(screen.run().teamPoints(1) == 0.0);
    const auto standings = screen.run().standings();
    REQUIRE(standings.size() == 4);
    CHECK(standings[0].rank == 1);
    CHECK(standings[1].rank == 1);  // equal points share a rank
    CHECK(standings[2].rank == 3);
    const auto counts = screen.run().distribution(0);
    CHECK(counts[static_cast<std::size_t>(right)] == 2);
    CHECK(counts[static_cast<std::size_t>(wrong)] == 1);

    workshop.press({"S"});
    CHECK(screen.scoreboardOpen());
    workshop.press({"Right"});  // the overlay owns the keys
    CHECK(screen.run().position() == 0);
    workshop.press({"S", "H"});
    CHECK(screen.helpOpen());
    workshop.press({"H"});
    CHECK_FALSE(screen.helpOpen());
}

TEST_CASE("a whole room raises hands: a letter picks the answer, digits type the count") {
    Workshop workshop(false);
    AtelierPresenterScreen& screen = workshop.launch();
    workshop.press({"Right"});
    const Question& question = *screen.run().step().question;
    const int right = firstCorrect(question, true);
    const int wrong = firstCorrect(question, false);
    // The workshop's own order, drawn from its seed: the letters pressed below are the ones on screen.
    CHECK(screen.run().optionOrder(0) == optionDisplayOrder(question, kOptionSeed));
    workshop.press({"Space", letter(screen, right).c_str(), "1", "2", letter(screen, wrong).c_str(), "4",
                    "Backspace", "3", "Space", "Enter"});
    const auto& tally = std::get<QuestionTally>(screen.run().tally(0));
    CHECK(tally.hands[static_cast<std::size_t>(right)] == 12);
    CHECK(tally.hands[static_cast<std::size_t>(wrong)] == 3);
    REQUIRE(screen.run().successRate(0).has_value());
    CHECK(*screen.run().successRate(0) == doctest::Approx(12.0 / 15.0));
}

TEST_CASE("an idée reçue takes the room's hands before and after the arguments") {
    Workshop workshop(false);
    AtelierPresenterScreen& screen = workshop.launch();
    workshop.press({"Right", "Right", "Right"});
    REQUIRE(screen.run().step().ref.kind == AtelierItemKind::Card);
    // Space opens the vote; digits for « d'accord », Tab, digits for « pas d'accord », Space records.
    workshop.press({"Space", "9", "Tab", "4", "Space"});
    const RoomMythRun* card = &std::get<CardTally>(screen.run().tally(2)).run;
    REQUIRE(card->phase() == RoomMythRun::Phase::Arguments);
    CHECK(card->current().before.agree == 9);
    CHECK(card->current().before.disagree == 4);
    const int arguments = static_cast<int>(card->currentCard().arguments.size());
    for (int i = 0; i < arguments; ++i) {
        workshop.press({"Space"});
    }
    CHECK(card->argumentsRevealed() == arguments);
    // Past the answer, the second vote.
    for (int i = 0; i < 4 && card->phase() != RoomMythRun::Phase::VoteAfter; ++i) {
        workshop.press({"Enter"});
    }
    REQUIRE(card->phase() == RoomMythRun::Phase::VoteAfter);
    workshop.press({"3", "Tab", "1", "0", "Space"});
    CHECK(card->current().after.agree == 3);
    CHECK(card->current().after.disagree == 10);
}

TEST_CASE("a scenario's choice goes to the teams' vote; a tie waits for the facilitator's letter") {
    Workshop workshop(true);
    AtelierPresenterScreen& screen = workshop.launch();
    workshop.press({"Right", "Right", "Right", "Right"});
    REQUIRE(screen.run().step().ref.kind == AtelierItemKind::Scenario);
    const auto& tally = std::get<ScenarioTally>(screen.run().tally(3));
    for (int i = 0; i < 5 && tally.run.currentNode().type != NodeType::Choice; ++i) {
        workshop.press({"Enter"});
    }
    REQUIRE(tally.run.currentNode().type == NodeType::Choice);
    const int node = tally.run.currentNodeIndex();
    const int second = tally.run.visibleChoices()[1].index;
    workshop.press({"Space", "1", "A", "2", "B", "3", "A", "4", "B", "Space"});
    CHECK(screen.run().leadingChoices().size() == 2);
    workshop.press({"Enter"});
    CHECK(tally.decisions.empty());  // a tie is not settled by the program
    CHECK(tally.run.currentNodeIndex() == node);
    workshop.press({"B", "Enter"});
    REQUIRE(tally.decisions.size() == 1);
    CHECK(tally.decisions[0].node == node);
    CHECK(tally.decisions[0].choice == second);
    const auto& votes = tally.decisions[0].votes;
    CHECK(std::count(votes.begin(), votes.end(), 2) == 2);
}

TEST_CASE("the map of the room counts collectivités per profile with the digit keys") {
    Workshop workshop(false, ImVec2(1280, 720));
    AtelierPresenterScreen& screen = workshop.launch();
    workshop.press({"Right", "Right", "Right", "Right", "Right"});
    REQUIRE(screen.run().step().ref.kind == AtelierItemKind::ProfileMap);
    workshop.press({"1", "1", "3", "2", "Backspace"});
    const auto counts = screen.run().profileCounts(4);
    REQUIRE(counts.size() >= 3);
    CHECK(counts[0] == 2);
    CHECK(counts[1] == 0);
    CHECK(counts[2] == 1);
}

TEST_CASE("the end screen writes the report into the data folder, and a second one never overwrites it") {
    Workshop workshop(true, ImVec2(1280, 720));
    AtelierPresenterScreen& screen = workshop.launch();
    workshop.press({"Right", "Space", "1", "A", "2", "B", "Space", "Enter"});
    CHECK(screen.run().visited(0));
    workshop.press({"Escape", "Enter"});
    REQUIRE(workshop.ui->screen().kind() == "atelier-end");
    workshop.press({"E"});
    const auto ateliers = workshop.folder.path() / "data" / "ateliers";
    REQUIRE(std::filesystem::is_directory(ateliers));
    std::vector<std::filesystem::path> reports;
    for (const auto& entry : std::filesystem::directory_iterator(ateliers)) {
        if (entry.is_directory() && entry.path().filename() != "plans") {
            reports.push_back(entry.path());
        }
    }
    REQUIRE(reports.size() == 1);
    CHECK(reports[0].filename().string().rfind("2026-11-22-bourges", 0) == 0);
    const std::string html = testing::readFile(reports[0] / "compte-rendu.html");
    CHECK(html.find("22 novembre 2026") != std::string::npos);
    CHECK(html.find("Bourges") != std::string::npos);
    CHECK(html.find("Les Castors") == std::string::npos);  // anonymous by default
    const std::string questions = testing::readFile(reports[0] / "questions.csv");
    CHECK(questions.find("q01") != std::string::npos);
    CHECK(std::filesystem::exists(reports[0] / "equipes.csv"));

    workshop.press({"E"});
    std::size_t folders = 0;
    for (const auto& entry : std::filesystem::directory_iterator(ateliers)) {
        folders += entry.is_directory() && entry.path().filename() != "plans" ? 1 : 0;
    }
    CHECK(folders == 2);
}

TEST_CASE("a wrapped text is laid out again when another string reuses the same address") {
    Workshop workshop(false);
    Services& services = workshop.ui->session().services();
    ImGui::NewFrame();
    const TextStyle style{services.fonts.body, IM_COL32_WHITE, 200.0f, 1.25f};
    // Same address, same length, other words: many short words wrap, spaces alone make no line at all.
    std::string text(120, 'a');
    for (std::size_t i = 2; i < text.size(); i += 3) {
        text[i] = ' ';
    }
    const float wrapped = services.text.measure(text, style);
    std::fill(text.begin(), text.end(), ' ');
    const float single = services.text.measure(text, style);
    ImGui::EndFrame();
    CHECK(wrapped > single * 1.5f);
}

TEST_CASE("a workshop cut off mid-way is offered back at the next start, at its step, with its answers") {
    testing::TemporaryFolder folder;
    const auto plan = folder.path() / "plan.json";
    testing::writeFile(plan, planJson(true));
    SessionOptions options;
    options.contentRoots = {{testing::contentDir(), "bundled"}};
    options.dataDirectory = folder.path() / "data";
    options.profile = "guest";
    options.open = "atelier:" + plan.string();
    std::vector<int> distribution;
    {
        HeadlessUi ui(options, ImVec2(1920, 1080));
        ui.frames(2);
        ui.press("Ctrl+L");
        ui.frame();
        auto* screen = dynamic_cast<AtelierPresenterScreen*>(&ui.screen());
        REQUIRE(screen != nullptr);
        // After the reveal, → shows the explanation on its own page, then moves on.
        for (const char* key : {"Right", "Space", "1", "A", "2", "B", "Enter", "Right", "Right"}) {
            ui.press(key);
        }
        REQUIRE(screen->run().position() == 1);
        distribution = screen->run().distribution(0);
        ui.frames(2);
        // No end screen, no report: the window is gone as after a crash or a power cut.
    }
    REQUIRE(std::filesystem::exists(options.dataDirectory / "ateliers" / "en-cours.json"));
    HeadlessUi ui(options, ImVec2(1920, 1080));
    ui.frames(2);
    REQUIRE(ui.screen().kind() == "atelier-composer");
    probe::enable(true);
    ui.frame();
    const auto names = probe::names();
    probe::enable(false);
    CHECK(std::find(names.begin(), names.end(),
                    "button:Reprendre l’atelier du 22 novembre 2026 (étape 2 sur 5) (Ctrl+R)") !=
          names.end());
    ui.press("Ctrl+R");
    ui.frame();
    auto* screen = dynamic_cast<AtelierPresenterScreen*>(&ui.screen());
    REQUIRE(screen != nullptr);
    CHECK_FALSE(screen->onCover());
    CHECK(screen->run().position() == 1);
    CHECK(screen->run().distribution(0) == distribution);
    CHECK(screen->run().played(0));
}

TEST_CASE(
    "one window: the room's view only; O shows the trainer's view over it, with the next step and keys") {
    Workshop workshop(true, ImVec2(1280, 720));
    AtelierPresenterScreen& screen = workshop.launch();
    probe::enable(true);
    workshop.press({"Right"});
    CHECK_FALSE(screen.presenterOverlayOpen());
    CHECK(probe::shown(screen.run().step().question->text));
    CHECK_FALSE(probe::shown("Espace :"));
    CHECK_FALSE(probe::shown("Étape suivante"));
    workshop.press({"O"});
    CHECK(screen.presenterOverlayOpen());
    CHECK(probe::shown("Étape suivante"));
    CHECK(probe::shown(screen.run().step(1).title()));  // what comes next, for the trainer only
    CHECK(probe::shown("Espace : ouvrir les réponses"));
    workshop.press({"O"});
    CHECK_FALSE(screen.presenterOverlayOpen());
    probe::enable(false);
}

TEST_CASE(
    "two windows: the projector shows the step, the laptop the trainer's view; a tie's procedure is on it") {
    Workshop workshop(false, ImVec2(1366, 768));
    workshop.ui->openAudienceWindow(ImVec2(1920, 1080));
    AtelierPresenterScreen& screen = workshop.launch();
    probe::enable(true);
    workshop.press({"Right", "Right", "Right", "Right"});  // two questions and a card passed: the scenario
    REQUIRE(screen.run().step().scenario != nullptr);
    for (int guard = 0; guard < 10 && screen.run().leadingChoices().empty(); ++guard) {
        const ScenarioTally& tally = std::get<ScenarioTally>(screen.run().tally(screen.run().position()));
        if (tally.run.currentNode().type == NodeType::Choice) {
            break;
        }
        workshop.press({"Enter"});
    }
    workshop.press({"Space", "A", "4", "B", "4"});  // four hands for A, four for B
    REQUIRE(screen.run().leadingChoices().size() == 2);
    workshop.press({"Enter"});
    CHECK(screen.notice().find("Égalité entre A et B") != std::string::npos);
    // The room's window (what probe::texts() holds with two windows) shows the choices, never the procedure.
    CHECK_FALSE(probe::shown("Égalité"));
    CHECK_FALSE(probe::shown("Espace :"));
    CHECK(probe::shown(
        std::get<ScenarioTally>(screen.run().tally(screen.run().position())).run.currentNode().text));
    // The casting vote goes through the run's rule: a letter outside the tie settles nothing.
    workshop.press({"Space", "C", "Enter"});
    CHECK(std::get<ScenarioTally>(screen.run().tally(screen.run().position())).decisions.empty());
    workshop.press({"B", "Enter"});
    CHECK(std::get<ScenarioTally>(screen.run().tally(screen.run().position())).decisions.size() == 1);
    probe::enable(false);
}

TEST_CASE(
    "after the report, « Ouvrir le compte rendu » and « Ouvrir le dossier » hand them to the system's "
    "opener; at 1024×768 every button stays on screen and the notes wrap at the field's edge") {
    Workshop workshop(true, ImVec2(1024, 768));
    std::vector<std::filesystem::path> opened;
    workshop.ui->session().services().openWithSystem = [&](const std::filesystem::path& target,
                                                           std::string&) {
        opened.push_back(target);
        return true;
    };
    workshop.launch();
    workshop.press({"Right", "Space", "1", "A", "Enter", "Escape", "Enter"});
    REQUIRE(workshop.ui->screen().kind() == "atelier-end");
    workshop.press({"O"});
    CHECK(opened.empty());  // nothing written yet: nothing to open
    workshop.press({"E"});
    probe::enable(true);
    workshop.ui->frame();
    for (const std::string name : {"button:Ouvrir le compte rendu (O)", "button:Ouvrir le dossier (D)",
                                   "button:Retour à la présentation (Échap)", "button:Terminer l’atelier"}) {
        const auto centre = probe::centre(name);
        REQUIRE_MESSAGE(centre, name);
        CHECK_MESSAGE(centre->x < 1024.0f, name);
    }
    probe::enable(false);
    workshop.press({"O", "D"});
    REQUIRE(opened.size() == 2);
    CHECK(opened[0].filename() == "compte-rendu.html");
    CHECK(opened[1] == opened[0].parent_path());
    CHECK(std::filesystem::is_directory(opened[1]));
}

TEST_CASE("a file URL escapes what a URL may not hold and keeps the path's letters") {
    CHECK(fileUrl("/tmp/ateliers/2026-12-02-bourges/compte-rendu.html") ==
          "file:///tmp/ateliers/2026-12-02-bourges/compte-rendu.html");
    CHECK(fileUrl("/tmp/Salle des fêtes/cœur.html") == "file:///tmp/Salle%20des%20f%C3%AAtes/c%C5%93ur.html");
}

TEST_CASE("wrapped text never starts a line with « : » and never cuts a date") {
    Workshop workshop(false);
    Services& services = workshop.ui->session().services();
    ImGui::NewFrame();
    ImFont* font = services.fonts.body;
    const std::string text = "Égalité entre A et B : fermez le vote, le 2 décembre 2026 à Bourges";
    // At every width where the date fits on a line, up to one line for all, no line begins with « : », the
    // month or the year.
    const float date = font->CalcTextSizeA(font->FontSize, FLT_MAX, 0.0f, "2 décembre 2026").x;
    for (float width = date + 1.0f; width < font->FontSize * 40.0f; width += 3.0f) {
        const TextStyle style{font, IM_COL32_WHITE, width, 1.25f};
        for (const std::string& first : services.text.firstWords(text, style)) {
            CHECK_MESSAGE(first != ":", width);
            CHECK_MESSAGE(first != "décembre", width);
            CHECK_MESSAGE(first != "2026", width);
        }
    }
    ImGui::EndFrame();
}

TEST_CASE("the composer's catalogue is resolved once: open, it adds no allocation to an idle frame") {
    Workshop workshop(true, ImVec2(1280, 4000));  // tall enough for the catalogue's button to be on screen
    const auto idleAllocations = [&] {
        workshop.ui->frames(3);
        const std::uint64_t before = testing::allocationCount();
        workshop.ui->frames(10);
        return testing::allocationCount() - before;
    };
    probe::enable(true);
    workshop.ui->frame();
    const auto add = probe::centre("button:Ajouter des étapes…");
    REQUIRE(add);
    const std::uint64_t closed = idleAllocations();
    workshop.ui->click(*add);
    workshop.ui->frames(2);
    REQUIRE(probe::centre("button:Masquer les étapes à ajouter"));
    probe::enable(false);
    const std::uint64_t open = idleAllocations();
    MESSAGE("allocations in 10 idle frames of the composer: " << closed << " catalogue closed, " << open
                                                              << " open");
    // 25 entries on screen: resolving and folding them every frame cost hundreds of allocations per frame.
    CHECK(open <= closed);
}

TEST_CASE("the facilitator's notes wrap at the field's edge as they are typed, and reach seance.csv") {
    Workshop workshop(true, ImVec2(1024, 1400));  // tall enough for the notes field to be on screen
    workshop.launch();
    workshop.press({"Right", "Space", "1", "A", "Enter", "Escape", "Enter"});
    REQUIRE(workshop.ui->screen().kind() == "atelier-end");
    probe::enable(true);
    workshop.ui->frame();
    const auto field = probe::centre("field:##notes");
    REQUIRE(field);
    workshop.ui->click(*field);
    std::string typed;
    for (int i = 0; i < 12; ++i) {
        typed += "les élus veulent un jumelage avec le Sénégal ";
    }
    workshop.ui->type(typed);
    probe::enable(false);
    workshop.ui->click(ImVec2(4.0f, 1390.0f));  // a click outside: the field lets the keyboard go
    workshop.ui->frames(2);
    REQUIRE(workshop.ui->screen().kind() == "atelier-end");
    workshop.press({"E"});
    const auto ateliers = workshop.folder.path() / "data" / "ateliers";
    std::string session;
    for (const auto& entry : std::filesystem::directory_iterator(ateliers)) {
        if (entry.is_directory() && std::filesystem::exists(entry.path() / "seance.csv")) {
            session = testing::readFile(entry.path() / "seance.csv");
        }
    }
    const auto rows = testing::readCsv(session);
    REQUIRE(rows.size() >= 2);
    const auto column = std::find(rows[0].begin(), rows[0].end(), "ce que la salle a dit");
    REQUIRE(column != rows[0].end());
    const std::string notes = rows[1].at(static_cast<std::size_t>(column - rows[0].begin()));
    CHECK(notes.find("jumelage avec le Sénégal") != std::string::npos);
    CHECK(std::count(notes.begin(), notes.end(), '\n') >= 3);  // wrapped lines, not one line past the edge
    std::string joined = notes;
    std::replace(joined.begin(), joined.end(), '\n', ' ');
    CHECK(joined.find(typed.substr(0, 90)) != std::string::npos);  // a space became a line break, no more
}

namespace {

// Allocations in 10 idle frames (no key, the same state) after 3 frames that settle the layout.
std::uint64_t idleAllocations(HeadlessUi& ui) {
    ui.frames(3);
    const std::uint64_t before = testing::allocationCount();
    ui.frames(10);
    return testing::allocationCount() - before;
}

// Walks every phase of the workshop's steps and counts the allocations of idle frames in each: the room's
// view alone and with the trainer's overlay (O) over it, or the trainer's view with the room's in a window
// of its own. Returns what allocated: a line per phase, none when every idle frame allocated nothing.
std::vector<std::string> idleWalk(bool twoWindows) {
    Workshop workshop(true);
    if (twoWindows) {
        workshop.ui->openAudienceWindow(ImVec2(1920, 1080));
    }
    std::vector<std::string> found;
    const auto count = [&](const std::string& phase) {
        if (const std::uint64_t allocated = idleAllocations(*workshop.ui); allocated > 0) {
            found.push_back(phase + ": " + std::to_string(allocated) + " allocations in 10 idle frames");
        }
    };
    // One window: the room's view alone, then with the trainer's overlay (O) over it.
    const auto measure = [&](const std::string& phase) {
        count(phase);
        if (!twoWindows && workshop.ui->screen().kind() == "atelier") {
            workshop.press({"O"});
            count(phase + " with the trainer's overlay");
            workshop.press({"O"});
        }
    };
    if (!twoWindows) {
        measure("composer");  // the same screen in both modes: once is enough
    }
    AtelierPresenterScreen& screen = workshop.launch();
    measure("cover");
    workshop.press({"Right"});
    measure("question asked");
    workshop.press({"Space"});
    measure("question open");
    workshop.press({"1", "A", "2", "B"});
    measure("question answered by two teams");
    workshop.press({"Enter"});
    measure("question revealed");
    workshop.press({"Enter"});
    REQUIRE(screen.explaining());
    measure("question explained");
    workshop.press({"Right", "Right"});  // the second question, untouched, is passed
    const auto& card = std::get<CardTally>(screen.run().tally(2)).run;
    measure("card statement");
    workshop.press({"Space"});
    measure("card vote before");
    workshop.press({"9", "Tab", "4", "Space", "Space"});
    REQUIRE(card.phase() == RoomMythRun::Phase::Arguments);
    measure("card arguments");
    for (int i = 0; i < 8 && card.phase() != RoomMythRun::Phase::Answer; ++i) {
        workshop.press({"Space"});
    }
    REQUIRE(card.phase() == RoomMythRun::Phase::Answer);
    measure("card answer");
    workshop.press({"Space"});
    measure("card vote after");
    workshop.press({"3", "Tab", "1", "0", "Space"});
    REQUIRE(card.phase() == RoomMythRun::Phase::Shift);
    measure("card shift");
    workshop.press({"Right"});
    const auto& scenario = std::get<ScenarioTally>(screen.run().tally(3));
    for (int i = 0; i < 5 && scenario.run.currentNode().type != NodeType::Choice; ++i) {
        workshop.press({"Enter"});
    }
    REQUIRE(scenario.run.currentNode().type == NodeType::Choice);
    measure("scenario choice");
    workshop.press({"Space", "1", "A", "2", "B", "3", "A"});
    measure("scenario vote");
    workshop.press({"Space"});
    measure("scenario vote closed");
    workshop.press({"Enter"});
    REQUIRE(scenario.run.phase() == ScenarioRun::Phase::Consequence);
    measure("scenario consequence");
    for (int i = 0; i < 40 && scenario.run.phase() != ScenarioRun::Phase::Ended; ++i) {
        const bool choice = scenario.run.phase() == ScenarioRun::Phase::AtNode &&
                            scenario.run.currentNode().type == NodeType::Choice;
        if (choice) {
            // The first choice open to the room, agreed aloud: its letter, then Enter.
            const auto views = scenario.run.visibleChoices();
            const auto open =
                std::find_if(views.begin(), views.end(), [](const auto& v) { return v.available; });
            REQUIRE(open != views.end());
            workshop.ui->press(std::string(1, static_cast<char>('A' + (open - views.begin()))));
        }
        workshop.press({"Enter"});
    }
    REQUIRE(scenario.run.phase() == ScenarioRun::Phase::Ended);
    measure("scenario ending");
    workshop.press({"Right"});
    REQUIRE(screen.run().step().ref.kind == AtelierItemKind::ProfileMap);
    workshop.press({"1", "1", "3"});
    measure("map");
    workshop.press({"T"});
    measure("map with the timer");
    // The countdown's text changes once a second: only the frames where it changes work texts out again.
    int allocatingFrames = 0;
    for (int i = 0; i < 70; ++i) {  // 1.17 s at 60 frames a second: the second changes once or twice
        const std::uint64_t before = testing::allocationCount();
        workshop.ui->frame();
        allocatingFrames += testing::allocationCount() > before ? 1 : 0;
    }
    if (allocatingFrames > 2) {
        found.push_back("countdown: " + std::to_string(allocatingFrames) + " of 70 frames allocate");
    }
    workshop.press({"T"});  // paused: its text stays as it is
    workshop.press({"S"});
    measure("scores");
    workshop.press({"S", "H"});
    measure("keys");
    workshop.press({"H", "Right"});
    REQUIRE(workshop.ui->screen().kind() == "atelier-end");
    measure("end");
    return found;
}

}  // namespace

TEST_CASE("an idle workshop frame allocates nothing, in every phase of every step, in one window or two") {
    for (const bool twoWindows : {false, true}) {
        const auto found = idleWalk(twoWindows);
        const std::string mode = twoWindows ? "two windows" : "one window";
        for (const auto& line : found) {
            MESSAGE(mode << ", " << line);
        }
        CHECK(found.empty());
    }
}

// UI tests of progress tracking: who plays, resume an unfinished quiz, review, dashboard, guest mode.
#include <doctest/doctest.h>

#include "support/test_support.hpp"
#include "ui/headless.hpp"
#include "ui/probe.hpp"
#include "ui/screens/quiz_screen.hpp"

using namespace passerelles;
using namespace passerelles::ui;

namespace {

constexpr std::int64_t kNoon = 1700049600;

SessionOptions withData(const std::filesystem::path& data, std::int64_t* now,
                        const std::string& open = "home", const std::string& profile = "") {
    SessionOptions options;
    options.contentRoots = {{testing::contentDir(), "bundled"}};
    options.dataDirectory = data;
    options.open = open;
    options.profile = profile;
    options.storeClock = [now] { return *now; };
    options.shuffleOptions = false;  // the tests press the booklet's letters
    return options;
}

const QuizRun& quizRun(HeadlessUi& ui) {
    auto* screen = dynamic_cast<QuizScreen*>(&ui.screen());
    REQUIRE(screen != nullptr);
    return screen->run();
}

}  // namespace

TEST_CASE("the first screen asks who plays; typing a name creates the profile and goes home") {
    testing::TemporaryFolder data;
    std::int64_t now = kNoon;
    HeadlessUi ui(withData(data.path(), &now), ImVec2(1280, 720));
    ui.frames(2);
    REQUIRE(ui.screen().kind() == "profiles");
    ui.type("Élise");
    ui.press("Enter");
    ui.frame();
    CHECK(ui.screen().kind() == "home");
    ProgressService& progress = ui.session().services().progress;
    REQUIRE_FALSE(progress.isGuest());
    CHECK(progress.profile()->name == "Élise");
}

TEST_CASE("a guest records nothing") {
    testing::TemporaryFolder data;
    std::int64_t now = kNoon;
    HeadlessUi ui(withData(data.path(), &now), ImVec2(1280, 720));
    ui.frames(2);
    ui.press("I");  // typed into the name field, which has the focus
    CHECK(ui.screen().kind() == "profiles");
    ui.press("Esc");  // leaves the field
    ui.frame();
    ui.press("I");
    ui.frame();
    CHECK(ui.screen().kind() == "home");
    CHECK(ui.session().services().progress.isGuest());
    ui.press("Enter");  // the first activity: the cahier quiz
    ui.frame();
    ui.press("B");
    ui.press("Enter");
    CHECK(ui.session().services().progress.profiles().empty());
}

TEST_CASE("a quiz left halfway resumes at the same question, with the same score") {
    testing::TemporaryFolder data;
    std::int64_t now = kNoon;
    {
        HeadlessUi ui(withData(data.path(), &now, "quiz:cahier-ludique", "Élise"), ImVec2(1280, 720));
        ui.frames(2);
        for (int question = 0; question < 3; ++question) {
            ui.press("B");
            ui.press("Enter");
            ui.press("Enter");
        }
        CHECK(quizRun(ui).position() == 3);
    }  // the program is closed mid-quiz
    HeadlessUi ui(withData(data.path(), &now, "quiz:cahier-ludique", "Élise"), ImVec2(1280, 720));
    ui.frames(2);
    CHECK(quizRun(ui).position() == 0);  // the resume prompt is on screen; nothing changed yet
    ui.press("Enter");                   // "Reprendre"
    CHECK(quizRun(ui).position() == 3);
    CHECK(quizRun(ui).results().size() == 3);
    const double score = quizRun(ui).score();
    CHECK(score >= 1.0);  // B is right for question 1
    ui.press("B");
    ui.press("Enter");
    CHECK(quizRun(ui).results().size() == 4);
}

TEST_CASE("recommencer discards the unfinished play") {
    testing::TemporaryFolder data;
    std::int64_t now = kNoon;
    {
        HeadlessUi ui(withData(data.path(), &now, "quiz:cahier-ludique", "Élise"), ImVec2(1280, 720));
        ui.frames(2);
        ui.press("A");
        ui.press("Enter");
        ui.press("Enter");
    }
    HeadlessUi ui(withData(data.path(), &now, "quiz:cahier-ludique", "Élise"), ImVec2(1280, 720));
    ui.frames(2);
    ui.press("R");
    CHECK(quizRun(ui).position() == 0);
    ui.press("B");
    CHECK(quizRun(ui).selection() == std::vector<int>{1});
}

TEST_CASE("missed questions come back the next day in « Revoir mes erreurs »") {
    testing::TemporaryFolder data;
    std::int64_t now = kNoon;
    {
        HeadlessUi ui(withData(data.path(), &now, "quiz:cahier-ludique", "Élise"), ImVec2(1280, 720));
        ui.frames(2);
        ui.press("A");  // wrong: the answer is B
        ui.press("Enter");
        ui.press("Enter");
        ui.press("B");  // wrong: the answer is A
        ui.press("Enter");
    }
    {
        HeadlessUi sameDay(withData(data.path(), &now, "home", "Élise"), ImVec2(1280, 720));
        sameDay.frames(2);
        CHECK(sameDay.session().services().progress.dueToday().empty());
    }
    now += 24 * 3600;
    HeadlessUi ui(withData(data.path(), &now, "home", "Élise"), ImVec2(1280, 720));
    ui.frames(2);
    CHECK(ui.session().services().progress.dueToday().size() == 2);
    ui.press("V");
    ui.frame();
    REQUIRE(ui.screen().kind() == "review");
    ui.press("B");  // question 1 answered right this time
    ui.press("Enter");
    ui.press("Enter");
    ui.press("A");  // question 2 answered right
    ui.press("Enter");
    ui.press("Enter");
    CHECK(ui.session().services().progress.dueToday().empty());
    ui.press("Esc");
    ui.frame();
    ui.press("P");
    ui.frame();
    CHECK(ui.screen().kind() == "dashboard");
}

TEST_CASE("the dashboard exports the history and can erase the profile") {
    testing::TemporaryFolder data;
    std::int64_t now = kNoon;
    HeadlessUi ui(withData(data.path(), &now, "home", "Élise"), ImVec2(1280, 720));
    ui.frames(2);
    ui.press("P");
    ui.frame();
    REQUIRE(ui.screen().kind() == "dashboard");
    ui.press("E");
    int exports = 0;
    for (const auto& entry : std::filesystem::directory_iterator(data.path() / "exports")) {
        exports += entry.path().extension() == ".csv" ? 1 : 0;
    }
    CHECK(exports == 1);
    ProgressService& progress = ui.session().services().progress;
    REQUIRE(progress.deleteCurrentProfile());
    CHECK(progress.profiles().empty());
    CHECK(progress.isGuest());
}

TEST_CASE(
    "« Sauvegarder mes données » on the dashboard writes one backup file and says where (issue 24, item 4)") {
    testing::TemporaryFolder data;
    std::int64_t now = kNoon;
    HeadlessUi ui(withData(data.path(), &now, "home", "Élise"), ImVec2(1280, 720));
    ui.frames(2);
    ui.press("P");
    ui.frame();
    REQUIRE(ui.screen().kind() == "dashboard");
    ui.press("S");
    std::vector<std::filesystem::path> backups;
    for (const auto& entry : std::filesystem::directory_iterator(data.path() / "exports")) {
        backups.push_back(entry.path());
    }
    REQUIRE(backups.size() == 1);
    const std::string name = backups[0].filename().string();
    CHECK(name.rfind("passerelles-sauvegarde-", 0) == 0);
    CHECK(backups[0].extension() == ".db");
    probe::enable(true);
    ui.frame();
    CHECK(probe::shown("Données sauvegardées dans " + backups[0].string()));
    CHECK(probe::shown("copiez ce fichier à la place de " + (data.path() / "progress.db").string()));
    CHECK(probe::centre("button:Sauvegarder mes données (S)").has_value());
    probe::enable(false);
}

TEST_CASE("« Qui joue ? » backs up every profile's data into one file (issue 24, item 4)") {
    testing::TemporaryFolder data;
    std::int64_t now = kNoon;
    {
        HeadlessUi first(withData(data.path(), &now), ImVec2(1280, 720));
        first.frames(2);
        first.type("Élise");
        first.press("Enter");
        first.frame();
        REQUIRE(first.screen().kind() == "home");
    }
    HeadlessUi ui(withData(data.path(), &now), ImVec2(1280, 720));
    ui.frames(2);
    REQUIRE(ui.screen().kind() == "profiles");
    probe::enable(true);
    ui.frame();
    const auto button = probe::centre("button:Sauvegarder les données de tous les profils");
    probe::enable(false);
    REQUIRE(button.has_value());
    ui.click(*button);
    ui.frame();
    std::vector<std::filesystem::path> backups;
    for (const auto& entry : std::filesystem::directory_iterator(data.path() / "exports")) {
        backups.push_back(entry.path());
    }
    REQUIRE(backups.size() == 1);
    CHECK(backups[0].extension() == ".db");
    probe::enable(true);
    ui.frame();
    CHECK(probe::shown("Données sauvegardées dans " + backups[0].string()));
    probe::enable(false);
}

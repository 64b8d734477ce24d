// UI tests of issue 21: « Refaire mes erreurs » after a quiz, a deck and a review; the review's end list;
// « Qui joue ? » with a way back and renaming; the dashboard's goal, settings and opened missed items;
// screens that query nothing while idle.
#include <doctest/doctest.h>

#include "support/test_support.hpp"
#include "ui/headless.hpp"
#include "ui/probe.hpp"

using namespace passerelles;
using namespace passerelles::ui;

namespace {

constexpr std::int64_t kNoon = 1700049600;
constexpr std::int64_t kDay = 24 * 3600;

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

std::int64_t count(ProgressService& progress, const std::string& sql) {
    return progress.store()->database().queryInteger(sql).value_or(-1);
}

// Plays the whole cahier quiz answering B everywhere (4 right, 14 missed), up to its end screen.
void playQuizWithB(HeadlessUi& ui) {
    for (int question = 0; question < 18; ++question) {
        ui.press("B");
        ui.press("Enter");
        ui.press("Enter");
    }
    ui.frame();
}

// Frames drawn with no input must not ask the store anything.
void checkIdleQueriesNothing(HeadlessUi& ui) {
    ProgressService& progress = ui.session().services().progress;
    ui.frames(2);
    const std::size_t before = progress.queries();
    ui.frames(5);
    CHECK(progress.queries() == before);
}

}  // namespace

TEST_CASE("the quiz end offers « Refaire mes erreurs »: the missed questions at once, no schedule moved") {
    testing::TemporaryFolder data;
    std::int64_t now = kNoon;
    HeadlessUi ui(withData(data.path(), &now, "quiz:cahier-ludique", "Élise"), ImVec2(1280, 720));
    ui.frames(2);
    playQuizWithB(ui);
    REQUIRE(ui.screen().kind() == "quiz-results");
    ProgressService& progress = ui.session().services().progress;
    const auto dueBefore = progress.store()->reviewQueue(progress.profile()->id);
    REQUIRE(dueBefore.size() == 14);
    const std::int64_t logBefore = count(progress, "SELECT COUNT(*) FROM review_log");

    ui.press("E");
    ui.frame();
    REQUIRE(ui.screen().kind() == "drill");
    // Question 2 (the first missed): A is right this time; the others answered A as well.
    for (int item = 0; item < 14; ++item) {
        ui.press("A");
        ui.press("Enter");
        ui.press("Enter");
    }
    probe::enable(true);
    ui.frame();
    CHECK(probe::shown("Cet entraînement ne change pas vos révisions"));
    CHECK(probe::shown("Bonne réponse : A. Oui"));  // question 2's right answer, listed at the end
    CHECK(probe::shown("Votre réponse : A. Oui"));
    probe::enable(false);
    CHECK(count(progress, "SELECT COUNT(*) FROM results WHERE drill = 1") == 14);
    CHECK(count(progress, "SELECT COUNT(*) FROM results WHERE drill = 1 AND review = 1") == 0);
    CHECK(count(progress, "SELECT COUNT(*) FROM review_log") == logBefore);
    const auto dueAfter = progress.store()->reviewQueue(progress.profile()->id);
    REQUIRE(dueAfter.size() == dueBefore.size());
    for (std::size_t i = 0; i < dueAfter.size(); ++i) {
        CHECK(dueAfter[i].itemId == dueBefore[i].itemId);
        CHECK(dueAfter[i].schedule.dueAt == dueBefore[i].schedule.dueAt);
        CHECK(dueAfter[i].schedule.memory.stability == dueBefore[i].schedule.memory.stability);
    }
    checkIdleQueriesNothing(ui);
    // What the drill still missed can be drilled again, and Escape goes back to the quiz's end.
    ui.press("E");
    ui.frame();
    CHECK(ui.screen().kind() == "drill");
    ui.press("Esc");
    ui.frame();
    ui.press("Esc");
    ui.frame();
    CHECK(ui.screen().kind() == "quiz-results");
}

TEST_CASE("the deck's end offers the cards whose best argument was missed") {
    testing::TemporaryFolder data;
    std::int64_t now = kNoon;
    HeadlessUi ui(withData(data.path(), &now, "myths:cahier-ludique", "Élise"), ImVec2(1280, 720));
    ui.frames(2);
    const Pack* pack = ui.session().library().findPack("cahier-ludique");
    REQUIRE(pack != nullptr);
    const std::size_t cards = pack->decks[0].cards.size();
    for (std::size_t card = 0; card < cards * 4 && ui.screen().kind() != "myths-results"; ++card) {
        // Opinion 2, argument A, on to the opinion after, 3; whatever the card.
        ui.press("2");
        ui.press("A");
        ui.press("Enter");
        ui.press("3");
        ui.frame();
    }
    REQUIRE(ui.screen().kind() == "myths-results");
    std::size_t missed = 0;
    for (const auto& card : pack->decks[0].cards) {
        missed += card.bestArgumentIndex() != 0 ? 1 : 0;
    }
    REQUIRE(missed > 0);
    probe::enable(true);
    ui.frame();
    CHECK(probe::centre("button:Refaire mes erreurs (E) : " + std::to_string(missed)).has_value());
    probe::enable(false);
    ui.press("E");
    ui.frame();
    REQUIRE(ui.screen().kind() == "drill");
    const auto* firstMissed = [&]() -> const MythCard* {
        for (const auto& card : pack->decks[0].cards) {
            if (card.bestArgumentIndex() != 0) {
                return &card;
            }
        }
        return nullptr;
    }();
    REQUIRE(firstMissed != nullptr);
    probe::enable(true);
    ui.frame();
    CHECK(probe::shown(firstMissed->statement));
    probe::enable(false);
}

TEST_CASE("the review's end lists each item with its result and the right answer, and drills the misses") {
    testing::TemporaryFolder data;
    std::int64_t now = kNoon;
    {
        HeadlessUi ui(withData(data.path(), &now, "quiz:cahier-ludique", "Élise"), ImVec2(1280, 720));
        ui.frames(2);
        ui.press("A");  // q01 wrong: the answer is B
        ui.press("Enter");
        ui.press("Enter");
        ui.press("B");  // q02 wrong: the answer is A
        ui.press("Enter");
    }
    now += kDay;
    HeadlessUi ui(withData(data.path(), &now, "home", "Élise"), ImVec2(1280, 720));
    ui.frames(2);
    ui.press("V");
    ui.frame();
    REQUIRE(ui.screen().kind() == "review");
    ui.press("B");  // q01 right this time
    ui.press("Enter");
    ui.press("Enter");
    ui.press("B");  // q02 wrong again
    ui.press("Enter");
    ui.press("Enter");
    probe::enable(true);
    ui.frame();
    CHECK(probe::shown("1 sur 2 justes"));
    CHECK(probe::shown("Bonne réponse : B. Les jumelages"));
    CHECK(probe::shown("Bonne réponse : A. Oui"));
    CHECK(probe::shown("Votre réponse : B. Non"));
    CHECK(probe::centre("button:Refaire mes erreurs (E) : 1").has_value());
    probe::enable(false);
    checkIdleQueriesNothing(ui);
    ui.press("E");
    ui.frame();
    CHECK(ui.screen().kind() == "drill");
}

TEST_CASE("« Qui joue ? » from « Changer de profil » has a way back; a profile is renamed, clashes refused") {
    testing::TemporaryFolder data;
    std::int64_t now = kNoon;
    HeadlessUi ui(withData(data.path(), &now, "home", "Élise"), ImVec2(1280, 720));
    ui.frames(2);
    ProgressService& progress = ui.session().services().progress;
    REQUIRE(progress.createProfile("Karim"));
    REQUIRE(progress.chooseProfile(progress.profiles().back().id));  // Élise again
    ui.press("C");
    ui.frame();
    REQUIRE(ui.screen().kind() == "profiles");
    checkIdleQueriesNothing(ui);
    ui.press("Esc");
    ui.frame();
    CHECK(ui.screen().kind() == "home");
    CHECK(progress.profile()->name == "Élise");

    ui.press("C");
    ui.frames(2);
    REQUIRE(ui.screen().kind() == "profiles");
    const std::int64_t elise = progress.profile()->id;
    probe::enable(true);
    ui.frame();
    const auto rename = probe::centre("rename:" + std::to_string(elise));
    REQUIRE(rename.has_value());
    ui.click(*rename);
    ui.frames(2);
    CHECK(probe::shown("Renommer « Élise »"));
    ui.press("Ctrl+A");
    ui.type("karim");
    ui.press("Enter");
    ui.frame();
    CHECK(probe::shown("Un autre profil s’appelle déjà « karim » : choisissez un autre nom."));
    ui.frames(2);  // the field takes the keyboard back, the refused name selected
    ui.type("Élise Martin");
    ui.press("Enter");
    ui.frames(2);
    CHECK(progress.profile()->name == "Élise Martin");
    CHECK(probe::centre("button:2 · Élise Martin").has_value());  // after « Karim » (same day, by name)
    probe::enable(false);
    CHECK(ui.screen().kind() == "profiles");
    // From the keyboard: R, then the profile's number (Karim is 1) opens its renaming.
    probe::enable(true);
    ui.press("R");
    ui.press("1");
    ui.frames(2);
    CHECK(probe::shown("Renommer « Karim »"));
    probe::enable(false);
    CHECK(ui.screen().kind() == "profiles");
    ui.press("Esc");  // leaves the field
    ui.frame();
    ui.press("Esc");  // stops the renaming
    ui.frame();
    CHECK(ui.screen().kind() == "profiles");
    ui.press("Esc");  // back home
    ui.frame();
    CHECK(ui.screen().kind() == "home");
}

TEST_CASE("« Ma progression » sets the daily goal and retention, and opens a missed item with its answer") {
    testing::TemporaryFolder data;
    std::int64_t now = kNoon;
    {
        HeadlessUi ui(withData(data.path(), &now, "quiz:cahier-ludique", "Élise"), ImVec2(1280, 720));
        ui.frames(2);
        ui.press("B");  // q01 right
        ui.press("Enter");
        ui.press("Enter");
        ui.press("B");  // q02 wrong
        ui.press("Enter");
    }
    HeadlessUi ui(withData(data.path(), &now, "home", "Élise"), ImVec2(1280, 720));
    ui.frames(2);
    probe::enable(true);
    ui.frame();
    CHECK(probe::shown("Objectif du jour : 2 / 10 · encore 8 éléments"));
    CHECK(probe::shown("rien à revoir aujourd’hui, 1 demain"));  // q02, missed, is due tomorrow
    probe::enable(false);
    ui.press("P");
    ui.frame();
    REQUIRE(ui.screen().kind() == "dashboard");
    ui.resize(ImVec2(1280, 4000));  // the missed items, at the bottom, within the window to be clicked
    probe::enable(true);
    ui.frame();
    const auto minus = probe::centre("goal:-");
    const auto plusRetention = probe::centre("retention:+");
    REQUIRE(minus.has_value());
    REQUIRE(plusRetention.has_value());
    for (int i = 0; i < 8; ++i) {
        ui.click(*probe::centre("goal:-"));
        ui.frame();
    }
    ui.click(*plusRetention);
    ui.frames(2);
    ProgressService& progress = ui.session().services().progress;
    CHECK(progress.settings().dailyGoal == 2);
    CHECK(progress.settings().desiredRetention == doctest::Approx(0.91));
    CHECK(probe::shown("Objectif du jour atteint : 2 / 2, bravo !"));
    const auto open = probe::centre("button:Voir la réponse");
    REQUIRE(open.has_value());
    ui.click(*open);
    ui.frames(2);
    CHECK(probe::shown("Bonne réponse : Oui"));  // no letter: the options' order changes from play to play
    CHECK(probe::shown("Pack : "));
    CHECK(probe::shown("Source : "));
    probe::enable(false);
}

// UI tests of the quiz screen, driven by keys and clicks through ImGui with no backend.
#include <doctest/doctest.h>

#include "core/play/option_order.hpp"
#include "support/test_support.hpp"
#include "ui/headless.hpp"
#include "ui/probe.hpp"
#include "ui/screens/quiz_screen.hpp"

using namespace passerelles;
using namespace passerelles::ui;

namespace {

SessionOptions openQuiz() {
    SessionOptions options;
    options.contentRoots = {{testing::contentDir(), "bundled"}};
    options.open = "quiz:cahier-ludique";
    options.shuffleOptions =
        false;  // the tests below press the booklet's letters; shuffled plays further down
    return options;
}

const QuizRun& runOf(HeadlessUi& ui) {
    auto* screen = dynamic_cast<QuizScreen*>(&ui.screen());
    REQUIRE(screen != nullptr);
    return screen->run();
}

}  // namespace

TEST_CASE("ticking B with the keyboard and confirming records B") {
    HeadlessUi ui(openQuiz(), ImVec2(1280, 720));
    ui.frames(2);
    CHECK(ui.screen().kind() == "quiz");
    ui.press("B");
    CHECK(runOf(ui).selection() == std::vector<int>{1});
    ui.press("Enter");
    const QuizRun& run = runOf(ui);
    CHECK(run.phase() == QuizRun::Phase::Revealed);
    REQUIRE(run.results().size() == 1);
    CHECK(run.results()[0].selected == std::vector<int>{1});
    CHECK(run.score() == doctest::Approx(1.0));  // B, "les jumelages", is the booklet's answer
}

TEST_CASE("digits select options too, and Enter moves on after the reveal") {
    HeadlessUi ui(openQuiz(), ImVec2(1920, 1080));
    ui.frames(2);
    ui.press("1");
    CHECK(runOf(ui).selection() == std::vector<int>{0});
    ui.press("Enter");
    ui.press("Enter");
    CHECK(runOf(ui).position() == 1);
    CHECK(runOf(ui).phase() == QuizRun::Phase::Answering);
}

TEST_CASE("clicking an option card selects it, clicking Valider confirms") {
    probe::enable(true);
    HeadlessUi ui(openQuiz(), ImVec2(1280, 720));
    ui.frames(2);
    const auto optionB = probe::centre("option:1");
    REQUIRE(optionB.has_value());
    ui.click(*optionB);
    CHECK(runOf(ui).selection() == std::vector<int>{1});
    const auto confirm = probe::centre("button:Valider (Entrée)");
    REQUIRE(confirm.has_value());
    ui.click(*confirm);
    CHECK(runOf(ui).phase() == QuizRun::Phase::Revealed);
    probe::enable(false);
}

TEST_CASE("Enter without a selection does nothing; Escape goes back home") {
    HeadlessUi ui(openQuiz(), ImVec2(1280, 720));
    ui.frames(2);
    ui.press("Enter");
    CHECK(runOf(ui).phase() == QuizRun::Phase::Answering);
    ui.press("Esc");
    ui.frame();
    CHECK(ui.screen().kind() == "home");
}

TEST_CASE("answering all 18 questions leads to the results screen, which can replay") {
    HeadlessUi ui(openQuiz(), ImVec2(1280, 720));
    ui.frames(2);
    for (int i = 0; i < 18; ++i) {
        ui.press("A");
        ui.press("Enter");
        ui.press("Enter");
    }
    ui.frame();
    CHECK(ui.screen().kind() == "quiz-results");
    ui.press("R");
    ui.frame();
    CHECK(ui.screen().kind() == "quiz");
    CHECK(runOf(ui).position() == 0);
}

namespace {

SessionOptions shuffledQuiz(std::uint64_t seed, const std::filesystem::path& data = {}) {
    SessionOptions options;
    options.contentRoots = {{testing::contentDir(), "bundled"}};
    options.open = "quiz:cahier-ludique";
    options.optionSeed = seed;
    if (!data.empty()) {
        options.dataDirectory = data;
        options.profile = "Élise";
    }
    return options;
}

// The letter under which the run shows option `option` (an index into the question's options).
std::string letterOf(const QuizRun& run, int option) {
    return std::string(1, static_cast<char>('A' + shownPosition(run.shownOrder(), option)));
}

// The first seed under which question 1's right option (b, « les jumelages ») is not under letter B.
std::uint64_t seedMovingTheAnswer() {
    const PackLoad cahier = loadPack(testing::contentDir() / "cahier-ludique");
    const Question& first = cahier.pack->quizzes[0].questions[0];
    std::uint64_t seed = 1;
    while (shownPosition(optionDisplayOrder(first, seed), 1) == 1) {
        ++seed;
    }
    return seed;
}

}  // namespace

TEST_CASE("shuffled options: letters and keys follow the shown order, scoring follows the option") {
    const std::uint64_t seed = seedMovingTheAnswer();
    probe::enable(true);
    HeadlessUi ui(shuffledQuiz(seed), ImVec2(1280, 720));
    ui.frames(2);
    const QuizRun& run = runOf(ui);
    REQUIRE(run.seed().has_value());
    CHECK(*run.seed() == seed);
    const std::string right = letterOf(run, 1);
    CHECK(right != "B");
    // A wrong letter first: the verdict names the right answer by its shown letter.
    const std::string wrong = right == "A" ? "C" : "A";
    ui.press(wrong);
    ui.press("Enter");
    CHECK(runOf(ui).currentResult()->score.outcome == Outcome::Wrong);
    ui.frame();
    CHECK(probe::shown("La bonne réponse est " + right + "."));
    ui.press("Enter");
    // Question 2 answered by the letter under which its right option (a) is shown.
    ui.press(letterOf(runOf(ui), 0));
    ui.press("Enter");
    CHECK(runOf(ui).currentResult()->selected == std::vector<int>{0});
    CHECK(runOf(ui).currentResult()->score.outcome == Outcome::Right);
    probe::enable(false);
}

TEST_CASE("the results screen names answers by the letters shown during the play") {
    const std::uint64_t seed = seedMovingTheAnswer();
    probe::enable(true);
    HeadlessUi ui(shuffledQuiz(seed), ImVec2(1280, 720));
    ui.frames(2);
    const std::string right = letterOf(runOf(ui), 1);
    const std::string rightText = runOf(ui).currentQuestion().options[1].text;
    for (int i = 0; i < 18; ++i) {
        ui.press("A");
        ui.press("Enter");
        ui.press("Enter");
    }
    ui.frame();
    REQUIRE(ui.screen().kind() == "quiz-results");
    ui.frame();
    CHECK(probe::shown("Bonne réponse : " + right + " (" + rightText + ")"));
    probe::enable(false);
}

TEST_CASE("a shuffled quiz resumed later shows the order it was played in, not a new one") {
    testing::TemporaryFolder data;
    const std::uint64_t first = seedMovingTheAnswer();
    std::vector<std::vector<int>> orders;
    {
        HeadlessUi ui(shuffledQuiz(first, data.path()), ImVec2(1280, 720));
        ui.frames(2);
        for (int question = 0; question < 2; ++question) {
            ui.press("A");
            ui.press("Enter");
            ui.press("Enter");
        }
        for (std::size_t i = 0; i < runOf(ui).questionCount(); ++i) {
            orders.push_back(runOf(ui).shownOrder(i));
        }
    }  // closed mid-quiz
    HeadlessUi ui(shuffledQuiz(first + 1000, data.path()), ImVec2(1280, 720));
    ui.frames(2);
    ui.press("Enter");  // « Reprendre »
    const QuizRun& run = runOf(ui);
    CHECK(run.position() == 2);
    REQUIRE(run.seed().has_value());
    CHECK(*run.seed() == first);
    bool someOrderMoved = false;
    for (std::size_t i = 0; i < run.questionCount(); ++i) {
        CHECK(run.shownOrder(i) == orders[i]);
        someOrderMoved = someOrderMoved || orders[i] != identityOrder(orders[i].size());
    }
    CHECK(someOrderMoved);
}

// UI tests of the quiz screen, driven by keys and clicks through ImGui with no backend.
#include <doctest/doctest.h>

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

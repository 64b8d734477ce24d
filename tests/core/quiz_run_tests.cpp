// Tests of the quiz run's transitions: select, confirm, next, finish, restart, snapshot and restore.
#include <doctest/doctest.h>

#include "core/play/quiz_run.hpp"

using namespace passerelles;

namespace {

Quiz makeQuiz() {
    Quiz quiz;
    quiz.id = "test";
    Question single;
    single.id = "q1";
    single.options = {{"a", "A", "", false}, {"b", "B", "", true}, {"c", "C", "", false}};
    Question multiple;
    multiple.id = "q2";
    multiple.options = {{"a", "A", "", true}, {"b", "B", "", false}, {"c", "C", "", true}};
    quiz.questions = {single, multiple};
    return quiz;
}

}  // namespace

TEST_CASE("a one-answer question keeps a single selection") {
    const Quiz quiz = makeQuiz();
    QuizRun run = QuizRun::forQuiz(quiz);
    CHECK(run.toggle(0));
    CHECK(run.toggle(1));
    CHECK(run.selection() == std::vector<int>{1});
}

TEST_CASE("a several-answer question toggles each option") {
    const Quiz quiz = makeQuiz();
    QuizRun run = QuizRun::forQuiz(quiz);
    run.toggle(1);
    run.confirm();
    run.next();
    run.toggle(2);
    run.toggle(0);
    CHECK(run.selection() == std::vector<int>{0, 2});
    run.toggle(2);
    CHECK(run.selection() == std::vector<int>{0});
}

TEST_CASE("confirm needs a selection, then reveals and scores") {
    const Quiz quiz = makeQuiz();
    QuizRun run = QuizRun::forQuiz(quiz);
    CHECK_FALSE(run.confirm());
    CHECK(run.phase() == QuizRun::Phase::Answering);
    CHECK_FALSE(run.next());
    run.toggle(1);
    CHECK(run.confirm());
    CHECK(run.phase() == QuizRun::Phase::Revealed);
    REQUIRE(run.currentResult() != nullptr);
    CHECK(run.currentResult()->selected == std::vector<int>{1});
    CHECK(run.score() == doctest::Approx(1.0));
    CHECK_FALSE(run.toggle(0));  // no change once revealed
    CHECK_FALSE(run.confirm());
}

TEST_CASE("the run ends after the last question and can restart") {
    const Quiz quiz = makeQuiz();
    QuizRun run = QuizRun::forQuiz(quiz);
    run.toggle(1);
    run.confirm();
    CHECK(run.next());
    CHECK(run.position() == 1);
    run.toggle(0);
    run.confirm();
    CHECK(run.next());
    CHECK(run.phase() == QuizRun::Phase::Finished);
    CHECK(run.score() == doctest::Approx(1.5));
    CHECK(run.maxScore() == doctest::Approx(2.0));
    CHECK(run.countOutcome(Outcome::Right) == 1);
    CHECK(run.countOutcome(Outcome::Partial) == 1);
    run.restart();
    CHECK(run.phase() == QuizRun::Phase::Answering);
    CHECK(run.results().empty());
    CHECK(run.position() == 0);
}

TEST_CASE("a snapshot restores the same run, and refuses changed content") {
    const Quiz quiz = makeQuiz();
    QuizRun run = QuizRun::forQuiz(quiz);
    run.toggle(0);
    run.confirm();
    run.next();
    run.toggle(2);
    const auto snapshot = run.snapshot();
    std::vector<const Question*> questions;
    for (const auto& question : quiz.questions) {
        questions.push_back(&question);
    }
    auto restored = QuizRun::restore(snapshot, questions);
    REQUIRE(restored);
    CHECK(restored->position() == 1);
    CHECK(restored->selection() == std::vector<int>{2});
    CHECK(restored->score() == doctest::Approx(0.0));
    CHECK(restored->results().size() == 1);

    Quiz edited = quiz;
    edited.questions[0].id = "q1-rewritten";
    std::vector<const Question*> editedQuestions = {&edited.questions[0], &edited.questions[1]};
    CHECK_FALSE(QuizRun::restore(snapshot, editedQuestions).has_value());
}

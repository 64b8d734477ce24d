// Tests of every scoring rule: single answer, multi partial credit, multi all-or-nothing, edge cases.
#include <doctest/doctest.h>

#include "core/play/quiz_scoring.hpp"

using namespace passerelles;

namespace {

Question makeQuestion(std::initializer_list<bool> correct, ScoringRule rule = ScoringRule::Partial,
                      double points = 1.0) {
    Question question;
    question.id = "q";
    question.scoring = rule;
    question.points = points;
    static const char* const kLetters[] = {"a", "b", "c", "d", "e", "f"};
    std::size_t index = 0;
    for (const bool isCorrect : correct) {
        QuizOption option;
        option.id = kLetters[index++];
        option.text = option.id;
        option.correct = isCorrect;
        question.options.push_back(option);
    }
    return question;
}

}  // namespace

TEST_CASE("single answer: the right option earns the points, any other earns nothing") {
    const Question question = makeQuestion({false, true, false});
    CHECK(scoreQuestion(question, {1}).points == doctest::Approx(1.0));
    CHECK(scoreQuestion(question, {1}).outcome == Outcome::Right);
    CHECK(scoreQuestion(question, {0}).points == doctest::Approx(0.0));
    CHECK(scoreQuestion(question, {0}).outcome == Outcome::Wrong);
}

TEST_CASE("partial credit: each correct tick earns P/C, each wrong tick costs P/C") {
    const Question question = makeQuestion({true, false, true, false});  // C = 2, unit 0.5
    CHECK(scoreQuestion(question, {0, 2}).points == doctest::Approx(1.0));
    CHECK(scoreQuestion(question, {0}).points == doctest::Approx(0.5));
    CHECK(scoreQuestion(question, {0}).outcome == Outcome::Partial);
    CHECK(scoreQuestion(question, {0, 1}).points == doctest::Approx(0.0));
    CHECK(scoreQuestion(question, {0, 2, 3}).points == doctest::Approx(0.5));
    const QuestionScore score = scoreQuestion(question, {0, 2, 3});
    CHECK(score.correctTicked == 2);
    CHECK(score.wrongTicked == 1);
    CHECK(score.correctMissed == 0);
}

TEST_CASE("partial credit never goes below zero") {
    const Question question = makeQuestion({true, false, false, false, true});
    CHECK(scoreQuestion(question, {1, 2, 3}).points == doctest::Approx(0.0));
    CHECK(scoreQuestion(question, {1, 2, 3}).outcome == Outcome::Wrong);
}

TEST_CASE("all-or-nothing: full points only for exactly the correct set") {
    const Question question = makeQuestion({true, false, true}, ScoringRule::AllOrNothing, 2.0);
    CHECK(scoreQuestion(question, {0, 2}).points == doctest::Approx(2.0));
    CHECK(scoreQuestion(question, {0}).points == doctest::Approx(0.0));
    CHECK(scoreQuestion(question, {0, 1, 2}).points == doctest::Approx(0.0));
    CHECK(scoreQuestion(question, {0}).outcome == Outcome::Wrong);
}

TEST_CASE("nothing ticked scores zero and everything ticked is penalised") {
    const Question partial = makeQuestion({true, true, false});
    CHECK(scoreQuestion(partial, {}).points == doctest::Approx(0.0));
    CHECK(scoreQuestion(partial, {0, 1, 2}).points == doctest::Approx(0.5));  // (2 - 1) × 1/2
    const Question strict = makeQuestion({true, true, false}, ScoringRule::AllOrNothing);
    CHECK(scoreQuestion(strict, {0, 1, 2}).points == doctest::Approx(0.0));
}

TEST_CASE("duplicate and out-of-range selections are ignored") {
    const Question question = makeQuestion({true, false, true});
    CHECK(scoreQuestion(question, {0, 0, 2, 7, -1}).points == doctest::Approx(1.0));
}

TEST_CASE("the rule is described before answering, the breakdown after") {
    const Question single = makeQuestion({false, true});
    CHECK(describeRule(single).find("Une seule bonne réponse") != std::string::npos);
    const Question partial = makeQuestion({true, false, true, false});
    CHECK(describeRule(partial).find("crédit partiel") != std::string::npos);
    CHECK(describeRule(partial).find("0,5") != std::string::npos);
    const std::string breakdown = describeBreakdown(partial, scoreQuestion(partial, {0, 1, 2}));
    CHECK(breakdown.find("2 bonnes réponses cochées × 0,5 = +1") != std::string::npos);
    CHECK(breakdown.find("1 cochée à tort × 0,5 = −0,5") != std::string::npos);
    CHECK(breakdown.find("Total : 0,5 sur") != std::string::npos);
    const Question strict = makeQuestion({true, false, true}, ScoringRule::AllOrNothing);
    CHECK(describeRule(strict).find("tout ou rien") != std::string::npos);
    CHECK(describeBreakdown(strict, scoreQuestion(strict, {0})).find("1 bonne réponse oubliée") !=
          std::string::npos);
}

TEST_CASE("letters and points are written for people") {
    CHECK(optionLetters({0, 2}) == "A et C");
    CHECK(optionLetters({0, 1, 4}) == "A, B et E");
    CHECK(formatPoints(2.0) == "2\xC2\xA0points");
    CHECK(formatPoints(0.5) == "0,5\xC2\xA0point");
}

TEST_CASE("an idée reçue card scores its points for the best argument only, by one rule everywhere") {
    MythCard card;
    card.points = 2.0;
    for (const bool best : {false, false, true, false}) {
        MythArgument argument;
        argument.best = best;
        card.arguments.push_back(argument);
    }
    const QuestionScore found = scoreCard(card, 2);
    CHECK(found.outcome == Outcome::Right);
    CHECK(found.points == 2.0);
    CHECK(found.maxPoints == 2.0);
    for (const int other : {0, 1, 3}) {
        const QuestionScore missed = scoreCard(card, other);
        CHECK(missed.outcome == Outcome::Wrong);
        CHECK(missed.points == 0.0);
        CHECK(missed.maxPoints == 2.0);
    }
}

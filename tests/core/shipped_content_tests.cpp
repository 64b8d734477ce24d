// The shipped content: every pack loads with no error and no warning; the cahier quiz keeps the booklet's
// answers.
#include <doctest/doctest.h>

#include "core/loading/pack_loader.hpp"
#include "core/play/quiz_scoring.hpp"
#include "support/test_support.hpp"

using namespace passerelles;

TEST_CASE("every shipped pack loads with no error and no warning") {
    const auto library = ContentLibrary::load({{testing::contentDir(), "bundled"}});
    REQUIRE(library.packs.size() >= 3);
    for (const auto& entry : library.packs) {
        CAPTURE(entry.load.label);
        for (const auto& diagnostic : entry.load.diagnostics.items()) {
            CAPTURE(formatDiagnostic(diagnostic));
            CHECK(false);
        }
        CHECK(entry.load.usable());
        CHECK(entry.load.skippedActivities.empty());
    }
    CHECK(library.glossaryDiagnostics.empty());
    CHECK(library.packs.front().load.pack->id == "cahier-ludique");  // the core content comes first
}

TEST_CASE("the cahier ludique quiz has the booklet's 18 questions, in order, with its exact answers") {
    const PackLoad load = loadPack(testing::contentDir() / "cahier-ludique");
    REQUIRE(load.usable());
    const Quiz* quiz = load.pack->findQuiz("connaissances");
    REQUIRE(quiz != nullptr);
    // Answers of "Testez vos connaissances", DAECT cahier ludique 2020, pages 4 to 9.
    const std::vector<std::pair<std::size_t, std::vector<int>>> booklet = {
        {3, {1}},    {2, {0}},    {3, {0, 2}}, {3, {2}}, {2, {1}}, {3, {0}},
        {3, {1, 2}}, {5, {1, 4}}, {3, {2}},    {2, {1}}, {3, {2}}, {2, {0}},
        {3, {1, 2}}, {2, {0}},    {3, {2}},    {2, {1}}, {3, {2}}, {3, {0, 1}},
    };
    REQUIRE(quiz->questions.size() == booklet.size());
    for (std::size_t i = 0; i < booklet.size(); ++i) {
        const Question& question = quiz->questions[i];
        CAPTURE(question.id);
        CHECK(question.id == (i < 9 ? "q0" : "q") + std::to_string(i + 1));
        CHECK(question.options.size() == booklet[i].first);
        std::vector<int> correct;
        for (std::size_t o = 0; o < question.options.size(); ++o) {
            if (question.options[o].correct) {
                correct.push_back(static_cast<int>(o));
            }
        }
        CHECK(correct == booklet[i].second);
        REQUIRE(question.tags.source.has_value());
        CHECK(question.tags.source->sourceId == "cahier2020");
        CHECK(question.tags.source->section == "question " + std::to_string(i + 1));
        CHECK_FALSE(question.explanation.empty());
        // The booklet's own answer must score full marks under the question's rule.
        CHECK(scoreQuestion(question, booklet[i].second).outcome == Outcome::Right);
    }
    // Figures and legal references kept exact.
    CHECK(quiz->questions[3].options[2].text.find("4\xE2\x80\xAF"
                                                  "700") != std::string::npos);
    CHECK(quiz->questions[1].explanation.find("1115-1") != std::string::npos);
    CHECK(quiz->questions[10].text.find("9 février 2005") != std::string::npos);
    CHECK(quiz->questions[10].explanation.find("2006") != std::string::npos);
    CHECK(quiz->questions[10].explanation.find("2014") != std::string::npos);
}

TEST_CASE("the cahier ludique pack has the booklet's 12 idées reçues and its 3 scenarios") {
    const PackLoad load = loadPack(testing::contentDir() / "cahier-ludique");
    REQUIRE(load.usable());
    REQUIRE(load.pack->decks.size() == 1);
    CHECK(load.pack->decks[0].cards.size() == 12);
    for (const auto& card : load.pack->decks[0].cards) {
        CAPTURE(card.id);
        CHECK(card.bestArgumentIndex() >= 0);
        CHECK(card.arguments.size() >= 3);
        CHECK(card.tags.source.has_value());
    }
    CHECK(load.pack->scenarios.size() == 3);
    CHECK(load.pack->findScenario("partenaire-ideal") != nullptr);
    CHECK(load.pack->findScenario("long-fleuve-tranquille") != nullptr);
    CHECK(load.pack->findScenario("cofinancement") != nullptr);
}

TEST_CASE("oui/non and vrai/faux questions keep their order in every shipped quiz") {
    const auto library = ContentLibrary::load({{testing::contentDir(), "bundled"}});
    int ordered = 0;
    for (const auto& entry : library.packs) {
        REQUIRE(entry.load.usable());
        for (const auto& quiz : entry.load.pack->quizzes) {
            for (const auto& question : quiz.questions) {
                std::vector<std::string> texts;
                for (const auto& option : question.options) {
                    texts.push_back(option.text);
                }
                const bool pair = texts == std::vector<std::string>{"Oui", "Non"} ||
                                  texts == std::vector<std::string>{"Vrai", "Faux"};
                CAPTURE(question.id);
                CHECK(question.shuffle == !pair);  // and nothing else is held in place
                ordered += pair ? 1 : 0;
            }
        }
    }
    CHECK(ordered == 6);  // cahier q02, q05, q10, q12, q14, q16
}

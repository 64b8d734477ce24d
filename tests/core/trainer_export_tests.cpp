// Tests of the GIFT and CSV writers: what Moodle and spreadsheets receive, and that each file reads back
// into the same questions.
#include <doctest/doctest.h>

#include "core/base/text.hpp"
#include "core/formats/trainer_formats.hpp"
#include "support/quiz_checks.hpp"

using namespace passerelles;

namespace {

Question makeQuestion(const std::string& id, const std::string& text, std::vector<QuizOption> options,
                      ScoringRule rule = ScoringRule::Partial, double points = 1.0) {
    Question question;
    question.id = id;
    question.text = text;
    question.options = std::move(options);
    question.scoring = rule;
    question.points = points;
    return question;
}

// A quiz with every case a writer must get right: one and several right answers, both rules, points,
// true/false, GIFT's special characters, CSV's separators and quotes, paragraphs and bullets.
Quiz sampleQuiz() {
    Quiz quiz;
    quiz.id = "essai";
    quiz.title = "Essai / formats";
    Question single = makeQuestion("q01", "Que vaut 1 { } ~ = # : \\ ?",
                                   {{"a", "un ; deux", "Le \"point-virgule\" ; aussi", false},
                                    {"b", "trois", "", true},
                                    {"c", "quatre", "", false}});
    single.explanation = "Premier paragraphe.\n\nDeux puces :\n- une ;\n- deux.";
    single.tags.source = SourceRef{"cahier2020", "4", "question 1", ""};
    single.tags.themes = {"eau", "jeunesse"};
    single.tags.audiences = {"elus"};
    single.tags.difficulty = 2;
    single.tags.verifiedOn = "2024-11-30";
    quiz.questions.push_back(single);
    quiz.questions.push_back(makeQuestion(
        "q02", "Trois bonnes réponses ?",
        {{"a", "A", "", true}, {"b", "B", "", true}, {"c", "C", "", true}, {"d", "D", "non", false}}));
    quiz.questions.push_back(makeQuestion("q03", "Tout ou rien, 2 points ?",
                                          {{"a", "A", "", true}, {"b", "B", "", false}, {"c", "C", "", true}},
                                          ScoringRule::AllOrNothing, 2.0));
    Question trueFalse =
        makeQuestion("q04", "Vrai ?", {{"a", "Vrai", "Bien vu.", false}, {"b", "Faux", "Oui.", true}});
    trueFalse.explanation = "C'est faux.";
    quiz.questions.push_back(trueFalse);
    quiz.questions.push_back(makeQuestion(
        "q05", "Demi-point ?", {{"a", "A", "", true}, {"b", "B", "", false}}, ScoringRule::Partial, 0.5));
    return quiz;
}

Pack samplePack() {
    Pack pack;
    pack.id = "essais";
    return pack;
}

// The questions read back, with the defaults the loader would give what the file left unsaid.
Quiz asQuiz(const ImportResult& imported) {
    Quiz quiz;
    for (const auto& back : imported.questions) {
        Question question;
        question.id = back.id;
        question.text = back.text;
        question.options = back.options;
        question.explanation = back.explanation.value_or("");
        question.scoring = back.scoring.value_or(ScoringRule::Partial);
        question.points = back.points.value_or(1.0);
        question.tags.themes = back.themes.value_or(std::vector<std::string>{});
        question.tags.audiences = back.audiences.value_or(std::vector<std::string>{});
        question.tags.difficulty = back.difficulty.value_or(0);
        question.tags.verifiedOn = back.verifiedOn.value_or("");
        if (back.source && !back.source->sourceId.empty()) {
            question.tags.source =
                SourceRef{back.source->sourceId, back.source->page, back.source->section, ""};
        }
        quiz.questions.push_back(std::move(question));
    }
    return quiz;
}

}  // namespace

TEST_CASE("GIFT export: weights Moodle accepts, escapes, general feedback, true/false") {
    const ExportResult result = exportGift(samplePack(), sampleQuiz());
    const std::string& gift = result.text;
    CHECK(gift.find("$CATEGORY: $course$/top/Essai // formats\n") != std::string::npos);
    CHECK(gift.find("::q01::[plain]Que vaut 1 \\{ \\} \\~ \\= \\# \\: \\\\ ?{\n") != std::string::npos);
    CHECK(gift.find("\t=trois\n") != std::string::npos);
    CHECK(gift.find("\t####Premier paragraphe.\\n\\nDeux puces \\:\\n- une ;\\n- deux.\n") !=
          std::string::npos);
    CHECK(gift.find("\t~%33.33333%A\n") != std::string::npos);
    CHECK(gift.find("\t~%-33.33333%D#non\n") != std::string::npos);
    CHECK(gift.find("\t~%50%A\n") != std::string::npos);
    CHECK(gift.find("\t~%-50%B\n") != std::string::npos);
    CHECK(gift.find("// Passerelles: all-or-nothing, points=2\n::q03::") != std::string::npos);
    CHECK(gift.find("::q04::[plain]Vrai ?{FALSE#Bien vu.#Oui.####C'est faux.}\n") != std::string::npos);
    CHECK(gift.find("// Passerelles: points=0.5\n::q05::") != std::string::npos);
    // Moodle takes a "=" anywhere in a multi-answer block as "one answer only": none may be left bare.
    const std::size_t q02Start = gift.find("::q02::");
    const std::string q02 = gift.substr(q02Start, gift.find("}\n", q02Start) - q02Start);
    CHECK(q02.find('=') == std::string::npos);
}

TEST_CASE("GIFT export says what Moodle will do differently") {
    const ExportResult result = exportGift(samplePack(), sampleQuiz());
    std::string messages;
    for (const auto& warning : result.warnings.items()) {
        messages += warning.message + "\n";
    }
    CHECK(messages.find(frenchTypography("Question q03 : notée en tout ou rien")) != std::string::npos);
    CHECK(messages.find("crédit partiel") != std::string::npos);
    CHECK(messages.find(frenchTypography("Question q03 : vaut 2 points")) != std::string::npos);
    CHECK(messages.find("Question q01") == std::string::npos);
}

TEST_CASE("GIFT round trip: an exported quiz reads back into the same questions, rules and points") {
    const Quiz quiz = sampleQuiz();
    const ImportResult back = importGift(exportGift(samplePack(), quiz).text, ImportOptions{});
    CHECK(back.problems.empty());
    CHECK(back.suggestedTitle == "Essai / formats");
    testing::checkSameQuiz(quiz, asQuiz(back), false);
}

TEST_CASE("GIFT: a wrong answer that starts like a weight stays text") {
    // "%10%" after "~" reads as a 10 % weight, in Moodle and in importGift alike: an explicit weight first
    // keeps the percentage in the answer. After "=", Moodle reads no weight: the text goes as it is.
    Quiz quiz;
    quiz.id = "pourcents";
    quiz.questions.push_back(
        makeQuestion("q01", "Quelle part ?", {{"a", "%50% du budget", "", true}, {"b", "%10%", "", false}}));
    const std::string gift = exportGift(samplePack(), quiz).text;
    CHECK(gift.find("\t=%50% du budget\n") != std::string::npos);
    CHECK(gift.find("\t~%0%%10%\n") != std::string::npos);
    const ImportResult back = importGift(gift, ImportOptions{});
    CHECK(back.problems.empty());
    testing::checkSameQuiz(quiz, asQuiz(back), false);
}

TEST_CASE("CSV export: BOM, « ; », CRLF, quotes where needed, French decimals") {
    const std::string csv = exportCsv(sampleQuiz()).text;
    CHECK(csv.starts_with("\xEF\xBB\xBFid;question;réponse A;réponse B;"));
    CHECK(csv.find("\r\nq01;Que vaut 1 { } ~ = # : \\ ?;\"un ; deux\";trois;quatre;;;;B;") !=
          std::string::npos);
    CHECK(csv.find("\"Premier paragraphe.\n\nDeux puces :\n- une ;\n- deux.\"") != std::string::npos);
    CHECK(csv.find(";cahier2020|4|question 1;eau, jeunesse;elus;2;2024-11-30;crédit partiel;1;") !=
          std::string::npos);
    CHECK(csv.find("\"Le \"\"point-virgule\"\" ; aussi\"") != std::string::npos);
    CHECK(csv.find(";tout ou rien;2;") != std::string::npos);
    CHECK(csv.find(";crédit partiel;0,5;") != std::string::npos);
    CHECK(csv.ends_with("\r\n"));
}

TEST_CASE("CSV round trip: an exported quiz reads back identically, tags included") {
    const Quiz quiz = sampleQuiz();
    const ImportResult back = importCsv(exportCsv(quiz).text, ImportOptions{});
    CHECK(back.problems.empty());
    testing::checkSameQuiz(quiz, asQuiz(back), true);
}

// Tests of the GIFT and CSV writers: what Moodle and spreadsheets receive, and that each file reads back
// into the same questions.
#include <doctest/doctest.h>

#include <functional>
#include <map>
#include <set>

#include <nlohmann/json.hpp>

#include "core/base/text.hpp"
#include "core/formats/trainer_formats.hpp"
#include "support/quiz_checks.hpp"
#include "support/test_support.hpp"

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

TEST_CASE(
    "CSV round trip: texts that look like formulas are neutralised in the file and read back as written") {
    Quiz quiz;
    quiz.id = "formules";
    quiz.title = "Formules";
    quiz.questions.push_back(
        makeQuestion("q01", "=1+1 fait-il 2 ?",
                     {{"a", "+2", "@moi", true}, {"b", "-2", "'=ancien", false}, {"c", "'+3", "-", false}}));
    const std::string csv = exportCsv(quiz).text;
    CHECK(csv.find("\r\nq01;'=1+1 fait-il 2 ?;'+2;-2;''+3;;;;A;") != std::string::npos);
    CHECK(csv.find(";'@moi;''=ancien;'-;") != std::string::npos);
    const ImportResult back = importCsv(csv, ImportOptions{});
    CHECK(back.problems.empty());
    testing::checkSameQuiz(quiz, asQuiz(back), true);
}

namespace {

// Every field of a question the schema lists, each with a value other than its default.
Quiz everyFieldQuiz() {
    Quiz quiz;
    quiz.id = "complet";
    quiz.title = "Tous les champs";
    Question question = makeQuestion("q07", "Quels partenaires",
                                     {{"oui", "Une commune", "Exact", true},
                                      {"non", "Une association", "", false},
                                      {"peut-etre", "Une région", "Aussi", true}},
                                     ScoringRule::AllOrNothing, 2.5);
    question.explanation = "Les deux peuvent agir.";
    question.tags.source = SourceRef{"cahier2020", "12", "question 4", "528-532"};
    question.tags.themes = {"eau"};
    question.tags.audiences = {"elus"};
    question.tags.difficulty = 3;
    question.tags.verifiedOn = "2025-01-15";
    question.tags.image = "images/carte.png";
    question.shuffle = false;
    quiz.questions.push_back(question);
    return quiz;
}

// The schema's names of a question's fields, options' and sources' included ("options.id", "source.lines").
std::vector<std::string> schemaQuestionFields() {
    const auto read = [](const char* name) {
        return nlohmann::json::parse(testing::readFile(testing::contentDir() / "schema" / name));
    };
    const auto quiz = read("quiz.schema.json");
    const auto common = read("common.schema.json");
    std::vector<std::string> fields;
    for (const auto& [name, value] : quiz["definitions"]["question"]["properties"].items()) {
        fields.push_back(name);
    }
    for (const auto& [name, value] : quiz["definitions"]["option"]["properties"].items()) {
        fields.push_back("options." + name);
    }
    for (const auto& [name, value] : common["definitions"]["sourceRef"]["properties"].items()) {
        fields.push_back("source." + name);
    }
    return fields;
}

// The fields the export's warnings name: « le champ "source" ne passe pas en GIFT ».
std::set<std::string> namedFields(const ExportResult& exported) {
    std::set<std::string> named;
    const std::string marker = "le champ \"";
    for (const auto& warning : exported.warnings.items()) {
        const auto at = warning.message.find(marker);
        if (at != std::string::npos) {
            const auto start = at + marker.size();
            named.insert(warning.message.substr(start, warning.message.find('"', start) - start));
        }
    }
    return named;
}

// For each format: export, import, then every field of the schema either came back or a warning named it
// (a warning on "source" covers "source.page"…). A field added to the schema fails here until the test
// says how to compare it, so no new field can be lost in silence.
void checkEveryFieldSurvivesOrIsNamed(TrainerFormat format) {
    const Quiz quiz = everyFieldQuiz();
    const Question& sent = quiz.questions[0];
    const ExportResult exported =
        format == TrainerFormat::Gift ? exportGift(samplePack(), quiz) : exportCsv(quiz);
    const ImportResult imported = importQuestions(format, exported.text, ImportOptions{});
    CHECK(imported.problems.errorCount() == 0);
    REQUIRE(imported.questions.size() == 1);
    const ImportedQuestion& back = imported.questions[0];
    const auto sameOptions = [&](const std::function<bool(const QuizOption&, const QuizOption&)>& same) {
        if (back.options.size() != sent.options.size()) {
            return false;
        }
        for (std::size_t i = 0; i < sent.options.size(); ++i) {
            if (!same(sent.options[i], back.options[i])) {
                return false;
            }
        }
        return true;
    };
    const auto source = [&]() -> const ImportedSource* { return back.source ? &*back.source : nullptr; };
    const SourceRef& ref = *sent.tags.source;
    const std::map<std::string, std::function<bool()>> survived = {
        {"id", [&] { return back.idFromFile && back.id == sent.id; }},
        {"text", [&] { return back.text == sent.text; }},
        {"options", [&] { return back.options.size() == sent.options.size(); }},
        {"options.id", [&] { return sameOptions([](auto& a, auto& b) { return a.id == b.id; }); }},
        {"options.text", [&] { return sameOptions([](auto& a, auto& b) { return a.text == b.text; }); }},
        {"options.correct",
         [&] { return sameOptions([](auto& a, auto& b) { return a.correct == b.correct; }); }},
        {"options.feedback",
         [&] { return sameOptions([](auto& a, auto& b) { return a.feedback == b.feedback; }); }},
        {"scoring", [&] { return back.scoring == sent.scoring; }},
        {"points", [&] { return back.points && *back.points == doctest::Approx(sent.points); }},
        {"explanation", [&] { return back.explanation == sent.explanation; }},
        {"source", [&] { return source() != nullptr && source()->sourceId == ref.sourceId; }},
        {"source.id", [&] { return source() != nullptr && source()->sourceId == ref.sourceId; }},
        {"source.page", [&] { return source() != nullptr && source()->page == ref.page; }},
        {"source.section", [&] { return source() != nullptr && source()->section == ref.section; }},
        {"source.lines", [] { return false; }},  // ImportedSource has no place for it
        {"themes", [&] { return back.themes == sent.tags.themes; }},
        {"audiences", [&] { return back.audiences == sent.tags.audiences; }},
        {"difficulty", [&] { return back.difficulty == sent.tags.difficulty; }},
        {"verifiedOn", [&] { return back.verifiedOn == sent.tags.verifiedOn; }},
        {"image", [] { return false; }},    // ImportedQuestion has no place for it
        {"shuffle", [] { return false; }},  // nor for the options' fixed order (kept on import into a pack)
    };
    const std::set<std::string> named = namedFields(exported);
    for (const std::string& field : schemaQuestionFields()) {
        CAPTURE(field);
        const auto check = survived.find(field);
        if (check == survived.end()) {
            FAIL_CHECK("the round-trip test does not know this field of the schema: say how to compare it");
            continue;
        }
        const std::string parent = field.substr(0, field.find('.'));
        const bool warned = named.count(field) > 0 || named.count(parent) > 0;
        CHECK_MESSAGE((check->second() || warned), "lost without a word");
    }
}

}  // namespace

TEST_CASE("GIFT round trip of every field of the schema: each comes back, or the export names it") {
    checkEveryFieldSurvivesOrIsNamed(TrainerFormat::Gift);
    const ExportResult exported = exportGift(samplePack(), everyFieldQuiz());
    CHECK(namedFields(exported) == std::set<std::string>{"options.id", "source", "themes", "audiences",
                                                         "difficulty", "verifiedOn", "image", "shuffle"});
    bool plainWords = false;
    for (const auto& warning : exported.warnings.items()) {
        plainWords |=
            warning.message ==
            frenchTypography("question q07 : le champ \"source\" ne passe pas en GIFT et n'est pas exporté.");
    }
    CHECK(plainWords);
}

TEST_CASE("CSV round trip of every field of the schema: each comes back, or the export names it") {
    checkEveryFieldSurvivesOrIsNamed(TrainerFormat::Csv);
    CHECK(namedFields(exportCsv(everyFieldQuiz())) ==
          std::set<std::string>{"options.id", "source.lines", "image", "shuffle"});
}

TEST_CASE("points a format rounds are named too") {
    Quiz quiz = everyFieldQuiz();
    quiz.questions[0].points = 1.0 / 3.0;
    CHECK(namedFields(exportCsv(quiz)).count("points") == 1);
    CHECK(namedFields(exportGift(samplePack(), quiz)).count("points") == 1);
    quiz.questions[0].points = 0.25;
    CHECK(namedFields(exportCsv(quiz)).count("points") == 0);
    CHECK(namedFields(exportGift(samplePack(), quiz)).count("points") == 0);
}

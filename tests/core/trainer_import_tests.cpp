// Tests of the trainer-format readers on real-world-shaped files: a Moodle GIFT export, Aiken pasted from
// a word processor, a CSV saved by LibreOffice in a French locale, and broken or hostile input.
#include <doctest/doctest.h>

#include <random>

#include "core/base/text.hpp"
#include "core/formats/trainer_formats.hpp"
#include "support/test_support.hpp"

using namespace passerelles;

namespace {

ImportResult importFixture(TrainerFormat format, const std::string& name) {
    ImportOptions options;
    options.label = name;
    return importQuestions(format, testing::readFile(testing::fixturesDir() / "formats" / name), options);
}

ImportResult importText(TrainerFormat format, const std::string& text) {
    return importQuestions(format, text, ImportOptions{});
}

const ImportedQuestion& question(const ImportResult& result, const std::string& id) {
    for (const auto& candidate : result.questions) {
        if (candidate.id == id) {
            return candidate;
        }
    }
    FAIL("no question " << id);
    return result.questions.front();
}

// Whether a problem at `line` has that severity and contains `fragment` (messages get French typography).
bool hasProblem(const ImportResult& result, Severity severity, int line, const std::string& fragment) {
    for (const auto& problem : result.problems.items()) {
        if (problem.severity == severity && problem.line == line &&
            problem.message.find(frenchTypography(fragment)) != std::string::npos) {
            return true;
        }
    }
    return false;
}

std::string allProblems(const ImportResult& result) {
    std::string out;
    for (const auto& problem : result.problems.items()) {
        out += formatDiagnostic(problem) + "\n";
    }
    return out;
}

std::vector<std::string> optionTexts(const ImportedQuestion& question) {
    std::vector<std::string> texts;
    for (const auto& option : question.options) {
        texts.push_back(option.text);
    }
    return texts;
}

const std::string nbsp(kNoBreakSpace);

}  // namespace

// ---- GIFT ----------------------------------------------------------------------------------

TEST_CASE("GIFT: a Moodle export is understood question by question") {
    const ImportResult result = importFixture(TrainerFormat::Gift, "moodle-export.gift");
    CAPTURE(allProblems(result));
    CHECK(result.problems.errorCount() == 0);
    REQUIRE(result.questions.size() == 8);
    CHECK(result.suggestedTitle == "Jumelages et coopération");

    const auto& q01 = question(result, "q01");
    CHECK(q01.idFromFile);
    CHECK(q01.line == 6);
    CHECK(q01.text == "Quelle est la forme d'action extérieure la plus ancienne ?");
    CHECK(optionTexts(q01) ==
          std::vector<std::string>{"Les chartes d'amitié", "Les jumelages", "La coopération décentralisée"});
    CHECK(q01.correctIndices() == std::vector<int>{1});
    CHECK(q01.options[1].feedback == "Nés au lendemain de la Seconde Guerre mondiale.");
    CHECK(q01.options[2].feedback.empty());
    CHECK(q01.explanation ==
          "Les jumelages sont apparus après 1945 pour réconcilier la France et l'Allemagne.");
    CHECK(hasProblem(result, Severity::Warning, 6, "<strong>"));

    // Escaped ~ = # { } : and \\ are plain characters; the title is not an id, so one is given.
    const auto& escapes = question(result, "q02");
    CHECK_FALSE(escapes.idFromFile);
    CHECK(escapes.text == "Quel signe s'écrit = en GIFT, et que valent { } ~ # : ?");
    CHECK(optionTexts(escapes) == std::vector<std::string>{"Le signe égal =", "Le tilde ~", "Le dièse #"});
    CHECK(escapes.options[0].feedback == "Il faut l'échapper avec une barre oblique inversée \\.");
    CHECK(escapes.correctIndices() == std::vector<int>{0});
}

TEST_CASE("GIFT: Moodle weights become a Passerelles rule, and every change of meaning is said") {
    const ImportResult result = importFixture(TrainerFormat::Gift, "moodle-export.gift");
    // 50 / 50 / -50: exactly Passerelles' partial credit, nothing to say.
    const auto& exact = question(result, "q03");
    CHECK(exact.correctIndices() == std::vector<int>{0, 1});
    CHECK(exact.scoring == ScoringRule::Partial);
    CHECK(exact.explanation == "Les 17 ODD sont transversaux.");
    for (const auto& problem : result.problems.items()) {
        CHECK(problem.line != 21);
    }
    // Moodle's usual -100 % penalty is harsher than P/C.
    const auto& penalty = question(result, "q04");
    CHECK(penalty.correctIndices() == std::vector<int>{0, 1, 2});
    CHECK(penalty.scoring == ScoringRule::Partial);
    CHECK(hasProblem(result, Severity::Warning, 29, "Question q04 : barème de Moodle adapté"));
    CHECK(hasProblem(result, Severity::Warning, 29, "retirait 100" + nbsp + "%"));
    // 70 % / 30 % cannot be expressed: equal shares, and the wrong answer now costs something.
    const auto& unequal = question(result, "q05");
    CHECK(unequal.correctIndices() == std::vector<int>{0, 1});
    CHECK(unequal.scoring == ScoringRule::Partial);
    CHECK(hasProblem(result, Severity::Warning, 37, "70" + nbsp + "% et 30" + nbsp + "%"));
    CHECK(hasProblem(result, Severity::Warning, 37, "ne retirait rien"));
    // The comment line written by Passerelles restores what GIFT cannot say.
    const auto& allOrNothing = question(result, "q08");
    CHECK(allOrNothing.scoring == ScoringRule::AllOrNothing);
    CHECK(allOrNothing.points == 2.0);
    for (const auto& problem : result.problems.items()) {
        CHECK(problem.line != 65);
    }
}

TEST_CASE("GIFT: true/false questions become Vrai and Faux with their feedback") {
    const ImportResult result = importFixture(TrainerFormat::Gift, "moodle-export.gift");
    const auto& trueQuestion = question(result, "q06");
    CHECK(optionTexts(trueQuestion) == std::vector<std::string>{"Vrai", "Faux"});
    CHECK(trueQuestion.correctIndices() == std::vector<int>{0});
    CHECK(trueQuestion.options[0].feedback == "Oui, c'est le contrôle de légalité.");
    CHECK(trueQuestion.options[1].feedback == "Si : elle entre en vigueur dès sa transmission.");
    CHECK(trueQuestion.explanation == "Article L.1115-1 du CGCT.");
    const auto& falseQuestion = question(result, "q07");
    CHECK(falseQuestion.correctIndices() == std::vector<int>{1});
    CHECK(falseQuestion.explanation == "");
}

TEST_CASE("GIFT: unsupported question types are skipped with a warning naming the line and the type") {
    const ImportResult result = importFixture(TrainerFormat::Gift, "moodle-export.gift");
    CHECK(hasProblem(result, Severity::Warning, 49, "réponse courte"));
    CHECK(hasProblem(result, Severity::Warning, 51, "numérique"));
    CHECK(hasProblem(result, Severity::Warning, 53, "appariement"));
    CHECK(hasProblem(result, Severity::Warning, 58, "ouverte"));
    CHECK(hasProblem(result, Severity::Warning, 60, "texte à trous"));
    CHECK(hasProblem(result, Severity::Warning, 62, "description"));
}

TEST_CASE("GIFT: broken questions are errors and the others still come through") {
    const ImportResult result =
        importText(TrainerFormat::Gift,
                   "::a::Accolade jamais fermée {=oui ~non\n"
                   "\n"
                   "::b::Deux bonnes réponses en « = » ?{=un =deux ~trois}\n"
                   "\n"
                   "::c::Une réponse à moitié juste {=juste ~%50%à moitié ~%-25%fausse}\n"
                   "\n"
                   "::d::Aucune bonne réponse {~%-50%un ~%0%deux}\n"
                   "\n"
                   "::e::Sept réponses {=1 ~2 ~3 ~4 ~5 ~6 ~7}\n"
                   "\n"
                   "::b::Titre repris {=oui ~non}\n");
    CAPTURE(allProblems(result));
    CHECK(hasProblem(result, Severity::Error, 1, "accolade"));
    CHECK(hasProblem(result, Severity::Warning, 3, "une seule suffisait"));
    CHECK(question(result, "b").correctIndices() == std::vector<int>{0, 1});
    CHECK(hasProblem(result, Severity::Warning, 5, "rapportait 50" + nbsp + "%"));
    CHECK(hasProblem(result, Severity::Warning, 5, "retirait 25" + nbsp + "%"));
    CHECK(question(result, "c").correctIndices() == std::vector<int>{0});
    CHECK(hasProblem(result, Severity::Error, 7, "aucune bonne réponse"));
    CHECK(hasProblem(result, Severity::Error, 9, "6 réponses possibles au plus"));
    CHECK(hasProblem(result, Severity::Warning, 11, "déjà pris"));
    REQUIRE(result.questions.size() == 3);
    CHECK(result.questions[2].id == "q01");
    CHECK(result.questions[2].text == "Titre repris");
}

TEST_CASE("GIFT: an HTML entity naming no character is kept as written and named, never invalid UTF-8") {
    const ImportResult result =
        importText(TrainerFormat::Gift,
                   "::q1::[html]Un &#xD800; et &#0; {=oui ~non &\\#x110000;}\n"
                   "\n"
                   "::q2::[html]Un sourire &#x1F600; &#233;t&#xE9; {=&\\#128512; ~non}\n");
    CAPTURE(allProblems(result));
    REQUIRE(result.questions.size() == 2);
    CHECK(question(result, "q1").text == "Un &#xD800; et &#0;");
    CHECK(optionTexts(question(result, "q1"))[1] == "non &#x110000;");
    CHECK(question(result, "q2").text == "Un sourire \xF0\x9F\x98\x80 été");
    CHECK(optionTexts(question(result, "q2"))[0] == "\xF0\x9F\x98\x80");
    REQUIRE(result.problems.items().size() == 1);
    const Diagnostic& problem = result.problems.items().front();
    CHECK(problem.severity == Severity::Warning);
    CHECK(problem.line == 1);
    CHECK(
        problem.message ==
        frenchTypography("Question q1 : des codes HTML y sont laissés tels quels, car ils ne désignent aucun "
                         "caractère : &#0;, &#x110000;, &#xD800;. Corrigez le fichier ou la question "
                         "après l'import."));
    for (const auto& imported : result.questions) {
        CHECK_FALSE(findInvalidUtf8(imported.text));
    }
}

TEST_CASE("GIFT: generated ids avoid the ids of the quiz being updated") {
    ImportOptions options;
    options.takenIds = {"q01", "q02"};
    const ImportResult result = importGift(
        "Première ?{=oui ~non}\n\n::q07::Deuxième ?{=oui ~non}\n\nTroisième ?{=oui ~non}\n", options);
    REQUIRE(result.questions.size() == 3);
    CHECK(result.questions[0].id == "q03");
    CHECK(result.questions[1].id == "q07");
    CHECK(result.questions[2].id == "q04");
}

// ---- Aiken ---------------------------------------------------------------------------------

TEST_CASE("Aiken: a file pasted from a word processor (CRLF, tabs, indents, no-break spaces, “quotes”)") {
    const ImportResult result = importFixture(TrainerFormat::Aiken, "collage-traitement-de-texte.txt");
    CAPTURE(allProblems(result));
    REQUIRE(result.questions.size() == 4);
    const auto& first = result.questions[0];
    CHECK(first.id == "q01");
    CHECK(first.text == "Quel texte encadre l’action extérieure des collectivités territoriales ?");
    CHECK(optionTexts(first) == std::vector<std::string>{"La loi « NOTRe »", "L’article L.1115-1 du CGCT",
                                                         "Le code des marchés publics"});
    CHECK(first.correctIndices() == std::vector<int>{1});
    CHECK_FALSE(first.explanation.has_value());  // Aiken has none: an update keeps the pack's

    const auto& indented = result.questions[1];
    CHECK(indented.line == 7);
    CHECK(indented.text == "Qui coordonne les “groupes-pays” ?");
    CHECK(indented.options[1].text == "Cités Unies France");
    CHECK(indented.correctIndices() == std::vector<int>{1});

    const auto& french = result.questions[2];
    CHECK(french.text == "Le 1" + nbsp + "% déchets finance :");
    CHECK(french.correctIndices() == std::vector<int>{0});

    const auto& wrapped = result.questions[3];
    CHECK(wrapped.options[0].text == "La CNCD (Commission nationale de la coopération décentralisée)");
    CHECK(hasProblem(result, Severity::Warning, 21, "rattachée à la réponse A"));

    CHECK(hasProblem(result, Severity::Error, 25, "ANSWER"));
    CHECK(hasProblem(result, Severity::Error, 32, "la bonne réponse C ne fait pas partie"));
    CHECK(result.problems.errorCount() == 2);
    for (const auto& imported : result.questions) {
        CHECK(imported.text.find('\r') == std::string::npos);
    }
}

// ---- CSV -----------------------------------------------------------------------------------

TEST_CASE("CSV: a LibreOffice file (BOM, « ; », CRLF, quotes, line breaks in cells, French headers)") {
    const ImportResult result = importFixture(TrainerFormat::Csv, "libreoffice-fr.csv");
    CAPTURE(allProblems(result));
    CHECK(result.problems.errorCount() == 0);
    REQUIRE(result.questions.size() == 4);

    const auto& first = result.questions[0];
    CHECK(first.text == "Quelle forme d'action extérieure est la plus ancienne ?");
    CHECK(first.correctIndices() == std::vector<int>{1});
    CHECK(first.explanation == "Les jumelages sont nés après 1945 ; ils restent un moteur de la vie locale.");
    REQUIRE(first.source.has_value());
    CHECK(first.source->sourceId == "cahier2020");
    CHECK(first.source->page == "4");
    CHECK(first.source->section == "question 1");
    CHECK(first.themes == std::vector<std::string>{"jumelage"});
    CHECK(first.audiences == std::vector<std::string>{"elus", "associations"});

    const auto& multi = result.questions[1];
    CHECK(multi.line == 3);
    CHECK(multi.correctIndices() == std::vector<int>{0, 2});
    CHECK(multi.explanation ==
          "Deux bonnes réponses :\n- ils sont transversaux ;\n- l'ODD 5 porte sur l'égalité.");
    CHECK(multi.source->sourceId.empty());
    CHECK(multi.source->citation == "Guide de la DAECT, 2020");
    CHECK(multi.source->page == "4");
    CHECK(multi.themes == std::vector<std::string>{"odd", "Égalité femmes-hommes"});

    const auto& quoted = result.questions[2];
    CHECK(quoted.line == 6);
    CHECK(quoted.options[2].text == "Un label \"eau propre\"");
    CHECK(quoted.correctIndices() == std::vector<int>{1});
    CHECK(quoted.explanation == "");
    CHECK(quoted.audiences == std::vector<std::string>{});

    // Column D is empty: E moves up to D, and the letters of the answer follow it.
    const auto& gap = result.questions[3];
    CHECK(gap.line == 8);
    CHECK(optionTexts(gap) == std::vector<std::string>{"Les RRMA", "CUF", "L'OMC", "L'AFD"});
    CHECK(gap.correctIndices() == std::vector<int>{0, 2, 3});
    CHECK(hasProblem(result, Severity::Warning, 8, "Rangée 6 : la réponse D est vide"));
}

TEST_CASE("CSV: the template in content/ imports with no problem") {
    const ImportResult result =
        importQuestions(TrainerFormat::Csv, testing::readFile(testing::contentDir() / "modele-questions.csv"),
                        ImportOptions{});
    CAPTURE(allProblems(result));
    CHECK(result.problems.empty());
    REQUIRE(result.questions.size() == 2);
    CHECK(result.questions[1].correctIndices() == std::vector<int>{0, 2});
}

TEST_CASE("CSV: separators, letters and optional columns as trainers write them") {
    const ImportResult comma =
        importText(TrainerFormat::Csv,
                   "id,question,A,B,C,correct,difficulty,scoring,points,verifiedOn\n"
                   "eau-1,Question ?,un,deux,trois,AC,moyen,tout ou rien,\"0,5\",30/11/2024\n"
                   "eau-2,Autre ?,un,deux,trois,1 et 3,3,partial,2,2024-01-31\n");
    CAPTURE(allProblems(comma));
    REQUIRE(comma.questions.size() == 2);
    const auto& first = comma.questions[0];
    CHECK(first.id == "eau-1");
    CHECK(first.idFromFile);
    CHECK(first.correctIndices() == std::vector<int>{0, 2});
    CHECK(first.difficulty == 2);
    CHECK(first.scoring == ScoringRule::AllOrNothing);
    CHECK(first.points == 0.5);
    CHECK(first.verifiedOn == "2024-11-30");
    CHECK(comma.questions[1].correctIndices() == std::vector<int>{0, 2});
    CHECK(comma.questions[1].difficulty == 3);
    CHECK(comma.questions[1].scoring == ScoringRule::Partial);

    const ImportResult tab =
        importText(TrainerFormat::Csv,
                   "Énoncé\tRéponse A\tRéponse B\tBonne réponse\tThème\nOui ?\toui\tnon\ta\teau; jeunesse\n");
    REQUIRE(tab.questions.size() == 1);
    CHECK(tab.questions[0].themes == std::vector<std::string>{"eau", "jeunesse"});
    CHECK_FALSE(tab.questions[0].explanation.has_value());  // no such column: an update keeps the pack's
}

TEST_CASE("CSV: rows in error name their row and line, and are left out") {
    const ImportResult result =
        importText(TrainerFormat::Csv,
                   "question;réponse A;réponse B;bonnes réponses;règle;colonne perso\n"
                   "Sans bonne réponse ?;oui;non;;;x\n"
                   "Lettre sans texte ?;oui;non;C;;\n"
                   "Lettres illisibles ?;oui;non;vrai;;\n"
                   "Règle inconnue ?;oui;non;A;au mérite;\n"
                   "Juste ?;oui;non;A;;\n");
    CAPTURE(allProblems(result));
    CHECK(hasProblem(result, Severity::Warning, 1, "colonne perso"));
    CHECK(hasProblem(result, Severity::Error, 2, "Rangée 2 : la colonne « bonnes réponses » est vide"));
    CHECK(hasProblem(result, Severity::Error, 3, "la bonne réponse C n'a pas de texte"));
    CHECK(hasProblem(result, Severity::Error, 4, "« vrai » ne sont pas comprises"));
    CHECK(hasProblem(result, Severity::Error, 5, "au mérite"));
    REQUIRE(result.questions.size() == 1);
    CHECK(result.questions[0].text == "Juste ?");
}

TEST_CASE("CSV: a file without the required columns, or with an unclosed quote, is refused clearly") {
    const ImportResult noHeader =
        importText(TrainerFormat::Csv, "Quelle forme ?;les jumelages;les chartes;A\n");
    CHECK(noHeader.questions.empty());
    CHECK(hasProblem(noHeader, Severity::Error, 1, "La première ligne doit nommer les colonnes"));

    const ImportResult unclosed = importText(
        TrainerFormat::Csv, "question;A;B;correct\nOui ?;oui;non;A\n\"Jamais fermée ?;oui;non;A\n");
    CHECK(hasProblem(unclosed, Severity::Error, 3, "jamais refermé"));
}

// ---- Every format: encodings, limits, hostile input ------------------------------------------

TEST_CASE("an old Excel CSV in Windows-1252 is read, with a warning at the first byte that is not UTF-8") {
    const std::string text = "question;A;B;correct\r\nQui est \xE9lu ?;l\x92\xE9quipe;le maire;B\r\n";
    const ImportResult result = importText(TrainerFormat::Csv, text);
    CHECK(hasProblem(result, Severity::Warning, 2, "Windows-1252"));
    REQUIRE(result.questions.size() == 1);
    CHECK(result.questions[0].text == "Qui est élu ?");
    CHECK(result.questions[0].options[0].text == "l’équipe");
}

TEST_CASE("UTF-16, oversized and empty files are refused with a sentence, never an exception") {
    CHECK(hasProblem(importText(TrainerFormat::Csv, std::string("\xFF\xFEq\0u\0", 6)), Severity::Error, 0,
                     "UTF-16"));
    ImportOptions small;
    small.maxBytes = 16;
    const ImportResult big = importAiken(std::string(17, 'x'), small);
    CHECK(big.questions.empty());
    CHECK(hasProblem(big, Severity::Error, 0, "trop gros"));
    for (const auto format : {TrainerFormat::Csv, TrainerFormat::Gift, TrainerFormat::Aiken}) {
        const ImportResult empty = importText(format, "");
        CHECK(empty.questions.empty());
        CHECK(empty.problems.hasErrors());
    }
}

TEST_CASE("random and truncated input never crashes a reader, and what comes out is playable") {
    std::mt19937 random(12);
    const std::string alphabet = "{}~=#:%\\;\",\n\r\t ABCabc01-.>|$/\xC3\xA9\xE2\x80\x99";
    const std::string gift = testing::readFile(testing::fixturesDir() / "formats" / "moodle-export.gift");
    for (int round = 0; round < 300; ++round) {
        std::string text;
        if (round % 3 == 0) {
            text = gift.substr(0, random() % gift.size());  // a file cut anywhere
        } else {
            const std::size_t length = random() % 400;
            for (std::size_t i = 0; i < length; ++i) {
                text += alphabet[random() % alphabet.size()];
            }
        }
        for (const auto format : {TrainerFormat::Csv, TrainerFormat::Gift, TrainerFormat::Aiken}) {
            const ImportResult result = importText(format, text);
            for (const auto& imported : result.questions) {
                CHECK(imported.options.size() >= 2);
                CHECK(imported.options.size() <= 6);
                CHECK_FALSE(imported.correctIndices().empty());
                CHECK_FALSE(imported.id.empty());
                CHECK_FALSE(findInvalidUtf8(imported.text).has_value());
            }
        }
    }
}

// Tests of passerelles-pack import and export: preview, nothing written on error, --force, --dry-run,
// update by id, and round trips of the shipped cahier quiz through GIFT and CSV.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#ifndef _WIN32
#include <sys/stat.h>
#endif

#include "core/base/text.hpp"
#include "core/loading/pack_loader.hpp"
#include "support/quiz_checks.hpp"
#include "support/test_support.hpp"
#include "tools/run_tool.hpp"

using namespace passerelles;
using testing::runTool;

namespace {

std::string fixture(const std::string& name) {
    return (testing::fixturesDir() / "formats" / name).string();
}

std::string cahier() {
    return (testing::contentDir() / "cahier-ludique").string();
}

// Whether `text` contains `fragment`, whose « » quotes stand for quotes with their no-break spaces.
bool contains(const std::string& text, std::string fragment) {
    for (const auto& [plain, typographic] :
         {std::pair<std::string, std::string>{"« ", "«" + std::string(kNoBreakSpace)},
          {" »", std::string(kNoBreakSpace) + "»"}}) {
        for (auto at = fragment.find(plain); at != std::string::npos; at = fragment.find(plain, at + 1)) {
            fragment.replace(at, plain.size(), typographic);
        }
    }
    return text.find(fragment) != std::string::npos;
}

// The pack loads as the game loads it, with no error; the quiz is returned (a copy: the pack goes away).
Quiz loadedQuiz(const std::filesystem::path& folder, const std::string& quizId) {
    const PackLoad load = loadPack(folder);
    for (const auto& diagnostic : load.diagnostics.items()) {
        CAPTURE(formatDiagnostic(diagnostic));
        CHECK(diagnostic.severity == Severity::Warning);
    }
    REQUIRE(load.usable());
    const Quiz* quiz = load.pack->findQuiz(quizId);
    REQUIRE(quiz != nullptr);
    return *quiz;
}

nlohmann::json readJson(const std::filesystem::path& path) {
    return nlohmann::json::parse(testing::readFile(path));
}

}  // namespace

TEST_CASE("import and export: usage errors exit 2 and name what is wrong") {
    CHECK(runTool({"import", fixture("moodle-export.gift"), "--into", "x"}).code == 2);
    CHECK(runTool({"import", "--from", "gift", fixture("moodle-export.gift")}).code == 2);
    const auto format = runTool({"import", "--from", "xml", fixture("moodle-export.gift"), "--into", "x"});
    CHECK(format.code == 2);
    CHECK(contains(format.err, "format inconnu"));
    CHECK(runTool({"import", "--from", "gift", fixture("moodle-export.gift"), "--into", "x", "--quiz", "Q 1"})
              .code == 2);
    CHECK(runTool({"import", "--from", "gift", "a.gift", "b.gift", "--into", "x"}).code == 2);
    CHECK(runTool({"export", cahier()}).code == 2);
    CHECK(runTool({"export", "--format", "aiken", cahier()}).code == 2);
    const auto unknownQuiz = runTool({"export", "--format", "gift", cahier(), "--quiz", "nope"});
    CHECK(unknownQuiz.code == 2);
    CHECK(contains(unknownQuiz.err, "connaissances"));
    const auto help = runTool({"--help"});
    CHECK(contains(help.out, "import --from csv|gift|aiken"));
    CHECK(contains(help.out, "export --format gift|csv"));
}

TEST_CASE("import previews what it understood, then writes a new pack that loads with no error") {
    testing::TemporaryFolder folder;
    const auto pack = folder.path() / "moodle";
    const auto result =
        runTool({"import", "--from", "gift", fixture("moodle-export.gift"), "--into", pack.string()});
    CAPTURE(result.out);
    CAPTURE(result.err);
    CHECK(result.code == 0);
    CHECK(contains(result.out, "quiz « moodle-export » (nouveau pack)"));
    CHECK(contains(result.out, "  q01 · 3 options · bonne réponse : B · « Quelle est la forme d'action"));
    CHECK(contains(result.out,
                   "  q03 · 3 options · bonnes réponses : A, B · crédit partiel · « Les Objectifs"));
    CHECK(contains(result.out, "  q08 · 3 options · bonnes réponses : A, B · tout ou rien · 2 points"));
    CHECK(contains(result.err, "moodle-export.gift:37: avertissement"));  // diagnostics: standard error
    CHECK(contains(result.err, "moodle-export.gift:51: avertissement"));
    CHECK(contains(result.out, "8 questions comprises (8 nouvelles, 0 remplacée)"));
    CHECK(contains(result.out, "Vérification : " + pack.string() + " : pack valide (0 erreur"));

    const Quiz quiz = loadedQuiz(pack, "moodle-export");
    CHECK(quiz.title == "Jumelages et coopération");
    REQUIRE(quiz.questions.size() == 8);
    CHECK(quiz.questions[7].scoring == ScoringRule::AllOrNothing);
    CHECK(quiz.questions[7].points == 2.0);
    const auto manifest = readJson(pack / "pack.json");
    CHECK(manifest["id"] == "moodle");
    CHECK(manifest["activities"] == nlohmann::json::array({"moodle-export.json"}));
    CHECK(manifest["sources"][0]["id"] == "a-completer");
}

TEST_CASE("import writes nothing while errors remain; --force writes the questions understood") {
    testing::TemporaryFolder folder;
    const auto pack = folder.path() / "aiken";
    const std::string file = fixture("collage-traitement-de-texte.txt");
    const auto refused = runTool({"import", "--from", "aiken", file, "--into", pack.string()});
    CHECK(refused.code == 1);
    CHECK(contains(refused.err, "collage-traitement-de-texte.txt:25: erreur"));
    CHECK(contains(refused.err, "collage-traitement-de-texte.txt:32: erreur"));
    CHECK(contains(refused.out, "Rien n'a été écrit"));
    CHECK_FALSE(std::filesystem::exists(pack));

    const auto dryRun =
        runTool({"import", "--from", "aiken", file, "--into", pack.string(), "--force", "--dry-run"});
    CHECK(contains(dryRun.out, "rien n'a été écrit"));
    CHECK_FALSE(std::filesystem::exists(pack));

    const auto forced = runTool({"import", "--from", "aiken", file, "--into", pack.string(), "--force"});
    CAPTURE(forced.out);
    CHECK(forced.code == 0);
    const Quiz quiz = loadedQuiz(pack, "collage-traitement-de-texte");
    REQUIRE(quiz.questions.size() == 4);
    CHECK(quiz.questions[1].text == frenchTypography("Qui coordonne les “groupes-pays” ?"));
    CHECK(quiz.questions[1].options[1].correct);
}

TEST_CASE(
    "an import the loader would reject writes nothing and leaves a quiz that loads as it was (issue 22, item "
    "19)") {
    testing::TemporaryFolder folder;
    const auto pack = folder.path() / "atelier";
    const auto good = folder.path() / "bon.csv";
    testing::writeFile(good,
                       "question;réponse A;réponse B;bonnes réponses;points\nUne question ?;Oui;Non;A;2\n");
    REQUIRE(runTool({"import", "--from", "csv", good.string(), "--into", pack.string()}).code == 0);
    const auto quizFile = pack / "bon.json";
    const std::string before = testing::readFile(quizFile);
    CHECK(loadedQuiz(pack, "bon").questions.size() == 1);

    // 0,001 point is rounded to 0 by the quiz format, which the loader refuses (0,01 to 100): a question
    // added with it would make the whole quiz unloadable.
    const auto tiny = folder.path() / "bon-0001.csv";
    testing::writeFile(
        tiny, "question;réponse A;réponse B;bonnes réponses;points\nUne question ?;Oui;Non;A;0,001\n");
    const auto refused =
        runTool({"import", "--from", "csv", tiny.string(), "--into", pack.string(), "--quiz", "bon"});
    CAPTURE(refused.out);
    CAPTURE(refused.err);
    CHECK(refused.code == 1);
    CHECK(
        contains(refused.out, "Rien n'a été écrit : le quiz ainsi importé ne se chargerait pas dans le jeu"));
    CHECK(contains(refused.err, "atelier/bon.json:"));
    CHECK(contains(refused.err, "le nombre de points (champ « points ») vaut 0"));
    CHECK(refused.err.find("passerelles-import-") == std::string::npos);  // errors named in the real folder
    CHECK(testing::readFile(quizFile) == before);
    CHECK(loadedQuiz(pack, "bon").questions.size() == 1);

    // A new pack that would not load is not created at all.
    const auto fresh = folder.path() / "nouveau";
    CHECK(runTool({"import", "--from", "csv", tiny.string(), "--into", fresh.string()}).code == 1);
    CHECK_FALSE(std::filesystem::exists(fresh));
}

TEST_CASE("a GIFT entity naming no character is named with its line, and the pack written loads") {
    testing::TemporaryFolder folder;
    const auto file = folder.path() / "entites.gift";
    testing::writeFile(file,
                       "::q1::[html]Le caractère &#xD800; {=oui ~non}\n\n::q2::Et &#x1F600; {=oui ~non}\n");
    const auto pack = folder.path() / "entites";
    const auto result = runTool({"import", "--from", "gift", file.string(), "--into", pack.string()});
    CAPTURE(result.out);
    CAPTURE(result.err);
    CHECK(result.code == 0);
    CHECK(contains(result.err,
                   "entites.gift:1: avertissement : " +
                       frenchTypography("Question q1 : un code HTML y est laissé tel quel, car "
                                        "il ne désigne aucun caractère : &#xD800;. Corrigez le fichier ou la "
                                        "question après l'import.")));
    const Quiz quiz = loadedQuiz(pack, "entites");
    REQUIRE(quiz.questions.size() == 2);
    CHECK(quiz.questions[0].text == frenchTypography("Le caractère &#xD800;"));  // as the loader shows it
    CHECK(quiz.questions[1].text == "Et \xF0\x9F\x98\x80");
}

TEST_CASE("--dry-run shows the preview of a clean file and writes nothing") {
    testing::TemporaryFolder folder;
    const auto pack = folder.path() / "essai";
    const auto result = runTool(
        {"import", "--from", "csv", fixture("libreoffice-fr.csv"), "--into", pack.string(), "--dry-run"});
    CHECK(result.code == 0);
    CHECK(contains(result.out, "4 questions comprises"));
    CHECK(contains(result.out, "Aperçu seulement"));
    CHECK_FALSE(std::filesystem::exists(pack));
}

TEST_CASE("import refuses a folder that is neither a pack nor empty") {
    testing::TemporaryFolder folder;
    testing::writeFile(folder.path() / "docs" / "notes.txt", "mes notes");
    const auto result = runTool({"import", "--from", "csv", fixture("libreoffice-fr.csv"), "--into",
                                 (folder.path() / "docs").string()});
    CHECK(result.code == 1);
    CHECK(contains(result.err, "n'est pas un dossier de pack"));
    CHECK_FALSE(std::filesystem::exists(folder.path() / "docs" / "pack.json"));
}

TEST_CASE("a spreadsheet brings its sources, themes and audiences into pack.json") {
    testing::TemporaryFolder folder;
    const auto pack = folder.path() / "tableur";
    const auto result =
        runTool({"import", "--from", "csv", fixture("libreoffice-fr.csv"), "--into", pack.string()});
    CAPTURE(result.out);
    CHECK(result.code == 0);
    CHECK(contains(result.out, "thèmes : jumelage, odd, egalite-femmes-hommes, eau, acteurs"));
    const Quiz quiz = loadedQuiz(pack, "libreoffice-fr");
    REQUIRE(quiz.questions.size() == 4);
    CHECK(quiz.questions[1].tags.themes == std::vector<std::string>{"odd", "egalite-femmes-hommes"});
    CHECK(quiz.questions[1].tags.source->page == "4");
    CHECK(quiz.questions[1].explanation ==
          frenchTypography("Deux bonnes réponses :\n- ils sont transversaux ;\n"
                           "- l'ODD 5 porte sur l'égalité."));
    const auto manifest = readJson(pack / "pack.json");
    bool sawLabel = false;
    for (const auto& theme : manifest["themes"]) {
        sawLabel =
            sawLabel || (theme["id"] == "egalite-femmes-hommes" && theme["label"] == "Égalité femmes-hommes");
    }
    CHECK(sawLabel);
    CHECK(manifest["sources"][1]["citation"] == "Guide de la DAECT, 2020");
    CHECK(manifest["sources"].size() == 2);  // no placeholder: the file named its sources
}

TEST_CASE("an import updates a quiz by id: same ids replaced, new ones appended, the others kept") {
    testing::TemporaryFolder folder;
    const auto pack = folder.path() / "cahier";
    testing::copyFolder(cahier(), pack);
    const std::string manifestBefore = testing::readFile(pack / "pack.json");
    const Quiz before = loadedQuiz(pack, "connaissances");
    testing::writeFile(
        folder.path() / "retouches.gift",
        "// Moodle's edit of q03, and a new question without a title\n"
        "::q03::Les ODD, adoptés en 2015…{\n"
        "\t~%50%sont transversaux\n\t~%50%incluent l'égalité femmes-hommes\n\t~%-50%ne parlent que "
        "d'environnement\n\t####Les 17 ODD sont transversaux.\n}\n"
        "\n"
        "Une nouvelle question ?{=oui ~non}\n");
    const auto result = runTool({"import", "--from", "gift", (folder.path() / "retouches.gift").string(),
                                 "--into", pack.string(), "--quiz", "connaissances"});
    CAPTURE(result.out);
    CHECK(result.code == 0);
    CHECK(contains(result.out, "q03 · 3 options · bonnes réponses : A, B · crédit partiel"));
    CHECK(contains(result.out, "remplace la question existante"));
    CHECK(contains(result.out, "  q19 · 2 options"));
    CHECK(contains(result.out, "2 questions comprises (1 nouvelle, 1 remplacée)"));

    const Quiz after = loadedQuiz(pack, "connaissances");
    REQUIRE(after.questions.size() == 19);
    CHECK(after.questions[2].text == "Les ODD, adoptés en 2015…");
    CHECK(after.questions[2].options[2].text == "ne parlent que d’environnement");
    CHECK(after.questions[2].explanation == "Les 17 ODD sont transversaux.");
    // GIFT carries no source, themes or difficulty: the replaced question keeps the pack's.
    CHECK(after.questions[2].tags.source->section == before.questions[2].tags.source->section);
    CHECK(after.questions[2].tags.themes == before.questions[2].tags.themes);
    CHECK(after.questions[2].tags.difficulty == before.questions[2].tags.difficulty);
    CHECK(after.questions[0].text == before.questions[0].text);
    CHECK(after.questions[17].id == "q18");
    CHECK(after.questions[18].id == "q19");
    CHECK(after.questions[18].text == frenchTypography("Une nouvelle question ?"));
    CHECK(testing::readFile(pack / "pack.json") == manifestBefore);
}

TEST_CASE("round trip: the cahier quiz exported to GIFT imports back into the same questions") {
    testing::TemporaryFolder folder;
    const auto gift = folder.path() / "cahier.gift";
    const auto exported =
        runTool({"export", "--format", "gift", cahier(), "--quiz", "connaissances", "-o", gift.string()});
    CHECK(exported.code == 0);
    CHECK(exported.out.empty());
    CHECK(contains(exported.err, "(18 questions) exporté dans"));
    const auto imported = runTool({"import", "--from", "gift", gift.string(), "--into",
                                   (folder.path() / "retour").string(), "--quiz", "connaissances"});
    CAPTURE(imported.out);
    CHECK(imported.code == 0);
    CHECK(contains(imported.out, ", 0 avertissement, 0 erreur."));
    testing::checkSameQuiz(loadedQuiz(cahier(), "connaissances"),
                           loadedQuiz(folder.path() / "retour", "connaissances"), false);
}

TEST_CASE("round trip: the cahier quiz exported to CSV imports back identically, tags included") {
    testing::TemporaryFolder folder;
    const auto exported = runTool({"export", "--format", "csv", cahier()});
    CHECK(exported.code == 0);
    CHECK(exported.out.starts_with("\xEF\xBB\xBFid;question;"));
    testing::writeFile(folder.path() / "cahier.csv", exported.out);
    const auto imported = runTool({"import", "--from", "csv", (folder.path() / "cahier.csv").string(),
                                   "--into", (folder.path() / "retour").string(), "--quiz", "connaissances"});
    CAPTURE(imported.out);
    CHECK(imported.code == 0);
    testing::checkSameQuiz(loadedQuiz(cahier(), "connaissances"),
                           loadedQuiz(folder.path() / "retour", "connaissances"), true);
}

TEST_CASE("round trip into the pack itself: a spreadsheet exported then imported changes nothing") {
    testing::TemporaryFolder folder;
    const auto pack = folder.path() / "cahier";
    testing::copyFolder(cahier(), pack);
    const std::string manifestBefore = testing::readFile(pack / "pack.json");
    const auto csv = folder.path() / "cahier.csv";
    CHECK(runTool({"export", "--format", "csv", pack.string(), "-o", csv.string()}).code == 0);
    const auto imported = runTool(
        {"import", "--from", "csv", csv.string(), "--into", pack.string(), "--quiz", "connaissances"});
    CAPTURE(imported.out);
    CHECK(imported.code == 0);
    CHECK(contains(imported.out, "18 questions comprises (0 nouvelle, 18 remplacées)"));
    testing::checkSameQuiz(loadedQuiz(cahier(), "connaissances"), loadedQuiz(pack, "connaissances"), true);
    CHECK(testing::readFile(pack / "pack.json") == manifestBefore);
}

TEST_CASE("export asks which quiz when a pack has several, and says what GIFT cannot carry") {
    testing::TemporaryFolder folder;
    const auto pack = folder.path() / "deux";
    const std::string file = fixture("moodle-export.gift");
    CHECK(runTool({"import", "--from", "gift", file, "--into", pack.string(), "--quiz", "premier"}).code ==
          0);
    CHECK(runTool({"import", "--from", "gift", file, "--into", pack.string(), "--quiz", "second"}).code == 0);
    CHECK(readJson(pack / "pack.json")["activities"] ==
          nlohmann::json::array({"premier.json", "second.json"}));
    const auto ambiguous = runTool({"export", "--format", "gift", pack.string()});
    CHECK(ambiguous.code == 2);
    CHECK(contains(ambiguous.err, "plusieurs quiz (premier, second)"));
    const auto exported = runTool({"export", "--format", "gift", pack.string(), "--quiz", "second"});
    CHECK(exported.code == 0);
    CHECK(contains(exported.out, "// Passerelles: all-or-nothing, points=2\n::q08::"));
    CHECK(contains(exported.err, "Question q08"));
    CHECK(contains(exported.err, "tout ou rien"));
}

TEST_CASE("a spreadsheet round trip keeps what the file cannot carry, and names on stderr what it loses") {
    testing::TemporaryFolder folder;
    const auto pack = folder.path() / "journee";
    testing::copyFolder(testing::contentDir() / "journee-cuf-2015", pack);
    const auto quizFile = pack / "quiz-journee-2015.json";
    // The pack's own option ids for q01 (results may refer to them): no trainer format carries them.
    auto quiz = readJson(quizFile);
    quiz["questions"][0]["options"][0]["id"] = "x";
    quiz["questions"][0]["options"][1]["id"] = "y";
    quiz["questions"][0]["options"][2]["id"] = "z";
    testing::writeFile(quizFile, quiz.dump(2));
    const auto csv = folder.path() / "journee.csv";
    const auto exported =
        runTool({"export", "--format", "csv", pack.string(), "--quiz", "journee-2015", "-o", csv.string()});
    CHECK(exported.code == 0);
    CHECK(contains(exported.err,
                   frenchTypography("question q01 : le champ \"options.id\" ne passe pas en CSV")));
    CHECK(contains(exported.err,
                   frenchTypography("question q01 : le champ \"source.lines\" ne passe pas en CSV")));

    // Back into the same pack: the ids and the lines are kept, so nothing is lost and nothing is said.
    const auto same =
        runTool({"import", "--from", "csv", csv.string(), "--into", pack.string(), "--quiz", "journee-2015"});
    CAPTURE(same.out);
    CHECK(same.code == 0);
    CHECK(same.err.empty());
    auto after = readJson(quizFile);
    CHECK(after["questions"][0]["options"][0]["id"] == "x");
    CHECK(after["questions"][0]["source"]["lines"] == "74-80");

    // An option rewritten and the source moved: what cannot be kept is named, per question and field.
    std::string text = testing::readFile(csv);
    const auto option = text.find("Environ 480");
    REQUIRE(option != std::string::npos);
    text.replace(option, 11, "Environ 500");
    const auto section = text.find("1re partie");
    REQUIRE(section != std::string::npos);
    text.replace(section, 10, "2e partie");
    testing::writeFile(csv, text);
    const auto changed =
        runTool({"import", "--from", "csv", csv.string(), "--into", pack.string(), "--quiz", "journee-2015"});
    CAPTURE(changed.out);
    CHECK(changed.code == 0);
    CHECK(contains(
        changed.err,
        frenchTypography("journee.csv : question q01 : le champ \"options.id\" n'est pas dans le fichier")));
    CHECK(contains(changed.err, "x → a"));
    CHECK(contains(changed.err,
                   frenchTypography("question q01 : le champ \"source.lines\" n'est pas dans le fichier")));
    after = readJson(quizFile);
    CHECK(after["questions"][0]["options"][0]["id"] == "a");
    CHECK(after["questions"][0]["options"][1]["id"] == "y");
    CHECK_FALSE(after["questions"][0]["source"].contains("lines"));
}

#ifndef _WIN32  // FIFOs and /dev/zero: POSIX only
TEST_CASE(
    "import of a FIFO or /dev/zero: a French sentence at once, nothing read (issue 22, special files)") {
    testing::TemporaryFolder folder;
    const auto fifo = folder.path() / "questions.csv";
    REQUIRE(::mkfifo(fifo.c_str(), 0644) == 0);
    for (const std::string& input : {fifo.string(), std::string("/dev/zero")}) {
        CAPTURE(input);
        const auto result =
            runTool({"import", "--from", "csv", input, "--into", (folder.path() / "p").string()});
        CHECK(result.code == 1);
        CHECK(contains(result.err, "pas un fichier ordinaire"));
        CHECK_FALSE(std::filesystem::exists(folder.path() / "p"));
    }
}
#endif

// Tests of passerelles-pack validate and list, called in-process with captured output.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "support/test_support.hpp"
#include "tools/run_tool.hpp"

using namespace passerelles;

namespace {

using Output = testing::ToolRun;
constexpr auto tool = testing::runTool;

std::string fixture(const std::string& name) {
    return (testing::fixturesDir() / "packs" / name).string();
}

std::string lintFixture() {
    return (testing::fixturesDir() / "lint" / "cued").string();
}

}  // namespace

TEST_CASE("validate prints file:line:column and a French sentence, and exits 1") {
    const Output result = tool({"validate", fixture("no-correct-option")});
    CHECK(result.code == 1);
    CHECK(result.out.find("no-correct-option/quiz.json:44:7: erreur : Question q07") != std::string::npos);
    CHECK(result.out.find("aucune option n’est marquée correcte") != std::string::npos);
    CHECK(result.out.find("pack non valide") != std::string::npos);
}

TEST_CASE("validate --json is machine-readable") {
    const Output result = tool({"validate", "--json", fixture("dangling-references")});
    CHECK(result.code == 1);
    const auto report = nlohmann::json::parse(result.out);
    REQUIRE(report.size() == 1);
    CHECK(report[0]["valid"] == false);
    bool sawWarning = false;
    for (const auto& diagnostic : report[0]["diagnostics"]) {
        CHECK(diagnostic.contains("line"));
        sawWarning = sawWarning || diagnostic["severity"] == "warning";
    }
    CHECK(sawWarning);
}

TEST_CASE("validate checks several packs and fails if one fails") {
    CHECK(tool({"validate", fixture("valid-minimal")}).code == 0);
    CHECK(tool({"validate", fixture("valid-minimal"), fixture("truncated")}).code == 1);
}

TEST_CASE("usage errors exit 2") {
    CHECK(tool({}).code == 2);
    CHECK(tool({"validate"}).code == 2);
    CHECK(tool({"validate", "--nope", fixture("valid-minimal")}).code == 2);
    CHECK(tool({"frobnicate"}).code == 2);
    CHECK(tool({"--help"}).code == 0);
}

TEST_CASE("list shows activities and item counts") {
    const Output result = tool({"list", (testing::contentDir() / "cahier-ludique").string()});
    CHECK(result.code == 0);
    CHECK(result.out.find("Testez vos connaissances — 18 questions") != std::string::npos);
    CHECK(result.out.find("12 cartes") != std::string::npos);
}

TEST_CASE("stats counts by theme, audience and difficulty, and lists places without a source") {
    const Output shipped = tool({"stats", (testing::contentDir() / "cahier-ludique").string()});
    CHECK(shipped.code == 0);
    CHECK(shipped.out.find("18 questions, 12 cartes d'idées reçues, 3 scénarios") != std::string::npos);
    CHECK(shipped.out.find("Par thème :") != std::string::npos);
    CHECK(shipped.out.find("Sources : chaque élément cite sa source.") != std::string::npos);

    testing::TemporaryFolder folder;
    testing::copyFolder(testing::fixturesDir() / "packs" / "valid-minimal", folder.path() / "p");
    std::string quiz = testing::readFile(folder.path() / "p" / "quiz.json");
    const auto at = quiz.find("\"source\"");
    REQUIRE(at != std::string::npos);
    const auto end = quiz.find('}', at);
    quiz.erase(at, end - at + 2);  // drop the first question's source and its trailing comma
    testing::writeFile(folder.path() / "p" / "quiz.json", quiz);
    const Output missing = tool({"stats", (folder.path() / "p").string()});
    CHECK(missing.code == 0);
    CHECK(missing.out.find("Sans source (1)") != std::string::npos);
    CHECK(missing.out.find("question q01") != std::string::npos);
    CHECK(missing.out.find("Jeunesse (jeunesse) : 2") != std::string::npos);
    CHECK(missing.out.find("facile (1) : 2") != std::string::npos);
}

TEST_CASE("new scaffolds a pack that validates with no warning, and refuses a non-empty folder") {
    testing::TemporaryFolder folder;
    const auto target = folder.path() / "Mon Pack Eau";
    const Output created = tool({"new", target.string()});
    CHECK(created.code == 0);
    CHECK(created.out.find("passerelles-pack validate") != std::string::npos);
    const Output checked = tool({"validate", target.string()});
    CHECK(checked.code == 0);
    CHECK(checked.out.find("(0 erreur, 0 avertissement)") != std::string::npos);
    const auto manifest = nlohmann::json::parse(testing::readFile(target / "pack.json"));
    CHECK(manifest["id"] == "mon-pack-eau");
    CHECK(manifest["$schema"].get<std::string>().ends_with("schema/pack.schema.json"));
    // The $schema path resolves from the pack folder, so an editor finds the schema.
    CHECK(std::filesystem::exists(target / manifest["$schema"].get<std::string>()));
    CHECK(tool({"new", target.string()}).code == 1);
    CHECK(tool({"new"}).code == 2);
}

TEST_CASE("graph writes a scenario as Graphviz DOT with its best path in bold") {
    const std::string pack = (testing::fixturesDir() / "scenarios" / "valid").string();
    const Output result = tool({"graph", pack, "test"});
    CHECK(result.code == 0);
    CHECK(result.out.find("digraph \"test\"") != std::string::npos);
    CHECK(result.out.find("\"debut\" -> \"mission\"") != std::string::npos);
    CHECK(result.out.find("shape=doubleoctagon") != std::string::npos);
    CHECK(result.out.find("si rrma et confiance >= 6") != std::string::npos);
    // The best path: the network choice, then the route to the good ending.
    std::size_t bold = 0;
    for (std::size_t at = result.out.find("penwidth=3"); at != std::string::npos;
         at = result.out.find("penwidth=3", at + 1)) {
        ++bold;
    }
    CHECK(bold == 2);
    CHECK(tool({"graph", pack, "inconnu"}).code == 1);
    CHECK(tool({"graph", pack}).code == 2);
}

#ifndef _WIN32  // Windows refuses control characters in file names: no such folder can exist there
TEST_CASE("validate prints hostile folder names escaped, and --json stays valid with a Latin-1 name") {
    testing::TemporaryFolder folder;
    const std::string escape = "pack\x1B]0;titre\x07\x1B[2J";
    const std::string latin1 = "caf\xE9";
    for (const auto& name : {escape, latin1}) {
        testing::copyFolder(testing::fixturesDir() / "packs" / "valid-minimal", folder.path() / name);
    }
    const Output text =
        tool({"validate", (folder.path() / escape).string(), (folder.path() / latin1).string()});
    CHECK(text.code == 0);
    CHECK(text.out.find('\x1B') == std::string::npos);
    CHECK(text.out.find('\x07') == std::string::npos);
    CHECK(text.out.find("pack\\x1B]0;titre\\x07\\x1B[2J : pack valide") != std::string::npos);
    CHECK(text.out.find("caf\\xE9 : pack valide") != std::string::npos);
    const Output json = tool({"validate", "--json", (folder.path() / latin1).string()});
    CHECK(json.code == 0);
    const auto report = nlohmann::json::parse(json.out, nullptr, false);
    REQUIRE(report.is_array());
    CHECK(report[0]["pack"].get<std::string>().ends_with("caf\\xE9"));
}
#endif

TEST_CASE("validate reports a condition number too large for a double instead of aborting") {
    testing::TemporaryFolder folder;
    testing::copyFolder(testing::fixturesDir() / "scenarios" / "valid", folder.path() / "p");
    std::string scenario = testing::readFile(folder.path() / "p" / "scenario.json");
    const std::string original = "\"rrma et confiance >= 6\"";
    const auto at = scenario.find(original);
    REQUIRE(at != std::string::npos);
    scenario.replace(at, original.size(), "\"confiance > 1" + std::string(320, '0') + "\"");
    testing::writeFile(folder.path() / "p" / "scenario.json", scenario);
    const Output result = tool({"validate", (folder.path() / "p").string()});
    CHECK(result.code == 1);
    CHECK(result.out.find("scenario.json:88:") != std::string::npos);
    CHECK(result.out.find("trop grand pour être utilisé") != std::string::npos);
    CHECK(result.out.find("pack non valide") != std::string::npos);
}

TEST_CASE("validate warns about answer cues (the pack stays valid) and stats gives the figures") {
    const Output checked = tool({"validate", lintFixture()});
    CHECK(checked.code == 0);  // cues are warnings, not errors
    CHECK(checked.out.find(
              "quiz.json: avertissement : Relecture, quiz « quiz-indices » : La bonne réponse est "
              "la seule option la plus longue dans 5 éléments sur 5 (100 %)") != std::string::npos);
    CHECK(checked.out.find(
              "« 104\xC2\xA0répondants », de la bonne réponse et d'aucune autre, se lit déjà dans la "
              "description du pack") != std::string::npos);
    CHECK(checked.out.find("(/questions/4)") != std::string::npos);
    CHECK(checked.out.find("pack valide (0 erreur, 2 avertissements)") != std::string::npos);
    const auto json = nlohmann::json::parse(tool({"validate", "--json", lintFixture()}).out);
    CHECK(json[0]["valid"] == true);
    CHECK(json[0]["warnings"] == 2);

    const Output figures = tool({"stats", lintFixture()});
    CHECK(figures.code == 0);
    CHECK(figures.out.find("quiz « quiz-indices », 5 questions : seule plus longue 5/5 (100 %) ; options "
                           "mélangées à chaque partie ; 2 problèmes") != std::string::npos);
    // The control pack has no cue.
    CHECK(tool({"validate", fixture("valid-minimal")}).out.find("Relecture") == std::string::npos);
}

TEST_CASE("every shipped pack validates with no cue warning") {
    for (const char* pack :
         {"cahier-ludique", "acter-2024", "journee-cuf-2015", "strategie-internationale"}) {
        CAPTURE(pack);
        const Output result = tool({"validate", (testing::contentDir() / pack).string()});
        CHECK(result.code == 0);
        CHECK(result.out.find("Relecture") == std::string::npos);
        const Output figures = tool({"stats", (testing::contentDir() / pack).string()});
        CHECK(figures.out.find("problème") == std::string::npos);
    }
}

TEST_CASE("stats lists the items never verified against their source") {
    // valid-minimal's two questions carry no verifiedOn.
    const Output never = tool({"stats", fixture("valid-minimal")});
    CHECK(never.out.find("Jamais vérifiés (sans verifiedOn) : 2 : quiz « quiz-test », question q01 ; quiz "
                         "« quiz-test », question q02") != std::string::npos);
    testing::TemporaryFolder folder;
    testing::copyFolder(testing::fixturesDir() / "packs" / "valid-minimal", folder.path() / "p");
    std::string quiz = testing::readFile(folder.path() / "p" / "quiz.json");
    const auto at = quiz.find("\"difficulty\": 1");
    REQUIRE(at != std::string::npos);
    quiz.insert(at, "\"verifiedOn\": \"2026-12-05\", ");
    testing::writeFile(folder.path() / "p" / "quiz.json", quiz);
    const Output one = tool({"stats", (folder.path() / "p").string()});
    CHECK(one.out.find("Jamais vérifiés (sans verifiedOn) : 1 : quiz « quiz-test », question q02\n") !=
          std::string::npos);
}

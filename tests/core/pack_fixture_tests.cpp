// Each broken fixture pack is reported with the expected file, position and French sentence.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "core/base/text.hpp"
#include "core/loading/pack_loader.hpp"
#include "support/child_process.hpp"
#include "support/test_support.hpp"

using namespace passerelles;

namespace {

PackLoad loadFixture(const std::string& name) {
    return loadPack(testing::fixturesDir() / "packs" / name);
}

const Diagnostic* find(const PackLoad& load, const std::string& needle) {
    return testing::findDiagnostic(load.diagnostics, needle);
}

bool reports(const std::string& fixture, const std::string& needle) {
    return find(loadFixture(fixture), needle) != nullptr;
}

}  // namespace

TEST_CASE("the control fixture is a valid pack") {
    const PackLoad load = loadFixture("valid-minimal");
    CHECK(load.usable());
    CHECK(load.diagnostics.empty());
    CHECK(load.pack->quizzes.at(0).questions.size() == 2);
}

TEST_CASE("syntax error: the line of the missing comma") {
    const PackLoad load = loadFixture("syntax-error");
    CHECK_FALSE(load.usable());
    const Diagnostic* d = find(load, "Il manque une virgule");
    REQUIRE(d != nullptr);
    CHECK(d->file == "syntax-error/quiz.json");
    CHECK(d->line == 19);
}

TEST_CASE("truncated file") {
    const PackLoad load = loadFixture("truncated");
    const Diagnostic* d = find(load, "avant la fin");
    REQUIRE(d != nullptr);
    CHECK(d->file == "truncated/quiz.json");
    CHECK(d->line > 1);
}

TEST_CASE("wrong types name the field and what was expected") {
    const PackLoad load = loadFixture("wrong-types");
    const Diagnostic* points =
        find(load, "Question q01 : le nombre de points (champ « points ») doit être un nombre");
    REQUIRE(points != nullptr);
    CHECK(points->pointer == "/questions/0/points");
    CHECK(points->line == 40);
    CHECK(find(load, "Question q02 : la liste des options (champ « options ») doit être une liste") !=
          nullptr);
}

TEST_CASE("duplicate ids, for questions and for options") {
    const PackLoad load = loadFixture("duplicate-ids");
    const Diagnostic* question = find(load, "l’identifiant « q01 » est déjà utilisé par une autre question");
    REQUIRE(question != nullptr);
    CHECK(question->pointer == "/questions/1/id");
    CHECK(find(load, "l’identifiant « a » est déjà utilisé par une autre option") != nullptr);
}

TEST_CASE("a duplicated key inside one object") {
    const PackLoad load = loadFixture("duplicate-key");
    const Diagnostic* d = find(load, "Le champ « text » apparaît deux fois");
    REQUIRE(d != nullptr);
    CHECK(d->pointer == "/questions/1/text");
    CHECK(d->line == 44);
}

TEST_CASE(
    "dangling references: unknown source is an error, unknown theme a warning, both with a suggestion") {
    const PackLoad load = loadFixture("dangling-references");
    const Diagnostic* source = find(load, "la source « cahier2021 » n’est pas déclarée");
    REQUIRE(source != nullptr);
    CHECK(source->severity == Severity::Error);
    CHECK(source->message.find(frenchTypography("vouliez-vous dire « cahier2020 »")) != std::string::npos);
    const Diagnostic* theme = find(load, "le thème « eua »");
    REQUIRE(theme != nullptr);
    CHECK(theme->severity == Severity::Warning);
    CHECK(theme->message.find(frenchTypography("« eau »")) != std::string::npos);
}

TEST_CASE("asset and activity paths that leave the pack folder are refused") {
    const PackLoad asset = loadFixture("asset-escape");
    const Diagnostic* image = find(asset, "sort du dossier du pack");
    REQUIRE(image != nullptr);
    CHECK(image->pointer == "/questions/0/image");
    const PackLoad activity = loadFixture("activity-escape");
    CHECK_FALSE(activity.usable());
    CHECK(find(activity, "sans « .. »") != nullptr);
}

TEST_CASE("an oversized file is refused before it is read") {
    testing::TemporaryFolder folder;
    testing::copyFolder(testing::fixturesDir() / "packs" / "valid-minimal", folder.path() / "gros");
    std::string big = "{\"kind\": \"quiz\", \"id\": \"gros\", \"title\": \"Gros\", \"description\": \"";
    big += std::string(9u * 1024u * 1024u, 'x');
    big += "\", \"questions\": []}";
    testing::writeFile(folder.path() / "gros" / "quiz.json", big);
    const PackLoad load = loadPack(folder.path() / "gros");
    CHECK_FALSE(load.usable());
    const Diagnostic* d = find(load, "trop gros");
    REQUIRE(d != nullptr);
    CHECK(d->file == "gros/quiz.json");
}

TEST_CASE("deep nesting, invalid UTF-8, empty file, missing manifest, newer format") {
    CHECK(reports("deep-nesting", "imbriqué trop profondément"));
    const PackLoad latin1 = loadFixture("invalid-utf8");
    const Diagnostic* utf8 = find(latin1, "pas en UTF-8");
    REQUIRE(utf8 != nullptr);
    CHECK(utf8->line == 9);
    CHECK(reports("empty-file", "Le fichier est vide"));
    const PackLoad missing = loadFixture("missing-manifest");
    CHECK_FALSE(missing.usable());
    CHECK(find(missing, "Le manifeste pack.json manque") != nullptr);
    CHECK(reports("newer-format", "au format 2"));
}

TEST_CASE("a question with no correct option cannot be played") {
    const PackLoad load = loadFixture("no-correct-option");
    const Diagnostic* d = find(load, "Question q07 : aucune option n’est marquée correcte");
    REQUIRE(d != nullptr);
    CHECK(d->severity == Severity::Error);
    CHECK(d->pointer == "/questions/1/options");
}

TEST_CASE("an unknown field is a warning with a suggestion; the pack stays valid") {
    const PackLoad load = loadFixture("unknown-field");
    CHECK(load.usable());
    CHECK_FALSE(load.diagnostics.hasErrors());
    const Diagnostic* d = find(load, "le champ « explaination » est inconnu");
    REQUIRE(d != nullptr);
    CHECK(d->message.find(frenchTypography("vouliez-vous dire « explanation »")) != std::string::npos);
}

TEST_CASE("one broken activity does not take the rest of its pack down") {
    const PackLoad load = loadFixture("partly-broken");
    REQUIRE(load.usable());
    CHECK(load.pack->activities.size() == 1);
    CHECK(load.skippedActivities == std::vector<std::string>{"quiz-casse.json"});
    CHECK(load.diagnostics.hasErrors());
}

TEST_CASE("the library keeps good packs playable beside broken ones") {
    const auto library = ContentLibrary::load({{testing::fixturesDir() / "packs", "bundled"}});
    std::size_t usable = 0;
    std::size_t broken = 0;
    for (const auto& entry : library.packs) {
        (entry.load.usable() ? usable : broken)++;
    }
    CHECK(usable == 4);  // valid-minimal, unknown-field, partly-broken, no-evidence-diagnostic
    CHECK(broken >= 12);
    CHECK(library.findPack("valid-minimal") != nullptr);
}

TEST_CASE("a format version that is not a whole number is named as written, not rounded to 1") {
    testing::TemporaryFolder folder;
    testing::copyFolder(testing::fixturesDir() / "packs" / "valid-minimal", folder.path() / "format");
    const auto manifest = folder.path() / "format" / "pack.json";
    std::string text = testing::readFile(manifest);
    text.replace(text.find("\"format\": 1,"), 12, "\"format\": 1.0000000001,");
    testing::writeFile(manifest, text);
    const PackLoad load = loadPack(folder.path() / "format");
    CHECK_FALSE(load.usable());
    const Diagnostic* diagnostic = find(load, "format");
    REQUIRE(diagnostic != nullptr);
    CHECK(diagnostic->pointer == "/format");
    CHECK(diagnostic->message.find("1,0000000001") != std::string::npos);
    CHECK(diagnostic->message.find("nombre entier") != std::string::npos);
}

#ifndef _WIN32  // POSIX permissions and a child process that gives up root: Linux only
TEST_CASE("an unreadable file is reported, not fatal") {
    testing::TemporaryFolder folder;
    testing::copyFolder(testing::fixturesDir() / "packs" / "valid-minimal", folder.path() / "prive");
    std::filesystem::permissions(folder.path() / "prive" / "quiz.json", std::filesystem::perms::none);
    std::filesystem::permissions(folder.path(),
                                 std::filesystem::perms::others_read | std::filesystem::perms::others_exec,
                                 std::filesystem::perm_options::add);
    // Root reads every file: the load runs in a child that has become "nobody", as a learner would be.
    const auto child = testing::runInChild([&]() -> std::string {
        if (!testing::dropRootPrivileges()) {
            return "SKIP root cannot be given up here";
        }
        const PackLoad load = loadPack(folder.path() / "prive");
        if (load.usable()) {
            return "a pack whose only activity is unreadable was usable";
        }
        return find(load, "droits d’accès") != nullptr ? "ok" : "no message on access rights";
    });
    REQUIRE(child.ok());
    if (child.report.starts_with("SKIP")) {
        MESSAGE(child.report);
        return;
    }
    CHECK_MESSAGE(child.report == "ok", child.report);
}
#endif

// The whole report of each fixture pack, count and order included, against its reviewed expected.txt:
// a substring check would pass if an extra error appeared or a message lost its location.
TEST_CASE("every fixture pack reports exactly the diagnostics of its expected.txt") {
    const auto packsDir = testing::fixturesDir() / "packs";
    const bool rewrite = std::getenv("PASSERELLES_WRITE_EXPECTED") != nullptr;
    std::vector<std::filesystem::path> fixtures;
    for (const auto& entry : std::filesystem::directory_iterator(packsDir)) {
        if (entry.is_directory()) {
            fixtures.push_back(entry.path());
        }
    }
    std::sort(fixtures.begin(), fixtures.end());
    REQUIRE(fixtures.size() >= 18);
    for (const auto& fixture : fixtures) {
        const PackLoad load = loadPack(fixture);
        std::string report = std::to_string(load.diagnostics.items().size()) + " diagnostic(s), " +
                             std::to_string(load.diagnostics.errorCount()) + " erreur(s)\n";
        for (const Diagnostic& diagnostic : load.diagnostics.items()) {
            report += formatDiagnostic(diagnostic) + "\n";
        }
        const auto expectedPath = fixture / "expected.txt";
        if (rewrite) {
            testing::writeFile(expectedPath, report);
            continue;
        }
        REQUIRE_MESSAGE(std::filesystem::exists(expectedPath), expectedPath.string() << " is missing");
        CHECK_MESSAGE(testing::readFile(expectedPath) == report, fixture.filename().string()
                                                                     << " now reports:\n"
                                                                     << report);
    }
}

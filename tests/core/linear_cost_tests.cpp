// Work that content drives grows with the content, not with its square: counted, never timed.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "core/loading/json_document.hpp"
#include "core/loading/pack_loader.hpp"
#include "support/test_support.hpp"

using namespace passerelles;

namespace {

struct LocateCost {
    std::size_t diagnostics = 0;
    std::uint64_t bytesIndexed = 0;
    std::uint64_t fileBytes = 0;
    Diagnostic last;
};

// A pack whose `count` questions have no explanation and no source: two warnings each, all located.
LocateCost loadQuestionsWithoutExplanation(int count) {
    testing::TemporaryFolder folder;
    const auto pack = folder.path() / "gros";
    std::filesystem::create_directories(pack);
    std::filesystem::copy_file(testing::fixturesDir() / "packs" / "valid-minimal" / "pack.json",
                               pack / "pack.json");
    nlohmann::json quiz = {{"kind", "quiz"}, {"id", "quiz-test"}, {"title", "Quiz de test"}};
    for (int i = 0; i < count; ++i) {
        quiz["questions"].push_back({{"id", "q" + std::to_string(i)},
                                     {"text", "Question numéro " + std::to_string(i) + " ?"},
                                     {"options",
                                      {{{"id", "a"}, {"text", "Oui"}, {"correct", true}},
                                       {{"id", "b"}, {"text", "Non"}, {"correct", false}}}}});
    }
    const std::string text = quiz.dump(2);
    testing::writeFile(pack / "quiz.json", text);
    LocateCost cost;
    const std::uint64_t before = jsonBytesIndexed();
    const PackLoad load = loadPack(pack);
    cost.bytesIndexed = jsonBytesIndexed() - before;
    cost.fileBytes = text.size() + std::filesystem::file_size(pack / "pack.json");
    cost.diagnostics = load.diagnostics.items().size();
    if (!load.diagnostics.items().empty()) {
        cost.last = load.diagnostics.items().back();
    }
    return cost;
}

}  // namespace

TEST_CASE("locating the diagnostics of a file reads it once, so twice the questions is twice the work") {
    // Issue 22, item 4: each diagnostic rescanned its file from the start, so 16,000 questions without
    // explanation took 611 s to validate.
    const LocateCost small = loadQuestionsWithoutExplanation(1000);
    const LocateCost large = loadQuestionsWithoutExplanation(2000);
    CHECK(small.diagnostics >= 2000);
    CHECK(large.diagnostics >= 2 * small.diagnostics - 5);
    CHECK(small.bytesIndexed > 0);
    CHECK(small.bytesIndexed <= small.fileBytes);  // one pass per file, whatever the number of diagnostics
    CHECK(large.bytesIndexed <= large.fileBytes);
    const double growth = static_cast<double>(large.bytesIndexed) / static_cast<double>(small.bytesIndexed);
    CHECK(growth > 1.8);
    CHECK(growth < 2.2);
    CAPTURE(formatDiagnostic(large.last));
    CHECK(large.last.line > 1);  // still located: the last question's line, not the start of the file
}

TEST_CASE("a pack glossary of 60,000 terms joins the shared glossary once each, the first definition kept") {
    // Issue 22, item 6: each pack term was compared with every term already kept (36 s for 130,000).
    testing::TemporaryFolder folder;
    const auto root = folder.path() / "packs";
    std::filesystem::create_directories(root / "sigles");
    testing::writeFile(root / "glossaire.json",
                       R"({"terms": [{"term": "T0", "expansion": "Définition partagée"}]})");
    nlohmann::json manifest = nlohmann::json::parse(
        testing::readFile(testing::fixturesDir() / "packs" / "valid-minimal" / "pack.json"));
    manifest["id"] = "sigles";
    std::filesystem::copy_file(testing::fixturesDir() / "packs" / "valid-minimal" / "quiz.json",
                               root / "sigles" / "quiz.json");
    constexpr int kTerms = 60000;
    for (int i = 0; i < kTerms; ++i) {
        manifest["glossary"].push_back(
            {{"term", "T" + std::to_string(i)}, {"expansion", "Terme " + std::to_string(i)}});
    }
    manifest["glossary"].push_back({{"term", "T7"}, {"expansion", "Définition en double"}});
    testing::writeFile(root / "sigles" / "pack.json", manifest.dump());
    const ContentLibrary library = ContentLibrary::load({{root, "user"}});
    REQUIRE(library.packs.size() == 1);
    for (const auto& diagnostic : library.packs.front().load.diagnostics.items()) {
        CAPTURE(formatDiagnostic(diagnostic));
        CHECK(diagnostic.severity == Severity::Warning);
    }
    REQUIRE(library.glossary.size() == kTerms);
    CHECK(library.glossary.front().expansion == "Définition partagée");
    CHECK(library.glossary[7].expansion == "Terme 7");
    CHECK(library.glossary.back().term == "T" + std::to_string(kTerms - 1));
}

namespace {

// Loads `count` one-quiz packs through discover() and complete(), as the game does in the background;
// returns the pack ids compared and the packs usable.
std::pair<std::uint64_t, std::size_t> completeManyPacks(int count) {
    testing::TemporaryFolder root;
    const std::string quiz =
        testing::readFile(testing::fixturesDir() / "packs" / "valid-minimal" / "quiz.json");
    nlohmann::json manifest = nlohmann::json::parse(
        testing::readFile(testing::fixturesDir() / "packs" / "valid-minimal" / "pack.json"));
    for (int i = 0; i < count; ++i) {
        const std::string id = "pack-" + std::to_string(i);
        std::filesystem::create_directories(root.path() / id);
        manifest["id"] = i == count - 1 ? "pack-0" : id;  // the last one repeats the first one's id
        testing::writeFile(root.path() / id / "pack.json", manifest.dump());
        testing::writeFile(root.path() / id / "quiz.json", quiz);
    }
    ContentLibrary library = ContentLibrary::discover({{root.path(), "user"}});
    CHECK(library.loading());
    CHECK(library.usablePacks().empty());  // nothing read yet
    std::vector<PackLoad> loads;
    for (const auto& folder : library.pendingFolders()) {
        loads.push_back(loadPack(folder));
    }
    const std::uint64_t before = packIdChecks();
    library.complete(std::move(loads));
    CHECK_FALSE(library.loading());
    const std::string last = "pack-" + std::to_string(count - 1);
    const auto repeated =
        std::find_if(library.packs.begin(), library.packs.end(), [&](const LoadedPack& entry) {
            return entry.load.label == last &&
                   testing::findDiagnostic(entry.load.diagnostics,
                                           "est déjà utilisé par le pack du dossier « pack-0 »") != nullptr;
        });
    CHECK(repeated != library.packs.end());
    return {packIdChecks() - before, library.usablePacks().size()};
}

}  // namespace

TEST_CASE("completing a library of many packs checks each pack id once: twice the packs, twice the work") {
    // Issue 22, item 7: each pack's id was compared with every pack kept before it (quadratic).
    const auto [checks, usable] = completeManyPacks(200);
    const auto [checksTwice, usableTwice] = completeManyPacks(400);
    CHECK(usable == 199);  // the repeated id is refused
    CHECK(usableTwice == 399);
    CHECK(checks == 200);
    CHECK(checksTwice == 400);
    CHECK(static_cast<double>(checksTwice) / static_cast<double>(checks) == doctest::Approx(2.0));
}

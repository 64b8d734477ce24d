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

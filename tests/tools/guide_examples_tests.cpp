// Every JSON example of the authoring guide (content/README.md) loads without error: the guide never
// teaches something the validator refuses.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "core/loading/pack_loader.hpp"
#include "support/test_support.hpp"

using namespace passerelles;

namespace {

std::vector<std::string> jsonBlocks(const std::string& markdown) {
    std::vector<std::string> blocks;
    std::size_t at = 0;
    while ((at = markdown.find("```json\n", at)) != std::string::npos) {
        const std::size_t start = at + 8;
        const std::size_t end = markdown.find("```", start);
        blocks.push_back(markdown.substr(start, end - start));
        at = end + 3;
    }
    return blocks;
}

}  // namespace

TEST_CASE("the authoring guide's activity examples are valid") {
    const auto blocks = jsonBlocks(testing::readFile(testing::contentDir() / "README.md"));
    testing::TemporaryFolder folder;
    const auto pack = folder.path() / "guide";
    nlohmann::json manifest = {
        {"format", 1},
        {"id", "guide"},
        {"title", "Exemples du guide"},
        {"language", "fr"},
        {"version", "1.0.0"},
        {"sources",
         nlohmann::json::array({{{"id", "cahier2020"}, {"short", "Cahier"}, {"citation", "DAECT 2020"}},
                                {{"id", "acter2024"}, {"short", "ACTER"}, {"citation", "CIRRMA 2024"}},
                                {{"id", "fiche2024"}, {"short", "Fiche"}, {"citation", "CENTRAIDER 2024"}}})},
        {"themes", nlohmann::json::array({{{"id", "odd"}, {"label", "ODD"}},
                                          {{"id", "egalite"}, {"label", "Égalité"}},
                                          {{"id", "acteurs"}, {"label", "Acteurs"}},
                                          {{"id", "eau"}, {"label", "Eau"}}})},
        {"audiences", nlohmann::json::array({{{"id", "elus"}, {"label", "Élus"}},
                                             {{"id", "agents"}, {"label", "Agents"}},
                                             {{"id", "elus-ruraux"}, {"label", "Élus ruraux"}}})},
        {"activities", nlohmann::json::array()}};
    int activities = 0;
    bool sawManifest = false;
    for (const auto& block : blocks) {
        const auto value = nlohmann::json::parse(block);
        if (!value.contains("kind")) {
            sawManifest = sawManifest || value.contains("activities");
            continue;
        }
        const std::string file = "exemple-" + std::to_string(activities++) + ".json";
        testing::writeFile(pack / file, block);
        manifest["activities"].push_back(file);
    }
    CHECK(sawManifest);
    CHECK(activities == 4);  // quiz, idées reçues, scenario, diagnostic
    testing::writeFile(pack / "pack.json", manifest.dump(2));
    const PackLoad load = loadPack(pack);
    for (const auto& diagnostic : load.diagnostics.items()) {
        CAPTURE(formatDiagnostic(diagnostic));
        CHECK(diagnostic.severity == Severity::Warning);
    }
    REQUIRE(load.usable());
    CHECK(load.pack->activities.size() == 4);
}

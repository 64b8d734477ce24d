// The scenario checker's budgets (issue 22, items 3 and 5) and the totals it leaves on the Scenario
// (issue 19): generated scenarios, work counted in explored states, never timed.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "core/loading/pack_loader.hpp"
#include "core/loading/scenario_checker.hpp"
#include "support/test_support.hpp"

using namespace passerelles;

namespace {

// `flags` yes/no choices in a row, each setting its flag (2^flags states), and `gauges` gauges that the
// choices also move: each of them makes every state heavier.
nlohmann::json flagScenario(const std::string& id, int flags, int gauges) {
    const nlohmann::json source = {{"id", "cahier2020"}, {"page", 1}};
    nlohmann::json scenario = {{"kind", "scenario"},        {"id", id},
                               {"title", "Scénario " + id}, {"role", "Vous êtes une commune."},
                               {"scoring", "both"},         {"start", "n0"}};
    for (int f = 0; f < flags; ++f) {
        scenario["variables"].push_back({{"id", "f" + std::to_string(f)},
                                         {"label", "Drapeau " + std::to_string(f)},
                                         {"kind", "flag"},
                                         {"initial", false}});
    }
    for (int g = 0; g < gauges; ++g) {
        scenario["variables"].push_back({{"id", "g" + std::to_string(g)},
                                         {"label", "Jauge " + std::to_string(g)},
                                         {"kind", "gauge"},
                                         {"initial", 0},
                                         {"min", 0},
                                         {"max", 10}});
    }
    for (int f = 0; f < flags; ++f) {
        const std::string next = f + 1 < flags ? "n" + std::to_string(f + 1) : "fin";
        nlohmann::json yesEffects = {{{"var", "f" + std::to_string(f)}, {"set", true}}};
        if (gauges > 0) {
            yesEffects.push_back({{"var", "g" + std::to_string(f % gauges)}, {"add", 1}});
        }
        scenario["nodes"].push_back({{"id", "n" + std::to_string(f)},
                                     {"type", "choice"},
                                     {"text", "Étape " + std::to_string(f) + " ?"},
                                     {"choices",
                                      {{{"id", "oui"},
                                        {"text", "Oui"},
                                        {"target", next},
                                        {"score", 1},
                                        {"effects", yesEffects},
                                        {"consequence", "Fait."},
                                        {"source", source}},
                                       {{"id", "non"},
                                        {"text", "Non"},
                                        {"target", next},
                                        {"score", 0},
                                        {"consequence", "Rien."},
                                        {"source", source}}}}});
    }
    scenario["nodes"].push_back({{"id", "fin"},
                                 {"type", "ending"},
                                 {"title", "Fin"},
                                 {"text", "C'est fini."},
                                 {"score", 0},
                                 {"rating", "good"},
                                 {"debrief", {{{"text", "À retenir."}, {"source", source}}}}});
    return scenario;
}

PackLoad loadScenarios(const std::vector<nlohmann::json>& scenarios, const LoaderOptions& options) {
    testing::TemporaryFolder folder;
    const auto pack = folder.path() / "etats";
    std::filesystem::create_directories(pack);
    nlohmann::json manifest = nlohmann::json::parse(
        testing::readFile(testing::fixturesDir() / "scenarios" / "valid" / "pack.json"));
    manifest["id"] = "etats";
    manifest["activities"] = nlohmann::json::array();
    for (std::size_t i = 0; i < scenarios.size(); ++i) {
        const std::string file = "scenario-" + std::to_string(i) + ".json";
        testing::writeFile(pack / file, scenarios[i].dump());
        manifest["activities"].push_back(file);
    }
    testing::writeFile(pack / "pack.json", manifest.dump());
    return loadPack(pack, options);
}

bool saysTooManyStates(const PackLoad& load, const std::string& scenarioId) {
    const Diagnostic* found =
        testing::findDiagnostic(load.diagnostics, "« " + scenarioId + " » : trop d'états à vérifier");
    return found != nullptr && found->severity == Severity::Warning;
}

}  // namespace

TEST_CASE("18 flags and 3,000 gauges: explored within the memory budget, then « trop d'états à vérifier »") {
    // Issue 22, item 3: 2^18 states of 3,018 values each exhausted 4 GB at the game's start.
    const PackLoad load = loadScenarios({flagScenario("lourd", 18, 3000)}, LoaderOptions{});
    REQUIRE(load.usable());  // still playable: the warning says what was not checked
    const Scenario& scenario = load.pack->scenarios.at(0);
    CHECK(saysTooManyStates(load, "lourd"));
    CHECK_FALSE(scenario.summary.checked);
    CHECK_FALSE(scenario.summary.scoreBounded);  // the best score is unknown, and not shown
    CHECK(scenario.summary.stateCount > 0);
    const std::size_t valueBytes = scenario.summary.stateCount * scenario.variables.size() * sizeof(double);
    CHECK(valueBytes <= LoaderOptions{}.scenarioBytes);
}

TEST_CASE("many big scenarios in one pack share one budget of states (issue 22, item 5)") {
    // 100 scenarios of 2^18 states held the game's start for 41 s. Here six scenarios of 2^15 states,
    // with budgets scaled down so that the test stays quick; the rule is the same.
    LoaderOptions options;
    options.scenarioStates = 50000;
    options.packScenarioStates = 100000;
    std::vector<nlohmann::json> scenarios;
    for (int i = 0; i < 6; ++i) {
        scenarios.push_back(flagScenario("s" + std::to_string(i), 14, 0));
    }
    const PackLoad load = loadScenarios(scenarios, options);
    REQUIRE(load.usable());
    REQUIRE(load.pack->scenarios.size() == 6);
    std::size_t explored = 0;
    for (const Scenario& scenario : load.pack->scenarios) {
        explored += scenario.summary.stateCount;
        CHECK(scenario.summary.checked == !saysTooManyStates(load, scenario.id));
    }
    CHECK(load.pack->scenarios[0].summary.checked);  // 32,767 states: within both budgets
    CHECK(load.pack->scenarios[1].summary.checked);
    CHECK(load.pack->scenarios[3].summary.checked == false);
    CHECK(load.pack->scenarios[5].summary.checked == false);
    // Each exploration may pass its limit by the choices of the last state it expanded.
    CHECK(explored <= options.packScenarioStates + 6 * 3);
}

TEST_CASE("the best path and totals are found once at load and kept on the Scenario (issue 19)") {
    const std::size_t before = scenarioExplorationCount();
    const PackLoad load = loadScenarios({flagScenario("petit", 5, 2)}, LoaderOptions{});
    REQUIRE(load.usable());
    CHECK(scenarioExplorationCount() == before + 1);  // checks, totals and best path: one exploration
    const Scenario& scenario = load.pack->scenarios.at(0);
    REQUIRE(scenario.summary.checked);
    CHECK(scenario.summary.stateCount == 63);  // 1 + 2 + 4 + 8 + 16 at the choices, 32 at the ending
    CHECK(scenario.summary.scoreBounded);
    CHECK(scenario.summary.bestTotal == doctest::Approx(5.0));  // « oui » five times, 1 point each
    CHECK(scenario.summary.worstTotal == doctest::Approx(0.0));
    REQUIRE(scenario.summary.hasBestPath);
    CHECK(scenario.summary.bestPath.size() == 6);  // five choices, then the ending
    CHECK(scenario.summary.bestPath.front().choice == 0);
}

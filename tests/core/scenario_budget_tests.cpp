// The scenario checker's budgets (issue 22, items 3 and 5), the totals it leaves on the Scenario and the
// analyses remembered between starts (issue 19): generated scenarios, work counted in explorations and
// explored states, never timed.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/loading/pack_loader.hpp"
#include "core/loading/scenario_analysis_cache.hpp"
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

// Every message of a load, as the trainer reads it.
std::vector<std::string> messagesOf(const PackLoad& load) {
    std::vector<std::string> messages;
    for (const Diagnostic& diagnostic : load.diagnostics.items()) {
        messages.push_back((diagnostic.severity == Severity::Error ? "erreur " : "avertissement ") +
                           diagnostic.pointer + " " + diagnostic.message);
    }
    return messages;
}

void checkSameSummaries(const PackLoad& a, const PackLoad& b) {
    REQUIRE(a.pack->scenarios.size() == b.pack->scenarios.size());
    for (std::size_t i = 0; i < a.pack->scenarios.size(); ++i) {
        const ScenarioSummary& x = a.pack->scenarios[i].summary;
        const ScenarioSummary& y = b.pack->scenarios[i].summary;
        CAPTURE(a.pack->scenarios[i].id);
        CHECK(x.checked == y.checked);
        CHECK(x.stateCount == y.stateCount);
        CHECK(x.scoreBounded == y.scoreBounded);
        CHECK(x.hasBestPath == y.hasBestPath);
        CHECK(x.bestTotal == y.bestTotal);
        CHECK(x.worstTotal == y.worstTotal);
        REQUIRE(x.bestPath.size() == y.bestPath.size());
        for (std::size_t s = 0; s < x.bestPath.size(); ++s) {
            CHECK(x.bestPath[s].node == y.bestPath[s].node);
            CHECK(x.bestPath[s].choice == y.bestPath[s].choice);
        }
    }
}

std::size_t filesIn(const std::filesystem::path& folder) {
    std::error_code error;
    std::size_t count = 0;
    for (std::filesystem::directory_iterator it(folder, error), end; !error && it != end;
         it.increment(error)) {
        ++count;
    }
    return count;
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

TEST_CASE(
    "a large scenario's analysis is remembered between starts: same messages, same summary, no exploration") {
    testing::TemporaryFolder data;
    LoaderOptions options;
    options.scenarioStates = 20000;
    options.packScenarioStates = 100000;
    options.scenarioCache = std::make_shared<ScenarioAnalysisCache>(data.path() / "scenarios");
    // 8,191 states, checked; 32,767 past the limit of 20,000 (« trop d'états à vérifier »); 63, too few
    // to be worth a file.
    const std::vector<nlohmann::json> scenarios = {
        flagScenario("grand", 12, 1), flagScenario("immense", 14, 0), flagScenario("petit", 5, 0)};
    const std::size_t before = scenarioExplorationCount();
    const PackLoad first = loadScenarios(scenarios, options);
    REQUIRE(first.usable());
    CHECK(scenarioExplorationCount() == before + 3);
    CHECK(filesIn(data.path() / "scenarios") == 2);
    CHECK(first.pack->scenarios[0].summary.checked);
    CHECK(saysTooManyStates(first, "immense"));

    const PackLoad second = loadScenarios(scenarios, options);
    REQUIRE(second.usable());
    CHECK(scenarioExplorationCount() == before + 4);  // only « petit » is explored again
    CHECK(messagesOf(second) == messagesOf(first));
    checkSameSummaries(first, second);

    SUBCASE("a scenario changed by one word is explored again") {
        std::vector<nlohmann::json> edited = scenarios;
        edited[0]["title"] = "Scénario grand, revu";
        const std::size_t explorations = scenarioExplorationCount();
        const PackLoad third = loadScenarios(edited, options);
        CHECK(scenarioExplorationCount() == explorations + 2);  // « grand » and « petit »
        CHECK(filesIn(data.path() / "scenarios") == 3);
        checkSameSummaries(first, third);
    }
    SUBCASE("a remembered file cut short, or not JSON, is explored again and written again") {
        int damaged = 0;
        for (const auto& entry : std::filesystem::directory_iterator(data.path() / "scenarios")) {
            const std::string text = testing::readFile(entry.path());
            testing::writeFile(entry.path(), damaged++ == 0 ? text.substr(0, text.size() / 2) : "\x01\x02");
        }
        const std::size_t explorations = scenarioExplorationCount();
        const PackLoad third = loadScenarios(scenarios, options);
        CHECK(scenarioExplorationCount() == explorations + 3);
        CHECK(messagesOf(third) == messagesOf(first));
        checkSameSummaries(first, third);
        const PackLoad fourth = loadScenarios(scenarios, options);
        CHECK(scenarioExplorationCount() == explorations + 4);
    }
    SUBCASE("a load without a cache, as the pack tool's, explores everything") {
        LoaderOptions fresh = options;
        fresh.scenarioCache = nullptr;
        const std::size_t explorations = scenarioExplorationCount();
        const PackLoad third = loadScenarios(scenarios, fresh);
        CHECK(scenarioExplorationCount() == explorations + 3);
        CHECK(messagesOf(third) == messagesOf(first));
    }
}

TEST_CASE("remembered analyses charge the pack's shared budget as explored ones do") {
    testing::TemporaryFolder data;
    LoaderOptions options;
    options.scenarioStates = 50000;
    options.packScenarioStates = 100000;
    options.scenarioCache = std::make_shared<ScenarioAnalysisCache>(data.path() / "scenarios");
    std::vector<nlohmann::json> scenarios;
    for (int i = 0; i < 6; ++i) {
        scenarios.push_back(flagScenario("s" + std::to_string(i), 14, 0));
    }
    const PackLoad first = loadScenarios(scenarios, options);
    const PackLoad second = loadScenarios(scenarios, options);
    REQUIRE(second.usable());
    // The first scenarios fit, the last ones find the budget spent, whether explored or remembered.
    CHECK(second.pack->scenarios[0].summary.checked);
    CHECK_FALSE(second.pack->scenarios[5].summary.checked);
    CHECK(messagesOf(second) == messagesOf(first));
    checkSameSummaries(first, second);
}

TEST_CASE("kScenarioCheckerVersion is raised whenever the checker says something else") {
    // Remembered analyses are keyed by the checker's version: an analysis made by an older checker must
    // never be shown. Everything the checker says about the fixture scenarios (test data that changes
    // only with the checker, unlike the shipped content) is recorded with the version that says it: any
    // other check, message, best path or total fails here until the version is raised.
    std::string everything;
    std::vector<std::filesystem::path> packs;
    for (const auto& entry : std::filesystem::directory_iterator(testing::fixturesDir() / "scenarios")) {
        if (entry.is_directory()) {
            packs.push_back(entry.path());
        }
    }
    std::sort(packs.begin(), packs.end());
    for (const auto& folder : packs) {
        const PackLoad load = loadPack(folder);
        everything += folder.filename().string() + "\n";
        for (const std::string& message : messagesOf(load)) {
            everything += message + "\n";
        }
        for (const Scenario& scenario : load.usable() ? load.pack->scenarios : std::vector<Scenario>{}) {
            const ScenarioSummary& summary = scenario.summary;
            everything += scenario.id + " " + std::to_string(summary.stateCount) + " " +
                          std::to_string(summary.bestTotal) + " " + std::to_string(summary.worstTotal);
            for (const PathStep& step : summary.bestPath) {
                everything += " " + std::to_string(step.node) + "/" + std::to_string(step.choice);
            }
            everything += "\n";
        }
    }
    const std::string header = "kScenarioCheckerVersion " + std::to_string(kScenarioCheckerVersion) + "\n";
    const std::filesystem::path recordedFile = testing::fixturesDir() / "scenarios" / "checker-output.txt";
    if (std::getenv("PASSERELLES_RECORD_CHECKER_OUTPUT") != nullptr) {
        testing::writeFile(recordedFile, header + everything);
    }
    CHECK_MESSAGE(testing::readFile(recordedFile) == header + everything,
                  "what the checker says has changed: raise kScenarioCheckerVersion in scenario_checker.hpp, "
                  "then run this test once with PASSERELLES_RECORD_CHECKER_OUTPUT=1 and review the new "
                  "tests/fixtures/scenarios/checker-output.txt");
}

// Every rule of the scenario checker, each on a fixture pack with one fault; and its exploration.
#include <doctest/doctest.h>

#include <algorithm>

#include "core/base/text.hpp"
#include "core/loading/pack_loader.hpp"
#include "core/loading/scenario_checker.hpp"
#include "support/test_support.hpp"

using namespace passerelles;

namespace {

PackLoad loadScenarioFixture(const std::string& name) {
    return loadPack(testing::fixturesDir() / "scenarios" / name);
}

const Diagnostic* find(const PackLoad& load, const std::string& needle) {
    return testing::findDiagnostic(load.diagnostics, needle);
}

}  // namespace

TEST_CASE("the control scenario passes with no warning") {
    const PackLoad load = loadScenarioFixture("valid");
    CHECK(load.usable());
    CHECK(load.diagnostics.empty());
}

TEST_CASE("a target that does not exist is an error naming the closest node") {
    const PackLoad load = loadScenarioFixture("dangling-target");
    CHECK_FALSE(load.usable());
    const Diagnostic* d = find(load, "le nœud « misson » n'existe pas ; vouliez-vous dire « mission » ?");
    REQUIRE(d != nullptr);
    CHECK(d->pointer == "/nodes/0/choices/1/target");
    CHECK(d->line > 1);
}

TEST_CASE("a node nobody reaches is a warning") {
    const PackLoad load = loadScenarioFixture("unreachable-node");
    CHECK(load.usable());
    const Diagnostic* d = find(load, "le nœud « oublie » n'est atteint par aucun chemin");
    REQUIRE(d != nullptr);
    CHECK(d->severity == Severity::Warning);
    CHECK(d->pointer == "/nodes/4");
}

TEST_CASE("a node where every choice can be locked at once is an error, with the path to it") {
    const PackLoad load = loadScenarioFixture("dead-end");
    CHECK_FALSE(load.usable());
    const Diagnostic* d = find(load, "sur le chemin debut → mission, aucun choix n'est disponible");
    REQUIRE(d != nullptr);
    CHECK(d->severity == Severity::Error);
    CHECK(d->pointer == "/nodes/1");
}

TEST_CASE("a narrative node with no route true on some path is an error") {
    const PackLoad load = loadScenarioFixture("no-default-route");
    const Diagnostic* d = find(load, "aucune suite n'a sa condition vraie au nœud « mission »");
    REQUIRE(d != nullptr);
    CHECK(d->severity == Severity::Error);
}

TEST_CASE("an ending that no path reaches is a warning") {
    const PackLoad load = loadScenarioFixture("unreachable-ending");
    const Diagnostic* d = find(load, "la fin « fin-bonne » n'est atteinte sur aucun chemin");
    REQUIRE(d != nullptr);
    CHECK(d->severity == Severity::Warning);
}

TEST_CASE("a variable read but never declared is an error with a suggestion") {
    const PackLoad load = loadScenarioFixture("undeclared-variable");
    const Diagnostic* d = find(load, "La variable « budjet » n'est pas déclarée");
    REQUIRE(d != nullptr);
    CHECK(d->message.find(frenchTypography("vouliez-vous dire « budget »")) != std::string::npos);
    CHECK(d->pointer == "/nodes/1/routes/0/condition");
}

TEST_CASE("an effect that leaves its range on some path is a warning naming the path") {
    const PackLoad load = loadScenarioFixture("effect-out-of-range");
    CHECK(load.usable());
    const Diagnostic* d = find(load, "un effet ferait passer « Confiance » à 12, hors de sa plage [0 ; 10]");
    REQUIRE(d != nullptr);
    CHECK(d->pointer == "/nodes/0/choices/0/effects/0");
}

TEST_CASE("conditions that can never be true: by the declared ranges, and on every path") {
    const Diagnostic* byRange = nullptr;
    const PackLoad ranges = loadScenarioFixture("never-true-condition");
    byRange = find(ranges, "la condition « confiance > 10 » ne peut jamais être vraie vu les plages");
    CHECK(byRange != nullptr);
    const PackLoad paths = loadScenarioFixture("never-true-on-paths");
    CHECK(find(paths, "la condition « rrma » n'est vraie sur aucun chemin") != nullptr);
}

TEST_CASE("a cycle with no exit and a scenario with no ending are errors") {
    const PackLoad cycle = loadScenarioFixture("cycle-no-exit");
    CHECK_FALSE(cycle.usable());
    CHECK(find(cycle, "aucune fin n'est atteignable depuis le nœud « tour-1 »") != nullptr);
    const PackLoad noEnding = loadScenarioFixture("no-ending");
    CHECK(find(noEnding, "le scénario n'a aucune fin") != nullptr);
}

TEST_CASE("a field that has no effect on this kind of node is a warning") {
    const PackLoad load = loadScenarioFixture("ignored-field");
    CHECK(load.usable());
    CHECK(find(load, "le champ « choices » n'a pas d'effet sur une fin") != nullptr);
}

TEST_CASE("exploration finds the best path and flags a partial check past the state limit") {
    const PackLoad load = loadScenarioFixture("valid");
    REQUIRE(load.usable());
    const Scenario& scenario = load.pack->scenarios.at(0);
    const ScenarioExploration exploration = exploreScenario(scenario);
    CHECK(exploration.complete);
    REQUIRE(exploration.hasBestPath);
    CHECK(exploration.bestTotal == doctest::Approx(12.0));   // +2 for the network, +10 for the good ending
    CHECK(exploration.worstTotal == doctest::Approx(-1.0));  // alone, then the poor ending
    REQUIRE(exploration.bestPath.size() == 3);
    CHECK(scenario.nodes[static_cast<std::size_t>(exploration.bestPath[0].node)].id == "debut");
    CHECK(exploration.bestPath[0].choice == 0);
    CHECK(scenario.nodes[static_cast<std::size_t>(exploration.bestPath[2].node)].id == "fin-bonne");

    const auto checks = checkScenario(scenario, 2);
    const bool partial = std::any_of(checks.begin(), checks.end(), [](const ScenarioCheck& check) {
        return check.message.find("vérification des chemins est partielle") != std::string::npos;
    });
    CHECK(partial);
}

TEST_CASE("a scored choice that loops back is a warning naming the nodes (issue 23, item 4)") {
    const PackLoad load = loadScenarioFixture("scored-cycle");
    CHECK(load.usable());
    const Diagnostic* self = find(load,
                                  "le choix « relancer » du nœud « debut » ramène au nœud « debut » "
                                  "lui-même et rapporte des points à chaque passage");
    REQUIRE(self != nullptr);
    CHECK(self->severity == Severity::Warning);
    CHECK(self->pointer == "/nodes/0/choices/0");
    CHECK(find(load,
               "ramène au nœud « debut » lui-même et rapporte des points à chaque passage : un joueur "
               "pourrait accumuler un score sans limite. Ses points ne comptent qu'au premier passage "
               "(meilleur score possible : 15)") == self);
    const Diagnostic* back = find(load,
                                  "le choix « revenir » du nœud « reponse » mène au nœud « debut », "
                                  "d'où l'on revient au nœud « reponse »");
    REQUIRE(back != nullptr);
    CHECK(back->pointer == "/nodes/1/choices/0");
    // Choices worth nothing in the loop, and the way out, are not reported.
    CHECK(find(load, "« attendre »") == nullptr);
    CHECK(find(load, "« conclure »") == nullptr);
    // The control scenario has no loop.
    CHECK(find(loadScenarioFixture("valid"), "rapporte des points à chaque passage") == nullptr);
}

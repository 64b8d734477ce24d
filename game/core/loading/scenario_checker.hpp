// Static checks of a scenario for authors: graph faults and an exploration of every reachable state.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "core/base/diagnostics.hpp"
#include "core/content/content.hpp"

namespace passerelles {

struct ScenarioCheck {
    Severity severity = Severity::Warning;
    int node = -1;              // -1: the scenario as a whole
    std::string pointerSuffix;  // below the node: "/choices/2/effects/0"
    std::string message;        // French, without the "Scénario « x » : " prefix
};

struct ScenarioExploration {
    bool complete = false;  // false when the state limit was hit: checks are then partial
    std::size_t stateCount = 0;
    std::vector<bool> nodeReached;
    std::vector<std::vector<bool>> choiceEnabled;  // [node][choice]
    // bestTotal and worstTotal hold: no play-through can score above or below them (true whenever the
    // exploration is complete and an ending can be reached). With a cycle of situations they are bounds
    // computed under the rule that a choice's points count once per situation (see ScenarioRun).
    bool scoreBounded = false;
    bool hasBestPath = false;        // false with a cycle of situations: no single best path to show
    std::vector<PathStep> bestPath;  // from the start to an ending, maximising the total
    double bestTotal = 0.0;
    double worstTotal = 0.0;
};

// The checker's budget: past it, the exploration stops with « trop d'états à vérifier » (a warning: the
// scenario stays playable, its unchecked parts are said and its best score is unknown) rather than use
// the machine's memory or hold the game's start. Memory counts a state's values: with 3,000 variables a
// state weighs 24 KB, so far fewer states fit than with 18.
inline constexpr std::size_t kScenarioStateLimit = 200000;

// Part of the key under which analyses are remembered (scenario_analysis_cache): raise it whenever a check,
// a message or the best-path rule changes, so that no game shows an analysis made by an older checker. A
// test fails, naming this constant, when what the checker says about the fixture scenarios changes.
inline constexpr int kScenarioCheckerVersion = 1;
inline constexpr std::size_t kScenarioByteLimit = std::size_t{64} << 20;

struct ScenarioBudget {
    std::size_t statesPerScenario = kScenarioStateLimit;
    std::size_t bytesPerScenario = kScenarioByteLimit;
    // Shared by the scenarios of one pack, each taking what it explored: 100 scenarios of 2^18 states
    // each held the game's start for 41 s.
    std::size_t statesLeft = 2 * kScenarioStateLimit;
};

// The states one scenario may explore within `stateLimit` and `byteLimit` (its values and the
// explorer's tables per state).
std::size_t affordableStates(const Scenario& scenario, std::size_t stateLimit, std::size_t byteLimit);

ScenarioExploration exploreScenario(const Scenario& scenario, std::size_t stateLimit = kScenarioStateLimit,
                                    std::size_t byteLimit = kScenarioByteLimit);
std::vector<ScenarioCheck> checkScenario(const Scenario& scenario,
                                         std::size_t stateLimit = kScenarioStateLimit,
                                         std::size_t byteLimit = kScenarioByteLimit);

// One exploration for both: the checks for authors, and the totals and best path that the loader keeps
// on the Scenario (ScenarioSummary) for the run and end screens. Takes its states from `budget`.
struct ScenarioAnalysis {
    std::vector<ScenarioCheck> checks;
    ScenarioExploration exploration;
};
ScenarioAnalysis analyseScenario(const Scenario& scenario, ScenarioBudget& budget);
ScenarioSummary summaryOf(const ScenarioExploration& exploration);

// How many explorations ran in this process (a work counter: tests check that screens run none).
std::size_t scenarioExplorationCount();

}  // namespace passerelles

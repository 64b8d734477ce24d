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

// A step of a path: the node reached and the choice made there (-1 on narrative nodes and endings).
struct PathStep {
    int node = -1;
    int choice = -1;
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

inline constexpr std::size_t kScenarioStateLimit = 200000;

ScenarioExploration exploreScenario(const Scenario& scenario, std::size_t stateLimit = kScenarioStateLimit);
std::vector<ScenarioCheck> checkScenario(const Scenario& scenario,
                                         std::size_t stateLimit = kScenarioStateLimit);

}  // namespace passerelles

// One play-through of a scenario: arrive on nodes, choose, see consequences, reach an ending.
#pragma once

#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/content/content.hpp"
#include "core/loading/scenario_checker.hpp"

namespace passerelles {

struct ChoiceView {
    int index = -1;         // into the node's choices
    bool available = true;  // false: shown greyed with its lockedText
};

// « Fin réussie », « Fin mitigée », « Fin ratée ».
const char* ratingLabel(EndingRating rating);

class ScenarioRun {
  public:
    enum class Phase { AtNode, Consequence, Ended };

    // The scenario is borrowed: the pack that owns it must outlive the run.
    explicit ScenarioRun(const Scenario& scenario);

    Phase phase() const { return phase_; }
    const Scenario& scenario() const { return *scenario_; }
    const ScenarioNode& currentNode() const { return scenario_->nodes[static_cast<std::size_t>(node_)]; }
    int currentNodeIndex() const { return node_; }
    const std::vector<double>& values() const { return values_; }
    double value(const std::string& variableId) const;
    // Choices to show on the current choice node: available ones, and locked ones that have a lockedText.
    std::vector<ChoiceView> visibleChoices() const;
    // The choice whose consequence is on screen (phase Consequence).
    const ScenarioChoice* lastChoice() const;

    // Events; each returns false and changes nothing when it does not apply now.
    bool choose(int choiceIndex);  // AtNode on a choice node, the choice available
    bool proceed();                // AtNode on a narrative node, or Consequence → the next node
    void restart();

    // The steps taken so far: each node reached and the choice made there.
    const std::vector<PathStep>& path() const { return path_; }
    // The decisions' points. A choice taken again in the same situation (same node, same values: a loop
    // back) adds nothing, so a player cannot farm a score round a cycle (issue 23, item 4).
    double pathScore() const { return pathScore_; }
    // Whether the choice made at path()[step] added its points (false when it was taken again in the same
    // situation, or on a step with no choice).
    bool stepScored(std::size_t step) const { return step < stepScored_.size() && stepScored_[step]; }
    double endingScore() const;
    double total() const;  // under the scenario's scoring rule, at the end

    // Resume support: the choices made, replayed on the same scenario.
    std::vector<std::string> choiceIds() const;
    static std::optional<ScenarioRun> replay(const Scenario& scenario,
                                             const std::vector<std::string>& choiceIds);

  private:
    void arrive(int node);

    const Scenario* scenario_;
    int node_ = 0;
    Phase phase_ = Phase::AtNode;
    std::vector<double> values_;
    std::vector<PathStep> path_;
    double pathScore_ = 0.0;
    int lastChoice_ = -1;
    std::vector<bool> stepScored_;          // one per step of path_
    std::set<std::vector<double>> scored_;  // situations already scored: values, then node and choice
};

}  // namespace passerelles

// Scenario run state machine over the shared step rules (scenario_rules.hpp).
#include "core/play/scenario_run.hpp"

#include "core/play/scenario_rules.hpp"

namespace passerelles {

const char* ratingLabel(EndingRating rating) {
    switch (rating) {
        case EndingRating::Good:
            return "Fin réussie";
        case EndingRating::Mixed:
            return "Fin mitigée";
        case EndingRating::Poor:
            return "Fin ratée";
    }
    return "";
}

ScenarioRun::ScenarioRun(const Scenario& scenario) : scenario_(&scenario) {
    restart();
}

void ScenarioRun::restart() {
    values_ = initialValues(*scenario_);
    path_.clear();
    stepScored_.clear();
    pathScore_ = 0.0;
    scored_.clear();
    lastChoice_ = -1;
    arrive(scenario_->start);
}

void ScenarioRun::arrive(int node) {
    node_ = node;
    const ScenarioNode& arrived = currentNode();
    applyEffects(*scenario_, arrived.effects, values_);
    path_.push_back({node, -1});
    stepScored_.push_back(false);
    phase_ = arrived.type == NodeType::Ending ? Phase::Ended : Phase::AtNode;
}

double ScenarioRun::value(const std::string& variableId) const {
    const int index = scenario_->findVariable(variableId);
    return index >= 0 ? values_[static_cast<std::size_t>(index)] : 0.0;
}

std::vector<ChoiceView> ScenarioRun::visibleChoices() const {
    std::vector<ChoiceView> views;
    if (phase_ != Phase::AtNode || currentNode().type != NodeType::Choice) {
        return views;
    }
    const auto& choices = currentNode().choices;
    for (std::size_t i = 0; i < choices.size(); ++i) {
        const bool available = isChoiceAvailable(choices[i], values_);
        if (available || !choices[i].lockedText.empty()) {
            views.push_back({static_cast<int>(i), available});
        }
    }
    return views;
}

const ScenarioChoice* ScenarioRun::lastChoice() const {
    // While the consequence shows, the choice belongs to the current (last) step; once moved on, to the one
    // before.
    const std::size_t needed = phase_ == Phase::Consequence ? 1 : 2;
    if (lastChoice_ < 0 || path_.size() < needed) {
        return nullptr;
    }
    const PathStep& step = path_[path_.size() - needed];
    return &scenario_->nodes[static_cast<std::size_t>(step.node)]
                .choices[static_cast<std::size_t>(lastChoice_)];
}

bool ScenarioRun::choose(int choiceIndex) {
    if (phase_ != Phase::AtNode || currentNode().type != NodeType::Choice || choiceIndex < 0 ||
        choiceIndex >= static_cast<int>(currentNode().choices.size())) {
        return false;
    }
    const ScenarioChoice& choice = currentNode().choices[static_cast<std::size_t>(choiceIndex)];
    if (!isChoiceAvailable(choice, values_)) {
        return false;
    }
    // A choice's points count the first time it is taken in a situation (this node, these values): a loop
    // back to the same situation earns nothing more, so the total never passes the checker's best.
    std::vector<double> situation = values_;
    situation.push_back(node_);
    situation.push_back(choiceIndex);
    if (scored_.insert(std::move(situation)).second) {
        pathScore_ += choice.score;
        stepScored_.back() = true;
    }
    applyEffects(*scenario_, choice.effects, values_);
    path_.back().choice = choiceIndex;
    lastChoice_ = choiceIndex;
    if (!choice.consequence.empty()) {
        phase_ = Phase::Consequence;
        return true;
    }
    arrive(choice.target);
    return true;
}

bool ScenarioRun::proceed() {
    if (phase_ == Phase::Consequence) {
        const ScenarioChoice& choice = currentNode().choices[static_cast<std::size_t>(lastChoice_)];
        arrive(choice.target);
        return true;
    }
    if (phase_ != Phase::AtNode || currentNode().type != NodeType::Narrative) {
        return false;
    }
    const int target = followRoutes(currentNode(), values_);
    if (target < 0) {
        return false;  // the checker reports such dead ends before a pack is played
    }
    lastChoice_ = -1;
    arrive(target);
    return true;
}

double ScenarioRun::endingScore() const {
    return phase_ == Phase::Ended ? currentNode().score : 0.0;
}

double ScenarioRun::total() const {
    return scenarioTotal(scenario_->scoring, pathScore_, endingScore());
}

std::vector<std::string> ScenarioRun::choiceIds() const {
    std::vector<std::string> ids;
    for (const auto& step : path_) {
        if (step.choice >= 0) {
            ids.push_back(scenario_->nodes[static_cast<std::size_t>(step.node)]
                              .choices[static_cast<std::size_t>(step.choice)]
                              .id);
        }
    }
    return ids;
}

std::optional<ScenarioRun> ScenarioRun::replay(const Scenario& scenario,
                                               const std::vector<std::string>& choiceIds) {
    ScenarioRun run(scenario);
    for (const auto& id : choiceIds) {
        // Walk narrative nodes and consequences until the next decision.
        while (run.phase() == Phase::Consequence ||
               (run.phase() == Phase::AtNode && run.currentNode().type == NodeType::Narrative)) {
            if (!run.proceed()) {
                return std::nullopt;
            }
        }
        if (run.phase() != Phase::AtNode) {
            return std::nullopt;
        }
        const auto& choices = run.currentNode().choices;
        int index = -1;
        for (std::size_t i = 0; i < choices.size(); ++i) {
            if (choices[i].id == id) {
                index = static_cast<int>(i);
            }
        }
        if (index < 0 || !run.choose(index)) {
            return std::nullopt;  // the scenario changed since the save: say so rather than guess
        }
    }
    return run;
}

}  // namespace passerelles

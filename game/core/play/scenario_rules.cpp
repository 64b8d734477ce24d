// One scenario step: effects with clamping, choice availability, routes, totals.
#include "core/play/scenario_rules.hpp"

#include <algorithm>

namespace passerelles {

std::vector<EffectOutcome> applyEffects(const Scenario& scenario, const std::vector<Effect>& effects,
                                        std::vector<double>& values) {
    std::vector<EffectOutcome> outOfRange;
    for (std::size_t i = 0; i < effects.size(); ++i) {
        const Effect& effect = effects[i];
        const auto index = static_cast<std::size_t>(effect.variable);
        const ScenarioVariable& variable = scenario.variables[index];
        const double wanted = effect.mode == Effect::Mode::Add ? values[index] + effect.value : effect.value;
        if (wanted < variable.min || wanted > variable.max) {
            outOfRange.push_back({static_cast<int>(i), effect.variable, wanted});
        }
        values[index] = std::clamp(wanted, variable.min, variable.max);
    }
    return outOfRange;
}

std::vector<double> initialValues(const Scenario& scenario) {
    std::vector<double> values;
    values.reserve(scenario.variables.size());
    for (const auto& variable : scenario.variables) {
        values.push_back(variable.initial);
    }
    return values;
}

bool isChoiceAvailable(const ScenarioChoice& choice, const std::vector<double>& values) {
    return !choice.condition || choice.condition->evaluate(values);
}

int followRoutes(const ScenarioNode& node, const std::vector<double>& values) {
    for (const auto& route : node.routes) {
        if (!route.condition || route.condition->evaluate(values)) {
            return route.target;
        }
    }
    return -1;
}

double scenarioTotal(ScenarioScoring scoring, double pathScore, double endingScore) {
    switch (scoring) {
        case ScenarioScoring::Ending:
            return endingScore;
        case ScenarioScoring::Path:
            return pathScore;
        case ScenarioScoring::Both:
            return pathScore + endingScore;
    }
    return 0.0;
}

}  // namespace passerelles

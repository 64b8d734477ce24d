// The rules of one scenario step, shared by the run (a player) and the checker (every path).
#pragma once

#include <vector>

#include "core/content/content.hpp"

namespace passerelles {

struct EffectOutcome {
    int effectIndex = -1;
    int variable = -1;
    double unclamped = 0.0;  // the value the effect asked for, before clamping to the range
};

// Applies effects in order, clamping each value to its declared range; returns the effects that
// asked for a value outside the range (the checker reports them; the run simply clamps).
std::vector<EffectOutcome> applyEffects(const Scenario& scenario, const std::vector<Effect>& effects,
                                        std::vector<double>& values);

std::vector<double> initialValues(const Scenario& scenario);
bool isChoiceAvailable(const ScenarioChoice& choice, const std::vector<double>& values);
// Target of the first route whose condition holds, or -1 when none does.
int followRoutes(const ScenarioNode& node, const std::vector<double>& values);

// Total for the scoring rule: the ending's score, the choices' sum, or both added.
double scenarioTotal(ScenarioScoring scoring, double pathScore, double endingScore);

}  // namespace passerelles

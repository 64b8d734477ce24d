// The scenario player's screen; its class is visible to tests that check the run.
#pragma once

#include <memory>

#include "core/session/scenario_play.hpp"
#include "ui/screen.hpp"

namespace passerelles::ui {

class ScenarioScreen final : public Screen {
  public:
    ScenarioScreen(std::shared_ptr<const Pack> pack, const Scenario& scenario);

    std::string title() const override { return scenario_.title; }
    std::string kind() const override { return "scenario"; }
    void draw(Frame& frame) override;
    const ScenarioRun& run() const { return play_.run(); }

  private:
    void handleKeys(Frame& frame);
    void choose(int choiceIndex);
    void proceed();
    void drawState(Frame& frame);
    void drawChoices(Frame& frame);
    void drawConsequence(Frame& frame);
    void finish(Frame& frame);

    std::shared_ptr<const Pack> pack_;
    const Scenario& scenario_;
    ScenarioPlay play_;                       // the run and its recording; begun on the first frame
    std::vector<double> valuesBeforeChoice_;  // to show what the last choice changed
};

}  // namespace passerelles::ui

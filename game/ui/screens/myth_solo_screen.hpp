// The idées reçues screen for a learner alone; its class is visible to tests that check the run.
#pragma once

#include <memory>

#include "core/session/myth_solo_play.hpp"
#include "ui/screen.hpp"

namespace passerelles::ui {

class MythSoloScreen final : public Screen {
  public:
    MythSoloScreen(std::shared_ptr<const Pack> pack, const MythDeck& deck);

    std::string title() const override { return deck_.title; }
    std::string kind() const override { return "myths-solo"; }
    void draw(Frame& frame) override;
    const SoloMythRun& run() const { return play_.run(); }

  private:
    void handleKeys(Frame& frame);
    void drawProgress(Frame& frame);
    void drawStatement(Frame& frame);
    // Four buttons from "D'accord" to "Pas d'accord"; returns the one clicked, if any.
    std::optional<Agreement> drawAgreement(Frame& frame);
    void drawArguments(Frame& frame);
    void drawAnswer(Frame& frame);

    std::shared_ptr<const Pack> pack_;
    const MythDeck& deck_;
    MythSoloPlay play_;  // the run and its recording; begun on the first frame
    bool scrollToAnswer_ = false;
};

}  // namespace passerelles::ui

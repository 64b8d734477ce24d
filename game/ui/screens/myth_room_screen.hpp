// The idées reçues screen for a room (projector): its class is visible to tests that check the run.
#pragma once

#include <memory>

#include "core/play/myth_run.hpp"
#include "ui/screen.hpp"

namespace passerelles::ui {

class MythRoomScreen final : public Screen {
  public:
    MythRoomScreen(std::shared_ptr<const Pack> pack, const MythDeck& deck);

    std::string title() const override { return deck_.title + " (en salle)"; }
    std::string kind() const override { return "myths-room"; }
    bool usesDisplayFont() const override { return true; }
    Chrome chrome() const override { return Chrome::Bare; }
    void draw(Frame& frame) override;
    bool handleBack(Frame& frame) override;
    const RoomMythRun& run() const { return run_; }

  private:
    void handleKeys(Frame& frame);
    void drawTopBar(Frame& frame);
    void drawVote(Frame& frame, bool after);
    void drawArguments(Frame& frame, bool answered);
    void drawAnswer(Frame& frame);
    void drawShift(Frame& frame);
    void drawSummary(Frame& frame);
    void drawHelp(Frame& frame);
    void commitVote();

    std::shared_ptr<const Pack> pack_;
    const MythDeck& deck_;
    RoomMythRun run_;
    HandCount entry_;       // the counts being typed
    int focusedField_ = 0;  // 0: d'accord, 1: pas d'accord
    bool helpOpen_ = false;
};

}  // namespace passerelles::ui

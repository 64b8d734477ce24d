// One view per kind of workshop step (question, idée reçue, scenario, map of the room, cover): each draws
// the room's part (the projector) and the trainer's part (the laptop), and takes the keys of its kind.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "core/atelier/atelier_run.hpp"
#include "ui/screen.hpp"
#include "ui/screens/atelier_audience_fit.hpp"

namespace passerelles::ui {

struct AtelierSession;

// What the presenter keeps between frames while a step is on screen; cleared when the step changes.
struct PresenterState {
    int selectedTeam = -1;  // a team key was pressed; its answer letter comes next
    int focusedAnswer = 0;  // whole-room mode: the shown position whose hands are being typed
    int casting = -1;       // a scenario choice picked by the facilitator after a tie
    HandCount cardEntry;
    int cardField = 0;
    bool explaining = false;  // a question: its explanation, the phase after the reveal
    std::string notice;       // for the trainer: a key pressed out of turn, a tie to settle
    void leaveStep() { *this = PresenterState{}; }
};

class AtelierStepView {
  public:
    AtelierStepView(AtelierSession& session, PresenterState& state) : session_(session), state_(state) {}
    virtual ~AtelierStepView() = default;
    AtelierStepView(const AtelierStepView&) = delete;
    AtelierStepView& operator=(const AtelierStepView&) = delete;

    // The keys of this kind of step (answers, votes, reveal); navigation is the screen's.
    virtual void handleKeys(Frame& frame) = 0;
    // → or Page suivante inside the step (a question's explanation after its reveal); false: next step.
    virtual bool forward() { return false; }
    virtual bool backward() { return false; }
    // Enter (or Space) now moves on to the next step: a card's shift, a scenario's ending.
    virtual bool enterMovesOn() { return false; }
    // The room's part: a name for what is shown, appended to `out` (asked every frame, so that a run moved
    // by other means than the journal is noticed too; the layout is worked out again when it changes) and
    // the blocks of the page, with nothing meant for the trainer (no keys, no instructions).
    virtual void audiencePhase(std::string& out) const = 0;
    // Called when the run or the presenter's state changed (and only then): the view works out again the
    // texts and figures its parts draw, so that an idle frame formats nothing.
    virtual void refresh(Frame& frame) = 0;
    virtual std::vector<AudienceBlock> audienceBlocks() = 0;
    // The trainer's part: the step's state and counts, what to do now and with which keys.
    virtual void drawPresenter(Frame& frame) = 0;

  protected:
    AtelierRun& run();
    const AtelierPlan& plan();
    AtelierSession& session_;
    PresenterState& state_;
};

std::unique_ptr<AtelierStepView> makeAtelierQuestionView(AtelierSession& session, PresenterState& state);
std::unique_ptr<AtelierStepView> makeAtelierCardView(AtelierSession& session, PresenterState& state);
std::unique_ptr<AtelierStepView> makeAtelierScenarioView(AtelierSession& session, PresenterState& state);
std::unique_ptr<AtelierStepView> makeAtelierMapView(AtelierSession& session, PresenterState& state);
std::unique_ptr<AtelierStepView> makeAtelierCoverView(AtelierSession& session, PresenterState& state);

// Shared by the views: the key of letter A + `index`, a team key 1–8 pressed this frame (or −1), a letter
// A–F pressed this frame among `count` (or −1), and the trainer's line of keys at the foot of a part.
Key atelierLetterKey(int index);
Key atelierDigitKey(int digit);
int takeAtelierTeamKey(FrameInput& input, std::size_t teams);
int takeAtelierAnswerLetter(FrameInput& input, int count);
void presenterHint(Frame& frame, std::string_view text);
// A block that draws one line of the step's kind above its content (« Question », « Idée reçue »…).
AudienceBlock audienceKindChip(std::string text, ImU32 fill, ImU32 textColour);

}  // namespace passerelles::ui

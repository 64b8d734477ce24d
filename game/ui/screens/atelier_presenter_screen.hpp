// The workshop's presenter view on the projector; its class is visible to tests that drive a session.
#pragma once

#include <filesystem>
#include <memory>
#include <optional>

#include "core/atelier/atelier_report.hpp"
#include "core/atelier/atelier_run.hpp"
#include "ui/phone_room.hpp"
#include "ui/screen.hpp"
#include "ui/screens/atelier_views.hpp"

namespace passerelles::ui {

// What the presenter and the end-of-workshop screen share: the run, when it started, the report.
struct AtelierSession {
    explicit AtelierSession(AtelierRun workshop) : run(std::move(workshop)) {}
    AtelierRun run;
    double startedAt = -1.0;  // services.now() when the first step was shown
    AtelierFigures figures;
    std::optional<std::filesystem::path> lastReport;
    PhoneRoom phones;      // the live room; its server stops when the workshop's session ends
    bool resumed = false;  // rebuilt from the journal after a crash: no cover, straight to the step
};

class AtelierPresenterScreen final : public Screen {
  public:
    explicit AtelierPresenterScreen(std::shared_ptr<AtelierSession> session);

    std::string title() const override { return session_->run.plan().title; }
    std::string kind() const override { return "atelier"; }
    Chrome chrome() const override { return Chrome::Bare; }
    void draw(Frame& frame) override;
    bool handleBack(Frame& frame) override;
    double secondsUntilWake(double now) const override;

    const AtelierRun& run() const { return session_->run; }
    bool onCover() const { return onCover_; }
    bool helpOpen() const { return helpOpen_; }
    bool scoreboardOpen() const { return scoreboardOpen_; }
    bool phonesPanelOpen() const { return phonesPanelOpen_; }
    const PhoneRoom& phones() const { return session_->phones; }
    const Countdown& countdown() const { return countdown_; }

  private:
    // Keys
    void handleKeys(Frame& frame);
    bool handleOverlayKeys(Frame& frame);
    void handleQuestionKeys(Frame& frame);
    void handleCardKeys(Frame& frame);
    void handleScenarioKeys(Frame& frame);
    void handleMapKeys(Frame& frame);
    // Letters A–F as answers: only while answers are taken or a team was just called, so that F stays
    // « plein écran » the rest of the time.
    int takeAnswerLetter(Frame& frame, int count);
    void goTo(Frame& frame, bool forward);
    void leaveStep();

    // Drawing
    void drawTopBar(Frame& frame);
    void drawCover(Frame& frame);
    void drawQuestion(Frame& frame);
    void drawCard(Frame& frame);
    void drawScenario(Frame& frame);
    void drawScenarioChoices(Frame& frame);
    void drawMap(Frame& frame);
    void drawHint(Frame& frame, const std::string& text);
    void drawHelp(Frame& frame);
    void drawScoreboard(Frame& frame);
    void drawLeaveDialog(Frame& frame);
    void drawPhonesPanel(Frame& frame);
    void togglePhones(Frame& frame);
    void openEndScreen(Frame& frame);
    // Writes the run's journal when it grew, so that a crash or a power cut loses nothing.
    void saveJournal(Frame& frame);

    std::shared_ptr<AtelierSession> session_;
    bool onCover_ = true;
    int selectedTeam_ = -1;  // a team key was pressed; its answer letter comes next
    int focusedAnswer_ = 0;  // whole-room mode: the option or choice whose hands are being typed
    int casting_ = -1;       // a scenario choice picked by the facilitator after a tie
    HandCount cardEntry_;
    int cardField_ = 0;
    bool helpOpen_ = false;
    bool scoreboardOpen_ = false;
    bool leaveOpen_ = false;
    bool phonesPanelOpen_ = false;
    std::size_t journalSaved_ = 0;
    bool endScreenOpened_ = false;  // this frame: the phones were just told the workshop is over
    std::string notice_;
    Countdown countdown_;
};

}  // namespace passerelles::ui

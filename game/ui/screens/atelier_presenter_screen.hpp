// The workshop's presenter view on the projector; its class is visible to tests that drive a session.
#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/atelier/atelier_report.hpp"
#include "core/atelier/atelier_run.hpp"
#include "ui/phone_room.hpp"
#include "ui/screen.hpp"
#include "ui/screens/atelier_audience_fit.hpp"
#include "ui/screens/atelier_step_view.hpp"
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

// The workshop as it runs: the room's view (the projector: the step only) and the trainer's view (the
// laptop: the step's state, the next step, the keys, the timer). With a second window the host draws them
// in two windows; with one, the room's view fills it and the trainer's is an overlay (O).
class AtelierPresenterScreen final : public Screen {
  public:
    explicit AtelierPresenterScreen(std::shared_ptr<AtelierSession> session);
    ~AtelierPresenterScreen() override;

    std::string title() const override { return session_->run.plan().title; }
    std::string kind() const override { return "atelier"; }
    // One window: the room's view, laid out to fit (no scrollbar); two: the trainer's, which may scroll.
    Chrome chrome() const override { return audienceWindow_ ? Chrome::Bare : Chrome::Room; }
    void draw(Frame& frame) override;
    bool drawAudience(Frame& frame) override;
    bool handleBack(Frame& frame) override;
    double secondsUntilWake(double now) const override;

    const AtelierRun& run() const { return session_->run; }
    bool onCover() const { return onCover_; }
    bool helpOpen() const { return helpOpen_; }
    bool scoreboardOpen() const { return scoreboardOpen_; }
    bool phonesPanelOpen() const { return phonesPanelOpen_; }
    bool presenterOverlayOpen() const { return overlayOpen_; }
    const PhoneRoom& phones() const { return session_->phones; }
    const Countdown& countdown() const { return countdown_; }
    // The room's view as last drawn: its type level, pages, and the height it took against the window's.
    const AudienceFit& lastAudienceFit() const { return lastFit_; }
    int audiencePage() const { return page_; }
    bool explaining() const { return state_.explaining; }
    const std::string& notice() const { return state_.notice; }
    // How many invisible layouts the room's view has measured: idle frames measure nothing.
    int audienceMeasurements() const { return fitter_.measurements(); }

  private:
    // What the drawn texts depend on: when it differs from the last frame's, the texts, the figures and the
    // room's blocks are worked out again; an idle frame compares it and formats nothing.
    struct Shown {
        std::size_t position = 0;
        std::size_t journal = 0;  // every call that may change the run is journaled, refused ones too
        bool cover = false;
        int selectedTeam = -1;
        int focusedAnswer = 0;
        int casting = -1;
        int agree = 0;
        int disagree = 0;
        int cardField = 0;
        bool explaining = false;
        std::size_t notice = 0;  // a hash of the notice
        int page = 0;
        int pages = 1;
        int countdown = -1;  // the countdown's shown seconds, −1 hidden; −2 « temps écoulé »
        int minutes = -1;    // since the workshop started
        int phonesConnected = -1;
        int phonesAnswered = -1;
        bool operator==(const Shown&) const = default;
    };
    Shown shownNow(Frame& frame) const;
    // Works the texts and the room's blocks out again when what is shown changed since the last frame.
    void refresh(Frame& frame);

    AtelierStepView& view();
    // Keys
    void handleKeys(Frame& frame);
    bool handleOverlayKeys(Frame& frame);
    void goTo(Frame& frame, bool forward);
    void leaveStep();

    // Drawing
    void drawAudienceView(Frame& frame);
    void drawAudienceTopBar(Frame& frame);
    void drawPresenterView(Frame& frame);
    void drawPresenterTopBar(Frame& frame);
    void drawNextStep(Frame& frame);
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
    PresenterState state_;
    std::unique_ptr<AtelierStepView> cover_;
    std::unique_ptr<AtelierStepView> question_;
    std::unique_ptr<AtelierStepView> card_;
    std::unique_ptr<AtelierStepView> scenario_;
    std::unique_ptr<AtelierStepView> map_;
    AudienceFitter fitter_;
    AudienceFitter trainerFonts_;  // only its compact level, for the trainer's view
    AudienceFit lastFit_;
    std::optional<Shown> shown_;  // none: nothing worked out yet
    std::string pagePhase_;       // the phase whose pages page_ counts
    std::string phaseNow_;        // the phase shown this frame, compared with pagePhase_
    std::string fitVersion_;  // the phase and the run's journal: the fitter lays out again when it changes
    std::vector<AudienceBlock> blocks_;
    std::string audienceLeft_;   // the room's top bar: the step, the page
    std::string phonesLine_;     // the address for the phones and their counts
    std::string countdownText_;  // "1:05", « Temps écoulé »
    std::string trainerTitle_;   // the trainer's top bar
    std::string trainerFacts_;
    std::string nextStep_;
    Podium podium_;  // team mode: the scores (S)
    int page_ = 0;
    std::size_t shownPosition_ = 0;  // the step the presenter state belongs to
    bool audienceWindow_ = false;
    bool overlayOpen_ = false;  // one window: the trainer's view over the room's (key O)
    bool helpOpen_ = false;
    bool scoreboardOpen_ = false;
    bool leaveOpen_ = false;
    bool phonesPanelOpen_ = false;
    std::size_t journalSaved_ = 0;
    bool endScreenOpened_ = false;  // this frame: the phones were just told the workshop is over
    Countdown countdown_;
};

}  // namespace passerelles::ui

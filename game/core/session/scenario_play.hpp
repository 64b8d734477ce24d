// One play of a scenario with its recording: the run, its recorder, and the unfinished play offered
// again. Each choice saves the path to resume from; finish() records the ending and the session's end.
#pragma once

#include <memory>
#include <optional>
#include <string>

#include "core/play/scenario_run.hpp"
#include "core/progress/activity_recorder.hpp"
#include "core/session/resume_offer.hpp"

namespace passerelles {

class ScenarioPlay {
  public:
    // A run at the scenario's start and nothing recorded until begin().
    explicit ScenarioPlay(const Scenario& scenario);

    // Starts recording, or keeps the unfinished play to offer (resumable()).
    void begin(std::unique_ptr<ActivityRecorder> recorder);
    bool begun() const { return recorder_ != nullptr; }

    const ScenarioRun& run() const { return run_; }
    // Takes the choice and saves the path; false when it does not apply.
    bool choose(int choiceIndex);
    bool proceed() { return run_.proceed(); }
    // Records the ending (against the best total found at load) and the session's end.
    void finish();

    // The unfinished play found by begin(), until resume() or restart().
    const std::optional<ScenarioRun>& resumable() const { return resumable_.run(); }
    void resume() { resumable_.resume(run_, *recorder_); }
    void restart() { resumable_.restart(*recorder_); }
    // Said once when a saved path no longer fits the scenario.
    const std::string& notice() const { return notice_; }
    // The last recording failure, in French; empty while all is well.
    std::string problem() const { return recorder_ ? recorder_->problem() : std::string(); }

  private:
    const Scenario& scenario_;
    ScenarioRun run_;
    std::unique_ptr<ActivityRecorder> recorder_;
    ResumeOffer<ScenarioRun> resumable_;
    std::string notice_;
};

}  // namespace passerelles

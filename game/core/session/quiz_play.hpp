// One play of a quiz with its recording: the run, its recorder, and the unfinished play offered again.
// Each event the screen sends records itself (answer and resume state on confirm, state on next, the
// session's end on finish), so a screen only draws.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include "core/play/quiz_run.hpp"
#include "core/progress/activity_recorder.hpp"
#include "core/session/resume_offer.hpp"

namespace passerelles {

class QuizPlay {
  public:
    // A run in the file's order and nothing recorded until begin().
    explicit QuizPlay(const Quiz& quiz);

    // Draws the options' order from `seed` (a resumed play takes the seed saved with it instead), then
    // starts recording, or keeps the unfinished play to offer (resumable()).
    void begin(std::unique_ptr<ActivityRecorder> recorder, std::optional<std::uint64_t> seed);
    bool begun() const { return recorder_ != nullptr; }

    const QuizRun& run() const { return run_; }
    bool toggle(int option) { return run_.toggle(option); }
    // Reveals the verdict and records the answer with the state to resume from; false when not ready.
    bool confirm();
    // To the next question or the end; an unfinished play saves where it stands.
    void next();
    // Records the session's end (once the run is finished).
    void finish();

    // The unfinished play found by begin(), until resume() or restart().
    const std::optional<QuizRun>& resumable() const { return resumable_.run(); }
    void resume() { resumable_.resume(run_, *recorder_); }
    void restart() { resumable_.restart(*recorder_); }
    // Said once when a saved play no longer matches the questions.
    const std::string& notice() const { return notice_; }
    // The last recording failure, in French; empty while all is well.
    std::string problem() const { return recorder_ ? recorder_->problem() : std::string(); }

  private:
    const Quiz& quiz_;
    QuizRun run_;
    std::unique_ptr<ActivityRecorder> recorder_;
    ResumeOffer<QuizRun> resumable_;
    std::string notice_;
};

}  // namespace passerelles

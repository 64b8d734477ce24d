// One solo play of an idées reçues deck with its recording: each card is recorded as the learner gives
// their position after the answer, and the session's end with the last one.
#pragma once

#include <memory>
#include <string>

#include "core/play/myth_run.hpp"
#include "core/progress/activity_recorder.hpp"

namespace passerelles {

class MythSoloPlay {
  public:
    // A run at the deck's first card and nothing recorded until begin().
    explicit MythSoloPlay(const MythDeck& deck);

    // Starts recording a new session (a solo deck is not resumed).
    void begin(std::unique_ptr<ActivityRecorder> recorder);
    bool begun() const { return recorder_ != nullptr; }

    const SoloMythRun& run() const { return run_; }
    // Before or after the answer; a card completed by it is recorded, and the session ended after the last.
    bool setPosition(Agreement agreement);
    bool chooseArgument(int index) { return run_.chooseArgument(index); }
    bool continueToPositionAfter() { return run_.continueToPositionAfter(); }
    // The last recording failure, in French; empty while all is well.
    std::string problem() const { return recorder_ ? recorder_->problem() : std::string(); }

  private:
    SoloMythRun run_;
    std::unique_ptr<ActivityRecorder> recorder_;
};

}  // namespace passerelles

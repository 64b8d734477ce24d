// An unfinished run offered to the learner until they resume it or start afresh; either way the recorder
// is told (the saved session continued, or abandoned for a new one).
#pragma once

#include <optional>
#include <utility>

#include "core/progress/activity_recorder.hpp"

namespace passerelles {

template <typename Run>
class ResumeOffer {
  public:
    const std::optional<Run>& run() const { return run_; }
    void offer(std::optional<Run> run) { run_ = std::move(run); }
    // Puts the saved run in `into` and continues its session.
    void resume(Run& into, ActivityRecorder& recorder) {
        if (run_) {
            into = *run_;
            run_.reset();
            recorder.start(true);
        }
    }
    void restart(ActivityRecorder& recorder) {
        if (run_) {
            run_.reset();
            recorder.start(false);
        }
    }

  private:
    std::optional<Run> run_;
};

}  // namespace passerelles

// One « Revoir mes erreurs » or « Refaire mes erreurs » play with its recording: every answer is recorded
// as it is revealed, by one recorder per activity the items come from (reviews marked as reviews, drills
// as drills, which move no schedule).
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/play/review_run.hpp"
#include "core/progress/activity_recorder.hpp"

namespace passerelles {

class ReviewPlay {
  public:
    // Makes the recorder of one activity (a guest's records nothing).
    using RecorderFactory = std::function<std::unique_ptr<ActivityRecorder>(const Pack&, ActivityKind,
                                                                            const std::string& activityId)>;

    // `seed` draws the options' order of every item.
    ReviewPlay(std::vector<ReviewItem> items, ReviewRun::Mode mode, std::optional<std::uint64_t> seed,
               RecorderFactory recorders);

    const ReviewRun& run() const { return run_; }
    bool drilling() const { return run_.mode() == ReviewRun::Mode::Drill; }
    // Ticks an option; a card's argument is answered at once, and recorded.
    bool toggle(int option);
    // Reveals the verdict and records the answer; false when nothing is ticked.
    bool confirm();
    bool next() { return run_.next(); }
    // The last recording failure, in French; empty while all is well.
    const std::string& problem() const { return problem_; }

  private:
    ActivityRecorder& recorderFor(const ReviewItem& item);
    void record();

    ReviewRun run_;
    RecorderFactory makeRecorder_;
    std::map<std::string, std::unique_ptr<ActivityRecorder>> recorders_;  // by "pack/activity"
    std::string problem_;
};

}  // namespace passerelles

// One review or drill play with its recording.
#include "core/session/review_play.hpp"

#include <utility>

namespace passerelles {

ReviewPlay::ReviewPlay(std::vector<ReviewItem> items, ReviewRun::Mode mode, std::optional<std::uint64_t> seed,
                       RecorderFactory recorders)
    : run_(std::move(items), mode, seed), makeRecorder_(std::move(recorders)) {}

bool ReviewPlay::toggle(int option) {
    if (!run_.toggle(option)) {
        return false;
    }
    if (run_.phase() == ReviewRun::Phase::Revealed) {
        record();
    }
    return true;
}

bool ReviewPlay::confirm() {
    if (!run_.confirm()) {
        return false;
    }
    record();
    return true;
}

ActivityRecorder& ReviewPlay::recorderFor(const ReviewItem& item) {
    const auto kind = item.question() != nullptr ? ActivityKind::Quiz : ActivityKind::Myths;
    const std::string key = item.pack->id + "/" + item.activityId;
    auto found = recorders_.find(key);
    if (found == recorders_.end()) {
        auto recorder = makeRecorder_(*item.pack, kind, item.activityId);
        recorder->setReviewMode(!drilling());
        recorder->setDrillMode(drilling());
        found = recorders_.emplace(key, std::move(recorder)).first;
    }
    return *found->second;
}

void ReviewPlay::record() {
    const ReviewItem& item = run_.current();
    ActivityRecorder& recorder = recorderFor(item);
    if (item.question() != nullptr) {
        recorder.answered(*item.question(), QuestionResult{item.question(), run_.selection(),
                                                           run_.lastScore(), run_.shownOrder()});
    } else {
        recorder.cardReviewed(*item.card(), run_.selection().front());
    }
    problem_ = recorder.problem();
}

}  // namespace passerelles

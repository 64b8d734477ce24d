// Spaced repetition of missed items ("Revoir mes erreurs"): a small SM-2 variant, in whole days.
//
// An item enters the queue when it is missed (wrong or only partly right), due the next calendar day:
// never minutes after the learner has just read its explanation. Each review then moves it:
//   right   → repetitions + 1; interval 1 day, then 3 days, then interval × ease; ease + 0.1 (at most 2.8)
//   partial → interval halved (at least 1 day); ease − 0.05
//   wrong   → repetitions back to 0, interval 1 day, ease − 0.2 (at least 1.3), one more lapse
// Due dates fall at the start of a local day, so "à revoir aujourd'hui" is stable through the day.
// An item is mastered once its interval reaches 21 days; it stays in the queue at that spacing.
#pragma once

#include <cstdint>

#include "core/play/quiz_scoring.hpp"

namespace passerelles {

struct ReviewSchedule {
    double intervalDays = 0.0;
    double ease = 2.5;
    int repetitions = 0;
    int lapses = 0;
    std::int64_t dueAt = 0;  // unix seconds, the start of a local day

    bool mastered() const { return intervalDays >= 21.0; }
};

// `startOfToday`: unix seconds of the local midnight of the day the answer was given.
ReviewSchedule firstMiss(std::int64_t startOfToday);
ReviewSchedule afterReview(const ReviewSchedule& previous, Outcome outcome, std::int64_t startOfToday);

}  // namespace passerelles

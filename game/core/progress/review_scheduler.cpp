// The SM-2 variant documented in review_scheduler.hpp.
#include "core/progress/review_scheduler.hpp"

#include <algorithm>
#include <cmath>

namespace passerelles {

namespace {

constexpr std::int64_t kDay = 24 * 60 * 60;

std::int64_t dueAfter(std::int64_t startOfToday, double intervalDays) {
    return startOfToday + static_cast<std::int64_t>(std::ceil(std::max(1.0, intervalDays))) * kDay;
}

}  // namespace

ReviewSchedule firstMiss(std::int64_t startOfToday) {
    ReviewSchedule schedule;
    schedule.intervalDays = 1.0;
    schedule.lapses = 1;
    schedule.dueAt = dueAfter(startOfToday, 1.0);
    return schedule;
}

ReviewSchedule afterReview(const ReviewSchedule& previous, Outcome outcome, std::int64_t startOfToday) {
    ReviewSchedule next = previous;
    switch (outcome) {
        case Outcome::Right:
            ++next.repetitions;
            next.intervalDays = next.repetitions == 1   ? 1.0
                                : next.repetitions == 2 ? 3.0
                                                        : std::round(previous.intervalDays * previous.ease);
            next.ease = std::min(2.8, previous.ease + 0.1);
            break;
        case Outcome::Partial:
            next.intervalDays = std::max(1.0, std::round(previous.intervalDays * 0.5));
            next.ease = std::max(1.3, previous.ease - 0.05);
            break;
        case Outcome::Wrong:
            next.repetitions = 0;
            next.intervalDays = 1.0;
            next.ease = std::max(1.3, previous.ease - 0.2);
            ++next.lapses;
            break;
    }
    next.dueAt = dueAfter(startOfToday, next.intervalDays);
    return next;
}

}  // namespace passerelles

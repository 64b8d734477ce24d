// The spaced-repetition rules of "Revoir mes erreurs".
#include <doctest/doctest.h>

#include <cmath>

#include "core/progress/review_scheduler.hpp"

using namespace passerelles;

namespace {
constexpr std::int64_t kDay = 24 * 3600;
constexpr std::int64_t kToday = 1700006400;  // some midnight
}  // namespace

TEST_CASE("a missed item comes back tomorrow, never the same day") {
    const ReviewSchedule first = firstMiss(kToday);
    CHECK(first.dueAt == kToday + kDay);
    CHECK(first.intervalDays == doctest::Approx(1.0));
    CHECK(first.lapses == 1);
}

TEST_CASE("right answers space the reviews out: 1, 3, then × ease; the item is mastered past 21 days") {
    ReviewSchedule schedule = firstMiss(kToday);
    std::int64_t day = kToday + kDay;
    schedule = afterReview(schedule, Outcome::Right, day);
    CHECK(schedule.intervalDays == doctest::Approx(1.0));
    CHECK(schedule.dueAt == day + kDay);
    schedule = afterReview(schedule, Outcome::Right, day += kDay);
    CHECK(schedule.intervalDays == doctest::Approx(3.0));
    CHECK(schedule.dueAt == day + 3 * kDay);
    schedule = afterReview(schedule, Outcome::Right, day += 3 * kDay);
    CHECK(schedule.intervalDays == doctest::Approx(std::round(3.0 * 2.7)));
    CHECK(schedule.ease == doctest::Approx(2.8));
    int reviews = 0;
    while (!schedule.mastered() && reviews++ < 10) {
        schedule = afterReview(schedule, Outcome::Right, day);
    }
    CHECK(schedule.mastered());
    CHECK(reviews <= 2);
}

TEST_CASE("a wrong answer starts over; a partial one halves the interval; ease has a floor") {
    ReviewSchedule schedule{12.0, 2.5, 4, 1, kToday};
    const ReviewSchedule partial = afterReview(schedule, Outcome::Partial, kToday);
    CHECK(partial.intervalDays == doctest::Approx(6.0));
    CHECK(partial.repetitions == 4);
    const ReviewSchedule wrong = afterReview(schedule, Outcome::Wrong, kToday);
    CHECK(wrong.intervalDays == doctest::Approx(1.0));
    CHECK(wrong.repetitions == 0);
    CHECK(wrong.lapses == 2);
    CHECK(wrong.dueAt == kToday + kDay);
    ReviewSchedule struggling = schedule;
    for (int i = 0; i < 20; ++i) {
        struggling = afterReview(struggling, Outcome::Wrong, kToday);
    }
    CHECK(struggling.ease == doctest::Approx(1.3));
}

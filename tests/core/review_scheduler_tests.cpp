// The spaced-repetition rules of "Revoir mes erreurs": FSRS-6 against ts-fsrs's own figures.
#include <doctest/doctest.h>

#include <cmath>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "core/progress/review_scheduler.hpp"

using namespace passerelles;

namespace {

constexpr std::int64_t kDay = 24 * 3600;
constexpr std::int64_t kToday = 1700006400;  // some midnight

nlohmann::json readVectors() {
    std::ifstream file(std::string(PASSERELLES_FIXTURES_DIR) + "/fsrs/vectors.json");
    REQUIRE(file.good());
    std::stringstream text;
    text << file.rdbuf();
    return nlohmann::json::parse(text.str());
}

}  // namespace

TEST_CASE("FSRS-6: every reference sequence computed by ts-fsrs gives the same memory and intervals") {
    const nlohmann::json vectors = readVectors();
    // The weights the vectors were made with are ours: a change of either side shows here first.
    REQUIRE(vectors.at("parameters").size() == kFsrs6DefaultWeights.size());
    for (std::size_t i = 0; i < kFsrs6DefaultWeights.size(); ++i) {
        CHECK(vectors["parameters"][i].get<double>() == kFsrs6DefaultWeights[i]);
    }
    int reviews = 0;
    for (const auto& vector : vectors.at("vectors")) {
        const FsrsScheduler scheduler(vector.at("retention").get<double>());
        INFO(vector.at("name").get<std::string>(), " at retention ", vector.at("retention").get<double>());
        std::int64_t day = kToday;
        ReviewSchedule schedule;
        bool scheduled = false;
        if (!vector.at("from").is_null()) {
            schedule.memory = {vector["from"].at("stability").get<double>(),
                               vector["from"].at("difficulty").get<double>()};
            schedule.lastReviewAt = day - vector["from"].at("elapsed").get<int>() * kDay;
            scheduled = true;
        }
        bool first = true;
        for (const auto& step : vector.at("steps")) {
            INFO("review ", reviews);
            if (!(first && scheduled)) {
                day += step.at("elapsed").get<int>() * kDay;
            }
            first = false;
            const Rating rating = static_cast<Rating>(step.at("rating").get<int>());
            schedule = scheduled ? scheduler.review(schedule, rating, day) : scheduler.first(rating, day);
            scheduled = true;
            ++reviews;
            // Both sides round to 8 decimals at the same steps; what is left is the last bit of exp and
            // pow between V8 and the C library, far below 10⁻⁶ of a day or of a difficulty point.
            const double stability = step.at("stability").get<double>();
            CHECK(schedule.memory.stability == doctest::Approx(stability).epsilon(1e-6));
            CHECK(schedule.memory.difficulty ==
                  doctest::Approx(step.at("difficulty").get<double>()).epsilon(1e-6));
            // Intervals are whole days: they must be equal.
            CHECK(schedule.intervalDays == step.at("interval").get<int>());
            CHECK(schedule.dueAt == day + schedule.intervalDays * kDay);
        }
    }
    CHECK(reviews >= 150);  // the ten sequences at three retentions were all read
}

TEST_CASE("a missed item comes back tomorrow, never the same day; a lapse counts") {
    const FsrsScheduler scheduler;
    const ReviewSchedule first = scheduler.first(ratingFor(Outcome::Wrong), kToday);
    CHECK(first.dueAt == kToday + kDay);
    CHECK(first.intervalDays == 1);
    CHECK(first.lapses == 1);
    CHECK(first.lastReviewAt == kToday);
    const ReviewSchedule partial = scheduler.first(ratingFor(Outcome::Partial), kToday);
    CHECK(partial.dueAt > kToday);
    CHECK(partial.lapses == 0);
}

TEST_CASE("right → Good, partly right → Hard, wrong → Again; a better answer never comes back sooner") {
    CHECK(ratingFor(Outcome::Right) == Rating::Good);
    CHECK(ratingFor(Outcome::Partial) == Rating::Hard);
    CHECK(ratingFor(Outcome::Wrong) == Rating::Again);
    const FsrsScheduler scheduler;
    ReviewSchedule schedule = scheduler.first(Rating::Again, kToday);
    std::int64_t day = kToday;
    for (int i = 0; i < 6; ++i) {
        day += schedule.intervalDays * kDay;
        const ReviewSchedule again = scheduler.review(schedule, Rating::Again, day);
        const ReviewSchedule hard = scheduler.review(schedule, Rating::Hard, day);
        const ReviewSchedule good = scheduler.review(schedule, Rating::Good, day);
        CHECK(again.intervalDays < hard.intervalDays);
        CHECK(hard.intervalDays < good.intervalDays);
        CHECK(again.lapses == schedule.lapses + 1);
        schedule = good;
    }
    CHECK(schedule.mastered());
}

TEST_CASE("a higher desired retention brings reviews sooner; the setting is held within 0.80 … 0.95") {
    const FsrsScheduler low(0.80);
    const FsrsScheduler high(0.95);
    const MemoryState memory{30.0, 5.0};
    CHECK(low.nextInterval(&memory, 30, Rating::Good) > high.nextInterval(&memory, 30, Rating::Good));
    CHECK(FsrsScheduler(0.5).desiredRetention() == doctest::Approx(0.80));
    CHECK(FsrsScheduler(0.99).desiredRetention() == doctest::Approx(0.95));
    // At 90 % the interval is the stability itself: R(S, S) = 0.9 is what stability means.
    const FsrsScheduler nine;
    CHECK(nine.retrievability(30.0, 30.0) == doctest::Approx(0.9).epsilon(1e-6));
}

TEST_CASE("an SM-2 schedule maps to FSRS: stability from the interval, difficulty from the ease") {
    const MemoryState average = memoryFromSm2(12.0, 2.5);
    CHECK(average.stability == doctest::Approx(12.0));
    const MemoryState easy = memoryFromSm2(12.0, 2.8);
    const MemoryState hard = memoryFromSm2(12.0, 1.3);
    CHECK(easy.difficulty < average.difficulty);
    CHECK(average.difficulty < hard.difficulty);
    CHECK(hard.difficulty <= 10.0);
    CHECK(easy.difficulty >= 1.0);
    // The mapping inverts the recall formula: a Good review when due (R = 0.9) multiplies the stability by
    // the old ease, as SM-2 multiplied the interval (unless the difficulty had to be clamped).
    const FsrsScheduler scheduler;
    const MemoryState next = scheduler.nextState(&average, 12, Rating::Good);
    CHECK(next.stability / average.stability == doctest::Approx(2.5).epsilon(0.01));
}

// FSRS-6 in whole days, as documented in review_scheduler.hpp; each formula names its ts-fsrs counterpart.
#include "core/progress/review_scheduler.hpp"

#include <algorithm>
#include <cmath>

namespace passerelles {

namespace {

constexpr std::int64_t kDay = 24 * 60 * 60;
constexpr double kMinimumStability = 0.001;  // ts-fsrs S_MIN
constexpr double kMaximumStability = 36500.0;
constexpr int kMaximumInterval = 36500;  // ts-fsrs default_maximum_interval

// ts-fsrs rounds its intermediate values to 8 decimals (roundTo); doing the same at the same steps keeps
// our figures equal to the reference's, not merely close, so no interval flips at a .5 boundary.
double round8(double value) {
    return std::round(value * 1e8) / 1e8;
}

// JavaScript's Math.round: halves go up (std::round takes them away from zero; equal for positives).
int roundHalfUp(double value) {
    return static_cast<int>(std::floor(value + 0.5));
}

}  // namespace

Rating ratingFor(Outcome outcome) {
    switch (outcome) {
        case Outcome::Right:
            return Rating::Good;
        case Outcome::Partial:
            return Rating::Hard;
        case Outcome::Wrong:
            return Rating::Again;
    }
    return Rating::Again;
}

FsrsScheduler::FsrsScheduler(double desiredRetention, const std::array<double, 21>& weights)
    : w_(weights), retention_(std::clamp(desiredRetention, kMinimumRetention, kMaximumRetention)) {
    // computeDecayFactor and calculate_interval_modifier: R(t, S) = (1 + factor · t / S)^decay, with
    // factor chosen so that R(S, S) = 0.9; the interval for retention r is S · (r^(1/decay) − 1) / factor.
    decay_ = -w_[20];
    factor_ = round8(std::exp(std::log(0.9) / decay_) - 1.0);
    intervalModifier_ = round8((std::pow(retention_, 1.0 / decay_) - 1.0) / factor_);
}

double FsrsScheduler::retrievability(double elapsedDays, double stability) const {
    return round8(std::pow(1.0 + factor_ * elapsedDays / stability, decay_));
}

MemoryState FsrsScheduler::nextState(const MemoryState* previous, int elapsedDays, Rating rating) const {
    const double g = static_cast<double>(rating);
    // init_difficulty: D0(G) = w4 − e^((G−1)·w5) + 1 (unclamped inside the mean reversion below).
    const auto initialDifficulty = [this](double grade) {
        return round8(w_[4] - std::exp((grade - 1.0) * w_[5]) + 1.0);
    };
    if (previous == nullptr || (previous->stability == 0.0 && previous->difficulty == 0.0)) {
        // init_stability: S0(G) = w(G−1), at least 0.1.
        return {std::max(w_[static_cast<std::size_t>(rating) - 1], 0.1),
                std::clamp(initialDifficulty(g), 1.0, 10.0)};
    }
    const double d = previous->difficulty;
    const double s = previous->stability;
    const double r = retrievability(static_cast<double>(elapsedDays), s);
    double stability = 0.0;
    if (rating == Rating::Again) {
        // next_forget_stability, then (long-term mode) never above the stability before the lapse.
        const double forgotten = round8(std::clamp(
            w_[11] * std::pow(d, -w_[12]) * (std::pow(s + 1.0, w_[13]) - 1.0) * std::exp((1.0 - r) * w_[14]),
            kMinimumStability, kMaximumStability));
        stability = std::min(std::max(round8(s), kMinimumStability), forgotten);
    } else {
        // next_recall_stability: S' = S · (1 + e^w8 · (11 − D) · S^−w9 · (e^((1−R)·w10) − 1) · penalty).
        const double hardPenalty = rating == Rating::Hard ? w_[15] : 1.0;
        const double easyBonus = rating == Rating::Easy ? w_[16] : 1.0;
        stability =
            round8(std::clamp(s * (1.0 + std::exp(w_[8]) * (11.0 - d) * std::pow(s, -w_[9]) *
                                             (std::exp((1.0 - r) * w_[10]) - 1.0) * hardPenalty * easyBonus),
                              kMinimumStability, kMaximumStability));
    }
    // next_difficulty: ΔD = −w6 · (G − 3), damped linearly towards 10, then mean reversion towards D0(4).
    const double delta = -w_[6] * (g - 3.0);
    const double damped = d + round8(delta * (10.0 - d) / 9.0);
    const double reverted = round8(w_[7] * initialDifficulty(4.0) + (1.0 - w_[7]) * damped);
    return {stability, std::clamp(reverted, 1.0, 10.0)};
}

int FsrsScheduler::intervalFor(double stability) const {
    // next_interval (fuzz off): round(S · modifier), between 1 day and the maximum.
    return std::min(std::max(1, roundHalfUp(stability * intervalModifier_)), kMaximumInterval);
}

int FsrsScheduler::nextInterval(const MemoryState* previous, int elapsedDays, Rating rating) const {
    // LongTermScheduler.next_interval computes every grade's interval and orders them.
    const int again = intervalFor(nextState(previous, elapsedDays, Rating::Again).stability);
    int hard = intervalFor(nextState(previous, elapsedDays, Rating::Hard).stability);
    int good = intervalFor(nextState(previous, elapsedDays, Rating::Good).stability);
    const int easy = intervalFor(nextState(previous, elapsedDays, Rating::Easy).stability);
    const int againOrdered = std::min(again, hard);
    hard = std::max(hard, againOrdered + 1);
    good = std::max(good, hard + 1);
    switch (rating) {
        case Rating::Again:
            return againOrdered;
        case Rating::Hard:
            return hard;
        case Rating::Good:
            return good;
        case Rating::Easy:
            return std::max(easy, good + 1);
    }
    return againOrdered;
}

ReviewSchedule FsrsScheduler::first(Rating rating, std::int64_t startOfToday) const {
    ReviewSchedule schedule;
    schedule.memory = nextState(nullptr, 0, rating);
    schedule.intervalDays = nextInterval(nullptr, 0, rating);
    schedule.reviews = 1;
    schedule.lapses = rating == Rating::Again ? 1 : 0;
    schedule.lastReviewAt = startOfToday;
    schedule.dueAt = startOfToday + schedule.intervalDays * kDay;
    return schedule;
}

ReviewSchedule FsrsScheduler::review(const ReviewSchedule& previous, Rating rating,
                                     std::int64_t startOfToday) const {
    const int elapsed = std::max(0, daysBetween(previous.lastReviewAt, startOfToday));
    ReviewSchedule next = previous;
    next.memory = nextState(&previous.memory, elapsed, rating);
    next.intervalDays = nextInterval(&previous.memory, elapsed, rating);
    ++next.reviews;
    next.lapses += rating == Rating::Again ? 1 : 0;
    next.lastReviewAt = startOfToday;
    next.dueAt = startOfToday + next.intervalDays * kDay;
    return next;
}

int daysBetween(std::int64_t fromStartOfDay, std::int64_t toStartOfDay) {
    return static_cast<int>(std::llround(static_cast<double>(toStartOfDay - fromStartOfDay) / kDay));
}

MemoryState memoryFromSm2(double intervalDays, double ease, const std::array<double, 21>& weights) {
    const double stability = std::clamp(intervalDays, kMinimumStability, kMaximumStability);
    const double increasePerEase =
        std::exp(weights[8]) * std::pow(stability, -weights[9]) * (std::exp((1.0 - 0.9) * weights[10]) - 1.0);
    const double difficulty = 11.0 - (ease - 1.0) / increasePerEase;
    return {stability, std::clamp(difficulty, 1.0, 10.0)};
}

}  // namespace passerelles

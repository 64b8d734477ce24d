// Spaced repetition of missed items ("Revoir mes erreurs"): FSRS-6 with its published default parameters.
//
// FSRS (Free Spaced Repetition Scheduler, open-spaced-repetition) models each item's memory with two
// numbers: its stability S (days until the chance of recalling it falls to 90 %) and its difficulty D
// (1 to 10). Each review updates both from the rating and the days elapsed since the last review, and the
// next review is due when the predicted chance of recall falls to the learner's desired retention.
// Passerelles rates an answer right → Good, partly right → Hard, wrong → Again (Easy is never given).
//
// Whole days only (as ts-fsrs's LongTermScheduler, `enable_short_term: false`, without interval fuzz):
// an item enters the queue when it is missed, due the next calendar day at the earliest, never minutes
// after the learner has read its explanation; due dates fall at the start of a local day, so « à revoir
// aujourd'hui » is stable through the day. An item counts as mastered once its interval reaches 21 days.
// The formulas, their rounding and the interval ordering follow ts-fsrs 5.4.2 step by step; the
// reference vectors in tests/fixtures/fsrs/ (made by ts-fsrs itself) check them.
#pragma once

#include <array>
#include <cstdint>

#include "core/play/quiz_scoring.hpp"

namespace passerelles {

// The 21 FSRS-6 default weights w0…w20, as published by open-spaced-repetition: ts-fsrs 5.4.2
// `default_w` (src/fsrs/constant.ts), the same values as fsrs-rs `DEFAULT_PARAMETERS` and py-fsrs
// `DEFAULT_PARAMETERS`; w20 is FSRS-6's forgetting-curve decay (0.1542).
inline constexpr std::array<double, 21> kFsrs6DefaultWeights = {
    0.212,  1.2931, 2.3065, 8.2956, 6.4133, 0.8334, 3.0194, 0.001,  1.8722, 0.1666, 0.796,
    1.4835, 0.0614, 0.2629, 1.6483, 0.6014, 1.8729, 0.5425, 0.0912, 0.0658, 0.1542};

inline constexpr double kDefaultRetention = 0.9;
inline constexpr double kMinimumRetention = 0.80;  // the learner's setting, on « Ma progression »
inline constexpr double kMaximumRetention = 0.95;
inline constexpr int kMasteredIntervalDays = 21;

enum class Rating { Again = 1, Hard = 2, Good = 3, Easy = 4 };

// right → Good, partial → Hard, wrong → Again.
Rating ratingFor(Outcome outcome);

struct MemoryState {
    double stability = 0.0;   // days until recall falls to 90 %
    double difficulty = 0.0;  // 1 (easy) to 10 (hard)
};

struct ReviewSchedule {
    MemoryState memory;
    int intervalDays = 0;           // days between the last review and the due date
    int reviews = 0;                // reviews scheduled by FSRS (the first miss included)
    int lapses = 0;                 // times rated Again
    std::int64_t lastReviewAt = 0;  // unix seconds, the start of the local day of the last review
    std::int64_t dueAt = 0;         // unix seconds, the start of a local day

    bool mastered() const { return intervalDays >= kMasteredIntervalDays; }
};

class FsrsScheduler {
  public:
    // `desiredRetention` is clamped to 0.80 … 0.95.
    explicit FsrsScheduler(double desiredRetention = kDefaultRetention,
                           const std::array<double, 21>& weights = kFsrs6DefaultWeights);

    double desiredRetention() const { return retention_; }
    // The chance of recall `elapsedDays` after a review that left stability `stability`.
    double retrievability(double elapsedDays, double stability) const;
    // The memory after a rating: `previous` null for an item never reviewed.
    MemoryState nextState(const MemoryState* previous, int elapsedDays, Rating rating) const;
    // The interval after a rating, in whole days (at least 1), ordered as ts-fsrs orders them: Again ≤
    // Hard < Good, so that a better answer never comes back sooner.
    int nextInterval(const MemoryState* previous, int elapsedDays, Rating rating) const;

    // An item's first scheduled review (its first miss), on the day starting at `startOfToday`.
    ReviewSchedule first(Rating rating, std::int64_t startOfToday) const;
    // A later review of a scheduled item; elapsed days are counted between local days.
    ReviewSchedule review(const ReviewSchedule& previous, Rating rating, std::int64_t startOfToday) const;

  private:
    int intervalFor(double stability) const;

    std::array<double, 21> w_;
    double retention_;
    double decay_;
    double factor_;
    double intervalModifier_;
};

// Days between two local midnights (rounded, so a daylight-saving change does not shift it).
int daysBetween(std::int64_t fromStartOfDay, std::int64_t toStartOfDay);

// An SM-2 schedule of schema version 3 as an FSRS memory state, as fsrs-rs `memory_state_from_sm2` does
// with an SM-2 retention of 0.9: S = the interval (at 90 % FSRS schedules after S days, so the due date is
// unchanged), and D inverts FSRS's recall-stability formula for a stability increase equal to the ease:
// D = 11 − (ease − 1) / (e^w8 · S^−w9 · (e^(0.1·w10) − 1)), clamped to 1 … 10.
MemoryState memoryFromSm2(double intervalDays, double ease,
                          const std::array<double, 21>& weights = kFsrs6DefaultWeights);

}  // namespace passerelles

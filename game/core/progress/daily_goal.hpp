// The learner's daily goal (items worked a day) and the days in a row it was met: encouragement only.
//
// A missed day never takes anything away: the count simply starts again from the next day the goal is
// met, and nothing on screen speaks of a loss. Each past day is judged against the goal set that day, so
// raising the goal does not rewrite the past. Today is judged against today's goal; while today's goal is
// not reached yet, the days in a row up to yesterday still stand.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace passerelles {

inline constexpr int kDefaultDailyGoal = 10;
inline constexpr int kMaximumDailyGoal = 200;

// Days since 1970-01-01 of the local calendar date of `unixSeconds` (SQLite's
// julianday(date(t, 'unixepoch', 'localtime')) − 2440587.5 gives the same number).
std::int64_t localDayNumber(std::int64_t unixSeconds);

struct DayCount {
    std::int64_t day = 0;  // localDayNumber
    int items = 0;
    int goal = kDefaultDailyGoal;
};

struct DailyGoalStatus {
    int goal = kDefaultDailyGoal;  // today's
    int doneToday = 0;
    bool metToday = false;
    int daysInARow = 0;  // ending today when met, else yesterday
};

// `newestFirst`: the profile's days with any work, latest first (today may be absent).
DailyGoalStatus dailyGoalStatus(const std::vector<DayCount>& newestFirst, std::int64_t today, int goal);

// « Objectif du jour atteint : 12 / 10 · 4 jours de suite », or what is left to do, in French.
std::string describeDailyGoal(const DailyGoalStatus& status);

}  // namespace passerelles

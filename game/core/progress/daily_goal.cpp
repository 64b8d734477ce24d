// Days in a row, counted in local calendar days; the sentences say what is done and what is left.
#include "core/progress/daily_goal.hpp"

#include <ctime>

#include "core/base/platform.hpp"

namespace passerelles {

namespace {

// Howard Hinnant's days_from_civil: the proleptic Gregorian date as days since 1970-01-01.
std::int64_t daysFromCivil(std::int64_t year, unsigned month, unsigned day) {
    year -= month <= 2 ? 1 : 0;
    const std::int64_t era = (year >= 0 ? year : year - 399) / 400;
    const auto yearOfEra = static_cast<unsigned>(year - era * 400);
    const unsigned dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
    const unsigned dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
    return era * 146097 + static_cast<std::int64_t>(dayOfEra) - 719468;
}

std::string days(int count) {
    return std::to_string(count) + (count > 1 ? " jours" : " jour");
}

}  // namespace

std::int64_t localDayNumber(std::int64_t unixSeconds) {
    const std::tm local = platform::localTime(static_cast<std::time_t>(unixSeconds));
    return daysFromCivil(local.tm_year + 1900, static_cast<unsigned>(local.tm_mon + 1),
                         static_cast<unsigned>(local.tm_mday));
}

DailyGoalStatus dailyGoalStatus(const std::vector<DayCount>& newestFirst, std::int64_t today, int goal) {
    DailyGoalStatus status;
    status.goal = goal;
    std::size_t next = 0;
    if (next < newestFirst.size() && newestFirst[next].day == today) {
        status.doneToday = newestFirst[next].items;
        ++next;
    }
    status.metToday = status.doneToday >= goal;
    status.daysInARow = status.metToday ? 1 : 0;
    std::int64_t expected = today - 1;
    for (; next < newestFirst.size(); ++next) {
        const DayCount& day = newestFirst[next];
        if (day.day != expected || day.items < day.goal) {
            break;
        }
        ++status.daysInARow;
        --expected;
    }
    return status;
}

std::string describeDailyGoal(const DailyGoalStatus& status) {
    const std::string count = std::to_string(status.doneToday) + " / " + std::to_string(status.goal);
    if (status.metToday) {
        return "Objectif du jour atteint : " + count +
               (status.daysInARow > 1 ? " · " + days(status.daysInARow) + " de suite, bravo !" : ", bravo !");
    }
    const int left = status.goal - status.doneToday;
    std::string text = "Objectif du jour : " + count + " · encore " + std::to_string(left) +
                       (left > 1 ? " éléments" : " élément");
    if (status.daysInARow > 0) {
        text += " pour faire " + days(status.daysInARow + 1) + " de suite";
    }
    return text;
}

}  // namespace passerelles

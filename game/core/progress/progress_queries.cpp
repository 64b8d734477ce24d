// Read-only queries on progress.db: the dashboard's summaries, the daily goal, the review queue and
// log, every result for the export.
//
// Sections:
//   1. The dashboard
//   2. Reviews: the log, the queue, one item's schedule
//   3. Every result, for the CSV export
#include "core/progress/progress_queries.hpp"

#include <algorithm>
#include <map>

namespace passerelles {

namespace {

// The columns of a schedule, read back by readSchedule() from `first` on.
constexpr const char* kScheduleColumns =
    "SELECT stability, difficulty, interval_days, repetitions, lapses, last_review_at, due_at";

ReviewSchedule readSchedule(sql::Statement& statement, int first) {
    ReviewSchedule schedule;
    schedule.memory = {statement.real(first), statement.real(first + 1)};
    schedule.intervalDays = static_cast<int>(statement.integer(first + 2));
    schedule.reviews = static_cast<int>(statement.integer(first + 3));
    schedule.lapses = static_cast<int>(statement.integer(first + 4));
    schedule.lastReviewAt = statement.integer(first + 5);
    schedule.dueAt = statement.integer(first + 6);
    return schedule;
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// 1. The dashboard
// ---------------------------------------------------------------------------------------------

std::vector<ItemProgress> ProgressQueries::latestResults(std::int64_t profileId, const std::string& packId) {
    // Read in key order and sorted here: an ORDER BY made SQLite copy every row through a sorter,
    // a third of the dashboard's time over a long history.
    std::vector<std::pair<std::int64_t, ItemProgress>> rows;
    sql::Statement statement(
        database_,
        "SELECT pack_id, activity_kind, activity_id, item_id, outcome, points, max_points, recorded_at, "
        "attempts, result_id FROM item_latest WHERE profile_id = ?1 AND (?2 = '' OR pack_id = ?2)");
    statement.bind(1, profileId).bind(2, packId);
    while (statement.step()) {
        ItemProgress item;
        item.packId = statement.text(0);
        item.kind = activityKindFromKeyword(statement.text(1)).value_or(ActivityKind::Quiz);
        item.activityId = statement.text(2);
        item.itemId = statement.text(3);
        item.outcome = outcomeFromKeyword(statement.text(4)).value_or(Outcome::Wrong);
        item.points = statement.real(5);
        item.maxPoints = statement.real(6);
        item.recordedAt = statement.integer(7);
        item.attempts = static_cast<int>(statement.integer(8));
        item.resultId = statement.integer(9);
        rows.emplace_back(item.resultId, std::move(item));
    }
    std::sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    std::vector<ItemProgress> items;
    items.reserve(rows.size());
    for (auto& row : rows) {
        items.push_back(std::move(row.second));
    }
    return items;
}

std::vector<ActivityTotals> ProgressQueries::activityTotals(std::int64_t profileId,
                                                            const std::string& packId) {
    std::map<std::pair<std::string, std::string>, ActivityTotals> totals;
    {
        sql::Statement time(
            database_,
            "SELECT pack_id, activity_id, active_seconds FROM activity_totals WHERE profile_id = ?1 AND "
            "(?2 = '' OR pack_id = ?2)");
        time.bind(1, profileId).bind(2, packId);
        while (time.step()) {
            ActivityTotals& entry = totals[{time.text(0), time.text(1)}];
            entry.packId = time.text(0);
            entry.activityId = time.text(1);
            entry.activeSeconds = time.integer(2);
        }
    }
    sql::Statement sessions(
        database_,
        "SELECT pack_id, activity_id, score / max_score, finished_at FROM sessions WHERE "
        "profile_id = ?1 AND (?2 = '' OR pack_id = ?2) AND finished_at > 0 AND max_score > 0 "
        "ORDER BY finished_at, id");
    sessions.bind(1, profileId).bind(2, packId);
    while (sessions.step()) {
        ActivityTotals& entry = totals[{sessions.text(0), sessions.text(1)}];
        entry.packId = sessions.text(0);
        entry.activityId = sessions.text(1);
        const double ratio = sessions.real(2);
        entry.bestRatio = entry.finishedSessions == 0 ? ratio : std::max(entry.bestRatio, ratio);
        entry.lastRatio = ratio;
        ++entry.finishedSessions;
    }
    std::vector<ActivityTotals> list;
    for (auto& [key, entry] : totals) {
        list.push_back(std::move(entry));
    }
    return list;
}

std::int64_t ProgressQueries::resultCount(std::int64_t profileId) {
    sql::Statement statement(database_,
                             "SELECT COALESCE(SUM(results), 0) FROM activity_totals WHERE profile_id = ?");
    statement.bind(1, profileId);
    return statement.step() ? statement.integer(0) : 0;
}

std::string ProgressQueries::resultDetail(std::int64_t resultId) {
    sql::Statement statement(database_, "SELECT detail FROM results WHERE id = ?");
    statement.bind(1, resultId);
    return statement.step() ? statement.text(0) : std::string();
}

DailyGoalStatus ProgressQueries::dailyGoal(std::int64_t profileId, std::int64_t today, int goal) {
    std::vector<DayCount> days;
    // Newest first, read only as far as the days in a row go (the first gap or unmet day ends them).
    sql::Statement statement(database_,
                             "SELECT day, items, goal FROM daily_counts WHERE profile_id = ? AND day <= ? "
                             "ORDER BY day DESC");
    statement.bind(1, profileId).bind(2, today);
    std::int64_t expected = today;
    while (statement.step()) {
        DayCount day{statement.integer(0), static_cast<int>(statement.integer(1)),
                     static_cast<int>(statement.integer(2))};
        if (day.day < expected - 1) {
            break;
        }
        expected = day.day;
        days.push_back(day);
        if (day.day != today && day.items < day.goal) {
            break;
        }
    }
    return dailyGoalStatus(days, today, goal);
}

std::vector<std::pair<std::pair<std::string, std::string>, int>> ProgressQueries::itemsSeenPerActivity(
    std::int64_t profileId) {
    std::vector<std::pair<std::pair<std::string, std::string>, int>> counts;
    sql::Statement statement(database_,
                             "SELECT pack_id, activity_id, COUNT(*) FROM item_latest WHERE profile_id = ? "
                             "GROUP BY pack_id, activity_id");
    statement.bind(1, profileId);
    while (statement.step()) {
        counts.push_back({{statement.text(0), statement.text(1)}, static_cast<int>(statement.integer(2))});
    }
    return counts;
}

// ---------------------------------------------------------------------------------------------
// 2. Reviews: the log, the queue, one item's schedule
// ---------------------------------------------------------------------------------------------

std::vector<ReviewLogEntry> ProgressQueries::reviewLog(std::int64_t profileId) {
    std::vector<ReviewLogEntry> log;
    sql::Statement statement(
        database_,
        "SELECT pack_id, item_id, reviewed_at, rating, elapsed_days, scheduled_days, stability_before, "
        "difficulty_before, stability_after, difficulty_after, desired_retention FROM review_log WHERE "
        "profile_id = ? ORDER BY id");
    statement.bind(1, profileId);
    while (statement.step()) {
        ReviewLogEntry entry;
        entry.packId = statement.text(0);
        entry.itemId = statement.text(1);
        entry.reviewedAt = statement.integer(2);
        entry.rating = static_cast<Rating>(statement.integer(3));
        entry.elapsedDays = static_cast<int>(statement.integer(4));
        entry.scheduledDays = static_cast<int>(statement.integer(5));
        entry.before = {statement.real(6), statement.real(7)};
        entry.after = {statement.real(8), statement.real(9)};
        entry.desiredRetention = statement.real(10);
        log.push_back(std::move(entry));
    }
    return log;
}

namespace {

std::vector<ReviewEntry> readReviews(sql::Statement& statement) {
    std::vector<ReviewEntry> entries;
    while (statement.step()) {
        ReviewEntry entry;
        entry.schedule = readSchedule(statement, 0);
        entry.packId = statement.text(7);
        entry.kind = activityKindFromKeyword(statement.text(8)).value_or(ActivityKind::Quiz);
        entry.activityId = statement.text(9);
        entry.itemId = statement.text(10);
        entry.fingerprint = statement.text(11);
        entries.push_back(std::move(entry));
    }
    return entries;
}

std::string reviewColumns() {
    return std::string(kScheduleColumns) +
           ", pack_id, activity_kind, activity_id, item_id, fingerprint FROM review_items WHERE profile_id = "
           "?1";
}

}  // namespace

std::vector<ReviewEntry> ProgressQueries::reviewQueue(std::int64_t profileId) {
    sql::Statement statement(database_, reviewColumns() + " ORDER BY due_at, pack_id, item_id");
    statement.bind(1, profileId);
    return readReviews(statement);
}

std::size_t ProgressQueries::dueReviewCount(std::int64_t profileId, std::int64_t until) {
    sql::Statement statement(database_,
                             "SELECT COUNT(*) FROM review_items WHERE profile_id = ? AND due_at <= ?");
    statement.bind(1, profileId).bind(2, until);
    return statement.step() ? static_cast<std::size_t>(statement.integer(0)) : 0;
}

std::vector<ReviewEntry> ProgressQueries::dueReviews(std::int64_t profileId, std::int64_t until) {
    sql::Statement statement(database_,
                             reviewColumns() + " AND due_at <= ?2 ORDER BY due_at, pack_id, item_id");
    statement.bind(1, profileId).bind(2, until);
    return readReviews(statement);
}

std::optional<ReviewSchedule> ProgressQueries::scheduleOf(std::int64_t profileId, const std::string& packId,
                                                          const std::string& itemId,
                                                          const std::string& fingerprint) {
    sql::Statement find(database_, std::string(kScheduleColumns) +
                                       ", fingerprint FROM review_items WHERE profile_id = ? AND pack_id = "
                                       "? AND item_id = ?");
    find.bind(1, profileId).bind(2, packId).bind(3, itemId);
    if (find.step() && find.text(7) == fingerprint) {
        return readSchedule(find, 0);
    }
    return std::nullopt;
}

// ---------------------------------------------------------------------------------------------
// 3. Every result, for the CSV export (progress_export.cpp)
// ---------------------------------------------------------------------------------------------

void ProgressQueries::forEachResult(std::int64_t profileId,
                                    const std::function<void(const StoredResult&)>& visit) {
    sql::Statement statement(
        database_,
        "SELECT r.recorded_at, p.name, r.pack_id, r.pack_version, r.activity_id, r.activity_kind, "
        "r.item_id, r.outcome, r.points, r.max_points, r.active_seconds, r.review, r.drill, r.stale, "
        "r.detail FROM results r JOIN profiles p ON p.id = r.profile_id WHERE r.profile_id = ? "
        "ORDER BY r.id");
    statement.bind(1, profileId);
    StoredResult result;
    while (statement.step()) {
        result.recordedAt = statement.integer(0);
        result.profileName = statement.text(1);
        result.packId = statement.text(2);
        result.packVersion = statement.text(3);
        result.activityId = statement.text(4);
        result.kind = activityKindFromKeyword(statement.text(5)).value_or(ActivityKind::Quiz);
        result.itemId = statement.text(6);
        result.outcome = statement.text(7);
        result.points = statement.real(8);
        result.maxPoints = statement.real(9);
        result.activeSeconds = statement.integer(10);
        result.review = statement.integer(11) != 0;
        result.drill = statement.integer(12) != 0;
        result.stale = statement.integer(13) != 0;
        result.detail = statement.text(14);
        visit(result);
    }
}

}  // namespace passerelles

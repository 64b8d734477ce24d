// Read-only queries on progress.db, for the progress store to answer: the dashboard's summaries, the
// daily goal, the review queue and log, every result for the export. Only the store includes it.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/base/sqlite.hpp"
#include "core/progress/progress_records.hpp"

namespace passerelles {

class ProgressQueries {
  public:
    explicit ProgressQueries(sql::Database& database) : database_(database) {}

    // ---- The dashboard
    std::vector<ItemProgress> latestResults(std::int64_t profileId, const std::string& packId);
    std::vector<ActivityTotals> activityTotals(std::int64_t profileId, const std::string& packId);
    std::int64_t resultCount(std::int64_t profileId);
    std::string resultDetail(std::int64_t resultId);
    // Items worked per day, `today` first (a local day number), back to the first day the goal was not met.
    DailyGoalStatus dailyGoal(std::int64_t profileId, std::int64_t today, int goal);
    std::vector<std::pair<std::pair<std::string, std::string>, int>> itemsSeenPerActivity(
        std::int64_t profileId);

    // ---- Reviews
    std::vector<ReviewLogEntry> reviewLog(std::int64_t profileId);
    std::vector<ReviewEntry> reviewQueue(std::int64_t profileId);
    std::size_t dueReviewCount(std::int64_t profileId, std::int64_t until);
    std::vector<ReviewEntry> dueReviews(std::int64_t profileId, std::int64_t until);
    // The item's schedule in the queue, when it was queued on this same fingerprint.
    std::optional<ReviewSchedule> scheduleOf(std::int64_t profileId, const std::string& packId,
                                             const std::string& itemId, const std::string& fingerprint);

    // ---- The export
    void forEachResult(std::int64_t profileId, const std::function<void(const StoredResult&)>& visit);

  private:
    sql::Database& database_;
};

}  // namespace passerelles

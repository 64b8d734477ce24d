// The learner's progress in SQLite: profiles, sessions (with resume state), results, review queue.
//
// One transaction per recorded result, WAL journal with full sync: a result reported as saved survives a
// killed process or a laptop shut mid-session. A database from an older schema is migrated on open; a
// damaged file is moved aside (never overwritten) and a fresh one started. Results keep the fingerprint of
// the item as it was answered; when the content changes, they are kept but marked stale and never applied
// to the new question.
//
// A facade: the schema and its migrations are in progress_schema.*, the read-only queries in
// progress_queries.*, the values it reads and writes in progress_records.hpp; the database stays inside.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/base/io_result.hpp"
#include "core/base/sqlite.hpp"
#include "core/progress/progress_records.hpp"
#include "core/progress/progress_schema.hpp"

namespace passerelles {

class ProgressStore {
  public:
    using Clock = std::function<std::int64_t()>;  // unix seconds

    struct Opened {
        std::unique_ptr<ProgressStore> store;  // never null
        std::string notice;  // French, for the learner: "the damaged file was moved aside to …"
    };
    // The error, when no store could be opened at all, keeps the notices of what was moved aside before.
    static IoResult<Opened> open(const std::filesystem::path& file, Clock clock = {});

    // ---- Profiles
    std::vector<ProfileInfo> profiles();
    std::optional<std::int64_t> createProfile(const std::string& name);
    // Same rules as creation (1 to 60 characters, unique without regard to case or accents); false with a
    // French lastError() otherwise.
    bool renameProfile(std::int64_t id, const std::string& name);
    ProfileSettings settingsOf(std::int64_t profileId);
    // Clamped to 0.80 … 0.95; applies to the reviews from now on.
    bool setDesiredRetention(std::int64_t profileId, double retention);
    // Clamped to 1 … kMaximumDailyGoal; today's count is judged against it at once.
    bool setDailyGoal(std::int64_t profileId, int goal);
    // The profile of that name (case and accents aside), created when there is none: what a game given
    // a name on its command line plays as, even when another game creates the same profile at once.
    std::optional<std::int64_t> useOrCreateProfile(const std::string& name);
    std::optional<ProfileInfo> findProfile(std::int64_t id);
    bool touchProfile(std::int64_t id);
    std::optional<std::int64_t> lastUsedProfile();
    // Deletes the profile and everything recorded about it, and wipes the freed pages.
    bool deleteProfile(std::int64_t id);

    // ---- Sessions
    std::optional<std::int64_t> startSession(std::int64_t profileId, const std::string& packId,
                                             const std::string& packVersion, ActivityKind kind,
                                             const std::string& activityId);
    bool saveSessionState(std::int64_t sessionId, const std::string& state);
    bool finishSession(std::int64_t sessionId, double score, double maxScore);
    bool abandonSession(std::int64_t sessionId);
    std::optional<SessionInfo> unfinishedSession(std::int64_t profileId, const std::string& packId,
                                                 ActivityKind kind, const std::string& activityId);

    // ---- Results (each in its own transaction; false with lastError() on failure)
    bool record(const ResultRecord& result);
    // Marks stale every result whose item now has another fingerprint (or none recorded); returns how many.
    int markStale(const std::vector<ItemFingerprint>& current);

    // ---- Queries (progress_queries.cpp)
    std::vector<ItemProgress> latestResults(std::int64_t profileId, const std::string& packId = {});
    std::vector<ActivityTotals> activityTotals(std::int64_t profileId, const std::string& packId = {});
    std::int64_t resultCount(std::int64_t profileId);
    // The detail (JSON) of one result: a scenario's ending, a self-diagnostic's profile.
    std::string resultDetail(std::int64_t resultId);
    // Items worked per day, today first, back to the first day the goal was not met (for the streak).
    DailyGoalStatus dailyGoal(std::int64_t profileId);
    // How many items of each activity have a latest result: (pack, activity) → count.
    std::vector<std::pair<std::pair<std::string, std::string>, int>> itemsSeenPerActivity(
        std::int64_t profileId);
    // The FSRS review log of a profile, oldest first (for fitting parameters, and tests).
    std::vector<ReviewLogEntry> reviewLog(std::int64_t profileId);
    std::vector<ReviewEntry> reviewQueue(std::int64_t profileId);
    // Items due at or before `until` (unix seconds), oldest first.
    std::vector<ReviewEntry> dueReviews(std::int64_t profileId, std::int64_t until);
    // How many dueReviews() would return, without reading them (the home screen and dashboard show it).
    std::size_t dueReviewCount(std::int64_t profileId, std::int64_t until);

    // ---- Your data
    // Every result of the profile, oldest first, for the CSV export (see progress_export.hpp).
    void forEachResult(std::int64_t profileId, const std::function<void(const StoredResult&)>& visit);
    // Writes every profile's data, the results not yet folded from progress.db-wal included, to `target`
    // as one SQLite file (VACUUM INTO), consistent even while the game writes; restoring is copying it as
    // progress.db while the game is closed. On failure the target is left as it was, and the error's
    // message is also lastError().
    IoResult<void> backupTo(const std::filesystem::path& target);

    int schemaVersion();
    const std::string& lastError() const { return lastError_; }
    // Answers or sessions that could not be saved since the store opened, and the reason of the last one:
    // the screen host shows it on every screen until the learner dismisses it.
    std::uint64_t saveFailures() const { return saveFailures_; }
    const std::string& lastSaveFailure() const { return lastSaveFailure_; }
    // Set once when progress.db-wal disappeared while the store was open (see keepJournalSafe).
    const std::string& journalWarning() const { return journalWarning_; }
    bool lastErrorMeansNoSpace() const { return lastErrorNoSpace_; }
    std::int64_t now() const { return clock_(); }
    std::int64_t startOfToday() const;
    const std::filesystem::path& file() const { return file_; }

  private:
    ProgressStore(std::filesystem::path file, std::unique_ptr<sql::Database> database, Clock clock);
    // Tests and benchmarks look at the tables and pragmas through tests/support/progress_store_access.hpp;
    // nothing else reaches the database.
    friend struct ProgressStoreAccess;

    bool countToday(std::int64_t profileId);
    bool fail(const std::string& what);
    void keepJournal();
    bool failSaving(const std::string& what);
    bool updateReviewQueue(const ResultRecord& result, std::int64_t recordedAt);
    bool updateSummaries(const ResultRecord& result, std::int64_t resultId, std::int64_t recordedAt);

    std::filesystem::path file_;
    std::unique_ptr<sql::Database> database_;
    Clock clock_;
    std::string lastError_;
    std::string journalWarning_;
    std::string lastSaveFailure_;
    std::uint64_t saveFailures_ = 0;
    bool lastErrorNoSpace_ = false;
};

}  // namespace passerelles

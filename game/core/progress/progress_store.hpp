// The learner's progress in SQLite: profiles, sessions (with resume state), results, review queue.
//
// One transaction per recorded result, WAL journal with full sync: a result reported as saved survives a
// killed process or a laptop shut mid-session. A database from an older schema is migrated on open; a
// damaged file is moved aside (never overwritten) and a fresh one started. Results keep the fingerprint of
// the item as it was answered; when the content changes, they are kept but marked stale and never applied
// to the new question.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/base/sqlite.hpp"
#include "core/base/sqlite_file.hpp"
#include "core/content/content.hpp"
#include "core/play/quiz_scoring.hpp"
#include "core/progress/daily_goal.hpp"
#include "core/progress/review_scheduler.hpp"

namespace passerelles {

inline constexpr int kProgressSchemaVersion = 4;
// PRAGMA application_id of progress.db ("PASP"): a file without it that holds other tables is another
// program's, moved aside rather than adopted.
inline constexpr std::int32_t kProgressApplicationId = 0x50415350;

struct ProfileInfo {
    std::int64_t id = 0;
    std::string name;
    std::int64_t createdAt = 0;
    std::int64_t lastUsedAt = 0;
};

// What the learner sets on « Ma progression ».
struct ProfileSettings {
    double desiredRetention = kDefaultRetention;  // 0.80 … 0.95: the chance of recall reviews aim at
    int dailyGoal = kDefaultDailyGoal;            // items a day
};

struct SessionInfo {
    std::int64_t id = 0;
    std::int64_t profileId = 0;
    std::string packId;
    std::string packVersion;
    ActivityKind kind = ActivityKind::Quiz;
    std::string activityId;
    std::int64_t startedAt = 0;
    std::int64_t finishedAt = 0;  // 0 while unfinished
    double score = 0.0;
    double maxScore = 0.0;
    std::string state;  // JSON snapshot to resume an unfinished session
};

// One answer, card, scenario ending or diagnostic, as it happened.
struct ResultRecord {
    std::int64_t profileId = 0;
    std::int64_t sessionId = 0;  // 0: not part of a session (a review)
    std::string packId;
    std::string packVersion;
    ActivityKind kind = ActivityKind::Quiz;
    std::string activityId;
    std::string itemId;
    std::string fingerprint;
    Outcome outcome = Outcome::Wrong;
    double points = 0.0;
    double maxPoints = 0.0;
    std::string detail;  // JSON: options ticked, positions and argument, path and ending…
    std::int64_t activeSeconds = 0;
    bool review = false;  // answered in "Revoir mes erreurs"
    bool drill = false;   // answered in "Refaire mes erreurs": moves no schedule, is not the item's latest
};

struct ItemFingerprint {
    std::string packId;
    std::string itemId;
    std::string fingerprint;
};

// The latest non-stale result of an item.
struct ItemProgress {
    std::string packId;
    ActivityKind kind = ActivityKind::Quiz;
    std::string activityId;
    std::string itemId;
    Outcome outcome = Outcome::Wrong;
    double points = 0.0;
    double maxPoints = 0.0;
    std::int64_t recordedAt = 0;
    int attempts = 0;
    std::int64_t resultId = 0;
};

struct ActivityTotals {
    std::string packId;
    std::string activityId;
    std::int64_t activeSeconds = 0;
    int finishedSessions = 0;
    double bestRatio = 0.0;  // best score / max over finished sessions
    double lastRatio = 0.0;  // of the most recently finished session
};

// One row of the review log: a review scheduled by FSRS, with the memory before and after.
struct ReviewLogEntry {
    std::string packId;
    std::string itemId;
    std::int64_t reviewedAt = 0;
    Rating rating = Rating::Again;
    int elapsedDays = 0;
    int scheduledDays = 0;
    MemoryState before;  // zero for an item's first scheduled review
    MemoryState after;
    double desiredRetention = kDefaultRetention;
};

// A result as stored, for the export.
struct StoredResult {
    std::int64_t recordedAt = 0;
    std::string profileName;
    std::string packId;
    std::string packVersion;
    ActivityKind kind = ActivityKind::Quiz;
    std::string activityId;
    std::string itemId;
    std::string outcome;  // keyword
    double points = 0.0;
    double maxPoints = 0.0;
    std::int64_t activeSeconds = 0;
    bool review = false;
    bool drill = false;
    bool stale = false;
    std::string detail;  // JSON
};

struct ReviewEntry {
    std::string packId;
    ActivityKind kind = ActivityKind::Quiz;
    std::string activityId;
    std::string itemId;
    std::string fingerprint;
    ReviewSchedule schedule;
};

class ProgressStore {
  public:
    using Clock = std::function<std::int64_t()>;  // unix seconds

    struct Opened {
        std::unique_ptr<ProgressStore> store;
        std::string notice;  // French, for the learner: "the damaged file was moved aside to …"
        std::string error;   // French, when no store could be opened at all
    };
    static Opened open(const std::filesystem::path& file, Clock clock = {});

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

    // ---- Queries
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
    // progress.db while the game is closed. False with lastError() on failure (the target is then left
    // as it was).
    bool backupTo(const std::filesystem::path& target);

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
    sql::Database& database() { return *database_; }

  private:
    ProgressStore(std::filesystem::path file, std::unique_ptr<sql::Database> database, Clock clock);
    static SqliteFileKind fileKind();
    static bool fillNameKeys(sql::Database& database);
    static bool migrateSchedulesToFsrs(sql::Database& database);
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

std::vector<ItemFingerprint> fingerprintsOf(const Pack& pack);
const char* outcomeKeyword(Outcome outcome);  // "right", "partial", "wrong"
// The key that makes profile names unique: case and accents folded.
std::string profileNameKey(const std::string& name);
std::optional<Outcome> outcomeFromKeyword(const std::string& keyword);
std::optional<ActivityKind> activityKindFromKeyword(const std::string& keyword);

}  // namespace passerelles

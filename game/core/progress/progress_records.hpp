// What the progress store reads and writes: profiles, sessions, results, reviews, as plain values.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/content/content.hpp"
#include "core/play/quiz_scoring.hpp"
#include "core/progress/daily_goal.hpp"
#include "core/progress/review_scheduler.hpp"

namespace passerelles {

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

std::vector<ItemFingerprint> fingerprintsOf(const Pack& pack);
const char* outcomeKeyword(Outcome outcome);  // "right", "partial", "wrong"
// The key that makes profile names unique: case and accents folded.
std::string profileNameKey(const std::string& name);
std::optional<Outcome> outcomeFromKeyword(const std::string& keyword);
std::optional<ActivityKind> activityKindFromKeyword(const std::string& keyword);

}  // namespace passerelles

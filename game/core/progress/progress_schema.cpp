// The schema of progress.db (version 4) and the migrations from versions 1, 2 and 3.
#include "core/progress/progress_schema.hpp"

#include <algorithm>
#include <cmath>
#include <string>
#include <utility>
#include <vector>

#include "core/progress/progress_records.hpp"
#include "core/progress/review_scheduler.hpp"

namespace passerelles {

namespace {

constexpr const char* kCreateSessions = R"sql(
CREATE TABLE IF NOT EXISTS sessions (
  id INTEGER PRIMARY KEY,
  profile_id INTEGER NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
  pack_id TEXT NOT NULL,
  pack_version TEXT NOT NULL,
  activity_kind TEXT NOT NULL,
  activity_id TEXT NOT NULL,
  started_at INTEGER NOT NULL,
  finished_at INTEGER NOT NULL DEFAULT 0,
  abandoned INTEGER NOT NULL DEFAULT 0,
  score REAL NOT NULL DEFAULT 0,
  max_score REAL NOT NULL DEFAULT 0,
  state TEXT NOT NULL DEFAULT '');
CREATE INDEX IF NOT EXISTS sessions_by_activity ON sessions(profile_id, pack_id, activity_id, finished_at);
)sql";

constexpr const char* kCreateReview = R"sql(
CREATE TABLE IF NOT EXISTS review_items (
  profile_id INTEGER NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
  pack_id TEXT NOT NULL,
  activity_kind TEXT NOT NULL,
  activity_id TEXT NOT NULL,
  item_id TEXT NOT NULL,
  fingerprint TEXT NOT NULL,
  interval_days REAL NOT NULL,
  ease REAL NOT NULL,
  repetitions INTEGER NOT NULL,
  lapses INTEGER NOT NULL,
  due_at INTEGER NOT NULL,
  PRIMARY KEY (profile_id, pack_id, item_id));
CREATE INDEX IF NOT EXISTS review_by_due ON review_items(profile_id, due_at);
)sql";

constexpr const char* kCreateVersion2 = R"sql(
CREATE TABLE profiles (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  name_key TEXT NOT NULL UNIQUE,
  created_at INTEGER NOT NULL,
  last_used_at INTEGER NOT NULL DEFAULT 0);
CREATE TABLE results (
  id INTEGER PRIMARY KEY,
  profile_id INTEGER NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
  recorded_at INTEGER NOT NULL,
  pack_id TEXT NOT NULL,
  activity_kind TEXT NOT NULL,
  activity_id TEXT NOT NULL,
  item_id TEXT NOT NULL,
  outcome TEXT NOT NULL,
  points REAL NOT NULL,
  max_points REAL NOT NULL,
  session_id INTEGER REFERENCES sessions(id) ON DELETE SET NULL,
  pack_version TEXT NOT NULL DEFAULT '',
  fingerprint TEXT NOT NULL DEFAULT '',
  detail TEXT NOT NULL DEFAULT '{}',
  active_seconds INTEGER NOT NULL DEFAULT 0,
  review INTEGER NOT NULL DEFAULT 0,
  stale INTEGER NOT NULL DEFAULT 0);
CREATE INDEX results_by_item ON results(profile_id, pack_id, item_id, id);
)sql";

// Version 1 had profiles and bare results: no sessions, no fingerprints, no review queue.
constexpr const char* kMigrate1To2 = R"sql(
ALTER TABLE profiles ADD COLUMN last_used_at INTEGER NOT NULL DEFAULT 0;
ALTER TABLE profiles ADD COLUMN name_key TEXT NOT NULL DEFAULT '';
ALTER TABLE results ADD COLUMN session_id INTEGER REFERENCES sessions(id) ON DELETE SET NULL;
ALTER TABLE results ADD COLUMN pack_version TEXT NOT NULL DEFAULT '';
ALTER TABLE results ADD COLUMN fingerprint TEXT NOT NULL DEFAULT '';
ALTER TABLE results ADD COLUMN detail TEXT NOT NULL DEFAULT '{}';
ALTER TABLE results ADD COLUMN active_seconds INTEGER NOT NULL DEFAULT 0;
ALTER TABLE results ADD COLUMN review INTEGER NOT NULL DEFAULT 0;
ALTER TABLE results ADD COLUMN stale INTEGER NOT NULL DEFAULT 0;
CREATE INDEX IF NOT EXISTS results_by_item ON results(profile_id, pack_id, item_id, id);
)sql";

// Version 3 adds summaries that record() and markStale() keep up to date in the same transaction, so
// that the dashboard and the start-up check read one row per item or activity instead of scanning
// every result ever recorded (100,000 results took a second to summarise). They are derived data:
// filled here from the results, and always equal to what the version-2 queries computed from them.
//   item_latest: per profile and item, the latest non-stale result (its id and the columns the
//                dashboard reads) and how many non-stale results.
//   activity_totals: per profile and activity, every result (stale or not) and its active time.
//   live_fingerprints: every (pack, item, fingerprint) that non-stale results were answered on.
}  // namespace

const char* const kLatestOfResults =
    "profile_id, pack_id, item_id, MAX(id), COUNT(*), activity_kind, activity_id, outcome, points, "
    "max_points, recorded_at FROM results";

namespace {

constexpr const char* kMigrate2To3 = R"sql(
CREATE TABLE item_latest (
  profile_id INTEGER NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
  pack_id TEXT NOT NULL,
  item_id TEXT NOT NULL,
  result_id INTEGER NOT NULL,
  attempts INTEGER NOT NULL,
  activity_kind TEXT NOT NULL,
  activity_id TEXT NOT NULL,
  outcome TEXT NOT NULL,
  points REAL NOT NULL,
  max_points REAL NOT NULL,
  recorded_at INTEGER NOT NULL,
  PRIMARY KEY (profile_id, pack_id, item_id)) WITHOUT ROWID;
CREATE TABLE activity_totals (
  profile_id INTEGER NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
  pack_id TEXT NOT NULL,
  activity_id TEXT NOT NULL,
  results INTEGER NOT NULL,
  active_seconds INTEGER NOT NULL,
  PRIMARY KEY (profile_id, pack_id, activity_id)) WITHOUT ROWID;
INSERT INTO activity_totals(profile_id, pack_id, activity_id, results, active_seconds)
  SELECT profile_id, pack_id, activity_id, COUNT(*), SUM(active_seconds) FROM results
  GROUP BY profile_id, pack_id, activity_id;
CREATE TABLE live_fingerprints (
  pack_id TEXT NOT NULL,
  item_id TEXT NOT NULL,
  fingerprint TEXT NOT NULL,
  PRIMARY KEY (pack_id, item_id, fingerprint)) WITHOUT ROWID;
INSERT INTO live_fingerprints(pack_id, item_id, fingerprint)
  SELECT DISTINCT pack_id, item_id, fingerprint FROM results WHERE stale = 0;
)sql";

// Version 4 (issue 21) schedules reviews with FSRS-6 instead of SM-2, keeps a log of every scheduled
// review (to fit FSRS's parameters to the learner later), marks drill results, and holds the learner's
// settings (desired retention, daily goal) and the count of items worked each day.
//   review_items: the SM-2 columns stay as they were (interval_days now holds FSRS's scheduled days,
//                 repetitions the reviews); stability, difficulty and last_review_at are filled by
//                 migrateSchedulesToFsrs() from interval and ease (see memoryFromSm2), due dates kept.
//   review_log: one row per scheduled review: rating (1 Again, 2 Hard, 3 Good), days elapsed since the
//               previous review and days scheduled, memory before (0 for a first review) and after.
//   results.drill: 1 for an answer in « Refaire mes erreurs », which moves no schedule.
//   daily_counts: per profile and local day (days since 1970-01-01), items worked and the goal that day.
constexpr const char* kMigrate3To4 = R"sql(
ALTER TABLE review_items ADD COLUMN stability REAL NOT NULL DEFAULT 0;
ALTER TABLE review_items ADD COLUMN difficulty REAL NOT NULL DEFAULT 0;
ALTER TABLE review_items ADD COLUMN last_review_at INTEGER NOT NULL DEFAULT 0;
ALTER TABLE results ADD COLUMN drill INTEGER NOT NULL DEFAULT 0;
ALTER TABLE profiles ADD COLUMN desired_retention REAL NOT NULL DEFAULT 0.9;
ALTER TABLE profiles ADD COLUMN daily_goal INTEGER NOT NULL DEFAULT 10;
CREATE TABLE review_log (
  id INTEGER PRIMARY KEY,
  profile_id INTEGER NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
  pack_id TEXT NOT NULL,
  item_id TEXT NOT NULL,
  reviewed_at INTEGER NOT NULL,
  rating INTEGER NOT NULL,
  elapsed_days INTEGER NOT NULL,
  scheduled_days INTEGER NOT NULL,
  stability_before REAL NOT NULL,
  difficulty_before REAL NOT NULL,
  stability_after REAL NOT NULL,
  difficulty_after REAL NOT NULL,
  desired_retention REAL NOT NULL);
CREATE INDEX review_log_by_item ON review_log(profile_id, pack_id, item_id, id);
CREATE TABLE daily_counts (
  profile_id INTEGER NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
  day INTEGER NOT NULL,
  items INTEGER NOT NULL,
  goal INTEGER NOT NULL,
  PRIMARY KEY (profile_id, day)) WITHOUT ROWID;
INSERT INTO daily_counts(profile_id, day, items, goal)
  SELECT profile_id, CAST(julianday(date(recorded_at, 'unixepoch', 'localtime')) - 2440587.5 AS INTEGER),
         COUNT(*), 10 FROM results GROUP BY 1, 2;
)sql";

// Names are unique without regard to case or accents: "Élise" and "elise" are the same person.
bool fillNameKeys(sql::Database& database) {
    std::vector<std::pair<std::int64_t, std::string>> names;
    {
        sql::Statement select(database, "SELECT id, name FROM profiles");
        while (select.step()) {
            names.emplace_back(select.integer(0), select.text(1));
        }
    }
    sql::Statement update(database, "UPDATE profiles SET name_key = ? WHERE id = ?");
    for (const auto& [id, name] : names) {
        update.reset();
        update.bind(1, profileNameKey(name)).bind(2, id);
        if (!update.run()) {
            return false;
        }
    }
    return true;
}

// Each SM-2 schedule becomes an FSRS memory state (memoryFromSm2); its due date is kept, and its last
// review is the day the SM-2 interval was counted from (due date − whole interval).
bool migrateSchedulesToFsrs(sql::Database& database) {
    struct Row {
        std::int64_t rowId;
        double interval;
        double ease;
        std::int64_t dueAt;
    };
    std::vector<Row> rows;
    {
        sql::Statement select(database, "SELECT rowid, interval_days, ease, due_at FROM review_items");
        while (select.step()) {
            rows.push_back({select.integer(0), select.real(1), select.real(2), select.integer(3)});
        }
    }
    sql::Statement update(database,
                          "UPDATE review_items SET stability = ?, difficulty = ?, last_review_at = ?, "
                          "interval_days = ? WHERE rowid = ?");
    for (const Row& row : rows) {
        const MemoryState memory = memoryFromSm2(row.interval, row.ease);
        const auto days = static_cast<std::int64_t>(std::ceil(std::max(1.0, row.interval)));
        update.reset();
        update.bind(1, memory.stability).bind(2, memory.difficulty).bind(3, row.dueAt - days * 24 * 3600);
        update.bind(4, days).bind(5, row.rowId);
        if (!update.run()) {
            return false;
        }
    }
    return true;
}

}  // namespace

SqliteFileKind progressFileKind() {
    SqliteFileKind kind;
    kind.what = "Le fichier de progression";
    kind.applicationId = kProgressApplicationId;
    // Version 4's review_log and daily_counts too: a file of any version that lost its id is still ours.
    kind.knownTables = {"profiles",        "results",           "sessions",   "review_items", "item_latest",
                        "activity_totals", "live_fingerprints", "review_log", "daily_counts"};
    kind.oldestVersion = 1;
    kind.synchronous = "FULL";  // WAL with full sync: a committed result is on disk before record() returns
    kind.pragmas = {"PRAGMA foreign_keys = ON", "PRAGMA secure_delete = ON"};
    kind.steps = {
        {0, 2,
         [](sql::Database& database) {
             return database.execute(kCreateVersion2) && database.execute(kCreateSessions) &&
                    database.execute(kCreateReview);
         }},
        // Results from version 1 carry no fingerprint: they are marked stale when their pack next loads.
        {1, 2,
         [](sql::Database& database) {
             return database.execute(kCreateSessions) && database.execute(kMigrate1To2) &&
                    database.execute(kCreateReview) && fillNameKeys(database) &&
                    database.execute("CREATE UNIQUE INDEX profiles_by_key ON profiles(name_key)");
         }},
        {2, 3,
         [](sql::Database& database) {
             return database.execute(kMigrate2To3) &&
                    database.execute(std::string("INSERT INTO item_latest SELECT ") + kLatestOfResults +
                                     " WHERE stale = 0 GROUP BY profile_id, pack_id, item_id");
         }},
        {3, 4,
         [](sql::Database& database) {
             return database.execute(kMigrate3To4) && migrateSchedulesToFsrs(database);
         }},
    };
    return kind;
}

}  // namespace passerelles

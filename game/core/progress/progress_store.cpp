// SQLite progress store: schema and migrations, profiles, sessions, results, review queue, export.
//
// Sections:
//   1. Schema (version 4) and the migrations from versions 1, 2 and 3
//   2. Opening: folder, damaged files moved aside, pragmas
//   3. Profiles
//   4. Sessions
//   5. Results, stale marking and the review queue
//   6. Queries for the dashboard
//   7. Every result, for the CSV export
//   8. One-file backup
#include "core/progress/progress_store.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <ctime>
#include <map>
#include <unordered_map>
#include <unordered_set>

#include "core/base/file_writing.hpp"
#include "core/base/platform.hpp"
#include "core/base/sqlite_file.hpp"
#include "core/base/text.hpp"
#include "core/content/fingerprint.hpp"

namespace passerelles {

// ---------------------------------------------------------------------------------------------
// 1. Schema (version 4) and the migrations from versions 1, 2 and 3
// ---------------------------------------------------------------------------------------------

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
// The columns of item_latest, in order, from a group of results: with MAX(id), SQLite takes the other
// columns from the row that holds the maximum, the latest result.
constexpr const char* kLatestOfResults =
    "profile_id, pack_id, item_id, MAX(id), COUNT(*), activity_kind, activity_id, outcome, points, "
    "max_points, recorded_at FROM results";

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

// Tables keyed by profile first are searched by item for every profile that has results: without the
// profile, SQLite could not use their keys and would read every row once per changed item.
constexpr const char* kEveryProfileWithResults =
    "profile_id IN (SELECT DISTINCT profile_id FROM activity_totals)";

std::int64_t systemClock() {
    return std::chrono::duration_cast<std::chrono::seconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

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

const char* outcomeKeyword(Outcome outcome) {
    switch (outcome) {
        case Outcome::Right:
            return "right";
        case Outcome::Partial:
            return "partial";
        case Outcome::Wrong:
            return "wrong";
    }
    return "wrong";
}

std::optional<Outcome> outcomeFromKeyword(const std::string& keyword) {
    if (keyword == "right") {
        return Outcome::Right;
    }
    if (keyword == "partial") {
        return Outcome::Partial;
    }
    if (keyword == "wrong") {
        return Outcome::Wrong;
    }
    return std::nullopt;
}

std::optional<ActivityKind> activityKindFromKeyword(const std::string& keyword) {
    for (const ActivityKind kind :
         {ActivityKind::Quiz, ActivityKind::Myths, ActivityKind::Scenario, ActivityKind::SelfDiagnostic}) {
        if (keyword == activityKindKeyword(kind)) {
            return kind;
        }
    }
    return std::nullopt;
}

std::vector<ItemFingerprint> fingerprintsOf(const Pack& pack) {
    std::vector<ItemFingerprint> items;
    for (const auto& quiz : pack.quizzes) {
        for (const auto& question : quiz.questions) {
            items.push_back({pack.id, question.id, fingerprint(question)});
        }
    }
    for (const auto& deck : pack.decks) {
        for (const auto& card : deck.cards) {
            items.push_back({pack.id, card.id, fingerprint(card)});
        }
    }
    for (const auto& scenario : pack.scenarios) {
        items.push_back({pack.id, scenario.id, fingerprint(scenario)});
    }
    for (const auto& diagnostic : pack.diagnostics) {
        items.push_back({pack.id, diagnostic.id, fingerprint(diagnostic)});
    }
    return items;
}

// The file's kind for the shared opening: its id, the tables it held before it had one, and the steps
// from each older version. A new version is one more step (and kProgressSchemaVersion bumped).
SqliteFileKind ProgressStore::fileKind() {
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

// Names are unique without regard to case or accents: "Élise" and "elise" are the same person.
bool ProgressStore::fillNameKeys(sql::Database& database) {
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
bool ProgressStore::migrateSchedulesToFsrs(sql::Database& database) {
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

std::string profileNameKey(const std::string& name) {
    return foldForSearch(name);
}

// ---------------------------------------------------------------------------------------------
// 2. Opening
// ---------------------------------------------------------------------------------------------

ProgressStore::ProgressStore(std::filesystem::path file, std::unique_ptr<sql::Database> database, Clock clock)
    : file_(std::move(file)),
      database_(std::move(database)),
      clock_(clock ? std::move(clock) : Clock(systemClock)) {}

bool ProgressStore::fail(const std::string& what) {
    lastErrorNoSpace_ = database_->errorMeansNoSpace();
    lastError_ =
        (lastErrorNoSpace_ ? "Enregistrement impossible (disque plein, ou dossier en lecture seule) : "
                           : "Erreur de la base de progression (") +
        what +
        (lastErrorNoSpace_
             ? ". Libérez de la place sur le disque : la suite sera enregistrée, ce qui l’a déjà été "
               "est conservé."
             : ") : " + explainSqliteError(database_->errorCode()) + ".");
    database_->clearError();
    return false;
}

ProgressStore::Opened ProgressStore::open(const std::filesystem::path& file, Clock clock) {
    Opened opened;
    if (!clock) {
        clock = systemClock;
    }
    SqliteFileOpening opening = openSqliteFile(file, fileKind(), clock);
    for (const std::string& notice : opening.notices) {
        opened.notice += (opened.notice.empty() ? "" : " ") + notice;
    }
    if (!opening.database) {
        opened.error =
            opening.error +
            " La progression ne sera pas enregistrée ; au besoin, choisissez un autre dossier avec "
            "--data-dir.";
        return opened;
    }
    opened.store.reset(new ProgressStore(file, std::move(opening.database), std::move(clock)));
    return opened;
}

int ProgressStore::schemaVersion() {
    return static_cast<int>(database_->queryInteger("PRAGMA user_version").value_or(-1));
}

std::int64_t ProgressStore::startOfToday() const {
    const std::time_t time = static_cast<std::time_t>(clock_());
    std::tm local = platform::localTime(time);
    local.tm_hour = 0;
    local.tm_min = 0;
    local.tm_sec = 0;
    local.tm_isdst = -1;
    return static_cast<std::int64_t>(std::mktime(&local));
}

// ---------------------------------------------------------------------------------------------
// 3. Profiles
// ---------------------------------------------------------------------------------------------

std::vector<ProfileInfo> ProgressStore::profiles() {
    std::vector<ProfileInfo> list;
    sql::Statement statement(
        *database_,
        "SELECT id, name, created_at, last_used_at FROM profiles ORDER BY last_used_at DESC, name");
    while (statement.step()) {
        list.push_back({statement.integer(0), statement.text(1), statement.integer(2), statement.integer(3)});
    }
    return list;
}

namespace {

// Spaces trimmed; empty when the name is not usable (too long, not UTF-8).
std::string usableProfileName(const std::string& name) {
    std::string trimmed = name;
    while (!trimmed.empty() && trimmed.back() == ' ') {
        trimmed.pop_back();
    }
    while (!trimmed.empty() && trimmed.front() == ' ') {
        trimmed.erase(trimmed.begin());
    }
    if (trimmed.size() > 60 || findInvalidUtf8(trimmed)) {
        return {};
    }
    return trimmed;
}

}  // namespace

std::optional<std::int64_t> ProgressStore::createProfile(const std::string& name) {
    const std::string trimmed = usableProfileName(name);
    if (trimmed.empty()) {
        lastError_ = "Choisissez un nom ou un pseudonyme de 1 à 60 caractères.";
        return std::nullopt;
    }
    sql::Transaction transaction(*database_);
    sql::Statement statement(
        *database_, "INSERT INTO profiles(name, name_key, created_at, last_used_at) VALUES (?, ?, ?, ?)");
    statement.bind(1, trimmed).bind(2, profileNameKey(trimmed)).bind(3, now()).bind(4, now());
    if (!transaction.begun() || !statement.run() || !transaction.commit()) {
        if ((database_->errorCode() & 0xFF) == 19) {  // SQLITE_CONSTRAINT: the name is taken
            database_->clearError();
            lastError_ =
                "Un profil « " + trimmed + " » existe déjà : choisissez-le dans la liste, ou un autre nom.";
            return std::nullopt;
        }
        fail("création du profil");
        return std::nullopt;
    }
    keepJournal();
    return database_->lastInsertId();
}

std::optional<std::int64_t> ProgressStore::useOrCreateProfile(const std::string& name) {
    const std::string trimmed = usableProfileName(name);
    if (trimmed.empty()) {
        lastError_ = "Choisissez un nom ou un pseudonyme de 1 à 60 caractères.";
        return std::nullopt;
    }
    // One write transaction for the look-up and the creation: two games given the same name at once
    // both end up on one profile, neither as a guest.
    sql::Transaction transaction(*database_);
    if (!transaction.begun()) {
        fail("création du profil");
        return std::nullopt;
    }
    sql::Statement find(*database_, "SELECT id FROM profiles WHERE name_key = ?");
    find.bind(1, profileNameKey(trimmed));
    std::int64_t id = 0;
    if (find.step()) {
        id = find.integer(0);
        sql::Statement touch(*database_, "UPDATE profiles SET last_used_at = ? WHERE id = ?");
        touch.bind(1, now()).bind(2, id);
        if (!touch.run()) {
            fail("profil");
            return std::nullopt;
        }
    } else {
        sql::Statement insert(
            *database_, "INSERT INTO profiles(name, name_key, created_at, last_used_at) VALUES (?, ?, ?, ?)");
        insert.bind(1, trimmed).bind(2, profileNameKey(trimmed)).bind(3, now()).bind(4, now());
        if (!insert.run()) {
            fail("création du profil");
            return std::nullopt;
        }
        id = database_->lastInsertId();
    }
    if (!transaction.commit()) {
        fail("création du profil");
        return std::nullopt;
    }
    keepJournal();
    return id;
}

bool ProgressStore::renameProfile(std::int64_t id, const std::string& name) {
    const std::string trimmed = usableProfileName(name);
    if (trimmed.empty()) {
        lastError_ = "Choisissez un nom ou un pseudonyme de 1 à 60 caractères.";
        return false;
    }
    sql::Transaction transaction(*database_);
    sql::Statement statement(*database_, "UPDATE profiles SET name = ?, name_key = ? WHERE id = ?");
    statement.bind(1, trimmed).bind(2, profileNameKey(trimmed)).bind(3, id);
    if (!transaction.begun() || !statement.run() || !transaction.commit()) {
        if ((database_->errorCode() & 0xFF) == 19) {  // SQLITE_CONSTRAINT: the name is taken
            database_->clearError();
            lastError_ = "Un autre profil s’appelle déjà « " + trimmed + " » : choisissez un autre nom.";
            return false;
        }
        return fail("changement de nom du profil");
    }
    keepJournal();
    return true;
}

ProfileSettings ProgressStore::settingsOf(std::int64_t profileId) {
    sql::Statement statement(*database_, "SELECT desired_retention, daily_goal FROM profiles WHERE id = ?");
    statement.bind(1, profileId);
    ProfileSettings settings;
    if (statement.step()) {
        settings.desiredRetention = std::clamp(statement.real(0), kMinimumRetention, kMaximumRetention);
        settings.dailyGoal = std::clamp(static_cast<int>(statement.integer(1)), 1, kMaximumDailyGoal);
    }
    return settings;
}

bool ProgressStore::setDesiredRetention(std::int64_t profileId, double retention) {
    sql::Statement statement(*database_, "UPDATE profiles SET desired_retention = ? WHERE id = ?");
    // Whole percents: the setting moves by 1 % and reads back as it was shown.
    statement.bind(1, std::round(std::clamp(retention, kMinimumRetention, kMaximumRetention) * 100.0) / 100.0)
        .bind(2, profileId);
    if (!statement.run()) {
        return fail("réglage de la rétention");
    }
    keepJournal();
    return true;
}

bool ProgressStore::setDailyGoal(std::int64_t profileId, int goal) {
    sql::Transaction transaction(*database_);
    sql::Statement statement(*database_, "UPDATE profiles SET daily_goal = ? WHERE id = ?");
    statement.bind(1, std::clamp(goal, 1, kMaximumDailyGoal)).bind(2, profileId);
    sql::Statement today(*database_, "UPDATE daily_counts SET goal = ? WHERE profile_id = ? AND day = ?");
    today.bind(1, std::clamp(goal, 1, kMaximumDailyGoal)).bind(2, profileId).bind(3, localDayNumber(now()));
    if (!transaction.begun() || !statement.run() || !today.run() || !transaction.commit()) {
        return fail("réglage de l’objectif du jour");
    }
    keepJournal();
    return true;
}

std::optional<ProfileInfo> ProgressStore::findProfile(std::int64_t id) {
    sql::Statement statement(*database_,
                             "SELECT id, name, created_at, last_used_at FROM profiles WHERE id = ?");
    statement.bind(1, id);
    if (!statement.step()) {
        return std::nullopt;
    }
    return ProfileInfo{statement.integer(0), statement.text(1), statement.integer(2), statement.integer(3)};
}

bool ProgressStore::touchProfile(std::int64_t id) {
    sql::Statement statement(*database_, "UPDATE profiles SET last_used_at = ? WHERE id = ?");
    statement.bind(1, now()).bind(2, id);
    return statement.run() || fail("profil");
}

std::optional<std::int64_t> ProgressStore::lastUsedProfile() {
    return database_->queryInteger("SELECT id FROM profiles ORDER BY last_used_at DESC LIMIT 1");
}

bool ProgressStore::deleteProfile(std::int64_t id) {
    {
        sql::Transaction transaction(*database_);
        sql::Statement statement(*database_, "DELETE FROM profiles WHERE id = ?");
        statement.bind(1, id);
        if (!transaction.begun() || !statement.run() || !transaction.commit()) {
            return fail("suppression du profil");
        }
    }
    // secure_delete zeroed the freed pages; folding the journal back removes the last copies.
    database_->execute("PRAGMA wal_checkpoint(TRUNCATE)");
    database_->clearError();
    return true;
}

// ---------------------------------------------------------------------------------------------
// 4. Sessions
// ---------------------------------------------------------------------------------------------

std::optional<std::int64_t> ProgressStore::startSession(std::int64_t profileId, const std::string& packId,
                                                        const std::string& packVersion, ActivityKind kind,
                                                        const std::string& activityId) {
    sql::Statement statement(
        *database_,
        "INSERT INTO sessions(profile_id, pack_id, pack_version, activity_kind, activity_id, "
        "started_at) VALUES (?, ?, ?, ?, ?, ?)");
    statement.bind(1, profileId)
        .bind(2, packId)
        .bind(3, packVersion)
        .bind(4, activityKindKeyword(kind))
        .bind(5, activityId)
        .bind(6, now());
    if (!statement.run()) {
        failSaving("début de session");
        return std::nullopt;
    }
    return database_->lastInsertId();
}

bool ProgressStore::saveSessionState(std::int64_t sessionId, const std::string& state) {
    sql::Statement statement(*database_, "UPDATE sessions SET state = ? WHERE id = ?");
    statement.bind(1, state).bind(2, sessionId);
    return statement.run() || failSaving("sauvegarde de la partie");
}

bool ProgressStore::finishSession(std::int64_t sessionId, double score, double maxScore) {
    sql::Statement statement(
        *database_, "UPDATE sessions SET finished_at = ?, score = ?, max_score = ?, state = '' WHERE id = ?");
    statement.bind(1, now()).bind(2, score).bind(3, maxScore).bind(4, sessionId);
    return statement.run() || failSaving("fin de session");
}

bool ProgressStore::abandonSession(std::int64_t sessionId) {
    sql::Statement statement(*database_, "UPDATE sessions SET abandoned = 1, state = '' WHERE id = ?");
    statement.bind(1, sessionId);
    return statement.run() || failSaving("abandon de session");
}

std::optional<SessionInfo> ProgressStore::unfinishedSession(std::int64_t profileId, const std::string& packId,
                                                            ActivityKind kind,
                                                            const std::string& activityId) {
    sql::Statement statement(
        *database_,
        "SELECT id, pack_version, started_at, state FROM sessions WHERE profile_id = ? AND "
        "pack_id = ? AND activity_kind = ? AND activity_id = ? AND finished_at = 0 AND "
        "abandoned = 0 AND state <> '' ORDER BY id DESC LIMIT 1");
    statement.bind(1, profileId).bind(2, packId).bind(3, activityKindKeyword(kind)).bind(4, activityId);
    if (!statement.step()) {
        return std::nullopt;
    }
    SessionInfo session;
    session.id = statement.integer(0);
    session.profileId = profileId;
    session.packId = packId;
    session.packVersion = statement.text(1);
    session.kind = kind;
    session.activityId = activityId;
    session.startedAt = statement.integer(2);
    session.state = statement.text(3);
    return session;
}

// ---------------------------------------------------------------------------------------------
// 5. Results, stale marking and the review queue
// ---------------------------------------------------------------------------------------------

bool ProgressStore::record(const ResultRecord& result) {
    sql::Transaction transaction(*database_);
    if (!transaction.begun()) {
        return failSaving("enregistrement");
    }
    sql::Statement insert(
        *database_,
        "INSERT INTO results(profile_id, session_id, recorded_at, pack_id, pack_version, "
        "activity_kind, activity_id, item_id, fingerprint, outcome, points, max_points, detail, "
        "active_seconds, review, drill) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    insert.bind(1, result.profileId);
    if (result.sessionId > 0) {
        insert.bind(2, result.sessionId);
    } else {
        insert.bindNull(2);
    }
    const std::int64_t recordedAt = now();
    insert.bind(3, recordedAt)
        .bind(4, result.packId)
        .bind(5, result.packVersion)
        .bind(6, activityKindKeyword(result.kind));
    insert.bind(7, result.activityId)
        .bind(8, result.itemId)
        .bind(9, result.fingerprint)
        .bind(10, outcomeKeyword(result.outcome));
    insert.bind(11, result.points)
        .bind(12, result.maxPoints)
        .bind(13, result.detail.empty() ? "{}" : result.detail);
    insert.bind(14, result.activeSeconds).bind(15, result.review ? 1 : 0).bind(16, result.drill ? 1 : 0);
    // A drill answer is practice right after the miss: it is kept and counted as work done today, but it
    // is neither the item's latest result (the dashboard keeps the real attempt) nor a review.
    if (!insert.run() || !updateSummaries(result, database_->lastInsertId(), recordedAt) ||
        (!result.drill && !updateReviewQueue(result, recordedAt)) || !countToday(result.profileId) ||
        !transaction.commit()) {
        return failSaving("enregistrement du résultat");
    }
    keepJournal();
    return true;
}

bool ProgressStore::failSaving(const std::string& what) {
    fail(what);
    ++saveFailures_;
    lastSaveFailure_ = lastError_;
    return false;
}

void ProgressStore::keepJournal() {
    if (keepJournalSafe(*database_, file_) && journalWarning_.empty()) {
        journalWarning_ = "Le journal « " + file_.filename().string() +
                          "-wal » a été effacé pendant la partie : chaque réponse est désormais reportée "
                          "aussitôt dans « " +
                          file_.filename().string() + " », rien n’est perdu.";
    }
}

// The version-3 summaries move with each result, in its transaction: they never disagree with results.
bool ProgressStore::updateSummaries(const ResultRecord& result, std::int64_t resultId,
                                    std::int64_t recordedAt) {
    sql::Statement latest(
        *database_,
        "INSERT INTO item_latest(profile_id, pack_id, item_id, result_id, attempts, "
        "activity_kind, activity_id, outcome, points, max_points, recorded_at) VALUES (?, ?, "
        "?, ?, 1, ?, ?, ?, ?, ?, ?) ON CONFLICT(profile_id, pack_id, item_id) DO UPDATE SET "
        "result_id = excluded.result_id, attempts = attempts + 1, activity_kind = "
        "excluded.activity_kind, activity_id = excluded.activity_id, outcome = "
        "excluded.outcome, points = excluded.points, max_points = excluded.max_points, "
        "recorded_at = excluded.recorded_at");
    latest.bind(1, result.profileId).bind(2, result.packId).bind(3, result.itemId).bind(4, resultId);
    latest.bind(5, activityKindKeyword(result.kind))
        .bind(6, result.activityId)
        .bind(7, outcomeKeyword(result.outcome));
    latest.bind(8, result.points).bind(9, result.maxPoints).bind(10, recordedAt);
    const bool latestDone = result.drill || latest.run();
    sql::Statement totals(*database_,
                          "INSERT INTO activity_totals(profile_id, pack_id, activity_id, results, "
                          "active_seconds) VALUES (?, ?, ?, 1, ?) ON CONFLICT(profile_id, pack_id, "
                          "activity_id) DO UPDATE SET results = results + 1, active_seconds = "
                          "active_seconds + excluded.active_seconds");
    totals.bind(1, result.profileId)
        .bind(2, result.packId)
        .bind(3, result.activityId)
        .bind(4, result.activeSeconds);
    sql::Statement live(
        *database_,
        "INSERT OR IGNORE INTO live_fingerprints(pack_id, item_id, fingerprint) VALUES (?, ?, ?)");
    live.bind(1, result.packId).bind(2, result.itemId).bind(3, result.fingerprint);
    return latestDone && totals.run() && live.run();
}

// Missed questions and cards enter the queue; an item already queued moves by FSRS, at the profile's
// desired retention, and every such review is logged.
bool ProgressStore::updateReviewQueue(const ResultRecord& result, std::int64_t recordedAt) {
    if (result.kind != ActivityKind::Quiz && result.kind != ActivityKind::Myths) {
        return true;
    }
    const FsrsScheduler scheduler(settingsOf(result.profileId).desiredRetention);
    const Rating rating = ratingFor(result.outcome);
    sql::Statement find(*database_, std::string(kScheduleColumns) +
                                        ", fingerprint FROM review_items WHERE profile_id = ? AND pack_id = "
                                        "? AND item_id = ?");
    find.bind(1, result.profileId).bind(2, result.packId).bind(3, result.itemId);
    std::optional<ReviewSchedule> previous;
    if (find.step() && find.text(7) == result.fingerprint) {
        previous = readSchedule(find, 0);
    }
    std::optional<ReviewSchedule> schedule;
    if (previous) {
        schedule = scheduler.review(*previous, rating, startOfToday());
    } else if (result.outcome != Outcome::Right) {
        schedule = scheduler.first(rating, startOfToday());
    }
    if (!schedule) {
        return true;
    }
    sql::Statement upsert(
        *database_,
        "INSERT OR REPLACE INTO review_items(profile_id, pack_id, activity_kind, activity_id, "
        "item_id, fingerprint, interval_days, ease, repetitions, lapses, due_at, stability, difficulty, "
        "last_review_at) VALUES (?, ?, ?, ?, ?, ?, ?, 2.5, ?, ?, ?, ?, ?, ?)");
    upsert.bind(1, result.profileId)
        .bind(2, result.packId)
        .bind(3, activityKindKeyword(result.kind))
        .bind(4, result.activityId);
    upsert.bind(5, result.itemId).bind(6, result.fingerprint).bind(7, schedule->intervalDays);
    upsert.bind(8, schedule->reviews).bind(9, schedule->lapses).bind(10, schedule->dueAt);
    upsert.bind(11, schedule->memory.stability)
        .bind(12, schedule->memory.difficulty)
        .bind(13, schedule->lastReviewAt);
    sql::Statement log(*database_,
                       "INSERT INTO review_log(profile_id, pack_id, item_id, reviewed_at, rating, "
                       "elapsed_days, scheduled_days, stability_before, difficulty_before, "
                       "stability_after, difficulty_after, desired_retention) VALUES (?, ?, ?, ?, ?, ?, ?, "
                       "?, ?, ?, ?, ?)");
    log.bind(1, result.profileId).bind(2, result.packId).bind(3, result.itemId).bind(4, recordedAt);
    log.bind(5, static_cast<int>(rating))
        .bind(6, previous ? std::max(0, daysBetween(previous->lastReviewAt, startOfToday())) : 0)
        .bind(7, schedule->intervalDays);
    log.bind(8, previous ? previous->memory.stability : 0.0)
        .bind(9, previous ? previous->memory.difficulty : 0.0)
        .bind(10, schedule->memory.stability);
    log.bind(11, schedule->memory.difficulty).bind(12, scheduler.desiredRetention());
    return upsert.run() && log.run();
}

// One more item worked today, against the profile's goal as it is today (a later change of goal does not
// rewrite past days).
bool ProgressStore::countToday(std::int64_t profileId) {
    sql::Statement count(*database_,
                         "INSERT INTO daily_counts(profile_id, day, items, goal) VALUES (?1, ?2, 1, "
                         "(SELECT daily_goal FROM profiles WHERE id = ?1)) ON CONFLICT(profile_id, day) DO "
                         "UPDATE SET items = items + 1, goal = excluded.goal");
    count.bind(1, profileId).bind(2, localDayNumber(now()));
    return count.run();
}

int ProgressStore::markStale(const std::vector<ItemFingerprint>& current) {
    // Keyed by "pack \x1F item": one hash look-up for each fingerprint that results were answered on.
    const auto key = [](const std::string& pack, const std::string& item) { return pack + '\x1F' + item; };
    std::unordered_map<std::string, const std::string*> now;
    std::unordered_set<std::string> packs;
    now.reserve(current.size());
    for (const auto& item : current) {
        now[key(item.packId, item.itemId)] = &item.fingerprint;
        packs.insert(item.packId);
    }
    struct Change {
        std::string pack;
        std::string item;
        std::string fingerprint;
    };
    std::vector<Change> changed;
    {
        sql::Statement live(*database_, "SELECT pack_id, item_id, fingerprint FROM live_fingerprints");
        while (live.step()) {
            Change change{live.text(0), live.text(1), live.text(2)};
            if (packs.count(change.pack) == 0) {
                continue;  // that pack is not loaded today (a USB stick left at home): leave its results
                           // alone
            }
            const auto found = now.find(key(change.pack, change.item));
            if (found == now.end() || *found->second != change.fingerprint) {
                changed.push_back(std::move(change));
            }
        }
    }
    if (changed.empty()) {
        return 0;
    }
    const std::string everyProfile = kEveryProfileWithResults;
    sql::Transaction transaction(*database_);
    sql::Statement mark(*database_, "UPDATE results SET stale = 1 WHERE " + everyProfile +
                                        " AND pack_id = ? AND item_id = ? AND fingerprint = ? AND stale = 0");
    sql::Statement unqueue(*database_, "DELETE FROM review_items WHERE " + everyProfile +
                                           " AND pack_id = ? AND item_id = ? AND fingerprint = ?");
    sql::Statement forget(*database_,
                          "DELETE FROM live_fingerprints WHERE pack_id = ? AND item_id = ? AND "
                          "fingerprint = ?");
    // The item's latest result and attempts, recounted from what is left non-stale.
    sql::Statement unsummarise(
        *database_, "DELETE FROM item_latest WHERE " + everyProfile + " AND pack_id = ? AND item_id = ?");
    sql::Statement summarise(*database_, std::string("INSERT INTO item_latest SELECT ") + kLatestOfResults +
                                             " WHERE " + everyProfile +
                                             " AND pack_id = ?1 AND item_id = ?2 AND stale = 0 AND drill = 0 "
                                             "GROUP BY profile_id");
    int marked = 0;
    bool done = transaction.begun();
    for (const auto& change : changed) {
        for (sql::Statement* statement : {&mark, &unqueue, &forget}) {
            statement->reset();
            statement->bind(1, change.pack).bind(2, change.item).bind(3, change.fingerprint);
            done = done && statement->run();
            marked += statement == &mark ? database_->changes() : 0;
        }
        for (sql::Statement* statement : {&unsummarise, &summarise}) {
            statement->reset();
            statement->bind(1, change.pack).bind(2, change.item);
            done = done && statement->run();
        }
    }
    if (!done || !transaction.commit()) {
        fail("marquage des résultats obsolètes");
        return 0;
    }
    return marked;
}

// ---------------------------------------------------------------------------------------------
// 6. Queries for the dashboard
// ---------------------------------------------------------------------------------------------

std::vector<ItemProgress> ProgressStore::latestResults(std::int64_t profileId, const std::string& packId) {
    // Read in key order and sorted here: an ORDER BY made SQLite copy every row through a sorter,
    // a third of the dashboard's time over a long history.
    std::vector<std::pair<std::int64_t, ItemProgress>> rows;
    sql::Statement statement(
        *database_,
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

std::vector<ActivityTotals> ProgressStore::activityTotals(std::int64_t profileId, const std::string& packId) {
    std::map<std::pair<std::string, std::string>, ActivityTotals> totals;
    {
        sql::Statement time(
            *database_,
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
        *database_,
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

std::int64_t ProgressStore::resultCount(std::int64_t profileId) {
    sql::Statement statement(*database_,
                             "SELECT COALESCE(SUM(results), 0) FROM activity_totals WHERE profile_id = ?");
    statement.bind(1, profileId);
    return statement.step() ? statement.integer(0) : 0;
}

std::string ProgressStore::resultDetail(std::int64_t resultId) {
    sql::Statement statement(*database_, "SELECT detail FROM results WHERE id = ?");
    statement.bind(1, resultId);
    return statement.step() ? statement.text(0) : std::string();
}

DailyGoalStatus ProgressStore::dailyGoal(std::int64_t profileId) {
    const std::int64_t today = localDayNumber(now());
    std::vector<DayCount> days;
    // Newest first, read only as far as the days in a row go (the first gap or unmet day ends them).
    sql::Statement statement(*database_,
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
    return dailyGoalStatus(days, today, settingsOf(profileId).dailyGoal);
}

std::vector<std::pair<std::pair<std::string, std::string>, int>> ProgressStore::itemsSeenPerActivity(
    std::int64_t profileId) {
    std::vector<std::pair<std::pair<std::string, std::string>, int>> counts;
    sql::Statement statement(*database_,
                             "SELECT pack_id, activity_id, COUNT(*) FROM item_latest WHERE profile_id = ? "
                             "GROUP BY pack_id, activity_id");
    statement.bind(1, profileId);
    while (statement.step()) {
        counts.push_back({{statement.text(0), statement.text(1)}, static_cast<int>(statement.integer(2))});
    }
    return counts;
}

std::vector<ReviewLogEntry> ProgressStore::reviewLog(std::int64_t profileId) {
    std::vector<ReviewLogEntry> log;
    sql::Statement statement(
        *database_,
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

std::vector<ReviewEntry> ProgressStore::reviewQueue(std::int64_t profileId) {
    sql::Statement statement(*database_, reviewColumns() + " ORDER BY due_at, pack_id, item_id");
    statement.bind(1, profileId);
    return readReviews(statement);
}

std::size_t ProgressStore::dueReviewCount(std::int64_t profileId, std::int64_t until) {
    sql::Statement statement(*database_,
                             "SELECT COUNT(*) FROM review_items WHERE profile_id = ? AND due_at <= ?");
    statement.bind(1, profileId).bind(2, until);
    return statement.step() ? static_cast<std::size_t>(statement.integer(0)) : 0;
}

std::vector<ReviewEntry> ProgressStore::dueReviews(std::int64_t profileId, std::int64_t until) {
    sql::Statement statement(*database_,
                             reviewColumns() + " AND due_at <= ?2 ORDER BY due_at, pack_id, item_id");
    statement.bind(1, profileId).bind(2, until);
    return readReviews(statement);
}

// ---------------------------------------------------------------------------------------------
// 7. Every result, for the CSV export (progress_export.cpp)
// ---------------------------------------------------------------------------------------------

void ProgressStore::forEachResult(std::int64_t profileId,
                                  const std::function<void(const StoredResult&)>& visit) {
    sql::Statement statement(
        *database_,
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

// ---------------------------------------------------------------------------------------------
// 8. One-file backup
// ---------------------------------------------------------------------------------------------

// VACUUM INTO writes, through this connection, a consistent copy of everything committed, the results
// still in progress.db-wal included, as one database file with no journal beside it (and, with
// secure_delete, none of the freed pages). It refuses an existing file, so it writes a fresh name in the
// target's folder, which is synced and then renamed over the target: a backup is whole or absent.
bool ProgressStore::backupTo(const std::filesystem::path& target) {
    const std::filesystem::path folder = target.has_parent_path() ? target.parent_path() : ".";
    const std::filesystem::path temporary =
        folder / ("." + target.filename().string() + "." + std::to_string(platform::processId()) + "-" +
                  std::to_string(clock_()) + ".part");
    std::error_code ignored;
    std::filesystem::remove(temporary, ignored);  // a leftover of a backup interrupted in this same second
    sql::Statement statement(*database_, "VACUUM INTO ?");
    statement.bind(1, temporary.string());
    if (!statement.ok() || !statement.run()) {
        std::filesystem::remove(temporary, ignored);
        return fail("sauvegarde dans " + guillemets(target.string()));
    }
    const bool synced = platform::syncFile(temporary);
    std::error_code renamed;
    if (synced) {
        std::filesystem::rename(temporary, target, renamed);
    }
    if (!synced || renamed) {
        std::filesystem::remove(temporary, ignored);
        lastErrorNoSpace_ = false;
        lastError_ = "La sauvegarde n’a pas pu être écrite dans " + guillemets(target.string()) +
                     (renamed ? " : " + renamed.message() + "." : ".");
        return false;
    }
    return true;
}

}  // namespace passerelles

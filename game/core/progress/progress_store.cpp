// SQLite progress store: schema and migrations, profiles, sessions, results, review queue, export.
//
// Sections:
//   1. Schema (version 3) and the migrations from versions 1 and 2
//   2. Opening: folder, damaged files moved aside, pragmas
//   3. Profiles
//   4. Sessions
//   5. Results, stale marking and the review queue
//   6. Queries for the dashboard
//   7. CSV export
//   8. One-file backup
#include "core/progress/progress_store.hpp"

#include <algorithm>
#include <chrono>
#include <ctime>
#include <map>
#include <unordered_map>
#include <unordered_set>

#include "core/base/csv_writer.hpp"
#include "core/base/file_writing.hpp"
#include "core/base/platform.hpp"
#include "core/base/sqlite_file.hpp"
#include "core/base/text.hpp"
#include "core/content/fingerprint.hpp"

namespace passerelles {

// ---------------------------------------------------------------------------------------------
// 1. Schema (version 3) and the migrations from versions 1 and 2
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

// Tables keyed by profile first are searched by item for every profile that has results: without the
// profile, SQLite could not use their keys and would read every row once per changed item.
constexpr const char* kEveryProfileWithResults =
    "profile_id IN (SELECT DISTINCT profile_id FROM activity_totals)";

std::int64_t systemClock() {
    return std::chrono::duration_cast<std::chrono::seconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

std::string localTimestamp(std::int64_t seconds, const char* format) {
    const std::time_t time = static_cast<std::time_t>(seconds);
    const std::tm local = platform::localTime(time);
    char buffer[64];
    std::strftime(buffer, sizeof buffer, format, &local);
    return buffer;
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
    kind.knownTables = {"profiles",    "results",         "sessions",         "review_items",
                        "item_latest", "activity_totals", "live_fingerprints"};
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
        fail("début de session");
        return std::nullopt;
    }
    return database_->lastInsertId();
}

bool ProgressStore::saveSessionState(std::int64_t sessionId, const std::string& state) {
    sql::Statement statement(*database_, "UPDATE sessions SET state = ? WHERE id = ?");
    statement.bind(1, state).bind(2, sessionId);
    return statement.run() || fail("sauvegarde de la partie");
}

bool ProgressStore::finishSession(std::int64_t sessionId, double score, double maxScore) {
    sql::Statement statement(
        *database_, "UPDATE sessions SET finished_at = ?, score = ?, max_score = ?, state = '' WHERE id = ?");
    statement.bind(1, now()).bind(2, score).bind(3, maxScore).bind(4, sessionId);
    return statement.run() || fail("fin de session");
}

bool ProgressStore::abandonSession(std::int64_t sessionId) {
    sql::Statement statement(*database_, "UPDATE sessions SET abandoned = 1, state = '' WHERE id = ?");
    statement.bind(1, sessionId);
    return statement.run() || fail("abandon de session");
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
        return fail("enregistrement");
    }
    sql::Statement insert(
        *database_,
        "INSERT INTO results(profile_id, session_id, recorded_at, pack_id, pack_version, "
        "activity_kind, activity_id, item_id, fingerprint, outcome, points, max_points, detail, "
        "active_seconds, review) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
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
    insert.bind(14, result.activeSeconds).bind(15, result.review ? 1 : 0);
    if (!insert.run() || !updateSummaries(result, database_->lastInsertId(), recordedAt) ||
        !updateReviewQueue(result) || !transaction.commit()) {
        return fail("enregistrement du résultat");
    }
    keepJournal();
    return true;
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
    return latest.run() && totals.run() && live.run();
}

// Missed questions and cards enter the queue; an item already queued moves by the scheduler's rules.
bool ProgressStore::updateReviewQueue(const ResultRecord& result) {
    if (result.kind != ActivityKind::Quiz && result.kind != ActivityKind::Myths) {
        return true;
    }
    sql::Statement find(
        *database_,
        "SELECT interval_days, ease, repetitions, lapses, due_at, fingerprint FROM review_items "
        "WHERE profile_id = ? AND pack_id = ? AND item_id = ?");
    find.bind(1, result.profileId).bind(2, result.packId).bind(3, result.itemId);
    std::optional<ReviewSchedule> schedule;
    if (find.step() && find.text(5) == result.fingerprint) {
        ReviewSchedule previous{find.real(0), find.real(1), static_cast<int>(find.integer(2)),
                                static_cast<int>(find.integer(3)), find.integer(4)};
        schedule = afterReview(previous, result.outcome, startOfToday());
    } else if (result.outcome != Outcome::Right) {
        schedule = firstMiss(startOfToday());
    }
    if (!schedule) {
        return true;
    }
    sql::Statement upsert(
        *database_,
        "INSERT OR REPLACE INTO review_items(profile_id, pack_id, activity_kind, activity_id, "
        "item_id, fingerprint, interval_days, ease, repetitions, lapses, due_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    upsert.bind(1, result.profileId)
        .bind(2, result.packId)
        .bind(3, activityKindKeyword(result.kind))
        .bind(4, result.activityId);
    upsert.bind(5, result.itemId)
        .bind(6, result.fingerprint)
        .bind(7, schedule->intervalDays)
        .bind(8, schedule->ease);
    upsert.bind(9, schedule->repetitions).bind(10, schedule->lapses).bind(11, schedule->dueAt);
    return upsert.run();
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
    sql::Statement summarise(*database_,
                             std::string("INSERT INTO item_latest SELECT ") + kLatestOfResults + " WHERE " +
                                 everyProfile +
                                 " AND pack_id = ?1 AND item_id = ?2 AND stale = 0 GROUP BY profile_id");
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
        rows.emplace_back(statement.integer(9), std::move(item));
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

namespace {

std::vector<ReviewEntry> readReviews(sql::Statement& statement) {
    std::vector<ReviewEntry> entries;
    while (statement.step()) {
        ReviewEntry entry;
        entry.packId = statement.text(0);
        entry.kind = activityKindFromKeyword(statement.text(1)).value_or(ActivityKind::Quiz);
        entry.activityId = statement.text(2);
        entry.itemId = statement.text(3);
        entry.fingerprint = statement.text(4);
        entry.schedule =
            ReviewSchedule{statement.real(5), statement.real(6), static_cast<int>(statement.integer(7)),
                           static_cast<int>(statement.integer(8)), statement.integer(9)};
        entries.push_back(std::move(entry));
    }
    return entries;
}

constexpr const char* kReviewColumns =
    "SELECT pack_id, activity_kind, activity_id, item_id, fingerprint, interval_days, ease, repetitions, "
    "lapses, "
    "due_at FROM review_items WHERE profile_id = ?1";

}  // namespace

std::vector<ReviewEntry> ProgressStore::reviewQueue(std::int64_t profileId) {
    sql::Statement statement(*database_, std::string(kReviewColumns) + " ORDER BY due_at, pack_id, item_id");
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
    sql::Statement statement(
        *database_, std::string(kReviewColumns) + " AND due_at <= ?2 ORDER BY due_at, pack_id, item_id");
    statement.bind(1, profileId).bind(2, until);
    return readReviews(statement);
}

// ---------------------------------------------------------------------------------------------
// 7. CSV export
// ---------------------------------------------------------------------------------------------

std::string ProgressStore::exportCsv(std::int64_t profileId) {
    CsvWriter csv;
    csv.row({"date", "profil", "pack", "version", "activité", "sorte", "élément", "résultat", "points",
             "points max", "durée (s)", "révision", "contenu modifié depuis", "détail"});
    sql::Statement statement(
        *database_,
        "SELECT r.recorded_at, p.name, r.pack_id, r.pack_version, r.activity_id, r.activity_kind, "
        "r.item_id, r.outcome, r.points, r.max_points, r.active_seconds, r.review, r.stale, "
        "r.detail FROM results r JOIN profiles p ON p.id = r.profile_id WHERE r.profile_id = ? "
        "ORDER BY r.id");
    statement.bind(1, profileId);
    while (statement.step()) {
        const auto outcome = outcomeFromKeyword(statement.text(7));
        const std::vector<std::string> fields = {
            localTimestamp(statement.integer(0), "%Y-%m-%d %H:%M:%S"),
            statement.text(1),
            statement.text(2),
            statement.text(3),
            statement.text(4),
            statement.text(5),
            statement.text(6),
            outcome ? outcomeLabel(*outcome) : statement.text(7),
            csvNumber(statement.real(8)),
            csvNumber(statement.real(9)),
            std::to_string(statement.integer(10)),
            statement.integer(11) != 0 ? "oui" : "non",
            statement.integer(12) != 0 ? "oui" : "non",
            statement.text(13),
        };
        csv.row(fields);
    }
    return csv.text();
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

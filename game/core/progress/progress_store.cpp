// SQLite progress store, a facade: opening, profiles, sessions, results; queries answered by
// progress_queries.cpp, the schema and its migrations in progress_schema.cpp.
//
// Sections:
//   1. Opening: the shared opening with the schema's steps, errors in French
//   2. Profiles
//   3. Sessions
//   4. Results, stale marking and the review queue
//   5. Queries, answered by progress_queries.cpp
//   6. One-file backup
#include "core/progress/progress_store.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <ctime>
#include <unordered_map>
#include <unordered_set>

#include "core/base/platform.hpp"
#include "core/base/sqlite_file.hpp"
#include "core/base/text.hpp"
#include "core/progress/progress_queries.hpp"

namespace passerelles {

namespace {

// Tables keyed by profile first are searched by item for every profile that has results: without the
// profile, SQLite could not use their keys and would read every row once per changed item.
constexpr const char* kEveryProfileWithResults =
    "profile_id IN (SELECT DISTINCT profile_id FROM activity_totals)";

std::int64_t systemClock() {
    return std::chrono::duration_cast<std::chrono::seconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// 1. Opening
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

IoResult<ProgressStore::Opened> ProgressStore::open(const std::filesystem::path& file, Clock clock) {
    if (!clock) {
        clock = systemClock;
    }
    IoResult<SqliteFile> opening = openSqliteFile(file, progressFileKind(), clock);
    if (!opening.ok()) {
        IoError error = opening.error();
        error.message +=
            " La progression ne sera pas enregistrée ; au besoin, choisissez un autre dossier avec "
            "--data-dir.";
        return error;
    }
    Opened opened;
    for (const std::string& notice : opening.value().notices) {
        opened.notice += (opened.notice.empty() ? "" : " ") + notice;
    }
    opened.store.reset(new ProgressStore(file, std::move(opening.value().database), std::move(clock)));
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
// 2. Profiles
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
// 3. Sessions
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
// 4. Results, stale marking and the review queue
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
    const std::optional<ReviewSchedule> previous =
        ProgressQueries(*database_)
            .scheduleOf(result.profileId, result.packId, result.itemId, result.fingerprint);
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
// 5. Queries, answered by progress_queries.cpp
// ---------------------------------------------------------------------------------------------

std::vector<ItemProgress> ProgressStore::latestResults(std::int64_t profileId, const std::string& packId) {
    return ProgressQueries(*database_).latestResults(profileId, packId);
}

std::vector<ActivityTotals> ProgressStore::activityTotals(std::int64_t profileId, const std::string& packId) {
    return ProgressQueries(*database_).activityTotals(profileId, packId);
}

std::int64_t ProgressStore::resultCount(std::int64_t profileId) {
    return ProgressQueries(*database_).resultCount(profileId);
}

std::string ProgressStore::resultDetail(std::int64_t resultId) {
    return ProgressQueries(*database_).resultDetail(resultId);
}

DailyGoalStatus ProgressStore::dailyGoal(std::int64_t profileId) {
    return ProgressQueries(*database_)
        .dailyGoal(profileId, localDayNumber(now()), settingsOf(profileId).dailyGoal);
}

std::vector<std::pair<std::pair<std::string, std::string>, int>> ProgressStore::itemsSeenPerActivity(
    std::int64_t profileId) {
    return ProgressQueries(*database_).itemsSeenPerActivity(profileId);
}

std::vector<ReviewLogEntry> ProgressStore::reviewLog(std::int64_t profileId) {
    return ProgressQueries(*database_).reviewLog(profileId);
}

std::vector<ReviewEntry> ProgressStore::reviewQueue(std::int64_t profileId) {
    return ProgressQueries(*database_).reviewQueue(profileId);
}

std::size_t ProgressStore::dueReviewCount(std::int64_t profileId, std::int64_t until) {
    return ProgressQueries(*database_).dueReviewCount(profileId, until);
}

std::vector<ReviewEntry> ProgressStore::dueReviews(std::int64_t profileId, std::int64_t until) {
    return ProgressQueries(*database_).dueReviews(profileId, until);
}

void ProgressStore::forEachResult(std::int64_t profileId,
                                  const std::function<void(const StoredResult&)>& visit) {
    ProgressQueries(*database_).forEachResult(profileId, visit);
}

// ---------------------------------------------------------------------------------------------
// 6. One-file backup
// ---------------------------------------------------------------------------------------------

// VACUUM INTO writes, through this connection, a consistent copy of everything committed, the results
// still in progress.db-wal included, as one database file with no journal beside it (and, with
// secure_delete, none of the freed pages). It refuses an existing file, so it writes a fresh name in the
// target's folder, which is synced and then renamed over the target: a backup is whole or absent.
IoResult<void> ProgressStore::backupTo(const std::filesystem::path& target) {
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
        fail("sauvegarde dans " + guillemets(target.string()));
        return IoError{lastError_, FileProblem::Unwritable};
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
        return IoError{lastError_, FileProblem::Unwritable, renamed};
    }
    return {};
}

}  // namespace passerelles

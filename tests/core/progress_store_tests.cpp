// Progress store: round trips, sessions and resume, stale content, review queue, export, erasure,
// migration from a version-1 file, a damaged file moved aside.
#include <doctest/doctest.h>

#include <fstream>

#include "core/base/sqlite.hpp"
#include "core/loading/pack_loader.hpp"
#include "core/progress/activity_recorder.hpp"
#include "core/progress/progress_report.hpp"
#include "core/progress/progress_store.hpp"
#include "support/progress_store_access.hpp"
#include "support/test_support.hpp"

using namespace passerelles;

namespace {

constexpr std::int64_t kNoon = 1700049600;  // 2023-11-15 12:00:00 UTC, mid-day in France

struct Fixture {
    testing::TemporaryFolder folder;
    std::int64_t now = kNoon;
    std::unique_ptr<ProgressStore> store;
    Fixture() { reopen(); }
    void reopen() {
        store.reset();
        auto opened = ProgressStore::open(folder.path() / "progress.db", [this] { return now; });
        REQUIRE_MESSAGE(opened.ok(), opened.error().message);
        store = std::move(opened.value().store);
    }
};

ResultRecord answer(std::int64_t profile, const std::string& item, Outcome outcome,
                    const std::string& fingerprint = "f1") {
    ResultRecord record;
    record.profileId = profile;
    record.packId = "cahier-ludique";
    record.packVersion = "1.0.0";
    record.kind = ActivityKind::Quiz;
    record.activityId = "connaissances";
    record.itemId = item;
    record.fingerprint = fingerprint;
    record.outcome = outcome;
    record.points = outcome == Outcome::Right ? 1.0 : 0.0;
    record.maxPoints = 1.0;
    record.activeSeconds = 12;
    return record;
}

}  // namespace

TEST_CASE("a new store has the current schema, WAL journal and full sync") {
    Fixture fixture;
    CHECK(fixture.store->schemaVersion() == kProgressSchemaVersion);
    // Pragmas of the store's own connection (synchronous is not stored in the file).
    sql::Database& database = ProgressStoreAccess::database(*fixture.store);
    CHECK(database.queryText("PRAGMA journal_mode").value_or("") == "wal");
    CHECK(database.queryInteger("PRAGMA synchronous").value_or(0) == 2);
}

TEST_CASE("profiles: create, refuse duplicates and empty names, remember the last used") {
    Fixture fixture;
    const auto elise = fixture.store->createProfile("  Élise  ");
    REQUIRE(elise);
    CHECK_FALSE(fixture.store->createProfile("élise"));  // names are compared without case
    CHECK(fixture.store->lastError().find("existe déjà") != std::string::npos);
    CHECK_FALSE(fixture.store->createProfile("   "));
    fixture.now += 100;
    const auto karim = fixture.store->createProfile("Karim");
    REQUIRE(karim);
    CHECK(fixture.store->lastUsedProfile() == karim);
    fixture.now += 100;
    fixture.store->touchProfile(*elise);
    CHECK(fixture.store->lastUsedProfile() == elise);
    CHECK(fixture.store->profiles().front().name == "Élise");
}

TEST_CASE("results round trip and survive reopening; the latest per item wins") {
    Fixture fixture;
    const auto profile = *fixture.store->createProfile("Élise");
    REQUIRE(fixture.store->record(answer(profile, "q01", Outcome::Wrong)));
    fixture.now += 60;
    REQUIRE(fixture.store->record(answer(profile, "q01", Outcome::Right)));
    REQUIRE(fixture.store->record(answer(profile, "q02", Outcome::Partial)));
    fixture.reopen();
    CHECK(fixture.store->resultCount(profile) == 3);
    const auto latest = fixture.store->latestResults(profile);
    REQUIRE(latest.size() == 2);
    CHECK(latest[0].itemId == "q01");
    CHECK(latest[0].outcome == Outcome::Right);
    CHECK(latest[0].attempts == 2);
    CHECK(latest[1].outcome == Outcome::Partial);
    const auto totals = fixture.store->activityTotals(profile);
    REQUIRE(totals.size() == 1);
    CHECK(totals[0].activeSeconds == 36);
}

TEST_CASE(
    "sessions: an unfinished play can be found with its state, a finished one counts in best and last") {
    Fixture fixture;
    const auto profile = *fixture.store->createProfile("Élise");
    const auto first =
        fixture.store->startSession(profile, "cahier-ludique", "1.0.0", ActivityKind::Quiz, "connaissances");
    REQUIRE(first);
    REQUIRE(fixture.store->saveSessionState(*first, "{\"position\":3}"));
    auto unfinished =
        fixture.store->unfinishedSession(profile, "cahier-ludique", ActivityKind::Quiz, "connaissances");
    REQUIRE(unfinished);
    CHECK(unfinished->state == "{\"position\":3}");
    REQUIRE(fixture.store->finishSession(*first, 9, 18));
    CHECK_FALSE(
        fixture.store->unfinishedSession(profile, "cahier-ludique", ActivityKind::Quiz, "connaissances"));
    const auto second =
        fixture.store->startSession(profile, "cahier-ludique", "1.0.0", ActivityKind::Quiz, "connaissances");
    fixture.now += 10;
    REQUIRE(fixture.store->finishSession(*second, 6, 18));
    const auto totals = fixture.store->activityTotals(profile, "cahier-ludique");
    REQUIRE(totals.size() == 1);
    CHECK(totals[0].finishedSessions == 2);
    CHECK(totals[0].bestRatio == doctest::Approx(0.5));
    CHECK(totals[0].lastRatio == doctest::Approx(6.0 / 18.0));
}

TEST_CASE("a result whose content changed since is kept, marked stale, and no longer counts") {
    Fixture fixture;
    const auto profile = *fixture.store->createProfile("Élise");
    REQUIRE(fixture.store->record(answer(profile, "q01", Outcome::Wrong, "ancien")));
    REQUIRE(fixture.store->record(answer(profile, "q02", Outcome::Right, "stable")));
    ResultRecord otherPack = answer(profile, "q01", Outcome::Wrong, "x");
    otherPack.packId = "autre-pack";
    REQUIRE(fixture.store->record(otherPack));
    // q01 was rewritten, q02 did not change; another pack ("autre-pack") is not loaded today.
    std::vector<ItemFingerprint> current = {{"cahier-ludique", "q01", "nouveau"},
                                            {"cahier-ludique", "q02", "stable"}};
    CHECK(fixture.store->markStale(current) == 1);
    CHECK(fixture.store->resultCount(profile) == 3);  // nothing deleted
    const auto latest = fixture.store->latestResults(profile, "cahier-ludique");
    REQUIRE(latest.size() == 1);
    CHECK(latest[0].itemId == "q02");
    CHECK(fixture.store->latestResults(profile, "autre-pack").size() == 1);
    const auto queue = fixture.store->reviewQueue(profile);
    REQUIRE(queue.size() == 1);  // the rewritten question left the review queue; the other pack's stays
    CHECK(queue[0].packId == "autre-pack");
    const ContentLibrary noPacks;
    CHECK(exportHistoryCsv(noPacks, *fixture.store, profile).find(";oui\r\n") != std::string::npos);
}

TEST_CASE("missed items wait until tomorrow, then move with each review") {
    Fixture fixture;
    const auto profile = *fixture.store->createProfile("Élise");
    REQUIRE(fixture.store->record(answer(profile, "q01", Outcome::Wrong)));
    REQUIRE(fixture.store->record(answer(profile, "q02", Outcome::Right)));
    CHECK(fixture.store->dueReviews(profile, fixture.now).empty());  // not minutes after reading the answer
    const auto queue = fixture.store->reviewQueue(profile);
    REQUIRE(queue.size() == 1);
    CHECK(queue[0].itemId == "q01");
    const std::int64_t tomorrow = fixture.store->startOfToday() + 24 * 3600;
    CHECK(queue[0].schedule.dueAt == tomorrow);
    fixture.now = tomorrow + 9 * 3600;
    REQUIRE(fixture.store->dueReviews(profile, fixture.now).size() == 1);
    ResultRecord review = answer(profile, "q01", Outcome::Right);
    review.review = true;
    REQUIRE(fixture.store->record(review));
    CHECK(fixture.store->dueReviews(profile, fixture.now).empty());
    CHECK(fixture.store->reviewQueue(profile)[0].schedule.reviews == 2);  // the miss, then this review
}

TEST_CASE("the export has one CSV row per result, and deleting a profile erases everything about it") {
    Fixture fixture;
    const auto elise = *fixture.store->createProfile("Élise");
    const auto karim = *fixture.store->createProfile("Karim");
    REQUIRE(fixture.store->record(answer(elise, "q01", Outcome::Wrong)));
    REQUIRE(fixture.store->record(answer(elise, "q02", Outcome::Right)));
    REQUIRE(fixture.store->record(answer(karim, "q01", Outcome::Right)));
    const auto session =
        fixture.store->startSession(elise, "cahier-ludique", "1.0.0", ActivityKind::Quiz, "connaissances");
    REQUIRE(session);
    const ContentLibrary noPacks;
    const std::string csv = exportHistoryCsv(noPacks, *fixture.store, elise);
    CHECK(
        csv.starts_with("\xEF\xBB\xBF"
                        "date;profil;pack"));
    std::size_t rows = 0;
    for (std::size_t at = csv.find("\r\n"); at != std::string::npos; at = csv.find("\r\n", at + 2)) {
        ++rows;
    }
    CHECK(rows == 3);  // header and two results
    CHECK(csv.find("faux") != std::string::npos);
    REQUIRE(fixture.store->deleteProfile(elise));
    CHECK_FALSE(fixture.store->findProfile(elise));
    CHECK(fixture.store->resultCount(elise) == 0);
    CHECK(fixture.store->reviewQueue(elise).empty());
    CHECK(sql::Database(fixture.store->file())
              .queryInteger("SELECT COUNT(*) FROM sessions WHERE profile_id = " + std::to_string(elise)) ==
          0);
    CHECK(fixture.store->resultCount(karim) == 1);
    fixture.store.reset();
    // secure_delete and the checkpoint leave no trace of the name in the file.
    const std::string bytes = testing::readFile(fixture.folder.path() / "progress.db");
    CHECK(bytes.find("\xC3\x89lise") == std::string::npos);
}

TEST_CASE("a version-1 file opens, is migrated, and its unverifiable results are kept as stale") {
    testing::TemporaryFolder folder;
    std::filesystem::copy_file(testing::fixturesDir() / "progress" / "progress-v1.db",
                               folder.path() / "progress.db");
    auto opened = ProgressStore::open(folder.path() / "progress.db");
    REQUIRE_MESSAGE(opened.ok(), opened.error().message);
    ProgressStore& store = *opened.value().store;
    CHECK(store.schemaVersion() == kProgressSchemaVersion);
    const auto profiles = store.profiles();
    REQUIRE(profiles.size() == 2);
    CHECK(store.resultCount(1) == 2);
    CHECK(store.latestResults(1).size() == 2);
    const PackLoad cahier = loadPack(testing::contentDir() / "cahier-ludique");
    REQUIRE(cahier.usable());
    CHECK(store.markStale(fingerprintsOf(*cahier.pack)) ==
          3);  // no fingerprint: never applied to today's questions
    CHECK(store.latestResults(1).empty());
    CHECK(store.resultCount(1) == 2);
    REQUIRE(store.record(answer(1, "q01", Outcome::Right)));  // and it records new results
}

namespace {

struct LatestRow {
    std::string item;
    std::string outcome;
    std::int64_t attempts = 0;
    bool operator==(const LatestRow&) const = default;
};

// What version 2 computed from the results themselves: the summaries of version 3 must always agree.
std::vector<LatestRow> latestFromResults(sql::Database& database, std::int64_t profile) {
    sql::Statement statement(
        database,
        "SELECT r.item_id, r.outcome, latest.attempts FROM results r JOIN (SELECT MAX(id) "
        "AS id, COUNT(*) AS attempts FROM results WHERE profile_id = ? AND stale = 0 GROUP "
        "BY pack_id, item_id) latest ON r.id = latest.id ORDER BY r.id");
    statement.bind(1, profile);
    std::vector<LatestRow> rows;
    while (statement.step()) {
        rows.push_back({statement.text(0), statement.text(1), statement.integer(2)});
    }
    return rows;
}

std::vector<LatestRow> latestFromStore(ProgressStore& store, std::int64_t profile) {
    std::vector<LatestRow> rows;
    for (const auto& item : store.latestResults(profile)) {
        rows.push_back({item.itemId, outcomeKeyword(item.outcome), item.attempts});
    }
    return rows;
}

std::int64_t resultsInTable(sql::Database& database, std::int64_t profile) {
    return database.queryInteger("SELECT COUNT(*) FROM results WHERE profile_id = " + std::to_string(profile))
        .value_or(-1);
}

}  // namespace

TEST_CASE("a version-2 file is migrated to summaries that give the same figures as its results") {
    testing::TemporaryFolder folder;
    {
        sql::Database old(folder.path() / "progress.db");
        REQUIRE(old.execute(testing::readFile(testing::fixturesDir() / "progress" / "progress-v2.sql")));
    }
    auto opened = ProgressStore::open(folder.path() / "progress.db", [] { return kNoon; });
    REQUIRE_MESSAGE(opened.ok(), opened.error().message);
    ProgressStore& store = *opened.value().store;
    CHECK(store.schemaVersion() == kProgressSchemaVersion);

    // The figures, as the fixture's rows give them.
    const std::vector<LatestRow> expected = {
        {"q02", "partial", 1}, {"q01", "right", 2}, {"q03", "wrong", 1}, {"pas-une-priorite", "wrong", 1}};
    CHECK(latestFromStore(store, 1) == expected);
    CHECK(latestFromStore(store, 2) == std::vector<LatestRow>{{"q01", "right", 1}});
    CHECK(store.resultCount(1) == 6);  // the stale result still counts as recorded
    CHECK(store.resultCount(2) == 1);
    std::int64_t seconds = 0;
    for (const auto& totals : store.activityTotals(1)) {
        seconds += totals.activeSeconds;
    }
    CHECK(seconds == 140);
    CHECK(store.unfinishedSession(1, "cahier-ludique", ActivityKind::Quiz, "connaissances"));
    CHECK(store.reviewQueue(1).size() == 1);

    // The dashboard reads the same report as version 2 did.
    const auto library = ContentLibrary::load({{testing::contentDir(), "bundled"}});
    const ProfileReport report = buildProfileReport(library, store, 1);
    CHECK(report.results == 6);
    CHECK(report.activeSeconds == 140);
    REQUIRE(report.activities.size() == 2);
    CHECK(report.activities[0].itemsSeen == 3);
    CHECK(report.activities[0].itemsMastered == 1);
    CHECK(report.activities[0].finishedSessions == 1);
    CHECK(report.activities[0].activeSeconds == 100);
    CHECK(report.activities[1].itemsSeen == 1);
    REQUIRE(report.missed.size() == 3);
    CHECK(report.missed[0].id() == "q02");
    CHECK(report.missed[1].id() == "q03");
    CHECK(report.missed[2].id() == "pas-une-priorite");

    // Recording and stale marking keep the summaries equal to what the results say.
    REQUIRE(store.record(answer(1, "q02", Outcome::Right, "f-q02")));
    REQUIRE(store.record(answer(2, "q03", Outcome::Wrong, "f-q03")));
    const std::vector<ItemFingerprint> current = {
        {"cahier-ludique", "q01", "f-q01-new"},
        {"cahier-ludique", "q02", "f-q02"},
        {"cahier-ludique", "q03", "f-q03"},
        {"cahier-ludique", "pas-une-priorite", "f-pas-une-priorite"}};
    CHECK(store.markStale(current) == 3);
    sql::Database database(store.file());  // a second connection: the store keeps its own
    for (const std::int64_t profile : {1, 2}) {
        CAPTURE(profile);
        CHECK(latestFromStore(store, profile) == latestFromResults(database, profile));
        CHECK(store.resultCount(profile) == resultsInTable(database, profile));
    }
    CHECK(latestFromStore(store, 1).size() == 3);  // q01 left: its only results were on the old wording
    CHECK(store.markStale(current) == 0);          // nothing more to mark
}

TEST_CASE("a damaged file is moved aside with a message, and a fresh store starts") {
    testing::TemporaryFolder folder;
    testing::writeFile(folder.path() / "progress.db", std::string(4096, 'x'));
    auto opened = ProgressStore::open(folder.path() / "progress.db");
    REQUIRE(opened.ok());
    CHECK(opened.value().notice.find("mis de côté") != std::string::npos);
    CHECK(opened.value().store->profiles().empty());
    int aside = 0;
    for (const auto& entry : std::filesystem::directory_iterator(folder.path())) {
        if (entry.path().filename().string().starts_with("progress.db.endommage-")) {
            ++aside;
            CHECK(testing::readFile(entry.path()) == std::string(4096, 'x'));  // nothing overwritten
        }
    }
    CHECK(aside == 1);
}

TEST_CASE("quiz and scenario resume states round trip as JSON and refuse garbage") {
    QuizRun::Snapshot snapshot;
    snapshot.questionIds = {"q01", "q02"};
    snapshot.position = 1;
    snapshot.phase = QuizRun::Phase::Revealed;
    snapshot.answers = {{1}, {0, 2}};
    snapshot.selection = {};
    const auto parsed = parseQuizSnapshot(serializeQuizSnapshot(snapshot));
    REQUIRE(parsed);
    CHECK(parsed->questionIds == snapshot.questionIds);
    CHECK(parsed->answers == snapshot.answers);
    CHECK(parsed->phase == QuizRun::Phase::Revealed);
    CHECK_FALSE(parseQuizSnapshot("{\"questions\": 3}"));
    CHECK_FALSE(parseQuizSnapshot("pas du json"));
    CHECK(parseScenarioPath(serializeScenarioPath({"a", "b"})) == std::vector<std::string>{"a", "b"});
    CHECK_FALSE(parseScenarioPath("[1, 2]"));
}

TEST_CASE("the recorder resumes an unfinished quiz and starts afresh after a pack update") {
    Fixture fixture;
    const auto profile = *fixture.store->createProfile("Élise");
    const PackLoad cahier = loadPack(testing::contentDir() / "cahier-ludique");
    REQUIRE(cahier.usable());
    const Quiz& quiz = cahier.pack->quizzes[0];
    double clock = 0.0;
    {
        ActivityRecorder recorder(fixture.store.get(), profile, *cahier.pack, ActivityKind::Quiz, quiz.id,
                                  [&] { return clock; });
        CHECK_FALSE(recorder.resumableState());
        recorder.start(false);
        QuizRun run = QuizRun::forQuiz(quiz);
        run.toggle(1);
        run.confirm();
        clock += 30.0;
        recorder.answered(run.currentQuestion(), *run.currentResult());
        run.next();
        recorder.saveState(serializeQuizSnapshot(run.snapshot()));
        CHECK(recorder.problem().empty());
    }
    ActivityRecorder again(fixture.store.get(), profile, *cahier.pack, ActivityKind::Quiz, quiz.id,
                           [&] { return clock; });
    const auto state = again.resumableState();
    REQUIRE(state);
    const auto snapshot = parseQuizSnapshot(*state);
    REQUIRE(snapshot);
    std::vector<const Question*> questions;
    for (const auto& question : quiz.questions) {
        questions.push_back(&question);
    }
    const auto resumed = QuizRun::restore(*snapshot, questions);
    REQUIRE(resumed);
    CHECK(resumed->position() == 1);
    CHECK(resumed->score() == doctest::Approx(1.0));
    CHECK(fixture.store->activityTotals(profile)[0].activeSeconds == 30);

    Pack updated = *cahier.pack;
    updated.version = "1.1.0";
    ActivityRecorder afterUpdate(fixture.store.get(), profile, updated, ActivityKind::Quiz, quiz.id,
                                 [&] { return clock; });
    CHECK_FALSE(afterUpdate.resumableState());
}

TEST_CASE("a guest records nothing and reports no problem") {
    const PackLoad cahier = loadPack(testing::contentDir() / "cahier-ludique");
    ActivityRecorder guest(nullptr, 0, *cahier.pack, ActivityKind::Quiz, "connaissances", {});
    CHECK_FALSE(guest.enabled());
    guest.start(false);
    QuizRun run = QuizRun::forQuiz(cahier.pack->quizzes[0]);
    run.toggle(0);
    run.confirm();
    guest.answered(run.currentQuestion(), *run.currentResult());
    CHECK(guest.problem().empty());
    CHECK_FALSE(guest.resumableState());
}

TEST_CASE("the profile report joins results with content: completion, mastery per theme, missed items") {
    Fixture fixture;
    const auto profile = *fixture.store->createProfile("Élise");
    const auto library = ContentLibrary::load({{testing::contentDir(), "bundled"}});
    const Pack* cahier = library.findPack("cahier-ludique");
    REQUIRE(cahier != nullptr);
    const Quiz& quiz = cahier->quizzes[0];
    ActivityRecorder recorder(fixture.store.get(), profile, *cahier, ActivityKind::Quiz, quiz.id, {});
    recorder.start(false);
    QuizRun run = QuizRun::forQuiz(quiz);
    for (const int answer : {1, 1, 0}) {  // q01 right (B), q02 wrong (A is right), q03 partial (A of A+C)
        run.toggle(answer);
        run.confirm();
        recorder.answered(run.currentQuestion(), *run.currentResult());
        run.next();
    }
    recorder.finish(run.score(), run.maxScore());
    const ProfileReport report = buildProfileReport(library, *fixture.store, profile);
    REQUIRE(report.activities.size() == 1);
    const ActivityReport& activity = report.activities[0];
    CHECK(activity.itemsTotal == 18);
    CHECK(activity.itemsSeen == 3);
    CHECK(activity.itemsMastered == 1);
    CHECK(activity.finishedSessions == 1);
    CHECK(activity.bestRatio == doctest::Approx(1.5 / 18.0));
    REQUIRE(report.missed.size() == 2);
    CHECK(report.missed[0].id() == "q02");
    CHECK(report.missed[1].id() == "q03");
    bool sawTheme = false;
    for (const ThemeMastery& theme : report.themes) {
        CHECK(theme.mastery >= 0.0);
        CHECK(theme.mastery <= 1.0);
        sawTheme = sawTheme || theme.items > 0;
    }
    CHECK(sawTheme);
    // Due tomorrow: the wrong question (FSRS: Again); the partly right one (Hard) the day after, as FSRS
    // never brings a better answer back sooner. Resolved to the loaded content.
    fixture.now += 24 * 3600;
    const auto tomorrow = resolveReviewItems(library, fixture.store->dueReviews(profile, fixture.now));
    REQUIRE(tomorrow.size() == 1);
    CHECK(tomorrow[0].id() == "q02");
    fixture.now += 24 * 3600;
    const auto due = resolveReviewItems(library, fixture.store->dueReviews(profile, fixture.now));
    CHECK(due.size() == 2);
}

TEST_CASE("a backup taken while the store is open holds the results still in the WAL (issue 24, item 4)") {
    Fixture fixture;
    const auto profile = fixture.store->createProfile("Camille");
    REQUIRE(profile.has_value());
    const auto other = fixture.store->createProfile("Dominique");
    REQUIRE(other.has_value());
    for (int i = 0; i < 40; ++i) {
        REQUIRE(fixture.store->record(answer(*profile, "q" + std::to_string(i), Outcome::Right)));
    }
    REQUIRE(fixture.store->record(answer(*other, "q01", Outcome::Wrong)));
    // The results are not yet in progress.db: they live in the journal beside it.
    const auto wal = fixture.folder.path() / "progress.db-wal";
    REQUIRE(std::filesystem::exists(wal));
    CHECK(std::filesystem::file_size(wal) > 0);
    // Copying progress.db alone loses them: the loss the backup is there to avoid.
    testing::TemporaryFolder copied;
    std::filesystem::copy_file(fixture.folder.path() / "progress.db", copied.path() / "progress.db");
    {
        auto opened = ProgressStore::open(copied.path() / "progress.db");
        REQUIRE(opened.ok());
        CHECK(opened.value().store->resultCount(*profile) < 40);
    }

    const auto backup = fixture.folder.path() / "exports" / "passerelles-sauvegarde-2023-11-15-1200.db";
    std::filesystem::create_directories(backup.parent_path());
    REQUIRE_MESSAGE(fixture.store->backupTo(backup).ok(), fixture.store->lastError());
    CHECK(std::filesystem::exists(backup));
    CHECK_FALSE(std::filesystem::exists(backup.string() + "-wal"));
    // Nothing else is left in the folder: no temporary file.
    std::size_t entries = 0;
    for ([[maybe_unused]] const auto& entry : std::filesystem::directory_iterator(backup.parent_path())) {
        ++entries;
    }
    CHECK(entries == 1);
    // The store goes on recording after the backup.
    REQUIRE(fixture.store->record(answer(*profile, "q99", Outcome::Right)));

    // Restoring: the backup file copied as progress.db in an empty folder, opened alone.
    testing::TemporaryFolder restored;
    std::filesystem::copy_file(backup, restored.path() / "progress.db");
    auto opened = ProgressStore::open(restored.path() / "progress.db");
    REQUIRE(opened.ok());
    CHECK(opened.value().notice.empty());
    CHECK(sql::Database(restored.path() / "progress.db").queryText("PRAGMA integrity_check").value_or("") ==
          "ok");
    CHECK(opened.value().store->profiles().size() == 2);
    CHECK(opened.value().store->resultCount(*profile) == 40);
    CHECK(opened.value().store->resultCount(*other) == 1);

    // A second backup under the same name replaces the first, whole.
    REQUIRE(fixture.store->backupTo(backup).ok());
    auto again = ProgressStore::open(backup);
    REQUIRE(again.ok());
    CHECK(again.value().store->resultCount(*profile) == 41);
}

TEST_CASE("a backup into a folder that does not exist fails with a French sentence naming it") {
    Fixture fixture;
    const auto target = fixture.folder.path() / "absent" / "sauvegarde.db";
    const auto backup = fixture.store->backupTo(target);
    REQUIRE_FALSE(backup.ok());
    CHECK(backup.error().message.find("sauvegarde.db") != std::string::npos);
    CHECK(fixture.store->lastError() == backup.error().message);
    CHECK_FALSE(std::filesystem::exists(target));
    // The store still works.
    CHECK(fixture.store->createProfile("Camille").has_value());
}

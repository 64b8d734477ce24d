// Progress store: recording results as the game does, and the dashboard's queries over a long history.
//
// Recording goes through ActivityRecorder (what the screens call), each result in its own transaction
// with the store's full sync; its baseline is a bare INSERT of the same row, in its own transaction, in a
// database with the same pragmas: the price of durability itself. The queries run over 100,000 results of
// one profile on the generated pack (filled with durability switched off, which changes no row); their
// baseline is one plain scan of that profile's results. Queries are timed in CPU time of this thread
// (the database is in the page cache; the bench machine is shared), recording in wall time (it waits
// for the disk).
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "bench_support.hpp"
#include "core/loading/pack_loader.hpp"
#include "core/progress/progress_report.hpp"
#include "core/progress/progress_store.hpp"
#include "generated_pack.hpp"
#include "progress_history.hpp"
#include "support/progress_store_access.hpp"

namespace bench = passerelles::bench;
using namespace passerelles;

namespace {

constexpr int kRecorded = 10000;
constexpr int kHistory = 100000;
constexpr double kQueryBudgetSeconds = 0.020;
constexpr std::int64_t kDay = 24 * 3600;

// The durability floor: the same INSERT, one transaction each, in a bare database with the same pragmas.
double timeBareInserts(const std::filesystem::path& file, int count) {
    std::filesystem::remove_all(file.parent_path());
    std::filesystem::create_directories(file.parent_path());
    sql::Database database(file);
    database.execute("PRAGMA journal_mode = WAL");
    database.execute("PRAGMA synchronous = FULL");
    database.execute(
        "CREATE TABLE results(id INTEGER PRIMARY KEY, profile_id INTEGER, recorded_at INTEGER, pack_id TEXT, "
        "activity_kind TEXT, activity_id TEXT, item_id TEXT, outcome TEXT, points REAL, max_points REAL, "
        "session_id INTEGER, pack_version TEXT, fingerprint TEXT, detail TEXT, active_seconds INTEGER, "
        "review INTEGER)");
    const auto start = bench::Clock::now();
    for (int i = 0; i < count; ++i) {
        sql::Transaction transaction(database);
        sql::Statement insert(
            database,
            "INSERT INTO results(profile_id, session_id, recorded_at, pack_id, pack_version, "
            "activity_kind, activity_id, item_id, fingerprint, outcome, points, max_points, "
            "detail, active_seconds, review) VALUES (1, 1, ?, 'banc-essai', '1.0.0', 'quiz', "
            "'quiz-01', ?, '0123456789abcdef', 'right', 1, 1, '{\"selected\":[\"a\"]}', 25, 0)");
        insert.bind(1, static_cast<std::int64_t>(i)).bind(2, "q" + std::to_string(i));
        if (!insert.run() || !transaction.commit()) {
            std::fprintf(stderr, "bench_progress: bare insert failed: %s\n", database.error().c_str());
            std::exit(1);
        }
    }
    return bench::secondsSince(start);
}

double medianCpuSeconds(int runs, const std::function<void()>& work) {
    std::vector<double> samples;
    for (int run = 0; run < runs; ++run) {
        const double start = bench::threadCpuSeconds();
        work();
        samples.push_back(bench::threadCpuSeconds() - start);
    }
    return bench::median(samples);
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        std::fprintf(stderr, "bench_progress WORK_DIR [RUNS [RECORD_RUNS]]\n");
        return 2;
    }
    const std::filesystem::path work = argv[1];
    const int runs = argc > 2 ? std::max(1, std::atoi(argv[2])) : 5;
    const int recordRuns = argc > 3 ? std::max(0, std::atoi(argv[3])) : 3;

    const std::filesystem::path contentRoot = work / "progress-content";
    std::filesystem::remove_all(contentRoot);
    const bench::GeneratedPackSize size;
    bench::writeGeneratedPack(contentRoot / bench::kGeneratedPackId, size);
    LoaderOptions loaderOptions;
    loaderOptions.maxActivities = bench::generatedActivityCount(size);
    const ContentLibrary library = ContentLibrary::load({{contentRoot, "bundled"}}, loaderOptions);
    const Pack* pack = library.findPack(bench::kGeneratedPackId);
    if (pack == nullptr) {
        std::fprintf(stderr, "bench_progress: the generated pack does not load\n");
        return 1;
    }

    // ---- Recording, with the store's durability
    std::vector<double> recordTimes;
    std::vector<double> bareTimes;
    for (int run = 0; run < recordRuns; ++run) {
        bench::FakeTime time;
        auto store = bench::openFreshStore(work / "record" / "progress.db", time);
        const auto profile = store->createProfile("Banc d’essai");
        const auto start = bench::Clock::now();
        bench::playHistory(*store, *profile, *pack, kRecorded, time);
        recordTimes.push_back(bench::secondsSince(start));
        if (store->resultCount(*profile) != kRecorded) {
            std::fprintf(stderr, "bench_progress: %lld results recorded instead of %d\n",
                         static_cast<long long>(store->resultCount(*profile)), kRecorded);
            return 1;
        }
        bareTimes.push_back(timeBareInserts(work / "bare" / "bare.db", kRecorded));
    }
    if (recordRuns > 0) {
        const double record = bench::median(recordTimes) / kRecorded;
        const double bare = bench::median(bareTimes) / kRecorded;
        bench::printRow({"Record one result (ActivityRecorder, own transaction, full sync; " +
                             std::to_string(kRecorded) + " in a row, median of " +
                             std::to_string(recordRuns) + ")",
                         bench::formatSeconds(record), bench::formatSeconds(bare) + " (bare INSERT)",
                         record / bare, "≤ 20 ms", record <= kQueryBudgetSeconds});
    }

    // ---- Queries over a long history
    bench::FakeTime time;
    auto store = bench::openFreshStore(work / "history" / "progress.db", time);
    const auto profile = store->createProfile("Banc d’essai");
    // Filling only: the rows are the same.
    ProgressStoreAccess::database(*store).execute("PRAGMA synchronous = OFF");
    bench::playHistory(*store, *profile, *pack, kHistory, time);
    ProgressStoreAccess::database(*store).execute("PRAGMA synchronous = FULL");
    if (store->resultCount(*profile) != kHistory) {
        std::fprintf(stderr, "bench_progress: the history has %lld results instead of %d\n",
                     static_cast<long long>(store->resultCount(*profile)), kHistory);
        return 1;
    }
    const std::int64_t endOfToday = store->startOfToday() + kDay - 1;
    const double scan = medianCpuSeconds(runs, [&] {
        sql::Statement all(ProgressStoreAccess::database(*store),
                           "SELECT * FROM results WHERE profile_id = ?");
        all.bind(1, *profile);
        std::size_t rows = 0;
        while (all.step()) {
            ++rows;
        }
        if (rows != kHistory) {
            std::exit(1);
        }
    });
    struct Query {
        std::string name;
        std::function<void()> work;
    };
    ProfileReport report;
    std::vector<ReviewEntry> due;
    std::size_t dueCount = 0;
    const std::vector<ItemFingerprint> fingerprints = fingerprintsOf(*pack);
    const std::vector<Query> queries = {
        {"the dashboard (buildProfileReport)",
         [&] { report = buildProfileReport(library, *store, *profile); }},
        {"review items due today, counted (dueReviewCount)",
         [&] { dueCount = store->dueReviewCount(*profile, endOfToday); }},
        {"review items due today (dueReviews)", [&] { due = store->dueReviews(*profile, endOfToday); }},
        {"review session items (resolveReviewItems)", [&] { resolveReviewItems(library, due); }},
        {"stale check at start (markStale, content unchanged)", [&] { store->markStale(fingerprints); }},
    };
    for (const auto& query : queries) {
        const double seconds = medianCpuSeconds(runs, query.work);
        bench::printRow({"Query over " + bench::formatFixed(kHistory, 0) + " results: " + query.name +
                             " (median of " + std::to_string(runs) + ")",
                         bench::formatSeconds(seconds),
                         bench::formatSeconds(scan) + " (one scan of the results)", seconds / scan, "≤ 20 ms",
                         seconds <= kQueryBudgetSeconds});
    }
    const double fingerprinting = medianCpuSeconds(runs, [&] { fingerprintsOf(*pack); });
    bench::printRow({"Fingerprints of the " +
                         bench::formatFixed(static_cast<double>(fingerprints.size()), 0) +
                         " items of the generated pack, given to markStale at start (information: content, "
                         "not results)",
                     bench::formatSeconds(fingerprinting), "", std::nullopt, "", std::nullopt});
    std::fprintf(
        stderr,
        "bench_progress: report of %zu activities, %zu themes, %zu missed; %zu due today (%zu counted)\n",
        report.activities.size(), report.themes.size(), report.missed.size(), due.size(), dueCount);
    return 0;
}

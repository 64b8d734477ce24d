// The progress store under faults: a full disk while recording, a data folder without write permission (or
// that is not a folder), damaged files (truncated, garbage journal). Each time: a clear French message, the
// program goes on, and nothing already saved is lost.
#include <doctest/doctest.h>

#include <csignal>
#include <filesystem>
#include <vector>

#include <sys/resource.h>

#include "core/base/sqlite.hpp"
#include "core/progress/activity_recorder.hpp"
#include "core/progress/progress_store.hpp"
#include "support/child_process.hpp"
#include "support/test_support.hpp"

using namespace passerelles;

namespace {

constexpr std::int64_t kNoon = 1700049600;

ResultRecord answer(std::int64_t profile, const std::string& item) {
    ResultRecord record;
    record.profileId = profile;
    record.packId = "cahier-ludique";
    record.packVersion = "1.0.0";
    record.activityId = "connaissances";
    record.itemId = item;
    record.fingerprint = "f1";
    record.outcome = Outcome::Wrong;  // a miss also writes the review queue: more pages per result
    record.maxPoints = 1.0;
    record.detail = std::string(300, 'd');
    return record;
}

// A store with one profile and `count` results, closed again; returns the profile id.
std::int64_t storeWithResults(const std::filesystem::path& file, int count) {
    auto opened = ProgressStore::open(file, [] { return kNoon; });
    REQUIRE_MESSAGE(opened.ok(), opened.error().message);
    const auto profile = opened.value().store->createProfile("Élise");
    REQUIRE(profile);
    for (int i = 0; i < count; ++i) {
        REQUIRE(opened.value().store->record(answer(*profile, "avant-" + std::to_string(i))));
    }
    return *profile;
}

std::uintmax_t sizeOr0(const std::filesystem::path& file) {
    std::error_code error;
    const auto size = std::filesystem::file_size(file, error);
    return error ? 0 : size;
}

std::filesystem::path withSuffix(std::filesystem::path file, const char* suffix) {
    file += suffix;
    return file;
}

std::vector<std::filesystem::path> movedAside(const std::filesystem::path& folder) {
    std::vector<std::filesystem::path> files;
    for (const auto& entry : std::filesystem::directory_iterator(folder)) {
        const std::string name = entry.path().filename().string();
        if (name.starts_with("progress.db.endommage-") && !name.ends_with("-wal") &&
            !name.ends_with("-shm")) {
            files.push_back(entry.path());
        }
    }
    return files;
}

}  // namespace

TEST_CASE(
    "a full disk while recording: « disque plein », the program goes on, nothing saved is lost, and "
    "recording works again when space returns") {
    testing::TemporaryFolder folder;
    const auto file = folder.path() / "progress.db";
    const std::int64_t profile = storeWithResults(file, 5);

    // The child stands for the program: a file size limit makes every write past it fail, as a full disk
    // does. SIGXFSZ is ignored so that the write fails with an error instead of killing the process.
    const auto child = testing::runInChild([&]() -> std::string {
        std::signal(SIGXFSZ, SIG_IGN);
        auto opened = ProgressStore::open(file, [] { return kNoon; });
        if (!opened.ok()) {
            return "FAIL open: " + opened.error().message;
        }
        ProgressStore& store = *opened.value().store;
        Pack pack;
        pack.id = "cahier-ludique";
        pack.version = "1.0.0";
        ActivityRecorder recorder(&store, profile, pack, ActivityKind::Quiz, "connaissances", {});
        rlimit limit{};
        ::getrlimit(RLIMIT_FSIZE, &limit);
        const rlimit roomy = limit;
        limit.rlim_cur = std::max(sizeOr0(file), sizeOr0(withSuffix(file, "-wal"))) + 16 * 1024;
        ::setrlimit(RLIMIT_FSIZE, &limit);

        int saved = 0;
        bool refused = false;
        for (int i = 0; i < 2000 && !refused; ++i) {
            refused = !store.record(answer(profile, "pendant-" + std::to_string(saved)));
            saved += refused ? 0 : 1;
        }
        if (!refused) {
            return "FAIL the size limit never made a write fail";
        }
        std::string report;
        if (!store.lastErrorMeansNoSpace() || store.lastError().find("disque plein") == std::string::npos) {
            report += "FAIL message: " + store.lastError() + "\n";
        }
        // What a screen shows: the recorder turns the failure into a sentence for the learner.
        Question question;
        question.id = "q01";
        QuestionResult result;
        result.question = &question;
        recorder.answered(question, result);
        if (recorder.problem().find("n’a pas pu être enregistrée") == std::string::npos ||
            recorder.problem().find("disque plein") == std::string::npos) {
            report += "FAIL recorder problem: " + recorder.problem() + "\n";
        }
        // Still full: more attempts fail the same way, and nothing crashes.
        for (int i = 0; i < 5; ++i) {
            if (store.record(answer(profile, "refuse-" + std::to_string(i)))) {
                report += "FAIL a write past the limit succeeded\n";
            }
        }
        // Space returns: the same store records again.
        ::setrlimit(RLIMIT_FSIZE, &roomy);
        if (!store.record(answer(profile, "apres"))) {
            report += "FAIL after space returned: " + store.lastError() + "\n";
        }
        return report + "saved=" + std::to_string(saved);
    });
    REQUIRE_MESSAGE(child.ok(), "the child crashed or failed: signal/status " << child.status);
    CHECK_MESSAGE(child.report.find("FAIL") == std::string::npos, child.report);
    const auto savedAt = child.report.rfind("saved=");
    REQUIRE(savedAt != std::string::npos);
    const int savedWhileFilling = std::stoi(child.report.substr(savedAt + 6));

    // Every result reported as saved is there, the file is sound, and it opens with no notice.
    auto reopened = ProgressStore::open(file, [] { return kNoon; });
    REQUIRE(reopened.ok());
    CHECK(reopened.value().notice.empty());
    sql::Database database(file);  // a second connection: the store keeps its own
    CHECK(database.queryText("PRAGMA integrity_check").value_or("") == "ok");
    CHECK(reopened.value().store->resultCount(profile) == 5 + savedWhileFilling + 1);
    sql::Statement refusedRows(database, "SELECT count(*) FROM results WHERE item_id LIKE 'refuse-%'");
    REQUIRE(refusedRows.step());
    CHECK(refusedRows.integer(0) == 0);
}

TEST_CASE("a data folder without write permission: a clear message, no store, nothing touched") {
    testing::TemporaryFolder folder;
    const auto data = folder.path() / "data";
    std::filesystem::create_directories(data);
    std::filesystem::permissions(
        data, std::filesystem::perms::owner_read | std::filesystem::perms::owner_exec |
                  std::filesystem::perms::group_read | std::filesystem::perms::group_exec |
                  std::filesystem::perms::others_read | std::filesystem::perms::others_exec);
    const auto child = testing::runInChild([&]() -> std::string {
        if (!testing::dropRootPrivileges()) {
            return "SKIP root cannot be given up here";
        }
        const auto opened = ProgressStore::open(data / "progress.db");
        if (opened.ok()) {
            return "FAIL a store opened in a read-only folder";
        }
        return opened.error().message;
    });
    REQUIRE(child.ok());
    if (child.report.starts_with("SKIP")) {
        MESSAGE(child.report);
        return;
    }
    CHECK_MESSAGE(child.report.find("n’est pas accessible en écriture") != std::string::npos, child.report);
    CHECK(child.report.find("--data-dir") != std::string::npos);
    CHECK(std::filesystem::is_empty(data));
}

TEST_CASE("a read-only progress file: said once at start, and its results are kept for later") {
    testing::TemporaryFolder folder;
    const auto data = folder.path() / "data";
    const auto file = data / "progress.db";
    const std::int64_t profile = storeWithResults(file, 3);
    const std::string before = testing::readFile(file);
    std::filesystem::permissions(file, std::filesystem::perms::owner_read |
                                           std::filesystem::perms::group_read |
                                           std::filesystem::perms::others_read);
    std::filesystem::permissions(
        data, std::filesystem::perms::owner_read | std::filesystem::perms::owner_exec |
                  std::filesystem::perms::others_read | std::filesystem::perms::others_exec);
    const auto child = testing::runInChild([&]() -> std::string {
        if (!testing::dropRootPrivileges()) {
            return "SKIP root cannot be given up here";
        }
        const auto opened = ProgressStore::open(file);
        return opened.ok() ? "FAIL a store opened on a read-only file" : opened.error().message;
    });
    REQUIRE(child.ok());
    if (child.report.starts_with("SKIP")) {
        MESSAGE(child.report);
        return;
    }
    CHECK_MESSAGE((child.report.find("lecture seule") != std::string::npos ||
                   child.report.find("droits du dossier") != std::string::npos),
                  child.report);
    CHECK(testing::readFile(file) == before);
    CHECK(movedAside(data).empty());  // a file we cannot write is not a damaged file
    std::filesystem::permissions(data, std::filesystem::perms::owner_all);
    std::filesystem::permissions(file,
                                 std::filesystem::perms::owner_read | std::filesystem::perms::owner_write);
    auto reopened = ProgressStore::open(file);
    REQUIRE(reopened.ok());
    CHECK(reopened.value().store->resultCount(profile) == 3);
}

TEST_CASE("a data folder whose path is a file, or under a file: a clear message, even as root") {
    testing::TemporaryFolder folder;
    testing::writeFile(folder.path() / "fichier", "pas un dossier");
    for (const auto& data : {folder.path() / "fichier", folder.path() / "fichier" / "sous-dossier"}) {
        CAPTURE(data);
        const auto opened = ProgressStore::open(data / "progress.db");
        CHECK_FALSE(opened.ok());
        CHECK(opened.error().message.find("ne peut pas être créé") != std::string::npos);
        CHECK(opened.error().message.find("n’est pas un dossier") != std::string::npos);
    }
    CHECK(testing::readFile(folder.path() / "fichier") == "pas un dossier");
}

TEST_CASE("progress.db that is a folder: a clear message and nothing removed") {
    testing::TemporaryFolder folder;
    std::filesystem::create_directories(folder.path() / "progress.db" / "dedans");
    const auto opened = ProgressStore::open(folder.path() / "progress.db");
    CHECK_FALSE(opened.ok());
    CHECK(opened.error().message.find("ne peut pas être ouvert") != std::string::npos);
    CHECK(std::filesystem::exists(folder.path() / "progress.db" / "dedans"));
}

TEST_CASE("a truncated progress file is moved aside byte for byte, and a fresh store starts") {
    for (const double kept : {0.5, 0.1}) {
        CAPTURE(kept);
        testing::TemporaryFolder folder;
        const auto file = folder.path() / "progress.db";
        storeWithResults(file, 200);
        {
            // Everything into the main file first, so that the truncation cuts real pages.
            sql::Database database(file);
            REQUIRE(database.execute("PRAGMA wal_checkpoint(TRUNCATE)"));
        }
        std::string bytes = testing::readFile(file);
        REQUIRE(bytes.size() > 8192);
        bytes.resize(static_cast<std::size_t>(static_cast<double>(bytes.size()) * kept));
        testing::writeFile(file, bytes);

        auto opened = ProgressStore::open(file, [] { return kNoon; });
        REQUIRE_MESSAGE(opened.ok(), opened.error().message);
        CHECK(opened.value().notice.find("mis de côté") != std::string::npos);
        CHECK(opened.value().notice.find("rien n’a été effacé") != std::string::npos);
        const auto aside = movedAside(folder.path());
        REQUIRE(aside.size() == 1);
        CHECK(testing::readFile(aside.front()) == bytes);
        CHECK(opened.value().store->profiles().empty());
        REQUIRE(opened.value().store->createProfile("Élise"));
    }
}

TEST_CASE("a progress file cut inside its header is moved aside too") {
    testing::TemporaryFolder folder;
    const auto file = folder.path() / "progress.db";
    storeWithResults(file, 1);
    const std::string header = testing::readFile(file).substr(0, 60);
    std::filesystem::remove(withSuffix(file, "-wal"));
    std::filesystem::remove(withSuffix(file, "-shm"));
    testing::writeFile(file, header);
    auto opened = ProgressStore::open(file, [] { return kNoon; });
    REQUIRE_MESSAGE(opened.ok(), opened.error().message);
    CHECK(opened.value().notice.find("mis de côté") != std::string::npos);
    const auto aside = movedAside(folder.path());
    REQUIRE(aside.size() == 1);
    CHECK(testing::readFile(aside.front()) == header);
}

TEST_CASE("a garbage journal beside a sound file: the saved results are all there, and recording goes on") {
    testing::TemporaryFolder folder;
    const auto file = folder.path() / "progress.db";
    const std::int64_t profile = storeWithResults(file, 20);
    {
        sql::Database database(file);
        REQUIRE(database.execute("PRAGMA wal_checkpoint(TRUNCATE)"));
    }
    std::string garbage(64 * 1024, '\0');
    for (std::size_t i = 0; i < garbage.size(); ++i) {
        garbage[i] = static_cast<char>((i * 7919 + 13) % 251);
    }
    testing::writeFile(withSuffix(file, "-wal"), garbage);
    testing::writeFile(withSuffix(file, "-shm"), garbage.substr(0, 32 * 1024));

    auto opened = ProgressStore::open(file, [] { return kNoon; });
    REQUIRE_MESSAGE(opened.ok(), opened.error().message);
    CHECK(sql::Database(file).queryText("PRAGMA integrity_check").value_or("") == "ok");
    CHECK(opened.value().store->resultCount(profile) == 20);
    CHECK(opened.value().store->record(answer(profile, "apres")));
    CHECK(opened.value().store->resultCount(profile) == 21);
}

TEST_CASE("two damaged files in the same second are both kept, under different names") {
    testing::TemporaryFolder folder;
    const auto file = folder.path() / "progress.db";
    for (const char* content : {"premier fichier abîmé", "second fichier abîmé"}) {
        testing::writeFile(file, std::string(4096, content[0]) + content);
        auto opened = ProgressStore::open(file, [] { return kNoon; });
        REQUIRE(opened.ok());
        CHECK_FALSE(opened.value().notice.empty());
    }
    const auto aside = movedAside(folder.path());
    REQUIRE(aside.size() == 2);
    CHECK(testing::readFile(aside[0]) != testing::readFile(aside[1]));
}

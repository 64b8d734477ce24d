// The progress store with several processes and hostile files (issue 22, items 9 to 12): games started at
// once on a fresh folder, a profile created under a busy writer, another program's file, a newer schema, a
// journal deleted while running. Real processes (tests/support/progress_writer.cpp), no sleeps.
#include <doctest/doctest.h>

#include <sqlite3.h>

#include <csignal>
#include <cstdio>
#include <set>
#include <string>
#include <vector>

#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include "core/base/sqlite.hpp"
#include "core/borne/borne.hpp"
#include "core/progress/progress_store.hpp"
#include "support/child_process.hpp"
#include "support/test_support.hpp"

using namespace passerelles;

namespace {

constexpr std::int64_t kNoon = 1795867200;  // a fixed day, for the names of files moved aside

// A progress_writer child with its standard input and output as pipes.
struct Writer {
    pid_t pid = -1;
    FILE* input = nullptr;   // its standard input
    FILE* output = nullptr;  // its standard output

    static Writer start(const std::vector<std::string>& arguments) {
        int in[2];
        int out[2];
        REQUIRE(::pipe(in) == 0);
        REQUIRE(::pipe(out) == 0);
        Writer writer;
        writer.pid = ::fork();
        REQUIRE(writer.pid >= 0);
        if (writer.pid == 0) {
            ::dup2(in[0], STDIN_FILENO);
            ::dup2(out[1], STDOUT_FILENO);
            ::close(in[0]);
            ::close(in[1]);
            ::close(out[0]);
            ::close(out[1]);
            std::vector<char*> argv{const_cast<char*>("progress_writer")};
            for (const auto& argument : arguments) {
                argv.push_back(const_cast<char*>(argument.c_str()));
            }
            argv.push_back(nullptr);
            ::execv(PASSERELLES_PROGRESS_WRITER, argv.data());
            ::_exit(127);
        }
        ::close(in[0]);
        ::close(out[1]);
        writer.input = ::fdopen(in[1], "w");
        writer.output = ::fdopen(out[0], "r");
        return writer;
    }

    std::string line() {
        char buffer[1024];
        return std::fgets(buffer, sizeof buffer, output) != nullptr ? std::string(buffer) : std::string();
    }

    // Waits for the end; returns the exit status (or 128 + the signal).
    int wait() {
        if (input != nullptr) {
            std::fclose(input);
            input = nullptr;
        }
        int status = 0;
        ::waitpid(pid, &status, 0);
        std::fclose(output);
        return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    }
};

std::int64_t count(sql::Database& database, const std::string& query) {
    return database.queryInteger(query).value_or(-1);
}

ResultRecord answer(std::int64_t profile, const std::string& item) {
    ResultRecord record;
    record.profileId = profile;
    record.packId = "p";
    record.packVersion = "1";
    record.activityId = "quiz";
    record.itemId = item;
    record.fingerprint = "f";
    record.outcome = Outcome::Right;
    record.points = 1.0;
    record.maxPoints = 1.0;
    return record;
}

std::vector<std::filesystem::path> filesStartingWith(const std::filesystem::path& folder,
                                                     const std::string& prefix) {
    std::vector<std::filesystem::path> found;
    for (const auto& entry : std::filesystem::directory_iterator(folder)) {
        if (entry.path().filename().string().starts_with(prefix)) {
            found.push_back(entry.path());
        }
    }
    return found;
}

// A SQLite file written by "another program": its own table, or its own application id.
void writeForeignFile(const std::filesystem::path& file, const std::string& sql) {
    sql::Database database(file);
    REQUIRE(database.execute(sql));
}

}  // namespace

TEST_CASE("five games started at once on a fresh folder all record, on one profile (issue 22, item 9)") {
    // A race: one round rarely meets the bad moment (a game reading the file while another creates its
    // schema), so it is run many times; each round takes a few milliseconds.
    constexpr int kRounds = 40;
    for (int round = 0; round < kRounds; ++round) {
        CAPTURE(round);
        testing::TemporaryFolder folder;
        const std::string file = (folder.path() / "progress.db").string();
        constexpr int kGames = 5;
        constexpr int kResults = 4;
        std::vector<Writer> games;
        for (int game = 0; game < kGames; ++game) {
            games.push_back(Writer::start({"--race", file, "Élise", std::to_string(kResults)}));
        }
        // All released together: they open, migrate and create the profile at the same moment.
        for (Writer& game : games) {
            std::fputs("go\n", game.input);
            std::fflush(game.input);
        }
        std::set<std::string> profiles;
        for (Writer& game : games) {
            const std::string said = game.line();
            CHECK_MESSAGE(said.starts_with("ok "), said);
            if (said.starts_with("ok ")) {
                profiles.insert(said.substr(3, said.find(' ', 3) - 3));
            }
            CHECK(game.wait() == 0);
        }
        CHECK(profiles.size() == 1);  // every game plays as Élise, none as a guest
        sql::Database database(file);
        CHECK(count(database, "SELECT count(*) FROM profiles") == 1);
        CHECK(count(database, "SELECT count(*) FROM results") == kGames * kResults);
        CHECK(count(database, "PRAGMA user_version") == kProgressSchemaVersion);
        CHECK(count(database, "PRAGMA application_id") == kProgressApplicationId);
        CHECK(database.queryText("PRAGMA integrity_check").value_or("") == "ok");
        CHECK(
            filesStartingWith(folder.path(), "progress.db.autre-programme-").empty());  // nothing moved aside
    }
}

TEST_CASE("a profile and 18 answers recorded while another process writes without pause (item 10)") {
    testing::TemporaryFolder folder;
    const auto file = folder.path() / "progress.db";
    Writer busy = Writer::start({file.string(), "1"});
    for (int line = 0; line < 20; ++line) {  // it is writing: the file exists, its transactions run
        REQUIRE(busy.line().starts_with("saved"));
    }
    auto opened = ProgressStore::open(file);
    REQUIRE_MESSAGE(opened.ok(), opened.error().message);
    const auto profile = opened.value().store->createProfile("Pendant l’écriture");
    REQUIRE_MESSAGE(profile.has_value(), opened.value().store->lastError());
    int saved = 0;
    for (int question = 0; question < 18; ++question) {
        saved += opened.value().store->record(answer(*profile, "q" + std::to_string(question))) ? 1 : 0;
    }
    CHECK_MESSAGE(saved == 18, opened.value().store->lastError());
    CHECK(busy.line().starts_with("saved"));  // the other process was still writing all along
    ::kill(busy.pid, SIGKILL);
    CHECK(busy.wait() == 128 + SIGKILL);
    CHECK(opened.value().store->resultCount(*profile) == 18);
}

TEST_CASE("another program's SQLite file at progress.db is moved aside intact, never adopted (item 12)") {
    const std::vector<std::string> foreign = {
        "CREATE TABLE contacts (name TEXT); INSERT INTO contacts VALUES ('Paul');",
        "PRAGMA application_id = 1234; CREATE TABLE profiles (id INTEGER);", "PRAGMA application_id = 99;",
        "PRAGMA user_version = 2; CREATE TABLE profiles (id INTEGER); CREATE TABLE notes (t TEXT);"};
    for (const std::string& sql : foreign) {
        CAPTURE(sql);
        testing::TemporaryFolder folder;
        const auto file = folder.path() / "progress.db";
        writeForeignFile(file, sql);
        const std::string before = testing::readFile(file);
        auto opened = ProgressStore::open(file, [] { return kNoon; });
        REQUIRE_MESSAGE(opened.ok(), opened.error().message);
        CHECK(opened.value().notice.find("n’était pas un fichier de Passerelles") != std::string::npos);
        const auto aside = filesStartingWith(folder.path(), "progress.db.autre-programme-");
        REQUIRE(aside.size() == 1);
        CHECK(testing::readFile(aside[0]) == before);  // not switched to WAL, no table added
        CHECK(opened.value().store->profiles().empty());
        CHECK(sql::Database(file).queryInteger("PRAGMA application_id") == kProgressApplicationId);
    }
}

TEST_CASE("a progress file of a newer schema is refused before anything is written (item 12)") {
    testing::TemporaryFolder folder;
    const auto file = folder.path() / "progress.db";
    {
        auto opened = ProgressStore::open(file);
        REQUIRE(opened.ok());
        REQUIRE(opened.value().store->createProfile("Ancienne"));
    }
    {
        sql::Database database(file);
        REQUIRE(database.execute("PRAGMA journal_mode = DELETE"));  // a rollback journal: a write would show
        REQUIRE(database.execute("PRAGMA user_version = " + std::to_string(kProgressSchemaVersion + 5)));
    }
    const std::string before = testing::readFile(file);
    auto opened = ProgressStore::open(file);
    CHECK_FALSE(opened.ok());
    CHECK(opened.error().message.find("version plus récente") != std::string::npos);
    CHECK(opened.error().message.find("n’a pas été modifié") != std::string::npos);
    CHECK(testing::readFile(file) == before);  // still in rollback mode: not switched to WAL
    CHECK_FALSE(std::filesystem::exists(folder.path() / "progress.db-wal"));
}

TEST_CASE("files from before the application id are adopted and given it; a new one has it") {
    testing::TemporaryFolder folder;
    const auto file = folder.path() / "progress.db";
    {
        auto opened = ProgressStore::open(file);
        REQUIRE(opened.ok());
        REQUIRE(opened.value().store->createProfile("Avant"));
        sql::Database database(file);
        CHECK(database.queryInteger("PRAGMA application_id") == kProgressApplicationId);
        REQUIRE(database.execute("PRAGMA application_id = 0"));  // as version 3 wrote it
    }
    auto reopened = ProgressStore::open(file);
    REQUIRE_MESSAGE(reopened.ok(), reopened.error().message);
    CHECK(reopened.value().notice.empty());
    CHECK(reopened.value().store->profiles().size() == 1);
    CHECK(sql::Database(file).queryInteger("PRAGMA application_id") == kProgressApplicationId);
}

TEST_CASE(
    "progress.db-wal deleted while the game runs, then SIGKILL: nothing lost, and it is said (item 11)") {
    testing::TemporaryFolder folder;
    const auto file = folder.path() / "progress.db";
    Writer writer = Writer::start({"--lose-journal", file.string()});
    int reported = 0;
    for (std::string line = writer.line(); !line.empty(); line = writer.line()) {
        reported += line.starts_with("saved") ? 1 : 0;
    }
    CHECK(writer.wait() == 128 + SIGKILL);
    REQUIRE(reported == 6);
    CHECK_FALSE(std::filesystem::exists(folder.path() / "progress.db-wal"));
    auto opened = ProgressStore::open(file);
    REQUIRE_MESSAGE(opened.ok(), opened.error().message);
    CHECK_MESSAGE(opened.value().notice.find("avait perdu son journal") != std::string::npos,
                  opened.value().notice);
    const auto profiles = opened.value().store->profiles();
    REQUIRE(profiles.size() == 1);
    CHECK(opened.value().store->resultCount(profiles[0].id) ==
          6);  // folded into the file as soon as it was missed
}

TEST_CASE("a journal deleted under an open store: results folded into the file, and the learner told") {
    testing::TemporaryFolder folder;
    const auto file = folder.path() / "progress.db";
    auto opened = ProgressStore::open(file);
    REQUIRE(opened.ok());
    const auto profile = opened.value().store->createProfile("Sans journal");
    REQUIRE(profile);
    REQUIRE(opened.value().store->record(answer(*profile, "avant")));
    CHECK(opened.value().store->journalWarning().empty());
    std::filesystem::remove(folder.path() / "progress.db-wal");
    REQUIRE(opened.value().store->record(answer(*profile, "apres")));
    CHECK(opened.value().store->journalWarning().find("a été effacé") != std::string::npos);
    // The file alone, copied as if nothing else survived, holds both results.
    std::filesystem::create_directories(folder.path() / "copie");
    std::filesystem::copy_file(file, folder.path() / "copie" / "progress.db");
    sql::Database copy(folder.path() / "copie" / "progress.db");
    CHECK(count(copy, "SELECT count(*) FROM results") == 2);
}

TEST_CASE("borne.db of another program, killed with its journal pending, is moved aside whole") {
    testing::TemporaryFolder folder;
    const auto file = folder.path() / "borne.db";
    // The other program is killed with rows still in its -wal (no clean close folds them in).
    const pid_t other = ::fork();
    REQUIRE(other >= 0);
    if (other == 0) {
        sql::Database database(file);
        const bool done = database.execute("PRAGMA journal_mode = WAL") &&
                          database.execute("CREATE TABLE stock (n INTEGER); INSERT INTO stock VALUES (7);");
        ::_exit(done ? 0 : 1);
    }
    int status = 0;
    ::waitpid(other, &status, 0);
    REQUIRE(WIFEXITED(status));
    REQUIRE(WEXITSTATUS(status) == 0);
    REQUIRE(std::filesystem::exists(folder.path() / "borne.db-wal"));
    BorneStore store(folder.path(), [] { return kNoon; });
    REQUIRE(store.ok());
    CHECK(store.error().find("n’était pas un fichier de Passerelles") != std::string::npos);
    const auto aside = filesStartingWith(folder.path(), "borne.db.autre-programme-");
    REQUIRE(!aside.empty());
    // The other program's rows are in what was set aside, and none of them in the booth's new file.
    sql::Database kept(aside[0]);
    CHECK(count(kept, "SELECT n FROM stock") == 7);
    sql::Database fresh(file);
    CHECK(count(fresh, "SELECT count(*) FROM sqlite_master WHERE name = 'stock'") == 0);
    CHECK(count(fresh, "PRAGMA application_id") == kBorneApplicationId);
}

TEST_CASE("SQLite's error codes are said in French") {
    for (const int code : {SQLITE_BUSY, SQLITE_FULL, SQLITE_READONLY, SQLITE_CANTOPEN, SQLITE_IOERR,
                           SQLITE_CORRUPT, SQLITE_NOTADB, SQLITE_CONSTRAINT}) {
        CAPTURE(code);
        const std::string said = explainSqliteError(code);
        CHECK(said.find(sqlite3_errstr(code)) == std::string::npos);
        CHECK(said.find("code") == std::string::npos);  // a known code has its own words
    }
}

TEST_CASE("a full disk at start: one sentence that says so, and no contradiction (issue 22, item 16)") {
    testing::TemporaryFolder folder;
    const auto file = folder.path() / "progress.db";
    const auto child = testing::runInChild([&]() -> std::string {
        std::signal(SIGXFSZ, SIG_IGN);
        rlimit limit{};
        ::getrlimit(RLIMIT_FSIZE, &limit);
        limit.rlim_cur = 0;  // not one byte may be written: the disk is full
        ::setrlimit(RLIMIT_FSIZE, &limit);
        const auto opened = ProgressStore::open(file);
        if (opened.ok()) {
            return "FAIL a store on a full disk";
        }
        std::string notices;
        for (const std::string& notice : opened.error().notices) {
            notices += notice;
        }
        return notices + "|" + opened.error().message;
    });
    REQUIRE(child.ok());
    const std::string notice = child.report.substr(0, child.report.find('|'));
    const std::string error = child.report.substr(child.report.find('|') + 1);
    CHECK_MESSAGE(notice.empty(), notice);  // nothing « créé » or « mis de côté » beside the refusal
    CHECK_MESSAGE(error.find("le disque est plein") != std::string::npos, error);
    CHECK(error.find("La progression ne sera pas enregistrée") != std::string::npos);
    CHECK(error.find("rien ne sera enregistré") == std::string::npos);  // said once, not twice
}

// Crash safety: a writer process is killed with SIGKILL at random moments, many times; the database
// stays intact and every result the writer reported as saved is there.
#include <doctest/doctest.h>

#include <csignal>
#include <cstdio>
#include <random>
#include <set>
#include <string>

#include <sys/wait.h>
#include <unistd.h>

#include "core/base/sqlite.hpp"
#include "core/progress/progress_store.hpp"
#include "support/test_support.hpp"

using namespace passerelles;

namespace {

// Starts the writer, reads `lines` "saved N" lines, waits a random few hundred microseconds (so the
// kill lands anywhere in the next transaction), kills it, and returns the numbers it reported.
std::vector<long> runAndKill(const std::string& database, long first, int lines, int delayMicroseconds) {
    int pipeEnds[2];
    REQUIRE(::pipe(pipeEnds) == 0);
    const pid_t child = ::fork();
    REQUIRE(child >= 0);
    if (child == 0) {
        ::dup2(pipeEnds[1], STDOUT_FILENO);
        ::close(pipeEnds[0]);
        ::close(pipeEnds[1]);
        const std::string start = std::to_string(first);
        ::execl(PASSERELLES_PROGRESS_WRITER, "progress_writer", database.c_str(), start.c_str(), nullptr);
        ::_exit(127);
    }
    ::close(pipeEnds[1]);
    FILE* output = ::fdopen(pipeEnds[0], "r");
    std::vector<long> saved;
    char line[128];
    while (static_cast<int>(saved.size()) < lines && std::fgets(line, sizeof line, output) != nullptr) {
        long number = 0;
        if (std::sscanf(line, "saved %ld", &number) == 1) {
            saved.push_back(number);
        }
    }
    ::usleep(static_cast<useconds_t>(delayMicroseconds));
    ::kill(child, SIGKILL);
    int status = 0;
    ::waitpid(child, &status, 0);
    // Lines already in the pipe were reported as saved too: read them before forgetting the writer.
    while (std::fgets(line, sizeof line, output) != nullptr) {
        long number = 0;
        if (std::sscanf(line, "saved %ld", &number) == 1) {
            saved.push_back(number);
        }
    }
    std::fclose(output);
    CHECK(WIFSIGNALED(status));
    return saved;
}

}  // namespace

TEST_CASE("results reported as saved survive SIGKILL at random moments, and the file stays intact") {
    testing::TemporaryFolder folder;
    const std::string database = (folder.path() / "progress.db").string();
    std::mt19937 random(20261122);  // fixed seed: the same run every time, still varied within it
    std::uniform_int_distribution<int> lines(1, 25);
    std::uniform_int_distribution<int> delay(0, 3000);
    std::set<long> reported;
    long next = 1;
    constexpr int kKills = 40;
    for (int kill = 0; kill < kKills; ++kill) {
        const auto saved = runAndKill(database, next, lines(random), delay(random));
        REQUIRE_FALSE(saved.empty());
        reported.insert(saved.begin(), saved.end());
        next = *reported.rbegin() + 1000;  // fresh numbers each round, so every report is checked
    }
    sql::Database check(database);
    REQUIRE(check.isOpen());
    CHECK(check.queryText("PRAGMA integrity_check").value_or("") == "ok");
    std::set<long> stored;
    sql::Statement statement(check, "SELECT item_id FROM results WHERE pack_id = 'kill-test'");
    while (statement.step()) {
        stored.insert(std::stol(statement.text(0).substr(5)));
    }
    std::size_t missing = 0;
    for (const long number : reported) {
        missing += stored.count(number) == 0 ? 1 : 0;
    }
    CHECK(missing == 0);
    CHECK(reported.size() >= static_cast<std::size_t>(kKills));
    // And the store opens normally afterwards and keeps recording.
    auto reopened = ProgressStore::open(database);
    REQUIRE(reopened.ok());
    CHECK(reopened.value().notice.empty());
}

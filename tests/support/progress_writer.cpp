// Test helper: a second process on the same progress.db. Three modes:
//   progress_writer DATABASE FIRST_NUMBER   records results in a loop and prints "saved N" after each
//                                           commit, until killed (the kill test, and a busy writer);
//   progress_writer --race DATABASE NAME COUNT
//                                           waits for a line on standard input (so that several start at
//                                           the same moment), opens the store, plays as NAME (created if
//                                           needed) and records COUNT results; prints "ok PROFILE COUNT";
//   progress_writer --lose-journal DATABASE records 3 results, deletes DATABASE-wal, records 3 more, then
//                                           kills itself with SIGKILL (no clean close).
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <string>

#include "core/progress/progress_store.hpp"

namespace {

passerelles::ResultRecord resultNumber(std::int64_t profile, long number) {
    passerelles::ResultRecord record;
    record.profileId = profile;
    record.packId = "kill-test";
    record.packVersion = "1";
    record.activityId = "quiz";
    record.itemId = "item-" + std::to_string(number);
    record.fingerprint = "f";
    record.outcome = number % 3 == 0 ? passerelles::Outcome::Right : passerelles::Outcome::Wrong;
    record.maxPoints = 1.0;
    record.detail = std::string(200, 'd');  // some bulk, so kills land inside page writes too
    return record;
}

int race(const char* database, const char* name, long count) {
    char line[16];
    if (std::fgets(line, sizeof line, stdin) == nullptr) {
        return 2;
    }
    auto opened = passerelles::ProgressStore::open(database);
    if (!opened.ok()) {
        std::printf("error %s\n", opened.error().message.c_str());
        return 1;
    }
    const auto profile = opened.value().store->useOrCreateProfile(name);
    if (!profile) {
        std::printf("error %s\n", opened.value().store->lastError().c_str());
        return 1;
    }
    for (long number = 0; number < count; ++number) {
        if (!opened.value().store->record(resultNumber(*profile, number))) {
            std::printf("error %s\n", opened.value().store->lastError().c_str());
            return 1;
        }
    }
    std::printf("ok %lld %ld\n", static_cast<long long>(*profile), count);
    return 0;
}

int loseJournal(const char* database) {
    auto opened = passerelles::ProgressStore::open(database);
    if (!opened.ok()) {
        std::fprintf(stderr, "%s\n", opened.error().message.c_str());
        return 1;
    }
    const auto profile = opened.value().store->createProfile("Journal");
    for (long number = 0; number < 6 && profile; ++number) {
        if (number == 3) {
            std::filesystem::remove(std::string(database) + "-wal");
        }
        if (!opened.value().store->record(resultNumber(*profile, number))) {
            std::fprintf(stderr, "%s\n", opened.value().store->lastError().c_str());
            return 1;
        }
        std::printf("saved %ld\n", number);
        std::fflush(stdout);
    }
    std::raise(SIGKILL);
    return 1;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc == 5 && std::strcmp(argv[1], "--race") == 0) {
        return race(argv[2], argv[3], std::atol(argv[4]));
    }
    if (argc == 3 && std::strcmp(argv[1], "--lose-journal") == 0) {
        return loseJournal(argv[2]);
    }
    if (argc != 3) {
        std::fprintf(stderr,
                     "usage: progress_writer DATABASE FIRST_NUMBER | --race DATABASE NAME COUNT | "
                     "--lose-journal DATABASE\n");
        return 2;
    }
    auto opened = passerelles::ProgressStore::open(argv[1]);
    if (!opened.ok()) {
        std::fprintf(stderr, "%s\n", opened.error().message.c_str());
        return 1;
    }
    passerelles::ProgressStore& store = *opened.value().store;
    auto profile = store.lastUsedProfile();
    if (!profile) {
        profile = store.createProfile("Test");
    }
    if (!profile) {
        std::fprintf(stderr, "%s\n", store.lastError().c_str());
        return 1;
    }
    for (long number = std::atol(argv[2]);; ++number) {
        if (!store.record(resultNumber(*profile, number))) {
            std::fprintf(stderr, "%s\n", store.lastError().c_str());
            return 1;
        }
        // Only now, after the commit returned, is the result reported as saved.
        std::printf("saved %ld\n", number);
        std::fflush(stdout);
    }
}

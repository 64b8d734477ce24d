// Test helper for the kill test: records results in a loop and prints "saved N" after each commit.
#include <cstdio>
#include <cstdlib>
#include <string>

#include "core/progress/progress_store.hpp"

int main(int argc, char** argv) {
    if (argc != 3) {
        std::fprintf(stderr, "usage: progress_writer DATABASE FIRST_NUMBER\n");
        return 2;
    }
    auto opened = passerelles::ProgressStore::open(argv[1]);
    if (!opened.store) {
        std::fprintf(stderr, "%s\n", opened.error.c_str());
        return 1;
    }
    passerelles::ProgressStore& store = *opened.store;
    auto profile = store.lastUsedProfile();
    if (!profile) {
        profile = store.createProfile("Test");
    }
    if (!profile) {
        std::fprintf(stderr, "%s\n", store.lastError().c_str());
        return 1;
    }
    for (long number = std::atol(argv[2]);; ++number) {
        passerelles::ResultRecord record;
        record.profileId = *profile;
        record.packId = "kill-test";
        record.packVersion = "1";
        record.activityId = "quiz";
        record.itemId = "item-" + std::to_string(number);
        record.fingerprint = "f";
        record.outcome = number % 3 == 0 ? passerelles::Outcome::Right : passerelles::Outcome::Wrong;
        record.maxPoints = 1.0;
        record.detail = std::string(200, 'd');  // some bulk, so kills land inside page writes too
        if (!store.record(record)) {
            std::fprintf(stderr, "%s\n", store.lastError().c_str());
            return 1;
        }
        // Only now, after the commit returned, is the result reported as saved.
        std::printf("saved %ld\n", number);
        std::fflush(stdout);
    }
}

// A long, deterministic play history for the benchmarks: results recorded as the screens record them.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>

#include "core/content/content.hpp"
#include "core/progress/progress_store.hpp"

namespace passerelles::bench {

// A fixed first day and a clock that moves on by a minute at each result, and a day after each
// activity: a history spread over weeks, with review items falling due on different days.
struct FakeTime {
    std::int64_t now = 1767225600;  // 2026-01-01
};

// Opens a fresh store at `file` (its folder is emptied first) on the fake clock; exits on failure.
std::unique_ptr<ProgressStore> openFreshStore(const std::filesystem::path& file, FakeTime& time);

// Plays the pack's quizzes and decks pass after pass through ActivityRecorder until `count` results
// are recorded; the learner gets better from one pass to the next, so some items stay missed.
void playHistory(ProgressStore& store, std::int64_t profile, const Pack& pack, int count, FakeTime& time);

}  // namespace passerelles::bench

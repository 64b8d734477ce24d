// A large, valid, deterministic pack for the benchmarks: quizzes, idées reçues and scenarios.
#pragma once

#include <cstddef>
#include <filesystem>
#include <string>
#include <vector>

namespace passerelles::bench {

struct GeneratedPackSize {
    int questions = 10000;
    int questionsPerQuiz = 2500;  // a hand-written file stays far below the loader's 8 MB limit
    int cards = 1000;
    int cardsPerDeck = 500;
    int scenarios = 100;
    int nodesPerScenario = 200;  // at least 8: a start, a choice, a router and three endings
};

inline constexpr const char* kGeneratedPackId = "banc-essai";

// Writes pack.json and the activity files into `folder` (created); returns every file written.
// Texts are French-like sentences with the punctuation, quotes, figures and acronyms that the
// typography and the screens handle; scenarios have two variables and conditions so that the checker
// explores a bounded (at most eight values per node) but real state space.
std::vector<std::filesystem::path> writeGeneratedPack(const std::filesystem::path& folder,
                                                      const GeneratedPackSize& size = {});

// How many activity files the pack lists (the loader's default limit is 100).
std::size_t generatedActivityCount(const GeneratedPackSize& size);

}  // namespace passerelles::bench

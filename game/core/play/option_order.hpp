// The order in which a question's options are shown: shuffled per play, the same for the same seed.
//
// The shuffle must give the same order on every platform and with every standard library, so that a
// play resumed elsewhere, a report or a test shows what the player saw. std::shuffle and
// std::uniform_int_distribution do not promise that (their algorithms are implementation-defined), so
// the order is drawn here by a documented procedure:
//   1. the question's own stream: state = seed XOR FNV-1a-64(question.id), so that the questions of one
//      play get different orders from one seed;
//   2. SplitMix64 (Steele, Lea, Flood 2014; the generator Java's SplittableRandom uses) gives the numbers:
//        state += 0x9E3779B97F4A7C15; z = state;
//        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9; z = (z ^ (z >> 27)) * 0x94D049BB133111EB;
//        return z ^ (z >> 31);
//   3. a number below n is drawn by rejection (draws at or above the largest multiple of n are thrown away,
//      so every value is equally likely), then taken modulo n;
//   4. Fisher–Yates from the last position down: for i = n−1 … 1, swap positions i and draw(i + 1).
// A question with "shuffle": false keeps the file's order (oui/non, scales, « toutes les réponses… »).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/content/content.hpp"

namespace passerelles {

// Indices into question.options, in the order they are shown (position 0 is letter A). The identity when
// question.shuffle is false.
std::vector<int> optionDisplayOrder(const Question& question, std::uint64_t seed);

// The identity order 0, 1, … n−1: options as the file lists them.
std::vector<int> identityOrder(std::size_t count);

// Where option `option` (an index into question.options) is shown in `order`; -1 if it is not there. An
// empty order stands for the file's order (a result recorded without one).
int shownPosition(const std::vector<int>& order, int option);
// The shown positions of `options`, sorted: {2, 0} under order {2, 1, 0} gives {0, 2} ("A et C").
std::vector<int> shownPositions(const std::vector<int>& order, const std::vector<int>& options);

// The generator of step 2 above, exposed for its test vectors.
class SplitMix64 {
  public:
    explicit SplitMix64(std::uint64_t state) : state_(state) {}
    std::uint64_t next();
    // Uniform in [0, bound), bound > 0, by rejection (step 3).
    std::uint64_t below(std::uint64_t bound);

  private:
    std::uint64_t state_;
};

// A seed written as decimal text, as saved files keep it (JSON numbers above 2^53 would lose digits), and
// read back: nullopt for anything but 1 to 20 digits that fit in 64 bits (a damaged or foreign file).
std::string seedToText(std::uint64_t seed);
std::optional<std::uint64_t> seedFromText(std::string_view text);

// FNV-1a 64-bit hash of a text (offset basis 0xCBF29CE484222325, prime 0x100000001B3).
std::uint64_t fnv1a64(const std::string& text);

}  // namespace passerelles

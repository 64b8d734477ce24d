// Option order: SplitMix64 and Fisher–Yates, written out so that every platform draws the same order.
#include "core/play/option_order.hpp"

#include <algorithm>
#include <charconv>
#include <limits>
#include <system_error>
#include <utility>

namespace passerelles {

std::uint64_t SplitMix64::next() {
    state_ += 0x9E3779B97F4A7C15ULL;
    std::uint64_t z = state_;
    z = (z ^ (z >> 30U)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27U)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31U);
}

std::uint64_t SplitMix64::below(std::uint64_t bound) {
    const std::uint64_t max = std::numeric_limits<std::uint64_t>::max();
    const std::uint64_t limit = max - (max % bound + 1) % bound;  // draws above it would favour small values
    std::uint64_t draw = next();
    while (draw > limit) {
        draw = next();
    }
    return draw % bound;
}

std::uint64_t fnv1a64(const std::string& text) {
    std::uint64_t hash = 0xCBF29CE484222325ULL;
    for (const char c : text) {
        hash ^= static_cast<unsigned char>(c);
        hash *= 0x100000001B3ULL;
    }
    return hash;
}

std::vector<int> identityOrder(std::size_t count) {
    std::vector<int> order(count);
    for (std::size_t i = 0; i < count; ++i) {
        order[i] = static_cast<int>(i);
    }
    return order;
}

std::vector<int> optionDisplayOrder(const Question& question, std::uint64_t seed) {
    std::vector<int> order = identityOrder(question.options.size());
    if (!question.shuffle || order.size() < 2) {
        return order;
    }
    SplitMix64 generator(seed ^ fnv1a64(question.id));
    for (std::size_t i = order.size() - 1; i > 0; --i) {
        const auto j = static_cast<std::size_t>(generator.below(i + 1));
        std::swap(order[i], order[j]);
    }
    return order;
}

int shownPosition(const std::vector<int>& order, int option) {
    if (order.empty()) {
        return option;  // no order recorded: the file's order
    }
    const auto found = std::find(order.begin(), order.end(), option);
    return found == order.end() ? -1 : static_cast<int>(found - order.begin());
}

std::vector<int> shownPositions(const std::vector<int>& order, const std::vector<int>& options) {
    std::vector<int> positions;
    for (const int option : options) {
        positions.push_back(shownPosition(order, option));
    }
    std::sort(positions.begin(), positions.end());
    return positions;
}

std::string seedToText(std::uint64_t seed) {
    return std::to_string(seed);
}

std::optional<std::uint64_t> seedFromText(std::string_view text) {
    if (text.empty() || text.size() > 20 || text.find_first_not_of("0123456789") != std::string_view::npos) {
        return std::nullopt;
    }
    std::uint64_t seed = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), seed);
    if (error != std::errc() || end != text.data() + text.size()) {
        return std::nullopt;  // more than 2^64 − 1
    }
    return seed;
}

}  // namespace passerelles

// A folder of remembered scenario analyses, one small JSON file each, named by the scenario's key.
#include "core/loading/scenario_analysis_cache.hpp"

#include <algorithm>
#include <cstdint>
#include <initializer_list>
#include <system_error>

#include <nlohmann/json.hpp>

#include "core/base/file_reading.hpp"
#include "core/base/file_writing.hpp"

#ifndef PASSERELLES_VERSION
#define PASSERELLES_VERSION "dev"
#endif

namespace passerelles {

namespace {

constexpr int kFileFormat = 1;
constexpr std::uintmax_t kLargestFile = std::uintmax_t{4} << 20;

// Two 64-bit FNV-1a hashes with different starting points, each finished by SplitMix64's mixer: 128
// bits, so that two different scenarios never share a file in practice.
std::uint64_t hash64(const std::string& text, std::uint64_t basis) {
    std::uint64_t hash = basis;
    for (const char c : text) {
        hash ^= static_cast<unsigned char>(c);
        hash *= 0x100000001b3ULL;
    }
    hash ^= hash >> 30;
    hash *= 0xbf58476d1ce4e5b9ULL;
    hash ^= hash >> 27;
    hash *= 0x94d049bb133111ebULL;
    return hash ^ (hash >> 31);
}

std::filesystem::path fileFor(const std::filesystem::path& folder, const std::string& key) {
    return folder / (key + ".json");
}

nlohmann::json toJson(const RememberedAnalysis& analysis, const std::string& key) {
    nlohmann::json path = nlohmann::json::array();
    for (const PathStep& step : analysis.summary.bestPath) {
        path.push_back({step.node, step.choice});
    }
    nlohmann::json checks = nlohmann::json::array();
    for (const ScenarioCheck& check : analysis.checks) {
        checks.push_back({{"severity", check.severity == Severity::Error ? "error" : "warning"},
                          {"node", check.node},
                          {"pointer", check.pointerSuffix},
                          {"message", check.message}});
    }
    const ScenarioSummary& summary = analysis.summary;
    return {{"format", kFileFormat},
            {"key", key},
            {"stateCount", analysis.stateCount},
            {"summary",
             {{"checked", summary.checked},
              {"stateCount", summary.stateCount},
              {"scoreBounded", summary.scoreBounded},
              {"hasBestPath", summary.hasBestPath},
              {"bestPath", path},
              {"bestTotal", summary.bestTotal},
              {"worstTotal", summary.worstTotal}}},
            {"checks", checks}};
}

// Throws nlohmann::json's exceptions on anything unexpected: the caller treats them all as a miss.
RememberedAnalysis fromJson(const nlohmann::json& file) {
    RememberedAnalysis analysis;
    analysis.stateCount = file.at("stateCount").get<std::size_t>();
    const nlohmann::json& summary = file.at("summary");
    analysis.summary.checked = summary.at("checked").get<bool>();
    analysis.summary.stateCount = summary.at("stateCount").get<std::size_t>();
    analysis.summary.scoreBounded = summary.at("scoreBounded").get<bool>();
    analysis.summary.hasBestPath = summary.at("hasBestPath").get<bool>();
    for (const nlohmann::json& step : summary.at("bestPath")) {
        analysis.summary.bestPath.push_back({step.at(0).get<int>(), step.at(1).get<int>()});
    }
    analysis.summary.bestTotal = summary.at("bestTotal").get<double>();
    analysis.summary.worstTotal = summary.at("worstTotal").get<double>();
    for (const nlohmann::json& check : file.at("checks")) {
        const std::string severity = check.at("severity").get<std::string>();
        if (severity != "error" && severity != "warning") {
            throw std::invalid_argument("gravité inconnue");
        }
        analysis.checks.push_back({severity == "error" ? Severity::Error : Severity::Warning,
                                   check.at("node").get<int>(), check.at("pointer").get<std::string>(),
                                   check.at("message").get<std::string>()});
    }
    return analysis;
}

}  // namespace

std::string ScenarioAnalysisCache::keyFor(const nlohmann::json& scenarioSource, std::size_t stateLimit) {
    const std::string text = std::string(PASSERELLES_VERSION) + "\n" +
                             std::to_string(kScenarioCheckerVersion) + "\n" + std::to_string(stateLimit) +
                             "\n" + scenarioSource.dump();
    std::string digits;
    for (const std::uint64_t half :
         {hash64(text, 0xcbf29ce484222325ULL), hash64(text, 0x84222325cbf29ce4ULL)}) {
        for (int shift = 60; shift >= 0; shift -= 4) {
            digits += "0123456789abcdef"[(half >> shift) & 0xFU];
        }
    }
    return digits;
}

std::optional<RememberedAnalysis> ScenarioAnalysisCache::find(const std::string& key) const {
    auto bytes = readRegularFile(fileFor(folder_, key), kLargestFile);  // a missing file is a miss too
    if (!bytes.ok()) {
        return std::nullopt;
    }
    try {
        const nlohmann::json file = nlohmann::json::parse(bytes.value());
        if (file.at("format").get<int>() != kFileFormat || file.at("key").get<std::string>() != key) {
            return std::nullopt;
        }
        return fromJson(file);
    } catch (const std::exception&) {
        return std::nullopt;  // cut short, edited, another format: explored again, and written again
    }
}

void ScenarioAnalysisCache::store(const std::string& key, const RememberedAnalysis& analysis) const {
    std::error_code error;
    std::filesystem::create_directories(folder_, error);
    if (error || !writeFileAtomically(fileFor(folder_, key), toJson(analysis, key).dump()).ok()) {
        return;
    }
    // Content edited again and again leaves one file per version: the oldest go past the limit.
    std::vector<std::pair<std::filesystem::file_time_type, std::filesystem::path>> files;
    for (std::filesystem::directory_iterator it(folder_, error), end; !error && it != end;
         it.increment(error)) {
        if (it->path().extension() == ".json") {
            files.emplace_back(it->last_write_time(error), it->path());
        }
    }
    if (error || files.size() <= kMaximumEntries) {
        return;
    }
    std::sort(files.begin(), files.end());
    for (std::size_t i = 0; i + kMaximumEntries < files.size(); ++i) {
        std::filesystem::remove(files[i].second, error);
    }
}

RememberedAnalysis analyseScenarioOnce(const Scenario& scenario, const nlohmann::json& source,
                                       ScenarioBudget& budget, const ScenarioAnalysisCache* cache) {
    std::string key;
    if (cache != nullptr) {
        const std::size_t stateLimit = affordableStates(
            scenario, std::min(budget.statesPerScenario, budget.statesLeft), budget.bytesPerScenario);
        key = ScenarioAnalysisCache::keyFor(source, stateLimit);
        if (auto remembered = cache->find(key)) {
            budget.statesLeft -= std::min(budget.statesLeft, remembered->stateCount);
            return std::move(*remembered);
        }
    }
    ScenarioAnalysis analysis = analyseScenario(scenario, budget);
    RememberedAnalysis result{std::move(analysis.checks), summaryOf(analysis.exploration),
                              analysis.exploration.stateCount};
    if (cache != nullptr && result.stateCount >= ScenarioAnalysisCache::kStatesWorthRemembering) {
        cache->store(key, result);
    }
    return result;
}

}  // namespace passerelles

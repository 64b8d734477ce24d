// Remembers each large scenario's analysis (its checks for authors, its best path and totals) in a folder
// of the data directory, keyed by the scenario's own text, so that a game started again on the same
// content does not explore the same tens of thousands of states again (issue 19).
#pragma once

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "core/content/content.hpp"
#include "core/loading/scenario_checker.hpp"

namespace passerelles {

// What the loader keeps of an analysis: the checks it turns into messages, the summary it puts on the
// Scenario, and the states explored, which the pack's shared budget is charged for as if explored.
struct RememberedAnalysis {
    std::vector<ScenarioCheck> checks;
    ScenarioSummary summary;
    std::size_t stateCount = 0;
};

class ScenarioAnalysisCache {
  public:
    // Smaller scenarios are explored faster than a file is read: only these are written down.
    static constexpr std::size_t kStatesWorthRemembering = 500;
    static constexpr std::size_t kMaximumEntries = 200;

    explicit ScenarioAnalysisCache(std::filesystem::path folder) : folder_(std::move(folder)) {}

    // The key of a scenario's analysis: its JSON text as the pack gives it, the state limit it is
    // explored within, the checker's version and the program's. 32 hexadecimal digits.
    static std::string keyFor(const nlohmann::json& scenarioSource, std::size_t stateLimit);

    // The analysis written down under `key`, if its file is there and whole; anything else (no file, a
    // file cut short, another program's) is a miss, never an error: the scenario is explored again.
    std::optional<RememberedAnalysis> find(const std::string& key) const;
    // Writes the analysis down (atomically), and keeps the folder to kMaximumEntries files by removing
    // the oldest. A cache that cannot be written changes nothing for the player: failures are ignored.
    void store(const std::string& key, const RememberedAnalysis& analysis) const;

    const std::filesystem::path& folder() const { return folder_; }

  private:
    std::filesystem::path folder_;
};

// The analysis of `scenario` (read from `source`): remembered by `cache` when it has it, else run within
// `budget` and written down when large enough. `cache` may be null: always run.
RememberedAnalysis analyseScenarioOnce(const Scenario& scenario, const nlohmann::json& source,
                                       ScenarioBudget& budget, const ScenarioAnalysisCache* cache);

}  // namespace passerelles

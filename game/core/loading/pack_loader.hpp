// Loads pack folders and the shared glossary: a pack or its diagnostics, never an exception or a crash.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "core/base/diagnostics.hpp"
#include "core/content/content.hpp"
#include "core/loading/json_limits.hpp"

namespace passerelles {

class ScenarioAnalysisCache;

struct LoaderOptions {
    JsonLimits limits;
    std::size_t maxActivities = 100;
    // The scenario checker's budget (scenario_checker.hpp): states per scenario and for all of a pack's
    // scenarios, memory per scenario. Past it, « trop d'états à vérifier »: a warning, still playable.
    std::size_t scenarioStates = 200000;
    std::size_t packScenarioStates = 400000;
    std::size_t scenarioBytes = std::size_t{64} << 20;
    // Where large scenarios' analyses are remembered between starts (the game's data directory); null: none,
    // as for the pack tool, whose authors want every check run afresh.
    std::shared_ptr<const ScenarioAnalysisCache> scenarioCache;
};

struct PackLoad {
    std::filesystem::path folder;
    std::string label;                 // the folder's name, used in messages and on the home screen
    std::shared_ptr<const Pack> pack;  // null when the manifest itself cannot be used
    Diagnostics diagnostics;
    std::vector<std::string> skippedActivities;  // activity files listed but not playable

    bool usable() const { return pack != nullptr; }
};

PackLoad loadPack(const std::filesystem::path& folder, const LoaderOptions& options = {});

struct ContentRoot {
    std::filesystem::path folder;
    std::string origin;  // "bundled" or "user", shown to the trainer
};

struct LoadedPack {
    PackLoad load;
    std::string origin;
    // Found but not read yet (loading in the background): only load.folder and load.label are set.
    bool pending = false;
    std::size_t root = 0;  // which content root: packs are shown root by root
};

// Every pack of every root folder, plus the shared glossary (glossaire.json at a root).
struct ContentLibrary {
    std::vector<LoadedPack> packs;
    std::vector<GlossaryEntry> glossary;  // shared terms first, then each pack's own
    Diagnostics glossaryDiagnostics;
    // Changes whenever `packs` is replaced (the end of a background load): screens that keep indices
    // into `packs` rebuild them.
    std::uint64_t generation = 0;

    static ContentLibrary load(const std::vector<ContentRoot>& roots, const LoaderOptions& options = {});
    // The pack folders of every root, each pending, and the shared glossary: no pack is read, so the
    // game can show its first frame at once while the packs load in the background.
    static ContentLibrary discover(const std::vector<ContentRoot>& roots, const LoaderOptions& options = {});
    // The folders of the pending packs, in order: what to load.
    std::vector<std::filesystem::path> pendingFolders() const;
    // Puts the loads of the pending packs in their place (`loads` in pendingFolders() order), then
    // orders each root's packs, refuses a repeated pack id and merges the packs' glossaries.
    void complete(std::vector<PackLoad> loads);
    bool loading() const;
    const Pack* findPack(const std::string& id) const;
    std::vector<std::shared_ptr<const Pack>> usablePacks() const;
};

// Pack ids compared while completing libraries, since the start (a work counter: one look-up per pack,
// where a scan of the packs already kept made 10,000 packs cost 50 million comparisons).
std::uint64_t packIdChecks();

// Reads one glossary file (glossary.schema.json); entries are appended to `out`.
void loadGlossaryFile(const std::filesystem::path& path, const std::string& label, const JsonLimits& limits,
                      std::vector<GlossaryEntry>& out, Diagnostics& diagnostics);

}  // namespace passerelles

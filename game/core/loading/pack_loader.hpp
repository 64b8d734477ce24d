// Loads pack folders and the shared glossary: a pack or its diagnostics, never an exception or a crash.
#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "core/base/diagnostics.hpp"
#include "core/content/content.hpp"
#include "core/loading/json_limits.hpp"

namespace passerelles {

struct LoaderOptions {
    JsonLimits limits;
    std::size_t maxActivities = 100;
    // The scenario checker's budget (scenario_checker.hpp): states per scenario and for all of a pack's
    // scenarios, memory per scenario. Past it, « trop d'états à vérifier »: a warning, still playable.
    std::size_t scenarioStates = 200000;
    std::size_t packScenarioStates = 400000;
    std::size_t scenarioBytes = std::size_t{64} << 20;
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
};

// Every pack of every root folder, plus the shared glossary (glossaire.json at a root).
struct ContentLibrary {
    std::vector<LoadedPack> packs;
    std::vector<GlossaryEntry> glossary;  // shared terms first, then each pack's own
    Diagnostics glossaryDiagnostics;

    static ContentLibrary load(const std::vector<ContentRoot>& roots, const LoaderOptions& options = {});
    const Pack* findPack(const std::string& id) const;
    std::vector<std::shared_ptr<const Pack>> usablePacks() const;
};

// Reads one glossary file (glossary.schema.json); entries are appended to `out`.
void loadGlossaryFile(const std::filesystem::path& path, const std::string& label, const JsonLimits& limits,
                      std::vector<GlossaryEntry>& out, Diagnostics& diagnostics);

}  // namespace passerelles

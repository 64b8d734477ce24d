// A workshop in progress on disk: its plan and its journal, written after every change, read back after a
// crash.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "core/atelier/atelier_run.hpp"
#include "core/base/io_result.hpp"

namespace passerelles {

struct SavedWorkshop {
    AtelierPlan plan;
    std::vector<AtelierEvent> events;
    std::string savedAt;  // YYYY-MM-DD, the day the run was last written
    int position = 0;     // the step on screen, 0-based
    int stepCount = 0;
    std::optional<std::uint64_t> optionSeed;  // the shuffle the room saw; none: the files' order
};

// DATA/ateliers/en-cours.json: one workshop in progress per data folder, like one projector per room.
std::filesystem::path savedWorkshopPath(const std::filesystem::path& dataDirectory);

std::string savedWorkshopJson(const AtelierRun& run, const std::string& savedAt);
// A damaged text: FileProblem::Malformed and a French sentence; no file: Missing, « Aucun atelier en cours. »
IoResult<SavedWorkshop> savedWorkshopFromJson(const std::string& text);
IoResult<SavedWorkshop> readSavedWorkshop(const std::filesystem::path& file);

// « Reprendre l'atelier du 2 décembre 2026 (étape 7 sur 12) »
std::string resumeLabel(const SavedWorkshop& saved);

}  // namespace passerelles

// The workshop report, shaped like a network's capitalisation sheet: one self-contained HTML file and CSVs.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/atelier/atelier_run.hpp"
#include "core/base/io_result.hpp"

namespace passerelles {

// What the facilitator types at the end (or before): nothing about any person, only counts and notes.
struct AtelierFigures {
    int participants = 0;
    int collectivites = 0;     // collectivités represented in the room
    int newCollectivites = 0;  // of which never came to such a workshop before
    int minutesPlayed = 0;     // from the first step shown to the report, as the presenter measured it
    std::string notes;
    std::string nextSteps;  // « prochaines étapes »: what participants intend to do, the follow-up planned
};

struct AtelierReportFiles {
    std::string html;
    std::vector<std::pair<std::string, std::string>> csv;  // file name, content (UTF-8 with BOM, ";", CRLF)
};

// `generatedAt`: the date and time written in the report (« 22/11/2026 à 14 h 30 »).
AtelierReportFiles buildAtelierReport(const AtelierRun& run, const AtelierFigures& figures,
                                      const std::string& generatedAt);

// Writes the files into a new folder under `parent` named after the date and place; returns the HTML file.
IoResult<std::filesystem::path> writeAtelierReport(const AtelierReportFiles& files, const AtelierPlan& plan,
                                                   const std::filesystem::path& parent);

// « Équipe 2 », or the team's own name when the plan allows names in the report.
std::string teamLabel(const AtelierPlan& plan, int team);

}  // namespace passerelles

// Pieces of content drawn the same way on several screens (key points with their sources).
#pragma once

#include <optional>
#include <vector>

#include "core/content/content.hpp"
#include "ui/screen.hpp"

namespace passerelles::ui {

// Bulleted key points; a point shows its source only when it differs from `itemSource`, which the
// caller shows once (pass nullopt to show every point's source).
void drawKeyPoints(Frame& frame, const Pack& pack, const std::vector<KeyPoint>& points,
                   const std::optional<SourceRef>& itemSource);

// The scenario's visible variables: gauges as bars, numbers with their unit, flags as ✓ or ○.
// Opens a panel coloured by a choice's score (good, neutral, poor) for its consequence; close with endPanel.
ImU32 beginConsequencePanel(Frame& frame, double score);  // returns the colour used for the border
void drawScenarioState(Frame& frame, const Scenario& scenario, const std::vector<double>& values);

enum class ResumeChoice { Undecided, Resume, Restart };
// "Vous aviez commencé…" with Reprendre (Entrée) and Recommencer (R); `where` says how far the learner was.
ResumeChoice drawResumePrompt(Frame& frame, const std::string& where);

// While a play (QuizPlay, ScenarioPlay) offers its unfinished run, draws the prompt and returns true;
// once the learner chooses, the play takes the saved run or starts afresh, and tells its recorder.
template <typename Play>
bool offerResume(Frame& frame, Play& play, const std::string& where) {
    if (!play.resumable()) {
        return false;
    }
    const ResumeChoice choice = drawResumePrompt(frame, where);
    if (choice == ResumeChoice::Resume) {
        play.resume();
    } else if (choice == ResumeChoice::Restart) {
        play.restart();
    }
    return true;
}

}  // namespace passerelles::ui

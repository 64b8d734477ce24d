// One play of a self-diagnostic with its recording: reaching the result records it (closest profile,
// hybrid, every profile's score, the answers) and ends the session; starting again opens a new one.
#pragma once

#include <memory>
#include <string>

#include "core/play/diagnostic_run.hpp"
#include "core/progress/activity_recorder.hpp"

namespace passerelles {

class DiagnosticPlay {
  public:
    // A run at the first question and nothing recorded until begin().
    explicit DiagnosticPlay(const SelfDiagnostic& diagnostic);

    void begin(std::unique_ptr<ActivityRecorder> recorder);
    bool begun() const { return recorder_ != nullptr; }

    const DiagnosticRun& run() const { return run_; }
    bool toggle(int option) { return run_.toggle(option); }
    bool previous() { return run_.previous(); }
    // To the next question; after the last, the result, recorded with the session's end.
    bool next();
    // Starts again from the first question, in a new session.
    void restart();
    std::string problem() const { return recorder_ ? recorder_->problem() : std::string(); }

  private:
    const SelfDiagnostic& diagnostic_;
    DiagnosticRun run_;
    std::unique_ptr<ActivityRecorder> recorder_;
};

// The recorded detail of a finished run (JSON): "profile" and "hybrid" (profile ids, empty when none),
// "scores" (profile id → score) and "answers" (the options chosen, per question).
std::string diagnosticResultDetail(const SelfDiagnostic& diagnostic, const DiagnosticRun& run);

}  // namespace passerelles

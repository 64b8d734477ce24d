// Records one play of an activity in the progress store: session, answers, resume state, end.
// With no store (guest mode, or the store could not be opened) every call does nothing.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>

#include "core/play/myth_run.hpp"
#include "core/play/quiz_run.hpp"
#include "core/play/scenario_run.hpp"
#include "core/progress/progress_store.hpp"

namespace passerelles {

class ActivityRecorder {
  public:
    // `clock`: monotonic seconds, to measure active time between events (idle gaps are not counted).
    ActivityRecorder(ProgressStore* store, std::int64_t profileId, const Pack& pack, ActivityKind kind,
                     std::string activityId, std::function<double()> clock);

    bool enabled() const { return store_ != nullptr; }
    // In "Revoir mes erreurs": results are marked as reviews and belong to no session.
    void setReviewMode(bool review) { review_ = review; }
    // In "Refaire mes erreurs": results are marked as drills; they move no schedule (see ResultRecord).
    void setDrillMode(bool drill) { drill_ = drill; }
    // The saved state of an unfinished play of this activity by this profile, if any.
    std::optional<std::string> resumableState() const;
    // Starts recording: continues the unfinished session when `resume`, else abandons it and opens a new one.
    void start(bool resume);

    void answered(const Question& question, const QuestionResult& result);
    void cardPlayed(const MythCard& card, const SoloCardResult& result);
    // A card reviewed in "Revoir mes erreurs": only the argument is asked again.
    void cardReviewed(const MythCard& card, int argumentChosen);
    void scenarioEnded(const Scenario& scenario, const ScenarioRun& run, double bestTotal);
    void diagnosed(const SelfDiagnostic& diagnostic, const std::string& detail);
    void saveState(const std::string& state);
    void finish(double score, double maxScore);

    // The last failure, in French, for a banner ("Votre progression n'a pas pu être enregistrée…").
    const std::string& problem() const { return problem_; }

  private:
    std::int64_t activeSecondsSinceLastEvent();
    void record(ResultRecord record);
    void check(bool ok);

    ProgressStore* store_;
    std::int64_t profileId_;
    const Pack& pack_;
    ActivityKind kind_;
    std::string activityId_;
    std::function<double()> clock_;
    double lastEvent_ = 0.0;
    std::int64_t sessionId_ = 0;
    std::optional<SessionInfo> unfinished_;
    std::string problem_;
    bool review_ = false;
    bool drill_ = false;
};

// Resume states as JSON text (stored in the session row).
std::string serializeQuizSnapshot(const QuizRun::Snapshot& snapshot);
std::optional<QuizRun::Snapshot> parseQuizSnapshot(const std::string& text);
std::string serializeScenarioPath(const std::vector<std::string>& choiceIds);
std::optional<std::vector<std::string>> parseScenarioPath(const std::string& text);

}  // namespace passerelles

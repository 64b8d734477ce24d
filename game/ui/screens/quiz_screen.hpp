// The quiz screen's class, visible to tests that check what the run recorded.
#pragma once

#include <memory>

#include "core/play/quiz_run.hpp"
#include "core/progress/activity_recorder.hpp"
#include "ui/screen.hpp"

namespace passerelles::ui {

class QuizScreen final : public Screen {
  public:
    QuizScreen(std::shared_ptr<const Pack> pack, const Quiz& quiz);

    std::string title() const override { return quiz_.title; }
    std::string kind() const override { return "quiz"; }
    void draw(Frame& frame) override;
    const QuizRun& run() const { return run_; }
    // The sentence shown when an answer could not be saved (full disk…), empty while all is well.
    std::string recordingProblem() const { return recorder_ ? recorder_->problem() : std::string(); }

  private:
    void handleKeys(Frame& frame);
    void advance();
    void drawProgress(Frame& frame);
    void drawAnswering(Frame& frame, const Question& question);
    void drawRevealed(Frame& frame, const Question& question);
    // On the first frame: starts recording, or offers to resume an unfinished play.
    void prepareRecording(Frame& frame);
    void confirm();
    void finish(Frame& frame);

    std::shared_ptr<const Pack> pack_;
    const Quiz& quiz_;
    QuizRun run_;
    bool scrollToVerdict_ = false;
    std::unique_ptr<ActivityRecorder> recorder_;
    std::optional<QuizRun> resumable_;  // the unfinished run offered to the learner
    std::string notice_;
};

}  // namespace passerelles::ui

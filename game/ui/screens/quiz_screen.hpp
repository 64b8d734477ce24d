// The quiz screen's class, visible to tests that check what the run recorded.
#pragma once

#include <memory>

#include "core/session/quiz_play.hpp"
#include "ui/screen.hpp"

namespace passerelles::ui {

class QuizScreen final : public Screen {
  public:
    QuizScreen(std::shared_ptr<const Pack> pack, const Quiz& quiz);

    std::string title() const override { return quiz_.title; }
    std::string kind() const override { return "quiz"; }
    void draw(Frame& frame) override;
    const QuizRun& run() const { return play_.run(); }
    // The sentence shown when an answer could not be saved (full disk…), empty while all is well.
    std::string recordingProblem() const { return play_.problem(); }

  private:
    void handleKeys(Frame& frame);
    void advance();
    void drawProgress(Frame& frame);
    void drawAnswering(Frame& frame, const Question& question);
    void drawRevealed(Frame& frame, const Question& question);
    void confirm();
    void finish(Frame& frame);

    std::shared_ptr<const Pack> pack_;
    const Quiz& quiz_;
    QuizPlay play_;  // the run and its recording; begun on the first frame
    bool scrollToVerdict_ = false;
};

}  // namespace passerelles::ui

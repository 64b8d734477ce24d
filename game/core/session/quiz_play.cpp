// One play of a quiz with its recording.
#include "core/session/quiz_play.hpp"

#include <utility>
#include <vector>

namespace passerelles {

QuizPlay::QuizPlay(const Quiz& quiz) : quiz_(quiz), run_(QuizRun::forQuiz(quiz)) {}

void QuizPlay::begin(std::unique_ptr<ActivityRecorder> recorder, std::optional<std::uint64_t> seed) {
    // Each play draws its own option order; a resumed play takes the seed saved with it instead.
    run_ = QuizRun::forQuiz(quiz_, seed);
    recorder_ = std::move(recorder);
    if (const auto state = recorder_->resumableState()) {
        std::vector<const Question*> questions = run_.questions();
        const auto snapshot = parseQuizSnapshot(*state);
        if (snapshot) {
            resumable_.offer(QuizRun::restore(*snapshot, questions));
        }
        if (!resumable_.run()) {
            // The saved play no longer matches the questions: say so rather than guess.
            notice_ = "Le quiz a changé depuis votre dernière partie : il reprend au début.";
            recorder_->start(false);
        }
        return;
    }
    recorder_->start(false);
}

bool QuizPlay::confirm() {
    if (!run_.confirm()) {
        return false;
    }
    recorder_->answered(run_.currentQuestion(), *run_.currentResult());
    recorder_->saveState(serializeQuizSnapshot(run_.snapshot()));
    return true;
}

void QuizPlay::next() {
    run_.next();
    if (run_.phase() != QuizRun::Phase::Finished) {
        recorder_->saveState(serializeQuizSnapshot(run_.snapshot()));
    }
}

void QuizPlay::finish() {
    recorder_->finish(run_.score(), run_.maxScore());
}

}  // namespace passerelles

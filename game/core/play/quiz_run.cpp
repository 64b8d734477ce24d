// Quiz run state machine: select, confirm (reveal and score), next, finish, restart, snapshot.
#include "core/play/quiz_run.hpp"

#include <algorithm>

#include "core/play/option_order.hpp"

namespace passerelles {

void toggleOption(std::vector<int>& selection, int option, bool multiple) {
    if (!multiple) {
        selection.assign(1, option);
        return;
    }
    const auto found = std::find(selection.begin(), selection.end(), option);
    if (found != selection.end()) {
        selection.erase(found);
    } else {
        selection.push_back(option);
        std::sort(selection.begin(), selection.end());
    }
}

QuizRun::QuizRun(std::vector<const Question*> questions, std::optional<std::uint64_t> seed)
    : questions_(std::move(questions)), seed_(seed) {
    for (const auto* question : questions_) {
        orders_.push_back(seed_ ? optionDisplayOrder(*question, *seed_)
                                : identityOrder(question->options.size()));
    }
    if (questions_.empty()) {
        phase_ = Phase::Finished;
    }
}

QuizRun QuizRun::forQuiz(const Quiz& quiz, std::optional<std::uint64_t> seed) {
    std::vector<const Question*> questions;
    for (const auto& question : quiz.questions) {
        questions.push_back(&question);
    }
    return QuizRun(std::move(questions), seed);
}

bool QuizRun::isSelected(int option) const {
    return std::find(selection_.begin(), selection_.end(), option) != selection_.end();
}

const QuestionResult* QuizRun::currentResult() const {
    if (phase_ != Phase::Revealed || results_.empty()) {
        return nullptr;
    }
    return &results_.back();
}

bool QuizRun::toggle(int option) {
    if (phase_ != Phase::Answering || option < 0 ||
        option >= static_cast<int>(currentQuestion().options.size())) {
        return false;
    }
    toggleOption(selection_, option, currentQuestion().isMultipleAnswer());
    return true;
}

bool QuizRun::confirm() {
    if (phase_ != Phase::Answering || selection_.empty()) {
        return false;
    }
    results_.push_back({questions_[position_], selection_, scoreQuestion(currentQuestion(), selection_),
                        orders_[position_]});
    phase_ = Phase::Revealed;
    return true;
}

bool QuizRun::next() {
    if (phase_ != Phase::Revealed) {
        return false;
    }
    selection_.clear();
    if (position_ + 1 >= questions_.size()) {
        phase_ = Phase::Finished;
        return true;
    }
    ++position_;
    phase_ = Phase::Answering;
    return true;
}

void QuizRun::restart() {
    position_ = 0;
    selection_.clear();
    results_.clear();
    phase_ = questions_.empty() ? Phase::Finished : Phase::Answering;
}

double QuizRun::score() const {
    double total = 0.0;
    for (const auto& result : results_) {
        total += result.score.points;
    }
    return total;
}

double QuizRun::maxScore() const {
    double total = 0.0;
    for (const auto* question : questions_) {
        total += question->points;
    }
    return total;
}

int QuizRun::countOutcome(Outcome outcome) const {
    return static_cast<int>(
        std::count_if(results_.begin(), results_.end(),
                      [&](const QuestionResult& result) { return result.score.outcome == outcome; }));
}

QuizRun::Snapshot QuizRun::snapshot() const {
    Snapshot snapshot;
    for (const auto* question : questions_) {
        snapshot.questionIds.push_back(question->id);
    }
    snapshot.position = position_;
    snapshot.phase = phase_;
    for (const auto& result : results_) {
        snapshot.answers.push_back(result.selected);
    }
    snapshot.selection = selection_;
    snapshot.seed = seed_;
    return snapshot;
}

std::optional<QuizRun> QuizRun::restore(const Snapshot& snapshot,
                                        const std::vector<const Question*>& questions) {
    if (snapshot.questionIds.size() != questions.size()) {
        return std::nullopt;
    }
    for (std::size_t i = 0; i < questions.size(); ++i) {
        if (questions[i]->id != snapshot.questionIds[i]) {
            return std::nullopt;
        }
    }
    QuizRun run(questions, snapshot.seed);
    for (std::size_t i = 0; i < snapshot.answers.size(); ++i) {
        if (run.phase_ != Phase::Answering) {
            return std::nullopt;
        }
        run.selection_.clear();
        for (const int option : snapshot.answers[i]) {
            run.toggle(option);
        }
        if (!run.confirm()) {
            return std::nullopt;
        }
        const bool lastAnswered = i + 1 == snapshot.answers.size();
        if (!(lastAnswered && snapshot.phase == Phase::Revealed)) {
            run.next();
        }
    }
    if (run.position_ != snapshot.position || run.phase_ != snapshot.phase) {
        return std::nullopt;
    }
    if (run.phase_ == Phase::Answering) {
        for (const int option : snapshot.selection) {
            run.toggle(option);
        }
    }
    return run;
}

}  // namespace passerelles

// One play-through of a list of quiz questions: a state machine driven by the UI's events.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/content/content.hpp"
#include "core/play/quiz_scoring.hpp"

namespace passerelles {

struct QuestionResult {
    const Question* question = nullptr;
    std::vector<int> selected;  // option indices (into question->options, not shown positions), sorted
    QuestionScore score;
    std::vector<int> shown;  // the options as they were shown (optionDisplayOrder), so letters can be rebuilt
};

// Ticks or unticks `option`: a one-answer question keeps a single selection; the list stays sorted.
void toggleOption(std::vector<int>& selection, int option, bool multiple);

class QuizRun {
  public:
    enum class Phase { Answering, Revealed, Finished };

    // The questions are borrowed: the pack that owns them must outlive the run. `seed` draws the options'
    // order of every question (optionDisplayOrder); without a seed they keep the file's order.
    explicit QuizRun(std::vector<const Question*> questions,
                     std::optional<std::uint64_t> seed = std::nullopt);
    static QuizRun forQuiz(const Quiz& quiz, std::optional<std::uint64_t> seed = std::nullopt);

    Phase phase() const { return phase_; }
    std::size_t position() const { return position_; }
    std::size_t questionCount() const { return questions_.size(); }
    const Question& currentQuestion() const { return *questions_[position_]; }
    const std::vector<const Question*>& questions() const { return questions_; }
    const std::vector<int>& selection() const { return selection_; }
    bool isSelected(int option) const;
    // The result of the question on screen once it is revealed.
    const QuestionResult* currentResult() const;
    // The options of the question on screen in the order shown: shownOrder()[0] is the option under
    // letter A. Events (toggle) and results still use indices into question.options.
    const std::vector<int>& shownOrder() const { return orders_[position_]; }
    const std::vector<int>& shownOrder(std::size_t question) const { return orders_[question]; }
    std::optional<std::uint64_t> seed() const { return seed_; }

    // Events. Each returns false, and changes nothing, when it does not apply in the current phase.
    bool toggle(int option);  // one-answer questions keep a single selection
    bool confirm();           // needs at least one option selected
    bool next();              // to the next question, or to the end
    void restart();

    const std::vector<QuestionResult>& results() const { return results_; }
    double score() const;
    double maxScore() const;  // of every question in the run
    int countOutcome(Outcome outcome) const;

    // Resume support: where the run stood, enough to rebuild it on the same questions.
    struct Snapshot {
        std::vector<std::string> questionIds;
        std::size_t position = 0;
        Phase phase = Phase::Answering;
        std::vector<std::vector<int>> answers;  // one per answered question, in order
        std::vector<int> selection;
        // The shuffle's seed: restoring with it shows the same order; none (a state saved before the
        // shuffle existed, or a run without one) keeps the file's order.
        std::optional<std::uint64_t> seed;
    };
    Snapshot snapshot() const;
    // Rebuilds a run from a snapshot; nullopt when the questions no longer match the snapshot.
    static std::optional<QuizRun> restore(const Snapshot& snapshot,
                                          const std::vector<const Question*>& questions);

  private:
    std::vector<const Question*> questions_;
    std::optional<std::uint64_t> seed_;
    std::vector<std::vector<int>> orders_;  // per question, its options as shown
    std::size_t position_ = 0;
    Phase phase_ = Phase::Answering;
    std::vector<int> selection_;
    std::vector<QuestionResult> results_;
};

}  // namespace passerelles

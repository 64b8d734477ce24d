// "Revoir mes erreurs" and "Refaire mes erreurs": a run over questions and idées reçues cards, each
// answered then revealed, with every answer kept for the end screen.
//
// A review answers the items due today; the answers move their FSRS schedule. A drill answers, at once,
// the items just missed at the end of a quiz, a deck or a review: its answers are recorded as drill
// results (ResultRecord::drill), which move no schedule and are never an item's latest result.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "core/content/content.hpp"
#include "core/play/myth_run.hpp"
#include "core/play/quiz_run.hpp"
#include "core/play/quiz_scoring.hpp"

namespace passerelles {

struct ReviewItem {
    const Pack* pack = nullptr;
    std::string activityId;
    std::variant<const Question*, const MythCard*> item;

    const Question* question() const;
    const MythCard* card() const;
    const std::string& id() const;
};

// One item's answer: the options ticked (or the argument chosen) and the outcome.
struct ReviewAnswer {
    std::vector<int> selection;  // indices into the item's options or arguments
    Outcome outcome = Outcome::Wrong;
    std::vector<int> shown;  // the order they were shown in (position 0 is letter A)
};

class ReviewRun {
  public:
    enum class Phase { Answering, Revealed, Finished };
    enum class Mode { Review, Drill };

    // `seed` draws the order of each question's options (optionDisplayOrder); without one, and for cards,
    // the file's order.
    explicit ReviewRun(std::vector<ReviewItem> items, Mode mode = Mode::Review,
                       std::optional<std::uint64_t> seed = std::nullopt);
    ReviewRun(std::vector<ReviewItem> items, std::optional<std::uint64_t> seed)
        : ReviewRun(std::move(items), Mode::Review, seed) {}

    Mode mode() const { return mode_; }
    Phase phase() const { return phase_; }
    std::size_t position() const { return position_; }
    std::size_t itemCount() const { return items_.size(); }
    const std::vector<ReviewItem>& items() const { return items_; }
    const ReviewItem& current() const { return items_[position_]; }
    const std::vector<int>& selection() const { return selection_; }
    // The current item's options (or arguments) as shown: shownOrder()[0] is under letter A. Events and
    // results use indices into the item's own list.
    const std::vector<int>& shownOrder() const { return orders_[position_]; }

    // A question: tick options then confirm. A card: choose an argument (confirms at once).
    bool toggle(int option);
    bool confirm();
    bool next();

    Outcome lastOutcome() const { return lastOutcome_; }
    const QuestionScore& lastScore() const { return lastScore_; }
    int rightCount() const { return right_; }
    // The answers so far, one per item in order (all of them once finished).
    const std::vector<ReviewAnswer>& answers() const { return answers_; }
    // The items of this run not answered right: what « Refaire mes erreurs » offers at its end.
    std::vector<ReviewItem> missedItems() const;

  private:
    std::vector<ReviewItem> items_;
    Mode mode_;
    std::vector<std::vector<int>> orders_;
    std::size_t position_ = 0;
    Phase phase_ = Phase::Answering;
    std::vector<int> selection_;
    Outcome lastOutcome_ = Outcome::Wrong;
    QuestionScore lastScore_;
    int right_ = 0;
    std::vector<ReviewAnswer> answers_;
};

// The drill after a quiz: the questions not answered right (wrong or only partly), in the order met.
std::vector<ReviewItem> drillItems(const Pack& pack, const Quiz& quiz, const QuizRun& run);
// The drill after a deck played alone: the cards whose best argument was not found.
std::vector<ReviewItem> drillItems(const Pack& pack, const MythDeck& deck, const SoloMythRun& run);

// The texts of a question's right options, or of a card's best argument (no letters: the order of the
// options changes from play to play).
std::vector<std::string> rightAnswerTexts(const ReviewItem& item);
// The right options' (or best argument's) indices into the item's own list.
std::vector<int> rightIndices(const ReviewItem& item);
// « A. texte ; C. texte »: options (or arguments) by their letter in `shown` (empty: the file's order).
std::string answerWithLetters(const ReviewItem& item, const std::vector<int>& indices,
                              const std::vector<int>& shown);

}  // namespace passerelles

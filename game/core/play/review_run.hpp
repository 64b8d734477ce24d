// "Revoir mes erreurs": a run over due questions and idées reçues cards, each answered then revealed.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "core/content/content.hpp"
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

class ReviewRun {
  public:
    enum class Phase { Answering, Revealed, Finished };

    // `seed` draws the order of each question's options (optionDisplayOrder); without one, and for cards,
    // the file's order.
    explicit ReviewRun(std::vector<ReviewItem> items, std::optional<std::uint64_t> seed = std::nullopt);

    Phase phase() const { return phase_; }
    std::size_t position() const { return position_; }
    std::size_t itemCount() const { return items_.size(); }
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

  private:
    std::vector<ReviewItem> items_;
    std::vector<std::vector<int>> orders_;
    std::size_t position_ = 0;
    Phase phase_ = Phase::Answering;
    std::vector<int> selection_;
    Outcome lastOutcome_ = Outcome::Wrong;
    QuestionScore lastScore_;
    int right_ = 0;
};

}  // namespace passerelles

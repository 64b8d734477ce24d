// "Revoir mes erreurs": a run over due questions and idées reçues cards, each answered then revealed.
#pragma once

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

    explicit ReviewRun(std::vector<ReviewItem> items);

    Phase phase() const { return phase_; }
    std::size_t position() const { return position_; }
    std::size_t itemCount() const { return items_.size(); }
    const ReviewItem& current() const { return items_[position_]; }
    const std::vector<int>& selection() const { return selection_; }

    // A question: tick options then confirm. A card: choose an argument (confirms at once).
    bool toggle(int option);
    bool confirm();
    bool next();

    Outcome lastOutcome() const { return lastOutcome_; }
    const QuestionScore& lastScore() const { return lastScore_; }
    int rightCount() const { return right_; }

  private:
    std::vector<ReviewItem> items_;
    std::size_t position_ = 0;
    Phase phase_ = Phase::Answering;
    std::vector<int> selection_;
    Outcome lastOutcome_ = Outcome::Wrong;
    QuestionScore lastScore_;
    int right_ = 0;
};

}  // namespace passerelles

// State machine of the review of missed items.
#include "core/play/review_run.hpp"

#include "core/play/option_order.hpp"
#include "core/play/quiz_run.hpp"
#include "core/play/quiz_scoring.hpp"

#include <algorithm>

namespace passerelles {

const Question* ReviewItem::question() const {
    const auto* value = std::get_if<const Question*>(&item);
    return value != nullptr ? *value : nullptr;
}

const MythCard* ReviewItem::card() const {
    const auto* value = std::get_if<const MythCard*>(&item);
    return value != nullptr ? *value : nullptr;
}

const std::string& ReviewItem::id() const {
    return question() != nullptr ? question()->id : card()->id;
}

ReviewRun::ReviewRun(std::vector<ReviewItem> items, std::optional<std::uint64_t> seed)
    : items_(std::move(items)) {
    for (const auto& item : items_) {
        if (const Question* question = item.question()) {
            orders_.push_back(seed ? optionDisplayOrder(*question, *seed)
                                   : identityOrder(question->options.size()));
        } else {
            orders_.push_back(identityOrder(item.card()->arguments.size()));
        }
    }
    if (items_.empty()) {
        phase_ = Phase::Finished;
    }
}

bool ReviewRun::toggle(int option) {
    if (phase_ != Phase::Answering) {
        return false;
    }
    if (const MythCard* card = current().card()) {
        if (option < 0 || option >= static_cast<int>(card->arguments.size())) {
            return false;
        }
        selection_.assign(1, option);
        return confirm();
    }
    const Question& question = *current().question();
    if (option < 0 || option >= static_cast<int>(question.options.size())) {
        return false;
    }
    toggleOption(selection_, option, question.isMultipleAnswer());
    return true;
}

bool ReviewRun::confirm() {
    if (phase_ != Phase::Answering || selection_.empty()) {
        return false;
    }
    if (const MythCard* card = current().card()) {
        lastScore_ = scoreCard(*card, selection_[0]);
        lastOutcome_ = lastScore_.outcome;
    } else {
        lastScore_ = scoreQuestion(*current().question(), selection_);
        lastOutcome_ = lastScore_.outcome;
    }
    right_ += lastOutcome_ == Outcome::Right ? 1 : 0;
    phase_ = Phase::Revealed;
    return true;
}

bool ReviewRun::next() {
    if (phase_ != Phase::Revealed) {
        return false;
    }
    selection_.clear();
    if (++position_ >= items_.size()) {
        phase_ = Phase::Finished;
        position_ = items_.size() - 1;
        return true;
    }
    phase_ = Phase::Answering;
    return true;
}

}  // namespace passerelles

// State machine of the review and the drill of missed items.
#include "core/play/review_run.hpp"

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

ReviewRun::ReviewRun(std::vector<ReviewItem> items, Mode mode) : items_(std::move(items)), mode_(mode) {
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
    answers_.push_back({selection_, lastOutcome_});
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

std::vector<ReviewItem> ReviewRun::missedItems() const {
    std::vector<ReviewItem> missed;
    for (std::size_t i = 0; i < answers_.size() && i < items_.size(); ++i) {
        if (answers_[i].outcome != Outcome::Right) {
            missed.push_back(items_[i]);
        }
    }
    return missed;
}

std::vector<ReviewItem> drillItems(const Pack& pack, const Quiz& quiz, const QuizRun& run) {
    std::vector<ReviewItem> items;
    for (const QuestionResult& result : run.results()) {
        if (result.score.outcome != Outcome::Right) {
            items.push_back({&pack, quiz.id, result.question});
        }
    }
    return items;
}

std::vector<ReviewItem> drillItems(const Pack& pack, const MythDeck& deck, const SoloMythRun& run) {
    std::vector<ReviewItem> items;
    for (const SoloCardResult& result : run.results()) {
        if (!result.bestChosen) {
            items.push_back({&pack, deck.id, result.card});
        }
    }
    return items;
}

std::vector<std::string> rightAnswerLines(const ReviewItem& item) {
    std::vector<std::string> lines;
    if (const Question* question = item.question()) {
        for (std::size_t i = 0; i < question->options.size(); ++i) {
            if (question->options[i].correct) {
                lines.push_back(std::string(1, static_cast<char>('A' + i)) + ". " +
                                question->options[i].text);
            }
        }
    } else if (const int best = item.card()->bestArgumentIndex(); best >= 0) {
        lines.push_back(std::string(1, static_cast<char>('A' + best)) + ". " +
                        item.card()->arguments[static_cast<std::size_t>(best)].text);
    }
    return lines;
}

}  // namespace passerelles

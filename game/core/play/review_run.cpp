// State machine of the review and the drill of missed items.
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

ReviewRun::ReviewRun(std::vector<ReviewItem> items, Mode mode, std::optional<std::uint64_t> seed)
    : items_(std::move(items)), mode_(mode) {
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
    answers_.push_back({selection_, lastOutcome_, orders_[position_]});
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

std::vector<std::string> rightAnswerTexts(const ReviewItem& item) {
    std::vector<std::string> texts;
    if (const Question* question = item.question()) {
        for (const auto& option : question->options) {
            if (option.correct) {
                texts.push_back(option.text);
            }
        }
    } else if (const int best = item.card()->bestArgumentIndex(); best >= 0) {
        texts.push_back(item.card()->arguments[static_cast<std::size_t>(best)].text);
    }
    return texts;
}

std::string answerWithLetters(const ReviewItem& item, const std::vector<int>& indices,
                              const std::vector<int>& shown) {
    // By shown position, as the learner read them: « A. … ; C. … ».
    std::vector<int> sorted = indices;
    std::sort(sorted.begin(), sorted.end(),
              [&](int a, int b) { return shownPosition(shown, a) < shownPosition(shown, b); });
    std::string text;
    for (const int index : sorted) {
        const std::size_t i = static_cast<std::size_t>(index);
        const std::string& label =
            item.question() != nullptr ? item.question()->options[i].text : item.card()->arguments[i].text;
        text += (text.empty() ? "" : " ; ") +
                std::string(1, static_cast<char>('A' + shownPosition(shown, index))) + ". " + label;
    }
    return text;
}

std::vector<int> rightIndices(const ReviewItem& item) {
    std::vector<int> indices;
    if (const Question* question = item.question()) {
        for (std::size_t i = 0; i < question->options.size(); ++i) {
            if (question->options[i].correct) {
                indices.push_back(static_cast<int>(i));
            }
        }
    } else if (const int best = item.card()->bestArgumentIndex(); best >= 0) {
        indices.push_back(best);
    }
    return indices;
}

}  // namespace passerelles

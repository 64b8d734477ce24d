// State machines of the idées reçues activity, alone and in a room.
#include "core/play/myth_run.hpp"

#include "core/play/quiz_scoring.hpp"

namespace passerelles {

const char* agreementLabel(Agreement agreement) {
    switch (agreement) {
        case Agreement::Agree:
            return "D’accord";
        case Agreement::RatherAgree:
            return "Plutôt d’accord";
        case Agreement::RatherDisagree:
            return "Plutôt pas d’accord";
        case Agreement::Disagree:
            return "Pas d’accord";
    }
    return "";
}

namespace {

std::vector<const MythCard*> cardsOf(const MythDeck& deck) {
    std::vector<const MythCard*> cards;
    for (const auto& card : deck.cards) {
        cards.push_back(&card);
    }
    return cards;
}

}  // namespace

// ---- Solo ---------------------------------------------------------------------------------

SoloMythRun::SoloMythRun(std::vector<const MythCard*> cards) : cards_(std::move(cards)) {
    restart();
}

SoloMythRun SoloMythRun::forDeck(const MythDeck& deck) {
    return SoloMythRun(cardsOf(deck));
}

void SoloMythRun::restart() {
    position_ = 0;
    results_.clear();
    phase_ = cards_.empty() ? Phase::Finished : Phase::PositionBefore;
    current_ = SoloCardResult{};
    if (!cards_.empty()) {
        current_.card = cards_[0];
    }
}

bool SoloMythRun::setPosition(Agreement agreement) {
    if (phase_ == Phase::PositionBefore) {
        current_.before = agreement;
        phase_ = Phase::ChooseArgument;
        return true;
    }
    if (phase_ != Phase::PositionAfter) {
        return false;
    }
    current_.after = agreement;
    results_.push_back(current_);
    if (position_ + 1 >= cards_.size()) {
        phase_ = Phase::Finished;
        return true;
    }
    ++position_;
    current_ = SoloCardResult{};
    current_.card = cards_[position_];
    phase_ = Phase::PositionBefore;
    return true;
}

bool SoloMythRun::chooseArgument(int index) {
    if (phase_ != Phase::ChooseArgument || index < 0 ||
        index >= static_cast<int>(currentCard().arguments.size())) {
        return false;
    }
    current_.argumentChosen = index;
    const QuestionScore score = scoreCard(currentCard(), index);
    current_.bestChosen = score.outcome == Outcome::Right;
    current_.points = score.points;
    phase_ = Phase::Answer;
    return true;
}

bool SoloMythRun::continueToPositionAfter() {
    if (phase_ != Phase::Answer) {
        return false;
    }
    phase_ = Phase::PositionAfter;
    return true;
}

double SoloMythRun::score() const {
    double total = 0.0;
    for (const auto& result : results_) {
        total += result.points;
    }
    return total;
}

double SoloMythRun::maxScore() const {
    double total = 0.0;
    for (const auto* card : cards_) {
        total += card->points;
    }
    return total;
}

int SoloMythRun::movedAwayCount() const {
    int count = 0;
    for (const auto& result : results_) {
        count += result.shift() > 0 ? 1 : 0;
    }
    return count;
}

// ---- Room ---------------------------------------------------------------------------------

RoomMythRun::RoomMythRun(std::vector<const MythCard*> cards) : cards_(std::move(cards)) {
    restart();
}

RoomMythRun RoomMythRun::forDeck(const MythDeck& deck) {
    return RoomMythRun(cardsOf(deck));
}

void RoomMythRun::restart() {
    position_ = 0;
    results_.clear();
    revealed_ = 0;
    phase_ = cards_.empty() ? Phase::Finished : Phase::Statement;
    current_ = RoomCardResult{};
    if (!cards_.empty()) {
        current_.card = cards_[0];
    }
}

void RoomMythRun::nextCard() {
    revealed_ = 0;
    if (position_ + 1 >= cards_.size()) {
        phase_ = Phase::Finished;
        return;
    }
    ++position_;
    current_ = RoomCardResult{};
    current_.card = cards_[position_];
    phase_ = Phase::Statement;
}

bool RoomMythRun::advance() {
    switch (phase_) {
        case Phase::Statement:
            phase_ = Phase::VoteBefore;
            return true;
        case Phase::VoteBefore:
            phase_ = Phase::Arguments;  // an empty vote is allowed: some rooms do not vote
            return true;
        case Phase::Arguments:
            if (revealNextArgument()) {
                return true;
            }
            phase_ = Phase::Answer;
            return true;
        case Phase::Answer:
            phase_ = Phase::VoteAfter;
            return true;
        case Phase::VoteAfter:
            phase_ = Phase::Shift;
            return true;
        case Phase::Shift:
            results_.push_back(current_);
            nextCard();
            return true;
        case Phase::Finished:
            return false;
    }
    return false;
}

bool RoomMythRun::revealNextArgument() {
    if (phase_ != Phase::Arguments || revealed_ >= static_cast<int>(currentCard().arguments.size())) {
        return false;
    }
    ++revealed_;
    return true;
}

bool RoomMythRun::hideLastArgument() {
    if (phase_ != Phase::Arguments || revealed_ == 0) {
        return false;
    }
    --revealed_;
    return true;
}

bool RoomMythRun::recordVote(HandCount count) {
    if (count.agree < 0 || count.disagree < 0) {
        return false;
    }
    if (phase_ == Phase::VoteBefore) {
        current_.before = count;
        return true;
    }
    if (phase_ == Phase::VoteAfter) {
        current_.after = count;
        return true;
    }
    return false;
}

bool RoomMythRun::skipCard() {
    if (phase_ == Phase::Finished) {
        return false;
    }
    nextCard();
    return true;
}

}  // namespace passerelles

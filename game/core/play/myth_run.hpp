// Idées reçues, played alone (position, argument, answer, position again) or in a room (show of hands).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/content/content.hpp"

namespace passerelles {

// How far the learner agrees with the misconception, from "d'accord" to "pas d'accord".
enum class Agreement { Agree = 0, RatherAgree = 1, RatherDisagree = 2, Disagree = 3 };
const char* agreementLabel(Agreement agreement);

struct SoloCardResult {
    const MythCard* card = nullptr;
    Agreement before = Agreement::Agree;
    int argumentChosen = -1;
    bool bestChosen = false;
    double points = 0.0;
    Agreement after = Agreement::Agree;
    // Positive when the learner moved away from the misconception.
    int shift() const { return static_cast<int>(after) - static_cast<int>(before); }
};

// Solo: for each card, position before → argument → full answer → position after.
// Points reward the choice of argument, never the opinion.
class SoloMythRun {
  public:
    enum class Phase { PositionBefore, ChooseArgument, Answer, PositionAfter, Finished };

    explicit SoloMythRun(std::vector<const MythCard*> cards);
    static SoloMythRun forDeck(const MythDeck& deck);

    Phase phase() const { return phase_; }
    std::size_t position() const { return position_; }
    std::size_t cardCount() const { return cards_.size(); }
    const MythCard& currentCard() const { return *cards_[position_]; }
    const std::vector<const MythCard*>& cards() const { return cards_; }
    // The card being played, as recorded so far (before and argument once given).
    const SoloCardResult& current() const { return current_; }

    // Events; each returns false and changes nothing when it does not apply now.
    bool setPosition(Agreement agreement);  // PositionBefore → ChooseArgument; PositionAfter → next card
    bool chooseArgument(int index);         // ChooseArgument → Answer
    bool continueToPositionAfter();         // Answer → PositionAfter
    void restart();

    const std::vector<SoloCardResult>& results() const { return results_; }
    double score() const;
    double maxScore() const;
    int movedAwayCount() const;  // cards where the learner ended further from the misconception

  private:
    std::vector<const MythCard*> cards_;
    std::size_t position_ = 0;
    Phase phase_ = Phase::PositionBefore;
    SoloCardResult current_;
    std::vector<SoloCardResult> results_;
};

// Counts from a show of hands.
struct HandCount {
    int agree = 0;
    int disagree = 0;
    int total() const { return agree + disagree; }
    double agreeShare() const { return total() > 0 ? static_cast<double>(agree) / total() : 0.0; }
};

struct RoomCardResult {
    const MythCard* card = nullptr;
    HandCount before;
    HandCount after;
    // Positive when the room moved away from the misconception (share agreeing fell).
    double shift() const { return before.agreeShare() - after.agreeShare(); }
};

// Room: the facilitator shows the statement, types the show of hands, reveals the arguments one
// by one, shows the answer, types the hands again, and the shift appears.
class RoomMythRun {
  public:
    enum class Phase { Statement, VoteBefore, Arguments, Answer, VoteAfter, Shift, Finished };

    explicit RoomMythRun(std::vector<const MythCard*> cards);
    static RoomMythRun forDeck(const MythDeck& deck);

    Phase phase() const { return phase_; }
    std::size_t position() const { return position_; }
    std::size_t cardCount() const { return cards_.size(); }
    const MythCard& currentCard() const { return *cards_[position_]; }
    int argumentsRevealed() const { return revealed_; }
    const RoomCardResult& current() const { return current_; }

    // Events; each returns false and changes nothing when it does not apply now.
    bool advance();                    // to the next phase (Arguments: reveals the next argument first)
    bool revealNextArgument();         // Arguments only
    bool hideLastArgument();           // Arguments only, back one argument
    bool recordVote(HandCount count);  // VoteBefore and VoteAfter
    bool skipCard();                   // straight to the next card, nothing recorded
    void restart();

    const std::vector<RoomCardResult>& results() const { return results_; }

  private:
    void nextCard();

    std::vector<const MythCard*> cards_;
    std::size_t position_ = 0;
    Phase phase_ = Phase::Statement;
    int revealed_ = 0;
    RoomCardResult current_;
    std::vector<RoomCardResult> results_;
};

}  // namespace passerelles

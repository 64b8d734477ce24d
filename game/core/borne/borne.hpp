// The forum booth: its settings, the short round a visitor plays, and the day's anonymous counters.
//
// A round is drawn at random from the chosen themes: a few questions and, optionally, one idée reçue
// whose best argument the visitor must pick. It ends on a score and one fact to take away. Counters are
// kept in their own SQLite file (borne.db, WAL, one transaction per round) so that a booth never touches
// a learner's progress, and they hold no name: only the nickname a visitor chose to type for the day's
// leaderboard.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include "core/base/io_result.hpp"
#include "core/content/content.hpp"
#include "core/play/quiz_scoring.hpp"

namespace passerelles {

namespace sql {
class Database;
}

struct BorneSettings {
    std::vector<std::string> themes;  // empty: every theme
    int questions = 5;                // per round, 1 to 10
    bool withCard = false;            // one idée reçue first, then the questions (then 3 are advised)
    int idleSeconds = 60;             // back to the attract screen after this long without input
    int attractSeconds = 7;           // each slide of the attract screen
    bool leaderboard = true;          // offer a nickname at the end of a round
    std::string pinHash;              // empty until the trainer chooses a PIN
    // Whether the trainer may choose the PIN at the booth's screen: only on a genuinely first start (no
    // borne.json, and no damaged one set aside). Otherwise a booth without a PIN stays locked until one is
    // set from the command line (setBornePin). Not saved.
    bool pinChoiceAtScreen = true;

    bool hasPin() const { return !pinHash.empty(); }
    void setPin(const std::string& pin);
    bool checkPin(const std::string& pin) const;
};

// A PIN is 4 to 8 digits.
bool validBornePin(const std::string& pin);

// Wrong PINs, counted across openings of the trainer's screen and restarts of the booth (BorneStore keeps
// them). Every third wrong code starts a delay before any code is tried again: 30 s, then 2 min, then
// 10 min for every later series. A right code starts the count again. Times are wall-clock seconds
// given by the caller, so tests inject them.
struct PinLockoutState {
    int failures = 0;              // wrong codes since the last right one
    std::int64_t lockedUntil = 0;  // no code is tried before this time; 0: never locked
};

class PinLockout {
  public:
    static constexpr int kSeries = 3;  // wrong codes per series
    explicit PinLockout(PinLockoutState state = {});

    // Seconds before a code may be tried again (0: now). A lock that ends further away than its series'
    // delay (the clock was set back) is shortened to that delay from `now`: a clock set back neither
    // unlocks the pad nor locks it for good.
    std::int64_t secondsLeft(std::int64_t now);
    bool locked(std::int64_t now) { return secondsLeft(now) > 0; }
    // A wrong code typed at `now`; true when it ends a series, so the lock starts.
    bool fail(std::int64_t now);
    void succeed() { state_ = {}; }
    const PinLockoutState& state() const { return state_; }

    // The delay after the n-th series of wrong codes (n from 1).
    static std::int64_t delayAfterSeries(int series);

  private:
    PinLockoutState state_;
};

// « 30 s », « 1 min 45 s », « 10 min ».
std::string formatLockoutDelay(std::int64_t seconds);

// borne.json in the data folder; a missing file gives the defaults. A damaged one is moved aside
// (borne.json.endommage-DATE-TIME) and replaced by the defaults, keeping its PIN hash when it can still be
// read; `notice` says what happened. Never fails: a file that cannot be read (a FIFO, no rights) gives
// the defaults with the booth locked, and the notice says why.
struct BorneSettingsRead {
    BorneSettings settings;
    std::string notice;  // French, empty when all went well
};
BorneSettingsRead loadBorneSettings(const std::filesystem::path& file);
IoResult<void> saveBorneSettings(const std::filesystem::path& file, const BorneSettings& settings);

// `passerelles --borne --set-pin`: saves the PIN read from standard input (`typed`, one line) in
// DIR/borne.json, keeping the other settings, and starts the count of wrong codes again. Returns the
// French sentence saying where it was saved; the error says why not (not 4 to 8 digits, a folder that
// refuses writing).
IoResult<std::string> setBornePin(const std::filesystem::path& dataDirectory, std::string typed);

struct BorneItem {
    const Pack* pack = nullptr;
    std::string activityId;  // the quiz or the deck
    const Question* question = nullptr;
    const MythCard* card = nullptr;
};

// Every question and card of the packs that carries one of the themes (all of them when none is given).
struct BornePool {
    std::vector<BorneItem> questions;
    std::vector<BorneItem> cards;
    bool empty() const { return questions.empty() && cards.empty(); }
};
BornePool buildBornePool(const std::vector<const Pack*>& packs, const std::vector<std::string>& themes);

// Themes present in the packs' questions and cards, with the label of the first pack naming them.
std::vector<VocabularyEntry> bornePoolThemes(const std::vector<const Pack*>& packs);

class BorneRound {
  public:
    BorneRound(const BornePool& pool, const BorneSettings& settings, std::mt19937& random);
    // A round of these items, in this order (tests, and a screen shown with one given item).
    explicit BorneRound(std::vector<BorneItem> items) : items_(std::move(items)) {}

    std::size_t size() const { return items_.size(); }
    std::size_t position() const { return position_; }
    bool finished() const { return position_ >= items_.size(); }
    const BorneItem& current() const { return items_[position_]; }
    const std::vector<BorneItem>& items() const { return items_; }
    // The order the current item's options are shown in (indices into its options or arguments): a
    // question's options shuffled by this round's seed (core/play/option_order.hpp) unless the question
    // says "shuffle": false; a card's arguments as the file lists them. A round built from given items
    // (tests, a screen shown with one item) keeps the file's order.
    std::vector<int> shownOrder() const;

    // The visitor's answer to the current item: options ticked for a question, one argument for a card.
    // Returns its score (points and outcome: right, partly right, wrong), decided here once: the screen
    // only shows it. The item stays on screen until next(); a second answer to it counts nothing (zero
    // points, outcome Wrong) and changes nothing.
    QuestionScore answer(const std::vector<int>& selected);
    bool answered() const { return answered_; }
    const std::vector<int>& selection() const { return selection_; }
    // The score of the current item once answered (what answer() returned).
    const QuestionScore& lastScore() const { return lastScore_; }
    void next();

    double points() const { return points_; }
    double maxPoints() const;
    // 0 to 100, rounded.
    int percent() const;
    // Ids ("pack/quiz/question") of the questions the visitor got wrong or partly wrong.
    const std::vector<std::string>& missed() const { return missed_; }
    // One sentence to take away: from the first question missed, else from the card, else a question.
    std::string factToTakeAway() const;

  private:
    std::vector<BorneItem> items_;
    std::optional<std::uint64_t> optionSeed_;  // drawn with the round's items; none: the file's order
    std::size_t position_ = 0;
    bool answered_ = false;
    std::vector<int> selection_;
    QuestionScore lastScore_;
    double points_ = 0.0;
    std::vector<std::string> missed_;
    std::vector<std::size_t> missedItems_;
};

// "pack/activity/item" for a question, used as the counters' key.
std::string borneItemKey(const BorneItem& item);
// The first sentence of a text, at most `limit` bytes (cut on a word with "…").
std::string firstSentence(const std::string& text, std::size_t limit = 240);

struct BorneMissedQuestion {
    std::string key;
    std::string text;
    int missed = 0;
    int asked = 0;
};

struct BorneDayCounters {
    std::string day;  // YYYY-MM-DD
    int rounds = 0;
    int abandoned = 0;  // left mid-round: the booth went back to its attract screen
    double averagePercent = 0.0;
    std::vector<BorneMissedQuestion> mostMissed;  // most missed first, at most 10
};

struct BorneLeader {
    std::string nickname;
    int percent = 0;
};

// A visitor's place in the day's rounds: « 3e sur 41 aujourd'hui ».
struct BorneRank {
    int position = 0;  // from 1
    int total = 0;     // finished rounds of the day, this one included
};
// The French ordinal in its short form: « 1er » (or « 1re » when `feminine`), « 2e », « 41e ».
std::string frenchOrdinal(int number, bool feminine = false);
// The rank of a visitor's score: « 3e sur 41 aujourd’hui », « 1er sur 2 aujourd’hui », and « 1er score du
// jour » for the day's first round.
std::string formatBorneRank(const BorneRank& rank);

// "ZOE 100 % · BOB 80 %"
std::string formatLeaders(const std::vector<BorneLeader>& leaders);

// PRAGMA application_id of borne.db ("PASB").
inline constexpr std::int32_t kBorneApplicationId = 0x50415342;

class BorneStore {
  public:
    // Opens or creates DIR/borne.db. A damaged file is moved aside (borne.db.endommage-DATE-TIME) and a fresh
    // one started; see error() for what happened.
    // `clock` (unix seconds, for the name of a file moved aside) defaults to the system's.
    explicit BorneStore(const std::filesystem::path& dataDirectory, std::function<std::int64_t()> clock = {});
    ~BorneStore();
    BorneStore(const BorneStore&) = delete;
    BorneStore& operator=(const BorneStore&) = delete;

    bool ok() const;
    const std::string& error() const { return error_; }

    // One finished round, with the questions asked and missed; returns the round's id (or nullopt).
    std::optional<std::int64_t> recordRound(const std::string& day, const BorneRound& round);
    bool recordAbandoned(const std::string& day);
    // The nickname a visitor typed after the round (trimmed, at most 20 characters; empty removes it).
    bool setNickname(std::int64_t roundId, const std::string& nickname);

    BorneDayCounters counters(const std::string& day, const std::vector<const Pack*>& packs);
    std::vector<BorneLeader> leaders(const std::string& day, int count);
    // Where a finished round stands among the day's finished rounds (best percent first; equal scores
    // in the order they were reached, as on the leaderboard); nullopt for an unknown round.
    std::optional<BorneRank> rank(const std::string& day, std::int64_t roundId);
    // The day's counters as CSV (UTF-8 with BOM, « ; »): figures, then the most missed questions.
    std::string countersCsv(const BorneDayCounters& counters);

    // How many times the file was read or written since opening: screens read once per visit, never per
    // frame, and the tests check it.
    std::uint64_t accesses() const { return accesses_; }

    // The wrong PINs counted so far (PinLockout), kept across restarts; nothing stored gives a clean slate.
    PinLockoutState pinLockout();
    bool savePinLockout(const PinLockoutState& state);

  private:
    std::unique_ptr<sql::Database> database_;
    std::string error_;
    std::uint64_t accesses_ = 0;
};

// Keeps a visitor's nickname printable and short: control characters removed, spaces trimmed, 20 chars.
std::string cleanNickname(const std::string& typed);

}  // namespace passerelles

// Content lint: cues that give answers away (length, place, wording, answers stated elsewhere), per activity.
//
// An "item" is a quiz question, an idée reçue card or a scenario decision node (a choice node whose best
// score is held by one choice). Its "right" options are the correct options, the best argument, or the
// best-scoring choice. The rules and their thresholds (content/README.md, « La relecture automatique »,
// explains them to authors):
//   1. longest: the share of items whose right option is the only longest (in characters) must stay at
//      or under kMaxOnlyLongestShare when the activity has at least kMinItemsForShares items. With 3 or 4
//      options and no cue, about a third or a quarter of items land there by chance; 40 % leaves room for
//      honest answers that need more words, while the 70 to 100 % the first packs had is a cue players learn.
//   2. position: for items shown in the file's order (questions with "shuffle": false, cards, decision
//      nodes), no single position may hold more than kMaxSamePositionShare of the right options when there
//      are at least kMinItemsForShares of them (« the answer is usually A »). Shuffled questions are
//      exempt: their place is drawn per play.
//   3. opening: a phrase of 2 or 3 words that opens the right option of at least kMinOpeningRepeats items
//      and no wrong option of the activity (« Selon l'étude ACTER (2024) » before each best argument) is a
//      cue; there must be none.
//   4. given away: a number with its unit (two digits or more, years aside: « 104 répondants », « 23 % »;
//      the unit keeps « 50 000 € » apart from « 50 000 habitants ») or a rare phrase (kPhraseWords words,
//      two of them meaningful, found in at most kMaxCluePlaces texts of the pack, not part of an acronym's
//      long form) of a right option, that no wrong option of the item and not its own wording has, and that a
//      player reads before answering: in the pack's description, the activity's own description, or an
//      earlier item of the same activity (its wording, right options, explanation, feedback; a wrong option's
//      text asserts nothing). There must be none.
#pragma once

#include <string>
#include <vector>

#include "core/content/content.hpp"

namespace passerelles {

namespace lint {
inline constexpr double kMaxOnlyLongestShare = 0.40;
inline constexpr double kMaxSamePositionShare = 0.50;
inline constexpr int kMinItemsForShares = 5;
inline constexpr int kMinOpeningRepeats = 3;
inline constexpr int kMaxCluePlaces = 3;
inline constexpr std::size_t kPhraseWords = 4;
}  // namespace lint

enum class LintRule { Longest, Position, Opening, GivenAway };

struct LintFinding {
    LintRule rule = LintRule::Longest;
    std::string itemId;   // empty for a finding about the whole activity
    std::string pointer;  // JSON pointer into the activity file ("/questions/6"), empty for the whole file
    std::string message;  // French
};

struct ActivityLint {
    const ActivityRef* activity = nullptr;
    int items = 0;                         // items with right options (rule 1's denominator)
    std::vector<std::string> onlyLongest;  // ids of items whose right option is the only longest
    int fixedItems = 0;                    // items shown in the file's order (rule 2)
    std::vector<int> fixedPositions;       // right options per position (0 is A) among them
    std::vector<LintFinding> findings;     // every rule broken, rules 1 and 2 once for the activity

    double onlyLongestShare() const;
    double samePositionShare() const;  // the most frequent position's share, 0 with no fixed item
    bool passes() const { return findings.empty(); }
};

struct PackLint {
    std::vector<ActivityLint> activities;  // quizzes, decks and scenarios, in the pack's order
    bool passes() const;
};

// `sharedGlossary`: the long forms of content/glossaire.json, which are vocabulary rather than clues (the
// pack's own glossary is read from the pack).
PackLint lintPack(const Pack& pack, const std::vector<GlossaryEntry>& sharedGlossary = {});

// Numbers of a text as written, group separators removed: "4 700 et 31,7 %" gives {"4700", "31,7"}.
std::vector<std::string> numbersIn(const std::string& text);
// The same numbers with the word or sign after them: "4 700 habitants et 31,7 %" gives
// {"4700 habitants", "31,7 %"}.
std::vector<std::string> numberClues(const std::string& text);
// Lowercase words with accents folded, apostrophes kept inside a word ("l'etude").
std::vector<std::string> lintWords(const std::string& text);
// Length in characters (UTF-8 code points), as a reader sees it.
std::size_t characterCount(const std::string& text);

}  // namespace passerelles

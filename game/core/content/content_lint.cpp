// Content lint: the four rules of content_lint.hpp over a loaded pack's quizzes, decks and scenarios.
//
// Sections: text helpers (words, numbers, phrases) · items (questions, cards, decision nodes as one shape)
// · the rules · lintPack.
#include "core/content/content_lint.hpp"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>

#include "core/base/text.hpp"

namespace passerelles {

// ---- Text helpers ---------------------------------------------------------------------------------

std::size_t characterCount(const std::string& text) {
    return static_cast<std::size_t>(std::count_if(
        text.begin(), text.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0U) != 0x80U; }));
}

std::vector<std::string> lintWords(const std::string& text) {
    std::string folded = foldForSearch(text);
    std::vector<std::string> words;
    std::string word;
    const auto flush = [&] {
        while (!word.empty() && (word.back() == '\'' || word.back() == '-')) {
            word.pop_back();
        }
        if (!word.empty()) {
            words.push_back(word);
        }
        word.clear();
    };
    for (std::size_t i = 0; i < folded.size(); ++i) {
        const char c = folded[i];
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
            word += c;
        } else if ((c == '\'' || c == '-') && !word.empty()) {
            word += c;
        } else if (folded.compare(i, 3, "\xE2\x80\x99") == 0 && !word.empty()) {
            word += '\'';  // the typographic apostrophe, as authors type it
            i += 2;
        } else {
            flush();
        }
    }
    flush();
    return words;
}

namespace {

// A space that may sit between groups of three digits: ASCII, no-break, narrow no-break, thin.
std::size_t groupSeparatorAt(const std::string& text, std::size_t i) {
    if (text[i] == ' ') {
        return 1;
    }
    if (text.compare(i, 2, "\xC2\xA0") == 0) {
        return 2;
    }
    if (text.compare(i, 3, "\xE2\x80\xAF") == 0 || text.compare(i, 3, "\xE2\x80\x89") == 0) {
        return 3;
    }
    return 0;
}

bool isDigit(char c) {
    return c >= '0' && c <= '9';
}

bool threeDigitsAt(const std::string& text, std::size_t i) {
    return i + 3 <= text.size() && isDigit(text[i]) && isDigit(text[i + 1]) && isDigit(text[i + 2]) &&
           (i + 3 == text.size() || !isDigit(text[i + 3]));
}

}  // namespace

namespace {

struct NumberToken {
    std::string number;
    std::size_t end = 0;  // byte just after the number
};

std::vector<NumberToken> numberTokens(const std::string& text) {
    std::vector<NumberToken> numbers;
    std::size_t i = 0;
    while (i < text.size()) {
        const bool glued =
            i > 0 && (isDigit(text[i - 1]) || std::isalpha(static_cast<unsigned char>(text[i - 1])));
        if (!isDigit(text[i]) || glued) {
            ++i;
            continue;
        }
        std::string number;
        while (i < text.size()) {
            if (isDigit(text[i])) {
                number += text[i++];
                continue;
            }
            const std::size_t separator = groupSeparatorAt(text, i);
            if (separator > 0 && threeDigitsAt(text, i + separator)) {
                i += separator;
                continue;
            }
            if ((text[i] == ',' || text[i] == '.') && i + 1 < text.size() && isDigit(text[i + 1])) {
                number += ',';
                ++i;
                continue;
            }
            break;
        }
        numbers.push_back({number, i});
    }
    return numbers;
}

}  // namespace

std::vector<std::string> numbersIn(const std::string& text) {
    std::vector<std::string> numbers;
    for (const auto& token : numberTokens(text)) {
        numbers.push_back(token.number);
    }
    return numbers;
}

namespace {

// The words of a text as written (case and accents kept), one for each word lintWords finds, so that a
// message can quote the author's own words; empty when the two do not line up.
std::vector<std::string> writtenWords(const std::string& text) {
    std::vector<std::string> words;
    std::string word;
    const auto flush = [&] {
        while (!word.empty() && (word.back() == '\'' || word.back() == '-')) {
            word.pop_back();
        }
        if (!word.empty()) {
            words.push_back(word);
        }
        word.clear();
    };
    static const std::string_view kSeparators[] = {
        "\xC2\xA0",     "\xE2\x80\xAF", "\xE2\x80\x89", "\xC2\xAB",     "\xC2\xBB",    "\xE2\x80\xA6",
        "\xE2\x80\x93", "\xE2\x80\x94", "\xE2\x82\xAC", "\xE2\x80\x9C", "\xE2\x80\x9D"};
    for (std::size_t i = 0; i < text.size();) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (text.compare(i, 3, "\xE2\x80\x99") == 0) {
            if (!word.empty()) {
                word += "\xE2\x80\x99";
            }
            i += 3;
            continue;
        }
        bool separator = false;
        for (const auto& mark : kSeparators) {
            if (text.compare(i, mark.size(), mark) == 0) {
                flush();
                i += mark.size();
                separator = true;
                break;
            }
        }
        if (separator) {
            continue;
        }
        if (std::isalnum(c) != 0 || c >= 0x80U || ((c == '\'' || c == '-') && !word.empty())) {
            word += text[i++];
        } else {
            flush();
            ++i;
        }
    }
    flush();
    if (words.size() != lintWords(text).size()) {
        return {};
    }
    return words;
}

struct NumberClue {
    std::string key;    // "104 repondants": compared
    std::string shown;  // "104 répondants": quoted in messages
};

std::vector<NumberClue> numberCluesOf(const std::string& text) {
    std::vector<NumberClue> clues;
    for (const auto& token : numberTokens(text)) {
        std::size_t i = token.end;
        while (i < text.size()) {
            const std::size_t space = groupSeparatorAt(text, i);
            if (space == 0) {
                break;
            }
            i += space;
        }
        std::string unit;
        std::string shownUnit;
        if (i < text.size() && text[i] == '%') {
            unit = shownUnit = "%";
        } else if (text.compare(i, 3, "\xE2\x82\xAC") == 0) {
            unit = shownUnit = "€";
        } else if (i < text.size() && (std::isalpha(static_cast<unsigned char>(text[i])) != 0 ||
                                       (static_cast<unsigned char>(text[i]) & 0x80U) != 0)) {
            const std::string rest = text.substr(i, 40);
            const auto next = lintWords(rest);
            const auto written = writtenWords(rest);
            if (!next.empty()) {
                unit = next.front();
                shownUnit = written.empty() ? unit : written.front();
            }
        }
        const std::string shownNumber = token.number;
        clues.push_back({unit.empty() ? token.number : token.number + " " + unit,
                         shownUnit.empty() ? shownNumber : shownNumber + "\xC2\xA0" + shownUnit});
    }
    return clues;
}

}  // namespace

std::vector<std::string> numberClues(const std::string& text) {
    std::vector<std::string> keys;
    for (const auto& clue : numberCluesOf(text)) {
        keys.push_back(clue.key);
    }
    return keys;
}

namespace {

// Small words that say nothing about the subject: a phrase needs two other words to be distinctive.
const std::set<std::string>& stopWords() {
    static const std::set<std::string> words = {
        "avec",  "aussi", "autre", "autres", "avoir", "cette", "comme", "dans",   "donc",  "elle",
        "elles", "entre", "etre",  "leur",   "leurs", "lors",  "mais",  "meme",   "moins", "pour",
        "plus",  "sans",  "sont",  "sous",   "tout",  "toute", "tous",  "toutes", "tres",  "vers",
        "chez",  "dont",  "quoi",  "ceux",   "celle", "celui", "nous",  "vous",   "votre", "notre",
        "aux",   "des",   "les",   "une",    "par",   "sur"};
    return words;
}

bool meaningful(const std::string& word) {
    return word.size() >= 4 && stopWords().count(word) == 0;
}

std::set<std::string> phrasesOf(const std::string& text) {
    const auto words = lintWords(text);
    std::set<std::string> phrases;
    for (std::size_t i = 0; i + lint::kPhraseWords <= words.size(); ++i) {
        int weight = 0;
        std::string phrase;
        for (std::size_t k = 0; k < lint::kPhraseWords; ++k) {
            weight += static_cast<int>(meaningful(words[i + k]));
            phrase += (k > 0 ? " " : "") + words[i + k];
        }
        if (weight >= 2) {
            phrases.insert(phrase);
        }
    }
    return phrases;
}

// Numbers worth noticing, with the word after them ("104 répondants", "23 %"): two significant digits or
// more, and not a year (years date everything). The unit keeps "50 000 €" apart from "50 000 habitants".
std::set<std::string> distinctiveNumbers(const std::string& text) {
    std::set<std::string> out;
    for (const auto& clue : numberClues(text)) {
        const std::string number = clue.substr(0, clue.find(' '));
        const auto digits = std::count_if(number.begin(), number.end(), isDigit);
        const bool year = number.size() == 4 && (number.starts_with("19") || number.starts_with("20"));
        if (digits >= 2 && !year) {
            out.insert(clue);
        }
    }
    return out;
}

std::string numberOf(const std::string& clue) {
    return clue.substr(0, clue.find(' '));
}

std::set<std::string> allNumberClues(const std::string& text) {
    const auto clues = numberClues(text);
    return {clues.begin(), clues.end()};
}

std::set<std::string> allNumbersOf(const std::string& text) {
    const auto numbers = numbersIn(text);
    return {numbers.begin(), numbers.end()};
}

std::string percent(double share) {
    return formatDecimal(share * 100.0, 0) + " %";
}

// ---- Items ----------------------------------------------------------------------------------------

struct LintOption {
    std::string text;
    bool right = false;
};

struct LintItem {
    std::string id;
    std::string pointer;
    std::string label;  // "question q07", "carte « x »", "nœud « n »"
    std::string stem;
    std::vector<LintOption> options;
    std::vector<std::string> otherTexts;  // explanation, feedback, answer, key points, consequences
    bool fixedOrder = true;
};

std::vector<LintItem> itemsOf(const Quiz& quiz) {
    std::vector<LintItem> items;
    for (std::size_t i = 0; i < quiz.questions.size(); ++i) {
        const Question& question = quiz.questions[i];
        LintItem item{question.id,
                      "/questions/" + std::to_string(i),
                      "question " + question.id,
                      question.text,
                      {},
                      {question.explanation},
                      !question.shuffle};
        for (const auto& option : question.options) {
            item.options.push_back({option.text, option.correct});
            item.otherTexts.push_back(option.feedback);
        }
        items.push_back(std::move(item));
    }
    return items;
}

std::vector<LintItem> itemsOf(const MythDeck& deck) {
    std::vector<LintItem> items;
    for (std::size_t i = 0; i < deck.cards.size(); ++i) {
        const MythCard& card = deck.cards[i];
        LintItem item{card.id,
                      "/cards/" + std::to_string(i),
                      "carte « " + card.id + " »",
                      card.statement,
                      {},
                      {card.answer},
                      true};
        for (const auto& argument : card.arguments) {
            item.options.push_back({argument.text, argument.best});
            item.otherTexts.push_back(argument.feedback);
        }
        for (const auto& point : card.keyPoints) {
            item.otherTexts.push_back(point.text);
        }
        items.push_back(std::move(item));
    }
    return items;
}

// Decision nodes only: a node where several choices share the best score asks nothing of the player.
std::vector<LintItem> itemsOf(const Scenario& scenario) {
    std::vector<LintItem> items;
    for (std::size_t i = 0; i < scenario.nodes.size(); ++i) {
        const ScenarioNode& node = scenario.nodes[i];
        if (node.type != NodeType::Choice || node.choices.size() < 2) {
            continue;
        }
        double best = node.choices[0].score;
        for (const auto& choice : node.choices) {
            best = std::max(best, choice.score);
        }
        const auto atBest = std::count_if(node.choices.begin(), node.choices.end(),
                                          [&](const ScenarioChoice& choice) { return choice.score == best; });
        if (atBest != 1) {
            continue;
        }
        LintItem item{node.id, "/nodes/" + std::to_string(i), "nœud « " + node.id + " »", node.text, {}, {},
                      true};
        for (const auto& choice : node.choices) {
            item.options.push_back({choice.text, choice.score == best});
            item.otherTexts.push_back(choice.consequence);
        }
        items.push_back(std::move(item));
    }
    return items;
}

// What an item states: its wording, its right options, its explanation and feedback. A wrong option's text
// asserts nothing (it was wrong there), so it gives no answer away; its feedback may.
std::string statedTextOf(const LintItem& item) {
    std::string text = item.stem;
    for (const auto& option : item.options) {
        if (option.right) {
            text += "\n" + option.text;
        }
    }
    for (const auto& other : item.otherTexts) {
        text += "\n" + other;
    }
    return text;
}

// ---- The rules --------------------------------------------------------------------------------------

bool rightIsOnlyLongest(const LintItem& item) {
    std::size_t longest = 0;
    int holders = 0;
    bool rightHolds = false;
    for (const auto& option : item.options) {
        const std::size_t length = characterCount(option.text);
        if (length > longest) {
            longest = length;
            holders = 1;
            rightHolds = option.right;
        } else if (length == longest) {
            ++holders;
        }
    }
    return holders == 1 && rightHolds;
}

std::string opening(const std::string& text, std::size_t words) {
    const auto all = lintWords(text);
    if (all.size() < words) {
        return {};
    }
    std::string out;
    for (std::size_t i = 0; i < words; ++i) {
        out += (i > 0 ? " " : "") + all[i];
    }
    return out;
}

void checkOpenings(const std::vector<LintItem>& items, ActivityLint& result) {
    std::set<std::string> reported;  // folded 3-word openings already reported
    for (const std::size_t words : {std::size_t{3}, std::size_t{2}}) {
        std::map<std::string, std::vector<std::string>> rightOpenings;
        std::map<std::string, std::string> shown;  // the opening in the author's words, for the message
        std::set<std::string> wrongOpenings;
        for (const auto& item : items) {
            std::set<std::string> seenInItem;
            for (const auto& option : item.options) {
                const std::string start = opening(option.text, words);
                if (start.empty()) {
                    continue;
                }
                if (!option.right) {
                    wrongOpenings.insert(start);
                } else if (seenInItem.insert(start).second) {
                    rightOpenings[start].push_back(item.id);
                    const auto written = writtenWords(option.text);
                    std::string quoted;
                    for (std::size_t w = 0; w < words && w < written.size(); ++w) {
                        quoted += (w > 0 ? " " : "") + written[w];
                    }
                    shown.emplace(start, quoted.empty() ? start : quoted);
                }
            }
        }
        for (const auto& [start, ids] : rightOpenings) {
            if (static_cast<int>(ids.size()) < lint::kMinOpeningRepeats || wrongOpenings.count(start) > 0) {
                continue;
            }
            // A 2-word opening inside an already reported 3-word one says the same thing. (The prefix is a
            // named copy: clang 14, which builds the fuzzers, cannot capture a structured binding.)
            const std::string prefix = start + " ";
            const bool covered =
                std::any_of(reported.begin(), reported.end(),
                            [&](const std::string& longer) { return longer.starts_with(prefix); });
            if (covered) {
                continue;
            }
            reported.insert(start);
            std::string list;
            for (const auto& id : ids) {
                list += (list.empty() ? "" : ", ") + id;
            }
            result.findings.push_back(
                {LintRule::Opening,
                 {},
                 {},
                 "« " + shown[start] + " » ouvre la bonne réponse de " + std::to_string(ids.size()) +
                     " éléments (" + list +
                     ") et aucune mauvaise réponse de l'activité : un indice ; variez les débuts ou "
                     "donnez-les aussi à des leurres."});
        }
    }
}

struct Place {
    std::string name;  // "la description du pack", "la question q05 (plus haut dans l'activité)"
    std::string text;
};

void checkGivenAway(const std::vector<LintItem>& items, const std::vector<Place>& shared,
                    const std::map<std::string, int>& phrasePlaces, const std::set<std::string>& vocabulary,
                    ActivityLint& result) {
    for (std::size_t k = 0; k < items.size(); ++k) {
        const LintItem& item = items[k];
        std::string wrongText;
        for (const auto& option : item.options) {
            if (!option.right) {
                wrongText += option.text + "\n";
            }
        }
        const auto wrongNumbers = allNumbersOf(wrongText + item.stem);
        const auto wrongPhrases = phrasesOf(wrongText);
        const auto stemPhrases = phrasesOf(item.stem);
        std::vector<Place> before = shared;
        for (std::size_t j = 0; j < k; ++j) {
            before.push_back({items[j].label + ", plus haut dans l'activité", statedTextOf(items[j])});
        }
        // One finding per place, naming every clue found there.
        std::map<std::string, std::vector<std::string>> cluesByPlace;
        std::vector<std::string> placeOrder;
        for (const auto& option : item.options) {
            if (!option.right) {
                continue;
            }
            std::vector<std::pair<std::string, bool>> clues;  // text, is a number
            for (const auto& number : distinctiveNumbers(option.text)) {
                if (wrongNumbers.count(numberOf(number)) == 0) {
                    clues.emplace_back(number, true);
                }
            }
            std::map<std::string, std::string> shownNumbers;
            for (const auto& clue : numberCluesOf(option.text)) {
                shownNumbers.emplace(clue.key, clue.shown);
            }
            // Overlapping phrases of one passage are reported as that passage, in the author's words.
            const auto words = lintWords(option.text);
            const auto written = writtenWords(option.text);
            std::size_t spanStart = 0;
            for (const auto& place : before) {
                const auto placePhrases = phrasesOf(place.text);
                std::string span;
                std::size_t spanEnd = 0;
                const auto flush = [&] {
                    if (!span.empty()) {
                        std::string quoted;
                        for (std::size_t w = spanStart; !written.empty() && w < spanEnd; ++w) {
                            quoted += (w > spanStart ? " " : "") + written[w];
                        }
                        clues.emplace_back((quoted.empty() ? span : quoted) + "|" + place.name, false);
                    }
                    span.clear();
                };
                for (std::size_t i = 0; i + lint::kPhraseWords <= words.size(); ++i) {
                    std::string phrase;
                    for (std::size_t w = 0; w < lint::kPhraseWords; ++w) {
                        phrase += (w > 0 ? " " : "") + words[i + w];
                    }
                    const auto places = phrasePlaces.find(phrase);
                    const bool clue = placePhrases.count(phrase) > 0 && wrongPhrases.count(phrase) == 0 &&
                                      stemPhrases.count(phrase) == 0 && vocabulary.count(phrase) == 0 &&
                                      places != phrasePlaces.end() && places->second <= lint::kMaxCluePlaces;
                    if (!clue) {
                        continue;
                    }
                    if (span.empty() || i >= spanEnd) {
                        flush();
                        span = phrase;
                        spanStart = i;
                    } else {
                        for (std::size_t w = spanEnd - i; w < lint::kPhraseWords; ++w) {
                            span += " " + words[i + w];
                        }
                    }
                    spanEnd = i + lint::kPhraseWords;
                }
                flush();
            }
            for (const auto& [found, isNumber] : clues) {
                for (const auto& place : before) {
                    // A phrase clue carries the place it was found in ("passage|place").
                    const auto bar = found.rfind('|');
                    const std::string clue = isNumber ? found : found.substr(0, bar);
                    if (isNumber ? allNumberClues(place.text).count(clue) == 0
                                 : found.substr(bar + 1) != place.name) {
                        continue;
                    }
                    auto& list = cluesByPlace[place.name];
                    if (list.empty()) {
                        placeOrder.push_back(place.name);
                    }
                    const auto shown = isNumber ? shownNumbers[clue] : clue;
                    if (std::find(list.begin(), list.end(), shown) == list.end()) {
                        list.push_back(shown);
                    }
                }
            }
        }
        for (const auto& name : placeOrder) {
            std::string clues;
            for (const auto& clue : cluesByPlace[name]) {
                clues += (clues.empty() ? "« " : ", « ") + clue + " »";
            }
            result.findings.push_back({LintRule::GivenAway, item.id, item.pointer,
                                       "La réponse de " + item.label +
                                           " est donnée avant qu'on y réponde : " + clues +
                                           ", de la bonne réponse et d'aucune autre, se lit déjà dans " +
                                           name + ". Reformulez l'un ou l'autre."});
        }
    }
}

void lintItems(const std::vector<LintItem>& items, const std::vector<Place>& shared,
               const std::map<std::string, int>& phrasePlaces, const std::set<std::string>& vocabulary,
               ActivityLint& result) {
    for (const auto& item : items) {
        const bool hasRight = std::any_of(item.options.begin(), item.options.end(),
                                          [](const LintOption& option) { return option.right; });
        if (!hasRight) {
            continue;
        }
        ++result.items;
        if (rightIsOnlyLongest(item)) {
            result.onlyLongest.push_back(item.id);
        }
        if (item.fixedOrder) {
            ++result.fixedItems;
            for (std::size_t i = 0; i < item.options.size(); ++i) {
                if (item.options[i].right) {
                    if (result.fixedPositions.size() <= i) {
                        result.fixedPositions.resize(i + 1, 0);
                    }
                    ++result.fixedPositions[i];
                }
            }
        }
    }
    if (result.items >= lint::kMinItemsForShares && result.onlyLongestShare() > lint::kMaxOnlyLongestShare) {
        std::string list;
        for (const auto& id : result.onlyLongest) {
            list += (list.empty() ? "" : ", ") + id;
        }
        result.findings.push_back(
            {LintRule::Longest,
             {},
             {},
             "La bonne réponse est la seule option la plus longue dans " +
                 std::to_string(result.onlyLongest.size()) + " éléments sur " + std::to_string(result.items) +
                 " (" + percent(result.onlyLongestShare()) + "), au-delà de " +
                 percent(lint::kMaxOnlyLongestShare) +
                 " : les joueurs apprennent à choisir la plus longue. Éléments : " + list + "."});
    }
    if (result.fixedItems >= lint::kMinItemsForShares &&
        result.samePositionShare() > lint::kMaxSamePositionShare) {
        const auto most = std::max_element(result.fixedPositions.begin(), result.fixedPositions.end());
        const char letter = static_cast<char>('A' + (most - result.fixedPositions.begin()));
        result.findings.push_back(
            {LintRule::Position,
             {},
             {},
             "Parmi les " + std::to_string(result.fixedItems) +
                 " éléments montrés dans l'ordre du fichier, la bonne réponse est en position " + letter +
                 " " + std::to_string(*most) + " fois (" + percent(result.samePositionShare()) +
                 "), au-delà de " + percent(lint::kMaxSamePositionShare) + " : variez sa place."});
    }
    checkOpenings(items, result);
    checkGivenAway(items, shared, phrasePlaces, vocabulary, result);
}

}  // namespace

double ActivityLint::onlyLongestShare() const {
    return items > 0 ? static_cast<double>(onlyLongest.size()) / items : 0.0;
}

double ActivityLint::samePositionShare() const {
    int total = 0;
    int most = 0;
    for (const int count : fixedPositions) {
        total += count;
        most = std::max(most, count);
    }
    return total > 0 ? static_cast<double>(most) / total : 0.0;
}

bool PackLint::passes() const {
    return std::all_of(activities.begin(), activities.end(),
                       [](const ActivityLint& a) { return a.passes(); });
}

// ---- lintPack --------------------------------------------------------------------------------------

PackLint lintPack(const Pack& pack, const std::vector<GlossaryEntry>& sharedGlossary) {
    struct Activity {
        const ActivityRef* ref;
        std::vector<LintItem> items;
        Place description;
    };
    std::vector<Activity> activities;
    for (const auto& activity : pack.activities) {
        if (activity.kind == ActivityKind::Quiz) {
            const Quiz& quiz = pack.quizzes[activity.index];
            activities.push_back({&activity, itemsOf(quiz), {"la description du quiz", quiz.description}});
        } else if (activity.kind == ActivityKind::Myths) {
            const MythDeck& deck = pack.decks[activity.index];
            activities.push_back(
                {&activity, itemsOf(deck), {"la description des idées reçues", deck.description}});
        } else if (activity.kind == ActivityKind::Scenario) {
            const Scenario& scenario = pack.scenarios[activity.index];
            activities.push_back(
                {&activity,
                 itemsOf(scenario),
                 {"la présentation du scénario", scenario.description + "\n" + scenario.role}});
        }
    }
    // How many texts of the pack hold each phrase: a phrase found everywhere is the pack's vocabulary, not
    // a clue.
    std::map<std::string, int> phrasePlaces;
    const auto count = [&](const std::string& text) {
        for (const auto& phrase : phrasesOf(text)) {
            ++phrasePlaces[phrase];
        }
    };
    count(pack.description);
    for (const auto& activity : activities) {
        count(activity.description.text);
        for (const auto& item : activity.items) {
            count(item.stem);
            for (const auto& option : item.options) {
                count(option.text);
            }
            for (const auto& other : item.otherTexts) {
                count(other);
            }
        }
    }
    // An acronym's long form ("réseau régional multi-acteurs (RRMA)") names a thing; it gives no answer
    // away. A phrase made only of one entry's words (its term and long form) is that vocabulary.
    std::vector<std::set<std::string>> entryWords;
    for (const auto* glossary : {&pack.glossary, &sharedGlossary}) {
        for (const auto& entry : *glossary) {
            const auto words = lintWords(entry.term + " " + entry.expansion);
            entryWords.emplace_back(words.begin(), words.end());
        }
    }
    std::set<std::string> vocabulary;
    for (const auto& [phrase, places] : phrasePlaces) {
        const auto words = lintWords(phrase);
        // Small words ("le", "de") do not count: « le réseau régional multi-acteurs » is still the long form.
        const bool named = std::any_of(entryWords.begin(), entryWords.end(), [&](const auto& known) {
            return std::all_of(words.begin(), words.end(),
                               [&](const auto& word) { return !meaningful(word) || known.count(word) > 0; });
        });
        if (named) {
            vocabulary.insert(phrase);
        }
    }
    PackLint result;
    for (const auto& activity : activities) {
        // What a player has read before the first item: the pack's description and the activity's own.
        const std::vector<Place> shared = {{"la description du pack", pack.description},
                                           activity.description};
        ActivityLint lint;
        lint.activity = activity.ref;
        lintItems(activity.items, shared, phrasePlaces, vocabulary, lint);
        result.activities.push_back(std::move(lint));
    }
    return result;
}

}  // namespace passerelles

// The content lint: each rule fires on a small cued fixture and stays quiet on a clean one, and every
// shipped activity passes every threshold.
#include <doctest/doctest.h>

#include <algorithm>

#include "core/content/content_lint.hpp"
#include "core/loading/pack_loader.hpp"
#include "support/test_support.hpp"

using namespace passerelles;

namespace {

// A question whose right option is `right` (index), options given by their texts.
Question question(const std::string& id, const std::vector<std::string>& texts, int right,
                  bool shuffle = true, const std::string& explanation = "") {
    Question q;
    q.id = id;
    q.text = "Question " + id + " ?";
    q.shuffle = shuffle;
    q.explanation = explanation;
    for (std::size_t i = 0; i < texts.size(); ++i) {
        q.options.push_back(
            {std::string(1, static_cast<char>('a' + i)), texts[i], "", static_cast<int>(i) == right});
    }
    return q;
}

MythCard card(const std::string& id, const std::vector<std::string>& texts, int best) {
    MythCard c;
    c.id = id;
    c.statement = "Idée reçue " + id;
    for (std::size_t i = 0; i < texts.size(); ++i) {
        c.arguments.push_back(
            {std::string(1, static_cast<char>('a' + i)), texts[i], "", static_cast<int>(i) == best, {}});
    }
    return c;
}

Pack packWith(std::vector<Question> questions, std::vector<MythCard> cards = {}) {
    Pack pack;
    pack.id = "essai";
    if (!questions.empty()) {
        Quiz quiz;
        quiz.id = "quiz";
        quiz.questions = std::move(questions);
        pack.quizzes.push_back(std::move(quiz));
        pack.activities.push_back({ActivityKind::Quiz, 0, "quiz", "Quiz", "quiz.json"});
    }
    if (!cards.empty()) {
        MythDeck deck;
        deck.id = "deck";
        deck.cards = std::move(cards);
        pack.decks.push_back(std::move(deck));
        pack.activities.push_back({ActivityKind::Myths, 0, "deck", "Idées reçues", "deck.json"});
    }
    return pack;
}

int findingsOf(const PackLint& lint, LintRule rule) {
    int count = 0;
    for (const auto& activity : lint.activities) {
        count += static_cast<int>(std::count_if(activity.findings.begin(), activity.findings.end(),
                                                [&](const LintFinding& f) { return f.rule == rule; }));
    }
    return count;
}

// Five questions; the right option is the only longest in `cued` of them (the others have a longer
// distractor).
std::vector<Question> lengths(int cued) {
    std::vector<Question> out;
    for (int i = 0; i < 5; ++i) {
        const std::string id = "q" + std::to_string(i + 1);
        // Each answer its own text, so that no item gives another's answer away (rule 4).
        const std::string n = std::to_string(i + 1);
        out.push_back(i < cued ? question(id, {"court", "la réponse numéro " + n + " en long", "moyen"}, 1)
                               : question(id, {"court", "juste " + n, "un leurre nettement plus long"}, 1));
    }
    return out;
}

}  // namespace

TEST_CASE("text helpers: characters, words, numbers with their unit") {
    CHECK(characterCount("élève") == 5);
    CHECK(lintWords("Selon l’Étude ACTER (2024), 104") ==
          std::vector<std::string>{"selon", "l'etude", "acter", "2024", "104"});
    CHECK(numbersIn("4 700 communes, 31,7 % et 4\xE2\x80\xAF"
                    "700") == std::vector<std::string>{"4700", "31,7", "4700"});
    CHECK(numberClues("104 répondants sur 122, soit 85 %, pour 10\xC2\xA0"
                      "000 €") == std::vector<std::string>{"104 repondants", "122", "85 %", "10000 €"});
}

TEST_CASE("rule 1: the right option the only longest in more than 40 % of 5 items or more") {
    const PackLint cued = lintPack(packWith(lengths(3)));  // 60 %
    REQUIRE(cued.activities.size() == 1);
    CHECK(cued.activities[0].onlyLongest.size() == 3);
    CHECK(cued.activities[0].onlyLongestShare() == doctest::Approx(0.6));
    CHECK(findingsOf(cued, LintRule::Longest) == 1);
    CHECK_FALSE(cued.passes());
    const PackLint clean = lintPack(packWith(lengths(2)));  // 40 %: at the threshold, allowed
    CHECK(findingsOf(clean, LintRule::Longest) == 0);
    CHECK(clean.passes());
    // Too few items to judge a share: 4 out of 4 is not reported.
    auto four = lengths(5);
    four.pop_back();
    CHECK(findingsOf(lintPack(packWith(four)), LintRule::Longest) == 0);
    // A tie for the longest is no cue.
    std::vector<Question> ties;
    for (int i = 0; i < 5; ++i) {
        ties.push_back(question("t" + std::to_string(i), {"aaaaa", "bbbbb", "cc"}, 0));
    }
    CHECK(lintPack(packWith(ties)).activities[0].onlyLongest.empty());
}

TEST_CASE("rule 2: the same place for the answer, only where options keep the file's order") {
    std::vector<MythCard> atA;
    for (int i = 0; i < 5; ++i) {
        const int best = i < 3 ? 0 : i - 2;  // A, A, A, B, C: 60 % at A
        atA.push_back(card("c" + std::to_string(i), {"un argument", "un autre", "un troisième"}, best));
    }
    const PackLint cued = lintPack(packWith({}, atA));
    CHECK(cued.activities[0].fixedItems == 5);
    CHECK(cued.activities[0].fixedPositions == std::vector<int>{3, 1, 1});
    CHECK(findingsOf(cued, LintRule::Position) == 1);
    std::vector<MythCard> varied;
    for (int i = 0; i < 5; ++i) {
        varied.push_back(card("c" + std::to_string(i), {"un argument", "un autre", "un troisième"}, i % 3));
    }
    CHECK(findingsOf(lintPack(packWith({}, varied)), LintRule::Position) == 0);
    // Shuffled questions are exempt, the same questions with "shuffle": false are not.
    std::vector<Question> shuffled;
    std::vector<Question> fixed;
    for (int i = 0; i < 5; ++i) {
        shuffled.push_back(question("q" + std::to_string(i), {"oui", "non"}, 0));
        fixed.push_back(question("q" + std::to_string(i), {"oui", "non"}, 0, false));
    }
    CHECK(lintPack(packWith(shuffled)).activities[0].fixedItems == 0);
    CHECK(findingsOf(lintPack(packWith(shuffled)), LintRule::Position) == 0);
    CHECK(findingsOf(lintPack(packWith(fixed)), LintRule::Position) == 1);
}

TEST_CASE("rule 3: an opening only right options have") {
    std::vector<MythCard> cued;
    for (int i = 0; i < 3; ++i) {
        cued.push_back(card("c" + std::to_string(i),
                            {"On peut toujours attendre.",
                             "Selon l'étude ACTER, la chose " + std::to_string(i), "Rien ne presse."},
                            1));
    }
    const PackLint flagged = lintPack(packWith({}, cued));
    REQUIRE(findingsOf(flagged, LintRule::Opening) ==
            1);  // the 2-word opening inside the 3-word one is not repeated
    CHECK(flagged.activities[0].findings[0].message.find("« Selon l'étude ACTER »") != std::string::npos);
    // The same opening on a wrong option somewhere in the activity: no longer a cue.
    auto shared = cued;
    shared[2].arguments[0].text = "Selon l'étude ACTER, on peut attendre.";
    CHECK(findingsOf(lintPack(packWith({}, shared)), LintRule::Opening) == 0);
    // Twice is not yet a habit.
    cued.pop_back();
    CHECK(findingsOf(lintPack(packWith({}, cued)), LintRule::Opening) == 0);
}

TEST_CASE("rule 4: an answer given before it is asked") {
    const auto asked = [](const std::string& earlierExplanation, const std::string& laterExplanation = "") {
        return std::vector<Question>{
            question("q1", {"Les régions", "Les communes"}, 0, true, earlierExplanation),
            question("q2", {"61 répondants", "104 répondants", "122 répondants"}, 1),
            question("q3", {"Oui", "Non"}, 0, true, laterExplanation)};
    };
    // A number with its unit in an earlier explanation.
    const PackLint number = lintPack(packWith(asked("Parmi eux, 104 répondants agissent.")));
    REQUIRE(findingsOf(number, LintRule::GivenAway) == 1);
    CHECK(number.activities[0].findings[0].itemId == "q2");
    CHECK(number.activities[0].findings[0].pointer == "/questions/1");
    // After the question, or with another unit, or a number a wrong option also has: quiet.
    CHECK(findingsOf(lintPack(packWith(asked("", "Parmi eux, 104 répondants agissent."))),
                     LintRule::GivenAway) == 0);
    CHECK(findingsOf(lintPack(packWith(asked("Une ville de 104 habitants."))), LintRule::GivenAway) == 0);
    CHECK(findingsOf(lintPack(packWith(asked("Il y a 122 répondants."))), LintRule::GivenAway) == 0);
    // In the pack's description, read before any question.
    Pack described = packWith(asked(""));
    described.description = "Ce que disent les 104 répondants de l'étude.";
    CHECK(findingsOf(lintPack(described), LintRule::GivenAway) == 1);
    // A rare phrase of four words, two of them meaningful.
    const auto phrase = [](const std::string& earlier) {
        return std::vector<Question>{
            question("q1", {"Oui", "Non"}, 0, true, earlier),
            question("q2", {"Déclarer au titre de l'APD", "Attendre la fin du mandat"}, 0)};
    };
    CHECK(findingsOf(lintPack(packWith(phrase("Il faut déclarer au titre de l'APD ces dépenses."))),
                     LintRule::GivenAway) == 1);
    CHECK(findingsOf(lintPack(packWith(phrase("Rien à voir."))), LintRule::GivenAway) == 0);
    // An acronym's long form is vocabulary, not a clue.
    Pack named =
        packWith({question("q1", {"Oui", "Non"}, 0, true, "Le réseau régional multi-acteurs aide."),
                  question("q2", {"Le réseau régional multi-acteurs", "La préfecture de région"}, 0)});
    CHECK(findingsOf(lintPack(named), LintRule::GivenAway) == 1);
    CHECK(findingsOf(lintPack(named, {{"RRMA", "réseau régional multi-acteurs", ""}}), LintRule::GivenAway) ==
          0);
}

TEST_CASE("every shipped activity passes every lint threshold") {
    const auto library = ContentLibrary::load({{testing::contentDir(), "bundled"}});
    REQUIRE(library.packs.size() >= 4);
    for (const auto& entry : library.packs) {
        REQUIRE(entry.load.usable());
        const PackLint lint = lintPack(*entry.load.pack, library.glossary);
        for (const auto& activity : lint.activities) {
            CAPTURE(entry.load.pack->id);
            CAPTURE(activity.activity->id);
            for (const auto& finding : activity.findings) {
                CAPTURE(finding.itemId);
                CAPTURE(finding.message);
                CHECK(false);
            }
            if (activity.items >= lint::kMinItemsForShares) {
                CHECK(activity.onlyLongestShare() <= lint::kMaxOnlyLongestShare);
            }
        }
    }
}

// The booth's core: settings and PIN, rounds drawn by theme, scoring, the fact kept, the day's counters.
//
// Sections: PIN and settings · rounds, answers and their outcome · the day's counters and a round's rank ·
// the PIN lockout · damaged settings and --set-pin.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <set>

#include "core/base/sqlite.hpp"
#include "core/base/text.hpp"
#include "core/borne/borne.hpp"
#include "core/loading/pack_loader.hpp"
#include "support/test_support.hpp"

using namespace passerelles;

namespace {

std::vector<const Pack*> bundledPacks() {
    static const ContentLibrary library = ContentLibrary::load({{testing::contentDir(), "bundled"}});
    static const auto kept = library.usablePacks();
    std::vector<const Pack*> packs;
    for (const auto& pack : kept) {
        packs.push_back(pack.get());
    }
    return packs;
}

std::vector<int> correctOptions(const Question& question) {
    std::vector<int> correct;
    for (std::size_t o = 0; o < question.options.size(); ++o) {
        if (question.options[o].correct) {
            correct.push_back(static_cast<int>(o));
        }
    }
    return correct;
}

int firstWrong(const Question& question) {
    for (std::size_t o = 0; o < question.options.size(); ++o) {
        if (!question.options[o].correct) {
            return static_cast<int>(o);
        }
    }
    return 0;
}

}  // namespace

TEST_CASE("the PIN is 4 to 8 digits, checked without being stored as typed") {
    CHECK(validBornePin("1234"));
    CHECK(validBornePin("12345678"));
    CHECK_FALSE(validBornePin("123"));
    CHECK_FALSE(validBornePin("123456789"));
    CHECK_FALSE(validBornePin("12a4"));
    BorneSettings settings;
    CHECK_FALSE(settings.checkPin("1234"));  // no PIN yet: nothing opens
    settings.setPin("2468");
    CHECK(settings.checkPin("2468"));
    CHECK_FALSE(settings.checkPin("2469"));
    CHECK(settings.pinHash.find("2468") == std::string::npos);
}

TEST_CASE("booth settings survive a save and a reload; a damaged file gives the defaults and a message") {
    testing::TemporaryFolder folder;
    const auto file = folder.path() / "borne.json";
    BorneSettings settings;
    settings.themes = {"eau", "jeunesse"};
    settings.questions = 3;
    settings.withCard = true;
    settings.idleSeconds = 45;
    settings.leaderboard = false;
    settings.setPin("9753");
    REQUIRE(saveBorneSettings(file, settings).ok());
    const auto [loaded, error] = loadBorneSettings(file);
    CHECK(error.empty());
    CHECK(loaded.themes == settings.themes);
    CHECK(loaded.questions == 3);
    CHECK(loaded.withCard);
    CHECK(loaded.idleSeconds == 45);
    CHECK_FALSE(loaded.leaderboard);
    CHECK(loaded.checkPin("9753"));

    testing::writeFile(file, "{\"questions\": 5,");
    const auto [fallback, damaged] = loadBorneSettings(file);
    CHECK(damaged.find("illisibles") != std::string::npos);
    CHECK(fallback.questions == 5);
    CHECK_FALSE(fallback.hasPin());

    testing::writeFile(file, R"({"questions": 99, "idleSeconds": 1})");
    const BorneSettings clamped = loadBorneSettings(file).settings;
    CHECK(clamped.questions == 10);
    CHECK(clamped.idleSeconds == 15);
}

TEST_CASE("booth settings of the wrong type are named, replaced by their defaults, and never abort") {
    testing::TemporaryFolder folder;
    const auto file = folder.path() / "borne.json";
    testing::writeFile(file, R"({"withCard": "oui", "leaderboard": 1, "pinHash": 123, "questions": "cinq",
                                 "idleSeconds": 1e30, "attractSeconds": 18446744073709551615, "themes": "eau"})");
    const auto [settings, error] = loadBorneSettings(file);
    const BorneSettings defaults;
    CHECK(settings.withCard == defaults.withCard);
    CHECK(settings.leaderboard == defaults.leaderboard);
    CHECK_FALSE(settings.hasPin());
    CHECK(settings.questions == defaults.questions);
    CHECK(settings.idleSeconds == defaults.idleSeconds);
    CHECK(settings.attractSeconds == 30);  // a huge whole number is clamped to the largest allowed
    CHECK(settings.themes.empty());
    // guillemets(): the French quotation marks with their no-break spaces, as every message writes them.
    CHECK(error == "Dans les réglages de la borne " + guillemets(file.string()) +
                       ", ces valeurs n’ont pas le bon type et reprennent leur valeur par défaut : "
                       "questions, idleSeconds, withCard, leaderboard, pinHash, themes.");
}

TEST_CASE("a round draws distinct questions from the chosen themes, with the card first when asked") {
    const auto packs = bundledPacks();
    const BornePool all = buildBornePool(packs, {});
    const BornePool water = buildBornePool(packs, {"eau"});
    REQUIRE_FALSE(water.questions.empty());
    CHECK(water.questions.size() < all.questions.size());
    for (const BorneItem& item : water.questions) {
        const auto& themes = item.question->tags.themes;
        CHECK(std::find(themes.begin(), themes.end(), "eau") != themes.end());
    }
    BorneSettings settings;
    settings.questions = 5;
    settings.withCard = true;
    std::mt19937 random(7);
    for (int i = 0; i < 50; ++i) {
        const BorneRound round(all, settings, random);
        REQUIRE(round.size() == 6);
        CHECK(round.items()[0].card != nullptr);
        std::set<const Question*> seen;
        for (std::size_t q = 1; q < round.size(); ++q) {
            REQUIRE(round.items()[q].question != nullptr);
            seen.insert(round.items()[q].question);
        }
        CHECK(seen.size() == 5);
    }
    const BornePool none = buildBornePool(packs, {"un-theme-qui-n-existe-pas"});
    CHECK(none.empty());
}

TEST_CASE("a round is scored with each question's own rule and keeps a fact from the first miss") {
    const auto packs = bundledPacks();
    const BornePool pool = buildBornePool(packs, {});
    BorneSettings settings;
    settings.questions = 4;
    settings.withCard = true;
    std::mt19937 random(11);
    BorneRound round(pool, settings, random);
    REQUIRE(round.size() == 5);
    const MythCard& card = *round.current().card;
    const QuestionScore cardScore = round.answer({card.bestArgumentIndex()});
    CHECK(cardScore.points == doctest::Approx(card.points));
    CHECK(cardScore.outcome == Outcome::Right);
    CHECK(round.answered());
    CHECK(round.lastScore().outcome == Outcome::Right);
    CHECK(round.answer({0}).points == 0.0);              // a second answer to the same item counts nothing
    CHECK(round.lastScore().outcome == Outcome::Right);  // and changes nothing
    round.next();
    const Question& missedQuestion = *round.current().question;
    const QuestionScore missedScore = round.answer({firstWrong(missedQuestion)});
    CHECK(missedScore.outcome != Outcome::Right);
    CHECK(missedScore.points < missedQuestion.points);
    round.next();
    CHECK_FALSE(round.answered());
    while (!round.finished()) {
        const QuestionScore score = round.answer(correctOptions(*round.current().question));
        CHECK(score.outcome == Outcome::Right);
        CHECK(score.points == doctest::Approx(round.current().question->points));
        round.next();
    }
    REQUIRE(round.missed().size() == 1);
    CHECK(round.missed()[0].find(missedQuestion.id) != std::string::npos);
    CHECK(round.points() == doctest::Approx(round.maxPoints() - missedQuestion.points));
    CHECK(round.percent() < 100);
    CHECK(round.percent() > 0);
    CHECK(round.factToTakeAway() == firstSentence(missedQuestion.explanation));
}

TEST_CASE("the fact to take away is one sentence, cut on a word when too long") {
    CHECK(firstSentence("Première phrase. Deuxième phrase.") == "Première phrase.");
    CHECK(firstSentence("Sans point final") == "Sans point final");
    const std::string cut = firstSentence(std::string(50, 'a') + " " + std::string(50, 'b'), 60);
    CHECK(cut == std::string(50, 'a') + "…");
    CHECK(cleanNickname("  Zoé\x01 la best  ") == "Zoé la best");
    CHECK(cleanNickname("ABCDEFGHIJKLMNOPQRSTUVWXYZ") == "ABCDEFGHIJKLMNOPQRST");
    CHECK(cleanNickname("   ").empty());
}

TEST_CASE("the day's counters: rounds, average, abandoned, most missed first, leaders, CSV") {
    testing::TemporaryFolder folder;
    const auto packs = bundledPacks();
    const BornePool pool = buildBornePool(packs, {});
    BorneSettings settings;
    settings.questions = 2;
    std::mt19937 random(3);
    BorneStore store(folder.path());
    REQUIRE(store.ok());

    // Round 1: everything right. Round 2: everything wrong.
    BorneRound perfect(pool, settings, random);
    while (!perfect.finished()) {
        perfect.answer(correctOptions(*perfect.current().question));
        perfect.next();
    }
    BorneRound poor(pool, settings, random);
    std::string missedKey;
    while (!poor.finished()) {
        poor.answer({firstWrong(*poor.current().question)});
        missedKey = borneItemKey(poor.current());
        poor.next();
    }
    const auto first = store.recordRound("2026-11-22", perfect);
    const auto second = store.recordRound("2026-11-22", poor);
    REQUIRE(first);
    REQUIRE(second);
    CHECK(store.recordAbandoned("2026-11-22"));
    CHECK(store.recordRound("2026-11-21", perfect));  // another day does not count today
    CHECK(store.setNickname(*first, "  Zoé  "));
    CHECK(store.setNickname(*second, "Bob"));

    const BorneDayCounters counters = store.counters("2026-11-22", packs);
    CHECK(counters.rounds == 2);
    CHECK(counters.abandoned == 1);
    CHECK(counters.averagePercent == doctest::Approx(50.0));
    REQUIRE(counters.mostMissed.size() == 2);
    CHECK(counters.mostMissed[0].missed == 1);
    CHECK(counters.mostMissed[0].text.find('/') == std::string::npos);  // the question's text, not its id
    bool found = false;
    for (const auto& missed : counters.mostMissed) {
        found = found || missed.key == missedKey;
    }
    CHECK(found);

    const auto leaders = store.leaders("2026-11-22", 5);
    REQUIRE(leaders.size() == 2);
    CHECK(leaders[0].nickname == "Zoé");
    CHECK(leaders[0].percent == 100);
    CHECK(leaders[1].nickname == "Bob");
    CHECK(formatLeaders(leaders) == "Zoé 100 % · Bob 0 %");

    const std::string csv = store.countersCsv(counters);
    CHECK(csv.rfind("\xEF\xBB\xBF", 0) == 0);
    CHECK(csv.find("2026-11-22;2;1;50") != std::string::npos);
    CHECK(csv.find(counters.mostMissed[0].key) != std::string::npos);
}

TEST_CASE("a booth answer says right, partly right or wrong under the question's own rule") {
    // Built by hand so that every outcome is known without the scoring code: 3 options, A and C right.
    Pack pack;
    pack.id = "p";
    Question question;
    question.id = "q";
    question.points = 2.0;
    question.scoring = ScoringRule::Partial;
    for (const char* id : {"a", "b", "c"}) {
        QuizOption option;
        option.id = id;
        option.text = id;
        option.correct = id[0] != 'b';
        question.options.push_back(option);
    }
    BornePool pool;
    for (int i = 0; i < 3; ++i) {
        pool.questions.push_back({&pack, "quiz", &question, nullptr});
    }
    BorneSettings settings;
    settings.questions = 1;
    std::mt19937 random(1);
    const auto play = [&](const std::vector<int>& ticked) {
        BorneRound round(pool, settings, random);
        return round.answer(ticked);
    };
    CHECK(play({0, 2}).outcome == Outcome::Right);
    CHECK(play({0, 2}).points == doctest::Approx(2.0));
    CHECK(play({0}).outcome == Outcome::Partial);
    CHECK(play({0}).points == doctest::Approx(1.0));
    CHECK(play({1}).outcome == Outcome::Wrong);
    CHECK(play({1}).points == 0.0);
}

TEST_CASE("a booth round shows each question's options in its own shuffled order, cards in the file's") {
    // Six options, so that a shuffle left out (the identity) would be caught: 1 chance in 720 per round.
    Pack pack;
    pack.id = "p";
    Question shuffled;
    shuffled.id = "melangee";
    Question ordered;
    ordered.id = "ordonnee";
    ordered.shuffle = false;
    for (Question* question : {&shuffled, &ordered}) {
        for (const char* id : {"a", "b", "c", "d", "e", "f"}) {
            QuizOption option;
            option.id = id;
            option.text = id;
            option.correct = id[0] == 'a';
            question->options.push_back(option);
        }
    }
    const std::vector<int> fileOrder = {0, 1, 2, 3, 4, 5};
    BornePool pool;
    pool.questions.push_back({&pack, "quiz", &shuffled, nullptr});
    BorneSettings settings;
    settings.questions = 1;
    std::set<std::vector<int>> seen;
    for (unsigned seed = 1; seed <= 20; ++seed) {
        std::mt19937 first(seed);
        std::mt19937 again(seed);
        const BorneRound round(pool, settings, first);
        const std::vector<int> shown = round.shownOrder();
        std::vector<int> sorted = shown;
        std::sort(sorted.begin(), sorted.end());
        CHECK(sorted == fileOrder);                                      // a permutation of the six options
        CHECK(BorneRound(pool, settings, again).shownOrder() == shown);  // same draw, same order
        seen.insert(shown);
    }
    CHECK(seen.size() >= 15);  // 20 seeds over 720 orders: a fixed order would give 1

    BornePool fixed;
    fixed.questions.push_back({&pack, "quiz", &ordered, nullptr});
    std::mt19937 random(3);
    CHECK(BorneRound(fixed, settings, random).shownOrder() == fileOrder);  // "shuffle": false
    CHECK(BorneRound({BorneItem{&pack, "quiz", &shuffled, nullptr}}).shownOrder() == fileOrder);
}

TEST_CASE("after a round, the visitor's rank of the day with the French ordinal") {
    CHECK(frenchOrdinal(1) == "1er");
    CHECK(frenchOrdinal(1, true) == "1re");
    CHECK(frenchOrdinal(2) == "2e");
    CHECK(frenchOrdinal(41) == "41e");
    CHECK(formatBorneRank({3, 41}) == "3e sur 41 aujourd’hui");
    CHECK(formatBorneRank({1, 2}) == "1er sur 2 aujourd’hui");
    CHECK(formatBorneRank({1, 1}) == "1er score du jour");

    testing::TemporaryFolder folder;
    const BornePool pool = buildBornePool(bundledPacks(), {});
    BorneSettings settings;
    settings.questions = 2;
    std::mt19937 random(5);
    BorneStore store(folder.path());
    REQUIRE(store.ok());
    // Rounds scoring 50 %, 100 %, 0 %, 100 % (one right and one wrong answer for 50 %).
    const auto playRecorded = [&](int right) {
        BorneRound round(pool, settings, random);
        for (int i = 0; !round.finished(); ++i) {
            const Question& question = *round.current().question;
            round.answer(i < right ? correctOptions(question) : std::vector<int>{firstWrong(question)});
            round.next();
        }
        const auto id = store.recordRound("2026-11-22", round);
        REQUIRE(id);
        return *id;
    };
    const std::int64_t half = playRecorded(1);
    CHECK(store.rank("2026-11-22", half)->position == 1);
    CHECK(store.rank("2026-11-22", half)->total == 1);
    const std::int64_t best = playRecorded(2);
    const std::int64_t worst = playRecorded(0);
    const std::int64_t bestAgain = playRecorded(2);
    CHECK(store.recordAbandoned("2026-11-22"));  // an abandoned round is not ranked
    CHECK(store.recordRound("2026-11-21", BorneRound(pool, settings, random)));  // nor another day's
    const auto rankOf = [&](std::int64_t id) { return store.rank("2026-11-22", id); };
    REQUIRE(rankOf(best));
    CHECK(rankOf(best)->position == 1);
    CHECK(rankOf(bestAgain)->position == 2);  // the same score reached later
    CHECK(rankOf(half)->position == 3);
    CHECK(rankOf(worst)->position == 4);
    CHECK(rankOf(worst)->total == 4);
    CHECK_FALSE(rankOf(99999));
    CHECK_FALSE(store.rank("2026-11-23", best));
}

TEST_CASE("a damaged counters file is moved aside and the booth starts a fresh one") {
    testing::TemporaryFolder folder;
    testing::writeFile(folder.path() / "borne.db", std::string(4096, 'x'));
    BorneStore store(folder.path());
    CHECK(store.ok());
    CHECK(store.error().find("mis de côté") != std::string::npos);
    std::size_t aside = 0;
    for (const auto& entry : std::filesystem::directory_iterator(folder.path())) {
        aside += entry.path().filename().string().rfind("borne.db.endommage-", 0) == 0 ? 1 : 0;
    }
    CHECK(aside == 1);
    CHECK(store.recordAbandoned("2026-11-22"));
}

TEST_CASE("wrong PINs lock the pad for 30 s, then 2 min, then 10 min after each series of three") {
    PinLockout lockout;
    const std::int64_t start = 1'800'000'000;
    CHECK_FALSE(lockout.fail(start));
    CHECK_FALSE(lockout.fail(start + 1));
    CHECK_FALSE(lockout.locked(start + 1));
    CHECK(lockout.fail(start + 2));  // the third wrong code locks
    CHECK(lockout.secondsLeft(start + 2) == 30);
    CHECK(lockout.secondsLeft(start + 17) == 15);
    CHECK_FALSE(lockout.fail(start + 20));  // while locked, a code is not even tried
    CHECK(lockout.state().failures == 3);
    CHECK_FALSE(lockout.locked(start + 32));

    std::int64_t now = start + 40;
    const std::int64_t expected[] = {120, 600, 600};
    for (const std::int64_t delay : expected) {
        CHECK_FALSE(lockout.fail(now));
        CHECK_FALSE(lockout.fail(now));
        CHECK(lockout.fail(now));
        CHECK(lockout.secondsLeft(now) == delay);
        now += delay;
        CHECK_FALSE(lockout.locked(now));
    }
    CHECK(formatLockoutDelay(105) == "1 min 45 s");
    CHECK(formatLockoutDelay(30) == "30 s");
    CHECK(formatLockoutDelay(600) == "10 min");

    lockout.succeed();  // a right code starts the count again
    CHECK(lockout.state().failures == 0);
    CHECK_FALSE(lockout.fail(now));
    CHECK_FALSE(lockout.fail(now));
    CHECK(lockout.fail(now));
    CHECK(lockout.secondsLeft(now) == 30);
}

TEST_CASE("a clock set back neither unlocks the PIN pad nor locks it for good") {
    const std::int64_t start = 1'800'000'000;
    PinLockout lockout;
    for (int i = 0; i < 6; ++i) {
        lockout.fail(start + 200 * (i / 3));
    }
    REQUIRE(lockout.secondsLeft(start + 200) == 120);
    // Back one year: still locked, and for the series' delay at most, counted from the new time.
    const std::int64_t back = start - 365 * 24 * 3600;
    CHECK(lockout.secondsLeft(back) == 120);
    CHECK(lockout.secondsLeft(back + 100) == 20);
    CHECK_FALSE(lockout.locked(back + 120));
    // A stored time far in the future (a clock that was ahead) is clamped the same way.
    PinLockout ahead({3, start + 10'000'000});
    CHECK(ahead.secondsLeft(start) == 30);
    PinLockout negative({-5, -7});
    CHECK(negative.state().failures == 0);
    CHECK_FALSE(negative.locked(start));
}

TEST_CASE("the wrong PINs counted survive a restart of the booth") {
    testing::TemporaryFolder folder;
    const std::int64_t start = 1'800'000'000;
    {
        BorneStore store(folder.path());
        CHECK(store.pinLockout().failures == 0);
        PinLockout lockout(store.pinLockout());
        lockout.fail(start);
        lockout.fail(start);
        lockout.fail(start);
        REQUIRE(store.savePinLockout(lockout.state()));
    }
    BorneStore reopened(folder.path());
    PinLockout lockout(reopened.pinLockout());
    CHECK(lockout.state().failures == 3);
    CHECK(lockout.secondsLeft(start + 10) == 20);
    lockout.succeed();
    REQUIRE(reopened.savePinLockout(lockout.state()));
    CHECK(BorneStore(folder.path()).pinLockout().failures == 0);
}

namespace {

std::vector<std::filesystem::path> damagedCopies(const std::filesystem::path& folder) {
    std::vector<std::filesystem::path> found;
    for (const auto& entry : std::filesystem::directory_iterator(folder)) {
        if (entry.path().filename().string().rfind("borne.json.endommage-", 0) == 0) {
            found.push_back(entry.path());
        }
    }
    return found;
}

}  // namespace

TEST_CASE("a damaged borne.json is moved aside and its PIN, still readable, is kept") {
    testing::TemporaryFolder folder;
    const auto file = folder.path() / "borne.json";
    BorneSettings original;
    original.setPin("4815");
    const std::string cut =
        "{\n  \"format\": 1,\n  \"pinHash\": \"" + original.pinHash + "\",\n  \"themes\": [\"ea";
    testing::writeFile(file, cut);
    const auto [settings, error] = loadBorneSettings(file);
    CHECK(settings.checkPin("4815"));
    CHECK_FALSE(settings.pinChoiceAtScreen);
    CHECK(error.find("mis de côté") != std::string::npos);
    CHECK(error.find("retrouvé et reste le même") != std::string::npos);
    const auto copies = damagedCopies(folder.path());
    REQUIRE(copies.size() == 1);
    CHECK(testing::readFile(copies[0]) == cut);  // byte for byte
    // A fresh file took its place, with the PIN: the next start is a normal one.
    const auto [again, notice] = loadBorneSettings(file);
    CHECK(notice.empty());
    CHECK(again.checkPin("4815"));
}

TEST_CASE("a damaged borne.json without a readable PIN leaves the booth locked, never open to a choice") {
    testing::TemporaryFolder folder;
    const auto file = folder.path() / "borne.json";
    CHECK(loadBorneSettings(file).settings.pinChoiceAtScreen);  // no file at all: a genuinely first start
    testing::writeFile(file, "{\"questions\": 5, \"pinHa\xff");
    const auto [settings, error] = loadBorneSettings(file);
    CHECK_FALSE(settings.hasPin());
    CHECK_FALSE(settings.pinChoiceAtScreen);
    CHECK(error.find("passerelles --borne --set-pin") != std::string::npos);
    CHECK(damagedCopies(folder.path()).size() == 1);
    // Restarted, the booth is still locked: the fresh file has no PIN, and without it the copy set aside
    // says this is no first start.
    CHECK_FALSE(loadBorneSettings(file).settings.pinChoiceAtScreen);
    std::filesystem::remove(file);
    CHECK_FALSE(loadBorneSettings(file).settings.pinChoiceAtScreen);
    // A PIN of the wrong type is lost too: no choice at the screen either.
    testing::writeFile(file, R"({"pinHash": 123})");
    CHECK_FALSE(loadBorneSettings(file).settings.pinChoiceAtScreen);
}

TEST_CASE("passerelles --borne --set-pin saves the PIN typed on standard input and lifts the lock") {
    testing::TemporaryFolder folder;
    const auto file = folder.path() / "borne.json";
    testing::writeFile(file, R"({"questions": 3, "leaderboard": false, "pinHash": 123})");
    {
        BorneStore store(folder.path());
        REQUIRE(store.savePinLockout({6, 4'000'000'000}));
    }
    const auto letters = setBornePin(folder.path(), "12a4\n");
    REQUIRE_FALSE(letters.ok());
    CHECK(letters.error().message.find("4 à 8 chiffres") != std::string::npos);
    CHECK_FALSE(setBornePin(folder.path(), "123\n").ok());
    const auto saved = setBornePin(folder.path(), "2468\r\n");
    REQUIRE(saved.ok());
    CHECK(saved.value().find("Code de la borne enregistré") != std::string::npos);
    const BorneSettings settings = loadBorneSettings(file).settings;
    CHECK(settings.checkPin("2468"));
    CHECK(settings.questions == 3);  // the other settings are kept
    CHECK_FALSE(settings.leaderboard);
    CHECK(BorneStore(folder.path()).pinLockout().failures == 0);

    // Over a damaged file: set aside first, then the PIN in a fresh one.
    testing::writeFile(file, "not json");
    REQUIRE(setBornePin(folder.path(), "97531").ok());
    CHECK(damagedCopies(folder.path()).size() == 1);
    CHECK(loadBorneSettings(file).settings.checkPin("97531"));
}

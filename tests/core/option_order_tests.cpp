// The option shuffle: a documented generator, the same order for a seed on every platform, "shuffle":
// false kept, and a quiz run that shows, records and restores the order it drew.
#include <doctest/doctest.h>

#include <algorithm>
#include <set>

#include "core/base/sqlite.hpp"
#include "core/play/option_order.hpp"
#include "core/play/quiz_run.hpp"
#include "core/play/review_run.hpp"
#include "core/progress/activity_recorder.hpp"
#include "support/test_support.hpp"

using namespace passerelles;

namespace {

Question questionWith(const std::string& id, std::size_t count, bool shuffle = true) {
    Question question;
    question.id = id;
    question.shuffle = shuffle;
    for (std::size_t i = 0; i < count; ++i) {
        question.options.push_back({std::string(1, static_cast<char>('a' + i)), "option", "", i == 1});
    }
    return question;
}

bool isPermutation(std::vector<int> order, std::size_t count) {
    std::sort(order.begin(), order.end());
    return order == identityOrder(count);
}

}  // namespace

TEST_CASE("the generator and the hash give their published reference values") {
    // SplitMix64 from state 0 (Vigna's reference implementation, splitmix64.c) and FNV-1a 64 of "a".
    SplitMix64 generator(0);
    CHECK(generator.next() == 0xE220A8397B1DCDAFULL);
    CHECK(generator.next() == 0x6E789E6AA1B965F4ULL);
    CHECK(generator.next() == 0x06C45D188009454FULL);
    CHECK(fnv1a64("a") == 0xAF63DC4C8601EC8CULL);
    CHECK(fnv1a64("") == 0xCBF29CE484222325ULL);
}

TEST_CASE("a seed gives the same order everywhere: orders drawn by an independent implementation") {
    // Computed by a separate Python transcription of the procedure in option_order.hpp, so a platform or
    // standard library that drew differently would fail here.
    CHECK(optionDisplayOrder(questionWith("q1", 4), 42) == std::vector<int>{1, 0, 2, 3});
    CHECK(optionDisplayOrder(questionWith("q1", 4), 43) == std::vector<int>{2, 0, 1, 3});
    CHECK(optionDisplayOrder(questionWith("q2", 4), 42) == std::vector<int>{0, 2, 1, 3});
    CHECK(optionDisplayOrder(questionWith("q07", 6), 2026) == std::vector<int>{2, 0, 5, 4, 1, 3});
}

TEST_CASE("the shuffle is deterministic for a seed and differs across seeds") {
    const Question question = questionWith("q03", 4);
    std::set<std::vector<int>> seen;
    for (std::uint64_t seed = 1; seed <= 200; ++seed) {
        const auto order = optionDisplayOrder(question, seed);
        CHECK(order == optionDisplayOrder(question, seed));
        CHECK(isPermutation(order, 4));
        seen.insert(order);
    }
    CHECK(seen.size() == 24);  // 200 seeds reach every one of the 4! orders
}

TEST_CASE("each option lands in each position about equally often") {
    // 24,000 draws over 4 positions: 6,000 expected per cell; a biased draw (a plain modulo on a short
    // range, a swap with the whole list) would sit far outside ±600.
    const Question question = questionWith("q05", 4);
    int counts[4][4] = {};
    for (std::uint64_t seed = 0; seed < 24000; ++seed) {
        const auto order = optionDisplayOrder(question, seed * 0x9E3779B97F4A7C15ULL + 7);
        for (int position = 0; position < 4; ++position) {
            ++counts[order[static_cast<std::size_t>(position)]][position];
        }
    }
    for (const auto& row : counts) {
        for (const int count : row) {
            CHECK(count > 5400);
            CHECK(count < 6600);
        }
    }
}

TEST_CASE("\"shuffle\": false keeps the file's order, whatever the seed") {
    const Question ordered = questionWith("oui-non", 3, false);
    for (std::uint64_t seed = 0; seed < 50; ++seed) {
        CHECK(optionDisplayOrder(ordered, seed) == std::vector<int>{0, 1, 2});
    }
}

TEST_CASE("shown positions translate option indices into letters") {
    const std::vector<int> order = {2, 0, 1};
    CHECK(shownPosition(order, 2) == 0);
    CHECK(shownPosition(order, 1) == 2);
    CHECK(shownPosition(order, 5) == -1);
    CHECK(shownPositions(order, {1, 2}) == std::vector<int>{0, 2});
    CHECK(shownPositions({}, {1, 2}) == std::vector<int>{1, 2});  // no order recorded: the file's
}

TEST_CASE("a quiz run shows the drawn order, scores by option, and records the order in its result") {
    Quiz quiz;
    quiz.questions = {questionWith("q1", 4), questionWith("q2", 3, false)};
    QuizRun run = QuizRun::forQuiz(quiz, 42);
    CHECK(run.shownOrder() == optionDisplayOrder(quiz.questions[0], 42));
    CHECK(run.shownOrder(1) == std::vector<int>{0, 1, 2});
    // Letter A shows option b (index 1), the right one under seed 42: the event takes the option index.
    REQUIRE(run.shownOrder()[0] == 1);
    run.toggle(run.shownOrder()[0]);
    REQUIRE(run.confirm());
    CHECK(run.currentResult()->selected == std::vector<int>{1});
    CHECK(run.currentResult()->score.outcome == Outcome::Right);
    CHECK(run.currentResult()->shown == run.shownOrder());
    // Without a seed, every question keeps the file's order (a state saved before the shuffle).
    const QuizRun plain = QuizRun::forQuiz(quiz);
    CHECK(plain.shownOrder() == std::vector<int>{0, 1, 2, 3});
}

TEST_CASE("the seed is saved in the resume state and restores the same order") {
    Quiz quiz;
    quiz.questions = {questionWith("q1", 4), questionWith("q2", 4), questionWith("q3", 4)};
    QuizRun run = QuizRun::forQuiz(quiz, 987654321987654321ULL);
    run.toggle(1);
    run.confirm();
    run.next();
    const std::string state = serializeQuizSnapshot(run.snapshot());
    CHECK(state.find("\"seed\":\"987654321987654321\"") != std::string::npos);
    const auto parsed = parseQuizSnapshot(state);
    REQUIRE(parsed.has_value());
    REQUIRE(parsed->seed.has_value());
    CHECK(*parsed->seed == 987654321987654321ULL);
    const auto restored = QuizRun::restore(*parsed, run.questions());
    REQUIRE(restored.has_value());
    CHECK(restored->position() == 1);
    for (std::size_t i = 0; i < quiz.questions.size(); ++i) {
        CHECK(restored->shownOrder(i) == run.shownOrder(i));
    }
    CHECK(restored->results()[0].shown == run.results()[0].shown);
    // A state from before the shuffle (no seed) restores with the file's order; a damaged seed is refused.
    auto old = *parsed;
    old.seed.reset();
    const auto unshuffled = QuizRun::restore(old, run.questions());
    REQUIRE(unshuffled.has_value());
    CHECK(unshuffled->shownOrder() == std::vector<int>{0, 1, 2, 3});
    CHECK_FALSE(parseQuizSnapshot(
        R"({"questions":["q1"],"position":0,"phase":0,"answers":[],"selection":[],"seed":"-3"})"));
    CHECK_FALSE(parseQuizSnapshot(
        R"({"questions":["q1"],"position":0,"phase":0,"answers":[],"selection":[],"seed":"99999999999999999999"})"));
}

TEST_CASE("a review run shows questions in a drawn order and cards in the file's") {
    Pack pack;
    const Question question = questionWith("q1", 4);
    MythCard card;
    card.id = "c1";
    card.arguments = {{"a", "x", "", false, {}}, {"b", "y", "", true, {}}, {"c", "z", "", false, {}}};
    ReviewRun run({{&pack, "quiz", &question}, {&pack, "deck", &card}}, 42);
    CHECK(run.shownOrder() == optionDisplayOrder(question, 42));
    run.toggle(run.shownOrder()[0]);
    REQUIRE(run.confirm());
    run.next();
    CHECK(run.shownOrder() == std::vector<int>{0, 1, 2});
}

TEST_CASE("the result's detail keeps option ids: what was ticked and the order it was shown in") {
    testing::TemporaryFolder folder;
    auto opened = ProgressStore::open(folder.path() / "progress.db", [] { return std::int64_t{1700049600}; });
    REQUIRE(opened.ok());
    const auto profile = *opened.value().store->createProfile("Élise");
    Pack pack;
    pack.id = "essai";
    pack.version = "1.0.0";
    Quiz quiz;
    quiz.id = "quiz";
    quiz.questions = {questionWith("q1", 4)};
    ActivityRecorder recorder(opened.value().store.get(), profile, pack, ActivityKind::Quiz, quiz.id, {});
    recorder.start(false);
    QuizRun run = QuizRun::forQuiz(quiz, 42);  // shows b, a, c, d (see the independent orders above)
    run.toggle(1);
    REQUIRE(run.confirm());
    recorder.answered(run.currentQuestion(), *run.currentResult());
    CHECK(recorder.problem().empty());
    sql::Database database(opened.value().store->file());
    CHECK(database.queryText("SELECT detail FROM results").value_or("") ==
          R"({"order":["b","a","c","d"],"selected":["b"]})");
}

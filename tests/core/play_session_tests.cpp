// The play objects of game/core/session: each event records itself (answers, resume state, the end), a
// resumed quiz keeps the options' order of its seed, drills are recorded as drills, and a finished
// self-diagnostic is recorded with its profile.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "core/loading/pack_loader.hpp"
#include "core/session/diagnostic_play.hpp"
#include "core/session/quiz_play.hpp"
#include "core/session/review_play.hpp"
#include "support/test_support.hpp"

using namespace passerelles;

namespace {

constexpr std::int64_t kNoon = 1700049600;

Question questionWith(const std::string& id, std::size_t count) {
    Question question;
    question.id = id;
    for (std::size_t i = 0; i < count; ++i) {
        question.options.push_back({std::string(1, static_cast<char>('a' + i)), "option", "", i == 1});
    }
    return question;
}

// A pack "essai" with one quiz "quiz" of the given questions (kept where the pack is).
struct QuizPack {
    Pack pack;
    Quiz quiz;
    explicit QuizPack(std::vector<Question> questions) {
        pack.id = "essai";
        pack.version = "1.0.0";
        quiz.id = "quiz";
        quiz.questions = std::move(questions);
    }
};

struct Store {
    testing::TemporaryFolder folder;
    std::unique_ptr<ProgressStore> store;
    std::int64_t profile = 0;
    Store() {
        auto opened = ProgressStore::open(folder.path() / "progress.db", [] { return kNoon; });
        REQUIRE(opened.ok());
        store = std::move(opened.value().store);
        profile = *store->createProfile("Élise");
    }
    std::unique_ptr<ActivityRecorder> recorder(const Pack& pack, ActivityKind kind, const std::string& id) {
        return std::make_unique<ActivityRecorder>(store.get(), profile, pack, kind, id, [] { return 0.0; });
    }
};

}  // namespace

TEST_CASE("a quiz play records its answers and state itself; the next play resumes with the same order") {
    Store fixture;
    const QuizPack content({questionWith("q1", 4), questionWith("q2", 5)});
    const Pack& pack = content.pack;
    const Quiz& quiz = content.quiz;

    QuizPlay first(quiz);
    first.begin(fixture.recorder(pack, ActivityKind::Quiz, quiz.id), 42);
    CHECK_FALSE(first.resumable());
    CHECK_FALSE(first.confirm());  // nothing ticked: nothing recorded
    CHECK(fixture.store->resultCount(fixture.profile) == 0);
    first.toggle(first.run().shownOrder()[0]);
    REQUIRE(first.confirm());
    CHECK(fixture.store->resultCount(fixture.profile) == 1);
    first.next();
    const std::vector<int> secondOrder = first.run().shownOrder();

    // Another seed is offered, but the saved play keeps its own.
    QuizPlay again(quiz);
    again.begin(fixture.recorder(pack, ActivityKind::Quiz, quiz.id), 7);
    REQUIRE(again.resumable());
    CHECK(again.resumable()->seed() == std::optional<std::uint64_t>(42));
    again.resume();
    CHECK_FALSE(again.resumable());
    CHECK(again.run().position() == 1);
    CHECK(again.run().shownOrder() == secondOrder);
    again.toggle(1);
    REQUIRE(again.confirm());
    again.next();
    REQUIRE(again.run().phase() == QuizRun::Phase::Finished);
    again.finish();
    CHECK(fixture.store->resultCount(fixture.profile) == 2);
    CHECK_FALSE(fixture.store->unfinishedSession(fixture.profile, pack.id, ActivityKind::Quiz, quiz.id));
    const auto totals = fixture.store->activityTotals(fixture.profile, pack.id);
    REQUIRE(totals.size() == 1);
    CHECK(totals[0].finishedSessions == 1);
}

TEST_CASE("a drill play records its answers as drills, which queue nothing for review") {
    Store fixture;
    const QuizPack content({questionWith("q1", 3)});
    const Pack& pack = content.pack;
    const Quiz& quiz = content.quiz;
    const auto recorders = [&fixture](const Pack& of, ActivityKind kind, const std::string& id) {
        return fixture.recorder(of, kind, id);
    };
    ReviewPlay drill({ReviewItem{&pack, quiz.id, &quiz.questions[0]}}, ReviewRun::Mode::Drill, std::nullopt,
                     recorders);
    drill.toggle(0);  // wrong: option b is the right one
    REQUIRE(drill.confirm());
    CHECK(drill.problem().empty());
    int drills = 0;
    fixture.store->forEachResult(fixture.profile,
                                 [&](const StoredResult& result) { drills += result.drill; });
    CHECK(drills == 1);
    CHECK(fixture.store->reviewQueue(fixture.profile).empty());

    ReviewPlay review({ReviewItem{&pack, quiz.id, &quiz.questions[0]}}, ReviewRun::Mode::Review, std::nullopt,
                      recorders);
    review.toggle(0);
    REQUIRE(review.confirm());
    CHECK(fixture.store->reviewQueue(fixture.profile).size() == 1);  // a missed review is queued
}

TEST_CASE("a self-diagnostic play records its result once the last question is answered") {
    Store fixture;
    const PackLoad load = loadPack(testing::contentDir() / "acter-2024");
    REQUIRE(load.usable());
    const SelfDiagnostic& diagnostic = *load.pack->findDiagnostic("profil-action-internationale");
    DiagnosticPlay play(diagnostic);
    play.begin(fixture.recorder(*load.pack, ActivityKind::SelfDiagnostic, diagnostic.id));
    for (std::size_t question = 0; question < diagnostic.questions.size(); ++question) {
        CHECK(fixture.store->resultCount(fixture.profile) == 0);
        REQUIRE(play.toggle(0));
        REQUIRE(play.next());
    }
    REQUIRE(play.run().phase() == DiagnosticRun::Phase::Result);
    CHECK(fixture.store->resultCount(fixture.profile) == 1);
    const auto latest = fixture.store->latestResults(fixture.profile);
    REQUIRE(latest.size() == 1);
    const auto detail = nlohmann::json::parse(fixture.store->resultDetail(latest[0].resultId));
    const int main = play.run().result().main;
    CHECK(detail["profile"] ==
          (main >= 0 ? diagnostic.profiles[static_cast<std::size_t>(main)].id : std::string()));
    CHECK(detail["answers"].size() == diagnostic.questions.size());
    CHECK(detail["scores"].size() == play.run().result().ranking.size());
}

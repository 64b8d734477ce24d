// Scenario runs: transitions, conditions, effects, scoring rules, resume; each shipped scenario's best and
// poor paths.
#include <doctest/doctest.h>

#include <functional>

#include "core/loading/pack_loader.hpp"
#include "core/play/scenario_run.hpp"
#include "support/test_support.hpp"

using namespace passerelles;

namespace {

PackLoad loadValid() {
    return loadPack(testing::fixturesDir() / "scenarios" / "valid");
}

// Choice ids along an explored path, for replaying it as a player would.
std::vector<std::string> choiceIdsOf(const Scenario& scenario, const std::vector<PathStep>& path) {
    std::vector<std::string> ids;
    for (const auto& step : path) {
        if (step.choice >= 0) {
            ids.push_back(scenario.nodes[static_cast<std::size_t>(step.node)]
                              .choices[static_cast<std::size_t>(step.choice)]
                              .id);
        }
    }
    return ids;
}

// Depth-first over the player's real choices until an ending with `rating` is reached.
std::optional<std::vector<std::string>> findPathTo(const Scenario& scenario, EndingRating rating) {
    std::function<std::optional<std::vector<std::string>>(const std::vector<std::string>&, int)> search =
        [&](const std::vector<std::string>& prefix, int depth) -> std::optional<std::vector<std::string>> {
        auto run = ScenarioRun::replay(scenario, prefix);
        if (!run || depth > 40) {
            return std::nullopt;
        }
        while (
            run->phase() == ScenarioRun::Phase::Consequence ||
            (run->phase() == ScenarioRun::Phase::AtNode && run->currentNode().type == NodeType::Narrative)) {
            run->proceed();
        }
        if (run->phase() == ScenarioRun::Phase::Ended) {
            return run->currentNode().rating == rating ? std::optional(prefix) : std::nullopt;
        }
        for (const auto& view : run->visibleChoices()) {
            if (!view.available) {
                continue;
            }
            auto next = prefix;
            next.push_back(run->currentNode().choices[static_cast<std::size_t>(view.index)].id);
            if (auto found = search(next, depth + 1)) {
                return found;
            }
        }
        return std::nullopt;
    };
    return search({}, 0);
}

ScenarioRun playToEnd(const Scenario& scenario, const std::vector<std::string>& choices) {
    auto run = ScenarioRun::replay(scenario, choices);
    REQUIRE(run.has_value());
    while (run->phase() != ScenarioRun::Phase::Ended) {
        REQUIRE(run->proceed());
    }
    return std::move(*run);
}

}  // namespace

TEST_CASE("a run arrives, chooses, shows the consequence, follows routes and ends") {
    const PackLoad load = loadValid();
    REQUIRE(load.usable());
    const Scenario& scenario = load.pack->scenarios[0];
    ScenarioRun run(scenario);
    CHECK(run.currentNode().id == "debut");
    CHECK(run.phase() == ScenarioRun::Phase::AtNode);
    CHECK_FALSE(run.proceed());  // a choice node waits for a choice
    CHECK(run.visibleChoices().size() == 2);
    REQUIRE(run.choose(0));
    CHECK(run.phase() == ScenarioRun::Phase::Consequence);
    REQUIRE(run.lastChoice() != nullptr);
    CHECK(run.lastChoice()->id == "reseau");
    CHECK(run.value("confiance") == doctest::Approx(7.0));
    CHECK(run.value("rrma") == doctest::Approx(1.0));
    CHECK_FALSE(run.choose(1));  // no second choice while the consequence is shown
    REQUIRE(run.proceed());
    CHECK(run.currentNode().id == "mission");
    REQUIRE(run.proceed());  // rrma and confiance >= 6: the good route
    CHECK(run.phase() == ScenarioRun::Phase::Ended);
    CHECK(run.currentNode().id == "fin-bonne");
    CHECK(run.pathScore() == doctest::Approx(2.0));
    CHECK(run.endingScore() == doctest::Approx(10.0));
    CHECK(run.total() == doctest::Approx(12.0));
    CHECK(run.choiceIds() == std::vector<std::string>{"reseau"});
}

TEST_CASE("the scoring rule decides the total") {
    const PackLoad load = loadValid();
    Scenario scenario = load.pack->scenarios[0];
    for (const auto& [rule, expected] : std::vector<std::pair<ScenarioScoring, double>>{
             {ScenarioScoring::Ending, 0.0}, {ScenarioScoring::Path, -1.0}, {ScenarioScoring::Both, -1.0}}) {
        scenario.scoring = rule;
        const ScenarioRun run = playToEnd(scenario, {"seul"});
        CHECK(run.currentNode().id == "fin-mauvaise");
        CHECK(run.total() == doctest::Approx(expected));
    }
}

TEST_CASE(
    "values stay within their range during play, and locked choices stay visible only with a lockedText") {
    const PackLoad load = loadValid();
    Scenario scenario = load.pack->scenarios[0];
    scenario.nodes[0].choices[0].effects[0].value = 50;  // +50 on a 0–10 gauge
    ScenarioChoice locked;
    locked.id = "membre";
    locked.text = "Je suis déjà membre";
    locked.target = 1;
    locked.lockedText = "Il faut d’abord adhérer au réseau.";
    locked.condition = Condition::parse("rrma", {{"confiance", ValueType::Number, 0, 10},
                                                 {"budget", ValueType::Number, 0, 100},
                                                 {"rrma", ValueType::Boolean, 0, 1}})
                           .condition;
    ScenarioChoice hidden = locked;
    hidden.id = "cache";
    hidden.lockedText.clear();
    scenario.nodes[0].choices.push_back(locked);
    scenario.nodes[0].choices.push_back(hidden);
    ScenarioRun run(scenario);
    const auto views = run.visibleChoices();
    REQUIRE(views.size() == 3);  // two available, the locked one with its text, not the hidden one
    CHECK_FALSE(views[2].available);
    CHECK(views[2].index == 2);
    CHECK_FALSE(run.choose(2));
    REQUIRE(run.choose(0));
    CHECK(run.value("confiance") == doctest::Approx(10.0));
}

TEST_CASE("a saved path replays, and a changed scenario is refused rather than guessed") {
    const PackLoad load = loadValid();
    const Scenario& scenario = load.pack->scenarios[0];
    auto resumed = ScenarioRun::replay(scenario, {"seul"});
    REQUIRE(resumed.has_value());
    CHECK(resumed->phase() == ScenarioRun::Phase::Consequence);
    CHECK(resumed->value("confiance") == doctest::Approx(3.0));
    CHECK_FALSE(ScenarioRun::replay(scenario, {"choix-disparu"}).has_value());
}

TEST_CASE("each shipped scenario plays its best path to a good ending and one poor path to a poor ending") {
    const auto library = ContentLibrary::load({{testing::contentDir(), "bundled"}});
    int scenarios = 0;
    for (const auto& pack : library.usablePacks()) {
        for (const Scenario& scenario : pack->scenarios) {
            CAPTURE(scenario.id);
            ++scenarios;
            const ScenarioExploration exploration = exploreScenario(scenario);
            REQUIRE(exploration.complete);
            REQUIRE(exploration.hasBestPath);
            const ScenarioRun best = playToEnd(scenario, choiceIdsOf(scenario, exploration.bestPath));
            CHECK(best.currentNode().rating == EndingRating::Good);
            CHECK(best.total() == doctest::Approx(exploration.bestTotal));
            const auto poorPath = findPathTo(scenario, EndingRating::Poor);
            REQUIRE(poorPath.has_value());
            const ScenarioRun poor = playToEnd(scenario, *poorPath);
            CHECK(poor.currentNode().rating == EndingRating::Poor);
            CHECK(poor.total() < best.total());
            // At least four decisions on the best path, as the booklet's situations require.
            CHECK(best.choiceIds().size() >= 4);
        }
    }
    CHECK(scenarios >= 4);
}

TEST_CASE("a scored choice that loops back cannot farm a score past the best possible (issue 23, item 4)") {
    const PackLoad load = loadPack(testing::fixturesDir() / "scenarios" / "scored-cycle");
    REQUIRE(load.usable());
    const Scenario& scenario = load.pack->scenarios.at(0);
    const ScenarioExploration exploration = exploreScenario(scenario);
    REQUIRE(exploration.complete);
    // « relancer » (+10) loops on « debut », « revenir » (+5) goes back to it from « reponse »: each
    // counts once, so the best is 15, reached by taking both once.
    REQUIRE(exploration.scoreBounded);
    CHECK_FALSE(exploration.hasBestPath);
    CHECK(exploration.bestTotal == doctest::Approx(15.0));

    // The farm of the issue: 6 000 « relancer » used to give 60 000 against a best of 0.
    ScenarioRun farm(scenario);
    for (int i = 0; i < 6000; ++i) {
        REQUIRE(farm.choose(0));
    }
    for (int lap = 0; lap < 100; ++lap) {
        REQUIRE(farm.choose(1));  // attendre
        REQUIRE(farm.choose(0));  // revenir
        REQUIRE(farm.choose(0));  // relancer
    }
    REQUIRE(farm.choose(1));
    REQUIRE(farm.choose(1));  // conclure
    REQUIRE(farm.phase() == ScenarioRun::Phase::Ended);
    CHECK(farm.total() == doctest::Approx(15.0));
    CHECK(farm.total() <= exploration.bestTotal);

    // The same farm replayed from its saved choices gives the same score.
    const auto replayed = ScenarioRun::replay(scenario, farm.choiceIds());
    REQUIRE(replayed.has_value());
    CHECK(replayed->total() == doctest::Approx(farm.total()));

    // Once round the loop still counts as it did: +10 then out.
    const ScenarioRun once = playToEnd(scenario, {"relancer", "attendre", "conclure"});
    CHECK(once.total() == doctest::Approx(10.0));
}

TEST_CASE("each step says whether its choice's points counted, for the path shown at the end") {
    const PackLoad load = loadPack(testing::fixturesDir() / "scenarios" / "scored-cycle");
    REQUIRE(load.usable());
    const ScenarioRun run =
        playToEnd(load.pack->scenarios.at(0), {"relancer", "relancer", "attendre", "conclure"});
    REQUIRE(run.path().size() == 5);
    CHECK(run.stepScored(0));        // the first « relancer »: +10
    CHECK_FALSE(run.stepScored(1));  // again in the same situation: nothing
    CHECK(run.stepScored(2));        // « attendre », 0 points, but counted
    CHECK_FALSE(run.stepScored(4));  // the ending: no choice
    CHECK(run.total() == doctest::Approx(10.0));
}

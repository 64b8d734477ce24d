// Phones in a workshop: what they are asked at each step, and how their answers join the room's tally.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdint>

#include "core/atelier/atelier_report.hpp"
#include "core/atelier/atelier_resume.hpp"
#include "core/play/option_order.hpp"
#include "support/test_support.hpp"

using namespace passerelles;

namespace {

const ContentLibrary& bundledLibrary() {
    static const ContentLibrary library = ContentLibrary::load({{testing::contentDir(), "bundled"}});
    return library;
}

ResolvedStep firstBundledStep(AtelierItemKind kind) {
    for (const auto& ref : candidateSteps(bundledLibrary(), {}, {})) {
        if (ref.kind == kind) {
            return resolveStep(bundledLibrary(), ref);
        }
    }
    FAIL("no step of this kind in the bundled content");
    return {};
}

Question threeOptions() {
    Question question;
    question.id = "q1";
    question.text = "Une seule bonne réponse";
    question.options = {
        {"a", "Option 1", "", false}, {"b", "Option 2", "", true}, {"c", "Option 3", "", false}};
    return question;
}

ResolvedStep questionStep(const Question& question) {
    ResolvedStep step;
    step.ref = {AtelierItemKind::Question, "test", "quiz", question.id};
    step.question = &question;
    return step;
}

}  // namespace

TEST_CASE(
    "phones answer a question: their counts add to the hands, the answer is never sent before the reveal") {
    const Question question = threeOptions();
    AtelierRun run(AtelierPlan{}, {questionStep(question), questionStep(question)});
    PhonePrompt prompt = run.phonePrompt();
    CHECK(prompt.kind == PhonePromptKind::Question);
    CHECK(prompt.key == "1");
    CHECK(prompt.options.size() == 3);
    CHECK_FALSE(prompt.open);
    CHECK(prompt.correct.empty());
    REQUIRE(run.toggleAnswering());
    CHECK(run.phonePrompt().open);
    REQUIRE(run.setHands(0, 2));
    REQUIRE(run.recordPhoneVotes("1", {12, 10, {1, 8, 1}}));
    CHECK_FALSE(run.recordPhoneVotes("2", {12, 10, {5, 5, 0}}));  // not the vote on screen
    CHECK(run.distribution(0) == std::vector<int>{3, 8, 1});
    CHECK(run.phoneDistribution(0) == std::vector<int>{1, 8, 1});
    CHECK(*run.successRate(0) == doctest::Approx(8.0 / 12.0));
    REQUIRE(run.toggleReveal());
    prompt = run.phonePrompt();
    CHECK(prompt.revealed);
    CHECK_FALSE(prompt.open);
    CHECK(prompt.correct == std::vector<int>{1});
    CHECK(prompt.counts == std::vector<int>{3, 8, 1});
    CHECK(run.phoneParticipation(0).connected == 12);
    CHECK(run.phoneParticipation(0).answered == 10);
    CHECK(run.phoneParticipation(1).connected == 0);
    CHECK(run.phonesUsed());
}

TEST_CASE("teams and phones in one room: the share right counts each team once and each phone tick once") {
    const Question question = threeOptions();
    AtelierPlan plan;
    plan.teams = {{"Rouge", 0}, {"Bleue", 1}};
    AtelierRun run(plan, {questionStep(question)});
    REQUIRE(run.toggleAnswering());
    REQUIRE(run.teamAnswer(0, 1));  // right
    REQUIRE(run.teamAnswer(1, 0));  // wrong
    REQUIRE(run.recordPhoneVotes("1", {4, 4, {0, 4, 0}}));
    CHECK(run.distribution(0) == std::vector<int>{1, 5, 0});
    CHECK(*run.successRate(0) == doctest::Approx(5.0 / 6.0));
    REQUIRE(run.toggleReveal());
    CHECK(run.teamPoints(0) > run.teamPoints(1));  // phones never give a team points
}

TEST_CASE("an idée reçue: phones vote before and after under two keys that join the typed hands") {
    const ResolvedStep card = firstBundledStep(AtelierItemKind::Card);
    AtelierRun run(AtelierPlan{}, {card});
    CHECK(run.phonePrompt().kind == PhonePromptKind::Card);
    CHECK(run.phonePrompt().key == "1/avant");
    CHECK_FALSE(run.phonePrompt().open);
    REQUIRE(run.toggleAnswering());
    CHECK(run.phonePrompt().open);
    CHECK(run.phonePrompt().options == std::vector<std::string>{kPhoneAgree, kPhoneDisagree});
    REQUIRE(run.recordPhoneVotes("1/avant", {10, 9, {7, 2}}));
    REQUIRE(run.recordCardVote({3, 1}));
    REQUIRE(run.toggleAnswering());
    CHECK(run.cardRun()->current().before.agree == 10);
    CHECK(run.cardRun()->current().before.disagree == 3);
    while (run.cardRun()->phase() == RoomMythRun::Phase::Arguments) {
        REQUIRE(run.toggleReveal());
    }
    CHECK(run.phonePrompt().key == "1/apres");
    CHECK_FALSE(run.phonePrompt().open);
    REQUIRE(run.toggleAnswering());
    CHECK(run.phonePrompt().open);
    CHECK_FALSE(run.recordPhoneVotes("1/avant", {10, 9, {9, 0}}));  // the first vote is closed
    REQUIRE(run.recordPhoneVotes("1/apres", {10, 9, {2, 7}}));
    REQUIRE(run.recordCardVote({0, 0}));  // no hands typed: the phones alone
    REQUIRE(run.toggleAnswering());
    CHECK(run.cardRun()->current().after.agree == 2);
    CHECK(run.cardRun()->current().after.disagree == 7);
    CHECK(run.phonePrompt().revealed);
}

TEST_CASE("a scenario: phones see only the available choices and their votes decide with the hands") {
    const ResolvedStep scenario = firstBundledStep(AtelierItemKind::Scenario);
    AtelierRun run(AtelierPlan{}, {scenario});
    ScenarioTally* tally = run.scenario();
    for (int guard = 0; guard < 50 && !(tally->run.phase() == ScenarioRun::Phase::AtNode &&
                                        tally->run.currentNode().type == NodeType::Choice);
         ++guard) {
        CHECK(run.phonePrompt().kind == PhonePromptKind::Waiting);
        REQUIRE(run.toggleReveal());
    }
    std::vector<int> available;
    for (const auto& view : tally->run.visibleChoices()) {
        if (view.available) {
            available.push_back(view.index);
        }
    }
    REQUIRE(available.size() >= 2);
    PhonePrompt prompt = run.phonePrompt();
    CHECK(prompt.kind == PhonePromptKind::Scenario);
    CHECK(prompt.key == "1/choix-1");
    CHECK(prompt.options.size() == available.size());
    REQUIRE(run.toggleAnswering());
    REQUIRE(run.setVotes(available[0], 3));
    std::vector<int> phoneCounts(available.size(), 0);
    phoneCounts[1] = 5;
    REQUIRE(run.recordPhoneVotes(prompt.key, {5, 5, phoneCounts}));
    CHECK(run.leadingChoices() == std::vector<int>{available[1]});  // 5 phones beat 3 hands
    REQUIRE(run.decide());
    REQUIRE(tally->decisions.size() == 1);
    CHECK(tally->decisions[0].choice == available[1]);
    CHECK(tally->decisions[0].votes[static_cast<std::size_t>(available[1])] == 5);
    CHECK(tally->decisions[0].votes[static_cast<std::size_t>(available[0])] == 3);
    CHECK(run.phonePrompt().key != prompt.key);  // the next decision is a new vote
}

TEST_CASE("the map of the room: each phone places its collectivité beside the ones the facilitator typed") {
    const ResolvedStep map = firstBundledStep(AtelierItemKind::ProfileMap);
    AtelierRun run(AtelierPlan{}, {map});
    const PhonePrompt prompt = run.phonePrompt();
    CHECK(prompt.kind == PhonePromptKind::ProfileMap);
    CHECK(prompt.open);
    REQUIRE(prompt.options.size() == map.diagnostic->profiles.size());
    REQUIRE(run.addCollectivite(0));
    std::vector<int> counts(prompt.options.size(), 0);
    counts[0] = 1;
    counts[1] = 2;
    REQUIRE(run.recordPhoneVotes(prompt.key, {3, 3, counts}));
    const auto total = run.profileCounts(0);
    CHECK(total[0] == 2);
    CHECK(total[1] == 2);
}

TEST_CASE(
    "the report says how many phones were connected and answered at each step, and which answers they gave") {
    const Question question = threeOptions();
    AtelierRun run(AtelierPlan{}, {questionStep(question), questionStep(question)});
    REQUIRE(run.toggleAnswering());
    REQUIRE(run.setHands(1, 3));
    REQUIRE(run.recordPhoneVotes("1", {12, 10, {1, 8, 1}}));
    const AtelierReportFiles files = buildAtelierReport(run, AtelierFigures{}, "2 décembre 2026");
    CHECK(files.html.find("10 réponses sur 12 téléphones connectés") != std::string::npos);
    CHECK(files.html.find("téléphones connectés au plus") != std::string::npos);
    const auto csv = [&](const std::string& name) {
        for (const auto& [file, content] : files.csv) {
            if (file == name) {
                return content;
            }
        }
        FAIL("no " << name);
        return std::string();
    };
    const std::string steps = csv("etapes.csv");
    CHECK(steps.find("téléphones connectés;téléphones ayant répondu") != std::string::npos);
    CHECK(steps.find(";oui;12;10\r\n") != std::string::npos);
    CHECK(steps.find(";non;0;0\r\n") != std::string::npos);
    const std::string questions = csv("questions.csv");
    CHECK(questions.find("réponses;dont téléphones;taux de réussite") != std::string::npos);
    CHECK(questions.find(";oui;11;8;") != std::string::npos);  // option B: 3 hands + 8 phones
}

TEST_CASE("a workshop's journal, written and read back, rebuilds the same run after a crash") {
    const Question question = threeOptions();
    const ResolvedStep card = firstBundledStep(AtelierItemKind::Card);
    const ResolvedStep scenario = firstBundledStep(AtelierItemKind::Scenario);
    AtelierPlan plan;
    plan.title = "Atelier du 2 décembre";
    plan.date = "2026-12-02";
    plan.teams = {{"Rouge", 0}, {"Bleue", 1}};
    const std::vector<ResolvedStep> steps = {questionStep(question), card, scenario};
    AtelierRun run(plan, steps);
    REQUIRE(run.toggleAnswering());
    REQUIRE(run.teamAnswer(0, 1));
    REQUIRE(run.teamAnswer(1, 2));
    REQUIRE(run.recordPhoneVotes("1", {6, 5, {0, 4, 1}}));
    REQUIRE(run.recordPhoneVotes("1", {6, 5, {0, 4, 1}}));  // the same tally again: one event
    REQUIRE(run.toggleReveal());
    REQUIRE(run.next());
    REQUIRE(run.toggleAnswering());
    REQUIRE(run.recordCardVote({8, 3}));
    REQUIRE(run.toggleAnswering());
    REQUIRE(run.next());
    ScenarioTally* tally = run.scenario();
    while (!(tally->run.phase() == ScenarioRun::Phase::AtNode &&
             tally->run.currentNode().type == NodeType::Choice)) {
        REQUIRE(run.toggleReveal());
    }
    REQUIRE(run.toggleAnswering());
    const int choice = tally->run.visibleChoices().front().index;
    REQUIRE(run.setTeamVote(0, choice));
    REQUIRE(run.toggleReveal());  // the majority decides: one event, not two
    CHECK(std::count_if(run.journal().begin(), run.journal().end(), [](const AtelierEvent& event) {
              return event.kind == AtelierEvent::Kind::Decide;
          }) == 0);
    CHECK(std::count_if(run.journal().begin(), run.journal().end(), [](const AtelierEvent& event) {
              return event.kind == AtelierEvent::Kind::PhoneVotes;
          }) == 1);

    const auto read = savedWorkshopFromJson(savedWorkshopJson(run, "2026-12-02"));
    REQUIRE_MESSAGE(read.ok(), (read.ok() ? std::string() : read.error().message));
    const SavedWorkshop* saved = &read.value();
    CHECK(saved->position == 2);
    CHECK(saved->stepCount == 3);
    CHECK(resumeLabel(*saved) == "Reprendre l’atelier du 2 décembre 2026 (étape 3 sur 3)");
    AtelierRun again(saved->plan, steps);
    REQUIRE(again.replay(saved->events));
    CHECK(again.position() == run.position());
    CHECK(again.distribution(0) == run.distribution(0));
    CHECK(again.teamPoints(0) == run.teamPoints(0));
    CHECK(again.phoneParticipation(0).answered == 5);
    const auto& before = std::get<CardTally>(again.tally(1)).run.current().before;
    CHECK(before.agree == 8);
    CHECK(before.disagree == 3);
    const auto& decisions = std::get<ScenarioTally>(again.tally(2)).decisions;
    REQUIRE(decisions.size() == 1);
    CHECK(decisions[0].choice == choice);
    CHECK(again.journal().size() == run.journal().size());

    const auto incomplete = savedWorkshopFromJson("{\"format\": 1}");
    REQUIRE_FALSE(incomplete.ok());
    CHECK(incomplete.error().message.find("illisible") != std::string::npos);
    CHECK_FALSE(savedWorkshopFromJson("pas du json").ok());
}

TEST_CASE("a workshop shows each question's options in its own shuffled order, kept across a resume") {
    // Six options: a shuffle left out (the identity) would show for 1 seed in 720.
    Question question;
    question.id = "six";
    question.text = "Six options";
    for (const char* id : {"a", "b", "c", "d", "e", "f"}) {
        question.options.push_back({id, std::string("Option ") + id, "", id[0] == 'd'});
    }
    Question ordered = question;
    ordered.id = "dans-l-ordre";
    ordered.shuffle = false;
    const std::vector<int> fileOrder = {0, 1, 2, 3, 4, 5};
    const std::vector<ResolvedStep> steps = {questionStep(question), questionStep(ordered)};
    constexpr std::uint64_t seed = 7011;

    const AtelierRun unshuffled(AtelierPlan{}, steps);  // no seed: the files' order
    CHECK(unshuffled.optionOrder(0) == fileOrder);
    AtelierRun run(AtelierPlan{}, steps, seed);
    CHECK(run.optionOrder(0) == optionDisplayOrder(question, seed));
    CHECK(run.optionOrder(0) != fileOrder);
    CHECK(run.optionOrder(1) == fileOrder);  // "shuffle": false

    // Whole room: hands typed per option; the report lists the options with the letters the room saw.
    REQUIRE(run.toggleAnswering());
    REQUIRE(run.setHands(3, 9));  // option d, the right one, wherever it is shown
    REQUIRE(run.toggleAnswering());
    REQUIRE(run.toggleReveal());
    const int shownRight = shownPosition(run.optionOrder(0), 3);
    const std::string rightLetter(1, static_cast<char>('A' + shownRight));
    const AtelierReportFiles report = buildAtelierReport(run, AtelierFigures{}, "05/12/2026 à 10 h 00");
    CHECK(report.html.find(rightLetter + ". Option d") != std::string::npos);
    CHECK(report.html.find("Bonne réponse : " + rightLetter + ".") != std::string::npos);
    const auto questions = std::find_if(report.csv.begin(), report.csv.end(),
                                        [](const auto& file) { return file.first == "questions.csv"; });
    REQUIRE(questions != report.csv.end());
    CHECK(questions->second.find(";" + rightLetter + ";Option d;oui;9;") != std::string::npos);

    const std::string text = savedWorkshopJson(run, "2026-12-05");
    const auto read = savedWorkshopFromJson(text);
    REQUIRE_MESSAGE(read.ok(), (read.ok() ? std::string() : read.error().message));
    const SavedWorkshop* saved = &read.value();
    REQUIRE(saved->optionSeed == seed);
    AtelierRun again(saved->plan, steps, saved->optionSeed);
    REQUIRE(again.replay(saved->events));
    CHECK(again.optionOrder(0) == run.optionOrder(0));
    CHECK(again.distribution(0) == run.distribution(0));

    // A seed that cannot be read back would change the letters the room answered with: refused.
    std::string damaged = text;
    damaged.replace(damaged.find("\"7011\""), 6, "\"sept\"");
    const auto refused = savedWorkshopFromJson(damaged);
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().message.find("ordre des réponses") != std::string::npos);
}

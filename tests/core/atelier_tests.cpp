// Workshop plans, the live run of a workshop (answers, votes, decisions, teams) and its report.
#include <doctest/doctest.h>

#include <algorithm>

#include <nlohmann/json.hpp>

#include "core/atelier/atelier_highlights.hpp"
#include "core/atelier/atelier_report.hpp"
#include "core/play/quiz_scoring.hpp"
#include "support/csv_reading.hpp"
#include "support/test_support.hpp"

using namespace passerelles;

namespace {

const ContentLibrary& bundledLibrary() {
    static const ContentLibrary library = ContentLibrary::load({{testing::contentDir(), "bundled"}});
    return library;
}

Question makeQuestion(const std::string& id, const std::string& text, std::vector<bool> correct) {
    Question question;
    question.id = id;
    question.text = text;
    for (std::size_t i = 0; i < correct.size(); ++i) {
        question.options.push_back({std::string(1, static_cast<char>('a' + i)),
                                    "Option " + std::to_string(i + 1), "", static_cast<bool>(correct[i])});
    }
    return question;
}

ResolvedStep questionStep(const Question& question) {
    ResolvedStep step;
    step.ref = {AtelierItemKind::Question, "test", "quiz", question.id};
    step.question = &question;
    return step;
}

AtelierPlan planWithTeams(int count) {
    AtelierPlan plan;
    plan.title = "Atelier de test";
    for (int team = 0; team < count; ++team) {
        plan.teams.push_back({"Les " + std::to_string(team + 1), team});
    }
    return plan;
}

// The first step of this kind in the bundled library, resolved.
ResolvedStep bundledStep(AtelierItemKind kind) {
    for (const auto& ref : candidateSteps(bundledLibrary(), {}, {})) {
        if (ref.kind == kind) {
            return resolveStep(bundledLibrary(), ref);
        }
    }
    FAIL("no step of this kind in the bundled content");
    return {};
}

// Moves a scenario step on until the room has a choice to make with at least two available choices.
void advanceToChoice(AtelierRun& run) {
    ScenarioTally* tally = run.scenario();
    REQUIRE(tally != nullptr);
    for (int guard = 0; guard < 50; ++guard) {
        if (tally->run.currentNode().type == NodeType::Choice &&
            tally->run.phase() == ScenarioRun::Phase::AtNode) {
            return;
        }
        REQUIRE(run.toggleReveal());
    }
    FAIL("no choice reached");
}

// The choices the room may take at the scenario's current node, in the order shown.
std::vector<int> availableChoices(AtelierRun& run) {
    std::vector<int> available;
    for (const auto& view : run.scenario()->run.visibleChoices()) {
        if (view.available) {
            available.push_back(view.index);
        }
    }
    return available;
}

}  // namespace

TEST_CASE("a plan survives a save and a reload, and a damaged plan is refused with a sentence") {
    AtelierPlan plan = planWithTeams(3);
    plan.place = "Mairie de Bourges";
    plan.date = "2026-11-22";
    plan.audience = "Élus de communes rurales du Cher";
    plan.themes = {"eau", "jeunesse"};
    plan.audiences = {"elus-ruraux"};
    plan.targetMinutes = 75;
    plan.podiumSize = 2;
    plan.timerSeconds = 90;
    plan.teamNamesInReport = true;
    plan.items = {{AtelierItemKind::Card, "cahier-ludique", "idees-recues", "c01"},
                  {AtelierItemKind::Question, "cahier-ludique", "connaissances", "q04"},
                  {AtelierItemKind::Scenario, "cahier-ludique", "cofinancement", "cofinancement"},
                  {AtelierItemKind::ProfileMap, "acter-2024", "profil", "profil"}};

    const auto read = planFromJson(planToJson(plan).dump(2));
    REQUIRE(read.ok());
    const AtelierPlan* reloaded = &read.value();
    CHECK(reloaded->title == plan.title);
    CHECK(reloaded->place == plan.place);
    CHECK(reloaded->date == plan.date);
    CHECK(reloaded->audience == plan.audience);
    CHECK(reloaded->themes == plan.themes);
    CHECK(reloaded->audiences == plan.audiences);
    CHECK(reloaded->targetMinutes == 75);
    CHECK(reloaded->podiumSize == 2);
    CHECK(reloaded->timerSeconds == 90);
    CHECK(reloaded->teamNamesInReport);
    REQUIRE(reloaded->teams.size() == 3);
    CHECK(reloaded->teams[2].name == "Les 3");
    CHECK(reloaded->teams[2].colour == 2);
    CHECK(reloaded->items == plan.items);

    for (const char* broken :
         {"{ pas du json", R"({"format": 7})", R"({"format": 1, "teams": [{"name": "Seule"}]})",
          R"({"format": 1, "items": [{"kind": "danse", "pack": "p", "activity": "a", "item": "i"}]})",
          R"({"format": 1, "items": [{"kind": "question"}]})"}) {
        const auto refused = planFromJson(broken);
        REQUIRE_FALSE(refused.ok());
        CHECK_FALSE(refused.error().message.empty());
    }
}

TEST_CASE("a suggested plan starts from the chosen local interests and fits the time") {
    const ContentLibrary& library = bundledLibrary();
    const auto water = suggestPlan(library, {"eau"}, {}, 30);
    REQUIRE_FALSE(water.empty());
    AtelierPlan plan;
    plan.items = water;
    CHECK(estimatedMinutes(plan) <= 30);
    CHECK(water.front().kind == AtelierItemKind::Card);  // people talk before they answer
    for (const auto& ref : water) {
        const ResolvedStep step = resolveStep(library, ref);
        REQUIRE(step.found());
        const ItemTags* tags = step.question != nullptr ? &step.question->tags
                               : step.card != nullptr   ? &step.card->tags
                                                        : nullptr;
        if (tags != nullptr) {
            CHECK_MESSAGE(std::find(tags->themes.begin(), tags->themes.end(), "eau") != tags->themes.end(),
                          ref.itemId);
        }
    }

    const auto longSession = suggestPlan(library, {}, {}, 90);
    plan.items = longSession;
    CHECK(estimatedMinutes(plan) <= 90);
    CHECK(longSession.size() > water.size());
    const auto has = [&](AtelierItemKind kind) {
        return std::any_of(longSession.begin(), longSession.end(),
                           [&](const AtelierItemRef& ref) { return ref.kind == kind; });
    };
    CHECK(has(AtelierItemKind::Scenario));
    CHECK(has(AtelierItemKind::ProfileMap));
    CHECK(has(AtelierItemKind::Question));

    // A theme nothing carries still gives a workshop rather than an empty screen.
    CHECK_FALSE(suggestPlan(library, {"theme-inconnu"}, {}, 20).empty());
}

TEST_CASE("a plan whose content has gone says which steps are missing and keeps the others") {
    AtelierPlan plan;
    plan.items = {bundledStep(AtelierItemKind::Question).ref,
                  {AtelierItemKind::Question, "cahier-ludique", "connaissances", "q99"}};
    std::vector<std::string> missing;
    const auto steps = resolvePlan(bundledLibrary(), plan, missing);
    CHECK(steps.size() == 1);
    REQUIRE(missing.size() == 1);
    CHECK(missing[0].find("q99") != std::string::npos);
}

TEST_CASE("teams answer while answering is open; points count once the answer is shown; ties share a rank") {
    const Question single = makeQuestion("q1", "Une seule bonne réponse", {false, true, false});
    AtelierRun run(planWithTeams(3), {questionStep(single)});
    CHECK_FALSE(run.teamAnswer(0, 1));  // answering not open yet
    REQUIRE(run.toggleAnswering());
    CHECK(run.answeringOpen());
    REQUIRE(run.teamAnswer(0, 1));
    REQUIRE(run.teamAnswer(1, 0));
    REQUIRE(run.teamAnswer(1, 2));  // one answer only: the second replaces the first
    CHECK_FALSE(run.teamAnswer(5, 0));
    CHECK_FALSE(run.teamAnswer(0, 3));
    CHECK(run.distribution(0) == std::vector<int>{0, 1, 1});
    REQUIRE(run.successRate(0));
    CHECK(*run.successRate(0) == doctest::Approx(0.5));  // team 3 did not answer and is not counted
    CHECK(run.teamPoints(0) == 0.0);                     // not revealed yet

    REQUIRE(run.toggleReveal());
    CHECK_FALSE(run.answeringOpen());
    CHECK_FALSE(run.toggleAnswering());  // once the answer is out, answers are final
    CHECK(run.teamPoints(0) == doctest::Approx(single.points));
    CHECK(run.teamPoints(1) == 0.0);
    const auto standings = run.standings();
    REQUIRE(standings.size() == 3);
    CHECK(standings[0].team == 0);
    CHECK(standings[0].rank == 1);
    CHECK(standings[1].rank == 2);
    CHECK(standings[2].rank == 2);
}

TEST_CASE("several answers: a team toggles options and earns partial credit under the question's rule") {
    const Question multiple = makeQuestion("q2", "Deux bonnes réponses", {true, false, true, false});
    AtelierRun run(planWithTeams(2), {questionStep(multiple)});
    run.toggleAnswering();
    run.teamAnswer(0, 0);
    run.teamAnswer(0, 2);
    run.teamAnswer(1, 0);
    run.teamAnswer(1, 1);
    run.teamAnswer(1, 1);  // ticked twice: unticked
    CHECK(std::get<QuestionTally>(run.tally(0)).teamAnswers[1] == std::vector<int>{0});
    run.toggleReveal();
    CHECK(run.teamPoints(0) == doctest::Approx(multiple.points));
    CHECK(run.teamPoints(1) > 0.0);
    CHECK(run.teamPoints(1) < multiple.points);
    CHECK(run.teamPoints(1) == doctest::Approx(scoreQuestion(multiple, {0}).points));
}

TEST_CASE("whole room: hands per option give the distribution and the share on correct options") {
    const Question single = makeQuestion("q1", "Une seule bonne réponse", {false, true, false});
    AtelierRun run(AtelierPlan{}, {questionStep(single)});
    CHECK_FALSE(run.teamMode());
    CHECK_FALSE(run.successRate(0));
    REQUIRE(run.setHands(0, 4));
    REQUIRE(run.setHands(1, 12));
    REQUIRE(run.setHands(2, 4));
    CHECK_FALSE(run.setHands(3, 1));
    CHECK_FALSE(run.setHands(0, -2));
    CHECK(run.distribution(0) == std::vector<int>{4, 12, 4});
    CHECK(*run.successRate(0) == doctest::Approx(0.6));
    CHECK(run.standings().empty());
}

TEST_CASE("an idée reçue: vote before, arguments, answer, vote after, shift") {
    const ResolvedStep card = bundledStep(AtelierItemKind::Card);
    AtelierRun run(AtelierPlan{}, {card});
    REQUIRE(run.cardRun() != nullptr);
    REQUIRE(run.toggleAnswering());
    CHECK(run.answeringOpen());
    REQUIRE(run.recordCardVote({14, 6}));
    REQUIRE(run.toggleAnswering());  // closes the vote: the arguments come
    CHECK(run.cardRun()->phase() == RoomMythRun::Phase::Arguments);
    while (run.cardRun()->phase() == RoomMythRun::Phase::Arguments) {
        REQUIRE(run.toggleReveal());
    }
    CHECK(run.cardRun()->phase() == RoomMythRun::Phase::Answer);
    REQUIRE(run.toggleAnswering());
    REQUIRE(run.recordCardVote({5, 15}));
    REQUIRE(run.toggleAnswering());
    CHECK(run.cardRun()->phase() == RoomMythRun::Phase::Shift);
    CHECK(run.cardRun()->current().shift() == doctest::Approx(0.45));
}

TEST_CASE("a scenario played by the room: the majority decides, a tie waits for the facilitator") {
    const ResolvedStep scenario = bundledStep(AtelierItemKind::Scenario);
    AtelierRun run(AtelierPlan{}, {scenario});
    advanceToChoice(run);
    ScenarioTally* tally = run.scenario();
    const auto choices = tally->run.visibleChoices();
    std::vector<int> available;
    for (const auto& view : choices) {
        if (view.available) {
            available.push_back(view.index);
        }
    }
    REQUIRE(available.size() >= 2);
    CHECK_FALSE(run.setVotes(available[0], 3));  // voting not open
    REQUIRE(run.toggleAnswering());
    REQUIRE(run.setVotes(available[0], 6));
    REQUIRE(run.setVotes(available[1], 6));
    CHECK(run.leadingChoices().size() == 2);
    const int nodeBefore = tally->run.currentNodeIndex();
    CHECK_FALSE(run.decide());  // a tie: nothing applied
    CHECK(tally->run.currentNodeIndex() == nodeBefore);
    REQUIRE(run.setVotes(available[1], 9));
    CHECK(run.leadingChoices() == std::vector<int>{available[1]});
    REQUIRE(run.toggleReveal());  // Enter applies the majority
    REQUIRE(tally->decisions.size() == 1);
    CHECK(tally->decisions[0].node == nodeBefore);
    CHECK(tally->decisions[0].choice == available[1]);
    CHECK(tally->decisions[0].votes[static_cast<std::size_t>(available[1])] == 9);
    CHECK(tally->decisions[0].votes[static_cast<std::size_t>(available[0])] == 6);
    CHECK_FALSE(tally->voting);
}

TEST_CASE("teams vote on a scenario's choice once each; the last vote of a team counts") {
    const ResolvedStep scenario = bundledStep(AtelierItemKind::Scenario);
    AtelierRun run(planWithTeams(3), {scenario});
    advanceToChoice(run);
    REQUIRE(run.toggleAnswering());
    const auto views = run.scenario()->run.visibleChoices();
    REQUIRE(views.size() >= 2);
    const int a = views[0].index;
    const int b = views[1].index;
    REQUIRE(run.setTeamVote(0, a));
    REQUIRE(run.setTeamVote(0, a));  // pressed twice: still one vote
    REQUIRE(run.setTeamVote(1, b));
    REQUIRE(run.setTeamVote(2, a));
    REQUIRE(run.setTeamVote(1, a));  // team 2 changes its mind
    CHECK(run.scenario()->votes[static_cast<std::size_t>(a)] == 3);
    CHECK(run.scenario()->votes[static_cast<std::size_t>(b)] == 0);
    CHECK_FALSE(run.setTeamVote(3, a));
}

TEST_CASE("the map of the room counts collectivités per profile") {
    const ResolvedStep map = bundledStep(AtelierItemKind::ProfileMap);
    REQUIRE(map.diagnostic != nullptr);
    const int profiles = static_cast<int>(map.diagnostic->profiles.size());
    REQUIRE(profiles >= 3);
    AtelierRun run(AtelierPlan{}, {map});
    REQUIRE(run.addCollectivite(0));
    REQUIRE(run.addCollectivite(0));
    REQUIRE(run.addCollectivite(2));
    CHECK_FALSE(run.addCollectivite(profiles));
    auto counts = run.profileCounts(0);
    CHECK(counts[0] == 2);
    CHECK(counts[2] == 1);
    REQUIRE(run.removeLastCollectivite());
    counts = run.profileCounts(0);
    CHECK(counts[2] == 0);
}

TEST_CASE("navigation marks steps as played and closes a question left open") {
    const Question first = makeQuestion("q1", "Première", {true, false});
    const Question second = makeQuestion("q2", "Deuxième", {true, false});
    AtelierRun run(AtelierPlan{}, {questionStep(first), questionStep(second)});
    CHECK(run.visited(0));
    CHECK_FALSE(run.visited(1));
    CHECK_FALSE(run.previous());
    run.toggleAnswering();
    REQUIRE(run.next());
    CHECK(run.visited(1));
    CHECK_FALSE(std::get<QuestionTally>(run.tally(0)).open);
    CHECK_FALSE(run.next());
    REQUIRE(run.previous());
    CHECK(run.position() == 0);
}

TEST_CASE(
    "the report holds the room's answers and shifts, names no one, and never overwrites an earlier one") {
    const Question question = makeQuestion("q1", "Qui finance <vraiment> l’AECT & pourquoi ?", {false, true});
    const ResolvedStep card = bundledStep(AtelierItemKind::Card);
    AtelierPlan plan = planWithTeams(2);
    plan.title = "Atelier de Bourges";
    plan.place = "Bourges, salle des fêtes";
    plan.date = "2026-11-22";
    plan.teams[0].name = "Les Castors";
    AtelierRun run(plan, {questionStep(question), card});
    run.toggleAnswering();
    run.teamAnswer(0, 1);
    run.teamAnswer(1, 0);
    run.toggleReveal();
    run.next();
    run.toggleAnswering();
    run.recordCardVote({11, 9});
    run.toggleAnswering();
    while (run.cardRun()->phase() == RoomMythRun::Phase::Arguments) {
        run.toggleReveal();
    }
    run.toggleAnswering();
    run.recordCardVote({4, 16});
    run.toggleAnswering();

    AtelierFigures figures;
    figures.participants = 23;
    figures.collectivites = 9;
    figures.newCollectivites = 4;
    figures.minutesPlayed = 47;
    figures.nextSteps = "Rencontre avec le réseau régional en janvier.";
    const auto files = buildAtelierReport(run, figures, "22/11/2026 à 16 h 05");

    CHECK(files.html.find("Qui finance &lt;vraiment&gt; l’AECT &amp; pourquoi") != std::string::npos);
    CHECK(files.html.find("<vraiment>") == std::string::npos);
    CHECK(files.html.find("Équipe 1") != std::string::npos);
    CHECK(files.html.find("Les Castors") == std::string::npos);  // anonymous unless the plan says otherwise
    CHECK(files.html.find("Rencontre avec le réseau régional en janvier.") != std::string::npos);
    CHECK(files.html.find("47 min") != std::string::npos);
    CHECK(files.html.find("11 / 20") != std::string::npos);  // agreeing before
    CHECK(files.html.find("4 / 20") != std::string::npos);   // agreeing after

    const auto csv = [&](const std::string& name) {
        for (const auto& [file, content] : files.csv) {
            if (file == name) {
                return content;
            }
        }
        FAIL("no file " << name);
        return std::string();
    };
    const std::string questions = csv("questions.csv");
    CHECK(questions.rfind("\xEF\xBB\xBF", 0) == 0);
    CHECK(std::count(questions.begin(), questions.end(), '\n') == 3);  // header and one row per option
    CHECK(questions.find(";B;Option 2;oui;1;0;50") != std::string::npos);
    const std::string cards = csv("idees-recues.csv");
    CHECK(cards.find(";11;9;4;16;-35") != std::string::npos);
    CHECK(csv("equipes.csv").find("1;Équipe 1;orange;1") != std::string::npos);
    CHECK(csv("seance.csv").find(";23;9;4;2;2;47;2;") != std::string::npos);

    AtelierPlan named = plan;
    named.teamNamesInReport = true;
    CHECK(teamLabel(named, 0) == "Les Castors");
    CHECK(teamLabel(plan, 0) == "Équipe 1");

    testing::TemporaryFolder folder;
    const auto firstWritten = writeAtelierReport(files, plan, folder.path());
    const auto secondWritten = writeAtelierReport(files, plan, folder.path());
    REQUIRE(firstWritten.ok());
    REQUIRE(secondWritten.ok());
    const std::filesystem::path* first = &firstWritten.value();
    const std::filesystem::path* second = &secondWritten.value();
    CHECK(*first != *second);
    CHECK(first->parent_path().filename() == "2026-11-22-bourges-salle-des-fetes");
    CHECK(testing::readFile(*first) == files.html);
    CHECK(std::filesystem::exists(first->parent_path() / "idees-recues.csv"));
    CHECK(std::filesystem::exists(second->parent_path() / "equipes.csv"));
}

TEST_CASE("team names, title and place written as formulas reach the report CSV files neutralised") {
    const Question question = makeQuestion("q1", "=1+1", {false, true});
    AtelierPlan plan = planWithTeams(2);
    plan.title = "=HYPERLINK(\"http://exemple.invalid\";\"Cliquez\")";
    plan.place = "@SUM(A1:A9)";
    plan.audience = "\tcachés";
    plan.teams[0].name = "+33 6 12 34 56 78";
    plan.teams[1].name = "-1+cmd|' /C calc'!A0";
    plan.teamNamesInReport = true;
    AtelierRun run(plan, {questionStep(question)});
    run.toggleAnswering();
    run.teamAnswer(0, 0);
    run.teamAnswer(1, 1);
    run.toggleReveal();
    const auto files = buildAtelierReport(run, AtelierFigures{}, "22/11/2026 à 16 h 05");
    const auto csv = [&](const std::string& name) {
        for (const auto& [file, content] : files.csv) {
            if (file == name) {
                return testing::readCsv(content);
            }
        }
        FAIL("no file " << name);
        return std::vector<std::vector<std::string>>();
    };
    const auto session = csv("seance.csv");
    REQUIRE(session.size() == 2);
    CHECK(session[1][0] == "'=HYPERLINK(\"http://exemple.invalid\";\"Cliquez\")");
    CHECK(session[1][2] == "'@SUM(A1:A9)");
    CHECK(session[1][3] == "'\tcachés");
    const auto teams = csv("equipes.csv");
    REQUIRE(teams.size() == 3);
    CHECK(teams[1] == std::vector<std::string>{"1", "'-1+cmd|' /C calc'!A0", "bleu ciel", "1"});
    CHECK(teams[2] == std::vector<std::string>{"2", "'+33 6 12 34 56 78", "orange", "0"});
    CHECK(csv("questions.csv")[1][3] == "'=1+1");
}

TEST_CASE("a report folder named from a hostile date stays inside the reports folder") {
    testing::TemporaryFolder folder;
    const auto reports = folder.path() / "donnees" / "ateliers";
    const auto outside = folder.path() / "ailleurs";
    AtelierReportFiles files;
    files.html = "<html></html>";
    const std::string longDate(300, '9');
    for (const std::string& date : {std::string("../../.."), (outside / "x").string(), longDate,
                                    std::string("2026\0/../..", 12), std::string("..")}) {
        AtelierPlan plan;
        plan.date = date;
        plan.place = "Bourges";
        const auto result = writeAtelierReport(files, plan, reports);
        REQUIRE_MESSAGE(result.ok(), (result.ok() ? std::string() : result.error().message));
        const std::filesystem::path* written = &result.value();
        CHECK(written->parent_path().parent_path() == reports);
        CHECK(written->parent_path().filename().string().size() <= 60);
    }
    // Nothing was created beside the reports folder or above it.
    std::vector<std::string> top;
    for (const auto& entry : std::filesystem::directory_iterator(folder.path())) {
        top.push_back(entry.path().filename().string());
    }
    CHECK(top == std::vector<std::string>{"donnees"});
    std::vector<std::string> data;
    for (const auto& entry : std::filesystem::directory_iterator(folder.path() / "donnees")) {
        data.push_back(entry.path().filename().string());
    }
    CHECK(data == std::vector<std::string>{"ateliers"});
}

TEST_CASE("plans are saved in one folder, listed, reloaded; saving the same plan again replaces it") {
    testing::TemporaryFolder folder;
    AtelierPlan plan = planWithTeams(2);
    plan.title = "Atelier « eau » à Vierzon";
    plan.date = "2026-12-03";
    plan.items = {bundledStep(AtelierItemKind::Card).ref};
    const auto saved = savePlanFile(plan, folder.path() / "plans");
    REQUIRE(saved.ok());
    const std::filesystem::path* file = &saved.value();
    CHECK(file->filename() == "2026-12-03-atelier-eau-a-vierzon.json");
    plan.targetMinutes = 60;
    const auto again = savePlanFile(plan, folder.path() / "plans");
    REQUIRE(again.ok());
    CHECK(again.value() == *file);
    testing::writeFile(folder.path() / "plans" / "abime.json", "{ pas un plan");
    const auto plans = listPlanFiles(folder.path() / "plans");
    REQUIRE(plans.size() == 1);  // the damaged file is left out
    CHECK(plans[0].plan.targetMinutes == 60);
    CHECK(plans[0].plan.items == plan.items);
    const auto damaged = loadPlanFile(folder.path() / "plans" / "abime.json");
    REQUIRE_FALSE(damaged.ok());
    CHECK(damaged.error().message.find("abime.json") != std::string::npos);
    CHECK(listPlanFiles(folder.path() / "absent").empty());
}

TEST_CASE("a step passed through without playing is « non jouée » and leaves no zeros in the report") {
    const Question first = makeQuestion("q1", "Jouée", {true, false});
    const Question second = makeQuestion("q2", "Passée", {true, false});
    const ResolvedStep card = bundledStep(AtelierItemKind::Card);
    AtelierRun run(planWithTeams(2), {questionStep(first), questionStep(second), card});
    REQUIRE(run.toggleAnswering());
    REQUIRE(run.teamAnswer(0, 0));
    REQUIRE(run.toggleReveal());
    REQUIRE(run.next());
    REQUIRE(run.next());  // the second question and the card are only shown
    CHECK(run.visited(1));
    CHECK(run.played(0));
    CHECK_FALSE(run.played(1));
    CHECK_FALSE(run.played(2));
    CHECK(run.playedCount() == 1);
    const AtelierReportFiles files = buildAtelierReport(run, AtelierFigures{}, "2 décembre 2026");
    CHECK(files.html.find("Passée") == std::string::npos);
    std::string steps;
    std::string questions;
    for (const auto& [name, content] : files.csv) {
        if (name == "etapes.csv") {
            steps = content;
        } else if (name == "questions.csv") {
            questions = content;
        }
    }
    CHECK(steps.find("Jouée;oui") != std::string::npos);
    CHECK(steps.find("Passée;non") != std::string::npos);
    CHECK(questions.find("Passée") == std::string::npos);
    CHECK(questions.find("Jouée") != std::string::npos);
}

TEST_CASE(
    "the casting vote: a majority is applied as voted; on a tie only a tied choice, once the vote is "
    "closed") {
    const ResolvedStep scenario = bundledStep(AtelierItemKind::Scenario);
    AtelierRun run(AtelierPlan{}, {scenario});
    advanceToChoice(run);
    const std::vector<int> available = availableChoices(run);
    REQUIRE(available.size() >= 3);
    const int nodeBefore = run.scenario()->run.currentNodeIndex();
    std::string why;

    // Nobody voted and the vote is closed: the room agreed aloud, any available choice may be applied.
    CHECK(run.castingChoices() == available);

    REQUIRE(run.toggleAnswering());
    REQUIRE(run.setVotes(available[0], 4));
    REQUIRE(run.setVotes(available[1], 4));
    REQUIRE(run.setVotes(available[2], 1));
    CHECK(run.castingChoices().empty());  // a tie while the vote is open: close it first
    CHECK_FALSE(run.decide(available[0], &why));
    CHECK(why == "Le vote est encore ouvert : fermez-le (Espace) avant de trancher.");
    REQUIRE(run.toggleAnswering());
    CHECK(run.castingChoices() == std::vector<int>{available[0], available[1]});
    why.clear();
    CHECK_FALSE(run.decide(available[2], &why));  // a minority choice cannot win on a casting vote
    CHECK(why == "En cas d’égalité, seul l’un des choix arrivés en tête peut être retenu.");
    CHECK(run.scenario()->run.currentNodeIndex() == nodeBefore);
    CHECK(run.scenario()->decisions.empty());

    // A clear majority: the facilitator cannot override it.
    REQUIRE(run.toggleAnswering());
    REQUIRE(run.setVotes(available[2], 9));
    REQUIRE(run.toggleAnswering());
    CHECK(run.castingChoices() == std::vector<int>{available[2]});
    why.clear();
    CHECK_FALSE(run.decide(available[0], &why));
    CHECK(why == "La majorité de la salle a voté pour un autre choix : c’est lui qui s’applique.");
    CHECK(run.scenario()->decisions.empty());
    REQUIRE(run.decide(available[2], &why));
    REQUIRE(run.scenario()->decisions.size() == 1);
    CHECK(run.scenario()->decisions[0].choice == available[2]);

    // Replaying the journal refuses the same calls again: the rebuilt run took the same decision.
    AtelierRun replayed(AtelierPlan{}, {scenario});
    REQUIRE(replayed.replay(run.journal()));
    REQUIRE(replayed.scenario()->decisions.size() == 1);
    CHECK(replayed.scenario()->decisions[0].choice == available[2]);
}

TEST_CASE("a tie settled by the facilitator among the tied choices is applied") {
    const ResolvedStep scenario = bundledStep(AtelierItemKind::Scenario);
    AtelierRun run(AtelierPlan{}, {scenario});
    advanceToChoice(run);
    const std::vector<int> available = availableChoices(run);
    REQUIRE(available.size() >= 2);
    REQUIRE(run.toggleAnswering());
    REQUIRE(run.setVotes(available[0], 5));
    REQUIRE(run.setVotes(available[1], 5));
    REQUIRE(run.toggleAnswering());
    CHECK(run.decisionRefusal(available[1]).empty());
    REQUIRE(run.decide(available[1]));
    CHECK(run.scenario()->decisions.at(0).choice == available[1]);
    CHECK(run.decisionRefusal(available[0]) == "Il n’y a pas de choix à faire à cette étape.");
}

TEST_CASE("each team's points on a question are scored once, at the reveal, and hidden before it") {
    const Question single = makeQuestion("q1", "Une seule bonne réponse", {false, true, false});
    const Question other = makeQuestion("q2", "Une autre", {true, false});
    AtelierRun run(planWithTeams(3), {questionStep(single), questionStep(other)});
    REQUIRE(run.toggleAnswering());
    REQUIRE(run.teamAnswer(0, 1));
    REQUIRE(run.teamAnswer(1, 0));
    CHECK_FALSE(run.questionPoints(0, 0));  // before the reveal nobody has points
    REQUIRE(run.toggleReveal());
    REQUIRE(run.questionPoints(0, 0));
    CHECK(*run.questionPoints(0, 0) == doctest::Approx(single.points));
    CHECK(*run.questionPoints(0, 1) == 0.0);
    CHECK(*run.questionPoints(0, 2) == 0.0);  // did not answer: 0 on this question, shown as such
    CHECK_FALSE(run.questionPoints(0, 3));
    CHECK_FALSE(run.questionPoints(1, 0));  // the second question was not revealed
    CHECK_FALSE(run.questionPoints(7, 0));
    REQUIRE(run.toggleReveal());  // hidden again: the points go with it
    CHECK_FALSE(run.questionPoints(0, 0));
    CHECK(run.teamPoints(0) == 0.0);
}

TEST_CASE(
    "the highlights: steps played, the question that resisted most, the largest shift, and the report has "
    "them") {
    const Question easy = makeQuestion("q1", "Facile", {true, false});
    const Question hard = makeQuestion("q2", "Difficile", {true, false});
    const Question skipped = makeQuestion("q3", "Jamais posée", {true, false});
    const ResolvedStep card = bundledStep(AtelierItemKind::Card);
    AtelierRun run(AtelierPlan{}, {questionStep(easy), questionStep(hard), questionStep(skipped), card});
    REQUIRE(run.setHands(0, 9));
    REQUIRE(run.setHands(1, 1));  // 90 % right
    REQUIRE(run.next());
    REQUIRE(run.setHands(0, 1));
    REQUIRE(run.setHands(1, 3));  // 25 % right
    REQUIRE(run.next());
    REQUIRE(run.next());
    REQUIRE(run.toggleAnswering());
    REQUIRE(run.recordCardVote({15, 5}));
    REQUIRE(run.toggleAnswering());
    while (run.cardRun()->phase() == RoomMythRun::Phase::Arguments) {
        REQUIRE(run.toggleReveal());
    }
    REQUIRE(run.toggleAnswering());
    REQUIRE(run.recordCardVote({5, 15}));
    REQUIRE(run.toggleAnswering());

    const AtelierHighlights highlights = atelierHighlights(run);
    CHECK(highlights.played == 3);
    CHECK(highlights.steps == 4);
    REQUIRE(highlights.hardest);
    CHECK(*highlights.hardest == 1);
    CHECK(highlights.hardestRate == doctest::Approx(0.25));
    REQUIRE(highlights.moved);
    CHECK(*highlights.moved == 3);
    CHECK(highlights.agreeBefore == doctest::Approx(0.75));
    CHECK(highlights.agreeAfter == doctest::Approx(0.25));

    const auto sentences = highlightSentences(run, highlights);
    REQUIRE(sentences.size() == 3);
    CHECK(sentences[0] == "3 étapes jouées sur 4");
    CHECK(sentences[1] ==
          "La question qui a le plus résisté : « Difficile » (25\u00A0% de bonnes réponses).");
    const auto files = buildAtelierReport(run, AtelierFigures{}, "2 décembre 2026");
    CHECK(files.html.find("<h2>Les temps forts</h2>") != std::string::npos);
    const auto section = files.html.find("<h2>Les temps forts</h2>");
    REQUIRE(section != std::string::npos);
    const std::string block = files.html.substr(section, files.html.find("</section>", section) - section);
    CHECK(block.find("Difficile") != std::string::npos);
    CHECK(block.find("Facile") == std::string::npos);
}

TEST_CASE("seance.csv carries the facilitator's notes and next steps, quoted when they span lines") {
    const Question question = makeQuestion("q1", "Une question", {true, false});
    AtelierRun run(AtelierPlan{}, {questionStep(question)});
    AtelierFigures figures;
    figures.notes = "Beaucoup de questions sur le 1 %;\nenvie de jumelage";
    figures.nextSteps = "Réunion en janvier";
    const auto files = buildAtelierReport(run, figures, "2 décembre 2026");
    std::string session;
    for (const auto& [name, content] : files.csv) {
        if (name == "seance.csv") {
            session = content;
        }
    }
    const auto rows = testing::readCsv(session);
    REQUIRE(rows.size() >= 2);
    const auto& header = rows[0];
    const auto column = [&](const std::string& name) {
        const auto found = std::find(header.begin(), header.end(), name);
        REQUIRE(found != header.end());
        return static_cast<std::size_t>(found - header.begin());
    };
    CHECK(rows[1].at(column("ce que la salle a dit")) == figures.notes);
    CHECK(rows[1].at(column("prochaines étapes")) == figures.nextSteps);
}

TEST_CASE(
    "a new team's name agrees with « équipe »: verte, bleue, grise; compound and noun colours do not "
    "change") {
    CHECK(defaultTeamName(2) == "Équipe verte");
    CHECK(defaultTeamName(4) == "Équipe bleue");
    CHECK(defaultTeamName(7) == "Équipe grise");
    CHECK(defaultTeamName(1) == "Équipe bleu ciel");
    CHECK(defaultTeamName(0) == "Équipe orange");
    CHECK(defaultTeamName(5) == "Équipe vermillon");
    CHECK(std::string(kTeamColours[2].name) == "vert");  // the colour itself, as the CSV names it
}

TEST_CASE("figures the facilitator did not type are « — » in the report and empty in seance.csv, never 0") {
    const Question question = makeQuestion("q1", "Une question", {true, false});
    AtelierRun run(AtelierPlan{}, {questionStep(question)});
    const auto files = buildAtelierReport(run, AtelierFigures{}, "2 décembre 2026");
    CHECK(files.html.find("<b>0</b>participants") == std::string::npos);
    CHECK(files.html.find("<b>—</b>participants") != std::string::npos);
    std::string session;
    for (const auto& [name, content] : files.csv) {
        if (name == "seance.csv") {
            session = content;
        }
    }
    const auto rows = testing::readCsv(session);
    REQUIRE(rows.size() >= 2);
    for (const std::string column :
         {"participants", "collectivités", "nouvelles collectivités", "durée (min)"}) {
        const auto found = std::find(rows[0].begin(), rows[0].end(), column);
        REQUIRE_MESSAGE(found != rows[0].end(), column);
        CHECK_MESSAGE(rows[1].at(static_cast<std::size_t>(found - rows[0].begin())).empty(), column);
    }
}

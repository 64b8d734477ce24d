// The room's view fits its window: every question, idée reçue, scenario node and map of the shipped
// packs, in each phase, at 1024×768, 1280×720 and 1920×1080, measured as drawn (no vertical overflow,
// no scrollbar), with nothing meant for the trainer on it.
#include <doctest/doctest.h>

#include <map>
#include <set>

#include "support/test_support.hpp"
#include "ui/headless.hpp"
#include "ui/probe.hpp"
#include "ui/screens/atelier_presenter_screen.hpp"
#include "ui/screens/screens.hpp"

using namespace passerelles;
using namespace passerelles::ui;

namespace {

const ImVec2 kAudienceSizes[] = {ImVec2(1024, 768), ImVec2(1280, 720), ImVec2(1920, 1080)};

// Words only the trainer should read: keys and instructions.
const char* const kTrainerWords[] = {"Espace :", "Entrée :", "Tapez", "Tab :", "→ :", "Retour arrière"};

AtelierPlan teamsPlan(int teams) {
    AtelierPlan plan;
    plan.title = "Atelier de vérification des mises en page";
    plan.place = "Salle des fêtes de Saint-Amand-Montrond";
    plan.date = "2026-12-02";
    plan.audience = "Élus, agents et associations du Cher";
    for (int t = 0; t < teams; ++t) {
        plan.teams.push_back({"Équipe n° " + std::to_string(t + 1), t});
    }
    return plan;
}

// A workshop of every step the shipped packs offer, shown in a headless app with a projector window.
struct FitBench {
    // `twoWindows`: the trainer's laptop at 1366×768 and the room's view in a window of its own at
    // `audience`; otherwise one window of that size shows the room's view (the trainer's overlay closed).
    FitBench(ImVec2 audience, int teams, bool twoWindows = true) : size(audience) {
        SessionOptions options;
        options.contentRoots = {{testing::contentDir(), "bundled"}};
        options.profile = "guest";
        ui = std::make_unique<HeadlessUi>(options, twoWindows ? ImVec2(1366, 768) : audience);
        if (twoWindows) {
            ui->openAudienceWindow(audience);
        }
        const ContentLibrary& library = ui->session().library();
        std::vector<ResolvedStep> steps;
        for (const auto& ref : candidateSteps(library, {}, {})) {
            steps.push_back(resolveStep(library, ref));
        }
        session = std::make_shared<AtelierSession>(AtelierRun(teamsPlan(teams), std::move(steps)));
        session->resumed = true;  // straight to the first step
        ui->session().host().navigator().push(makeAtelierPresenterScreen(session));
        ui->session().host().applyPending();
        screen = dynamic_cast<AtelierPresenterScreen*>(&ui->screen());
        REQUIRE(screen != nullptr);
    }

    AtelierRun& run() { return session->run; }

    // Draws the phase and checks every page of it: it fits, and says nothing meant for the trainer.
    void check(const std::string& what) {
        ui->frame();
        for (int page = 0;; ++page) {
            const AudienceFit& fit = screen->lastAudienceFit();
            INFO(what << " · page " << page + 1 << " sur " << fit.pages << " · " << size.x << "×" << size.y
                      << " · niveau " << fit.level);
            CHECK(fit.contentHeight <= fit.availableHeight + 0.5f);
            CHECK(fit.availableHeight > size.y * 0.6f);
            for (const std::string& text : probe::texts()) {
                for (const char* word : kTrainerWords) {
                    CHECK_MESSAGE(text.find(word) == std::string::npos, text);
                }
            }
            ++phases;
            if (page + 1 >= fit.pages) {
                break;
            }
            if (page == 0) {
                ++paged;
                pagedPhases.push_back(what);
            }
            ui->press("Right");  // a further page of the same phase
        }
    }

    ImVec2 size;
    std::unique_ptr<HeadlessUi> ui;
    std::shared_ptr<AtelierSession> session;
    AtelierPresenterScreen* screen = nullptr;
    int phases = 0;
    int paged = 0;
    std::vector<std::string> pagedPhases;
};

void checkQuestion(FitBench& bench, std::size_t index) {
    AtelierRun& run = bench.run();
    const Question& question = *run.step(index).question;
    const std::string name = "question " + question.id;
    bench.check(name + " posée");
    REQUIRE(run.toggleAnswering());
    for (int team = 0; team < static_cast<int>(run.plan().teams.size()); ++team) {
        run.teamAnswer(team, team % static_cast<int>(question.options.size()));
    }
    for (int option = 0; !run.teamMode() && option < static_cast<int>(question.options.size()); ++option) {
        REQUIRE(run.setHands(option, 3 + option * 7));  // counts and bars beside every option
    }
    bench.check(name + " ouverte");
    REQUIRE(run.toggleReveal());
    bench.check(name + " réponse");
    if (!question.explanation.empty()) {
        bench.ui->press("Enter");
        REQUIRE(bench.screen->explaining());
        bench.check(name + " explication");
    }
}

void checkCard(FitBench& bench, std::size_t index) {
    AtelierRun& run = bench.run();
    const std::string name = "idée reçue " + run.step(index).ref.itemId;
    using Phase = RoomMythRun::Phase;
    for (int guard = 0; guard < 40; ++guard) {
        const Phase phase = run.cardRun()->phase();
        bench.check(name + " phase " + std::to_string(static_cast<int>(phase)) + " argument " +
                    std::to_string(run.cardRun()->argumentsRevealed()));
        if (phase == Phase::Shift || phase == Phase::Finished) {
            return;
        }
        if (phase == Phase::VoteBefore || phase == Phase::VoteAfter) {
            REQUIRE(run.recordCardVote(phase == Phase::VoteBefore ? HandCount{14, 9} : HandCount{5, 18}));
            REQUIRE(run.toggleAnswering());
        } else if (phase == Phase::Arguments) {
            REQUIRE(run.toggleReveal());
        } else {
            REQUIRE(run.toggleAnswering());
        }
    }
    FAIL("the card never reached its shift");
}

// Every node of the scenario (and every choice's consequence), reached by exploring its choices; the
// tally's run is set to each situation in turn.
void checkScenario(FitBench& bench, std::size_t index) {
    AtelierRun& run = bench.run();
    const Scenario& scenario = *run.step(index).scenario;
    std::set<int> seenNodes;
    std::set<std::pair<int, int>> seenConsequences;
    std::vector<ScenarioRun> pending{ScenarioRun(scenario)};
    while (!pending.empty()) {
        ScenarioRun state = pending.back();
        pending.pop_back();
        const int node = state.currentNodeIndex();
        const std::string name =
            "mise en situation " + scenario.id + " nœud " + scenario.nodes[static_cast<std::size_t>(node)].id;
        if (state.phase() == ScenarioRun::Phase::Ended) {
            if (seenNodes.insert(node).second) {
                run.scenario()->run = state;
                bench.check(name + " fin");
            }
            continue;
        }
        if (!seenNodes.insert(node).second) {
            continue;
        }
        ScenarioTally& tally = *run.scenario();
        tally.run = state;
        tally.voting = false;
        tally.votes.clear();
        tally.teamChoices.clear();
        bench.check(name);
        if (state.currentNode().type != NodeType::Choice) {
            ScenarioRun next = state;
            if (next.proceed()) {
                pending.push_back(next);
            }
            continue;
        }
        // The vote open, every team having voted: counts and the team strip on screen.
        REQUIRE(run.toggleAnswering());
        const auto views = state.visibleChoices();
        for (int team = 0; team < static_cast<int>(run.plan().teams.size()); ++team) {
            const auto& view = views[static_cast<std::size_t>(team) % views.size()];
            if (view.available) {
                run.setTeamVote(team, view.index);
            }
        }
        for (std::size_t v = 0; !run.teamMode() && v < views.size(); ++v) {
            if (views[v].available) {
                run.setVotes(views[v].index, 4 + static_cast<int>(v) * 5);
            }
        }
        bench.check(name + " vote");
        for (const auto& view : views) {
            if (!view.available) {
                continue;
            }
            ScenarioRun chosen = state;
            REQUIRE(chosen.choose(view.index));
            if (seenConsequences.insert({node, view.index}).second) {
                run.scenario()->run = chosen;
                run.scenario()->voting = false;
                bench.check(name + " conséquence du choix " + std::to_string(view.index));
            }
            if (chosen.proceed()) {
                pending.push_back(chosen);
            }
        }
    }
    CHECK(seenNodes.size() >= 2);
}

void checkMap(FitBench& bench, std::size_t index) {
    AtelierRun& run = bench.run();
    bench.check("carte de la salle vide");
    const int profiles = static_cast<int>(run.step(index).diagnostic->profiles.size());
    CHECK(profiles == 6);  // the five ACTER profiles and « Non engagée »
    for (int p = 0; p < profiles; ++p) {
        for (int n = 0; n <= p; ++n) {
            REQUIRE(run.addCollectivite(p));
        }
    }
    bench.check("carte de la salle remplie");
}

void checkEveryStep(ImVec2 size, int teams, bool twoWindows, std::map<std::string, int>& kinds, int& phases,
                    int& paged) {
    FitBench bench(size, teams, twoWindows);
    AtelierRun& run = bench.run();
    REQUIRE(run.stepCount() > 20);
    for (std::size_t i = 0; i < run.stepCount(); ++i) {
        REQUIRE(run.goTo(i));
        const ResolvedStep& step = run.step(i);
        if (step.question != nullptr) {
            checkQuestion(bench, i);
            ++kinds["question"];
        } else if (step.card != nullptr) {
            checkCard(bench, i);
            ++kinds["card"];
        } else if (step.scenario != nullptr) {
            checkScenario(bench, i);
            ++kinds["scenario"];
        } else {
            checkMap(bench, i);
            ++kinds["map"];
        }
    }
    phases += bench.phases;
    paged += bench.paged;
    for (const auto& what : bench.pagedPhases) {
        MESSAGE(size.x << "×" << size.y << " en plusieurs pages : " << what);
    }
}

}  // namespace

TEST_CASE(
    "every phase of every step the shipped packs offer fits the projector at 1024×768, 1280×720 and "
    "1920×1080, with no key or instruction for the trainer on it") {
    probe::enable(true);
    for (const ImVec2 size : kAudienceSizes) {
        std::map<std::string, int> kinds;
        int phases = 0;
        int paged = 0;
        checkEveryStep(size, 6, true, kinds, phases, paged);
        MESSAGE(size.x << "×" << size.y << " : " << phases << " pages vérifiées, " << paged
                       << " phases en plusieurs pages");
        CHECK(kinds["question"] > 0);
        CHECK(kinds["card"] > 0);
        CHECK(kinds["scenario"] > 0);
        CHECK(kinds["map"] > 0);
    }
    probe::enable(false);
}

TEST_CASE("the cover fits, and the room's view keeps its page when nothing changes") {
    FitBench bench(ImVec2(1280, 720), 8);
    bench.session->resumed = false;
    bench.ui->session().host().navigator().replace(makeAtelierPresenterScreen(bench.session));
    bench.ui->session().host().applyPending();
    auto* screen = dynamic_cast<AtelierPresenterScreen*>(&bench.ui->screen());
    REQUIRE(screen != nullptr);
    bench.screen = screen;
    REQUIRE(screen->onCover());
    bench.check("couverture");
    const int measured = screen->audienceMeasurements();
    bench.ui->frames(5);
    CHECK(screen->audienceMeasurements() == measured);  // an idle frame lays nothing out again
    bench.ui->resizeAudience(ImVec2(1920, 1080));
    bench.ui->frame();
    CHECK(screen->audienceMeasurements() > measured);
}

TEST_CASE("with one window the room's view fills it and fits too, at the three sizes, in whole-room mode") {
    probe::enable(true);
    for (const ImVec2 size : kAudienceSizes) {
        std::map<std::string, int> kinds;
        int phases = 0;
        int paged = 0;
        checkEveryStep(size, 0, false, kinds, phases, paged);
        MESSAGE(size.x << "×" << size.y << " (une fenêtre) : " << phases << " pages vérifiées, " << paged
                       << " phases en plusieurs pages");
        CHECK(kinds["question"] > 0);
    }
    probe::enable(false);
}

// Factories of every screen, so that screens can open one another without knowing their classes.
#pragma once

#include <memory>
#include <optional>
#include <string>

#include "core/atelier/atelier_plan.hpp"
#include "core/content/content.hpp"
#include "core/play/myth_run.hpp"
#include "core/play/quiz_run.hpp"
#include "core/play/review_run.hpp"
#include "core/play/scenario_run.hpp"
#include "ui/screen.hpp"

namespace passerelles::ui {

std::unique_ptr<Screen> makeHomeScreen();
// Pack panels the home screen has drawn since the start (a work counter: only visible ones are drawn).
std::size_t homePackPanelsDrawn();
// « Qui joue ? »; `canGoBack` when reached from the home screen (« Changer de profil »), which stays below.
std::unique_ptr<Screen> makeProfileScreen(bool canGoBack = false);
std::unique_ptr<Screen> makeDashboardScreen();
std::unique_ptr<Screen> makeReviewScreen();
// « Refaire mes erreurs »: the items just missed, at once; answers are drills that move no schedule.
std::unique_ptr<Screen> makeDrillScreen(std::vector<ReviewItem> items);
// At the end of a quiz, a deck or a review: E, or the « Refaire mes erreurs (E) : N » button (followed on
// the same line by what comes next), opens the drill of `missed`; true when it did. Nothing when empty.
bool drillKey(Frame& frame, const std::vector<ReviewItem>& missed);
bool drillButton(Frame& frame, const std::vector<ReviewItem>& missed);
std::unique_ptr<Screen> makePackProblemsScreen(std::size_t packIndex);
std::unique_ptr<Screen> makeQuizScreen(std::shared_ptr<const Pack> pack, const Quiz& quiz);
std::unique_ptr<Screen> makeQuizResultsScreen(std::shared_ptr<const Pack> pack, const Quiz& quiz,
                                              QuizRun run);

std::unique_ptr<Screen> makeMythModeScreen(std::shared_ptr<const Pack> pack, const MythDeck& deck);
std::unique_ptr<Screen> makeMythSoloScreen(std::shared_ptr<const Pack> pack, const MythDeck& deck);
std::unique_ptr<Screen> makeMythSoloResultsScreen(std::shared_ptr<const Pack> pack, const MythDeck& deck,
                                                  SoloMythRun run);
std::unique_ptr<Screen> makeMythRoomScreen(std::shared_ptr<const Pack> pack, const MythDeck& deck);
std::unique_ptr<Screen> makeScenarioScreen(std::shared_ptr<const Pack> pack, const Scenario& scenario);
std::unique_ptr<Screen> makeScenarioEndScreen(std::shared_ptr<const Pack> pack, const Scenario& scenario,
                                              ScenarioRun run);

std::unique_ptr<Screen> makeDiagnosticScreen(std::shared_ptr<const Pack> pack,
                                             const SelfDiagnostic& diagnostic);

// The workshop: prepare a plan (optionally starting from a saved one), present it, write its report.
struct AtelierSession;
std::unique_ptr<Screen> makeAtelierComposerScreen(std::optional<AtelierPlan> plan = std::nullopt,
                                                  std::string notice = {});
std::unique_ptr<Screen> makeAtelierPresenterScreen(std::shared_ptr<AtelierSession> session);
std::unique_ptr<Screen> makeAtelierEndScreen(std::shared_ptr<AtelierSession> session);

// The forum booth (--borne): its attract screen, which opens the rest (see borne_session.hpp).
std::unique_ptr<Screen> makeBorneScreen();

// The screen that plays an activity, or nullptr when this kind has no screen.
std::unique_ptr<Screen> makeActivityScreen(std::shared_ptr<const Pack> pack, const ActivityRef& activity);

}  // namespace passerelles::ui

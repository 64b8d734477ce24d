// Opens the right screen for an activity of a pack.
#include "ui/screens/screens.hpp"

namespace passerelles::ui {

std::unique_ptr<Screen> makeActivityScreen(std::shared_ptr<const Pack> pack, const ActivityRef& activity) {
    switch (activity.kind) {
        case ActivityKind::Quiz: {
            const Quiz& quiz = pack->quizzes[activity.index];
            return makeQuizScreen(std::move(pack), quiz);
        }
        case ActivityKind::Myths: {
            const MythDeck& deck = pack->decks[activity.index];
            return makeMythModeScreen(std::move(pack), deck);
        }
        case ActivityKind::Scenario: {
            const Scenario& scenario = pack->scenarios[activity.index];
            return makeScenarioScreen(std::move(pack), scenario);
        }
        case ActivityKind::SelfDiagnostic: {
            const SelfDiagnostic& diagnostic = pack->diagnostics[activity.index];
            return makeDiagnosticScreen(std::move(pack), diagnostic);
        }
    }
    return nullptr;
}

}  // namespace passerelles::ui

// The workshop's highlights: read from the run's tallies, never from what a screen drew.
#include "core/atelier/atelier_highlights.hpp"

#include <cmath>

#include "core/base/text.hpp"

namespace passerelles {

AtelierHighlights atelierHighlights(const AtelierRun& run) {
    AtelierHighlights highlights;
    highlights.steps = run.stepCount();
    double largestShift = 0.0;
    for (std::size_t i = 0; i < run.stepCount(); ++i) {
        if (!run.played(i)) {
            continue;
        }
        ++highlights.played;
        if (const auto rate = run.successRate(i);
            rate && (!highlights.hardest || *rate < highlights.hardestRate)) {
            highlights.hardestRate = *rate;
            highlights.hardest = i;
        }
        if (const auto* card = std::get_if<CardTally>(&run.tally(i))) {
            const RoomCardResult& result =
                card->run.results().empty() ? card->run.current() : card->run.results().front();
            if (result.before.total() > 0 && result.after.total() > 0 &&
                std::abs(result.shift()) > std::abs(largestShift)) {
                largestShift = result.shift();
                highlights.moved = i;
                highlights.agreeBefore = result.before.agreeShare();
                highlights.agreeAfter = result.after.agreeShare();
            }
        }
        if (const auto* scenario = std::get_if<ScenarioTally>(&run.tally(i));
            scenario != nullptr && scenario->run.phase() == ScenarioRun::Phase::Ended) {
            const ScenarioNode& node = scenario->run.currentNode();
            highlights.endings.push_back({i, scenario->run.scenario().title, node.rating, node.title});
        }
    }
    return highlights;
}

std::vector<std::string> highlightSentences(const AtelierRun& run, const AtelierHighlights& highlights) {
    std::vector<std::string> sentences;
    sentences.push_back(countNoun(static_cast<long long>(highlights.played), "étape jouée", "étapes jouées") +
                        " sur " + std::to_string(highlights.steps));
    if (highlights.hardest) {
        sentences.push_back("La question qui a le plus résisté : « " +
                            run.step(*highlights.hardest).question->text + " » (" +
                            formatPercent(highlights.hardestRate) + " de bonnes réponses).");
    }
    if (highlights.moved) {
        sentences.push_back("L’idée reçue qui a le plus bougé : « " +
                            run.step(*highlights.moved).card->statement + " » (" +
                            formatPercent(highlights.agreeBefore) + " d’accord avant le débat, " +
                            formatPercent(highlights.agreeAfter) + " après).");
    }
    for (const auto& ending : highlights.endings) {
        sentences.push_back("« " + ending.scenario + " » : " + ratingLabel(ending.rating) +
                            (ending.title.empty() ? std::string(".") : ", « " + ending.title + " »."));
    }
    return sentences;
}

}  // namespace passerelles

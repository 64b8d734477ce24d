// A scenario in play: role, gauges, situation, choices (locked ones explained), consequences with sources.
#include "ui/screens/scenario_screen.hpp"

#include <cmath>

#include "core/base/text.hpp"
#include "core/progress/progress_service.hpp"
#include "ui/screens/content_views.hpp"
#include "ui/screens/screens.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

namespace passerelles::ui {

ScenarioScreen::ScenarioScreen(std::shared_ptr<const Pack> pack, const Scenario& scenario)
    : pack_(std::move(pack)), scenario_(scenario), play_(scenario) {}

void ScenarioScreen::choose(int choiceIndex) {
    const std::vector<double> before = play_.run().values();
    if (play_.choose(choiceIndex)) {
        valuesBeforeChoice_ = before;
        ImGui::SetScrollY(0.0f);
    }
}

void ScenarioScreen::finish(Frame& frame) {
    play_.finish();
    frame.navigator.replace(makeScenarioEndScreen(pack_, scenario_, play_.run()));
}

void ScenarioScreen::proceed() {
    if (play_.proceed()) {
        ImGui::SetScrollY(0.0f);
    }
}

void ScenarioScreen::handleKeys(Frame& frame) {
    if (play_.run().phase() == ScenarioRun::Phase::AtNode &&
        play_.run().currentNode().type == NodeType::Choice) {
        const auto views = play_.run().visibleChoices();
        const int shortcut = frame.input.takeOptionShortcut(static_cast<int>(views.size()));
        if (shortcut >= 0 && views[static_cast<std::size_t>(shortcut)].available) {
            choose(views[static_cast<std::size_t>(shortcut)].index);
        }
        return;
    }
    if (frame.input.take(Key::Enter) || frame.input.take(Key::Space)) {
        proceed();
    }
}

void ScenarioScreen::draw(Frame& frame) {
    if (!play_.begun()) {
        play_.begin(frame.services.progress.recorderFor(*pack_, ActivityKind::Scenario, scenario_.id,
                                                        frame.services.now));
    }
    if (const auto& resumable = play_.resumable()) {
        const std::size_t decisions = resumable->choiceIds().size();
        const std::string where = std::to_string(decisions) +
                                  (decisions > 1 ? " décisions prises" : " décision prise") + " dans « " +
                                  scenario_.title + " ».";
        offerResume(frame, play_, where);
        return;
    }
    if (play_.run().phase() == ScenarioRun::Phase::Ended) {
        finish(frame);
        return;
    }
    handleKeys(frame);
    if (play_.run().phase() == ScenarioRun::Phase::Ended) {
        return;
    }
    if (!play_.notice().empty()) {
        paragraph(frame, play_.notice(), nullptr, theme::kPartial);
    }
    if (const std::string problem = play_.problem(); !problem.empty()) {
        paragraph(frame, problem, nullptr, theme::kWrong);
    }
    beginPanel(frame, theme::kPrimarySoft, 0);
    paragraph(frame, "Votre rôle : " + scenario_.role, frame.services.fonts.small);
    endPanel(frame);
    drawState(frame);
    verticalSpace(frame, 0.3f);
    const ScenarioNode& node = play_.run().currentNode();
    if (play_.run().phase() == ScenarioRun::Phase::Consequence) {
        drawConsequence(frame);
        return;
    }
    if (!node.title.empty()) {
        heading(frame, node.title, frame.services.fonts.title);
    }
    paragraph(frame, node.text);
    if (node.source) {
        sourceLine(frame, "Source : " + pack_->cite(*node.source));
    }
    verticalSpace(frame, 0.4f);
    if (node.type == NodeType::Choice) {
        drawChoices(frame);
    } else if (button(frame, "Continuer (Entrée)")) {
        proceed();
    }
}

void ScenarioScreen::drawState(Frame& frame) {
    drawScenarioState(frame, scenario_, play_.run().values());
}

void ScenarioScreen::drawChoices(Frame& frame) {
    const auto views = play_.run().visibleChoices();
    const auto& choices = play_.run().currentNode().choices;
    for (std::size_t v = 0; v < views.size(); ++v) {
        const ScenarioChoice& choice = choices[static_cast<std::size_t>(views[v].index)];
        OptionCard card;
        card.index = static_cast<int>(v);
        card.text = choice.text;
        card.interactive = views[v].available;
        if (!views[v].available) {
            card.look = OptionLook::Locked;
            card.feedback = choice.lockedText;
        }
        if (optionCard(frame, card)) {
            choose(views[v].index);
        }
    }
    const std::string last(1, static_cast<char>('A' + views.size() - 1));
    sourceLine(frame, "Touches A à " + last + " ou 1 à " + std::to_string(views.size()) + ", ou cliquez.");
}

void ScenarioScreen::drawConsequence(Frame& frame) {
    const ScenarioChoice* choice = play_.run().lastChoice();
    if (choice == nullptr) {
        return;
    }
    sourceLine(frame, "Votre décision :");
    paragraph(frame, choice->text, frame.services.fonts.bold);
    verticalSpace(frame, 0.3f);
    const ImU32 colour = beginConsequencePanel(frame, choice->score);
    paragraph(frame, choice->consequence);
    // What moved, in words, so the gauges are not the only way to see it.
    std::string changes;
    for (std::size_t i = 0; i < scenario_.variables.size() && i < valuesBeforeChoice_.size(); ++i) {
        const ScenarioVariable& variable = scenario_.variables[i];
        const double delta = play_.run().values()[i] - valuesBeforeChoice_[i];
        if (variable.hidden || variable.kind == VariableKind::Flag || std::fabs(delta) < 1e-9) {
            continue;
        }
        changes += (changes.empty() ? "" : " · ") + variable.label + " " + (delta > 0 ? "+" : "−") +
                   formatDecimal(std::fabs(delta));
    }
    if (!changes.empty()) {
        verticalSpace(frame, 0.2f);
        paragraph(frame, changes, frame.services.fonts.bold, colour);
    }
    if (choice->source) {
        verticalSpace(frame, 0.2f);
        sourceLine(frame, "Source : " + pack_->cite(*choice->source));
    }
    endPanel(frame);
    if (button(frame, "Continuer (Entrée)")) {
        proceed();
    }
}

std::unique_ptr<Screen> makeScenarioScreen(std::shared_ptr<const Pack> pack, const Scenario& scenario) {
    return std::make_unique<ScenarioScreen>(std::move(pack), scenario);
}

}  // namespace passerelles::ui

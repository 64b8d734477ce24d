// End of a scenario: the ending and its score, the path taken beside the best path, the debrief with sources.
#include <algorithm>

#include "core/base/text.hpp"
#include "core/play/quiz_scoring.hpp"
#include "ui/screens/content_views.hpp"
#include "ui/screens/screens.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

namespace passerelles::ui {

namespace {

class ScenarioEndScreen final : public Screen {
  public:
    ScenarioEndScreen(std::shared_ptr<const Pack> pack, const Scenario& scenario, ScenarioRun run)
        : pack_(std::move(pack)), scenario_(scenario), run_(std::move(run)), best_(scenario_.summary) {}

    std::string title() const override { return "Fin : " + scenario_.title; }
    std::string kind() const override { return "scenario-end"; }

    void draw(Frame& frame) override {
        if (frame.input.take(Key::R)) {
            frame.navigator.replace(makeScenarioScreen(pack_, scenario_));
            return;
        }
        const ScenarioNode& ending = run_.currentNode();
        const ImU32 colour = ending.rating == EndingRating::Good    ? theme::kRight
                             : ending.rating == EndingRating::Mixed ? theme::kPartial
                                                                    : theme::kWrong;
        chip(frame, ratingLabel(ending.rating), colour, IM_COL32_WHITE);
        heading(frame, ending.title, frame.services.fonts.title, colour);
        paragraph(frame, ending.text);
        verticalSpace(frame, 0.3f);
        drawScore(frame);
        verticalSpace(frame, 0.3f);
        if (button(frame, "Rejouer (R)")) {
            frame.navigator.replace(makeScenarioScreen(pack_, scenario_));
            return;
        }
        ImGui::SameLine();
        if (button(frame, "Accueil (Échap)", 0.0f, ButtonStyle::Secondary)) {
            frame.navigator.pop();
        }
        if (!ending.debrief.empty()) {
            verticalSpace(frame, 0.5f);
            heading(frame, "À retenir");
            beginPanel(frame, theme::kSurface, theme::kBorder);
            drawKeyPoints(frame, *pack_, ending.debrief, std::nullopt);
            endPanel(frame);
        }
        verticalSpace(frame, 0.5f);
        drawPaths(frame);
    }

  private:
    void drawScore(Frame& frame) {
        std::string line = "Score : " + formatDecimal(run_.total());
        if (scenario_.scoring == ScenarioScoring::Both) {
            line += " (décisions : " + formatDecimal(run_.pathScore()) +
                    ", fin : " + formatDecimal(run_.endingScore()) + ")";
        }
        if (best_.scoreBounded) {
            line += " · meilleur score possible : " + formatDecimal(best_.bestTotal);
        }
        heading(frame, line);
    }

    // The decisions of a path, one per line: "Titre du nœud : texte du choix (+2)".
    // `played`: the player's own path, where a choice taken again in the same situation shows that its
    // points were already counted (the best path never repeats one).
    void drawPath(Frame& frame, const std::vector<PathStep>& path, bool played) {
        int number = 1;
        for (std::size_t s = 0; s < path.size(); ++s) {
            const PathStep& step = path[s];
            if (step.choice < 0) {
                continue;
            }
            const ScenarioNode& node = scenario_.nodes[static_cast<std::size_t>(step.node)];
            const ScenarioChoice& choice = node.choices[static_cast<std::size_t>(step.choice)];
            std::string line = std::to_string(number++) + ". " + choice.text;
            const bool counted = !played || run_.stepScored(s);
            if (choice.score != 0.0 && counted) {
                line += std::string(" (") + (choice.score > 0 ? "+" : "") + formatDecimal(choice.score) + ")";
            } else if (choice.score != 0.0) {
                line += " (points déjà comptés)";
            }
            paragraph(frame, line, frame.services.fonts.small,
                      !counted           ? theme::kText
                      : choice.score > 0 ? theme::kRight
                      : choice.score < 0 ? theme::kWrong
                                         : theme::kText);
        }
    }

    void drawPaths(Frame& frame) {
        const float available = availableWidth();
        const bool sideBySide = available > frame.layout.unit * 30.0f && best_.hasBestPath;
        const float gap = frame.layout.unit;
        const float columnWidth = sideBySide ? (available - gap) * 0.5f : available;
        const ImVec2 top = ImGui::GetCursorScreenPos();
        beginPanel(frame, theme::kSurface, theme::kBorder, columnWidth);
        heading(frame, "Votre chemin");
        drawPath(frame, run_.path(), true);
        endPanel(frame);
        if (!best_.hasBestPath) {
            return;
        }
        const float firstBottom = ImGui::GetCursorScreenPos().y;
        if (sideBySide) {
            ImGui::SetCursorScreenPos(ImVec2(top.x + columnWidth + gap, top.y));
        }
        beginPanel(frame, theme::kRightSoft, theme::kRight, columnWidth);
        heading(frame, "Le meilleur chemin", nullptr, theme::kRight);
        drawPath(frame, best_.bestPath, false);
        endPanel(frame);
        const float secondBottom = ImGui::GetCursorScreenPos().y;
        ImGui::SetCursorScreenPos(ImVec2(top.x, std::max(firstBottom, secondBottom)));
        ImGui::Dummy(ImVec2(1.0f, 1.0f));
    }

    std::shared_ptr<const Pack> pack_;
    const Scenario& scenario_;
    ScenarioRun run_;
    const ScenarioSummary& best_;  // found once by the loader
};

}  // namespace

std::unique_ptr<Screen> makeScenarioEndScreen(std::shared_ptr<const Pack> pack, const Scenario& scenario,
                                              ScenarioRun run) {
    return std::make_unique<ScenarioEndScreen>(std::move(pack), scenario, std::move(run));
}

}  // namespace passerelles::ui

// Key points with sources, shared by the idées reçues and scenario screens.
#include "ui/screens/content_views.hpp"

#include <string>
#include <string_view>

#include "ui/theme.hpp"
#include "ui/widgets.hpp"

namespace passerelles::ui {

void drawKeyPoints(Frame& frame, const Pack& pack, const std::vector<KeyPoint>& points,
                   const std::optional<SourceRef>& itemSource) {
    // Kept between calls: once long enough, a frame of the workshop's room draws them with no allocation.
    static std::string itemCitation;
    static std::string line;
    itemCitation.clear();
    if (itemSource) {
        pack.appendCitation(itemCitation, *itemSource);
    }
    for (const KeyPoint& point : points) {
        line.assign("- ").append(point.text);
        paragraph(frame, line);
        if (point.source) {
            line.assign("Source : ");
            pack.appendCitation(line, *point.source);
            if (std::string_view(line).substr(9) != itemCitation) {
                sourceLine(frame, line);
            }
        }
    }
}

ResumeChoice drawResumePrompt(Frame& frame, const std::string& where) {
    if (frame.input.take(Key::Enter)) {
        return ResumeChoice::Resume;
    }
    if (frame.input.take(Key::R)) {
        return ResumeChoice::Restart;
    }
    beginPanel(frame, theme::kPrimarySoft, theme::kPrimary);
    heading(frame, "Vous aviez commencé cette activité");
    paragraph(frame, where);
    verticalSpace(frame, 0.3f);
    ResumeChoice choice = ResumeChoice::Undecided;
    if (button(frame, "Reprendre là où la partie s’est arrêtée (Entrée)")) {
        choice = ResumeChoice::Resume;
    }
    ImGui::SameLine();
    if (button(frame, "Recommencer (R)", 0.0f, ButtonStyle::Secondary)) {
        choice = ResumeChoice::Restart;
    }
    endPanel(frame);
    return choice;
}

ImU32 beginConsequencePanel(Frame& frame, double score) {
    const ImU32 colour = score > 0 ? theme::kRight : score < 0 ? theme::kWrong : theme::kPartial;
    const ImU32 fill = score > 0 ? theme::kRightSoft : score < 0 ? theme::kWrongSoft : theme::kPartialSoft;
    beginPanel(frame, fill, colour);
    return colour;
}

void drawScenarioState(Frame& frame, const Scenario& scenario, const std::vector<double>& values) {
    const auto& variables = scenario.variables;
    const float spacing = frame.layout.unit;
    const float width = std::min(frame.layout.unit * 11.0f, availableWidth());
    float x = 0.0f;
    bool any = false;
    for (std::size_t i = 0; i < variables.size(); ++i) {
        const ScenarioVariable& variable = variables[i];
        if (variable.hidden) {
            continue;
        }
        if (any && x + width <= availableWidth() + ImGui::GetCursorPosX()) {
            ImGui::SameLine(0, spacing);
        } else {
            x = 0.0f;
        }
        const double value = values[i];
        if (variable.kind == VariableKind::Flag) {
            ImGui::BeginGroup();
            ImGui::PushFont(frame.services.fonts.small);
            static std::string flag;  // kept: an idle frame formats it with no allocation
            flag.assign(value != 0.0 ? "\xE2\x9C\x93 " : "\xE2\x97\x8B ").append(variable.label);
            ImGui::TextUnformatted(flag.c_str());
            ImGui::PopFont();
            ImGui::EndGroup();
        } else {
            gauge(frame, variable.label, value, variable.min, variable.max, variable.unit,
                  variable.kind == VariableKind::Gauge, width);
        }
        x += width + spacing;
        any = true;
    }
}

}  // namespace passerelles::ui

// Key points with sources, shared by the idées reçues and scenario screens.
#include "ui/screens/content_views.hpp"

#include "ui/theme.hpp"
#include "ui/widgets.hpp"

namespace passerelles::ui {

void drawKeyPoints(Frame& frame, const Pack& pack, const std::vector<KeyPoint>& points,
                   const std::optional<SourceRef>& itemSource) {
    const std::string itemCitation = itemSource ? pack.cite(*itemSource) : std::string();
    for (const KeyPoint& point : points) {
        paragraph(frame, "- " + point.text);
        if (point.source && pack.cite(*point.source) != itemCitation) {
            sourceLine(frame, "Source : " + pack.cite(*point.source));
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
    if (button(frame, "Reprendre là où je m’étais arrêté (Entrée)")) {
        choice = ResumeChoice::Resume;
    }
    ImGui::SameLine();
    if (button(frame, "Recommencer (R)", 0.0f, ButtonStyle::Secondary)) {
        choice = ResumeChoice::Restart;
    }
    endPanel(frame);
    return choice;
}

}  // namespace passerelles::ui

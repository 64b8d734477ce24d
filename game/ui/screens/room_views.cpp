// Room views shared by the idées reçues room screen and the workshop presenter.
#include "ui/screens/room_views.hpp"

#include <algorithm>

#include "core/base/text.hpp"
#include "ui/fills.hpp"
#include "ui/screens/content_views.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

namespace passerelles::ui {

namespace {

constexpr ImU32 kAgreeColour = theme::kAccent;
constexpr ImU32 kDisagreeColour = theme::kRight;

}  // namespace

bool typeCount(FrameInput& input, int& value) {
    bool changed = false;
    for (int digit = 0; digit <= 9; ++digit) {
        if (input.take(static_cast<Key>(static_cast<int>(Key::Digit0) + digit)) && value < 1000) {
            value = value * 10 + digit;
            changed = true;
        }
    }
    if (input.take(Key::Backspace)) {
        value /= 10;
        changed = true;
    }
    return changed;
}

// One horizontal bar split between "d'accord" and "pas d'accord", labelled with counts and shares.
void splitBar(Frame& frame, const char* label, const HandCount& count, float width) {
    const float unit = frame.layout.unit;
    ImFont* bold = frame.services.fonts.bold;
    ImGui::PushFont(frame.services.fonts.heading);
    ImGui::TextUnformatted(label);
    ImGui::PopFont();
    const ImVec2 position = ImGui::GetCursorScreenPos();
    const float height = unit * 2.2f;
    ImDrawList* drawList = ImGui::GetWindowDrawList();
    if (count.total() == 0) {
        fillRoundedRect(*drawList, position, ImVec2(position.x + width, position.y + height),
                        theme::kSurfaceMuted, unit * 0.3f);
        drawList->AddText(bold, bold->FontSize,
                          ImVec2(position.x + unit * 0.5f, position.y + (height - bold->FontSize) * 0.5f),
                          theme::kTextMuted, "pas de vote saisi");
        ImGui::Dummy(ImVec2(width, height));
        return;
    }
    const float agreeWidth = width * static_cast<float>(count.agreeShare());
    fillRoundedRect(*drawList, position, ImVec2(position.x + agreeWidth, position.y + height), kAgreeColour,
                    unit * 0.3f);
    fillRoundedRect(*drawList, ImVec2(position.x + agreeWidth, position.y),
                    ImVec2(position.x + width, position.y + height), kDisagreeColour, unit * 0.3f);
    // Kept between frames: once long enough, an idle frame formats the labels with no allocation.
    static std::string agreeText;
    static std::string disagreeText;
    agreeText.assign(std::to_string(count.agree))
        .append(" d’accord (")
        .append(formatPercent(count.agreeShare()))
        .append(")");
    disagreeText.assign(std::to_string(count.disagree))
        .append(" pas d’accord (")
        .append(formatPercent(1.0 - count.agreeShare()))
        .append(")");
    const float textY = position.y + (height - bold->FontSize) * 0.5f;
    const float padding = unit * 0.5f;
    const float agreeTextWidth = bold->CalcTextSizeA(bold->FontSize, FLT_MAX, 0.0f, agreeText.c_str()).x;
    const float disagreeWidth = bold->CalcTextSizeA(bold->FontSize, FLT_MAX, 0.0f, disagreeText.c_str()).x;
    // A label that does not fit its segment goes under the bar, in the segment's colour.
    const bool agreeInside = agreeTextWidth + 2 * padding <= agreeWidth;
    const bool disagreeInside = disagreeWidth + 2 * padding <= width - agreeWidth;
    const float belowY = position.y + height + unit * 0.2f;
    drawList->AddText(bold, bold->FontSize, ImVec2(position.x + padding, agreeInside ? textY : belowY),
                      agreeInside ? IM_COL32_WHITE : kAgreeColour, agreeText.c_str());
    drawList->AddText(bold, bold->FontSize,
                      ImVec2(position.x + width - disagreeWidth - padding, disagreeInside ? textY : belowY),
                      disagreeInside ? IM_COL32_WHITE : kDisagreeColour, disagreeText.c_str());
    const bool labelBelow = !agreeInside || !disagreeInside;
    ImGui::Dummy(ImVec2(width, height + (labelBelow ? bold->FontSize + unit * 0.3f : 0.0f)));
}

void drawRoomArguments(Frame& frame, const MythCard& card, int shown, bool answered) {
    const int best = card.bestArgumentIndex();
    const int count = answered ? static_cast<int>(card.arguments.size())
                               : std::min<int>(shown, static_cast<int>(card.arguments.size()));
    for (int i = 0; i < count; ++i) {
        drawRoomArgument(frame, card, i, answered && i == best, answered);
    }
}

void drawRoomArgument(Frame& frame, const MythCard& card, int index, bool best, bool answered) {
    const MythArgument& argument = card.arguments[static_cast<std::size_t>(index)];
    OptionCard option;
    option.index = index;
    option.text = argument.text;
    option.interactive = false;
    if (answered) {
        option.look = best ? OptionLook::Best : OptionLook::Neutral;
        option.feedback = argument.feedback;
    }
    optionCard(frame, option);
}

void drawRoomAnswer(Frame& frame, const Pack& pack, const MythCard& card) {
    beginPanel(frame, theme::kRightSoft, theme::kRight);
    heading(frame, card.answer, nullptr, theme::kRight);
    drawKeyPoints(frame, pack, card.keyPoints, card.tags.source);
    if (card.tags.source) {
        static std::string source;  // kept: an idle frame formats it with no allocation
        source.assign("Source : ");
        pack.appendCitation(source, *card.tags.source);
        sourceLine(frame, source);
    }
    endPanel(frame);
}

void drawRoomShift(Frame& frame, const RoomCardResult& result) {
    const float width = availableWidth();
    splitBar(frame, "Avant le débat", result.before, width);
    verticalSpace(frame, 0.4f);
    splitBar(frame, "Après le débat", result.after, width);
    verticalSpace(frame, 0.5f);
    if (result.before.total() > 0 && result.after.total() > 0) {
        static std::string sentence;  // kept: an idle frame formats it with no allocation
        sentence.assign("La part de la salle d’accord avec l’idée reçue passe de ")
            .append(formatPercent(result.before.agreeShare()))
            .append(" à ")
            .append(formatPercent(result.after.agreeShare()))
            .append(".");
        heading(frame, sentence, nullptr, result.shift() > 0 ? theme::kRight : theme::kText);
    }
}

void drawHandEntry(Frame& frame, HandCount& entry, int& focusedField) {
    if (countField(frame, "D’accord", entry.agree, focusedField == 0, kAgreeColour)) {
        focusedField = 0;
    }
    ImGui::SameLine(0, frame.layout.unit * 3.0f);
    if (countField(frame, "Pas d’accord", entry.disagree, focusedField == 1, kDisagreeColour)) {
        focusedField = 1;
    }
}

}  // namespace passerelles::ui

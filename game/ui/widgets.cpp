// Drawing of the shared widgets: buttons, option cards, panels, bars, chips, hints.
#include "ui/widgets.hpp"

#include <algorithm>
#include <cfloat>
#include <cstring>

#include "core/base/text.hpp"
#include "ui/fills.hpp"
#include "ui/probe.hpp"
#include "ui/theme.hpp"

namespace passerelles::ui {

namespace {

// Panels nest (a card inside a results panel), so their draw-list splits are kept on a stack.
struct PanelState {
    ImVec2 start;
    float width;
    float padding;
    ImU32 fill;
    ImU32 border;
    ImDrawListSplitter splitter;
};
std::vector<PanelState>& panelStack() {
    static std::vector<PanelState> stack = [] {
        std::vector<PanelState> reserved;
        reserved.reserve(16);  // no reallocation while an outer panel's splitter is in use
        return reserved;
    }();
    return stack;
}

ImU32 optionFill(OptionLook look, bool hovered) {
    switch (look) {
        case OptionLook::Selected:
            return theme::kPrimarySoft;
        case OptionLook::CorrectTicked:
        case OptionLook::CorrectMissed:
        case OptionLook::Best:
            return theme::kRightSoft;
        case OptionLook::WrongTicked:
            return theme::kWrongSoft;
        case OptionLook::Neutral:
            return theme::kSurface;
        case OptionLook::Idle:
            return hovered ? IM_COL32(0xF2, 0xF6, 0xFA, 0xFF) : theme::kSurface;
        case OptionLook::Locked:
            return theme::kSurfaceMuted;
    }
    return theme::kSurface;
}

ImU32 optionBorder(OptionLook look) {
    switch (look) {
        case OptionLook::Selected:
            return theme::kPrimary;
        case OptionLook::CorrectTicked:
        case OptionLook::CorrectMissed:
        case OptionLook::Best:
            return theme::kRight;
        case OptionLook::WrongTicked:
            return theme::kWrong;
        default:
            return theme::kBorder;
    }
}

// Never colour alone: each revealed state also says it in words.
const char* optionVerdict(OptionLook look) {
    switch (look) {
        case OptionLook::CorrectTicked:
            return "\xE2\x9C\x93 Bonne réponse, cochée";
        case OptionLook::CorrectMissed:
            return "\xE2\x9C\x93 Bonne réponse, non cochée";
        case OptionLook::Best:
            return "\xE2\x9C\x93 Le meilleur argument";
        case OptionLook::WrongTicked:
            return "\xE2\x9C\x97 Cochée à tort";
        default:
            return nullptr;
    }
}

}  // namespace

float availableWidth() {
    const float available = ImGui::GetContentRegionAvail().x;
    const auto& stack = panelStack();
    if (stack.empty()) {
        return available;
    }
    const PanelState& panel = stack.back();
    const float right = panel.start.x + panel.width - panel.padding;
    return std::max(1.0f, std::min(available, right - ImGui::GetCursorScreenPos().x));
}

bool button(Frame& frame, const char* label, float width, ButtonStyle style, bool enabled) {
    const float unit = frame.layout.unit;
    ImFont* font = frame.services.fonts.bold;
    ImGui::PushFont(font);
    const ImVec2 textSize = ImGui::CalcTextSize(label, nullptr, true);
    const ImVec2 size(width > 0.0f ? width : textSize.x + unit * 1.6f,
                      std::max(textSize.y + unit * 0.9f, unit * 2.2f));
    ImU32 fill = theme::kPrimary;
    ImU32 text = IM_COL32_WHITE;
    ImU32 border = theme::kPrimary;
    if (style == ButtonStyle::Secondary) {
        fill = theme::kSurface;
        text = theme::kPrimary;
    } else if (style == ButtonStyle::Quiet) {
        fill = 0;
        text = theme::kPrimary;
        border = 0;
    }
    if (!enabled) {
        fill = style == ButtonStyle::Primary ? theme::kSurfaceMuted : fill;
        text = theme::kTextMuted;
        border = theme::kBorder;
    }
    const ImVec2 position = ImGui::GetCursorScreenPos();
    ImGui::PushID(label);
    const bool clicked = ImGui::InvisibleButton("##button", size) && enabled;
    const bool hovered = ImGui::IsItemHovered() && enabled;
    ImGui::PopID();
    const char* hidden = std::strstr(label, "##");  // "Ouvrir##3": the part after ## is only an id
    const char* labelEnd = hidden != nullptr ? hidden : label + std::strlen(label);
    if (probe::enabled()) {
        probe::record("button:" + std::string(label, labelEnd), ImGui::GetItemRectMin(),
                      ImGui::GetItemRectMax());
    }
    ImDrawList* drawList = ImGui::GetWindowDrawList();
    const ImVec2 end(position.x + size.x, position.y + size.y);
    if (hovered && style == ButtonStyle::Primary) {
        fill = IM_COL32(0x29, 0x61, 0x99, 0xFF);
    } else if (hovered) {
        fill = theme::kPrimarySoft;
    }
    if (fill != 0) {
        fillRoundedRect(*drawList, position, end, fill, unit * 0.3f);
    }
    if (border != 0) {
        outlineRoundedRect(*drawList, position, end, border, unit * 0.3f, std::max(1.0f, unit / 12.0f));
    }
    drawList->AddText(
        font, font->FontSize,
        ImVec2(position.x + (size.x - textSize.x) * 0.5f, position.y + (size.y - textSize.y) * 0.5f), text,
        label, labelEnd);
    ImGui::PopFont();
    return clicked;
}

bool optionCard(Frame& frame, const OptionCard& card) {
    const float unit = frame.layout.unit;
    const float width = availableWidth();
    const float padding = unit * 0.7f;
    const float badge = unit * 1.9f;
    const float textX = padding + badge + unit * 0.8f;
    const float textWidth = width - textX - padding;
    const char* verdict = optionVerdict(card.look);
    const bool revealed = card.look != OptionLook::Idle && card.look != OptionLook::Selected;
    const bool showFeedback = revealed && !card.feedback.empty();

    TextStyle body{frame.services.fonts.body,
                   card.look == OptionLook::Locked ? theme::kTextMuted : theme::kText, textWidth};
    TextStyle note{frame.services.fonts.small, theme::kTextMuted, textWidth};
    float contentHeight = frame.services.text.measure(card.text, body);
    if (verdict != nullptr) {
        contentHeight += unit * 0.4f + frame.services.fonts.bold->FontSize;
    }
    if (showFeedback) {
        contentHeight += unit * 0.3f + frame.services.text.measure(card.feedback, note);
    }
    const float height = std::max(badge, contentHeight) + padding * 2.0f;

    const ImVec2 position = ImGui::GetCursorScreenPos();
    ImGui::PushID(card.index);
    bool clicked = false;
    if (card.interactive) {
        clicked = ImGui::InvisibleButton("##option", ImVec2(width, height));
    } else {
        ImGui::Dummy(ImVec2(width, height));
    }
    const bool hovered = card.interactive && ImGui::IsItemHovered();
    ImGui::PopID();
    if (probe::enabled()) {
        probe::record("option:" + std::to_string(card.index), ImGui::GetItemRectMin(),
                      ImGui::GetItemRectMax());
    }

    ImDrawList* drawList = ImGui::GetWindowDrawList();
    const ImVec2 end(position.x + width, position.y + height);
    const ImU32 border = optionBorder(card.look);
    const float borderWidth =
        card.look == OptionLook::Idle && !card.focused ? 1.0f : std::max(2.0f, unit / 8.0f);
    fillRoundedRect(*drawList, position, end, optionFill(card.look, hovered), unit * 0.35f);
    outlineRoundedRect(*drawList, position, end, card.focused ? theme::kPrimary : border, unit * 0.35f,
                       borderWidth);

    // The letter badge: square for several answers, round for one, filled when selected.
    const ImVec2 badgeMin(position.x + padding, position.y + padding);
    const ImVec2 badgeMax(badgeMin.x + badge, badgeMin.y + badge);
    const bool ticked = card.look == OptionLook::Selected || card.look == OptionLook::CorrectTicked ||
                        card.look == OptionLook::WrongTicked;
    const ImU32 badgeColour = card.look == OptionLook::WrongTicked ? theme::kWrong
                              : card.look == OptionLook::CorrectTicked ||
                                      card.look == OptionLook::CorrectMissed || card.look == OptionLook::Best
                                  ? theme::kRight
                                  : theme::kPrimary;
    const float rounding = card.multiple ? unit * 0.25f : badge * 0.5f;
    if (ticked) {
        drawList->AddRectFilled(badgeMin, badgeMax, badgeColour, rounding);
    } else {
        drawList->AddRectFilled(badgeMin, badgeMax, theme::kSurface, rounding);
        drawList->AddRect(badgeMin, badgeMax, badgeColour, rounding, 0, std::max(2.0f, unit / 9.0f));
    }
    const char letter[2] = {static_cast<char>('A' + card.index), '\0'};
    ImFont* bold = frame.services.fonts.bold;
    const ImVec2 letterSize = bold->CalcTextSizeA(bold->FontSize, FLT_MAX, 0.0f, letter);
    drawList->AddText(
        bold, bold->FontSize,
        ImVec2(badgeMin.x + (badge - letterSize.x) * 0.5f, badgeMin.y + (badge - letterSize.y) * 0.5f),
        ticked ? IM_COL32_WHITE : badgeColour, letter);

    float y = position.y + padding + std::max(0.0f, (badge - body.font->FontSize * 1.2f) * 0.5f);
    if (contentHeight > badge) {
        y = position.y + padding;
    }
    y += frame.services.text.drawAt(ImVec2(position.x + textX, y), card.text, body);
    if (verdict != nullptr) {
        y += unit * 0.4f;
        drawList->AddText(bold, bold->FontSize, ImVec2(position.x + textX, y),
                          card.look == OptionLook::WrongTicked ? theme::kWrong : theme::kRight, verdict);
        y += bold->FontSize;
    }
    if (showFeedback) {
        y += unit * 0.3f;
        frame.services.text.drawAt(ImVec2(position.x + textX, y), card.feedback, note);
    }
    return clicked;
}

void beginDialog(Frame& frame, const char* id, ImVec2 size) {
    const ImVec2 display = frame.layout.display;
    const ImVec2 position((display.x - size.x) * 0.5f, (display.y - size.y) * 0.5f);
    ImGui::SetNextWindowPos(position);
    ImGui::SetNextWindowSize(size);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(frame.layout.unit, frame.layout.unit));
    ImGui::PushStyleColor(ImGuiCol_WindowBg, theme::toVec4(theme::kSurface));
    ImGui::Begin(id, nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings);
    // Dim the screen around the dialog so it reads as one thing: on a projector the page's edges
    // otherwise look like part of the dialog. Drawn as four bands in the dialog's own list, outside it.
    ImDrawList* drawList = ImGui::GetWindowDrawList();
    const ImU32 dim = IM_COL32(20, 24, 32, 150);
    const ImVec2 end(position.x + size.x, position.y + size.y);
    drawList->PushClipRectFullScreen();
    drawList->AddRectFilled(ImVec2(0.0f, 0.0f), ImVec2(display.x, position.y), dim);
    drawList->AddRectFilled(ImVec2(0.0f, end.y), display, dim);
    drawList->AddRectFilled(ImVec2(0.0f, position.y), ImVec2(position.x, end.y), dim);
    drawList->AddRectFilled(ImVec2(end.x, position.y), ImVec2(display.x, end.y), dim);
    drawList->PopClipRect();
}

void endDialog() {
    ImGui::End();
    ImGui::PopStyleColor();
    ImGui::PopStyleVar();
}

void beginPanel(Frame& frame, ImU32 fill, ImU32 border, float requestedWidth) {
    auto& stack = panelStack();
    const float padding = frame.layout.unit * 0.9f;
    const float width = requestedWidth > 0.0f ? requestedWidth : availableWidth();
    // Built in place: copying an ImDrawListSplitter, even an empty one, memcpy's from a null pointer
    // (undefined behaviour that UBSan reports in ImGui 1.86's ImVector).
    PanelState& state = stack.emplace_back();
    state.start = ImGui::GetCursorScreenPos();
    state.width = width;
    state.padding = padding;
    state.fill = fill;
    state.border = border;
    state.splitter.Split(ImGui::GetWindowDrawList(), 2);
    state.splitter.SetCurrentChannel(ImGui::GetWindowDrawList(), 1);
    ImGui::SetCursorScreenPos(ImVec2(state.start.x + padding, state.start.y + padding));
    ImGui::BeginGroup();
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + state.width - 2.0f * padding);
}

void endPanel(Frame& frame) {
    auto& stack = panelStack();
    PanelState& state = stack.back();
    ImGui::PopTextWrapPos();
    ImGui::EndGroup();
    const float padding = state.padding;
    const ImVec2 groupMax = ImGui::GetItemRectMax();
    const ImVec2 end(state.start.x + state.width, groupMax.y + padding);
    ImDrawList* drawList = ImGui::GetWindowDrawList();
    state.splitter.SetCurrentChannel(drawList, 0);
    fillRoundedRect(*drawList, state.start, end, state.fill, frame.layout.unit * 0.4f);
    if (state.border != 0) {
        outlineRoundedRect(*drawList, state.start, end, state.border, frame.layout.unit * 0.4f, 1.5f);
    }
    state.splitter.Merge(drawList);
    ImGui::SetCursorScreenPos(ImVec2(state.start.x, end.y));
    ImGui::Dummy(ImVec2(0, frame.layout.unit * 0.6f));
    stack.pop_back();
}

void sourceLine(Frame& frame, std::string_view text) {
    const TextStyle style{frame.services.fonts.small, theme::kTextMuted, availableWidth()};
    frame.services.text.draw(text, style);
}

void mutedText(Frame& frame, std::string_view text) {
    const TextStyle style{frame.services.fonts.body, theme::kTextMuted, availableWidth()};
    frame.services.text.draw(text, style);
}

void heading(Frame& frame, std::string_view text, ImFont* font, ImU32 colour) {
    const TextStyle style{font != nullptr ? font : frame.services.fonts.heading,
                          colour != 0 ? colour : theme::kText, availableWidth(), 1.2f};
    frame.services.text.draw(text, style);
}

bool flowButton(Frame& frame, const std::string& label, bool selected, bool& first, float right) {
    ImFont* font = frame.services.fonts.bold;  // the font button() draws its label in
    const float width =
        font->CalcTextSizeA(font->FontSize, FLT_MAX, 0.0f, label.c_str()).x + frame.layout.unit * 1.6f;
    if (!first) {
        ImGui::SameLine(0.0f, frame.layout.unit * 0.4f);
        if (ImGui::GetCursorScreenPos().x + width > right) {
            ImGui::NewLine();
        }
    }
    first = false;
    return button(frame, label.c_str(), 0.0f, selected ? ButtonStyle::Primary : ButtonStyle::Secondary);
}

void outcomeMessage(Frame& frame, std::string_view text, bool failed) {
    beginPanel(frame, failed ? theme::kWrongSoft : theme::kRightSoft, failed ? theme::kWrong : theme::kRight);
    paragraph(frame, text);
    if (probe::enabled()) {
        probe::record("message:" + std::string(text), ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
    }
    endPanel(frame);
}

void paragraph(Frame& frame, std::string_view text, ImFont* font, ImU32 colour) {
    const TextStyle style{font != nullptr ? font : frame.services.fonts.body,
                          colour != 0 ? colour : theme::kText, availableWidth()};
    frame.services.text.draw(text, style);
}

void progressBar(Frame& frame, float fraction, float width, float height, ImU32 colour,
                 std::string_view label) {
    const ImVec2 position = ImGui::GetCursorScreenPos();
    ImDrawList* drawList = ImGui::GetWindowDrawList();
    const float rounding = height * 0.5f;
    fillRoundedRect(*drawList, position, ImVec2(position.x + width, position.y + height),
                    theme::kSurfaceMuted, rounding);
    const float filled = std::clamp(fraction, 0.0f, 1.0f) * width;
    if (filled > 0.5f) {
        fillRoundedRect(*drawList, position,
                        ImVec2(position.x + std::max(filled, height), position.y + height), colour, rounding);
    }
    ImGui::Dummy(ImVec2(width, height));
    if (!label.empty()) {
        ImGui::SameLine();
        ImFont* font = frame.services.fonts.small;
        ImGui::PushFont(font);
        ImGui::SetCursorPosY(ImGui::GetCursorPosY() + (height - font->FontSize) * 0.5f);
        ImGui::TextUnformatted(label.data(), label.data() + label.size());
        ImGui::PopFont();
    }
}

void chip(Frame& frame, std::string_view text, ImU32 fill, ImU32 textColour) {
    ImFont* font = frame.services.fonts.small;
    const ImVec2 textSize =
        font->CalcTextSizeA(font->FontSize, FLT_MAX, 0.0f, text.data(), text.data() + text.size());
    const float padX = frame.layout.unit * 0.45f;
    const float padY = frame.layout.unit * 0.15f;
    const ImVec2 position = ImGui::GetCursorScreenPos();
    const ImVec2 size(textSize.x + padX * 2, textSize.y + padY * 2);
    ImDrawList* drawList = ImGui::GetWindowDrawList();
    fillRoundedRect(*drawList, position, ImVec2(position.x + size.x, position.y + size.y), fill,
                    size.y * 0.5f);
    drawList->AddText(font, font->FontSize, ImVec2(position.x + padX, position.y + padY), textColour,
                      text.data(), text.data() + text.size());
    ImGui::Dummy(size);
}

void keyHints(Frame& frame, std::initializer_list<std::pair<const char*, const char*>> hints) {
    ImFont* font = frame.services.fonts.small;
    ImDrawList* drawList = ImGui::GetWindowDrawList();
    const float pad = frame.layout.unit * 0.3f;
    const float height = font->FontSize + pad;
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const float right = origin.x + availableWidth();
    float x = origin.x;
    float y = origin.y;
    for (const auto& [key, action] : hints) {
        const float keyWidth = font->CalcTextSizeA(font->FontSize, FLT_MAX, 0.0f, key).x + pad * 2;
        const float actionWidth = font->CalcTextSizeA(font->FontSize, FLT_MAX, 0.0f, action).x;
        const float width = keyWidth + pad + actionWidth;
        if (x > origin.x && x + width > right) {  // wrap to a new row rather than overflow
            x = origin.x;
            y += height + pad * 2;
        }
        drawList->AddRect(ImVec2(x, y), ImVec2(x + keyWidth, y + height), theme::kTextMuted, pad * 0.8f, 0,
                          1.0f);
        drawList->AddText(font, font->FontSize, ImVec2(x + pad, y + pad * 0.5f), theme::kText, key);
        drawList->AddText(font, font->FontSize, ImVec2(x + keyWidth + pad, y + pad * 0.5f), theme::kTextMuted,
                          action);
        x += width + frame.layout.unit * 1.2f;
    }
    ImGui::Dummy(ImVec2(right - origin.x, y - origin.y + height));
}

void verticalSpace(Frame& frame, float units) {
    ImGui::Dummy(ImVec2(1.0f, frame.layout.unit * units));
}

bool countField(Frame& frame, const char* label, int& value, bool focused, ImU32 colour, int step) {
    const float unit = frame.layout.unit;
    ImFont* big = frame.services.fonts.title;
    ImGui::PushID(label);
    ImGui::BeginGroup();
    ImGui::PushFont(frame.services.fonts.bold);
    ImGui::TextColored(theme::toVec4(colour), "%s", label);
    ImGui::PopFont();
    bool changed = false;
    if (button(frame, "\xE2\x88\x92##moins", unit * 2.4f, ButtonStyle::Secondary) && value > 0) {
        value = std::max(0, value - step);
        changed = true;
    }
    ImGui::SameLine();
    const std::string text = std::to_string(value);
    const ImVec2 position = ImGui::GetCursorScreenPos();
    const ImVec2 size(unit * 5.0f, std::max(big->FontSize + unit * 0.4f, unit * 2.2f));
    ImDrawList* drawList = ImGui::GetWindowDrawList();
    fillRoundedRect(*drawList, position, ImVec2(position.x + size.x, position.y + size.y), theme::kSurface,
                    unit * 0.3f);
    outlineRoundedRect(*drawList, position, ImVec2(position.x + size.x, position.y + size.y),
                       focused ? colour : theme::kBorder, unit * 0.3f,
                       focused ? std::max(2.0f, unit / 7.0f) : 1.0f);
    const float textWidth = big->CalcTextSizeA(big->FontSize, FLT_MAX, 0.0f, text.c_str()).x;
    drawList->AddText(
        big, big->FontSize,
        ImVec2(position.x + (size.x - textWidth) * 0.5f, position.y + (size.y - big->FontSize) * 0.5f),
        theme::kText, text.c_str());
    ImGui::Dummy(size);
    ImGui::SameLine();
    if (button(frame, "+##plus", unit * 2.4f, ButtonStyle::Secondary) && value < 9999) {
        value = std::min(9999, value + step);
        changed = true;
    }
    ImGui::EndGroup();
    ImGui::PopID();
    return changed;
}

namespace {

// ImGui writes into a fixed buffer; this lets the std::string grow as the trainer types.
int resizeString(ImGuiInputTextCallbackData* data) {
    if (data->EventFlag == ImGuiInputTextFlags_CallbackResize) {
        auto* value = static_cast<std::string*>(data->UserData);
        value->resize(static_cast<std::size_t>(data->BufTextLen));
        data->Buf = value->data();
    }
    return 0;
}

}  // namespace

bool textField(Frame& frame, const char* id, std::string& value, float width, float height) {
    const ImGuiInputTextFlags flags = ImGuiInputTextFlags_CallbackResize;
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding,
                        ImVec2(frame.layout.unit * 0.4f, frame.layout.unit * 0.3f));
    if (height > 0.0f) {
        ImGui::InputTextMultiline(id, value.data(), value.capacity() + 1, ImVec2(width, height), flags,
                                  resizeString, &value);
    } else {
        ImGui::SetNextItemWidth(width);
        ImGui::InputText(id, value.data(), value.capacity() + 1, flags, resizeString, &value);
    }
    ImGui::PopStyleVar();
    return ImGui::IsItemActive();
}

void fieldLabel(Frame& frame, const char* label) {
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding,
                        ImVec2(frame.layout.unit * 0.4f, frame.layout.unit * 0.3f));
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(label);
    ImGui::PopStyleVar();
}

bool numberField(Frame& frame, const char* id, int& value, float width) {
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding,
                        ImVec2(frame.layout.unit * 0.4f, frame.layout.unit * 0.3f));
    ImGui::SetNextItemWidth(width);
    ImGui::InputInt(id, &value, 0, 0);
    ImGui::PopStyleVar();
    value = std::clamp(value, 0, 99999);
    return ImGui::IsItemActive();
}

void gauge(Frame& frame, const std::string& label, double value, double min, double max,
           const std::string& unit, bool asBar, float width) {
    ImFont* small = frame.services.fonts.small;
    ImGui::BeginGroup();
    ImGui::PushFont(small);
    static std::string shown;  // kept: once long enough, an idle frame formats its gauges without allocating
    shown.assign(label).append(" : ").append(formatDecimal(value));
    if (!unit.empty()) {
        shown.append(" ").append(unit);
    } else if (asBar) {
        shown.append(" / ").append(formatDecimal(max));
    }
    ImGui::TextUnformatted(shown.c_str());
    ImGui::PopFont();
    if (asBar) {
        const float fraction = max > min ? static_cast<float>((value - min) / (max - min)) : 0.0f;
        const ImU32 colour = fraction < 0.34f   ? theme::kWrong
                             : fraction < 0.67f ? theme::kPartial
                                                : theme::kRight;
        progressBar(frame, fraction, width, frame.layout.unit * 0.5f, colour);
    }
    ImGui::EndGroup();
}

std::string fitWithEllipsis(ImFont* font, const std::string& text, float width) {
    const auto measure = [&](const std::string& candidate) {
        return font->CalcTextSizeA(font->FontSize, FLT_MAX, 0.0f, candidate.c_str()).x;
    };
    if (measure(text) <= width) {
        return text;
    }
    std::string shown = text;
    while (!shown.empty() && measure(shown + "…") > width) {
        // Drop one whole UTF-8 character: continuation bytes, then their lead byte.
        while (!shown.empty() && (static_cast<unsigned char>(shown.back()) & 0xC0) == 0x80) {
            shown.pop_back();
        }
        if (!shown.empty()) {
            shown.pop_back();
        }
    }
    while (!shown.empty() && shown.back() == ' ') {
        shown.pop_back();
    }
    return shown + "…";
}

}  // namespace passerelles::ui

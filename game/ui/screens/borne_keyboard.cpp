// The booth's on-screen keyboard: AZERTY letters, French accents and œ, digits, a space, a shift key.
#include <algorithm>
#include <array>
#include <cmath>
#include <string>

#include <imgui.h>

#include "ui/screens/borne_session.hpp"
#include "ui/theme.hpp"

namespace passerelles::ui {

namespace {

// Lower case, then the same key with the shift key (one-shot, like a phone's).
struct KeyCap {
    const char* lower;
    const char* upper;
};

constexpr std::array<KeyCap, 10> kDigits = {{{"1", "1"},
                                             {"2", "2"},
                                             {"3", "3"},
                                             {"4", "4"},
                                             {"5", "5"},
                                             {"6", "6"},
                                             {"7", "7"},
                                             {"8", "8"},
                                             {"9", "9"},
                                             {"0", "0"}}};
constexpr std::array<KeyCap, 10> kTop = {{{"a", "A"},
                                          {"z", "Z"},
                                          {"e", "E"},
                                          {"r", "R"},
                                          {"t", "T"},
                                          {"y", "Y"},
                                          {"u", "U"},
                                          {"i", "I"},
                                          {"o", "O"},
                                          {"p", "P"}}};
constexpr std::array<KeyCap, 10> kMiddle = {{{"q", "Q"},
                                             {"s", "S"},
                                             {"d", "D"},
                                             {"f", "F"},
                                             {"g", "G"},
                                             {"h", "H"},
                                             {"j", "J"},
                                             {"k", "K"},
                                             {"l", "L"},
                                             {"m", "M"}}};
constexpr std::array<KeyCap, 6> kBottom = {
    {{"w", "W"}, {"x", "X"}, {"c", "C"}, {"v", "V"}, {"b", "B"}, {"n", "N"}}};
constexpr std::array<KeyCap, 13> kAccents = {{{"é", "É"},
                                              {"è", "È"},
                                              {"ê", "Ê"},
                                              {"ë", "Ë"},
                                              {"à", "À"},
                                              {"â", "Â"},
                                              {"ç", "Ç"},
                                              {"ù", "Ù"},
                                              {"û", "Û"},
                                              {"ô", "Ô"},
                                              {"î", "Î"},
                                              {"ï", "Ï"},
                                              {"œ", "Œ"}}};

constexpr float kColumns = 13.0f;  // the accents row, the widest, sets the key width

std::size_t characters(const std::string& text) {
    return static_cast<std::size_t>(std::count_if(
        text.begin(), text.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

void eraseLast(std::string& text) {
    while (!text.empty() && (static_cast<unsigned char>(text.back()) & 0xC0) == 0x80) {
        text.pop_back();
    }
    if (!text.empty()) {
        text.pop_back();
    }
}

}  // namespace

float onScreenKeyboardHeight(Frame& frame) {
    const float unit = frame.layout.unit;
    return 6.0f * unit * 2.0f + 5.0f * unit * 0.25f;
}

bool onScreenKeyboard(Frame& frame, std::string& text, OnScreenKeyboard& state, float width) {
    const float unit = frame.layout.unit;
    const float gap = unit * 0.25f;
    const float key = std::floor((width - gap * (kColumns - 1.0f)) / kColumns);
    const float height = unit * 2.0f;
    ImFont* font = frame.services.fonts.heading;
    ImFont* small = frame.services.fonts.bold;
    const bool shift = state.shift || (state.capitalFirst && text.empty());
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    bool changed = false;
    const auto type = [&](const char* typed) {
        if (characters(text) < state.maxCharacters) {
            text += typed;
            changed = true;
        }
        state.shift = false;
    };
    float y = origin.y;
    // One row of letter keys, centred on the widest row.
    const auto row = [&](const auto& caps, float indentKeys) {
        float x = origin.x + indentKeys * (key + gap);
        for (const KeyCap& cap : caps) {
            const char* label = shift ? cap.upper : cap.lower;
            ImGui::SetCursorScreenPos(ImVec2(x, y));
            if (boothButton(frame, label, ImVec2(key, height), font, ButtonStyle::Secondary)) {
                type(label);
            }
            x += key + gap;
        }
        return x;
    };
    row(kDigits, 1.5f);
    y += height + gap;
    row(kTop, 1.5f);
    y += height + gap;
    row(kMiddle, 1.5f);
    y += height + gap;
    // ⇧ w x c v b n ←, nine keys wide, centred
    ImGui::SetCursorScreenPos(ImVec2(origin.x + 2.0f * (key + gap), y));
    const float wide = key * 1.5f + gap * 0.5f;
    if (boothButton(frame, "\xE2\x87\xA7##maj", ImVec2(wide, height), font,
                    shift ? ButtonStyle::Primary : ButtonStyle::Secondary)) {
        state.shift = !shift;
        state.capitalFirst = false;
    }
    {
        float x = origin.x + 2.0f * (key + gap) + wide + gap;
        for (const KeyCap& cap : kBottom) {
            const char* label = shift ? cap.upper : cap.lower;
            ImGui::SetCursorScreenPos(ImVec2(x, y));
            if (boothButton(frame, label, ImVec2(key, height), font, ButtonStyle::Secondary)) {
                type(label);
            }
            x += key + gap;
        }
        ImGui::SetCursorScreenPos(ImVec2(x, y));
        if (boothButton(frame, "\xE2\x86\x90##effacer", ImVec2(wide, height), font, ButtonStyle::Secondary) &&
            !text.empty()) {
            eraseLast(text);
            changed = true;
        }
    }
    y += height + gap;
    row(kAccents, 0.0f);
    y += height + gap;
    ImGui::SetCursorScreenPos(ImVec2(origin.x + 3.0f * (key + gap), y));
    if (boothButton(frame, "espace", ImVec2(key * 7.0f + gap * 6.0f, height), small,
                    ButtonStyle::Secondary) &&
        !text.empty() && text.back() != ' ') {
        type(" ");
    }
    y += height;
    ImGui::SetCursorScreenPos(origin);
    ImGui::Dummy(ImVec2(width, y - origin.y));
    return changed;
}

}  // namespace passerelles::ui

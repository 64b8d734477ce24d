// The booth's on-screen keyboard: AZERTY letters, French accents and œ, digits, a space, a shift key.
#include <algorithm>
#include <cmath>
#include <string>
#include <utility>
#include <vector>

#include <imgui.h>

#include "ui/screens/borne_session.hpp"
#include "ui/theme.hpp"

namespace passerelles::ui {

namespace {

// Each row in lower case and with the shift key (one-shot, like a phone's), one UTF-8 character a key.
struct KeyRow {
    const char* lower;
    const char* upper;
};
constexpr KeyRow kDigits{"1234567890", "1234567890"};
constexpr KeyRow kTop{"azertyuiop", "AZERTYUIOP"};
constexpr KeyRow kMiddle{"qsdfghjklm", "QSDFGHJKLM"};
constexpr KeyRow kBottom{"wxcvbn", "WXCVBN"};
constexpr KeyRow kAccents{"éèêëàâçùûôîïœ", "ÉÈÊËÀÂÇÙÛÔÎÏŒ"};

// The characters of a row, one string each (built once: the keyboard is drawn every frame).
std::vector<std::string> splitCharacters(const char* text) {
    std::vector<std::string> keys;
    for (const char* c = text; *c != '\0'; ++c) {
        if ((static_cast<unsigned char>(*c) & 0xC0) != 0x80) {
            keys.emplace_back();
        }
        keys.back() += *c;
    }
    return keys;
}

struct SplitRow {
    std::vector<std::string> lower;
    std::vector<std::string> upper;
};
const SplitRow& split(const KeyRow& row) {
    static std::vector<std::pair<const KeyRow*, SplitRow>> cache;
    for (const auto& [key, value] : cache) {
        if (key == &row) {
            return value;
        }
    }
    cache.emplace_back(&row, SplitRow{splitCharacters(row.lower), splitCharacters(row.upper)});
    return cache.back().second;
}

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
    // One row of character keys from `x`; returns where it ends.
    const auto row = [&](const KeyRow& keys, float x) {
        const SplitRow& caps = split(keys);
        for (const std::string& label : shift ? caps.upper : caps.lower) {
            ImGui::SetCursorScreenPos(ImVec2(x, y));
            if (boothButton(frame, label.c_str(), ImVec2(key, height), font, ButtonStyle::Secondary)) {
                type(label.c_str());
            }
            x += key + gap;
        }
        return x;
    };
    const auto indent = [&](float keys) { return origin.x + keys * (key + gap); };
    row(kDigits, indent(1.5f));
    y += height + gap;
    row(kTop, indent(1.5f));
    y += height + gap;
    row(kMiddle, indent(1.5f));
    y += height + gap;
    // ⇧ w x c v b n ←, nine keys wide, centred
    ImGui::SetCursorScreenPos(ImVec2(indent(2.0f), y));
    const float wide = key * 1.5f + gap * 0.5f;
    if (boothButton(frame, "\xE2\x87\xA7##maj", ImVec2(wide, height), font,
                    shift ? ButtonStyle::Primary : ButtonStyle::Secondary)) {
        state.shift = !shift;
        state.capitalFirst = false;
    }
    ImGui::SetCursorScreenPos(ImVec2(row(kBottom, indent(2.0f) + wide + gap), y));
    if (boothButton(frame, "\xE2\x86\x90##effacer", ImVec2(wide, height), font, ButtonStyle::Secondary) &&
        !text.empty()) {
        eraseLast(text);
        changed = true;
    }
    y += height + gap;
    row(kAccents, indent(0.0f));
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

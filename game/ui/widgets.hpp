// Reusable pieces drawn by several screens: large buttons, option cards, panels, bars, source lines.
#pragma once

#include <string>
#include <string_view>

#include <imgui.h>

#include "ui/screen.hpp"

namespace passerelles::ui {

// Width left for content on this line, inside the innermost panel's padding when there is one.
float availableWidth();

enum class ButtonStyle { Primary, Secondary, Quiet };

// A large button (touch-friendly); `width` 0 fits the label. Returns true when clicked.
bool button(Frame& frame, const char* label, float width = 0.0f, ButtonStyle style = ButtonStyle::Primary,
            bool enabled = true);

enum class OptionLook {
    Idle,
    Selected,
    CorrectTicked,  // after the reveal: ticked and right
    CorrectMissed,  // right but not ticked
    Best,           // in a room, where nobody ticks: the answer to remember
    WrongTicked,    // ticked but wrong
    Neutral,        // not ticked and not right
    Locked,         // a scenario choice whose condition is false: greyed, with the reason as feedback
};

struct OptionCard {
    int index = 0;  // 0 → "A"
    std::string_view text;
    std::string_view feedback;  // shown under the text after the reveal
    OptionLook look = OptionLook::Idle;
    bool multiple = false;  // square box (several answers) or round (one answer)
    bool interactive = true;
    bool focused = false;  // keyboard focus ring
};
// Draws a full-width card; returns true when clicked or touched.
bool optionCard(Frame& frame, const OptionCard& card);

// A window centred over the screen (overlays, confirmations): begin, draw, end.
void beginDialog(Frame& frame, const char* id, ImVec2 size);
void endDialog();

// A rounded background behind content of unknown height: begin, draw, end.
// `width` 0: the width left on the line.
void beginPanel(Frame& frame, ImU32 fill, ImU32 border = 0, float width = 0.0f);
void endPanel(Frame& frame);

void sourceLine(Frame& frame, std::string_view text);
void mutedText(Frame& frame, std::string_view text);
void heading(Frame& frame, std::string_view text, ImFont* font = nullptr, ImU32 colour = 0);
void paragraph(Frame& frame, std::string_view text, ImFont* font = nullptr, ImU32 colour = 0);
// A choice among several that wraps onto the next line when the row reaches `right` (screen x); `first`
// starts a new row and is cleared. Selected ones are filled.
bool flowButton(Frame& frame, const std::string& label, bool selected, bool& first, float right);

// The outcome of an action the user asked for (a file written, a plan saved), green or red, in a panel.
void outcomeMessage(Frame& frame, std::string_view text, bool failed);
void progressBar(Frame& frame, float fraction, float width, float height, ImU32 colour,
                 std::string_view label = {});
void chip(Frame& frame, std::string_view text, ImU32 fill, ImU32 textColour);
// A horizontal row of "Entrée Valider · Échap Retour" key hints.
void keyHints(Frame& frame, std::initializer_list<std::pair<const char*, const char*>> hints);
void verticalSpace(Frame& frame, float units);

// A number typed by the facilitator (hands raised): label, value, and − / + buttons for touch.
// Returns true when a button changed the value.
bool countField(Frame& frame, const char* label, int& value, bool focused, ImU32 colour, int step = 1);
// A text field bound to a std::string (single line, or several when `height` > 0). Returns true while
// the field has the keyboard, so that the screen does not take its letters as shortcuts.
bool textField(Frame& frame, const char* id, std::string& value, float width, float height = 0.0f);

// A label on the line of a textField or numberField, aligned with the text inside the field.
void fieldLabel(Frame& frame, const char* label);

// A whole number typed in a field (participants…), never below 0. Returns true while it has the keyboard.
bool numberField(Frame& frame, const char* id, int& value, float width);

// A labelled bar for a scenario gauge, or the value of a number with its unit.
void gauge(Frame& frame, const std::string& label, double value, double min, double max,
           const std::string& unit, bool asBar, float width);
// `text` cut at a character boundary and ended with "…" so that it fits in `width` pixels.
std::string fitWithEllipsis(ImFont* font, const std::string& text, float width);

}  // namespace passerelles::ui

// Keyboard input as the screens see it: named keys per frame, independent of SDL (tests inject them).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace passerelles::ui {

enum class Key {
    None,
    A,
    B,
    C,
    D,
    E,
    F,
    G,
    H,
    I,
    J,
    K,
    L,
    M,
    N,
    O,
    P,
    Q,
    R,
    S,
    T,
    U,
    V,
    W,
    X,
    Y,
    Z,
    Digit0,
    Digit1,
    Digit2,
    Digit3,
    Digit4,
    Digit5,
    Digit6,
    Digit7,
    Digit8,
    Digit9,
    Enter,
    Escape,
    Space,
    Backspace,
    Tab,
    Left,
    Right,
    Up,
    Down,
    PageUp,
    PageDown,
    Home,
    End,
    Plus,
    Minus,
    F1,
    F11,
};

struct KeyPress {
    Key key = Key::None;
    bool ctrl = false;
    bool shift = false;
    bool alt = false;
};

// "B", "Enter", "Ctrl+Plus", "1", "Esc", "Space" (as written in --keys); nullopt when unknown.
std::optional<KeyPress> parseKeyPress(std::string_view name);
// Splits "B,Enter,Ctrl+Q" into presses; the first unknown name is reported in `error`.
std::optional<std::vector<KeyPress>> parseKeySequence(std::string_view text, std::string& error);
std::string keyName(Key key);

// Letter A–Z as 0–25, digit 1–9 as 0–8; -1 otherwise. Used for option shortcuts (A–F or 1–6).
int letterIndex(Key key);
int digitIndex(Key key);

// The presses of one frame. A screen takes the keys it handles, so the frame's host does not act on
// them twice (Esc handled by a dialog does not also leave the screen).
class FrameInput {
  public:
    FrameInput() = default;
    explicit FrameInput(std::vector<KeyPress> presses) : presses_(std::move(presses)) {}

    void add(KeyPress press) { presses_.push_back(press); }
    const std::vector<KeyPress>& presses() const { return presses_; }
    bool empty() const { return presses_.empty(); }

    // True (and consumed) when `key` was pressed this frame without Ctrl or Alt.
    bool take(Key key);
    bool takeWithCtrl(Key key);
    // The first unconsumed option shortcut (A–F or 1–6 for max = 6); -1 when none.
    int takeOptionShortcut(int optionCount);
    bool peek(Key key) const;
    // Forgets letters, digits and editing keys (a text field has them); keeps Enter, Esc, Tab, F-keys.
    void dropTypingKeys();

  private:
    std::vector<KeyPress> presses_;
    std::vector<bool> consumed_;
    bool takeMatching(Key key, bool ctrl);
};

}  // namespace passerelles::ui

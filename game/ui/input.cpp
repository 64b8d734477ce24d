// Key names (for --keys and help overlays) and per-frame key consumption.
#include "ui/input.hpp"

#include <cctype>

namespace passerelles::ui {

namespace {

struct NamedKey {
    std::string_view name;
    Key key;
};

constexpr NamedKey kNamedKeys[] = {
    {"Enter", Key::Enter},
    {"Entree", Key::Enter},
    {"Return", Key::Enter},
    {"Esc", Key::Escape},
    {"Escape", Key::Escape},
    {"Echap", Key::Escape},
    {"Space", Key::Space},
    {"Espace", Key::Space},
    {"Backspace", Key::Backspace},
    {"Tab", Key::Tab},
    {"Left", Key::Left},
    {"Right", Key::Right},
    {"Up", Key::Up},
    {"Down", Key::Down},
    {"PageUp", Key::PageUp},
    {"PageDown", Key::PageDown},
    {"Home", Key::Home},
    {"End", Key::End},
    {"Plus", Key::Plus},
    {"Minus", Key::Minus},
    {"F1", Key::F1},
    {"F11", Key::F11},
};

bool equalsIgnoringCase(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) {
        return false;
    }
    for (std::size_t i = 0; i < a.size(); ++i) {
        if (std::tolower(static_cast<unsigned char>(a[i])) !=
            std::tolower(static_cast<unsigned char>(b[i]))) {
            return false;
        }
    }
    return true;
}

}  // namespace

std::optional<KeyPress> parseKeyPress(std::string_view name) {
    KeyPress press;
    while (true) {
        const auto plus = name.find('+');
        if (plus == std::string_view::npos || plus + 1 >= name.size()) {
            break;
        }
        const std::string_view modifier = name.substr(0, plus);
        if (equalsIgnoringCase(modifier, "Ctrl")) {
            press.ctrl = true;
        } else if (equalsIgnoringCase(modifier, "Shift")) {
            press.shift = true;
        } else if (equalsIgnoringCase(modifier, "Alt")) {
            press.alt = true;
        } else {
            return std::nullopt;
        }
        name.remove_prefix(plus + 1);
    }
    if (name.size() == 1) {
        const char c = static_cast<char>(std::toupper(static_cast<unsigned char>(name[0])));
        if (c >= 'A' && c <= 'Z') {
            press.key = static_cast<Key>(static_cast<int>(Key::A) + (c - 'A'));
            return press;
        }
        if (c >= '0' && c <= '9') {
            press.key = static_cast<Key>(static_cast<int>(Key::Digit0) + (c - '0'));
            return press;
        }
        if (c == '+') {
            press.key = Key::Plus;
            return press;
        }
        if (c == '-') {
            press.key = Key::Minus;
            return press;
        }
    }
    for (const auto& named : kNamedKeys) {
        if (equalsIgnoringCase(named.name, name)) {
            press.key = named.key;
            return press;
        }
    }
    return std::nullopt;
}

std::optional<std::vector<KeyPress>> parseKeySequence(std::string_view text, std::string& error) {
    std::vector<KeyPress> presses;
    while (!text.empty()) {
        const auto comma = text.find(',');
        std::string_view item = text.substr(0, comma);
        while (!item.empty() && item.front() == ' ') {
            item.remove_prefix(1);
        }
        while (!item.empty() && item.back() == ' ') {
            item.remove_suffix(1);
        }
        if (!item.empty()) {
            const auto press = parseKeyPress(item);
            if (!press) {
                error = "touche inconnue « " + std::string(item) + " »";
                return std::nullopt;
            }
            presses.push_back(*press);
        }
        if (comma == std::string_view::npos) {
            break;
        }
        text.remove_prefix(comma + 1);
    }
    return presses;
}

std::string keyName(Key key) {
    if (key >= Key::A && key <= Key::Z) {
        return std::string(1, static_cast<char>('A' + (static_cast<int>(key) - static_cast<int>(Key::A))));
    }
    if (key >= Key::Digit0 && key <= Key::Digit9) {
        return std::string(1,
                           static_cast<char>('0' + (static_cast<int>(key) - static_cast<int>(Key::Digit0))));
    }
    switch (key) {
        case Key::Enter:
            return "Entrée";
        case Key::Escape:
            return "Échap";
        case Key::Space:
            return "Espace";
        case Key::Left:
            return "←";
        case Key::Right:
            return "→";
        case Key::Up:
            return "↑";
        case Key::Down:
            return "↓";
        default:
            for (const auto& named : kNamedKeys) {
                if (named.key == key) {
                    return std::string(named.name);
                }
            }
            return "?";
    }
}

int letterIndex(Key key) {
    return key >= Key::A && key <= Key::Z ? static_cast<int>(key) - static_cast<int>(Key::A) : -1;
}

int digitIndex(Key key) {
    return key >= Key::Digit1 && key <= Key::Digit9 ? static_cast<int>(key) - static_cast<int>(Key::Digit1)
                                                    : -1;
}

bool FrameInput::takeMatching(Key key, bool ctrl) {
    consumed_.resize(presses_.size(), false);
    for (std::size_t i = 0; i < presses_.size(); ++i) {
        const KeyPress& press = presses_[i];
        if (!consumed_[i] && press.key == key && press.ctrl == ctrl && !press.alt) {
            consumed_[i] = true;
            return true;
        }
    }
    return false;
}

bool FrameInput::take(Key key) {
    return takeMatching(key, false);
}
bool FrameInput::takeWithCtrl(Key key) {
    return takeMatching(key, true);
}

bool FrameInput::peek(Key key) const {
    for (std::size_t i = 0; i < presses_.size(); ++i) {
        if (presses_[i].key == key && (i >= consumed_.size() || !consumed_[i])) {
            return true;
        }
    }
    return false;
}

void FrameInput::dropTypingKeys() {
    std::vector<KeyPress> kept;
    for (const KeyPress& press : presses_) {
        const bool typing =
            (letterIndex(press.key) >= 0 || (press.key >= Key::Digit0 && press.key <= Key::Digit9) ||
             press.key == Key::Space || press.key == Key::Backspace || press.key == Key::Left ||
             press.key == Key::Right || press.key == Key::Home || press.key == Key::End ||
             press.key == Key::Plus || press.key == Key::Minus) &&
            !press.ctrl;
        if (!typing) {
            kept.push_back(press);
        }
    }
    presses_ = std::move(kept);
    consumed_.clear();
}

int FrameInput::takeOptionShortcut(int optionCount) {
    consumed_.resize(presses_.size(), false);
    for (std::size_t i = 0; i < presses_.size(); ++i) {
        const KeyPress& press = presses_[i];
        if (consumed_[i] || press.ctrl || press.alt) {
            continue;
        }
        int index = letterIndex(press.key);
        if (index < 0) {
            index = digitIndex(press.key);
        }
        if (index >= 0 && index < optionCount) {
            consumed_[i] = true;
            return index;
        }
    }
    return -1;
}

}  // namespace passerelles::ui

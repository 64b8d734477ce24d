// SDL key events to UI keys. Letters follow the keyboard layout (the key marked A is A, on AZERTY too);
// digits follow the physical top row, since on AZERTY it types & é " ' ( without Shift.
#include "app/key_mapping.hpp"

namespace passerelles::app {

std::optional<ui::KeyPress> keyPressFromSdl(const SDL_KeyboardEvent& event) {
    using ui::Key;
    ui::KeyPress press;
    const Uint16 modifiers = event.keysym.mod;
    press.ctrl = (modifiers & KMOD_CTRL) != 0;
    press.shift = (modifiers & KMOD_SHIFT) != 0;
    press.alt = (modifiers & KMOD_ALT) != 0;
    const SDL_Keycode code = event.keysym.sym;
    const SDL_Scancode scan = event.keysym.scancode;
    if (code >= SDLK_a && code <= SDLK_z) {
        press.key = static_cast<Key>(static_cast<int>(Key::A) + (code - SDLK_a));
        return press;
    }
    if (code == SDLK_PLUS || code == SDLK_KP_PLUS || code == SDLK_EQUALS) {
        press.key = Key::Plus;
        return press;
    }
    if (code == SDLK_MINUS || code == SDLK_KP_MINUS) {
        press.key = Key::Minus;
        return press;
    }
    if (scan >= SDL_SCANCODE_1 && scan <= SDL_SCANCODE_9) {
        press.key = static_cast<Key>(static_cast<int>(Key::Digit1) + (scan - SDL_SCANCODE_1));
        return press;
    }
    if (scan == SDL_SCANCODE_0 || scan == SDL_SCANCODE_KP_0) {
        press.key = Key::Digit0;
        return press;
    }
    if (scan >= SDL_SCANCODE_KP_1 && scan <= SDL_SCANCODE_KP_9) {
        press.key = static_cast<Key>(static_cast<int>(Key::Digit1) + (scan - SDL_SCANCODE_KP_1));
        return press;
    }
    switch (code) {
        case SDLK_RETURN:
        case SDLK_KP_ENTER:
            press.key = Key::Enter;
            break;
        case SDLK_ESCAPE:
            press.key = Key::Escape;
            break;
        case SDLK_SPACE:
            press.key = Key::Space;
            break;
        case SDLK_BACKSPACE:
            press.key = Key::Backspace;
            break;
        case SDLK_TAB:
            press.key = Key::Tab;
            break;
        case SDLK_LEFT:
            press.key = Key::Left;
            break;
        case SDLK_RIGHT:
            press.key = Key::Right;
            break;
        case SDLK_UP:
            press.key = Key::Up;
            break;
        case SDLK_DOWN:
            press.key = Key::Down;
            break;
        case SDLK_PAGEUP:
            press.key = Key::PageUp;
            break;
        case SDLK_PAGEDOWN:
            press.key = Key::PageDown;
            break;
        case SDLK_HOME:
            press.key = Key::Home;
            break;
        case SDLK_END:
            press.key = Key::End;
            break;
        case SDLK_F1:
            press.key = Key::F1;
            break;
        case SDLK_F11:
            press.key = Key::F11;
            break;
        default:
            return std::nullopt;
    }
    return press;
}

}  // namespace passerelles::app

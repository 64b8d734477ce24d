// Translates SDL key events into the UI's named keys.
#pragma once

#include <optional>

#include <SDL.h>

#include "ui/input.hpp"

namespace passerelles::app {

std::optional<ui::KeyPress> keyPressFromSdl(const SDL_KeyboardEvent& event);

}  // namespace passerelles::app

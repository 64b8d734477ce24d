// Reads the renderer's pixels back and writes them as a PNG (tests, demos, documentation).
#pragma once

#include <string>

struct SDL_Renderer;

namespace passerelles::app {

// Returns an empty string on success, else a French message.
std::string writeScreenshot(SDL_Renderer* renderer, const std::string& path);

}  // namespace passerelles::app

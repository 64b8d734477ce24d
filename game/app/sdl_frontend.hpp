// The window and the main loop: SDL events in, ImGui frames out through SDL_Renderer.
#pragma once

#include <filesystem>

#include "app/command_line.hpp"

namespace passerelles::app {

// Runs until the window is closed (or for --frames N); returns the process exit code.
int runApp(const Options& options, const std::filesystem::path& executable);

}  // namespace passerelles::app

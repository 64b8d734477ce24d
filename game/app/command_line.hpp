// The options of the passerelles executable (kept stable: tests and demos rely on them).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "ui/input.hpp"

namespace passerelles::app {

struct Options {
    std::string contentDirectory;  // empty: the bundled content
    std::string dataDirectory;     // empty: $XDG_DATA_HOME/passerelles
    std::string open = "home";
    std::string profile;  // "": ask (or guest for an --open target); "guest"; or a profile name
    std::vector<ui::KeyPress> keys;
    int frames = 0;  // 0: run until the window is closed
    std::string screenshot;
    int width = 1280;
    int height = 720;
    float textScale = 1.0f;
    int roomPort = 8080;  // the live room's HTTP and WebSocket port
    // The workshop's audience window (the projector): on display N (−1: the second one when there are two),
    // full screen unless a size is given; its last frame as PNG.
    int audienceDisplay = -1;
    int audienceWidth = 0;
    int audienceHeight = 0;
    std::string audienceScreenshot;
    bool fullscreen = false;
    bool help = false;
    bool setPin = false;  // --set-pin: the booth's PIN read from standard input, saved, then exit
};

// On a usage error, returns nullopt and sets `error` to a French sentence.
std::optional<Options> parseCommandLine(const std::vector<std::string>& arguments, std::string& error);
const char* usageText();

}  // namespace passerelles::app

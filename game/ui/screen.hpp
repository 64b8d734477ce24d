// What every screen is given and must provide: a thin view that draws a state and sends events.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <imgui.h>

#include "core/content/glossary.hpp"
#include "core/loading/pack_loader.hpp"
#include "core/progress/progress_service.hpp"
#include "ui/fonts.hpp"
#include "ui/input.hpp"
#include "ui/rich_text.hpp"

namespace passerelles::ui {

class Screen;

struct Settings {
    float textScale = 1.0f;  // the user's text size, 0.8 to 1.6
    bool fullscreen = false;
    bool kiosk = false;   // the forum booth: visitors cannot leave full screen or close the window
    int roomPort = 8080;  // the live room (phones): first port tried; 0 lets the system choose (tests)
    // A second window shows the room's view (the workshop on a projector): the main window then shows the
    // trainer's view only. Without it, one window shows the room's view and the trainer's as an overlay.
    bool audienceWindow = false;
};

// Textures for pack images; the app provides one, headless tests do without (images are then skipped).
class ImageSource {
  public:
    virtual ~ImageSource() = default;
    // Texture and pixel size of an image file, or a null texture when it cannot be shown.
    virtual ImTextureID texture(const std::string& path, ImVec2& size) = 0;
};

// Everything a screen can reach besides its own state.
struct Services {
    const ContentLibrary& library;
    const Glossary& glossary;
    Settings& settings;
    FontSet& fonts;
    RichText& text;
    AcronymsOnScreen& acronyms;
    std::function<double()> now;  // monotonic seconds
    ProgressService& progress;
    ImageSource* images = nullptr;
    std::vector<std::string> startupMessages;  // shown on the home screen (missing font, bad option…)
    // Called by the screen host before each frame: puts packs loaded in the background in place.
    std::function<void()> pollContent;
    bool contentLoading = false;  // packs still loading in the background (the host then wakes often)
    // The seed of a new play's option shuffle (quiz, review); nullopt keeps the files' order (tests that
    // press the booklet's letters). Set by the session from SessionOptions.
    std::function<std::optional<std::uint64_t>()> playSeed;
    // Opens a file or a folder with the system's program (a browser, the file manager): the app gives one
    // (SDL_OpenURL: xdg-open on Linux, ShellExecuteW on Windows), tests give one that only records. Empty:
    // nothing can be opened. Returns false with a French message in `error`.
    std::function<bool(const std::filesystem::path&, std::string& error)> openWithSystem = {};
};

// Screen changes requested during a frame, applied by the host once the frame is drawn.
class Navigator {
  public:
    void push(std::unique_ptr<Screen> screen);
    void pop();
    void replace(std::unique_ptr<Screen> screen);  // the current screen by another
    void resetTo(std::unique_ptr<Screen> screen);  // the whole stack by one screen (back home)
    void quit() { quitRequested_ = true; }
    bool quitRequested() const { return quitRequested_; }

    struct Request {
        enum class Kind { Push, Pop, Replace, Reset } kind;
        std::unique_ptr<Screen> screen;
    };
    std::vector<Request> takeRequests() { return std::move(requests_); }

  private:
    std::vector<Request> requests_;
    bool quitRequested_ = false;
};

// Sizes derived from the window and the text size, so that screens scale from laptop to projector.
struct Layout {
    ImVec2 display;
    float unit = 22.0f;  // body text size in pixels
    float margin = 24.0f;
    float columnWidth = 800.0f;  // readable line length, centred
    float columnX = 0.0f;        // left edge of the column, in window coordinates
};

struct Frame {
    Services& services;
    Navigator& navigator;
    FrameInput& input;
    Layout layout;
};

enum class Chrome {
    Standard,  // header with the title and "Retour (Échap)"
    Bare,      // nothing but the screen: presenter view, booth
    Room,      // nothing but the screen, which lays itself out to fit the window: never a scrollbar
};

class Screen {
  public:
    virtual ~Screen() = default;
    virtual std::string title() const = 0;
    // Draws the screen's content inside the host's scrolling region and handles its keys.
    virtual void draw(Frame& frame) = 0;
    virtual Chrome chrome() const { return Chrome::Standard; }
    // Whether the screen draws in `fonts.display`, the largest type: the host then has it built before the
    // screen's first frame (it is left out of the atlas until then, see FontSet::ensureSize). Rooms and the
    // booth do; a standard screen that does says so.
    virtual bool usesDisplayFont() const { return chrome() != Chrome::Standard; }
    // Esc or the back button: return true when the screen handled it (closed a dialog…);
    // otherwise the host leaves the screen.
    virtual bool handleBack(Frame&) { return false; }
    // Seconds until the screen must be redrawn with no input (a timer), or a negative value.
    virtual double secondsUntilWake(double /*now*/) const { return -1.0; }
    // Called when the screen comes (back) on top: refresh what other screens may have changed.
    virtual void onShow(Services&) {}
    // A short name for tests and logs: "home", "quiz"…
    virtual std::string kind() const = 0;
    // The room's view of the same state, drawn in the audience window (the projector), with no input of
    // its own: returns false when the screen has none (the window then shows a neutral page).
    virtual bool drawAudience(Frame&) { return false; }
};

}  // namespace passerelles::ui

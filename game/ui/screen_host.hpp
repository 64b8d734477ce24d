// Owns the screen stack and draws one frame: window, header, scrolling content, global keys, overlays.
#pragma once

#include <cstdint>
#include <memory>
#include <vector>

#include "ui/screen.hpp"

namespace passerelles::ui {

// Body text size in the audience window: 28 px at 1080p (20 px at 1024×768, 19 px at 1280×720), scaled by
// the user's setting; statements and headings are larger, and shrink towards it when a page is full.
float audienceBaseFontSize(float width, float height, float userScale);

class ScreenHost {
  public:
    ScreenHost(Services& services, std::unique_ptr<Screen> first);
    ~ScreenHost();
    ScreenHost(const ScreenHost&) = delete;
    ScreenHost& operator=(const ScreenHost&) = delete;

    // Before ImGui::NewFrame: builds the fonts for this window size. Returns true when the font
    // atlas changed (the renderer must then upload it again).
    bool prepare(ImVec2 displaySize);
    // Between ImGui::NewFrame and ImGui::Render.
    void frame(FrameInput& input);

    Screen& top() { return *stack_.back(); }
    std::size_t depth() const { return stack_.size(); }
    bool quitRequested() const { return navigator_.quitRequested(); }
    // Seconds until a screen timer needs a frame, or a negative value when only input matters.
    double secondsUntilWake() const;
    Navigator& navigator() { return navigator_; }
    // Applies navigation requested outside a frame (opening the --open target at start).
    void applyPending() { applyRequests(); }

    // ---- The audience window (the workshop's projector): a second ImGui context, current while these
    // are called, with its own fonts built for that window's size (a projector and a laptop differ).
    void enableAudienceWindow();
    bool audienceWindowEnabled() const { return audience_ != nullptr; }
    // Before ImGui::NewFrame in the audience context; true when its font atlas changed.
    bool prepareAudience(ImVec2 displaySize);
    // Between NewFrame and Render in the audience context: the top screen's audience view, or a neutral page.
    void frameAudience();

  private:
    struct Audience;
    Layout computeLayout(ImVec2 display, const FontSet& fonts) const;
    void handleGlobalKeys(Frame& frame);
    void drawHeader(Frame& frame);
    void drawSaveBanner(Frame& frame, const Screen& screen);
    void drawGlossaryOverlay(Frame& frame);
    void drawQuitDialog(Frame& frame);
    void applyRequests();

    Services& services_;
    Navigator navigator_;
    const Screen* titled_ = nullptr;  // the screen whose title the header keeps in title_
    std::string title_;
    std::vector<std::unique_ptr<Screen>> stack_;
    bool glossaryOpen_ = false;
    bool quitDialogOpen_ = false;
    bool backRequested_ = false;
    const Screen* shownTop_ = nullptr;
    std::unique_ptr<Audience> audience_;
    std::uint64_t dismissedSaveProblem_ = 0;  // the key of the save problem the learner dismissed
};

}  // namespace passerelles::ui

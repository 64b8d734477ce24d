// Runs UI frames with no window and no renderer: for UI tests, the booth soak test and the benchmark.
#pragma once

#include <memory>
#include <string>

#include <imgui.h>

#include "ui/session.hpp"

struct ImGuiContext;

namespace passerelles::ui {

class HeadlessUi {
  public:
    HeadlessUi(SessionOptions options, ImVec2 displaySize);
    ~HeadlessUi();
    HeadlessUi(const HeadlessUi&) = delete;
    HeadlessUi& operator=(const HeadlessUi&) = delete;

    // One frame: NewFrame, the host's frame with these keys, Render (nothing is drawn to pixels).
    void frame(FrameInput input = {});
    void frames(int count);
    void press(const std::string& keyName);
    // Types text into the focused text field (as the SDL backend would on text input events).
    void type(const std::string& text);
    // Moves the mouse to `position`, presses and releases over two frames: a click as ImGui sees it.
    void click(ImVec2 position);
    void resize(ImVec2 displaySize);

    // The audience window (the workshop's projector), as the app opens it: a second ImGui context with its
    // own font atlas. After this, frame() also draws the audience window, right after the main one, and
    // probe::texts() holds the audience window's texts only.
    void openAudienceWindow(ImVec2 displaySize);
    bool audienceWindowOpen() const { return audienceContext_ != nullptr; }
    void resizeAudience(ImVec2 displaySize) { audienceDisplay_ = displaySize; }
    // The audience window's last frame, and its ImGui context (for tests that look inside it).
    ImDrawData* audienceDrawData();
    ImGuiContext* audienceContext() { return audienceContext_; }

    Session& session() { return *session_; }
    Screen& screen() { return session_->host().top(); }
    ImDrawData* drawData() { return ImGui::GetDrawData(); }
    void setTime(double seconds) { now_ = seconds; }
    double time() const { return now_; }

  private:
    void audienceFrame();

    ImGuiContext* context_ = nullptr;
    ImGuiContext* audienceContext_ = nullptr;
    ImVec2 audienceDisplay_;
    std::unique_ptr<Session> session_;
    ImVec2 display_;
    double now_ = 0.0;
};

}  // namespace passerelles::ui

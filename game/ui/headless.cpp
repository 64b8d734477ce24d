// Headless frames: ImGui without a backend, as Dear ImGui's example_null does.
#include "ui/headless.hpp"

#include <stdexcept>

#include "ui/probe.hpp"

namespace passerelles::ui {

HeadlessUi::HeadlessUi(SessionOptions options, ImVec2 displaySize) : display_(displaySize) {
    IMGUI_CHECKVERSION();
    context_ = ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.DisplaySize = displaySize;
    if (!options.clock) {
        options.clock = [this] { return now_; };
    }
    session_ = std::make_unique<Session>(std::move(options));
}

HeadlessUi::~HeadlessUi() {
    session_.reset();
    if (audienceContext_ != nullptr) {
        ImGui::DestroyContext(audienceContext_);
    }
    ImGui::DestroyContext(context_);
}

void HeadlessUi::openAudienceWindow(ImVec2 displaySize) {
    audienceDisplay_ = displaySize;
    if (audienceContext_ == nullptr) {
        audienceContext_ = ImGui::CreateContext();
        ImGui::SetCurrentContext(audienceContext_);
        ImGui::GetIO().IniFilename = nullptr;
        ImGui::SetCurrentContext(context_);
    }
    session_->host().enableAudienceWindow();
}

void HeadlessUi::audienceFrame() {
    ImGui::SetCurrentContext(audienceContext_);
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = audienceDisplay_;
    io.DeltaTime = 1.0f / 60.0f;
    session_->host().prepareAudience(audienceDisplay_);
    unsigned char* pixels = nullptr;
    int width = 0;
    int height = 0;
    io.Fonts->GetTexDataAsRGBA32(&pixels, &width, &height);
    ImGui::NewFrame();
    session_->host().frameAudience();
    ImGui::Render();
    ImGui::SetCurrentContext(context_);
}

ImDrawData* HeadlessUi::audienceDrawData() {
    if (audienceContext_ == nullptr) {
        return nullptr;
    }
    ImGui::SetCurrentContext(audienceContext_);
    ImDrawData* data = ImGui::GetDrawData();
    ImGui::SetCurrentContext(context_);
    return data;
}

void HeadlessUi::frame(FrameInput input) {
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = display_;
    io.DeltaTime = 1.0f / 60.0f;
    now_ += io.DeltaTime;
    session_->host().prepare(display_);
    unsigned char* pixels = nullptr;
    int width = 0;
    int height = 0;
    io.Fonts->GetTexDataAsRGBA32(&pixels, &width, &height);  // a backend would upload it here
    probe::beginFrame();
    ImGui::NewFrame();
    session_->host().frame(input);
    ImGui::Render();
    if (audienceContext_ != nullptr) {
        probe::beginFrame();  // from here, probe::texts() are what the room sees
        audienceFrame();
    }
}

void HeadlessUi::frames(int count) {
    for (int i = 0; i < count; ++i) {
        frame();
    }
}

void HeadlessUi::press(const std::string& keyName) {
    const auto key = parseKeyPress(keyName);
    if (!key) {
        throw std::invalid_argument("touche inconnue : " + keyName);
    }
    frame(FrameInput({*key}));
}

void HeadlessUi::type(const std::string& text) {
    ImGui::GetIO().AddInputCharactersUTF8(text.c_str());
    frame();
}

void HeadlessUi::click(ImVec2 position) {
    ImGuiIO& io = ImGui::GetIO();
    io.MousePos = position;
    frame();
    io.MouseDown[0] = true;
    frame();
    io.MouseDown[0] = false;
    frame();
}

void HeadlessUi::resize(ImVec2 displaySize) {
    display_ = displaySize;
}

}  // namespace passerelles::ui

// The booth's shared state, its idle clock, the trainer's key combination and the PIN pad.
#include "ui/screens/borne_session.hpp"

#include <cfloat>
#include <cmath>
#include <cstring>
#include <ctime>

#include <imgui.h>

#include "core/base/text.hpp"
#include "ui/fills.hpp"
#include "ui/probe.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

namespace passerelles::ui {

BorneSession::BorneSession(const ContentLibrary& library, const std::filesystem::path& folder)
    : keptPacks(library.usablePacks()), dataDirectory(folder), random(std::random_device{}()) {
    for (const auto& pack : keptPacks) {
        packs.push_back(pack.get());
    }
    if (!dataDirectory.empty()) {
        auto read = loadBorneSettings(dataDirectory / "borne.json");
        settings = std::move(read.settings);
        notice = std::move(read.notice);
        store = std::make_unique<BorneStore>(dataDirectory);
        if (!store->error().empty()) {
            notice += (notice.empty() ? "" : "\n") + store->error();
        }
        lockout = PinLockout(store->pinLockout());
    } else {
        notice = "Aucun dossier de données : les réglages et les compteurs de la borne ne seront pas gardés.";
    }
    rebuildPool();
}

IoResult<void> BorneSession::saveSettings() const {
    if (dataDirectory.empty()) {
        return IoError{"Aucun dossier de données : les réglages valent jusqu’à la fermeture du programme.",
                       FileProblem::Missing};
    }
    return saveBorneSettings(dataDirectory / "borne.json", settings);
}

void BorneSession::saveLockout() {
    if (store) {
        store->savePinLockout(lockout.state());
    }
}

std::int64_t BorneSession::wallSeconds(double now) {
    if (!clockOrigin_) {
        clockOrigin_.emplace(static_cast<std::int64_t>(std::time(nullptr)), now);
    }
    return clockOrigin_->first + static_cast<std::int64_t>(std::floor(now - clockOrigin_->second));
}

std::string BorneSession::today() const {
    return formatLocalTimeNow("%Y-%m-%d");
}

bool BorneSession::idle(Frame& frame) {
    const double now = frame.services.now();
    const ImGuiIO& io = ImGui::GetIO();
    const bool touched = !frame.input.empty() || io.MouseClicked[0] || io.MouseDown[0] ||
                         io.MouseDelta.x != 0.0f || io.MouseDelta.y != 0.0f || io.MouseWheel != 0.0f;
    if (touched || lastActivity <= 0.0) {
        lastActivity = now;
        return false;
    }
    return now - lastActivity >= settings.idleSeconds;
}

double BorneSession::secondsUntilIdle(double now) const {
    return std::max(0.0, lastActivity + settings.idleSeconds - now);
}

bool takeTrainerCombination(Frame& frame) {
    for (const KeyPress& press : frame.input.presses()) {
        if (press.key == Key::B && press.ctrl && press.shift) {
            return frame.input.takeWithCtrl(Key::B);
        }
    }
    return false;
}

float boothButtonHeight(Frame& frame, ImFont* font) {
    return std::max(font->FontSize * 1.9f, frame.layout.unit * 2.8f);
}

bool boothButton(Frame& frame, const char* label, ImVec2 size, ImFont* font, ButtonStyle style,
                 bool enabled) {
    const float unit = frame.layout.unit;
    const char* hidden = std::strstr(label, "##");
    const char* labelEnd = hidden != nullptr ? hidden : label + std::strlen(label);
    const ImVec2 position = ImGui::GetCursorScreenPos();
    ImGui::PushID(label);
    const bool clicked = ImGui::InvisibleButton("##booth", size) && enabled;
    const bool pressed = ImGui::IsItemActive() && enabled;
    ImGui::PopID();
    if (probe::enabled()) {
        probe::record("button:" + std::string(label, labelEnd), ImGui::GetItemRectMin(),
                      ImGui::GetItemRectMax());
    }
    ImU32 fill = style == ButtonStyle::Primary ? theme::kPrimary : theme::kSurface;
    ImU32 text = style == ButtonStyle::Primary ? IM_COL32_WHITE : theme::kPrimary;
    if (!enabled) {
        fill = theme::kSurfaceMuted;
        text = theme::kTextMuted;
    } else if (pressed) {
        fill = style == ButtonStyle::Primary ? IM_COL32(0x29, 0x61, 0x99, 0xFF) : theme::kPrimarySoft;
    }
    ImDrawList* drawList = ImGui::GetWindowDrawList();
    const ImVec2 end(position.x + size.x, position.y + size.y);
    fillRoundedRect(*drawList, position, end, fill, unit * 0.4f);
    outlineRoundedRect(*drawList, position, end, enabled ? theme::kPrimary : theme::kBorder, unit * 0.4f,
                       std::max(2.0f, unit / 10.0f));
    // A label wider than its button is drawn smaller rather than past the edges.
    float fontSize = font->FontSize;
    ImVec2 textSize = font->CalcTextSizeA(fontSize, FLT_MAX, 0.0f, label, labelEnd);
    const float room = size.x - unit * 0.8f;
    if (textSize.x > room && textSize.x > 0.0f) {
        fontSize *= room / textSize.x;
        textSize = font->CalcTextSizeA(fontSize, FLT_MAX, 0.0f, label, labelEnd);
    }
    drawList->AddText(font, fontSize,
                      ImVec2(position.x + std::max(0.0f, (size.x - textSize.x) * 0.5f),
                             position.y + (size.y - textSize.y) * 0.5f),
                      text, label, labelEnd);
    return clicked;
}

bool pinPad(Frame& frame, std::string& pin) {
    const float unit = frame.layout.unit;
    for (int digit = 0; digit <= 9; ++digit) {
        if (frame.input.take(static_cast<Key>(static_cast<int>(Key::Digit0) + digit)) && pin.size() < 8) {
            pin += static_cast<char>('0' + digit);
        }
    }
    if (frame.input.take(Key::Backspace) && !pin.empty()) {
        pin.pop_back();
    }
    // The digits as dots: someone looking over the trainer's shoulder sees only how many.
    std::string shown;
    for (std::size_t i = 0; i < pin.size(); ++i) {
        shown += "\xE2\x97\x8F ";  // ●
    }
    beginPanel(frame, theme::kSurface, theme::kBorder, unit * 16.0f);
    heading(frame, shown.empty() ? "\xE2\x80\x94" : shown, frame.services.fonts.title);
    endPanel(frame);
    verticalSpace(frame, 0.3f);
    const float key = unit * 4.2f;
    const char* rows[4][3] = {{"1", "2", "3"}, {"4", "5", "6"}, {"7", "8", "9"}, {"\xE2\x86\x90", "0", "OK"}};
    bool validated = false;
    for (const auto& row : rows) {
        for (int c = 0; c < 3; ++c) {
            if (c > 0) {
                ImGui::SameLine(0.0f, unit * 0.4f);
            }
            const std::string label = row[c];
            const ButtonStyle style = label == "OK" ? ButtonStyle::Primary : ButtonStyle::Secondary;
            if (button(frame, label.c_str(), key, style)) {
                if (label == "OK") {
                    validated = true;
                } else if (label == "0" || (label.size() == 1 && label[0] >= '1' && label[0] <= '9')) {
                    if (pin.size() < 8) {
                        pin += label;
                    }
                } else if (!pin.empty()) {
                    pin.pop_back();
                }
            }
        }
    }
    return validated || frame.input.take(Key::Enter);
}

}  // namespace passerelles::ui

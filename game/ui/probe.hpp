// Records where interactive widgets were drawn, so headless UI tests can click them by name, and the
// texts drawn, so that they can check what a screen says.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <imgui.h>

namespace passerelles::ui::probe {

void enable(bool on);
bool enabled();
void record(const std::string& name, ImVec2 min, ImVec2 max);
// Centre of the widget drawn last under `name`, if any (cleared at each enable()).
std::optional<ImVec2> centre(const std::string& name);
// Its corners (minimum, maximum), in screen pixels.
std::optional<std::pair<ImVec2, ImVec2>> rectangle(const std::string& name);
// Every name recorded since the last enable(), sorted (random clicks in tests aim at real widgets too).
std::vector<std::string> names();
// Texts drawn through RichText (paragraphs, headings, source lines) during the last frame, as given;
// HeadlessUi calls beginFrame() before each frame.
void beginFrame();
void recordText(std::string_view text);
const std::vector<std::string>& texts();
// Whether some text drawn during the last frame contains `needle`.
bool shown(std::string_view needle);

}  // namespace passerelles::ui::probe

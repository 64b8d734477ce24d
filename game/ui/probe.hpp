// Records where interactive widgets were drawn, so headless UI tests can click them by name.
#pragma once

#include <map>
#include <optional>
#include <string>

#include <imgui.h>

namespace passerelles::ui::probe {

void enable(bool on);
bool enabled();
void record(const std::string& name, ImVec2 min, ImVec2 max);
// Centre of the widget drawn last under `name`, if any (cleared at each enable()).
std::optional<ImVec2> centre(const std::string& name);

}  // namespace passerelles::ui::probe

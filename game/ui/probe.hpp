// Records where interactive widgets were drawn, so headless UI tests can click them by name.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include <imgui.h>

namespace passerelles::ui::probe {

void enable(bool on);
bool enabled();
void record(const std::string& name, ImVec2 min, ImVec2 max);
// Centre of the widget drawn last under `name`, if any (cleared at each enable()).
std::optional<ImVec2> centre(const std::string& name);
// Every name recorded since the last enable(), sorted (random clicks in tests aim at real widgets too).
std::vector<std::string> names();

}  // namespace passerelles::ui::probe

// Widget rectangles for tests; off (and free) in the program.
#include "ui/probe.hpp"

namespace passerelles::ui::probe {

namespace {

bool gEnabled = false;
std::map<std::string, std::pair<ImVec2, ImVec2>>& rectangles() {
    static std::map<std::string, std::pair<ImVec2, ImVec2>> map;
    return map;
}

}  // namespace

void enable(bool on) {
    gEnabled = on;
    rectangles().clear();
}

bool enabled() {
    return gEnabled;
}

void record(const std::string& name, ImVec2 min, ImVec2 max) {
    if (gEnabled) {
        rectangles()[name] = {min, max};
    }
}

std::optional<ImVec2> centre(const std::string& name) {
    const auto found = rectangles().find(name);
    if (found == rectangles().end()) {
        return std::nullopt;
    }
    const auto& [min, max] = found->second;
    return ImVec2((min.x + max.x) * 0.5f, (min.y + max.y) * 0.5f);
}

std::vector<std::string> names() {
    std::vector<std::string> list;
    for (const auto& [name, unused] : rectangles()) {
        list.push_back(name);
    }
    return list;
}

}  // namespace passerelles::ui::probe

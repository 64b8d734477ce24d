// Widget rectangles for tests; off (and free) in the program.
#include "ui/probe.hpp"

namespace passerelles::ui::probe {

namespace {

bool gEnabled = false;
std::map<std::string, std::pair<ImVec2, ImVec2>>& rectangles() {
    static std::map<std::string, std::pair<ImVec2, ImVec2>> map;
    return map;
}

std::vector<std::string>& drawnTexts() {
    static std::vector<std::string> list;
    return list;
}

}  // namespace

void enable(bool on) {
    gEnabled = on;
    rectangles().clear();
    drawnTexts().clear();
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

std::optional<std::pair<ImVec2, ImVec2>> rectangle(const std::string& name) {
    const auto found = rectangles().find(name);
    if (found == rectangles().end()) {
        return std::nullopt;
    }
    return found->second;
}

std::vector<std::string> names() {
    std::vector<std::string> list;
    for (const auto& [name, unused] : rectangles()) {
        list.push_back(name);
    }
    return list;
}

void beginFrame() {
    drawnTexts().clear();
}

void recordText(std::string_view text) {
    if (gEnabled) {
        drawnTexts().emplace_back(text);
    }
}

const std::vector<std::string>& texts() {
    return drawnTexts();
}

bool shown(std::string_view needle) {
    for (const auto& text : drawnTexts()) {
        if (text.find(needle) != std::string::npos) {
            return true;
        }
    }
    return false;
}

}  // namespace passerelles::ui::probe

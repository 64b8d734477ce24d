// Runs passerelles-pack commands in-process with their output captured, for the tool tests.
#pragma once

#include <sstream>
#include <string>
#include <vector>

#include "tools/pack/commands.hpp"

namespace passerelles::testing {

struct ToolRun {
    int code;
    std::string out;
    std::string err;
};

inline ToolRun runTool(const std::vector<std::string>& arguments) {
    std::ostringstream out;
    std::ostringstream err;
    const int code = packtool::run(arguments, out, err);
    return {code, out.str(), err.str()};
}

}  // namespace passerelles::testing

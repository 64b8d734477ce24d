// The pack tool's commands, callable from tests with their own streams.
#pragma once

#include <ostream>
#include <string>
#include <vector>

namespace passerelles::packtool {

// Exit codes: 0 success (valid pack), 1 content problems, 2 usage error.
int run(const std::vector<std::string>& arguments, std::ostream& out, std::ostream& err);

}  // namespace passerelles::packtool

// Entry point of the passerelles executable: parse the command line, then run the window.
#include <cstdio>
#include <string>
#include <vector>

#include "app/command_line.hpp"
#include "app/sdl_frontend.hpp"

int main(int argc, char** argv) {
    const std::vector<std::string> arguments(argv + 1, argv + argc);
    std::string error;
    const auto options = passerelles::app::parseCommandLine(arguments, error);
    if (!options) {
        std::fprintf(stderr, "passerelles : %s\n\n%s", error.c_str(), passerelles::app::usageText());
        return 2;
    }
    if (options->help) {
        std::fputs(passerelles::app::usageText(), stdout);
        return 0;
    }
    return passerelles::app::runApp(*options, argv[0]);
}

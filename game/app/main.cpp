// Entry point of the passerelles executable: parse the command line, then run the window.
#include <cstdio>
#include <iostream>
#include <string>
#include <vector>

#ifdef _WIN32
// SDL2main's WinMain calls this main (renamed SDL_main) with the command line in UTF-8.
#include <SDL.h>
#include <io.h>
#else
#include <unistd.h>
#endif

#include "app/command_line.hpp"
#include "app/content_paths.hpp"
#include "app/sdl_frontend.hpp"
#include "core/borne/borne.hpp"

namespace {

// passerelles --borne --set-pin: no window; the PIN comes on standard input so that it is not left in the
// shell's history or in the list of processes.
int setBornePinFromInput(const passerelles::app::Options& options) {
    const auto data = passerelles::app::dataDirectory(options.dataDirectory);
    if (data.empty()) {
        std::fputs(
            "passerelles : impossible de savoir où ranger vos données : indiquez --data-dir DOSSIER.\n",
            stderr);
        return 2;
    }
#ifdef _WIN32
    const bool typedAtKeyboard = ::_isatty(::_fileno(stdin)) != 0;
#else
    const bool typedAtKeyboard = ::isatty(STDIN_FILENO) != 0;
#endif
    if (typedAtKeyboard) {
        std::fputs("Code de la borne (4 à 8 chiffres), puis Entrée : ", stderr);
    }
    std::string typed;
    std::getline(std::cin, typed);
    const auto saved = passerelles::setBornePin(data, typed);
    const std::string& message = saved.ok() ? saved.value() : saved.error().message;
    std::fprintf(saved.ok() ? stdout : stderr, "%s\n", message.c_str());
    return saved.ok() ? 0 : 1;
}

}  // namespace

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
    if (options->setPin) {
        return setBornePinFromInput(*options);
    }
    return passerelles::app::runApp(*options, passerelles::app::runningExecutable(argv[0]));
}

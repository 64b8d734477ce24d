// passerelles-pack: validate, list and describe content packs from the command line (for trainers).
#include <cstdio>
#include <iostream>
#include <string>
#include <vector>

#include "tools/pack/commands.hpp"

int main(int argc, char** argv) {
    std::vector<std::string> arguments(argv + 1, argv + argc);
    return passerelles::packtool::run(arguments, std::cout, std::cerr);
}

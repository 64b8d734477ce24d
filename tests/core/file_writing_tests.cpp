// Tests of the atomic file writer: whole or absent, and never through a link planted beside the target.
#include <doctest/doctest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "core/base/file_writing.hpp"
#include "support/test_support.hpp"

using namespace passerelles;
using namespace passerelles::testing;

#ifndef _WIN32  // symbolic links: Windows grants them to administrators only, and has no planted-link attack
TEST_CASE("the atomic writer never follows a link planted at a temporary name (issue 23, item 3)") {
    TemporaryFolder root;
    const auto folder = root.path() / "pack";
    const auto outside = root.path() / "dehors";
    std::filesystem::create_directories(folder);
    std::filesystem::create_directories(outside);
    const auto target = folder / "quiz.json";
    writeFile(target, "ancien");

    // The old fixed name and a few plausible others, each a link to its own file outside the folder.
    const std::vector<std::string> names = {"quiz.json.part", "quiz.json.tmp", ".quiz.json.part",
                                            "quiz.json~",     "quiz.json.new", ".quiz.json.tmp"};
    std::vector<std::filesystem::path> victims;
    for (std::size_t i = 0; i < names.size(); ++i) {
        const auto victim = outside / ("victime-" + std::to_string(i));
        writeFile(victim, "intact");
        std::filesystem::create_symlink(victim, folder / names[i]);
        victims.push_back(victim);
    }

    REQUIRE(writeFileAtomically(target, "nouveau contenu").ok());
    CHECK(readFile(target) == "nouveau contenu");
    CHECK_FALSE(std::filesystem::is_symlink(target));
    for (const auto& victim : victims) {
        CHECK(readFile(victim) == "intact");
    }
    // The planted links are left alone; nothing else is left behind.
    std::size_t entries = 0;
    for ([[maybe_unused]] const auto& entry : std::filesystem::directory_iterator(folder)) {
        ++entries;
    }
    CHECK(entries == names.size() + 1);
}

TEST_CASE("the atomic writer replaces a link at the target itself instead of writing through it") {
    TemporaryFolder root;
    const auto victim = root.path() / "victime";
    writeFile(victim, "intact");
    const auto target = root.path() / "rapport.html";
    std::filesystem::create_symlink(victim, target);
    REQUIRE(writeFileAtomically(target, "rapport").ok());
    CHECK(readFile(victim) == "intact");
    CHECK_FALSE(std::filesystem::is_symlink(target));
    CHECK(readFile(target) == "rapport");
}
#endif

TEST_CASE("a failed atomic write says which file and leaves no temporary file") {
    TemporaryFolder root;
    const auto folder = root.path() / "dossier";
    std::filesystem::create_directories(folder);
    const auto target = folder / "absent" / "plan.json";  // its folder does not exist
    const auto written = writeFileAtomically(target, "x");
    REQUIRE_FALSE(written.ok());
    CHECK(written.error().message.find("plan.json") != std::string::npos);
    CHECK(std::filesystem::is_empty(folder));

    // A target that is a folder: the rename fails, the temporary file is removed.
    const auto busy = folder / "occupé";
    std::filesystem::create_directories(busy / "dedans");
    CHECK_FALSE(writeFileAtomically(busy, "x").ok());
    std::size_t entries = 0;
    for ([[maybe_unused]] const auto& entry : std::filesystem::directory_iterator(folder)) {
        ++entries;
    }
    CHECK(entries == 1);
}

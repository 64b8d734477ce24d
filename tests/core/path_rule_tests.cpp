// The path rule of the fuzz harness (issue 22): every file or folder name built from text goes through
// fileNameSlug, whatever the text. Hostile values, and the rule's own check shown able to fail.
#include <doctest/doctest.h>

#include <string>

#include "fuzz/fuzz_harness.hpp"

using namespace passerelles::fuzzing;

TEST_CASE("the path rule flags raw hostile names, so that the harness can catch one") {
    CHECK_FALSE(pathRuleViolations("../../etc").empty());
    CHECK_FALSE(pathRuleViolations("/tmp/x").empty());
    CHECK_FALSE(pathRuleViolations("a\\b").empty());
    CHECK_FALSE(pathRuleViolations("..").empty());
    CHECK_FALSE(pathRuleViolations("nul").empty());
    CHECK_FALSE(pathRuleViolations("COM1.csv").empty());
    CHECK_FALSE(pathRuleViolations(std::string(300, 'a')).empty());
    CHECK(pathRuleViolations("2026-11-22-bourges").empty());
}

TEST_CASE("every hostile text becomes a name that holds the path rule once slugged") {
    const std::string hostile[] = {
        "../../..",
        "..",
        ".",
        "/etc/passwd",
        "C:\\Windows\\System32\\drivers",
        "\\\\serveur\\partage",
        "NUL",
        "nul",
        "Con",
        "aux.txt",
        "COM1",
        "lpt9",
        "com¹",
        std::string(300, 'x'),
        std::string(120, '.') + "/" + std::string(120, '.'),
        std::string("a\0b", 3),
        "\x1b[2J\x1b]0;titre\x07",
        "\xE2\x80\xAE"
        "fdp.exe",  // a right-to-left override
        "\xFF\xFE invalide",
        "Cœur de ville — L’Haÿ-les-Roses",
        "   ",
        "",
        "../" + std::string(50, 'a') + "/..",
        "-",
        "a/../../b",
    };
    for (const std::string& text : hostile) {
        CAPTURE(text);
        const auto broken = slugPathRuleViolations(text);
        CHECK_MESSAGE(broken.empty(), (broken.empty() ? "" : broken.front()));
    }
}

// What each fuzz target does with one input, shared by the libFuzzer binaries and by the doctest that replays
// the corpus and every input that once crashed (so a regression fails the ordinary test run too).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace passerelles::fuzzing {

// One target per entry point that reads data written outside the program.
enum class Target {
    Activity,  // the bytes are an activity file of a small valid pack: loader, validator, checker, runs
    Manifest,  // the bytes are the pack.json of a pack whose activity file is valid
    Glossary,  // the bytes are a shared glossary file (glossaire.json)
    Gift,      // the bytes are a Moodle GIFT file given to the importer
    Aiken,     // the bytes are an Aiken file
    Csv,       // the bytes are a spreadsheet exported as CSV
};

const std::vector<Target>& allTargets();
// "activity", "manifest", "glossary", "gift", "aiken", "csv": the corpus and regression folder names.
const char* targetName(Target target);

// Runs one input through the target. Returns the broken invariants, in English for the developer (empty when
// everything held); a crash or a sanitizer report is the other way an input fails.
std::vector<std::string> runInput(Target target, std::string_view bytes);

// The path rule: a file or folder name the program builds from text it was given (a pack's ids and
// titles, a plan's date and place, a profile's name) holds no separator, no "..", no device name
// (con, nul, com1…), only lowercase letters, digits and hyphens, and at most `maxLength` characters.
// The broken parts of the rule for `fileName` as it stands, empty when it holds.
std::vector<std::string> pathRuleViolations(std::string_view fileName, std::size_t maxLength = 40);
// The same for the name fileNameSlug() makes of `text`, which every such name goes through.
std::vector<std::string> slugPathRuleViolations(std::string_view text);

}  // namespace passerelles::fuzzing

// Replays, through the same harness as the fuzz targets, every input that once crashed a loader or an
// importer (tests/fixtures/fuzz-regressions/) and the kept fuzzing corpus (tests/fuzz/corpus/): what the
// fuzzers found stays fixed in the ordinary test run, and under the sanitizers with tools/test --sanitize.
#include <doctest/doctest.h>

#include <algorithm>

#include "fuzz/fuzz_harness.hpp"
#include "support/test_support.hpp"

using namespace passerelles;
using namespace passerelles::fuzzing;

namespace {

// The files of `folder`, sorted so that a failure names the same input every time.
std::vector<std::filesystem::path> inputsIn(const std::filesystem::path& folder) {
    std::vector<std::filesystem::path> inputs;
    std::error_code error;
    for (const auto& entry : std::filesystem::directory_iterator(folder, error)) {
        if (entry.is_regular_file() && entry.path().filename() != "README.md") {
            inputs.push_back(entry.path());
        }
    }
    std::sort(inputs.begin(), inputs.end());
    return inputs;
}

std::size_t replay(const std::filesystem::path& root) {
    std::size_t count = 0;
    for (const Target target : allTargets()) {
        for (const auto& input : inputsIn(root / targetName(target))) {
            const auto broken = runInput(target, testing::readFile(input));
            std::string report;
            for (const auto& invariant : broken) {
                report += invariant + "; ";
            }
            CHECK_MESSAGE(broken.empty(), input.string() << ": " << report);
            ++count;
        }
    }
    return count;
}

}  // namespace

TEST_CASE("every input that once crashed a loader or an importer is now handled") {
    CHECK(replay(testing::fixturesDir() / "fuzz-regressions") > 0);
}

TEST_CASE("the kept fuzzing corpus goes through every loader and importer without a broken invariant") {
    const std::size_t count = replay(testing::sourceDir() / "tests" / "fuzz" / "corpus");
    CHECK(count > 0);
}

TEST_CASE("the harness accepts valid seeds: shipped files load and play through") {
    // A seed from a shipped pack must load and play (otherwise the activity target would fuzz nothing).
    const std::string quiz =
        testing::readFile(testing::contentDir() / "cahier-ludique" / "quiz-connaissances.json");
    CHECK(runInput(Target::Activity, quiz).empty());
    const std::string scenario =
        testing::readFile(testing::contentDir() / "cahier-ludique" / "scenario-partenaire-ideal.json");
    CHECK(runInput(Target::Activity, scenario).empty());
    CHECK(runInput(Target::Glossary, testing::readFile(testing::contentDir() / "glossaire.json")).empty());
    CHECK(runInput(Target::Gift, "::q1:: Question ? {=Oui ~Non}").empty());
}

// Tests of IoResult, the one result type of core's file and SQLite functions: a value or an IoError.
#include <doctest/doctest.h>

#include <memory>
#include <stdexcept>
#include <string>
#include <system_error>

#include "core/base/file_reading.hpp"
#include "core/base/file_writing.hpp"
#include "core/base/io_result.hpp"
#include "support/test_support.hpp"

using namespace passerelles;

namespace {

IoResult<std::unique_ptr<int>> maybeNumber(bool fine) {
    if (!fine) {
        return IoError{"Le fichier « n.txt » est introuvable.", FileProblem::Missing,
                       std::make_error_code(std::errc::no_such_file_or_directory)};
    }
    return std::make_unique<int>(42);
}

IoResult<void> maybeWrite(bool fine) {
    if (!fine) {
        return IoError{"Impossible d’écrire « w.txt » : le disque est plein.", FileProblem::Unwritable};
    }
    return {};
}

}  // namespace

TEST_CASE("IoResult holds a move-only value and gives it up") {
    auto result = maybeNumber(true);
    REQUIRE(result.ok());
    REQUIRE(result.value() != nullptr);
    CHECK(*result.value() == 42);
    std::unique_ptr<int> taken = std::move(result).value();
    REQUIRE(taken != nullptr);
    CHECK(*taken == 42);
    CHECK_THROWS_AS((void)result.error(), std::logic_error);
}

TEST_CASE("IoResult holds an error with its sentence, its problem and the system's code") {
    const auto result = maybeNumber(false);
    REQUIRE_FALSE(result.ok());
    CHECK(result.error().message == "Le fichier « n.txt » est introuvable.");
    CHECK(result.error().problem == FileProblem::Missing);
    CHECK(result.error().code == std::errc::no_such_file_or_directory);
    CHECK(result.error().notices.empty());
    // Reading the value of a failure is a programming error, said at once rather than an empty value.
    CHECK_THROWS_AS((void)result.value(), std::logic_error);
}

TEST_CASE("IoResult<void> is ok by default and carries an error otherwise") {
    const auto written = maybeWrite(true);
    CHECK(written.ok());
    CHECK_THROWS_AS((void)written.error(), std::logic_error);

    const auto failed = maybeWrite(false);
    REQUIRE_FALSE(failed.ok());
    CHECK(failed.error().message == "Impossible d’écrire « w.txt » : le disque est plein.");
    CHECK(failed.error().problem == FileProblem::Unwritable);
    CHECK_FALSE(failed.error().code);
}

TEST_CASE("an IoError keeps what was done before the failure") {
    const IoResult<std::string> result =
        IoError{"Le fichier ne peut pas être créé.", FileProblem::Other, {}, {"Il a été mis de côté."}};
    REQUIRE_FALSE(result.ok());
    REQUIRE(result.error().notices.size() == 1);
    CHECK(result.error().notices.front() == "Il a été mis de côté.");
}

TEST_CASE("core's file functions fill the problem and the system's code, not only the sentence") {
    testing::TemporaryFolder folder;
    const auto written = writeFileAtomically(folder.path() / "absent" / "plan.json", "x");
    REQUIRE_FALSE(written.ok());
    CHECK(written.error().problem == FileProblem::Unwritable);
    CHECK(written.error().code == std::errc::no_such_file_or_directory);

    const auto missing = readRegularFile(folder.path() / "absent.json", 1024);
    REQUIRE_FALSE(missing.ok());
    CHECK(missing.error().problem == FileProblem::Missing);

    testing::writeFile(folder.path() / "petit.txt", "bonjour");
    const auto read = readRegularFile(folder.path() / "petit.txt", 1024);
    REQUIRE(read.ok());
    CHECK(read.value() == "bonjour");
}

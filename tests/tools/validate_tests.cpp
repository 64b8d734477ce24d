// Tests of passerelles-pack validate and list, called in-process with captured output.
#include <doctest/doctest.h>

#include <sstream>

#include <nlohmann/json.hpp>

#include "support/test_support.hpp"
#include "tools/pack/commands.hpp"

using namespace passerelles;

namespace {

struct Output {
    int code;
    std::string out;
    std::string err;
};

Output tool(const std::vector<std::string>& arguments) {
    std::ostringstream out;
    std::ostringstream err;
    const int code = packtool::run(arguments, out, err);
    return {code, out.str(), err.str()};
}

std::string fixture(const std::string& name) {
    return (testing::fixturesDir() / "packs" / name).string();
}

}  // namespace

TEST_CASE("validate prints file:line:column and a French sentence, and exits 1") {
    const Output result = tool({"validate", fixture("no-correct-option")});
    CHECK(result.code == 1);
    CHECK(result.out.find("no-correct-option/quiz.json:44:7: erreur : Question q07") != std::string::npos);
    CHECK(result.out.find("aucune option n’est marquée correcte") != std::string::npos);
    CHECK(result.out.find("pack non valide") != std::string::npos);
}

TEST_CASE("validate --json is machine-readable") {
    const Output result = tool({"validate", "--json", fixture("dangling-references")});
    CHECK(result.code == 1);
    const auto report = nlohmann::json::parse(result.out);
    REQUIRE(report.size() == 1);
    CHECK(report[0]["valid"] == false);
    bool sawWarning = false;
    for (const auto& diagnostic : report[0]["diagnostics"]) {
        CHECK(diagnostic.contains("line"));
        sawWarning = sawWarning || diagnostic["severity"] == "warning";
    }
    CHECK(sawWarning);
}

TEST_CASE("validate checks several packs and fails if one fails") {
    CHECK(tool({"validate", fixture("valid-minimal")}).code == 0);
    CHECK(tool({"validate", fixture("valid-minimal"), fixture("truncated")}).code == 1);
}

TEST_CASE("usage errors exit 2") {
    CHECK(tool({}).code == 2);
    CHECK(tool({"validate"}).code == 2);
    CHECK(tool({"validate", "--nope", fixture("valid-minimal")}).code == 2);
    CHECK(tool({"frobnicate"}).code == 2);
    CHECK(tool({"--help"}).code == 0);
}

TEST_CASE("list shows activities and item counts") {
    const Output result = tool({"list", (testing::contentDir() / "cahier-ludique").string()});
    CHECK(result.code == 0);
    CHECK(result.out.find("Testez vos connaissances — 18 questions") != std::string::npos);
    CHECK(result.out.find("12 cartes") != std::string::npos);
}

// The loader's field lists and the editor schema (content/schema/) describe the same format.
#include <doctest/doctest.h>

#include <algorithm>

#include <nlohmann/json.hpp>

#include "core/loading/pack_fields.hpp"
#include "support/test_support.hpp"

using namespace passerelles;

namespace {

std::vector<std::string> schemaProperties(const std::string& file, const std::string& definition = {}) {
    const auto schema = nlohmann::json::parse(testing::readFile(testing::contentDir() / "schema" / file));
    const auto& object = definition.empty() ? schema : schema.at("definitions").at(definition);
    std::vector<std::string> names;
    for (const auto& [name, unused] : object.at("properties").items()) {
        names.push_back(name);
    }
    std::sort(names.begin(), names.end());
    return names;
}

std::vector<std::string> sorted(std::vector<std::string> names) {
    std::sort(names.begin(), names.end());
    return names;
}

}  // namespace

TEST_CASE("pack manifest and shared definitions") {
    CHECK(schemaProperties("pack.schema.json") == sorted(fields::kManifest));
    CHECK(schemaProperties("common.schema.json", "sourceRef") == sorted(fields::kSourceRef));
    CHECK(schemaProperties("common.schema.json", "keyPoint") == sorted(fields::kKeyPoint));
    CHECK(schemaProperties("glossary.schema.json") == sorted(fields::kGlossaryFile));
}

TEST_CASE("quiz and idées reçues") {
    CHECK(schemaProperties("quiz.schema.json") == sorted(fields::kQuiz));
    CHECK(schemaProperties("quiz.schema.json", "question") == sorted(fields::kQuestion));
    CHECK(schemaProperties("quiz.schema.json", "option") == sorted(fields::kOption));
    CHECK(schemaProperties("myths.schema.json") == sorted(fields::kMyths));
    CHECK(schemaProperties("myths.schema.json", "card") == sorted(fields::kCard));
    CHECK(schemaProperties("myths.schema.json", "argument") == sorted(fields::kArgument));
}

TEST_CASE("scenarios and self-diagnostics") {
    CHECK(schemaProperties("scenario.schema.json") == sorted(fields::kScenario));
    CHECK(schemaProperties("scenario.schema.json", "variable") == sorted(fields::kVariable));
    CHECK(schemaProperties("scenario.schema.json", "effect") == sorted(fields::kEffect));
    CHECK(schemaProperties("scenario.schema.json", "choice") == sorted(fields::kChoice));
    CHECK(schemaProperties("scenario.schema.json", "route") == sorted(fields::kRoute));
    CHECK(schemaProperties("scenario.schema.json", "node") == sorted(fields::kNode));
    CHECK(schemaProperties("diagnostic.schema.json") == sorted(fields::kDiagnostic));
    CHECK(schemaProperties("diagnostic.schema.json", "profile") == sorted(fields::kProfile));
    CHECK(schemaProperties("diagnostic.schema.json", "option") == sorted(fields::kDiagnosticOption));
    CHECK(schemaProperties("diagnostic.schema.json", "question") == sorted(fields::kDiagnosticQuestion));
}

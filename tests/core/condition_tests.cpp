// Tests of scenario conditions: parsing in French or English, types, evaluation, interval analysis.
#include <doctest/doctest.h>

#include "core/content/condition.hpp"

using namespace passerelles;

namespace {

const std::vector<VariableSignature> kVariables = {
    {"rrma", ValueType::Boolean, 0, 1},
    {"credibilite", ValueType::Number, 0, 10},
    {"budget", ValueType::Number, 0, 100},
};

Condition parse(const std::string& text) {
    auto parsed = Condition::parse(text, kVariables);
    REQUIRE_MESSAGE(parsed.condition.has_value(), parsed.error);
    return std::move(*parsed.condition);
}

}  // namespace

TEST_CASE("French and English keywords, comparisons and parentheses") {
    CHECK(parse("rrma et credibilite >= 4").evaluate({1, 4, 0}));
    CHECK_FALSE(parse("rrma and credibilite >= 4").evaluate({0, 9, 0}));
    CHECK(parse("non rrma ou budget > 50").evaluate({0, 0, 0}));
    CHECK(parse("!(rrma && credibilite < 3) || budget == 100").evaluate({1, 5, 0}));
    CHECK(parse("budget - credibilite >= 20").evaluate({0, 10, 30}));
    CHECK(parse("rrma == vrai").evaluate({1, 0, 0}));
    CHECK(parse("credibilite >= 2,5").evaluate({0, 3, 0}));
}

TEST_CASE("undeclared variables and type mistakes are explained") {
    auto unknown = Condition::parse("credibility > 3", kVariables);
    CHECK_FALSE(unknown.condition);
    CHECK(unknown.error.find("n'est pas déclarée") != std::string::npos);
    CHECK(unknown.error.find("vouliez-vous dire « credibilite »") != std::string::npos);
    CHECK(unknown.errorOffset == 0);
    CHECK(Condition::parse("budget", kVariables).error.find("comparez-le") != std::string::npos);
    CHECK(Condition::parse("rrma > 2", kVariables).error.find("deux nombres") != std::string::npos);
    CHECK(Condition::parse("budget et rrma", kVariables).error.find("doit d'abord être comparé") !=
          std::string::npos);
    CHECK(Condition::parse("(rrma", kVariables).error.find("parenthèse") != std::string::npos);
    CHECK(Condition::parse("rrma et", kVariables).error.find("trop tôt") != std::string::npos);
    CHECK_FALSE(Condition::parse("  ", kVariables).condition);
}

TEST_CASE("interval analysis sees conditions that can never or always hold") {
    const std::vector<Interval> ranges = {{0, 1}, {0, 10}, {0, 100}};
    CHECK(parse("credibilite > 10").analyse(ranges) == Satisfiability::Never);
    CHECK(parse("budget >= 0").analyse(ranges) == Satisfiability::Always);
    CHECK(parse("credibilite > 5 et credibilite < 3").analyse(ranges) == Satisfiability::Sometimes);
    CHECK(parse("rrma et budget > 200").analyse(ranges) == Satisfiability::Never);
    CHECK(parse("rrma ou budget > 200").analyse(ranges) == Satisfiability::Sometimes);
    CHECK(parse("budget - credibilite > 100").analyse(ranges) == Satisfiability::Never);
}

TEST_CASE("variables read are listed once") {
    CHECK(parse("rrma et budget > credibilite et rrma").variablesRead() == std::vector<int>{0, 2, 1});
}

TEST_CASE("a number too large for a double is a diagnostic, not an exception") {
    const std::string huge = "1" + std::string(320, '0');
    Condition::Parsed parsed;
    CHECK_NOTHROW(parsed = Condition::parse("budget > " + huge, kVariables));
    CHECK_FALSE(parsed.condition);
    CHECK(parsed.error.find("trop grand pour être utilisé") != std::string::npos);
    CHECK(parsed.errorOffset == 9);
    CHECK_FALSE(Condition::parse("budget > -" + huge, kVariables).condition);
    const std::string tiny = "0," + std::string(400, '0') + "1";
    const auto tooPrecise = Condition::parse("budget > " + tiny, kVariables);
    CHECK_FALSE(tooPrecise.condition);
    CHECK(tooPrecise.error.find("trop proche de zéro") != std::string::npos);
    CHECK(parse("budget < 1" + std::string(300, '0')).evaluate({0, 0, 100}));
}

TEST_CASE("a number with more than one decimal separator is a diagnostic") {
    const auto commas = Condition::parse("budget > 2,5,5", kVariables);
    CHECK_FALSE(commas.condition);
    CHECK(commas.error.find("plus d'un séparateur décimal") != std::string::npos);
    CHECK(commas.errorOffset == 9);
    CHECK_FALSE(Condition::parse("budget > 2.5,5", kVariables).condition);
    CHECK_FALSE(Condition::parse("budget > 1.2.3", kVariables).condition);
    CHECK(parse("budget > 2.5").evaluate({0, 0, 3}));
}

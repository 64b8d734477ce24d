// Scenario conditions ("rrma et credibilite >= 4"): parsed and type-checked at load, evaluated during a run.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace passerelles {

enum class ValueType { Number, Boolean };

// What the parser needs to know of a declared variable.
struct VariableSignature {
    std::string id;
    ValueType type = ValueType::Number;
    double min = 0.0;
    double max = 0.0;
};

struct Interval {
    double low = 0.0;
    double high = 0.0;
};

// What can be said of a condition without running the scenario.
enum class Satisfiability { Never, Always, Sometimes };

class Condition {
  public:
    struct Parsed;

    // On failure, `error` is a French sentence and `errorOffset` the byte where the problem is.
    static Parsed parse(std::string_view text, const std::vector<VariableSignature>& variables);

    bool evaluate(const std::vector<double>& values) const;
    // With each variable somewhere in its interval (flags in [0, 1]), can the condition be true?
    Satisfiability analyse(const std::vector<Interval>& ranges) const;
    std::vector<int> variablesRead() const;
    const std::string& text() const { return text_; }

  private:
    enum class Op {
        Number,
        Variable,
        Not,
        And,
        Or,
        Equal,
        NotEqual,
        Less,
        LessEqual,
        Greater,
        GreaterEqual,
        Add,
        Subtract
    };
    struct Node {
        Op op = Op::Number;
        double number = 0.0;
        int variable = -1;
        int left = -1;
        int right = -1;
    };
    struct Truth {
        bool canBeTrue = false;
        bool canBeFalse = false;
    };

    double evaluateNumber(int node, const std::vector<double>& values) const;
    bool evaluateBoolean(int node, const std::vector<double>& values) const;
    Interval rangeOf(int node, const std::vector<Interval>& ranges) const;
    Truth truthOf(int node, const std::vector<Interval>& ranges) const;

    friend class ConditionParser;
    std::string text_;
    std::vector<Node> nodes_;
    int root_ = -1;
};

struct Condition::Parsed {
    std::optional<Condition> condition;
    std::string error;
    std::size_t errorOffset = 0;
};

}  // namespace passerelles

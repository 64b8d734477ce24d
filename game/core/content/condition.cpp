// Parser (recursive descent), evaluator and interval analysis of scenario conditions.
#include "core/content/condition.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <stdexcept>
#include <system_error>

#include "core/base/text.hpp"

namespace passerelles {

namespace {

struct ParseFailure : std::runtime_error {
    ParseFailure(std::string message, std::size_t where)
        : std::runtime_error(std::move(message)), offset(where) {}
    std::size_t offset;
};

bool isIdentifierStart(char c) {
    return std::isalpha(static_cast<unsigned char>(c)) || c == '_';
}
bool isIdentifierPart(char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-';
}

}  // namespace

// Grammar, lowest precedence first:
//   or      := and (("ou" | "or" | "||") and)*
//   and     := unary (("et" | "and" | "&&") unary)*
//   unary   := ("non" | "not" | "!") unary | compare
//   compare := sum (("==" | "!=" | "<" | "<=" | ">" | ">=") sum)?
//   sum     := primary (("+" | "-") primary)*
//   primary := number | "vrai" | "faux" | "true" | "false" | variable | "(" or ")"
// Identifiers may contain "-", so subtraction needs spaces: "budget - 10".
class ConditionParser {
  public:
    ConditionParser(std::string_view text, const std::vector<VariableSignature>& variables)
        : text_(text), variables_(variables) {}

    Condition run() {
        condition_.text_ = std::string(text_);
        const auto [root, type] = parseOr();
        skipSpace();
        if (position_ < text_.size()) {
            throw ParseFailure("Je ne comprends pas la suite de la condition à partir de « " +
                                   std::string(text_.substr(position_)) + " ».",
                               position_);
        }
        if (type != ValueType::Boolean) {
            throw ParseFailure(
                "La condition donne un nombre, pas vrai ou faux : comparez-le, par exemple « " +
                    std::string(text_) + " > 0 ».",
                0);
        }
        condition_.root_ = root;
        return std::move(condition_);
    }

  private:
    using Op = Condition::Op;
    struct Typed {
        int node;
        ValueType type;
    };

    Typed parseOr() {
        Typed left = parseAnd();
        while (acceptWord({"ou", "or"}) || acceptSymbol("||")) {
            const std::size_t at = position_;
            Typed right = parseAnd();
            requireBoolean(left, at, "ou");
            requireBoolean(right, at, "ou");
            left = {add({Op::Or, 0.0, -1, left.node, right.node}), ValueType::Boolean};
        }
        return left;
    }

    Typed parseAnd() {
        Typed left = parseUnary();
        while (acceptWord({"et", "and"}) || acceptSymbol("&&")) {
            const std::size_t at = position_;
            Typed right = parseUnary();
            requireBoolean(left, at, "et");
            requireBoolean(right, at, "et");
            left = {add({Op::And, 0.0, -1, left.node, right.node}), ValueType::Boolean};
        }
        return left;
    }

    Typed parseUnary() {
        const std::size_t at = position_;
        if (acceptWord({"non", "not"}) || acceptNegation()) {
            Typed operand = parseUnary();
            requireBoolean(operand, at, "non");
            return {add({Op::Not, 0.0, -1, operand.node, -1}), ValueType::Boolean};
        }
        return parseCompare();
    }

    Typed parseCompare() {
        Typed left = parseSum();
        skipSpace();
        struct Comparison {
            std::string_view symbol;
            Op op;
        };
        static constexpr Comparison kComparisons[] = {
            {"==", Op::Equal},        {"!=", Op::NotEqual}, {"<=", Op::LessEqual},
            {">=", Op::GreaterEqual}, {"<", Op::Less},      {">", Op::Greater},
        };
        for (const auto& comparison : kComparisons) {
            if (acceptSymbol(comparison.symbol)) {
                const std::size_t at = position_;
                Typed right = parseSum();
                const bool equality = comparison.op == Op::Equal || comparison.op == Op::NotEqual;
                if (left.type != right.type || (!equality && left.type == ValueType::Boolean)) {
                    throw ParseFailure("On ne peut comparer avec « " + std::string(comparison.symbol) +
                                           " » que deux nombres (ou, avec == et !=, deux valeurs oui/non).",
                                       at);
                }
                return {add({comparison.op, 0.0, -1, left.node, right.node}), ValueType::Boolean};
            }
        }
        return left;
    }

    Typed parseSum() {
        Typed left = parsePrimary();
        while (true) {
            skipSpace();
            Op op;
            if (peek() == '+') {
                op = Op::Add;
            } else if (peek() == '-') {
                op = Op::Subtract;
            } else {
                return left;
            }
            const std::size_t at = position_++;
            Typed right = parsePrimary();
            if (left.type != ValueType::Number || right.type != ValueType::Number) {
                throw ParseFailure("On ne peut additionner ou soustraire que des nombres.", at);
            }
            left = {add({op, 0.0, -1, left.node, right.node}), ValueType::Number};
        }
    }

    Typed parsePrimary() {
        skipSpace();
        const std::size_t at = position_;
        if (position_ >= text_.size()) {
            throw ParseFailure("La condition s'arrête trop tôt : il manque une valeur à la fin.", at);
        }
        const char c = text_[position_];
        if (c == '(') {
            ++position_;
            Typed inner = parseOr();
            skipSpace();
            if (peek() != ')') {
                throw ParseFailure("Il manque une parenthèse fermante « ) ».", position_);
            }
            ++position_;
            return inner;
        }
        if (std::isdigit(static_cast<unsigned char>(c)) || c == '-') {
            return {add({Op::Number, readNumber(), -1, -1, -1}), ValueType::Number};
        }
        if (isIdentifierStart(c)) {
            const std::string word = readWord();
            if (word == "vrai" || word == "true") {
                return {add({Op::Number, 1.0, -1, -1, -1}), ValueType::Boolean};
            }
            if (word == "faux" || word == "false") {
                return {add({Op::Number, 0.0, -1, -1, -1}), ValueType::Boolean};
            }
            for (std::size_t i = 0; i < variables_.size(); ++i) {
                if (variables_[i].id == word) {
                    return {add({Op::Variable, 0.0, static_cast<int>(i), -1, -1}), variables_[i].type};
                }
            }
            std::vector<std::string> names;
            for (const auto& variable : variables_) {
                names.push_back(variable.id);
            }
            std::string message = "La variable « " + word + " » n'est pas déclarée dans « variables »";
            if (const auto suggestion = closestMatch(word, names)) {
                message += " : vouliez-vous dire « " + *suggestion + " » ?";
            } else {
                message += ".";
            }
            throw ParseFailure(message, at);
        }
        throw ParseFailure(std::string("Caractère inattendu « ") + c + " » dans la condition.", at);
    }

    // Reads digits with at most one decimal separator ("." or ","), without exceptions: a number
    // a double cannot hold is a diagnostic, as is "2,5,5", which would otherwise be read as 2.5.
    double readNumber() {
        const std::size_t start = position_;
        if (peek() == '-') {
            ++position_;
        }
        std::string digits;
        int separators = 0;
        while (position_ < text_.size() &&
               (std::isdigit(static_cast<unsigned char>(text_[position_])) ||
                ((text_[position_] == '.' || text_[position_] == ',') && position_ + 1 < text_.size() &&
                 std::isdigit(static_cast<unsigned char>(text_[position_ + 1]))))) {
            if (text_[position_] == '.' || text_[position_] == ',') {
                ++separators;
            }
            digits += text_[position_] == ',' ? '.' : text_[position_];
            ++position_;
        }
        if (digits.empty()) {
            throw ParseFailure("Un nombre était attendu ici.", start);
        }
        const std::string written = shortened(text_.substr(start, position_ - start));
        if (separators > 1) {
            throw ParseFailure(
                "Le nombre « " + written +
                    " » a plus d'un séparateur décimal ; écrivez par exemple « 2,5 » ou « 2.5 ».",
                start);
        }
        double value = 0.0;
        const char* const first = digits.data();
        const char* const last = first + digits.size();
        const auto [end, error] = std::from_chars(first, last, value);
        if (error == std::errc::result_out_of_range) {
            const bool large = digits.find_first_not_of('0') < digits.find('.');
            throw ParseFailure(
                "Le nombre « " + written +
                    (large ? " » est trop grand pour être utilisé dans une condition."
                           : " » est trop proche de zéro pour être utilisé dans une condition."),
                start);
        }
        if (error != std::errc() || end != last || !std::isfinite(value)) {
            throw ParseFailure("Le nombre « " + written + " » ne peut pas être lu.", start);
        }
        return text_[start] == '-' ? -value : value;
    }

    // A number as written, cut after 20 characters so that a message stays readable.
    static std::string shortened(std::string_view written) {
        constexpr std::size_t kShown = 20;
        if (written.size() <= kShown) {
            return std::string(written);
        }
        return std::string(written.substr(0, kShown)) + "… (" + std::to_string(written.size()) +
               " caractères)";
    }

    std::string readWord() {
        const std::size_t start = position_;
        while (position_ < text_.size() && isIdentifierPart(text_[position_])) {
            ++position_;
        }
        return std::string(text_.substr(start, position_ - start));
    }

    bool acceptWord(std::initializer_list<std::string_view> words) {
        skipSpace();
        for (const auto word : words) {
            const std::size_t end = position_ + word.size();
            if (text_.substr(position_, word.size()) == word &&
                (end >= text_.size() || !isIdentifierPart(text_[end]))) {
                position_ = end;
                return true;
            }
        }
        return false;
    }

    bool acceptSymbol(std::string_view symbol) {
        skipSpace();
        if (text_.substr(position_, symbol.size()) == symbol) {
            position_ += symbol.size();
            return true;
        }
        return false;
    }

    bool acceptNegation() {
        skipSpace();
        if (peek() == '!' && (position_ + 1 >= text_.size() || text_[position_ + 1] != '=')) {
            ++position_;
            return true;
        }
        return false;
    }

    void requireBoolean(const Typed& operand, std::size_t at, std::string_view word) const {
        if (operand.type != ValueType::Boolean) {
            throw ParseFailure("« " + std::string(word) +
                                   " » relie des conditions vrai/faux ; un nombre doit d'abord être comparé "
                                   "(par exemple « budget > 0 »).",
                               at);
        }
    }

    char peek() const { return position_ < text_.size() ? text_[position_] : '\0'; }
    void skipSpace() {
        while (position_ < text_.size() && std::isspace(static_cast<unsigned char>(text_[position_]))) {
            ++position_;
        }
    }
    int add(Condition::Node node) {
        condition_.nodes_.push_back(node);
        return static_cast<int>(condition_.nodes_.size()) - 1;
    }

    std::string_view text_;
    const std::vector<VariableSignature>& variables_;
    std::size_t position_ = 0;
    Condition condition_;
};

Condition::Parsed Condition::parse(std::string_view text, const std::vector<VariableSignature>& variables) {
    Parsed result;
    if (text.find_first_not_of(" \t") == std::string_view::npos) {
        result.error = "La condition est vide.";
        return result;
    }
    if (text.size() > 1000) {
        result.error = "La condition est trop longue (1 000 caractères au plus).";
        return result;
    }
    try {
        result.condition = ConditionParser(text, variables).run();
    } catch (const ParseFailure& failure) {
        result.error = failure.what();
        result.errorOffset = failure.offset;
    }
    return result;
}

bool Condition::evaluate(const std::vector<double>& values) const {
    return evaluateBoolean(root_, values);
}

double Condition::evaluateNumber(int index, const std::vector<double>& values) const {
    const Node& node = nodes_[static_cast<std::size_t>(index)];
    switch (node.op) {
        case Op::Number:
            return node.number;
        case Op::Variable:
            return values[static_cast<std::size_t>(node.variable)];
        case Op::Add:
            return evaluateNumber(node.left, values) + evaluateNumber(node.right, values);
        case Op::Subtract:
            return evaluateNumber(node.left, values) - evaluateNumber(node.right, values);
        default:
            return evaluateBoolean(index, values) ? 1.0 : 0.0;
    }
}

bool Condition::evaluateBoolean(int index, const std::vector<double>& values) const {
    const Node& node = nodes_[static_cast<std::size_t>(index)];
    constexpr double kEpsilon = 1e-9;
    switch (node.op) {
        case Op::Not:
            return !evaluateBoolean(node.left, values);
        case Op::And:
            return evaluateBoolean(node.left, values) && evaluateBoolean(node.right, values);
        case Op::Or:
            return evaluateBoolean(node.left, values) || evaluateBoolean(node.right, values);
        case Op::Equal:
            return std::fabs(evaluateNumber(node.left, values) - evaluateNumber(node.right, values)) <
                   kEpsilon;
        case Op::NotEqual:
            return std::fabs(evaluateNumber(node.left, values) - evaluateNumber(node.right, values)) >=
                   kEpsilon;
        case Op::Less:
            return evaluateNumber(node.left, values) < evaluateNumber(node.right, values) - kEpsilon;
        case Op::LessEqual:
            return evaluateNumber(node.left, values) <= evaluateNumber(node.right, values) + kEpsilon;
        case Op::Greater:
            return evaluateNumber(node.left, values) > evaluateNumber(node.right, values) + kEpsilon;
        case Op::GreaterEqual:
            return evaluateNumber(node.left, values) >= evaluateNumber(node.right, values) - kEpsilon;
        default:
            return evaluateNumber(index, values) != 0.0;
    }
}

Satisfiability Condition::analyse(const std::vector<Interval>& ranges) const {
    const Truth truth = truthOf(root_, ranges);
    if (!truth.canBeTrue) {
        return Satisfiability::Never;
    }
    return truth.canBeFalse ? Satisfiability::Sometimes : Satisfiability::Always;
}

Interval Condition::rangeOf(int index, const std::vector<Interval>& ranges) const {
    const Node& node = nodes_[static_cast<std::size_t>(index)];
    switch (node.op) {
        case Op::Number:
            return {node.number, node.number};
        case Op::Variable:
            return ranges[static_cast<std::size_t>(node.variable)];
        case Op::Add: {
            const Interval a = rangeOf(node.left, ranges);
            const Interval b = rangeOf(node.right, ranges);
            return {a.low + b.low, a.high + b.high};
        }
        case Op::Subtract: {
            const Interval a = rangeOf(node.left, ranges);
            const Interval b = rangeOf(node.right, ranges);
            return {a.low - b.high, a.high - b.low};
        }
        default: {
            const Truth truth = truthOf(index, ranges);
            return {truth.canBeFalse ? 0.0 : 1.0, truth.canBeTrue ? 1.0 : 0.0};
        }
    }
}

Condition::Truth Condition::truthOf(int index, const std::vector<Interval>& ranges) const {
    const Node& node = nodes_[static_cast<std::size_t>(index)];
    switch (node.op) {
        case Op::Not: {
            const Truth inner = truthOf(node.left, ranges);
            return {inner.canBeFalse, inner.canBeTrue};
        }
        case Op::And: {
            const Truth a = truthOf(node.left, ranges);
            const Truth b = truthOf(node.right, ranges);
            return {a.canBeTrue && b.canBeTrue, a.canBeFalse || b.canBeFalse};
        }
        case Op::Or: {
            const Truth a = truthOf(node.left, ranges);
            const Truth b = truthOf(node.right, ranges);
            return {a.canBeTrue || b.canBeTrue, a.canBeFalse && b.canBeFalse};
        }
        case Op::Equal:
        case Op::NotEqual: {
            const Interval a = rangeOf(node.left, ranges);
            const Interval b = rangeOf(node.right, ranges);
            const bool canBeEqual = a.low <= b.high && b.low <= a.high;
            const bool canDiffer = !(a.low == a.high && b.low == b.high && a.low == b.low);
            return node.op == Op::Equal ? Truth{canBeEqual, canDiffer} : Truth{canDiffer, canBeEqual};
        }
        case Op::Less:
        case Op::LessEqual:
        case Op::Greater:
        case Op::GreaterEqual: {
            Interval a = rangeOf(node.left, ranges);
            Interval b = rangeOf(node.right, ranges);
            const bool strict = node.op == Op::Less || node.op == Op::Greater;
            if (node.op == Op::Greater || node.op == Op::GreaterEqual) {
                std::swap(a, b);  // a > b  is  b < a
            }
            const bool canBeTrue = strict ? a.low < b.high : a.low <= b.high;
            const bool canBeFalse = strict ? a.high >= b.low : a.high > b.low;
            return {canBeTrue, canBeFalse};
        }
        default: {
            const Interval value = rangeOf(index, ranges);
            return {value.high != 0.0 || value.low != 0.0, value.low <= 0.0 && value.high >= 0.0};
        }
    }
}

std::vector<int> Condition::variablesRead() const {
    std::vector<int> read;
    for (const Node& node : nodes_) {
        if (node.op == Op::Variable && std::find(read.begin(), read.end(), node.variable) == read.end()) {
            read.push_back(node.variable);
        }
    }
    return read;
}

}  // namespace passerelles

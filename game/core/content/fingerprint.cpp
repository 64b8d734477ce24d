// FNV-1a over the parts of an item that decide how it is scored.
#include "core/content/fingerprint.hpp"

#include <cstdint>
#include <cstdio>

namespace passerelles {

namespace {

class Hasher {
  public:
    Hasher& add(std::string_view text) {
        for (const char c : text) {
            hash_ = (hash_ ^ static_cast<unsigned char>(c)) * 0x100000001b3ULL;
        }
        hash_ = (hash_ ^ 0x1F) * 0x100000001b3ULL;  // a separator, so "ab","c" differs from "a","bc"
        return *this;
    }
    Hasher& add(double number) {
        char buffer[32];
        std::snprintf(buffer, sizeof buffer, "%.6g", number);
        return add(std::string_view(buffer));
    }
    Hasher& add(bool flag) { return add(std::string_view(flag ? "1" : "0")); }
    std::string hex() const {
        char buffer[17];
        std::snprintf(buffer, sizeof buffer, "%016llx", static_cast<unsigned long long>(hash_));
        return buffer;
    }

  private:
    std::uint64_t hash_ = 0xcbf29ce484222325ULL;
};

}  // namespace

std::string fingerprint(const Question& question) {
    Hasher hasher;
    hasher.add(question.text).add(question.scoring == ScoringRule::Partial).add(question.points);
    for (const auto& option : question.options) {
        hasher.add(option.id).add(option.text).add(option.correct);
    }
    return hasher.hex();
}

std::string fingerprint(const MythCard& card) {
    Hasher hasher;
    hasher.add(card.statement).add(card.points);
    for (const auto& argument : card.arguments) {
        hasher.add(argument.id).add(argument.text).add(argument.best);
    }
    return hasher.hex();
}

std::string fingerprint(const Scenario& scenario) {
    Hasher hasher;
    hasher.add(scenario.startId);
    for (const auto& node : scenario.nodes) {
        hasher.add(node.id).add(node.score);
        for (const auto& choice : node.choices) {
            hasher.add(choice.id)
                .add(choice.targetId)
                .add(choice.score)
                .add(choice.condition ? choice.condition->text() : "");
        }
        for (const auto& route : node.routes) {
            hasher.add(route.targetId).add(route.condition ? route.condition->text() : "");
        }
    }
    return hasher.hex();
}

std::string fingerprint(const SelfDiagnostic& diagnostic) {
    Hasher hasher;
    for (const auto& profile : diagnostic.profiles) {
        hasher.add(profile.id);
    }
    for (const auto& question : diagnostic.questions) {
        hasher.add(question.id).add(question.multiple);
        for (const auto& option : question.options) {
            hasher.add(option.id);
            for (const auto& weight : option.weights) {
                hasher.add(static_cast<double>(weight.profile)).add(weight.weight);
            }
        }
    }
    return hasher.hex();
}

}  // namespace passerelles

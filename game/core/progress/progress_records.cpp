// Keywords stored for outcomes and activity kinds, item fingerprints of a pack, profile-name keys.
#include "core/progress/progress_records.hpp"

#include "core/base/text.hpp"
#include "core/content/fingerprint.hpp"

namespace passerelles {

const char* outcomeKeyword(Outcome outcome) {
    switch (outcome) {
        case Outcome::Right:
            return "right";
        case Outcome::Partial:
            return "partial";
        case Outcome::Wrong:
            return "wrong";
    }
    return "wrong";
}

std::optional<Outcome> outcomeFromKeyword(const std::string& keyword) {
    if (keyword == "right") {
        return Outcome::Right;
    }
    if (keyword == "partial") {
        return Outcome::Partial;
    }
    if (keyword == "wrong") {
        return Outcome::Wrong;
    }
    return std::nullopt;
}

std::optional<ActivityKind> activityKindFromKeyword(const std::string& keyword) {
    for (const ActivityKind kind :
         {ActivityKind::Quiz, ActivityKind::Myths, ActivityKind::Scenario, ActivityKind::SelfDiagnostic}) {
        if (keyword == activityKindKeyword(kind)) {
            return kind;
        }
    }
    return std::nullopt;
}

std::vector<ItemFingerprint> fingerprintsOf(const Pack& pack) {
    std::vector<ItemFingerprint> items;
    for (const auto& quiz : pack.quizzes) {
        for (const auto& question : quiz.questions) {
            items.push_back({pack.id, question.id, fingerprint(question)});
        }
    }
    for (const auto& deck : pack.decks) {
        for (const auto& card : deck.cards) {
            items.push_back({pack.id, card.id, fingerprint(card)});
        }
    }
    for (const auto& scenario : pack.scenarios) {
        items.push_back({pack.id, scenario.id, fingerprint(scenario)});
    }
    for (const auto& diagnostic : pack.diagnostics) {
        items.push_back({pack.id, diagnostic.id, fingerprint(diagnostic)});
    }
    return items;
}

std::string profileNameKey(const std::string& name) {
    return foldForSearch(name);
}

}  // namespace passerelles

// Look-ups and labels on the content model.
#include "core/content/content.hpp"

#include <algorithm>

namespace passerelles {

namespace {

template <typename Item>
const Item* findById(const std::vector<Item>& items, const std::string& id) {
    const auto found =
        std::find_if(items.begin(), items.end(), [&](const Item& item) { return item.id == id; });
    return found == items.end() ? nullptr : &*found;
}

std::string vocabularyLabel(const std::vector<VocabularyEntry>& vocabulary, const std::string& id) {
    const VocabularyEntry* entry = findById(vocabulary, id);
    return entry != nullptr ? entry->label : id;
}

}  // namespace

int Question::correctCount() const {
    return static_cast<int>(std::count_if(options.begin(), options.end(),
                                          [](const QuizOption& option) { return option.correct; }));
}

double Quiz::maxPoints() const {
    double total = 0.0;
    for (const auto& question : questions) {
        total += question.points;
    }
    return total;
}

int MythCard::bestArgumentIndex() const {
    for (std::size_t i = 0; i < arguments.size(); ++i) {
        if (arguments[i].best) {
            return static_cast<int>(i);
        }
    }
    return -1;
}

int Scenario::findNode(const std::string& wantedId) const {
    for (std::size_t i = 0; i < nodes.size(); ++i) {
        if (nodes[i].id == wantedId) {
            return static_cast<int>(i);
        }
    }
    return -1;
}

int Scenario::findVariable(const std::string& wantedId) const {
    for (std::size_t i = 0; i < variables.size(); ++i) {
        if (variables[i].id == wantedId) {
            return static_cast<int>(i);
        }
    }
    return -1;
}

const SourceInfo* Pack::findSource(const std::string& wantedId) const {
    return findById(sources, wantedId);
}
const Quiz* Pack::findQuiz(const std::string& wantedId) const {
    return findById(quizzes, wantedId);
}
const MythDeck* Pack::findDeck(const std::string& wantedId) const {
    return findById(decks, wantedId);
}
const Scenario* Pack::findScenario(const std::string& wantedId) const {
    return findById(scenarios, wantedId);
}
const SelfDiagnostic* Pack::findDiagnostic(const std::string& wantedId) const {
    return findById(diagnostics, wantedId);
}
std::string Pack::themeLabel(const std::string& wantedId) const {
    return vocabularyLabel(themes, wantedId);
}
std::string Pack::audienceLabel(const std::string& wantedId) const {
    return vocabularyLabel(audiences, wantedId);
}

const ActivityRef* Pack::findActivity(ActivityKind kind, const std::string& wantedId) const {
    for (const auto& activity : activities) {
        if (activity.kind == kind && activity.id == wantedId) {
            return &activity;
        }
    }
    return nullptr;
}

const ActivityRef* Pack::firstActivity(ActivityKind kind) const {
    for (const auto& activity : activities) {
        if (activity.kind == kind) {
            return &activity;
        }
    }
    return nullptr;
}

std::string Pack::cite(const SourceRef& reference) const {
    std::string out;
    appendCitation(out, reference);
    return out;
}

void Pack::appendCitation(std::string& out, const SourceRef& reference) const {
    const SourceInfo* source = findSource(reference.sourceId);
    out += source != nullptr ? source->shortName : reference.sourceId;
    if (!reference.section.empty()) {
        out.append(", ").append(reference.section);
    }
    if (!reference.page.empty()) {
        out.append(", p.\xC2\xA0").append(reference.page);
    }
}

const char* activityKindLabel(ActivityKind kind) {
    switch (kind) {
        case ActivityKind::Quiz:
            return "Quiz";
        case ActivityKind::Myths:
            return "Idées reçues";
        case ActivityKind::Scenario:
            return "Mise en situation";
        case ActivityKind::SelfDiagnostic:
            return "Autodiagnostic";
    }
    return "";
}

const char* activityKindKeyword(ActivityKind kind) {
    switch (kind) {
        case ActivityKind::Quiz:
            return "quiz";
        case ActivityKind::Myths:
            return "myths";
        case ActivityKind::Scenario:
            return "scenario";
        case ActivityKind::SelfDiagnostic:
            return "diagnostic";
    }
    return "";
}

std::string activityItemCount(const Pack& pack, const ActivityRef& activity) {
    const auto plural = [](std::size_t count, const char* one, const char* many) {
        return std::to_string(count) + " " + (count > 1 ? many : one);
    };
    switch (activity.kind) {
        case ActivityKind::Quiz:
            return plural(pack.quizzes[activity.index].questions.size(), "question", "questions");
        case ActivityKind::Myths:
            return plural(pack.decks[activity.index].cards.size(), "carte", "cartes");
        case ActivityKind::Scenario: {
            const auto& nodes = pack.scenarios[activity.index].nodes;
            const auto decisions = std::count_if(nodes.begin(), nodes.end(), [](const ScenarioNode& node) {
                return node.type == NodeType::Choice;
            });
            return plural(static_cast<std::size_t>(decisions), "décision", "décisions");
        }
        case ActivityKind::SelfDiagnostic:
            return plural(pack.diagnostics[activity.index].questions.size(), "question", "questions");
    }
    return "";
}

}  // namespace passerelles

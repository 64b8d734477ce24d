// The immutable content model of a pack: sources, vocabularies, quizzes, idées reçues, scenarios,
// diagnostics.
#pragma once

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "core/content/condition.hpp"

namespace passerelles {

struct SourceRef {
    std::string sourceId;
    std::string page;
    std::string section;
    std::string lines;  // lines of the source's text file, for reviewers; never shown to players
};

struct KeyPoint {
    std::string text;
    std::optional<SourceRef> source;
};

// What every playable item may carry so that sessions can be composed by theme and audience.
struct ItemTags {
    std::vector<std::string> themes;
    std::vector<std::string> audiences;
    int difficulty = 0;  // 0 = not given, else 1 (facile) to 3 (difficile)
    std::string verifiedOn;
    std::optional<SourceRef> source;
    std::string image;  // relative to the pack folder, already checked to stay inside it
};

// ---- Quiz ---------------------------------------------------------------------------------

enum class ScoringRule { Partial, AllOrNothing };

struct QuizOption {
    std::string id;
    std::string text;
    std::string feedback;
    bool correct = false;
};

struct Question {
    std::string id;
    std::string text;
    std::string explanation;
    std::vector<QuizOption> options;
    ScoringRule scoring = ScoringRule::Partial;
    double points = 1.0;
    // false ("shuffle": false in the file): the options keep the file's order in play (oui/non, a scale,
    // « toutes les réponses ci-dessus »); true: shown in an order drawn per play (core/play/option_order).
    bool shuffle = true;
    ItemTags tags;

    int correctCount() const;
    bool isMultipleAnswer() const { return correctCount() > 1; }
};

struct Quiz {
    std::string id;
    std::string title;
    std::string description;
    ScoringRule scoring = ScoringRule::Partial;
    std::vector<Question> questions;
    ItemTags tags;

    double maxPoints() const;
};

// ---- Idées reçues ---------------------------------------------------------------------------

struct MythArgument {
    std::string id;
    std::string text;
    std::string feedback;
    bool best = false;
    std::optional<SourceRef> source;
};

struct MythCard {
    std::string id;
    std::string statement;
    std::vector<MythArgument> arguments;
    std::string answer;
    std::vector<KeyPoint> keyPoints;
    double points = 1.0;
    ItemTags tags;

    int bestArgumentIndex() const;
};

struct MythDeck {
    std::string id;
    std::string title;
    std::string description;
    std::vector<MythCard> cards;
    ItemTags tags;
};

// ---- Scenarios ------------------------------------------------------------------------------

enum class VariableKind { Gauge, Number, Flag };

struct ScenarioVariable {
    std::string id;
    std::string label;
    std::string unit;
    std::string description;
    VariableKind kind = VariableKind::Gauge;
    double initial = 0.0;
    double min = 0.0;
    double max = 0.0;
    bool hidden = false;
};

struct Effect {
    enum class Mode { Add, Set };
    int variable = -1;
    Mode mode = Mode::Add;
    double value = 0.0;
};

struct ScenarioChoice {
    std::string id;
    std::string text;
    std::string lockedText;  // empty: the choice is hidden while its condition is false
    std::string consequence;
    std::string targetId;
    int target = -1;
    std::optional<Condition> condition;
    std::vector<Effect> effects;
    double score = 0.0;
    std::optional<SourceRef> source;
};

struct ScenarioRoute {
    std::optional<Condition> condition;
    std::string targetId;
    int target = -1;
};

enum class NodeType { Narrative, Choice, Ending };
enum class EndingRating { Good, Mixed, Poor };
enum class ScenarioScoring { Ending, Path, Both };

struct ScenarioNode {
    std::string id;
    NodeType type = NodeType::Narrative;
    std::string title;
    std::string text;
    std::string image;
    std::optional<SourceRef> source;
    std::vector<Effect> effects;          // applied on arrival
    std::vector<ScenarioRoute> routes;    // narrative: "next" is one unconditional route
    std::vector<ScenarioChoice> choices;  // choice nodes
    double score = 0.0;                   // endings
    EndingRating rating = EndingRating::Mixed;
    std::vector<KeyPoint> debrief;
};

// A step of a path: the node reached and the choice made there (-1 on narrative nodes and endings).
struct PathStep {
    int node = -1;
    int choice = -1;
};

// What the checker found once, at load (scenario_checker): the run and end screens read it rather than
// explore the scenario again.
struct ScenarioSummary {
    bool checked = false;  // every state was explored (false past the checker's budget)
    std::size_t stateCount = 0;
    bool scoreBounded = false;  // bestTotal and worstTotal are known
    bool hasBestPath = false;   // false with a cycle of situations, or unchecked
    std::vector<PathStep> bestPath;
    double bestTotal = 0.0;
    double worstTotal = 0.0;
};

struct Scenario {
    std::string id;
    std::string title;
    std::string description;
    std::string role;
    ScenarioScoring scoring = ScenarioScoring::Both;
    std::vector<ScenarioVariable> variables;
    std::string startId;
    int start = 0;
    std::vector<ScenarioNode> nodes;
    ItemTags tags;
    ScenarioSummary summary;  // set by the loader

    int findNode(const std::string& wantedId) const;
    int findVariable(const std::string& wantedId) const;
};

// ---- Self-diagnostic (weighted questionnaire leading to a profile) ---------------------------

struct ProfileWeight {
    int profile = -1;
    double weight = 0.0;
};

struct DiagnosticOption {
    std::string id;
    std::string text;
    std::vector<ProfileWeight> weights;
};

struct DiagnosticQuestion {
    std::string id;
    std::string text;
    bool multiple = false;
    std::vector<DiagnosticOption> options;
    std::optional<SourceRef> source;
};

struct Profile {
    std::string id;
    std::string title;
    std::string subtitle;
    std::string description;
    std::vector<KeyPoint> traits;
    std::vector<KeyPoint> advice;
    bool standalone = false;
    std::optional<SourceRef> source;
};

struct SelfDiagnostic {
    std::string id;
    std::string title;
    std::string description;
    std::string intro;
    double hybridMargin = 0.15;
    std::vector<Profile> profiles;
    std::vector<DiagnosticQuestion> questions;
    ItemTags tags;
};

// ---- Pack -----------------------------------------------------------------------------------

enum class ActivityKind { Quiz, Myths, Scenario, SelfDiagnostic };

struct ActivityRef {
    ActivityKind kind = ActivityKind::Quiz;
    std::size_t index = 0;  // into the pack's vector of that kind
    std::string id;
    std::string title;
    std::string file;
};

struct SourceInfo {
    std::string id;
    std::string shortName;
    std::string citation;
    std::string url;
    int year = 0;
};

struct VocabularyEntry {
    std::string id;
    std::string label;
};

struct GlossaryEntry {
    std::string term;
    std::string expansion;
    std::string note;
};

struct Pack {
    std::string id;
    std::string title;
    std::string description;
    std::string language;
    std::string version;
    std::string license;
    int order = 100;  // home screen order, smallest first
    std::vector<std::string> authors;
    std::vector<SourceInfo> sources;
    std::vector<VocabularyEntry> themes;
    std::vector<VocabularyEntry> audiences;
    std::vector<GlossaryEntry> glossary;
    std::vector<ActivityRef> activities;
    std::vector<Quiz> quizzes;
    std::vector<MythDeck> decks;
    std::vector<Scenario> scenarios;
    std::vector<SelfDiagnostic> diagnostics;
    std::filesystem::path folder;

    const SourceInfo* findSource(const std::string& wantedId) const;
    const ActivityRef* findActivity(ActivityKind kind, const std::string& wantedId) const;
    const ActivityRef* firstActivity(ActivityKind kind) const;
    const Quiz* findQuiz(const std::string& wantedId) const;
    const MythDeck* findDeck(const std::string& wantedId) const;
    const Scenario* findScenario(const std::string& wantedId) const;
    const SelfDiagnostic* findDiagnostic(const std::string& wantedId) const;
    std::string themeLabel(const std::string& wantedId) const;
    std::string audienceLabel(const std::string& wantedId) const;

    // "Cahier ludique DAECT 2020, question 4, p. 5"
    std::string cite(const SourceRef& reference) const;
    // The same citation appended to `out`: a screen that keeps its buffer formats it with no allocation.
    void appendCitation(std::string& out, const SourceRef& reference) const;
};

const char* activityKindLabel(ActivityKind kind);    // "Quiz", "Idées reçues", …
const char* activityKindKeyword(ActivityKind kind);  // "quiz", "myths", "scenario", "diagnostic"
std::string activityItemCount(const Pack& pack, const ActivityRef& activity);  // "18 questions"

}  // namespace passerelles

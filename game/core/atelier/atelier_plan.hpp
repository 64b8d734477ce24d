// A workshop plan: what the trainer will play in the room, composed by local interest, saved as JSON.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "core/base/io_result.hpp"
#include "core/loading/pack_loader.hpp"

namespace passerelles {

enum class AtelierItemKind { Question, Card, Scenario, ProfileMap };

// One step of the workshop, by stable ids so that a saved plan survives content edits.
struct AtelierItemRef {
    AtelierItemKind kind = AtelierItemKind::Question;
    std::string packId;
    std::string activityId;
    std::string itemId;  // the question or card; the scenario or diagnostic id for whole activities
    bool operator==(const AtelierItemRef&) const = default;
};

struct AtelierTeam {
    std::string name;
    int colour = 0;  // index into the UI's palette of team colours
};

struct AtelierPlan {
    std::string title = "Atelier";
    std::string place;
    std::string date;                    // AAAA-MM-JJ
    std::string audience;                // in words: « élus de communes rurales du Cher »
    std::vector<std::string> themes;     // theme ids chosen to compose
    std::vector<std::string> audiences;  // audience ids chosen to compose
    int targetMinutes = 45;
    std::vector<AtelierTeam> teams;  // none: the whole room answers by show of hands
    int podiumSize = 3;
    int timerSeconds = 60;           // the length of the optional timer (T); it never starts on its own
    bool teamNamesInReport = false;  // anonymous by default: « Équipe 1 », « Équipe 2 »…
    std::vector<AtelierItemRef> items;
};

inline constexpr int kMinTeams = 2;
inline constexpr int kMaxTeams = 8;

// Team colours told apart by colour-blind people too (Okabe–Ito palette), each with a name to say aloud.
struct TeamColour {
    const char* name;      // as a colour: « vert » (the CSV's colour column)
    const char* feminine;  // agreeing with « équipe »: « verte »; compound and noun colours do not change
    unsigned rgb;          // 0xRRGGBB
};
inline constexpr TeamColour kTeamColours[kMaxTeams] = {
    {"orange", "orange", 0xE69F00}, {"bleu ciel", "bleu ciel", 0x56B4E9},
    {"vert", "verte", 0x009E73},    {"jaune", "jaune", 0xF0E442},
    {"bleu", "bleue", 0x0072B2},    {"vermillon", "vermillon", 0xD55E00},
    {"mauve", "mauve", 0xCC79A7},   {"gris", "grise", 0x999999},
};
// « Équipe verte »: the name a new team gets from its colour.
std::string defaultTeamName(int colour);

// Minutes a step takes in a room, debate included.
int estimatedMinutes(AtelierItemKind kind);
int estimatedMinutes(const AtelierPlan& plan);
const char* atelierItemKindLabel(AtelierItemKind kind);

nlohmann::json planToJson(const AtelierPlan& plan);
// A plan that cannot be read back: FileProblem::Malformed and a French sentence (no file name).
IoResult<AtelierPlan> planFromJson(const std::string& text);

// Plans are kept as JSON files in one folder (DATA/ateliers/plans), named after their date and title;
// saving a plan of the same date and title replaces the earlier version of that plan.
// Returns the file written.
IoResult<std::filesystem::path> savePlanFile(const AtelierPlan& plan, const std::filesystem::path& folder);
IoResult<AtelierPlan> loadPlanFile(const std::filesystem::path& file);

struct SavedPlan {
    std::filesystem::path file;
    AtelierPlan plan;
};
// The readable plans of the folder, the most recently saved first; unreadable files are left out.
std::vector<SavedPlan> listPlanFiles(const std::filesystem::path& folder);

// Proposes steps for the chosen themes and audiences within the target duration, opening with an idée
// reçue (people talk before they answer), then questions, a card every few questions, a scenario when the
// time allows, and the map of the room's collectivités for sessions of an hour or more.
std::vector<AtelierItemRef> suggestPlan(const ContentLibrary& library, const std::vector<std::string>& themes,
                                        const std::vector<std::string>& audiences, int targetMinutes);

// The content a step points to; nulls when it is missing from the loaded packs.
struct ResolvedStep {
    AtelierItemRef ref;
    const Pack* pack = nullptr;
    const Question* question = nullptr;
    const MythCard* card = nullptr;
    const Scenario* scenario = nullptr;
    const SelfDiagnostic* diagnostic = nullptr;
    bool found() const {
        return question != nullptr || card != nullptr || scenario != nullptr || diagnostic != nullptr;
    }
    std::string title() const;
};

ResolvedStep resolveStep(const ContentLibrary& library, const AtelierItemRef& ref);
std::vector<ResolvedStep> resolvePlan(const ContentLibrary& library, const AtelierPlan& plan,
                                      std::vector<std::string>& missing);

// Every step the library offers for these themes and audiences (empty lists: no filter), for hand-picking.
std::vector<AtelierItemRef> candidateSteps(const ContentLibrary& library,
                                           const std::vector<std::string>& themes,
                                           const std::vector<std::string>& audiences);

}  // namespace passerelles

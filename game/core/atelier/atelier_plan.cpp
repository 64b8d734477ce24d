// Workshop plans: durations, JSON round trip, composition by local interest, resolution to content.
#include "core/atelier/atelier_plan.hpp"

#include <algorithm>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "core/base/file_reading.hpp"
#include "core/base/file_writing.hpp"
#include "core/base/text.hpp"

namespace passerelles {

namespace {

const char* kindKeyword(AtelierItemKind kind) {
    switch (kind) {
        case AtelierItemKind::Question:
            return "question";
        case AtelierItemKind::Card:
            return "card";
        case AtelierItemKind::Scenario:
            return "scenario";
        case AtelierItemKind::ProfileMap:
            return "profile-map";
    }
    return "question";
}

std::optional<AtelierItemKind> kindFromKeyword(const std::string& keyword) {
    for (const auto kind : {AtelierItemKind::Question, AtelierItemKind::Card, AtelierItemKind::Scenario,
                            AtelierItemKind::ProfileMap}) {
        if (keyword == kindKeyword(kind)) {
            return kind;
        }
    }
    return std::nullopt;
}

IoError malformed(std::string message) {
    return IoError{std::move(message), FileProblem::Malformed};
}

bool intersects(const std::vector<std::string>& wanted, const std::vector<std::string>& have) {
    if (wanted.empty()) {
        return true;
    }
    return std::any_of(have.begin(), have.end(), [&](const std::string& value) {
        return std::find(wanted.begin(), wanted.end(), value) != wanted.end();
    });
}

bool matches(const ItemTags& tags, const std::vector<std::string>& themes,
             const std::vector<std::string>& audiences) {
    return intersects(themes, tags.themes) && intersects(audiences, tags.audiences);
}

}  // namespace

int estimatedMinutes(AtelierItemKind kind) {
    switch (kind) {
        case AtelierItemKind::Question:
            return 2;
        case AtelierItemKind::Card:
            return 6;
        case AtelierItemKind::Scenario:
            return 12;
        case AtelierItemKind::ProfileMap:
            return 8;
    }
    return 2;
}

int estimatedMinutes(const AtelierPlan& plan) {
    int total = 0;
    for (const auto& item : plan.items) {
        total += estimatedMinutes(item.kind);
    }
    return total;
}

const char* atelierItemKindLabel(AtelierItemKind kind) {
    switch (kind) {
        case AtelierItemKind::Question:
            return "Question";
        case AtelierItemKind::Card:
            return "Idée reçue";
        case AtelierItemKind::Scenario:
            return "Mise en situation";
        case AtelierItemKind::ProfileMap:
            return "Carte de la salle";
    }
    return "";
}

nlohmann::json planToJson(const AtelierPlan& plan) {
    nlohmann::json teams = nlohmann::json::array();
    for (const auto& team : plan.teams) {
        teams.push_back({{"name", team.name}, {"colour", team.colour}});
    }
    nlohmann::json items = nlohmann::json::array();
    for (const auto& item : plan.items) {
        items.push_back({{"kind", kindKeyword(item.kind)},
                         {"pack", item.packId},
                         {"activity", item.activityId},
                         {"item", item.itemId}});
    }
    return {{"format", 1},
            {"title", plan.title},
            {"place", plan.place},
            {"date", plan.date},
            {"audience", plan.audience},
            {"themes", plan.themes},
            {"audiences", plan.audiences},
            {"targetMinutes", plan.targetMinutes},
            {"teams", teams},
            {"podiumSize", plan.podiumSize},
            {"timerSeconds", plan.timerSeconds},
            {"teamNamesInReport", plan.teamNamesInReport},
            {"items", items}};
}

IoResult<AtelierPlan> planFromJson(const std::string& text) {
    const auto value = nlohmann::json::parse(text, nullptr, false);
    if (value.is_discarded() || !value.is_object()) {
        return malformed("Ce fichier n’est pas un plan d’atelier lisible (JSON mal formé).");
    }
    try {
        AtelierPlan plan;
        if (value.value("format", 0) != 1) {
            return malformed("Ce plan d’atelier vient d’une autre version de Passerelles (format inconnu).");
        }
        plan.title = value.value("title", plan.title);
        plan.place = value.value("place", std::string());
        plan.date = value.value("date", std::string());
        plan.audience = value.value("audience", std::string());
        plan.themes = value.value("themes", std::vector<std::string>{});
        plan.audiences = value.value("audiences", std::vector<std::string>{});
        plan.targetMinutes = std::clamp(value.value("targetMinutes", 45), 5, 480);
        plan.podiumSize = std::clamp(value.value("podiumSize", 3), 1, kMaxTeams);
        plan.timerSeconds = std::clamp(value.value("timerSeconds", 60), 10, 600);
        plan.teamNamesInReport = value.value("teamNamesInReport", false);
        for (const auto& team : value.value("teams", nlohmann::json::array())) {
            plan.teams.push_back(
                {team.at("name").get<std::string>(), std::clamp(team.value("colour", 0), 0, kMaxTeams - 1)});
        }
        if (!plan.teams.empty() && (plan.teams.size() < kMinTeams || plan.teams.size() > kMaxTeams)) {
            return malformed("Un atelier se joue en salle entière ou avec 2 à 8 équipes.");
        }
        for (const auto& item : value.value("items", nlohmann::json::array())) {
            const auto kind = kindFromKeyword(item.at("kind").get<std::string>());
            if (!kind) {
                return malformed("Étape inconnue « " + item.at("kind").get<std::string>() +
                                 " » dans le plan.");
            }
            plan.items.push_back({*kind, item.at("pack").get<std::string>(),
                                  item.at("activity").get<std::string>(),
                                  item.at("item").get<std::string>()});
        }
        return plan;
    } catch (const nlohmann::json::exception&) {
        return malformed("Ce plan d’atelier est incomplet ou mal formé.");
    }
}

IoResult<std::filesystem::path> savePlanFile(const AtelierPlan& plan, const std::filesystem::path& folder) {
    std::error_code code;
    std::filesystem::create_directories(folder, code);
    std::string name = fileNameSlug(plan.date + " " + plan.title, 60);
    if (name.empty()) {
        name = "atelier";
    }
    const std::filesystem::path file = folder / (name + ".json");
    if (auto written = writeFileAtomically(file, planToJson(plan).dump(2) + "\n"); !written.ok()) {
        return written.error();
    }
    return file;
}

IoResult<AtelierPlan> loadPlanFile(const std::filesystem::path& file) {
    // A FIFO or /dev/zero given to --atelier: a sentence at once, never a wait or a memory exhaustion.
    const IoResult<std::string> read = readRegularFile(file, std::uintmax_t{8} << 20);
    if (!read.ok()) {
        IoError error = read.error();
        error.message = "Le plan " + guillemets(file.string()) +
                        (error.problem == FileProblem::Missing ? " est introuvable."
                                                               : " ne peut pas être lu. " + error.message);
        return error;
    }
    auto plan = planFromJson(read.value());
    if (!plan.ok()) {
        IoError error = plan.error();
        error.message = guillemets(file.filename().string()) + " : " + error.message;
        return error;
    }
    return plan;
}

std::vector<SavedPlan> listPlanFiles(const std::filesystem::path& folder) {
    std::vector<std::pair<std::filesystem::file_time_type, SavedPlan>> found;
    std::error_code code;
    for (const auto& entry : std::filesystem::directory_iterator(folder, code)) {
        if (entry.path().extension() != ".json") {
            continue;
        }
        if (auto plan = loadPlanFile(entry.path()); plan.ok()) {
            found.push_back({entry.last_write_time(code), {entry.path(), std::move(plan).value()}});
        }
    }
    std::sort(found.begin(), found.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
    std::vector<SavedPlan> plans;
    for (auto& [time, saved] : found) {
        plans.push_back(std::move(saved));
    }
    return plans;
}

std::vector<AtelierItemRef> candidateSteps(const ContentLibrary& library,
                                           const std::vector<std::string>& themes,
                                           const std::vector<std::string>& audiences) {
    std::vector<AtelierItemRef> steps;
    for (const auto& pack : library.usablePacks()) {
        for (const auto& activity : pack->activities) {
            switch (activity.kind) {
                case ActivityKind::Quiz:
                    for (const auto& question : pack->quizzes[activity.index].questions) {
                        if (matches(question.tags, themes, audiences)) {
                            steps.push_back({AtelierItemKind::Question, pack->id, activity.id, question.id});
                        }
                    }
                    break;
                case ActivityKind::Myths:
                    for (const auto& card : pack->decks[activity.index].cards) {
                        if (matches(card.tags, themes, audiences)) {
                            steps.push_back({AtelierItemKind::Card, pack->id, activity.id, card.id});
                        }
                    }
                    break;
                case ActivityKind::Scenario:
                    if (matches(pack->scenarios[activity.index].tags, themes, audiences)) {
                        steps.push_back({AtelierItemKind::Scenario, pack->id, activity.id, activity.id});
                    }
                    break;
                case ActivityKind::SelfDiagnostic:
                    // Mapping the room's collectivités suits any audience: it starts from who is there.
                    steps.push_back({AtelierItemKind::ProfileMap, pack->id, activity.id, activity.id});
                    break;
            }
        }
    }
    return steps;
}

std::vector<AtelierItemRef> suggestPlan(const ContentLibrary& library, const std::vector<std::string>& themes,
                                        const std::vector<std::string>& audiences, int targetMinutes) {
    std::vector<AtelierItemRef> candidates = candidateSteps(library, themes, audiences);
    const auto ofKind = [&](AtelierItemKind kind) {
        std::vector<AtelierItemRef> list;
        for (const auto& step : candidates) {
            if (step.kind == kind) {
                list.push_back(step);
            }
        }
        return list;
    };
    std::vector<AtelierItemRef> questions = ofKind(AtelierItemKind::Question);
    std::vector<AtelierItemRef> cards = ofKind(AtelierItemKind::Card);
    const std::vector<AtelierItemRef> scenarios = ofKind(AtelierItemKind::Scenario);
    const std::vector<AtelierItemRef> maps = ofKind(AtelierItemKind::ProfileMap);
    if (questions.empty() && cards.empty()) {
        // Nothing carries these themes: start from everything rather than from nothing.
        candidates = candidateSteps(library, {}, {});
        questions = ofKind(AtelierItemKind::Question);
        cards = ofKind(AtelierItemKind::Card);
    }
    std::vector<AtelierItemRef> plan;
    int minutes = 0;
    const auto fits = [&](AtelierItemKind kind) { return minutes + estimatedMinutes(kind) <= targetMinutes; };
    const auto add = [&](const AtelierItemRef& step) {
        plan.push_back(step);
        minutes += estimatedMinutes(step.kind);
    };
    std::size_t nextQuestion = 0;
    std::size_t nextCard = 0;
    if (!cards.empty() && fits(AtelierItemKind::Card)) {
        add(cards[nextCard++]);
    }
    if (targetMinutes >= 60 && !maps.empty() && fits(AtelierItemKind::ProfileMap)) {
        add(maps.front());
    }
    bool scenarioAdded = false;
    while (true) {
        bool added = false;
        for (int i = 0; i < 3 && nextQuestion < questions.size() && fits(AtelierItemKind::Question); ++i) {
            add(questions[nextQuestion++]);
            added = true;
        }
        if (!scenarioAdded && !scenarios.empty() && minutes >= targetMinutes / 3 &&
            fits(AtelierItemKind::Scenario)) {
            add(scenarios.front());
            scenarioAdded = true;
            added = true;
        }
        if (nextCard < cards.size() && fits(AtelierItemKind::Card)) {
            add(cards[nextCard++]);
            added = true;
        }
        if (!added) {
            break;
        }
    }
    return plan;
}

std::string ResolvedStep::title() const {
    if (question != nullptr) {
        return question->text;
    }
    if (card != nullptr) {
        return "« " + card->statement + " »";
    }
    if (scenario != nullptr) {
        return scenario->title;
    }
    if (diagnostic != nullptr) {
        return "Carte de la salle : " + diagnostic->title;
    }
    return ref.packId + " / " + ref.itemId;
}

ResolvedStep resolveStep(const ContentLibrary& library, const AtelierItemRef& ref) {
    ResolvedStep step;
    step.ref = ref;
    step.pack = library.findPack(ref.packId);
    if (step.pack == nullptr) {
        return step;
    }
    switch (ref.kind) {
        case AtelierItemKind::Question:
            if (const Quiz* quiz = step.pack->findQuiz(ref.activityId)) {
                for (const auto& question : quiz->questions) {
                    if (question.id == ref.itemId) {
                        step.question = &question;
                    }
                }
            }
            break;
        case AtelierItemKind::Card:
            if (const MythDeck* deck = step.pack->findDeck(ref.activityId)) {
                for (const auto& card : deck->cards) {
                    if (card.id == ref.itemId) {
                        step.card = &card;
                    }
                }
            }
            break;
        case AtelierItemKind::Scenario:
            step.scenario = step.pack->findScenario(ref.activityId);
            break;
        case AtelierItemKind::ProfileMap:
            step.diagnostic = step.pack->findDiagnostic(ref.activityId);
            break;
    }
    return step;
}

std::vector<ResolvedStep> resolvePlan(const ContentLibrary& library, const AtelierPlan& plan,
                                      std::vector<std::string>& missing) {
    std::vector<ResolvedStep> steps;
    for (const auto& ref : plan.items) {
        ResolvedStep step = resolveStep(library, ref);
        if (step.found()) {
            steps.push_back(std::move(step));
        } else {
            missing.push_back(ref.packId + " / " + ref.activityId + " / " + ref.itemId);
        }
    }
    return steps;
}

std::string defaultTeamName(int colour) {
    return "Équipe " + std::string(kTeamColours[std::clamp(colour, 0, kMaxTeams - 1)].feminine);
}

}  // namespace passerelles

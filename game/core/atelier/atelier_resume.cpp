// A workshop in progress on disk: its plan and its journal, written after every change, read back after a
// crash.
#include "core/atelier/atelier_resume.hpp"

#include <array>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "core/base/text.hpp"
#include "core/play/option_order.hpp"

namespace passerelles {

namespace {

constexpr int kFormat = 1;

using Kind = AtelierEvent::Kind;
constexpr std::array<std::pair<Kind, const char*>, 12> kKindNames{{
    {Kind::GoTo, "aller"},
    {Kind::ToggleAnswering, "ouvrir-fermer"},
    {Kind::ToggleReveal, "montrer"},
    {Kind::TeamAnswer, "reponse-equipe"},
    {Kind::SetHands, "mains"},
    {Kind::CardVote, "vote-idee-recue"},
    {Kind::SetVotes, "voix"},
    {Kind::SetTeamVote, "voix-equipe"},
    {Kind::Decide, "decider"},
    {Kind::AddCollectivite, "ajouter-collectivite"},
    {Kind::RemoveCollectivite, "retirer-collectivite"},
    {Kind::PhoneVotes, "telephones"},
}};

const char* kindName(Kind kind) {
    for (const auto& [known, name] : kKindNames) {
        if (known == kind) {
            return name;
        }
    }
    return "";
}

std::optional<Kind> kindNamed(const std::string& name) {
    for (const auto& [known, knownName] : kKindNames) {
        if (name == knownName) {
            return known;
        }
    }
    return std::nullopt;
}

}  // namespace

std::filesystem::path savedWorkshopPath(const std::filesystem::path& dataDirectory) {
    return dataDirectory / "ateliers" / "en-cours.json";
}

std::string savedWorkshopJson(const AtelierRun& run, const std::string& savedAt) {
    nlohmann::json events = nlohmann::json::array();
    for (const AtelierEvent& event : run.journal()) {
        nlohmann::json entry = {{"k", kindName(event.kind)}, {"a", event.first}, {"b", event.second}};
        if (event.kind == Kind::PhoneVotes) {
            entry["key"] = event.key;
            entry["counts"] = event.counts;
        }
        events.push_back(std::move(entry));
    }
    nlohmann::json document = {{"format", kFormat},
                               {"savedAt", savedAt},
                               {"position", run.position()},
                               {"stepCount", run.stepCount()},
                               {"plan", planToJson(run.plan())},
                               {"events", std::move(events)}};
    if (run.optionSeed()) {
        document["optionSeed"] = seedToText(*run.optionSeed());
    }
    return document.dump(1);
}

IoResult<SavedWorkshop> savedWorkshopFromJson(const std::string& text) {
    const auto document = nlohmann::json::parse(text, nullptr, false);
    const auto damaged = [](const std::string& why) {
        return IoError{"L’atelier en cours enregistré est illisible (" + why + ").", FileProblem::Malformed};
    };
    if (!document.is_object() || !document.contains("plan") || !document["events"].is_array()) {
        return damaged("ce n’est pas un atelier enregistré par Passerelles");
    }
    if (document.value("format", 0) != kFormat) {
        return damaged("il vient d’une autre version de Passerelles");
    }
    SavedWorkshop saved;
    auto plan = planFromJson(document["plan"].dump());
    if (!plan.ok()) {
        return damaged(plan.error().message);
    }
    saved.plan = std::move(plan).value();
    saved.savedAt = document["savedAt"].is_string() ? document["savedAt"].get<std::string>() : std::string();
    saved.position = document["position"].is_number_integer() ? document["position"].get<int>() : 0;
    saved.stepCount = document["stepCount"].is_number_integer() ? document["stepCount"].get<int>() : 0;
    if (document.contains("optionSeed")) {
        // Without its seed the letters would differ from those the room answered with: refuse, never guess.
        saved.optionSeed = document["optionSeed"].is_string()
                               ? seedFromText(document["optionSeed"].get<std::string>())
                               : std::nullopt;
        if (!saved.optionSeed) {
            return damaged("l’ordre des réponses montré à la salle est illisible");
        }
    }
    for (const auto& entry : document["events"]) {
        if (!entry.is_object() || !entry["k"].is_string() || !entry["a"].is_number_integer() ||
            !entry["b"].is_number_integer()) {
            return damaged("une action enregistrée est incomplète");
        }
        const auto kind = kindNamed(entry["k"].get<std::string>());
        if (!kind) {
            return damaged("une action enregistrée est inconnue");
        }
        AtelierEvent event{*kind, entry["a"].get<int>(), entry["b"].get<int>(), {}, {}};
        if (*kind == Kind::PhoneVotes) {
            if (!entry["key"].is_string() || !entry["counts"].is_array()) {
                return damaged("des votes de téléphones sont incomplets");
            }
            event.key = entry["key"].get<std::string>();
            for (const auto& count : entry["counts"]) {
                if (!count.is_number_integer()) {
                    return damaged("des votes de téléphones sont incomplets");
                }
                event.counts.push_back(count.get<int>());
            }
        }
        saved.events.push_back(std::move(event));
    }
    return saved;
}

IoResult<SavedWorkshop> readSavedWorkshop(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) {
        return IoError{"Aucun atelier en cours.", FileProblem::Missing};
    }
    std::ostringstream text;
    text << in.rdbuf();
    return savedWorkshopFromJson(text.str());
}

std::string resumeLabel(const SavedWorkshop& saved) {
    const std::string day = saved.plan.date.empty() ? saved.savedAt : saved.plan.date;
    std::string label = "Reprendre l’atelier";
    if (!day.empty()) {
        label += " du " + formatFrenchDate(day);
    }
    if (saved.stepCount > 0) {
        label +=
            " (étape " + std::to_string(saved.position + 1) + " sur " + std::to_string(saved.stepCount) + ")";
    }
    return label;
}

}  // namespace passerelles

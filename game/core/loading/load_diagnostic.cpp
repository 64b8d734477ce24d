// Reads a self-diagnostic: profiles, weighted questions; checks that every profile can be reached.
#include <algorithm>

#include "core/loading/activity_loaders.hpp"
#include "core/play/diagnostic_run.hpp"

namespace passerelles {

namespace {

void readProfiles(const FileContext& context, ObjectReader& root, SelfDiagnostic& diagnostic) {
    IdRegistry profileIds("un autre profil");
    const auto* list = root.array("profiles", "la liste des profils", true, 2);
    if (list == nullptr) {
        return;
    }
    for (std::size_t i = 0; i < list->size(); ++i) {
        ObjectReader reader(context, (*list)[i], appendPointer(root.childPointer("profiles"), i),
                            "Profil n° " + std::to_string(i + 1), fields::kProfile);
        if (!reader.isObject()) {
            continue;
        }
        Profile profile;
        profile.id = reader.id("id", "l'identifiant", true);
        if (!profile.id.empty()) {
            reader.setSubject("Profil " + guillemets(profile.id));
        }
        profileIds.claim(reader, profile.id);
        profile.title = reader.text("title", "le nom du profil", true);
        profile.subtitle = reader.text("subtitle", "la signification", false);
        profile.description = reader.text("description", "la description", true);
        profile.traits = reader.keyPoints("traits", "les traits", false);
        profile.advice = reader.keyPoints("advice", "les conseils", true);
        profile.standalone =
            reader.boolean("standalone", "l'indication de profil à part", false).value_or(false);
        profile.source = reader.sourceRef();
        reader.finish();
        diagnostic.profiles.push_back(std::move(profile));
    }
}

void readQuestions(const FileContext& context, ObjectReader& root, SelfDiagnostic& diagnostic) {
    IdRegistry questionIds("une autre question");
    const auto* list = root.array("questions", "la liste des questions", true, 1);
    if (list == nullptr) {
        return;
    }
    std::vector<std::string> profileNames;
    for (const auto& profile : diagnostic.profiles) {
        profileNames.push_back(profile.id);
    }
    for (std::size_t i = 0; i < list->size(); ++i) {
        ObjectReader reader(context, (*list)[i], appendPointer(root.childPointer("questions"), i),
                            "Question n° " + std::to_string(i + 1), fields::kDiagnosticQuestion);
        if (!reader.isObject()) {
            continue;
        }
        DiagnosticQuestion question;
        question.id = reader.id("id", "l'identifiant", true);
        if (!question.id.empty()) {
            reader.setSubject("Question " + question.id);
        }
        questionIds.claim(reader, question.id);
        question.text = reader.text("text", "l'énoncé", true);
        question.multiple =
            reader.boolean("multiple", "l'indication de réponses multiples", false).value_or(false);
        question.source = reader.sourceRef();
        IdRegistry optionIds("une autre réponse de cette question");
        if (const auto* options = reader.array("options", "la liste des réponses", true, 2, 8)) {
            for (std::size_t o = 0; o < options->size(); ++o) {
                ObjectReader optionReader(
                    context, (*options)[o], appendPointer(reader.childPointer("options"), o),
                    reader.subject() + ", réponse " + std::to_string(o + 1), fields::kDiagnosticOption);
                if (!optionReader.isObject()) {
                    continue;
                }
                DiagnosticOption option;
                option.id = optionReader.id("id", "l'identifiant", true);
                optionIds.claim(optionReader, option.id);
                option.text = optionReader.text("text", "le texte", true);
                const nlohmann::json& value = (*options)[o];
                if (!value.contains("weights")) {
                    optionReader.error(optionReader.pointer(),
                                       optionReader.subject() + " : les poids manquent (champ « weights »).");
                } else if (!value.at("weights").is_object()) {
                    optionReader.error(optionReader.childPointer("weights"),
                                       optionReader.subject() +
                                           " : « weights » doit être un objet { \"profil\": "
                                           "points }.");
                } else {
                    for (const auto& [profileId, weight] : value.at("weights").items()) {
                        const std::string pointer =
                            appendPointer(optionReader.childPointer("weights"), std::string_view(profileId));
                        int profileIndex = -1;
                        for (std::size_t p = 0; p < diagnostic.profiles.size(); ++p) {
                            if (diagnostic.profiles[p].id == profileId) {
                                profileIndex = static_cast<int>(p);
                            }
                        }
                        if (profileIndex < 0) {
                            std::string message = optionReader.subject() + " : le profil " +
                                                  guillemets(profileId) + " n'existe pas";
                            if (const auto suggestion = closestMatch(profileId, profileNames)) {
                                message += " ; vouliez-vous dire " + guillemets(*suggestion) + " ?";
                            } else {
                                message += ".";
                            }
                            optionReader.error(pointer, message);
                        } else if (!weight.is_number() || weight.get<double>() < 0 ||
                                   weight.get<double>() > 100) {
                            optionReader.error(
                                pointer,
                                optionReader.subject() + " : un poids doit être un nombre entre 0 et 100.");
                        } else {
                            option.weights.push_back({profileIndex, weight.get<double>()});
                        }
                    }
                }
                optionReader.finish();
                question.options.push_back(std::move(option));
            }
        }
        reader.finish();
        diagnostic.questions.push_back(std::move(question));
    }
}

}  // namespace

std::optional<SelfDiagnostic> loadSelfDiagnostic(const FileContext& context, ObjectReader& root) {
    const int errorsBefore = context.out.errorCount();
    SelfDiagnostic diagnostic;
    diagnostic.id = root.id("id", "l'identifiant de l'autodiagnostic", true);
    root.setSubject("Autodiagnostic « " + diagnostic.id + " »");
    diagnostic.title = root.text("title", "le titre", true);
    diagnostic.description = root.text("description", "la description", false);
    diagnostic.intro = root.text("intro", "le texte d'accueil", false);
    diagnostic.hybridMargin =
        root.number("hybridMargin", "l'écart des profils hybrides", false, 0, 0.5).value_or(0.15);
    diagnostic.tags = root.tags();
    readProfiles(context, root, diagnostic);
    readQuestions(context, root, diagnostic);
    root.finish();
    // A profile no answer ever feeds can never be the result: the author forgot its weights, or gave it
    // weights so small (1e-300) that they never reach kDiagnosticMinimumEvidence. Its most possible points
    // are counted as the scoring counts them: one answer's largest weight, or several answers' sum.
    for (std::size_t p = 0; p < diagnostic.profiles.size(); ++p) {
        double most = 0.0;
        bool anyWeight = false;
        for (const auto& question : diagnostic.questions) {
            double mostHere = 0.0;
            for (const auto& option : question.options) {
                for (const auto& weight : option.weights) {
                    if (weight.profile == static_cast<int>(p)) {
                        anyWeight = anyWeight || weight.weight > 0;
                        mostHere =
                            question.multiple ? mostHere + weight.weight : std::max(mostHere, weight.weight);
                    }
                }
            }
            most += mostHere;
        }
        if (most < kDiagnosticMinimumEvidence) {
            root.warning(appendPointer(root.childPointer("profiles"), p),
                         root.subject() + " : aucune réponse ne donne de points au profil " +
                             guillemets(diagnostic.profiles[p].id) +
                             (anyWeight ? " (ses poids sont si petits qu'ils ne comptent pas)" : "") +
                             " ; il ne pourra jamais être le résultat. Donnez-lui un poids d'au moins 1 "
                             "sur les réponses qui lui ressemblent.");
        }
    }
    if (context.out.errorCount() > errorsBefore) {
        return std::nullopt;
    }
    return diagnostic;
}

}  // namespace passerelles

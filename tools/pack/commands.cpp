// Dispatches the pack tool's commands; each command lives in its own function below.
#include "tools/pack/commands.hpp"

#include <filesystem>
#include <map>

#include <nlohmann/json.hpp>

#include "core/pack_loader.hpp"
#include "core/text.hpp"

namespace passerelles::packtool {

namespace {

constexpr const char* kUsage =
    "Utilisation : passerelles-pack COMMANDE [OPTIONS] …\n"
    "\n"
    "Commandes :\n"
    "  validate [--json] DOSSIER…   vérifie des packs (code 0 : valide, 1 : problèmes, 2 : mauvaise "
    "commande)\n"
    "  list DOSSIER                 liste les activités du pack et leur nombre d'éléments\n"
    "\n"
    "Un DOSSIER est le dossier d'un pack (celui qui contient pack.json).\n";

int usageError(std::ostream& err, const std::string& message) {
    err << "passerelles-pack : " << message << "\n\n" << kUsage;
    return 2;
}

nlohmann::json diagnosticsToJson(const PackLoad& load) {
    nlohmann::json list = nlohmann::json::array();
    for (const auto& d : load.diagnostics.items()) {
        list.push_back({{"severity", d.severity == Severity::Error ? "error" : "warning"},
                        {"file", d.file},
                        {"pointer", d.pointer},
                        {"line", d.line},
                        {"column", d.column},
                        {"message", d.message}});
    }
    return list;
}

int validate(const std::vector<std::string>& arguments, std::ostream& out, std::ostream& err) {
    bool asJson = false;
    std::vector<std::string> folders;
    for (const auto& argument : arguments) {
        if (argument == "--json") {
            asJson = true;
        } else if (argument.starts_with("--")) {
            return usageError(err, "option inconnue " + argument);
        } else {
            folders.push_back(argument);
        }
    }
    if (folders.empty()) {
        return usageError(err, "indiquez au moins un dossier de pack à vérifier");
    }
    bool anyError = false;
    nlohmann::json report = nlohmann::json::array();
    for (const auto& folder : folders) {
        const PackLoad load = loadPack(folder);
        anyError = anyError || load.diagnostics.hasErrors() || !load.usable();
        if (asJson) {
            report.push_back({{"pack", folder},
                              {"valid", load.usable() && !load.diagnostics.hasErrors()},
                              {"errors", load.diagnostics.errorCount()},
                              {"warnings", load.diagnostics.warningCount()},
                              {"diagnostics", diagnosticsToJson(load)}});
            continue;
        }
        for (const auto& diagnostic : load.diagnostics.items()) {
            out << formatDiagnostic(diagnostic) << "\n";
        }
        const int errors = load.diagnostics.errorCount();
        const int warnings = load.diagnostics.warningCount();
        out << folder << " : ";
        if (errors == 0 && load.usable()) {
            out << "pack valide";
        } else {
            out << "pack non valide";
        }
        out << " (" << errors << " erreur" << (errors > 1 ? "s" : "") << ", " << warnings << " avertissement"
            << (warnings > 1 ? "s" : "") << ")\n";
    }
    if (asJson) {
        out << report.dump(2) << "\n";
    }
    return anyError ? 1 : 0;
}

int list(const std::vector<std::string>& arguments, std::ostream& out, std::ostream& err) {
    if (arguments.size() != 1) {
        return usageError(err, "list attend un seul dossier de pack");
    }
    const PackLoad load = loadPack(arguments[0]);
    if (!load.usable()) {
        for (const auto& diagnostic : load.diagnostics.items()) {
            err << formatDiagnostic(diagnostic) << "\n";
        }
        err << arguments[0] << " : pack non valide ; lancez « passerelles-pack validate » pour le détail.\n";
        return 1;
    }
    const Pack& pack = *load.pack;
    out << pack.title << " (" << pack.id << ", version " << pack.version << ")\n";
    for (const auto& activity : pack.activities) {
        out << "  " << activityKindLabel(activity.kind) << " « " << activity.id << " » : " << activity.title
            << " — " << activityItemCount(pack, activity) << " (" << activity.file << ")\n";
    }
    for (const auto& skipped : load.skippedActivities) {
        out << "  non chargé : " << skipped << " (lancez « passerelles-pack validate »)\n";
    }
    return load.diagnostics.hasErrors() ? 1 : 0;
}

}  // namespace

int run(const std::vector<std::string>& arguments, std::ostream& out, std::ostream& err) {
    if (arguments.empty()) {
        return usageError(err, "indiquez une commande");
    }
    const std::string& command = arguments[0];
    const std::vector<std::string> rest(arguments.begin() + 1, arguments.end());
    if (command == "--help" || command == "-h" || command == "help") {
        out << kUsage;
        return 0;
    }
    if (command == "validate") {
        return validate(rest, out, err);
    }
    if (command == "list") {
        return list(rest, out, err);
    }
    return usageError(err, "commande inconnue « " + command + " »");
}

}  // namespace passerelles::packtool

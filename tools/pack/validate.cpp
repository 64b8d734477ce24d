// passerelles-pack validate: checks packs and prints every problem with its position (or as JSON).
#include <nlohmann/json.hpp>

#include "core/base/text.hpp"
#include "core/loading/pack_loader.hpp"
#include "tools/pack/command_support.hpp"

namespace passerelles::packtool {

namespace {

nlohmann::json diagnosticsToJson(const std::vector<Diagnostic>& diagnostics) {
    nlohmann::json list = nlohmann::json::array();
    for (const auto& d : diagnostics) {
        list.push_back({{"severity", d.severity == Severity::Error ? "error" : "warning"},
                        {"file", d.file},
                        {"pointer", d.pointer},
                        {"line", d.line},
                        {"column", d.column},
                        {"message", d.message}});
    }
    return list;
}

}  // namespace

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
        // The loader's problems, then the content lint's warnings (cues that give answers away).
        std::vector<Diagnostic> diagnostics = load.diagnostics.items();
        if (load.usable()) {
            const auto lint = lintDiagnostics(*load.pack, folder);
            diagnostics.insert(diagnostics.end(), lint.begin(), lint.end());
        }
        const int errors = load.diagnostics.errorCount();
        const int warnings = static_cast<int>(diagnostics.size()) - errors;
        if (asJson) {
            report.push_back({{"pack", printableForTerminal(folder)},
                              {"valid", load.usable() && !load.diagnostics.hasErrors()},
                              {"errors", errors},
                              {"warnings", warnings},
                              {"diagnostics", diagnosticsToJson(diagnostics)}});
            continue;
        }
        for (const auto& diagnostic : diagnostics) {
            out << printableForTerminal(formatDiagnostic(diagnostic)) << "\n";
        }
        out << printableForTerminal(folder) << " : ";
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

}  // namespace passerelles::packtool

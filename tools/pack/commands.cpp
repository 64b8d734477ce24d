// Dispatches the pack tool's commands; each command lives in its own function below.
#include "tools/pack/commands.hpp"

#include "tools/pack/command_support.hpp"

namespace passerelles::packtool {

namespace {

constexpr const char* kUsage =
    "Utilisation : passerelles-pack COMMANDE [OPTIONS] …\n"
    "\n"
    "Commandes :\n"
    "  validate [--json] DOSSIER…   vérifie des packs (code 0 : valide, 1 : problèmes, 2 : mauvaise "
    "commande)\n"
    "  list DOSSIER                 liste les activités du pack et leur nombre d'éléments\n"
    "  stats DOSSIER                comptes par thème, public et difficulté ; éléments sans source\n"
    "  new DOSSIER                  crée un pack d'exemple valide, à compléter\n"
    "  graph DOSSIER SCENARIO       écrit le scénario au format Graphviz DOT (dot -Tsvg pour le voir)\n"
    "  import --from csv|gift|aiken FICHIER --into DOSSIER [--quiz ID] [--dry-run] [--force]\n"
    "                               importe des questions dans un quiz (créé s'il n'existe pas) ;\n"
    "                               rien n'est écrit s'il reste des erreurs, sauf avec --force\n"
    "  export --format gift|csv DOSSIER [--quiz ID] [-o FICHIER]\n"
    "                               écrit un quiz pour Moodle (GIFT) ou un tableur (CSV)\n"
    "\n"
    "Un DOSSIER est le dossier d'un pack (celui qui contient pack.json).\n";

}  // namespace

int usageError(std::ostream& err, const std::string& message) {
    err << "passerelles-pack : " << message << "\n\n" << kUsage;
    return 2;
}

bool loadPlayablePack(const std::string& folder, PackLoad& load, std::ostream& err) {
    load = loadPack(folder);
    if (load.usable()) {
        return true;
    }
    for (const auto& diagnostic : load.diagnostics.items()) {
        err << formatDiagnostic(diagnostic) << "\n";
    }
    err << folder << " : pack non valide ; lancez « passerelles-pack validate " << folder
        << " » pour le détail.\n";
    return false;
}

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
    if (command == "stats") {
        return stats(rest, out, err);
    }
    if (command == "new") {
        return newPack(rest, out, err);
    }
    if (command == "graph") {
        return graph(rest, out, err);
    }
    if (command == "import") {
        return importCommand(rest, out, err);
    }
    if (command == "export") {
        return exportCommand(rest, out, err);
    }
    return usageError(err, "commande inconnue « " + command + " »");
}

}  // namespace passerelles::packtool

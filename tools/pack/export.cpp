// passerelles-pack export: writes a pack's quiz as Moodle GIFT or as a CSV spreadsheet, to standard
// output or to a file; what the format cannot express is said on standard error.
#include "core/formats/trainer_formats.hpp"
#include "tools/pack/command_support.hpp"
#include "tools/pack/pack_files.hpp"

namespace passerelles::packtool {

int exportCommand(const Arguments& arguments, std::ostream& out, std::ostream& err) {
    std::string format;
    std::string folder;
    std::string quizId;
    std::string outputFile;
    for (std::size_t i = 0; i < arguments.size(); ++i) {
        const std::string& argument = arguments[i];
        const bool takesValue = argument == "--format" || argument == "--quiz" || argument == "-o";
        if (takesValue && i + 1 >= arguments.size()) {
            return usageError(err, argument + " attend une valeur");
        }
        if (argument == "--format") {
            format = arguments[++i];
        } else if (argument == "--quiz") {
            quizId = arguments[++i];
        } else if (argument == "-o") {
            outputFile = arguments[++i];
        } else if (argument.starts_with("-")) {
            return usageError(err, "option inconnue " + argument);
        } else if (folder.empty()) {
            folder = argument;
        } else {
            return usageError(err, "export attend un seul dossier de pack");
        }
    }
    const auto kind = trainerFormatNamed(format);
    if (folder.empty() || !kind || *kind == TrainerFormat::Aiken) {
        return usageError(err, "export attend --format gift|csv DOSSIER [--quiz ID] [-o FICHIER]");
    }
    PackLoad load;
    if (!loadPlayablePack(folder, load, err)) {
        return 1;
    }
    const Pack& pack = *load.pack;
    std::vector<std::string> quizIds;
    for (const auto& activity : pack.activities) {
        if (activity.kind == ActivityKind::Quiz) {
            quizIds.push_back(activity.id);
        }
    }
    if (quizIds.empty()) {
        err << "passerelles-pack : le pack " << folder << " n'a aucun quiz jouable à exporter.\n";
        return 1;
    }
    std::string available;
    for (const auto& id : quizIds) {
        available += (available.empty() ? "" : ", ") + id;
    }
    if (quizId.empty() && quizIds.size() > 1) {
        return usageError(err,
                          "ce pack a plusieurs quiz (" + available + ") ; choisissez-en un avec --quiz ID");
    }
    const Quiz* quiz = pack.findQuiz(quizId.empty() ? quizIds.front() : quizId);
    if (quiz == nullptr) {
        return usageError(err,
                          "le pack n'a pas de quiz jouable « " + quizId + " » (quiz : " + available + ")");
    }
    const ExportResult result = *kind == TrainerFormat::Gift ? exportGift(pack, *quiz) : exportCsv(*quiz);
    for (const auto& warning : result.warnings.items()) {
        err << formatDiagnostic(warning) << "\n";
    }
    if (outputFile.empty()) {
        out << result.text;
        return 0;
    }
    if (!writeTextFile(outputFile, result.text, err)) {
        return 1;
    }
    err << "Quiz « " << quiz->id << " » (" << quiz->questions.size() << " questions) exporté dans "
        << outputFile << ".\n";
    return 0;
}

}  // namespace passerelles::packtool

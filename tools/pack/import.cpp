// passerelles-pack import: brings questions from a spreadsheet (CSV), Moodle GIFT or Aiken into a pack's
// quiz, after a preview of what was understood; nothing is written while errors remain (unless --force).
#include <sstream>

#include "core/base/file_reading.hpp"
#include "core/base/platform.hpp"
#include "core/base/text.hpp"
#include "core/formats/trainer_format_support.hpp"
#include "core/loading/pack_loader.hpp"
#include "core/loading/pack_reader.hpp"
#include "tools/pack/command_support.hpp"
#include "tools/pack/import_target.hpp"

namespace passerelles::packtool {

namespace {

struct ImportRequest {
    TrainerFormat format = TrainerFormat::Csv;
    std::filesystem::path file;
    std::filesystem::path folder;
    std::string quizId;
    bool force = false;
    bool dryRun = false;
};

// Reads "--from gift", "--from=gift" and the like; returns false (and prints why) on a usage error.
bool parseRequest(const Arguments& arguments, ImportRequest& request, std::ostream& err, int& code) {
    std::optional<TrainerFormat> format;
    std::string file;
    std::string folder;
    for (std::size_t i = 0; i < arguments.size(); ++i) {
        std::string argument = arguments[i];
        std::optional<std::string> value;
        if (const auto equals = argument.find('=');
            argument.starts_with("--") && equals != std::string::npos) {
            value = argument.substr(equals + 1);
            argument.resize(equals);
        }
        const auto takeValue = [&]() -> std::optional<std::string> {
            if (value) {
                return value;
            }
            if (i + 1 < arguments.size()) {
                return arguments[++i];
            }
            return std::nullopt;
        };
        if (argument == "--force" || argument == "--dry-run") {
            (argument == "--force" ? request.force : request.dryRun) = true;
        } else if (argument == "--from" || argument == "--into" || argument == "--quiz") {
            const auto given = takeValue();
            if (!given) {
                code = usageError(err, argument + " attend une valeur");
                return false;
            }
            if (argument == "--from") {
                format = trainerFormatNamed(*given);
                if (!format) {
                    code = usageError(err, "format inconnu « " + *given + " » ; écrivez csv, gift ou aiken");
                    return false;
                }
            } else {
                (argument == "--into" ? folder : request.quizId) = *given;
            }
        } else if (argument.starts_with("--")) {
            code = usageError(err, "option inconnue " + argument);
            return false;
        } else if (file.empty()) {
            file = argument;
        } else {
            code = usageError(err, "import lit un seul fichier à la fois (" + file + ", " + argument + ")");
            return false;
        }
    }
    if (!format || file.empty() || folder.empty()) {
        code = usageError(err, "import attend --from csv|gift|aiken FICHIER --into DOSSIER");
        return false;
    }
    if (!request.quizId.empty() && !isValidId(request.quizId)) {
        code = usageError(err, "l'identifiant de quiz « " + request.quizId +
                                   " » n'est pas valide (minuscules sans accent, chiffres, - ou _)");
        return false;
    }
    request.format = *format;
    request.file = file;
    request.folder = folder;
    return true;
}

std::optional<std::string> readInput(const std::filesystem::path& path, std::size_t maxBytes,
                                     std::ostream& err) {
    // A FIFO or a device is never opened; a file over the limit is refused by the importer.
    IoResult<std::string> read = readRegularFile(path, maxBytes);
    if (!read.ok() && read.error().problem == FileProblem::TooBig) {
        return std::string(maxBytes + 1, ' ');  // one byte over the limit: the importer says « trop gros »
    }
    if (!read.ok()) {
        err << "passerelles-pack : " << printableForTerminal(path.string()) << " : " << read.error().message
            << "\n";
        return std::nullopt;
    }
    return std::move(read).value();
}

std::string letters(const std::vector<int>& indices) {
    std::string out;
    for (const int index : indices) {
        out += (out.empty() ? "" : ", ") + std::string(1, static_cast<char>('A' + index));
    }
    return out;
}

// "q03 · 3 options · bonnes réponses : A, C · crédit partiel · « Les Objectifs de… »"
std::string previewLine(const ImportedQuestion& question, const ImportTarget& target) {
    const auto correct = question.correctIndices();
    std::string line = question.id + " · " + std::to_string(question.options.size()) + " options · " +
                       (correct.size() > 1 ? "bonnes réponses : " : "bonne réponse : ") + letters(correct);
    if (correct.size() > 1) {
        line += target.ruleOf(question) == ScoringRule::Partial ? " · crédit partiel" : " · tout ou rien";
    }
    if (question.points && *question.points != 1.0) {
        line += " · " + formatDecimal(*question.points) + " points";
    }
    line += " · " + guillemets(formats::excerpt(question.text, 50));
    if (target.findQuestion(question.id) != nullptr) {
        line += " · remplace la question existante";
    }
    return line;
}

std::string plural(int count, const char* one, const char* many) {
    return std::to_string(count) + " " + (count > 1 ? many : one);
}

// After writing, the pack is loaded as the game would load it. Errors are all shown; warnings (often the
// same reminder for every question) only the first few.
int checkWrittenPack(const std::filesystem::path& folder, std::ostream& out) {
    constexpr int kWarningsShown = 8;
    const PackLoad load = loadPack(folder);
    int warningsShown = 0;
    for (const auto& diagnostic : load.diagnostics.items()) {
        if (diagnostic.severity == Severity::Warning && warningsShown++ >= kWarningsShown) {
            continue;
        }
        out << formatDiagnostic(diagnostic) << "\n";
    }
    const int errors = load.diagnostics.errorCount();
    const int warnings = load.diagnostics.warningCount();
    if (warnings > kWarningsShown) {
        out << "… et " << plural(warnings - kWarningsShown, "autre avertissement", "autres avertissements")
            << " : passerelles-pack validate " << folder.string() << " les montre tous.\n";
    }
    out << "Vérification : " << folder.string() << " : "
        << (load.usable() && errors == 0 ? "pack valide" : "pack non valide") << " ("
        << plural(errors, "erreur", "erreurs") << ", " << plural(warnings, "avertissement", "avertissements")
        << ")\n";
    return load.usable() && errors == 0 ? 0 : 1;
}

// The import rehearsed in a copy of the pack (a temporary folder): when the loader would find more errors
// there than in the pack as it is, nothing is written and those errors are shown, named in the real
// folder. An import that the checks of the import itself let through (points of 0,001 rounded to 0, say)
// can then never turn a quiz that loads into one that does not.
bool importWouldBreakPack(const ImportTarget& target, std::ostream& out, std::ostream& err) {
    std::error_code error;
    const std::filesystem::path rehearsal =
        std::filesystem::temp_directory_path(error) /
        ("passerelles-import-" + std::to_string(platform::processId()) + "-" +
         std::to_string(std::hash<std::string>{}(target.folder.string())));
    std::filesystem::remove_all(rehearsal, error);
    // The copy keeps the pack's folder name: diagnostics name files from there (« atelier/quiz.json »).
    const std::filesystem::path name = target.folder.filename().empty() ? "pack" : target.folder.filename();
    const std::filesystem::path copy = rehearsal / name;
    int errorsBefore = 0;
    if (std::filesystem::is_directory(target.folder, error)) {
        errorsBefore = loadPack(target.folder).diagnostics.errorCount();
        std::filesystem::create_directories(rehearsal, error);
        std::filesystem::copy(target.folder, copy, std::filesystem::copy_options::recursive, error);
        if (error) {
            // No room for a copy: the written pack is still checked afterwards, as before.
            std::filesystem::remove_all(rehearsal, error);
            return false;
        }
    }
    ImportTarget staged = target;
    staged.folder = copy;
    std::ostringstream ignored;
    if (!writeImportTarget(staged, ignored, ignored)) {
        std::filesystem::remove_all(rehearsal, error);
        return false;
    }
    const PackLoad load = loadPack(copy);
    const bool breaks = load.diagnostics.errorCount() > errorsBefore;
    if (breaks) {
        const std::string shownCopy = copy.string();
        const std::string shownReal = target.folder.string();
        for (const auto& diagnostic : load.diagnostics.items()) {
            if (diagnostic.severity != Severity::Error) {
                continue;
            }
            std::string line = formatDiagnostic(diagnostic);
            for (std::size_t at = line.find(shownCopy); at != std::string::npos; at = line.find(shownCopy)) {
                line.replace(at, shownCopy.size(), shownReal);
            }
            err << line << "\n";
        }
        out << "Rien n'a été écrit : le quiz ainsi importé ne se chargerait pas dans le jeu ("
            << plural(load.diagnostics.errorCount() - errorsBefore, "erreur", "erreurs")
            << " de plus, ci-dessus). Corrigez ces cellules du fichier, puis relancez l'import.\n";
    }
    std::filesystem::remove_all(rehearsal, error);
    return breaks;
}

}  // namespace

int importCommand(const Arguments& arguments, std::ostream& out, std::ostream& err) {
    ImportRequest request;
    int code = 0;
    if (!parseRequest(arguments, request, err, code)) {
        return code;
    }
    ImportOptions options;
    options.label = request.file.filename().string();
    const auto input = readInput(request.file, options.maxBytes, err);
    if (!input) {
        return 1;
    }
    const std::string stem = request.file.stem().string();
    const std::string quizId = request.quizId.empty() ? idFromName(stem, "questions") : request.quizId;
    auto target = openImportTarget(request.folder, quizId, stem, err);
    if (!target) {
        return 1;
    }
    options.takenIds = target->questionIds();
    const ImportResult result = importQuestions(request.format, *input, options);
    if (target->newQuiz && !result.suggestedTitle.empty()) {
        target->quiz["title"] = result.suggestedTitle;
        if (target->newPack) {
            target->manifest["title"] = result.suggestedTitle;
        }
    }

    out << options.label << " (" << trainerFormatLabel(request.format) << ") → " << request.folder.string()
        << ", quiz " << guillemets(quizId)
        << (target->newPack   ? " (nouveau pack)"
            : target->newQuiz ? " (nouveau quiz)"
                              : "")
        << " :\n";
    int replacing = 0;
    for (const auto& question : result.questions) {
        out << "  " << previewLine(question, *target) << "\n";
        replacing += target->findQuestion(question.id) != nullptr ? 1 : 0;
    }
    // Problems (a column ignored, formatting dropped, a line not understood) go to standard error like
    // every other loss, so that a script reading the preview on standard output still sees each of them.
    for (const auto& problem : result.problems.items()) {
        err << formatDiagnostic(problem) << "\n";
    }
    const int understood = static_cast<int>(result.questions.size());
    const int errors = result.problems.errorCount();
    out << plural(understood, "question comprise", "questions comprises") << " ("
        << plural(understood - replacing, "nouvelle", "nouvelles") << ", "
        << plural(replacing, "remplacée", "remplacées") << "), "
        << plural(result.problems.warningCount(), "avertissement", "avertissements") << ", "
        << plural(errors, "erreur", "erreurs") << ".\n";

    if (understood == 0) {
        out << "Aucune question à importer : rien n'a été écrit.\n";
        return 1;
    }
    if (errors > 0 && !request.force) {
        out << "Rien n'a été écrit : corrigez les erreurs, ou relancez avec --force pour importer les "
            << plural(understood, "question comprise", "questions comprises") << " sans celles en erreur.\n";
        return 1;
    }
    if (request.dryRun) {
        out << "Aperçu seulement (--dry-run) : rien n'a été écrit.\n";
        return errors > 0 ? 1 : 0;
    }
    const MergeReport report = mergeQuestions(*target, result.questions);
    for (const auto& loss : report.lost) {
        err << frenchTypography(options.label + " : " + loss) << "\n";
    }
    const auto listDeclared = [&](const char* what, const std::vector<std::string>& items) {
        if (items.empty()) {
            return;
        }
        out << "  " << what << " : ";
        for (std::size_t i = 0; i < items.size(); ++i) {
            out << (i == 0 ? "" : ", ") << items[i];
        }
        out << "\n";
    };
    if (!report.sources.empty() || !report.themes.empty() || !report.audiences.empty()) {
        out << "Ajouté à pack.json, que le pack ne connaissait pas (complétez les libellés) :\n";
        listDeclared("sources", report.sources);
        listDeclared("thèmes", report.themes);
        listDeclared("publics", report.audiences);
    }
    if (importWouldBreakPack(*target, out, err)) {
        return 1;
    }
    if (!writeImportTarget(*target, out, err)) {
        return 1;
    }
    return checkWrittenPack(request.folder, out);
}

}  // namespace passerelles::packtool

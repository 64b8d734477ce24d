// The content lint as the pack tool prints it: figures per activity (stats) and warnings (validate).
#include <filesystem>

#include "core/base/text.hpp"
#include "core/content/content_lint.hpp"
#include "tools/pack/command_support.hpp"
#include "tools/pack/pack_files.hpp"

namespace passerelles::packtool {

namespace {

std::string activityName(const ActivityRef& activity) {
    switch (activity.kind) {
        case ActivityKind::Quiz:
            return "quiz « " + activity.id + " »";
        case ActivityKind::Myths:
            return "idées reçues « " + activity.id + " »";
        case ActivityKind::Scenario:
            return "scénario « " + activity.id + " »";
        case ActivityKind::SelfDiagnostic:
            break;
    }
    return "autodiagnostic « " + activity.id + " »";
}

std::string itemsNoun(const ActivityRef& activity, int count) {
    switch (activity.kind) {
        case ActivityKind::Quiz:
            return countNoun(count, "question", "questions");
        case ActivityKind::Myths:
            return countNoun(count, "carte", "cartes");
        default:
            return countNoun(count, "nœud de décision", "nœuds de décision");
    }
}

std::string share(int part, int whole, double ratio) {
    return std::to_string(part) + "/" + std::to_string(whole) + " (" + formatDecimal(ratio * 100.0, 0) +
           " %)";
}

// The shared glossary the game would use with this pack: glossaire.json beside the pack's folder (a
// content root), and the bundled one; problems in them are validate's business elsewhere, not the lint's.
std::vector<GlossaryEntry> sharedGlossary(const std::string& folder) {
    std::vector<GlossaryEntry> entries;
    Diagnostics ignored;
    std::error_code error;
    const auto root = std::filesystem::absolute(folder, error).lexically_normal();
    for (const auto& file :
         {root.parent_path() / "glossaire.json", root.parent_path().parent_path() / "glossaire.json",
          schemaDirectory().parent_path() / "glossaire.json"}) {
        if (std::filesystem::is_regular_file(file, error)) {
            loadGlossaryFile(file, "glossaire.json", JsonLimits{}, entries, ignored);
        }
    }
    return entries;
}

}  // namespace

std::vector<Diagnostic> lintDiagnostics(const Pack& pack, const std::string& folder) {
    std::vector<Diagnostic> out;
    for (const auto& activity : lintPack(pack, sharedGlossary(folder)).activities) {
        for (const auto& finding : activity.findings) {
            Diagnostic diagnostic;
            diagnostic.severity = Severity::Warning;
            diagnostic.file = (std::filesystem::path(folder) / activity.activity->file).string();
            diagnostic.pointer = finding.pointer;
            diagnostic.message = "Relecture, " + activityName(*activity.activity) + " : " + finding.message;
            out.push_back(std::move(diagnostic));
        }
    }
    return out;
}

void printLintFigures(const Pack& pack, const std::string& folder, std::ostream& out) {
    out << "Indices de réponse (seuils, dès " << lint::kMinItemsForShares
        << " éléments : bonne réponse seule plus longue ≤ "
        << formatDecimal(lint::kMaxOnlyLongestShare * 100, 0) << " %, une même position ≤ "
        << formatDecimal(lint::kMaxSamePositionShare * 100, 0)
        << " % ; aucun début réservé aux bonnes réponses, aucune réponse donnée avant sa question) :\n";
    const PackLint lint = lintPack(pack, sharedGlossary(folder));
    if (lint.activities.empty()) {
        out << "  (aucune activité à réponses)\n";
    }
    for (const auto& activity : lint.activities) {
        out << "  " << activityName(*activity.activity) << ", "
            << itemsNoun(*activity.activity, activity.items) << " : seule plus longue "
            << share(static_cast<int>(activity.onlyLongest.size()), activity.items,
                     activity.onlyLongestShare());
        if (activity.fixedItems == 0) {
            out << " ; options mélangées à chaque partie";
        } else {
            out << " ; dans l'ordre du fichier : " << activity.fixedItems << ", bonne réponse en";
            for (std::size_t i = 0; i < activity.fixedPositions.size(); ++i) {
                out << (i > 0 ? "," : "") << " " << static_cast<char>('A' + i) << " "
                    << activity.fixedPositions[i];
            }
            if (activity.fixedItems < activity.items) {
                out << " ; les autres mélangées à chaque partie";
            }
        }
        out << " ; "
            << (activity.passes()
                    ? "conforme"
                    : countNoun(static_cast<long long>(activity.findings.size()), "problème", "problèmes"))
            << "\n";
        for (const auto& finding : activity.findings) {
            out << "    " << (finding.itemId.empty() ? "" : finding.itemId + " : ") << finding.message
                << "\n";
        }
    }
}

}  // namespace passerelles::packtool

// passerelles-pack stats: counts by theme, audience and difficulty, and every place without a source.
#include <map>

#include "core/loading/pack_inventory.hpp"
#include "tools/pack/command_support.hpp"

namespace passerelles::packtool {

namespace {

const char* difficultyLabel(int difficulty) {
    switch (difficulty) {
        case 1:
            return "facile (1)";
        case 2:
            return "moyen (2)";
        case 3:
            return "difficile (3)";
        default:
            return "non précisée";
    }
}

void printCounts(std::ostream& out, const char* heading, const std::map<std::string, int>& counts) {
    out << heading << "\n";
    if (counts.empty()) {
        out << "  (aucun)\n";
    }
    for (const auto& [label, count] : counts) {
        out << "  " << label << " : " << count << "\n";
    }
}

}  // namespace

int stats(const Arguments& arguments, std::ostream& out, std::ostream& err) {
    if (arguments.size() != 1) {
        return usageError(err, "stats attend un seul dossier de pack");
    }
    PackLoad load;
    if (!loadPlayablePack(arguments[0], load, err)) {
        return 1;
    }
    const Pack& pack = *load.pack;
    const PackInventory inventory = inventoryOf(pack);
    std::map<ActivityKind, int> byKind;
    std::map<std::string, int> byTheme;
    std::map<std::string, int> byAudience;
    std::map<std::string, int> byDifficulty;
    std::vector<std::string> unverified;
    for (const auto& item : inventory.items) {
        ++byKind[item.kind];
        for (const auto& theme : item.tags->themes) {
            ++byTheme[pack.themeLabel(theme) + " (" + theme + ")"];
        }
        for (const auto& audience : item.tags->audiences) {
            ++byAudience[pack.audienceLabel(audience) + " (" + audience + ")"];
        }
        ++byDifficulty[difficultyLabel(item.tags->difficulty)];
        if (item.tags->verifiedOn.empty()) {
            unverified.push_back(item.label);
        }
    }
    out << pack.title << " (" << pack.id << ", version " << pack.version << ")\n";
    const auto count = [](int n, const char* one, const char* many) {
        return std::to_string(n) + " " + (n > 1 ? many : one);
    };
    out << count(static_cast<int>(inventory.items.size()), "élément", "éléments") << " : "
        << count(byKind[ActivityKind::Quiz], "question", "questions") << ", "
        << count(byKind[ActivityKind::Myths], "carte d'idée reçue", "cartes d'idées reçues") << ", "
        << count(byKind[ActivityKind::Scenario], "scénario", "scénarios") << ", "
        << count(byKind[ActivityKind::SelfDiagnostic], "autodiagnostic", "autodiagnostics") << "\n\n";
    printCounts(out, "Par thème :", byTheme);
    printCounts(out, "Par public :", byAudience);
    printCounts(out, "Par difficulté :", byDifficulty);
    // Never checked against its source: the list, so a reviewer knows what to read next.
    out << "Jamais vérifiés (sans verifiedOn) : " << unverified.size();
    for (std::size_t i = 0; i < unverified.size(); ++i) {
        out << (i == 0 ? " : " : " ; ") << unverified[i];
    }
    out << "\n\n";
    if (inventory.missingSources.empty()) {
        out << "Sources : chaque élément cite sa source.\n";
    } else {
        out << "Sans source (" << inventory.missingSources.size() << ") :\n";
        for (const auto& missing : inventory.missingSources) {
            out << "  " << missing.where << "\n";
        }
    }
    out << "\n";
    printLintFigures(pack, arguments[0], out);
    return 0;
}

}  // namespace passerelles::packtool

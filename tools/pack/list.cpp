// passerelles-pack list: the activities of a pack and their item counts.
#include "core/loading/pack_loader.hpp"
#include "tools/pack/command_support.hpp"

namespace passerelles::packtool {

int list(const std::vector<std::string>& arguments, std::ostream& out, std::ostream& err) {
    if (arguments.size() != 1) {
        return usageError(err, "list attend un seul dossier de pack");
    }
    PackLoad load;
    if (!loadPlayablePack(arguments[0], load, err)) {
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

}  // namespace passerelles::packtool

// The pack and quiz an import writes into: found in the folder or created, then updated question by
// question (same id: replaced; new id: appended; others kept).
#pragma once

#include <filesystem>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "core/formats/trainer_formats.hpp"
#include "tools/pack/pack_files.hpp"

namespace passerelles::packtool {

struct ImportTarget {
    std::filesystem::path folder;
    bool newPack = false;
    bool newQuiz = false;
    Json manifest;          // pack.json as read (or a minimal one for a new pack)
    Json originalManifest;  // to know whether pack.json must be written again
    std::string quizFile;   // relative to the folder
    Json quiz;
    ScoringRule quizRule = ScoringRule::Partial;

    std::set<std::string> questionIds() const;
    const Json* findQuestion(const std::string& id) const;
    // The rule the question will be scored with once imported (its own, the one it had, or the quiz's).
    ScoringRule ruleOf(const ImportedQuestion& question) const;
};

// Reads the target, or prepares a new pack or quiz; prints why and returns nullopt when it cannot.
std::optional<ImportTarget> openImportTarget(const std::filesystem::path& folder, const std::string& quizId,
                                             const std::string& quizTitle, std::ostream& err);

// What an import added to pack.json because the pack did not know it.
struct MergeReport {
    std::vector<std::string> sources;  // "cahier2020 (référence à compléter)"
    std::vector<std::string> themes;
    std::vector<std::string> audiences;
    // What a replaced question had that the file does not carry and the import could not keep, one
    // sentence per question and field: « question q07 : le champ "options.id" … ».
    std::vector<std::string> lost;
};

// Puts the questions into the quiz; sources, themes and audiences the pack does not know are declared.
MergeReport mergeQuestions(ImportTarget& target, const std::vector<ImportedQuestion>& questions);

// Writes the quiz file, and pack.json when it changed; prints the paths written to `out`.
bool writeImportTarget(const ImportTarget& target, std::ostream& out, std::ostream& err);

}  // namespace passerelles::packtool

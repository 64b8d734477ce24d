// Finds or creates the pack and quiz an import writes into, merges the questions and writes the files.
//
// Sections:
//   1. Reading the target (existing pack and quiz, or new ones)
//   2. Sources, themes and audiences: found in pack.json or declared there
//   3. One question's JSON, keeping what the imported file does not carry
//   4. Merging and writing
#include "tools/pack/import_target.hpp"

#include <algorithm>
#include <cmath>
#include <fstream>
#include <set>
#include <sstream>

#include "core/base/file_reading.hpp"
#include "core/base/text.hpp"
#include "core/loading/pack_reader.hpp"

namespace passerelles::packtool {

namespace {

constexpr std::uintmax_t kMaxJsonBytes = 8u * 1024u * 1024u;
constexpr const char* kPlaceholderSource = "a-completer";

// ---------------------------------------------------------------------------------------------
// 1. Reading the target
// ---------------------------------------------------------------------------------------------

std::optional<Json> readJson(const std::filesystem::path& path) {
    const IoResult<std::string> read = readRegularFile(path, kMaxJsonBytes);
    if (!read.ok()) {
        return std::nullopt;
    }
    Json value = Json::parse(read.value(), nullptr, false);
    if (value.is_discarded() || !value.is_object()) {
        return std::nullopt;
    }
    return value;
}

std::string stringField(const Json& object, const char* key) {
    const auto found = object.find(key);
    return found != object.end() && found->is_string() ? found->get<std::string>() : std::string();
}

// The pack's own "$schema" folder when it has one ("../schema"), so that the new file cites it alike.
std::string schemaFolderFor(const ImportTarget& target) {
    const std::string manifestSchema = stringField(target.manifest, "$schema");
    const auto slash = manifestSchema.rfind('/');
    if (slash != std::string::npos) {
        return manifestSchema.substr(0, slash);
    }
    return schemaReference(target.folder);
}

Json newQuiz(const ImportTarget& target, const std::string& id, const std::string& title) {
    return Json{{"$schema", schemaFolderFor(target) + "/quiz.schema.json"},
                {"kind", "quiz"},
                {"id", id},
                {"title", title},
                {"scoring", "partial"},
                {"questions", Json::array()}};
}

std::string unusedQuizFile(const ImportTarget& target, const std::string& quizId) {
    const auto listed = [&](const std::string& file) {
        for (const auto& entry : target.manifest["activities"]) {
            if (entry.is_string() && entry.get<std::string>() == file) {
                return true;
            }
        }
        std::error_code error;
        return std::filesystem::exists(target.folder / file, error);
    };
    std::string file = quizId + ".json";
    for (int n = 2; listed(file); ++n) {
        file = "quiz-" + quizId + (n == 2 ? "" : "-" + std::to_string(n - 1)) + ".json";
    }
    return file;
}

}  // namespace

std::optional<ImportTarget> openImportTarget(const std::filesystem::path& folder, const std::string& quizId,
                                             const std::string& quizTitle, std::ostream& err) {
    ImportTarget target;
    target.folder = folder;
    std::error_code error;
    const auto manifestPath = folder / "pack.json";
    if (!std::filesystem::exists(manifestPath, error)) {
        if (std::filesystem::exists(folder, error) &&
            (!std::filesystem::is_directory(folder, error) || !std::filesystem::is_empty(folder, error))) {
            err << "passerelles-pack : " << folder.string()
                << " n'est pas un dossier de pack (il n'a pas de pack.json) et n'est pas vide. Indiquez le "
                   "dossier d'un pack, ou un dossier neuf : il sera créé.\n";
            return std::nullopt;
        }
        target.newPack = true;
        target.newQuiz = true;
        target.quizFile = quizId + ".json";
        target.manifest = Json{
            {"$schema", schemaReference(folder) + "/pack.schema.json"},
            {"format", 1},
            {"id", idFromName(folderName(folder), "mon-pack")},
            {"title", quizTitle},
            {"description",
             "Questions importées avec passerelles-pack import. Complétez ce titre, cette description et la "
             "source."},
            {"language", "fr"},
            {"version", "1.0.0"},
            {"sources", Json::array()},
            {"activities", Json::array({target.quizFile})},
        };
        target.quiz = newQuiz(target, quizId, quizTitle);
        return target;
    }
    auto manifest = readJson(manifestPath);
    if (!manifest || !(*manifest)["activities"].is_array() || !(*manifest)["sources"].is_array()) {
        err << "passerelles-pack : " << manifestPath.string()
            << " n'est pas lisible ; lancez « passerelles-pack validate " << folder.string()
            << " » et corrigez-le d'abord.\n";
        return std::nullopt;
    }
    target.manifest = std::move(*manifest);
    target.originalManifest = target.manifest;
    for (const auto& entry : target.manifest["activities"]) {
        if (!entry.is_string()) {
            continue;
        }
        const std::string file = entry.get<std::string>();
        const auto activity = readJson(folder / file);
        if (!activity || stringField(*activity, "id") != quizId) {
            continue;
        }
        if (stringField(*activity, "kind") != "quiz" || !activity->contains("questions") ||
            !(*activity)["questions"].is_array()) {
            err << "passerelles-pack : l'identifiant « " << quizId << " » est déjà celui de l'activité "
                << file << ", qui n'est pas un quiz lisible. Choisissez un autre identifiant avec --quiz.\n";
            return std::nullopt;
        }
        target.quizFile = file;
        target.quiz = *activity;
        target.quizRule = stringField(target.quiz, "scoring") == "all-or-nothing" ? ScoringRule::AllOrNothing
                                                                                  : ScoringRule::Partial;
        return target;
    }
    target.newQuiz = true;
    target.quizFile = unusedQuizFile(target, quizId);
    target.manifest["activities"].push_back(target.quizFile);
    target.quiz = newQuiz(target, quizId, quizTitle);
    return target;
}

std::set<std::string> ImportTarget::questionIds() const {
    std::set<std::string> ids;
    for (const auto& question : quiz["questions"]) {
        if (question.is_object()) {
            ids.insert(stringField(question, "id"));
        }
    }
    return ids;
}

const Json* ImportTarget::findQuestion(const std::string& id) const {
    for (const auto& question : quiz["questions"]) {
        if (question.is_object() && stringField(question, "id") == id) {
            return &question;
        }
    }
    return nullptr;
}

ScoringRule ImportTarget::ruleOf(const ImportedQuestion& question) const {
    if (question.scoring) {
        return *question.scoring;
    }
    if (const Json* existing = findQuestion(question.id)) {
        const std::string rule = stringField(*existing, "scoring");
        if (!rule.empty()) {
            return rule == "all-or-nothing" ? ScoringRule::AllOrNothing : ScoringRule::Partial;
        }
    }
    return quizRule;
}

namespace {

// ---------------------------------------------------------------------------------------------
// 2. Sources, themes and audiences
// ---------------------------------------------------------------------------------------------

// The manifest's list `key`, created before "activities" (where the guide puts it) when missing.
Json& manifestList(Json& manifest, const char* key) {
    if (manifest.contains(key) && manifest[key].is_array()) {
        return manifest[key];
    }
    Json rebuilt = Json::object();
    for (auto& [name, value] : manifest.items()) {
        if (name == "activities" || name == "glossary") {
            rebuilt[key] = Json::array();
        }
        rebuilt[name] = std::move(value);
    }
    if (!rebuilt.contains(key)) {
        rebuilt[key] = Json::array();
    }
    manifest = std::move(rebuilt);
    return manifest[key];
}

bool hasEntry(const Json& list, const std::string& id) {
    for (const auto& entry : list) {
        if (entry.is_object() && stringField(entry, "id") == id) {
            return true;
        }
    }
    return false;
}

std::string unusedId(const Json& list, std::string base) {
    base = base.substr(0, 40);
    while (!base.empty() && base.back() == '-') {
        base.pop_back();
    }
    std::string id = base;
    for (int n = 2; hasEntry(list, id); ++n) {
        id = base + "-" + std::to_string(n);
    }
    return id;
}

class Declarations {
  public:
    Declarations(Json& manifest, MergeReport& report) : manifest_(manifest), report_(report) {}

    // A theme or audience written as its id or its label; declared with that label when unknown.
    std::string vocabulary(const char* key, const std::string& written) {
        Json& list = manifestList(manifest_, key);
        const std::string folded = foldForSearch(written);
        for (const auto& entry : list) {
            if (entry.is_object() && (stringField(entry, "id") == written ||
                                      foldForSearch(stringField(entry, "label")) == folded)) {
                return stringField(entry, "id");
            }
        }
        const std::string id = isValidId(written) ? written : idFromName(written, "x");
        if (!hasEntry(list, id)) {
            list.push_back(Json{{"id", id}, {"label", written}});
            (std::string_view(key) == "themes" ? report_.themes : report_.audiences).push_back(id);
        }
        return id;
    }

    // The id of a declared source; a source named but not declared, or given as free text, is declared.
    std::string source(const ImportedSource& written) {
        Json& list = manifestList(manifest_, "sources");
        if (!written.sourceId.empty()) {
            if (!hasEntry(list, written.sourceId)) {
                list.push_back(Json{
                    {"id", written.sourceId},
                    {"short", written.sourceId},
                    {"citation", "À compléter : la référence complète de « " + written.sourceId + " »."}});
                report_.sources.push_back(written.sourceId + " (référence à compléter)");
            }
            return written.sourceId;
        }
        for (const auto& entry : list) {
            if (entry.is_object() && (stringField(entry, "citation") == written.citation ||
                                      stringField(entry, "short") == written.citation)) {
                return stringField(entry, "id");
            }
        }
        const std::string id = unusedId(list, idFromName(written.citation, "source"));
        list.push_back(Json{{"id", id}, {"short", written.citation}, {"citation", written.citation}});
        report_.sources.push_back(id + " (" + guillemets(written.citation) + ")");
        return id;
    }

  private:
    Json& manifest_;
    MergeReport& report_;
};

// ---------------------------------------------------------------------------------------------
// 3. One question's JSON
// ---------------------------------------------------------------------------------------------

Json pageValue(const std::string& page) {
    if (!page.empty() && page.size() <= 6 && page.find_first_not_of("0123456789") == std::string::npos) {
        return std::stoi(page);
    }
    return page;
}

// An option keeps the id it had when the one at its place has the same text: the files name options a, b,
// c…, and a pack's own ids (which results may refer to) would otherwise be lost on every round trip.
Json optionsJson(const ImportedQuestion& question, const Json* old, std::vector<std::string>& lost) {
    const Json* oldOptions = old != nullptr && old->contains("options") && (*old)["options"].is_array()
                                 ? &(*old)["options"]
                                 : nullptr;
    std::string renamed;
    Json options = Json::array();
    for (std::size_t i = 0; i < question.options.size(); ++i) {
        const QuizOption& option = question.options[i];
        std::string id = option.id;
        if (oldOptions != nullptr && i < oldOptions->size() && (*oldOptions)[i].is_object()) {
            const std::string oldId = stringField((*oldOptions)[i], "id");
            if (frenchTypography(stringField((*oldOptions)[i], "text")) == frenchTypography(option.text)) {
                id = oldId;
            } else if (!oldId.empty() && oldId != id) {
                renamed += (renamed.empty() ? "" : ", ") + oldId + " → " + id;
            }
        }
        Json value{{"id", id}, {"text", option.text}, {"correct", option.correct}};
        if (!option.feedback.empty()) {
            value["feedback"] = option.feedback;
        }
        options.push_back(std::move(value));
    }
    std::set<std::string> ids;
    for (const auto& value : options) {
        if (!ids.insert(value["id"].get<std::string>()).second) {
            // A kept id met one the file gives: the file's names for all, said as a loss.
            renamed.clear();
            for (std::size_t i = 0; i < options.size(); ++i) {
                const std::string kept = options[i]["id"].get<std::string>();
                if (kept != question.options[i].id) {
                    renamed += (renamed.empty() ? "" : ", ") + kept + " → " + question.options[i].id;
                }
                options[i]["id"] = question.options[i].id;
            }
            break;
        }
    }
    if (!renamed.empty()) {
        lost.push_back(
            "question " + question.id +
            " : le champ \"options.id\" n'est pas dans le fichier : ces options prennent le nom que "
            "le fichier leur donne (" +
            renamed + ").");
    }
    return options;
}

Json stringList(const std::vector<std::string>& items) {
    Json list = Json::array();
    for (const auto& item : items) {
        list.push_back(item);
    }
    return list;
}

// The field order of the authoring guide; a field the file does not carry keeps its old value.
Json questionJson(const ImportedQuestion& question, const Json* old, ScoringRule quizRule,
                  Declarations& declare, std::vector<std::string>& lost) {
    Json value{{"id", question.id}, {"text", question.text}, {"options", optionsJson(question, old, lost)}};
    const auto keepOld = [&](const char* key) {
        if (old != nullptr && old->contains(key)) {
            value[key] = (*old)[key];
        }
    };
    if (!question.scoring) {
        keepOld("scoring");
    } else if (*question.scoring != quizRule) {
        value["scoring"] = *question.scoring == ScoringRule::Partial ? "partial" : "all-or-nothing";
    }
    keepOld("shuffle");  // no trainer format says whether the options keep their order
    if (!question.points) {
        keepOld("points");
    } else if (*question.points != 1.0) {
        const double points = *question.points;
        value["points"] = points == std::floor(points) ? Json(static_cast<int>(points)) : Json(points);
    }
    if (!question.explanation) {
        keepOld("explanation");
    } else if (!question.explanation->empty()) {
        value["explanation"] = *question.explanation;
    }
    if (!question.source) {
        keepOld("source");
    } else if (!question.source->empty()) {
        Json source{{"id", declare.source(*question.source)}};
        if (!question.source->page.empty()) {
            source["page"] = pageValue(question.source->page);
        }
        if (!question.source->section.empty()) {
            source["section"] = question.source->section;
        }
        // The lines of the source's text (for reviewers) are in no trainer format: kept while the file
        // names the same place in the same source, said when they must go.
        if (old != nullptr && old->contains("source") && (*old)["source"].is_object() &&
            (*old)["source"].contains("lines")) {
            const Json& before = (*old)["source"];
            // Compared as the game shows them: the file's text has had its French typography applied.
            const auto shown = [](const Json& field) {
                return field.is_string() ? frenchTypography(field.get<std::string>()) : field.dump();
            };
            const auto same = [&](const char* key) {
                return before.contains(key) ? source.contains(key) && shown(source[key]) == shown(before[key])
                                            : !source.contains(key);
            };
            if (same("id") && same("page") && same("section")) {
                source["lines"] = before["lines"];
            } else {
                lost.push_back("question " + question.id +
                               " : le champ \"source.lines\" n'est pas dans le fichier et la source a "
                               "changé : les lignes " +
                               (before["lines"].is_string() ? before["lines"].get<std::string>() : "") +
                               " ne sont pas gardées.");
            }
        }
        value["source"] = std::move(source);
    }
    const auto vocabulary = [&](const char* key, const std::optional<std::vector<std::string>>& written) {
        if (!written) {
            keepOld(key);
            return;
        }
        std::vector<std::string> ids;
        for (const auto& item : *written) {
            ids.push_back(declare.vocabulary(key, item));
        }
        if (!ids.empty()) {
            value[key] = stringList(ids);
        }
    };
    vocabulary("themes", question.themes);
    vocabulary("audiences", question.audiences);
    if (!question.difficulty) {
        keepOld("difficulty");
    } else if (*question.difficulty > 0) {
        value["difficulty"] = *question.difficulty;
    }
    if (!question.verifiedOn) {
        keepOld("verifiedOn");
    } else if (!question.verifiedOn->empty()) {
        value["verifiedOn"] = *question.verifiedOn;
    }
    keepOld("image");
    if (old != nullptr) {
        for (const auto& [key, field] : old->items()) {
            if (!value.contains(key) && std::find(fields::kQuestion.begin(), fields::kQuestion.end(), key) ==
                                            fields::kQuestion.end()) {
                value[key] = field;  // a field this version does not know: not ours to drop
            }
        }
    }
    return value;
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// 4. Merging and writing
// ---------------------------------------------------------------------------------------------

MergeReport mergeQuestions(ImportTarget& target, const std::vector<ImportedQuestion>& questions) {
    MergeReport report;
    Declarations declare(target.manifest, report);
    Json& list = target.quiz["questions"];
    for (const auto& question : questions) {
        Json* old = nullptr;
        for (auto& existing : list) {
            if (existing.is_object() && stringField(existing, "id") == question.id) {
                old = &existing;
            }
        }
        Json value = questionJson(question, old, target.quizRule, declare, report.lost);
        if (old != nullptr) {
            *old = std::move(value);
        } else {
            list.push_back(std::move(value));
        }
    }
    if (target.manifest["sources"].empty()) {
        target.manifest["sources"].push_back(Json{{"id", kPlaceholderSource},
                                                  {"short", "Source à compléter"},
                                                  {"citation",
                                                   "À compléter : auteur, titre du document, éditeur, "
                                                   "date de publication."}});
    }
    return report;
}

bool writeImportTarget(const ImportTarget& target, std::ostream& out, std::ostream& err) {
    const auto quizPath = target.folder / target.quizFile;
    const auto manifestPath = target.folder / "pack.json";
    // Both texts first: a file that cannot be written leaves no folder and no half pack behind.
    const auto quizText = jsonText(quizPath, target.quiz, err);
    const bool manifestChanged = target.manifest != target.originalManifest;
    const auto manifestText = manifestChanged ? jsonText(manifestPath, target.manifest, err) : std::string();
    if (!quizText || !manifestText) {
        return false;
    }
    std::error_code error;
    const bool folderExisted = std::filesystem::exists(target.folder, error);
    std::filesystem::create_directories(quizPath.parent_path(), error);
    if (error) {
        err << "passerelles-pack : impossible de créer " << quizPath.parent_path().string() << " ("
            << error.message() << ")\n";
        return false;
    }
    const bool written = writeTextFile(quizPath, *quizText, err) &&
                         (!manifestChanged || writeTextFile(manifestPath, *manifestText, err));
    if (!written) {
        if (!folderExisted) {
            std::filesystem::remove_all(target.folder,
                                        error);  // the new pack we started, not a user's folder
        }
        return false;
    }
    out << "Écrit : " << quizPath.string();
    if (manifestChanged) {
        out << ", " << manifestPath.string();
    }
    out << "\n";
    return true;
}

}  // namespace passerelles::packtool

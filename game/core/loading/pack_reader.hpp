// Reads one object of a pack file field by field, collecting every problem as a French diagnostic.
#pragma once

#include <optional>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/content/content.hpp"
#include "core/loading/json_document.hpp"
#include "core/loading/pack_fields.hpp"

namespace passerelles {

// What the readers of one file share: the document (for positions), the sink, and the pack's
// vocabularies for reference checks.
struct ScenarioBudget;
class ScenarioAnalysisCache;

struct FileContext {
    const JsonDocument& document;
    Diagnostics& out;
    const Pack& pack;  // manifest already read: sources, themes, audiences
    std::filesystem::path packFolder;
    ScenarioBudget* scenarioBudget = nullptr;  // shared by a pack's scenarios; null: a default one each
    const ScenarioAnalysisCache* scenarioCache = nullptr;  // null: every scenario is explored

    void error(const std::string& pointer, std::string message) const;
    void warning(const std::string& pointer, std::string message) const;
};

class ObjectReader {
  public:
    // `subject` starts every message: "Question q07", "Carte « priorite »".
    ObjectReader(const FileContext& context, const nlohmann::json& value, std::string pointer,
                 std::string subject, const fields::List& knownFields);

    bool isObject() const { return value_.is_object(); }
    const nlohmann::json& value() const { return value_; }
    const std::string& pointer() const { return pointer_; }
    const std::string& subject() const { return subject_; }
    void setSubject(std::string subject) { subject_ = std::move(subject); }
    bool has(const char* key) const { return value_.is_object() && value_.contains(key); }
    std::string childPointer(const char* key) const { return appendPointer(pointer_, std::string_view(key)); }

    // Display text: French typography applied. `what` names the field for a trainer ("l'explication").
    std::string text(const char* key, const char* what, bool required);
    // Raw string: ids, paths, conditions.
    std::string string(const char* key, const char* what, bool required);
    std::string id(const char* key, const char* what, bool required);
    std::optional<double> number(const char* key, const char* what, bool required, double min, double max);
    std::optional<bool> boolean(const char* key, const char* what, bool required);
    // The array's elements, or nothing (reported) when the field is missing or not an array.
    const nlohmann::json* array(const char* key, const char* what, bool required, std::size_t minItems = 0,
                                std::size_t maxItems = 0);
    std::vector<std::string> stringList(const char* key, const char* what);

    std::optional<SourceRef> sourceRef(const char* key = "source");
    std::vector<KeyPoint> keyPoints(const char* key, const char* what, bool required);
    // themes, audiences, difficulty, verifiedOn, source, image (whichever the object may carry)
    ItemTags tags();
    std::string imagePath(const char* key = "image");

    // Unknown fields become warnings, with "vouliez-vous dire" when a known field is close.
    void finish();

    void error(const std::string& pointer, const std::string& message) const;
    void warning(const std::string& pointer, const std::string& message) const;

  private:
    const nlohmann::json* field(const char* key, const char* what, bool required);
    // The field's text in the document, or nullptr (reported) when missing, not a string, or blank.
    const std::string* nonEmptyString(const char* key, const char* what, bool required);
    void typeError(const char* key, const char* what, const char* expected);

    const FileContext& context_;
    const nlohmann::json& value_;
    std::string pointer_;
    std::string subject_;
    const fields::List& knownFields_;
};

// "texte", "nombre", "liste"… for type messages.
const char* jsonTypeName(const nlohmann::json& value);
bool isValidId(const std::string& id);
bool isValidDate(const std::string& date);

// Keeps ids unique within one list; reports the second occurrence.
class IdRegistry {
  public:
    explicit IdRegistry(std::string kind) : kind_(std::move(kind)) {}
    // Returns false (and reports) when `id` was already used.
    bool claim(const ObjectReader& reader, const std::string& id);

  private:
    std::string kind_;
    std::set<std::string> seen_;
};

}  // namespace passerelles

// Field-by-field reading of pack objects with French diagnostics (types, ids, references, paths).
#include "core/loading/pack_reader.hpp"

#include <algorithm>
#include <cmath>
#include <ctime>

#include "core/base/text.hpp"

namespace passerelles {

using nlohmann::json;

namespace {

constexpr std::uintmax_t kMaxImageBytes = 5u * 1024u * 1024u;

bool hasImageExtension(const std::string& path) {
    const auto dot = path.rfind('.');
    if (dot == std::string::npos) {
        return false;
    }
    const std::string extension = foldForSearch(path.substr(dot + 1));
    return extension == "png" || extension == "jpg" || extension == "jpeg";
}

bool isInside(const std::filesystem::path& folder, const std::filesystem::path& candidate) {
    const auto folderText = folder.generic_string();
    const auto candidateText = candidate.generic_string();
    return candidateText.size() > folderText.size() && candidateText.starts_with(folderText) &&
           candidateText[folderText.size()] == '/';
}

}  // namespace

void FileContext::error(const std::string& pointer, std::string message) const {
    out.add(document.diagnostic(Severity::Error, pointer, std::move(message)));
}

void FileContext::warning(const std::string& pointer, std::string message) const {
    out.add(document.diagnostic(Severity::Warning, pointer, std::move(message)));
}

const char* jsonTypeName(const json& value) {
    switch (value.type()) {
        case json::value_t::string:
            return "un texte";
        case json::value_t::number_integer:
        case json::value_t::number_unsigned:
        case json::value_t::number_float:
            return "un nombre";
        case json::value_t::boolean:
            return "true ou false";
        case json::value_t::array:
            return "une liste [ … ]";
        case json::value_t::object:
            return "un objet { … }";
        case json::value_t::null:
            return "null";
        default:
            return "une valeur inconnue";
    }
}

bool isValidId(const std::string& id) {
    if (id.empty() || id.size() > 64) {
        return false;
    }
    const auto allowed = [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
    };
    return std::all_of(id.begin(), id.end(), allowed) && id.front() != '-' && id.front() != '_';
}

bool isValidDate(const std::string& date) {
    if (date.size() != 10 || date[4] != '-' || date[7] != '-') {
        return false;
    }
    for (const std::size_t i : {0u, 1u, 2u, 3u, 5u, 6u, 8u, 9u}) {
        if (date[i] < '0' || date[i] > '9') {
            return false;
        }
    }
    const int year = std::stoi(date.substr(0, 4));
    const int month = std::stoi(date.substr(5, 2));
    const int day = std::stoi(date.substr(8, 2));
    static constexpr int kDaysInMonth[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (month < 1 || month > 12 || day < 1 || day > kDaysInMonth[month - 1]) {
        return false;
    }
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return !(month == 2 && day == 29 && !leap);
}

ObjectReader::ObjectReader(const FileContext& context, const json& value, std::string pointer,
                           std::string subject, const fields::List& knownFields)
    : context_(context),
      value_(value),
      pointer_(std::move(pointer)),
      subject_(std::move(subject)),
      knownFields_(knownFields) {
    if (!value_.is_object()) {
        error(pointer_, subject_ + " devrait être un objet { … }, pas " + jsonTypeName(value_) + ".");
    }
}

void ObjectReader::error(const std::string& pointer, const std::string& message) const {
    context_.error(pointer, message);
}

void ObjectReader::warning(const std::string& pointer, const std::string& message) const {
    context_.warning(pointer, message);
}

const json* ObjectReader::field(const char* key, const char* what, bool required) {
    if (!value_.is_object()) {
        return nullptr;
    }
    const auto found = value_.find(key);
    if (found == value_.end()) {
        if (required) {
            error(pointer_, subject_ + " : " + what + " manque (champ " + guillemets(key) + ").");
        }
        return nullptr;
    }
    return &*found;
}

void ObjectReader::typeError(const char* key, const char* what, const char* expected) {
    const json& value = value_.at(key);
    error(childPointer(key), subject_ + " : " + what + " (champ " + guillemets(key) + ") doit être " +
                                 expected + ", pas " + jsonTypeName(value) + ".");
}

const std::string* ObjectReader::nonEmptyString(const char* key, const char* what, bool required) {
    const json* value = field(key, what, required);
    if (value == nullptr) {
        return nullptr;
    }
    if (!value->is_string()) {
        typeError(key, what, "un texte entre guillemets");
        return nullptr;
    }
    const auto& text = value->get_ref<const std::string&>();
    if (text.find_first_not_of(" \t\r\n") == std::string::npos) {
        error(childPointer(key), subject_ + " : " + what + " (champ " + guillemets(key) + ") est vide.");
        return nullptr;
    }
    return &text;
}

std::string ObjectReader::string(const char* key, const char* what, bool required) {
    const std::string* text = nonEmptyString(key, what, required);
    return text != nullptr ? *text : std::string();
}

std::string ObjectReader::text(const char* key, const char* what, bool required) {
    // Typeset straight from the document: no intermediate copy of every text of a pack.
    const std::string* text = nonEmptyString(key, what, required);
    return text != nullptr ? frenchTypography(*text) : std::string();
}

std::string ObjectReader::id(const char* key, const char* what, bool required) {
    std::string value = string(key, what, required);
    if (!value.empty() && !isValidId(value)) {
        error(childPointer(key),
              subject_ + " : l'identifiant " + guillemets(value) +
                  " n'est pas valide. Utilisez des minuscules sans accent, des chiffres, - ou _ "
                  "(64 caractères au plus), par exemple " +
                  guillemets("q07") + ".");
        return {};
    }
    return value;
}

std::optional<double> ObjectReader::number(const char* key, const char* what, bool required, double min,
                                           double max) {
    const json* value = field(key, what, required);
    if (value == nullptr) {
        return std::nullopt;
    }
    if (!value->is_number()) {
        typeError(key, what, "un nombre (sans guillemets)");
        return std::nullopt;
    }
    const double number = value->get<double>();
    if (!std::isfinite(number) || number < min || number > max) {
        error(childPointer(key), subject_ + " : " + what + " (champ " + guillemets(key) + ") vaut " +
                                     formatDecimal(number) + " ; il doit être entre " + formatDecimal(min) +
                                     " et " + formatDecimal(max) + ".");
        return std::nullopt;
    }
    return number;
}

std::optional<bool> ObjectReader::boolean(const char* key, const char* what, bool required) {
    const json* value = field(key, what, required);
    if (value == nullptr) {
        return std::nullopt;
    }
    if (!value->is_boolean()) {
        typeError(key, what, "true ou false (sans guillemets)");
        return std::nullopt;
    }
    return value->get<bool>();
}

const json* ObjectReader::array(const char* key, const char* what, bool required, std::size_t minItems,
                                std::size_t maxItems) {
    const json* value = field(key, what, required);
    if (value == nullptr) {
        return nullptr;
    }
    if (!value->is_array()) {
        typeError(key, what, "une liste [ … ]");
        return nullptr;
    }
    if (value->size() < minItems) {
        error(childPointer(key), subject_ + " : " + what + " (champ " + guillemets(key) +
                                     ") doit avoir au moins " + std::to_string(minItems) + " élément" +
                                     (minItems > 1 ? "s" : "") + " (" + std::to_string(value->size()) +
                                     " ici).");
    }
    if (maxItems > 0 && value->size() > maxItems) {
        error(childPointer(key), subject_ + " : " + what + " (champ " + guillemets(key) + ") a " +
                                     std::to_string(value->size()) + " éléments ; " +
                                     std::to_string(maxItems) + " au plus.");
    }
    return value;
}

std::vector<std::string> ObjectReader::stringList(const char* key, const char* what) {
    std::vector<std::string> items;
    const json* list = array(key, what, false);
    if (list == nullptr) {
        return items;
    }
    for (std::size_t i = 0; i < list->size(); ++i) {
        const json& item = (*list)[i];
        if (!item.is_string()) {
            error(appendPointer(childPointer(key), i),
                  subject_ + " : " + what + " ne doit contenir que des textes entre guillemets.");
            continue;
        }
        items.push_back(item.get<std::string>());
    }
    return items;
}

std::optional<SourceRef> ObjectReader::sourceRef(const char* key) {
    const json* value = field(key, "la source", false);
    if (value == nullptr) {
        return std::nullopt;
    }
    ObjectReader reader(context_, *value, childPointer(key), subject_ + ", source", fields::kSourceRef);
    if (!reader.isObject()) {
        return std::nullopt;
    }
    SourceRef reference;
    reference.sourceId = reader.id("id", "l'identifiant de la source", true);
    if (reader.has("page")) {
        const json& page = value->at("page");
        if (page.is_number_integer()) {
            reference.page = std::to_string(page.get<long long>());
        } else {
            reference.page = reader.string("page", "la page", false);
        }
    }
    reference.section = reader.text("section", "la section", false);
    reference.lines = reader.string("lines", "les lignes du fichier source", false);
    reader.finish();
    if (!reference.sourceId.empty() && context_.pack.findSource(reference.sourceId) == nullptr) {
        std::vector<std::string> known;
        for (const auto& source : context_.pack.sources) {
            known.push_back(source.id);
        }
        std::string message = subject_ + " : la source " + guillemets(reference.sourceId) +
                              " n'est pas déclarée dans pack.json (champ « sources »)";
        if (const auto suggestion = closestMatch(reference.sourceId, known)) {
            message += " : vouliez-vous dire " + guillemets(*suggestion) + " ?";
        } else {
            message += ".";
        }
        error(appendPointer(childPointer(key), std::string_view("id")), message);
        return std::nullopt;
    }
    if (reference.page.empty() && reference.section.empty()) {
        warning(childPointer(key), subject_ +
                                       " : la source ne précise ni page ni section ; ajoutez-en une pour "
                                       "qu'on puisse vérifier.");
    }
    return reference;
}

std::vector<KeyPoint> ObjectReader::keyPoints(const char* key, const char* what, bool required) {
    std::vector<KeyPoint> points;
    const json* list = array(key, what, required, required ? 1 : 0);
    if (list == nullptr) {
        return points;
    }
    const std::string listPointer = childPointer(key);
    for (std::size_t i = 0; i < list->size(); ++i) {
        const std::string itemPointer = appendPointer(listPointer, i);
        ObjectReader reader(context_, (*list)[i], itemPointer, subject_ + ", point " + std::to_string(i + 1),
                            fields::kKeyPoint);
        if (!reader.isObject()) {
            continue;
        }
        KeyPoint point;
        point.text = reader.text("text", "le texte", true);
        point.source = reader.sourceRef();
        reader.finish();
        if (!point.text.empty()) {
            points.push_back(std::move(point));
        }
    }
    return points;
}

namespace {

void checkVocabulary(ObjectReader& reader, const char* key, const std::vector<std::string>& values,
                     const std::vector<VocabularyEntry>& vocabulary, const char* kindSingular) {
    std::vector<std::string> known;
    for (const auto& entry : vocabulary) {
        known.push_back(entry.id);
    }
    for (std::size_t i = 0; i < values.size(); ++i) {
        if (std::find(known.begin(), known.end(), values[i]) != known.end()) {
            continue;
        }
        std::string message = reader.subject() + " : " + kindSingular + " « " + values[i] +
                              " » n'est pas déclaré dans pack.json (champ « " + key + " »)";
        if (const auto suggestion = closestMatch(values[i], known)) {
            message += " : vouliez-vous dire « " + *suggestion + " » ?";
        } else {
            message += ".";
        }
        reader.warning(appendPointer(reader.childPointer(key), i), message);
    }
}

}  // namespace

ItemTags ObjectReader::tags() {
    ItemTags tags;
    const auto has = [&](const char* key) {
        return std::find(knownFields_.begin(), knownFields_.end(), key) != knownFields_.end();
    };
    if (has("themes")) {
        tags.themes = stringList("themes", "la liste des thèmes");
        checkVocabulary(*this, "themes", tags.themes, context_.pack.themes, "le thème");
    }
    if (has("audiences")) {
        tags.audiences = stringList("audiences", "la liste des publics");
        checkVocabulary(*this, "audiences", tags.audiences, context_.pack.audiences, "le public");
    }
    if (has("difficulty")) {
        if (const auto difficulty = number("difficulty", "la difficulté", false, 1, 3)) {
            tags.difficulty = static_cast<int>(*difficulty);
            if (*difficulty != std::floor(*difficulty)) {
                error(childPointer("difficulty"), subject_ + " : la difficulté doit être 1, 2 ou 3.");
            }
        }
    }
    if (has("verifiedOn")) {
        tags.verifiedOn = string("verifiedOn", "la date de vérification", false);
        if (!tags.verifiedOn.empty() && !isValidDate(tags.verifiedOn)) {
            warning(childPointer("verifiedOn"),
                    subject_ + " : la date de vérification " + guillemets(tags.verifiedOn) +
                        " n'est pas une date AAAA-MM-JJ valide (par exemple 2024-11-30).");
            tags.verifiedOn.clear();
        }
    }
    if (has("source")) {
        tags.source = sourceRef();
    }
    if (has("image")) {
        tags.image = imagePath();
    }
    return tags;
}

std::string ObjectReader::imagePath(const char* key) {
    const std::string path = string(key, "le chemin de l'image", false);
    if (path.empty()) {
        return {};
    }
    const std::string pointer = childPointer(key);
    if (path.front() == '/' || path.find('\\') != std::string::npos || path.find(':') != std::string::npos) {
        error(pointer, subject_ + " : le chemin de l'image " + guillemets(path) +
                           " doit être relatif au dossier du pack, avec des barres obliques /, par exemple "
                           "« images/carte.png ». Il est refusé.");
        return {};
    }
    std::size_t start = 0;
    while (start <= path.size()) {
        const std::size_t end = std::min(path.find('/', start), path.size());
        if (path.substr(start, end - start) == "..") {
            error(pointer,
                  subject_ + " : le chemin de l'image " + guillemets(path) +
                      " sort du dossier du pack (« .. ») ; c'est refusé : un pack ne lit que ses propres "
                      "fichiers.");
            return {};
        }
        start = end + 1;
    }
    if (!hasImageExtension(path)) {
        error(pointer, subject_ + " : l'image " + guillemets(path) + " doit être un fichier PNG ou JPEG.");
        return {};
    }
    std::error_code errorCode;
    const auto folder = std::filesystem::weakly_canonical(context_.packFolder, errorCode);
    const auto full = std::filesystem::weakly_canonical(context_.packFolder / path, errorCode);
    if (!std::filesystem::is_regular_file(full, errorCode)) {
        error(pointer,
              subject_ + " : l'image " + guillemets(path) + " est introuvable dans le dossier du pack.");
        return {};
    }
    if (!isInside(folder, full)) {
        error(pointer, subject_ + " : l'image " + guillemets(path) +
                           " est un lien qui mène hors du dossier du pack ; c'est refusé.");
        return {};
    }
    if (std::filesystem::file_size(full, errorCode) > kMaxImageBytes) {
        error(pointer, subject_ + " : l'image " + guillemets(path) + " dépasse 5 Mo ; réduisez-la.");
        return {};
    }
    return path;
}

void ObjectReader::finish() {
    if (!value_.is_object()) {
        return;
    }
    for (const auto& [key, unused] : value_.items()) {
        if (std::find(knownFields_.begin(), knownFields_.end(), key) != knownFields_.end()) {
            continue;
        }
        std::string message = subject_ + " : le champ " + guillemets(key) + " est inconnu et sera ignoré";
        if (const auto suggestion = closestMatch(key, knownFields_)) {
            message += " ; vouliez-vous dire " + guillemets(*suggestion) + " ?";
        } else {
            message += ".";
        }
        warning(childPointer(key.c_str()), message);
    }
}

bool IdRegistry::claim(const ObjectReader& reader, const std::string& id) {
    if (id.empty()) {
        return true;
    }
    if (!seen_.insert(id).second) {
        reader.error(appendPointer(reader.pointer(), std::string_view("id")),
                     reader.subject() + " : l'identifiant « " + id + " » est déjà utilisé par " + kind_ +
                         " plus haut dans le fichier. Chaque identifiant doit être unique.");
        return false;
    }
    return true;
}

}  // namespace passerelles

// Reads JSON for the loader: limits, UTF-8, duplicate keys, French syntax messages, pointer positions.
//
// Sections:
//   1. Reading a file within its size limit
//   2. Building the DOM with nlohmann's SAX interface (duplicate keys, depth limit)
//   3. Turning parser errors into sentences a trainer understands
//   4. Finding the line and column of a JSON pointer (only when a diagnostic needs it)
#include "core/loading/json_document.hpp"

#include "core/base/file_reading.hpp"

#include <atomic>
#include <fstream>
#include <memory>
#include <vector>

namespace passerelles {

using nlohmann::json;

std::string appendPointer(const std::string& pointer, std::string_view key) {
    std::string out = pointer + "/";
    for (const char c : key) {
        if (c == '~') {
            out += "~0";
        } else if (c == '/') {
            out += "~1";
        } else {
            out += c;
        }
    }
    return out;
}

std::string appendPointer(const std::string& pointer, std::size_t index) {
    return pointer + "/" + std::to_string(index);
}

LineColumn JsonDocument::locate(std::string_view pointer, bool lastOccurrence) const {
    if (!index_) {
        index_ = std::make_shared<const JsonPointerIndex>(JsonPointerIndex::build(text));
    }
    return index_->locate(pointer, lastOccurrence);
}

Diagnostic JsonDocument::diagnostic(Severity severity, std::string pointer, std::string message,
                                    bool lastOccurrence) const {
    const LineColumn position = locate(pointer, lastOccurrence);
    return Diagnostic{severity,      label,           std::move(pointer),
                      position.line, position.column, std::move(message)};
}

// ---------------------------------------------------------------------------------------------
// 1. Reading a file within its size limit
// ---------------------------------------------------------------------------------------------

std::optional<JsonDocument> readJsonFile(const std::filesystem::path& path, const std::string& label,
                                         const JsonLimits& limits, Diagnostics& out) {
    IoResult<std::string> read = readRegularFile(path, limits.maxFileBytes);
    if (!read.ok()) {
        const IoError& error = read.error();
        out.add({Severity::Error, label, "", 0, 0,
                 error.problem == FileProblem::TooBig ? error.message + " Découpez-le en plusieurs activités."
                                                      : error.message});
        return std::nullopt;
    }
    std::string text = std::move(read).value();
    return parseJsonDocument(std::move(text), label, limits, out);
}

// ---------------------------------------------------------------------------------------------
// 2. Building the DOM with nlohmann's SAX interface
// ---------------------------------------------------------------------------------------------

namespace {

// Builds the same tree as json::parse, but refuses documents nested deeper than the limit and
// remembers duplicated keys (json::parse silently keeps the last one, which would hide an error).
class DomBuilder : public nlohmann::json_sax<json> {
  public:
    explicit DomBuilder(int maxDepth) : maxDepth_(maxDepth) {}

    json root;
    std::vector<std::string> duplicatePointers;
    bool depthExceeded = false;
    std::size_t errorPosition = 0;
    std::string errorToken;
    std::string errorWhat;

    bool null() override { return place(json(nullptr)); }
    bool boolean(bool value) override { return place(json(value)); }
    bool number_integer(number_integer_t value) override { return place(json(value)); }
    bool number_unsigned(number_unsigned_t value) override { return place(json(value)); }
    bool number_float(number_float_t value, const string_t&) override { return place(json(value)); }
    bool string(string_t& value) override { return place(json(std::move(value))); }
    bool binary(binary_t&) override { return false; }

    bool start_object(std::size_t) override { return open(json::object()); }
    bool start_array(std::size_t) override { return open(json::array()); }
    bool end_object() override { return close(); }
    bool end_array() override { return close(); }

    bool key(string_t& value) override {
        Level& level = levels_.back();
        auto& object = level.container->get_ref<json::object_t&>();
        auto [position, inserted] = object.emplace(std::move(value), nullptr);
        level.key = &position->first;
        if (!inserted) {
            duplicatePointers.push_back(pointerOfCurrentKey());
            position->second = nullptr;
        }
        pendingSlot_ = &position->second;
        return true;
    }

    bool parse_error(std::size_t position, const std::string& lastToken,
                     const nlohmann::detail::exception& exception) override {
        errorPosition = position;
        errorToken = lastToken;
        errorWhat = exception.what();
        return false;
    }

  private:
    struct Level {
        json* container = nullptr;
        const std::string* key = nullptr;  // the member being filled, for object levels
    };

    bool place(json&& value) {
        if (levels_.empty()) {
            root = std::move(value);
            return true;
        }
        json* parent = levels_.back().container;
        if (parent->is_array()) {
            parent->push_back(std::move(value));
        } else {
            *pendingSlot_ = std::move(value);
        }
        return true;
    }

    bool open(json&& container) {
        if (static_cast<int>(levels_.size()) >= maxDepth_) {
            depthExceeded = true;
            return false;
        }
        json* slot = nullptr;
        if (levels_.empty()) {
            root = std::move(container);
            slot = &root;
        } else if (levels_.back().container->is_array()) {
            levels_.back().container->push_back(std::move(container));
            slot = &levels_.back().container->back();
        } else {
            *pendingSlot_ = std::move(container);
            slot = pendingSlot_;
        }
        levels_.push_back({slot, nullptr});
        return true;
    }

    bool close() {
        levels_.pop_back();
        return true;
    }

    std::string pointerOfCurrentKey() const {
        std::string pointer;
        for (std::size_t i = 0; i < levels_.size(); ++i) {
            const Level& level = levels_[i];
            if (level.container->is_array()) {
                pointer = appendPointer(pointer, level.container->size() - 1);
            } else if (level.key != nullptr) {
                pointer = appendPointer(pointer, *level.key);
            }
        }
        return pointer;
    }

    int maxDepth_;
    std::vector<Level> levels_;
    json* pendingSlot_ = nullptr;
};

// Offset where nesting first goes deeper than `maxDepth`, found by a scan that skips strings.
std::size_t offsetOfExcessiveNesting(std::string_view text, int maxDepth) {
    int depth = 0;
    bool inString = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (inString) {
            if (c == '\\') {
                ++i;
            } else if (c == '"') {
                inString = false;
            }
        } else if (c == '"') {
            inString = true;
        } else if (c == '{' || c == '[') {
            if (++depth > maxDepth) {
                return i;
            }
        } else if (c == '}' || c == ']') {
            --depth;
        }
    }
    return 0;
}

// ---------------------------------------------------------------------------------------------
// 3. Turning parser errors into sentences a trainer understands
// ---------------------------------------------------------------------------------------------

// The end of the parser's last token, fit to quote in a message: control characters (which the parser
// writes as "<U+000A>") shown as one space, the last 40 bytes cut on a character boundary, and a stray byte
// that is not UTF-8 (the parser stops on the first byte of a bad value) shown as U+FFFD. Messages must stay
// valid UTF-8 whatever the file holds.
std::string quotableToken(std::string_view token) {
    std::string spaced;
    for (std::size_t i = 0; i < token.size(); ++i) {
        const bool escapedControl =
            token.substr(i, 5) == "<U+00" && i + 7 < token.size() && token[i + 7] == '>';
        const bool blank = escapedControl || static_cast<unsigned char>(token[i]) < 0x20 || token[i] == ' ';
        if (!blank) {
            spaced += token[i];
        } else if (!spaced.empty() && spaced.back() != ' ') {
            spaced += ' ';
        }
        i += escapedControl ? 7 : 0;
    }
    std::string_view rest(spaced);
    const auto isContinuation = [](char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; };
    if (rest.size() > 40) {
        rest.remove_prefix(rest.size() - 40);
        while (!rest.empty() && isContinuation(rest.front())) {
            rest.remove_prefix(1);
        }
    }
    std::string out;
    while (!rest.empty()) {
        const std::size_t valid = findInvalidUtf8(rest).value_or(rest.size());
        out.append(rest.substr(0, valid));
        rest.remove_prefix(valid);
        if (!rest.empty()) {
            out += "\xEF\xBF\xBD";
            rest.remove_prefix(1);
            while (!rest.empty() && isContinuation(rest.front())) {
                rest.remove_prefix(1);
            }
        }
    }
    return out;
}

std::string explainSyntaxError(const std::string& what, const std::string& lastToken, bool atEnd) {
    const auto has = [&](std::string_view needle) { return what.find(needle) != std::string::npos; };
    const std::string token = quotableToken(lastToken);
    if (atEnd || has("unexpected end of input")) {
        return "Le fichier s'arrête avant la fin : il manque sans doute une accolade « } », un crochet « ] » "
               "ou un guillemet fermant. Le fichier a peut-être été tronqué.";
    }
    if (!token.empty() && (token.front() == '\'' || token.back() == '\'')) {
        return "Les textes et les noms de champs s'écrivent entre guillemets droits \"…\", pas entre "
               "apostrophes.";
    }
    if (!token.empty() && token.front() != '"' && token.find('/') != std::string::npos) {
        return "Les commentaires (// ou /* */) ne sont pas permis dans un fichier JSON.";
    }
    if (has("control character")) {
        return "Un texte contient un retour à la ligne ou une tabulation brute : écrivez \\n pour aller à la "
               "ligne.";
    }
    if (has("unexpected '}'") || has("unexpected ']'")) {
        return "Une virgule est en trop juste avant « } » ou « ] » : le dernier élément d'une liste ne prend "
               "pas "
               "de virgule.";
    }
    if (has("expected '}'") || has("expected ']'") || has("expected ',' ") || has("expected ','")) {
        return "Il manque une virgule entre deux éléments, ou une accolade ou un crochet fermant, près de "
               "« " +
               token + " ».";
    }
    if (has("invalid literal")) {
        return "Valeur non reconnue près de « " + token +
               " » : un texte doit être entre guillemets, les valeurs permises sont true, false, null ou un "
               "nombre.";
    }
    if (has("invalid string")) {
        return "Texte mal formé près de « " + token +
               " » (guillemet ou barre oblique inversée \\ mal placés).";
    }
    if (has("invalid number")) {
        return "Nombre mal écrit près de « " + token +
               " » : utilisez un point comme séparateur décimal (0.5).";
    }
    return "Erreur de syntaxe JSON près de « " + token +
           " » : vérifiez les virgules, guillemets et accolades.";
}

}  // namespace

std::optional<JsonDocument> parseJsonDocument(std::string text, const std::string& label,
                                              const JsonLimits& limits, Diagnostics& out) {
    if (text.size() > limits.maxFileBytes) {
        out.add({Severity::Error, label, "", 0, 0,
                 "Le fichier est trop gros (" + formatInteger(static_cast<long long>(text.size() / 1024)) +
                     " Ko ; " + formatInteger(static_cast<long long>(limits.maxFileBytes / 1024)) +
                     " Ko au plus)."});
        return std::nullopt;
    }
    std::string_view body = text;
    const bool hasBom = body.starts_with("\xEF\xBB\xBF");
    if (hasBom) {
        body.remove_prefix(3);
    }
    if (body.find_first_not_of(" \t\r\n") == std::string_view::npos) {
        out.add({Severity::Error, label, "", 0, 0,
                 "Le fichier est vide : il devrait contenir un objet JSON { … }."});
        return std::nullopt;
    }
    if (const auto invalid = findInvalidUtf8(text)) {
        const LineColumn position = lineColumnAt(text, *invalid);
        out.add(
            {Severity::Error, label, "", position.line, position.column,
             "Le fichier n'est pas en UTF-8 (octet invalide ici). Réenregistrez-le avec l'encodage UTF-8 ; "
             "un tableur ou un vieux logiciel l'a peut-être enregistré en Latin-1 ou Windows-1252."});
        return std::nullopt;
    }

    DomBuilder builder(limits.maxDepth);
    const bool parsed = json::sax_parse(body, &builder, json::input_format_t::json, true, false);
    const std::size_t bomLength = hasBom ? 3 : 0;
    if (builder.depthExceeded) {
        const LineColumn position =
            lineColumnAt(text, bomLength + offsetOfExcessiveNesting(body, limits.maxDepth));
        out.add({Severity::Error, label, "", position.line, position.column,
                 "Le fichier est imbriqué trop profondément (plus de " + std::to_string(limits.maxDepth) +
                     " niveaux d'accolades ou de crochets) : ce n'est pas la forme d'un pack."});
        return std::nullopt;
    }
    if (!parsed) {
        const bool atEnd = builder.errorPosition >= body.size();
        const std::size_t offset = bomLength + (builder.errorPosition > 0 ? builder.errorPosition - 1 : 0);
        const LineColumn position = lineColumnAt(text, offset);
        out.add({Severity::Error, label, "", position.line, position.column,
                 explainSyntaxError(builder.errorWhat, builder.errorToken, atEnd)});
        return std::nullopt;
    }
    JsonDocument document;
    document.label = label;
    document.text = std::move(text);
    document.root = std::move(builder.root);
    for (const auto& pointer : builder.duplicatePointers) {
        const auto slash = pointer.rfind('/');
        const std::string key = slash == std::string::npos ? pointer : pointer.substr(slash + 1);
        out.add(document.diagnostic(
            Severity::Error, pointer,
            "Le champ « " + key + " » apparaît deux fois dans le même objet : supprimez l'un des deux.",
            true));
    }
    if (!builder.duplicatePointers.empty()) {
        return std::nullopt;
    }
    return document;
}

// ---------------------------------------------------------------------------------------------
// 4. Finding the line and column of a JSON pointer
// ---------------------------------------------------------------------------------------------

namespace {

std::atomic<std::uint64_t> gIndexedBytes{0};

// One walk over text already known to be valid JSON, noting where every member and element starts, with
// its line and column counted on the way: later diagnostics are found by a look-up, never a rescan, so a
// file with thousands of diagnostics costs one pass (issue 22: 16,000 questions took 611 s to locate).
class IndexBuilder {
  public:
    IndexBuilder(std::string_view text, JsonPointerIndex& index) : text_(text), index_(index) {
        position_ = text.starts_with("\xEF\xBB\xBF") ? 3 : 0;
    }

    void run() {
        skipSpace();
        index_.root = at(position_);
        walk(std::string(), 0);
        gIndexedBytes += position_;
    }

  private:
    // Deeper than any file the reader accepts; text that is not such a file is skipped past that depth.
    static constexpr int kMaxDepth = 512;

    void walk(const std::string& pointer, int depth) {
        if (position_ >= text_.size()) {
            return;
        }
        const char c = text_[position_];
        if ((c != '{' && c != '[') || depth >= kMaxDepth) {
            skipValue();
            return;
        }
        ++position_;
        for (std::size_t index = 0;; ++index) {
            skipSpace();
            if (position_ >= text_.size() || text_[position_] == '}' || text_[position_] == ']') {
                ++position_;
                return;
            }
            LineColumn key = at(position_);
            std::string child;
            if (c == '{') {
                child = appendPointer(pointer, readString());
                skipSpace();
                ++position_;  // ':'
                skipSpace();
            } else {
                child = appendPointer(pointer, index);
            }
            const LineColumn value = at(position_);
            if (c == '[') {
                key = value;
            }
            const auto [entry, inserted] = index_.places.try_emplace(child);
            if (inserted) {
                entry->second.firstKey = key;
                entry->second.firstValue = value;
            }
            entry->second.lastKey = key;
            entry->second.lastValue = value;
            walk(child, depth + 1);
            skipSpace();
            if (position_ < text_.size() && text_[position_] == ',') {
                ++position_;
            }
        }
    }

    // Line and column of `offset`, counted on from the last offset asked (offsets only grow).
    LineColumn at(std::size_t offset) {
        for (; counted_ < offset && counted_ < text_.size(); ++counted_) {
            const auto byte = static_cast<unsigned char>(text_[counted_]);
            if (byte == '\n') {
                ++line_.line;
                line_.column = 1;
            } else if ((byte & 0xC0) != 0x80) {
                ++line_.column;
            }
        }
        return line_;
    }

    void skipSpace() {
        while (position_ < text_.size() && (text_[position_] == ' ' || text_[position_] == '\n' ||
                                            text_[position_] == '\r' || text_[position_] == '\t')) {
            ++position_;
        }
    }

    std::string readString() {
        std::string out;
        ++position_;  // opening quote
        while (position_ < text_.size() && text_[position_] != '"') {
            if (text_[position_] == '\\' && position_ + 1 < text_.size()) {
                const char escaped = text_[position_ + 1];
                out += escaped == 'n' ? '\n' : escaped == 't' ? '\t' : escaped;
                position_ += escaped == 'u' ? 6 : 2;
                continue;
            }
            out += text_[position_++];
        }
        ++position_;  // closing quote
        return out;
    }

    // Iterative, so that a pathological file cannot exhaust the stack here.
    void skipValue() {
        int depth = 0;
        do {
            skipSpace();
            if (position_ >= text_.size()) {
                return;
            }
            const char c = text_[position_];
            if (c == '"') {
                readString();
            } else if (c == '{' || c == '[') {
                ++depth;
                ++position_;
            } else if (c == '}' || c == ']') {
                --depth;
                ++position_;
            } else if (c == ',' || c == ':') {
                ++position_;
            } else {
                while (position_ < text_.size() && text_[position_] != ',' && text_[position_] != '}' &&
                       text_[position_] != ']' && text_[position_] != ' ' && text_[position_] != '\n' &&
                       text_[position_] != '\r' && text_[position_] != '\t') {
                    ++position_;
                }
            }
        } while (depth > 0);
    }

    std::string_view text_;
    JsonPointerIndex& index_;
    std::size_t position_ = 0;
    std::size_t counted_ = 0;
    LineColumn line_;
};

// The pointer as appendPointer writes it, whatever escapes or leading slash the caller used.
std::vector<std::string> pointerTokens(std::string_view pointer) {
    std::vector<std::string> tokens;
    if (pointer.empty()) {
        return tokens;
    }
    std::size_t start = pointer.front() == '/' ? 1 : 0;
    while (start <= pointer.size()) {
        std::size_t end = pointer.find('/', start);
        if (end == std::string_view::npos) {
            end = pointer.size();
        }
        std::string token;
        for (std::size_t i = start; i < end; ++i) {
            if (pointer[i] == '~' && i + 1 < end) {
                token += pointer[i + 1] == '1' ? '/' : '~';
                ++i;
            } else {
                token += pointer[i];
            }
        }
        tokens.push_back(std::move(token));
        start = end + 1;
    }
    return tokens;
}

}  // namespace

JsonPointerIndex JsonPointerIndex::build(std::string_view text) {
    JsonPointerIndex index;
    IndexBuilder(text, index).run();
    return index;
}

LineColumn JsonPointerIndex::locate(std::string_view pointer, bool lastOccurrence) const {
    const std::vector<std::string> tokens = pointerTokens(pointer);
    std::vector<std::string> prefixes = {std::string()};
    for (const auto& token : tokens) {
        prefixes.push_back(appendPointer(prefixes.back(), token));
    }
    // The member itself (its key), else the value of the deepest part that exists.
    for (std::size_t depth = tokens.size(); depth > 0; --depth) {
        if (const auto found = places.find(prefixes[depth]); found != places.end()) {
            const Place& place = found->second;
            if (depth == tokens.size()) {
                return lastOccurrence ? place.lastKey : place.firstKey;
            }
            return lastOccurrence ? place.lastValue : place.firstValue;
        }
    }
    return root;
}

std::uint64_t jsonBytesIndexed() {
    return gIndexedBytes;
}

LineColumn locateJsonPointer(std::string_view text, std::string_view pointer, bool lastOccurrence) {
    return JsonPointerIndex::build(text).locate(pointer, lastOccurrence);
}

}  // namespace passerelles

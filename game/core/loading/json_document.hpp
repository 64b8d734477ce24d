// Reads a JSON file for the loader: size and depth limits, UTF-8 check, duplicate keys, French messages.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include <nlohmann/json.hpp>

#include "core/base/diagnostics.hpp"
#include "core/base/text.hpp"
#include "core/loading/json_limits.hpp"

namespace passerelles {

// Where every member and element of a JSON text starts, found in one pass over the text.
struct JsonPointerIndex {
    struct Place {
        LineColumn firstKey, firstValue;  // a duplicated key: its first place…
        LineColumn lastKey, lastValue;    // …and its last one (the same for an element or a unique key)
    };
    LineColumn root;
    std::unordered_map<std::string, Place> places;  // by pointer, as appendPointer writes it

    static JsonPointerIndex build(std::string_view text);
    LineColumn locate(std::string_view pointer, bool lastOccurrence) const;
};

// One parsed file: its bytes are kept so that any later diagnostic can name a line and column.
struct JsonDocument {
    std::string label;  // how the file is named in messages
    std::string text;
    nlohmann::json root;

    // The first call indexes the text once (see JsonPointerIndex); the others look the pointer up.
    LineColumn locate(std::string_view pointer, bool lastOccurrence = false) const;
    Diagnostic diagnostic(Severity severity, std::string pointer, std::string message,
                          bool lastOccurrence = false) const;

  private:
    mutable std::shared_ptr<const JsonPointerIndex> index_;  // built by the first locate, for `text`
};

// Reads `path`; every problem goes to `out` and nullopt is returned when the file cannot be used.
std::optional<JsonDocument> readJsonFile(const std::filesystem::path& path, const std::string& label,
                                         const JsonLimits& limits, Diagnostics& out);
// Same checks on text already in memory (importers, tests, fuzzing).
std::optional<JsonDocument> parseJsonDocument(std::string text, const std::string& label,
                                              const JsonLimits& limits, Diagnostics& out);

// Position of the value (or of the member's key) that `pointer` designates in valid JSON text;
// line 1, column 1 when it cannot be found. With `lastOccurrence`, a duplicated key is found at its
// last place rather than its first.
LineColumn locateJsonPointer(std::string_view text, std::string_view pointer, bool lastOccurrence = false);

// Bytes of JSON text indexed so far by this process: the work locating diagnostics costs, which tests
// check grows linearly with the input.
std::uint64_t jsonBytesIndexed();

// "/questions/3" built from parts, with ~0 and ~1 escapes.
std::string appendPointer(const std::string& pointer, std::string_view key);
std::string appendPointer(const std::string& pointer, std::size_t index);

}  // namespace passerelles

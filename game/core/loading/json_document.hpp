// Reads a JSON file for the loader: size and depth limits, UTF-8 check, duplicate keys, French messages.
#pragma once

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "core/base/diagnostics.hpp"
#include "core/base/text.hpp"
#include "core/loading/json_limits.hpp"

namespace passerelles {

// One parsed file: its bytes are kept so that any later diagnostic can name a line and column.
struct JsonDocument {
    std::string label;  // how the file is named in messages
    std::string text;
    nlohmann::json root;

    LineColumn locate(std::string_view pointer, bool lastOccurrence = false) const;
    Diagnostic diagnostic(Severity severity, std::string pointer, std::string message,
                          bool lastOccurrence = false) const;
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

// "/questions/3" built from parts, with ~0 and ~1 escapes.
std::string appendPointer(const std::string& pointer, std::string_view key);
std::string appendPointer(const std::string& pointer, std::size_t index);

}  // namespace passerelles

// What the commands that write pack files share: the schema folder, ids made from names, file writing.
#pragma once

#include <filesystem>
#include <optional>
#include <ostream>
#include <string>

#include <nlohmann/json.hpp>

namespace passerelles::packtool {

using Json = nlohmann::ordered_json;

// The schema folder of the installed program, or of the source tree for a build-tree binary.
std::filesystem::path schemaDirectory();
// The "$schema" folder as a file of `folder` should cite it: relative, so that it keeps working when the
// pack and the program move together.
std::string schemaReference(const std::filesystem::path& folder);
// "Mon Pack Eau !" → "mon-pack-eau": a valid id from a name; `fallback` when nothing is left.
std::string idFromName(const std::string& name, const std::string& fallback);
// The folder's own name, also for "dossier/" and ".".
std::string folderName(const std::filesystem::path& folder);

// Writes through a temporary file renamed into place, so that a failure never leaves half a file.
bool writeTextFile(const std::filesystem::path& path, const std::string& text, std::ostream& err);
bool writeJsonFile(const std::filesystem::path& path, const Json& value, std::ostream& err);
// The text writeJsonFile writes, or nullopt (said on `err`, naming `path`) when a text is not UTF-8.
std::optional<std::string> jsonText(const std::filesystem::path& path, const Json& value, std::ostream& err);

}  // namespace passerelles::packtool

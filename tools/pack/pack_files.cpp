// Schema folder, ids from names and safe file writing for the commands that write pack files.
#include "tools/pack/pack_files.hpp"

#include <fstream>

#include "core/base/file_writing.hpp"
#include "core/base/platform.hpp"
#include "core/base/text.hpp"

namespace passerelles::packtool {

std::filesystem::path schemaDirectory() {
    std::error_code error;
    const auto executable = platform::executablePath();
    if (!executable.empty()) {
        const auto folder = executable.parent_path();
        for (const auto& candidate :
             {folder / ".." / "share" / "passerelles" / "content" / "schema", folder / "content" / "schema",
              folder / ".." / ".." / "content" / "schema"}) {
            if (std::filesystem::exists(candidate / "pack.schema.json", error)) {
                return std::filesystem::weakly_canonical(candidate, error);
            }
        }
    }
    // Absolute, with its drive on Windows: a pack on another drive then gets a usable absolute reference.
    return std::filesystem::absolute(std::filesystem::path(PASSERELLES_SOURCE_CONTENT_DIR) / "schema", error);
}

std::string schemaReference(const std::filesystem::path& folder) {
    const std::filesystem::path schemas = schemaDirectory();
    std::error_code error;
    const std::filesystem::path relative =
        std::filesystem::relative(schemas, std::filesystem::absolute(folder), error);
    return (error || relative.empty()) ? schemas.generic_string() : relative.generic_string();
}

std::string idFromName(const std::string& name, const std::string& fallback) {
    std::string id;
    for (const char c : foldForSearch(name)) {
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
            id += c;
        } else if (!id.empty() && id.back() != '-') {
            id += '-';
        }
    }
    id = id.substr(0, 64);
    while (!id.empty() && id.back() == '-') {
        id.pop_back();
    }
    return id.empty() ? fallback : id;
}

std::string folderName(const std::filesystem::path& folder) {
    std::error_code error;
    const auto absolute = std::filesystem::weakly_canonical(std::filesystem::absolute(folder), error);
    std::string name = (error ? folder : absolute).filename().string();
    if (name.empty()) {
        name = (error ? folder : absolute).parent_path().filename().string();
    }
    return name;
}

bool writeTextFile(const std::filesystem::path& path, const std::string& text, std::ostream& err) {
    const auto written = writeFileAtomically(path, text);
    if (!written.ok()) {
        err << "passerelles-pack : " << written.error().message << "\n";
        return false;
    }
    return true;
}

std::optional<std::string> jsonText(const std::filesystem::path& path, const Json& value, std::ostream& err) {
    try {
        return value.dump(2, ' ', false) + "\n";
    } catch (const Json::type_error&) {
        // A text that is not UTF-8 would abort the dump: no reader should let one through, and if one
        // does the file is refused with a sentence instead of ending the program.
        err << "passerelles-pack : " << path.string()
            << " n'est pas écrit : un texte n'est pas de l'UTF-8 valide. Signalez ce fichier source aux "
               "développeurs de Passerelles.\n";
        return std::nullopt;
    }
}

bool writeJsonFile(const std::filesystem::path& path, const Json& value, std::ostream& err) {
    const auto text = jsonText(path, value, err);
    return text && writeTextFile(path, *text, err);
}

}  // namespace passerelles::packtool

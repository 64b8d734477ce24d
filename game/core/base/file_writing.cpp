// Atomic file writing and file-name slugs.
#include "core/base/file_writing.hpp"

#include <fstream>

#include "core/base/text.hpp"

namespace passerelles {

bool writeFileAtomically(const std::filesystem::path& path, const std::string& content, std::string& error) {
    const std::filesystem::path temporary = path.string() + ".part";
    std::error_code code;
    {
        std::ofstream stream(temporary, std::ios::binary | std::ios::trunc);
        stream << content;
        stream.flush();
        if (!stream) {
            error = "Impossible d’écrire " + guillemets(path.string()) +
                    " (disque plein, ou dossier protégé en écriture ?).";
            std::filesystem::remove(temporary, code);
            return false;
        }
    }
    std::filesystem::rename(temporary, path, code);
    if (code) {
        error = "Impossible d’écrire " + guillemets(path.string()) + " : " + code.message() + ".";
        std::filesystem::remove(temporary, code);
        return false;
    }
    return true;
}

std::string fileNameSlug(std::string_view text, std::size_t maxLength) {
    std::string out;
    for (const char c : foldForSearch(text)) {
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
            out += c;
        } else if (!out.empty() && out.back() != '-') {
            out += '-';
        }
    }
    out = out.substr(0, maxLength);
    while (!out.empty() && out.back() == '-') {
        out.pop_back();
    }
    return out;
}

}  // namespace passerelles

// Atomic file writing and file-name slugs.
#include "core/base/file_writing.hpp"

#include <ctime>
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

std::optional<std::filesystem::path> moveDamagedFileAside(const std::filesystem::path& file,
                                                          std::int64_t now) {
    const std::time_t time = static_cast<std::time_t>(now);
    std::tm local{};
    localtime_r(&time, &local);
    char stamp[32];
    std::strftime(stamp, sizeof stamp, "%Y%m%d-%H%M%S", &local);
    std::filesystem::path target = file;
    target += std::string(".endommage-") + stamp;
    std::error_code error;
    for (int suffix = 1; std::filesystem::exists(target, error); ++suffix) {
        target = file;
        target += std::string(".endommage-") + stamp + "-" + std::to_string(suffix);
    }
    std::filesystem::rename(file, target, error);
    if (error) {
        return std::nullopt;
    }
    for (const char* journal : {"-wal", "-shm"}) {
        std::filesystem::path companion = file;
        companion += journal;
        if (std::filesystem::exists(companion, error)) {
            std::filesystem::path moved = target;
            moved += journal;
            std::filesystem::rename(companion, moved, error);
        }
    }
    return target;
}

}  // namespace passerelles

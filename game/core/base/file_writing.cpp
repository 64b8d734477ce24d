// Atomic file writing and file-name slugs.
#include "core/base/file_writing.hpp"

#include <cerrno>
#include <cstring>
#include <ctime>
#include <fstream>
#include <random>

#include "core/base/platform.hpp"
#include "core/base/text.hpp"

namespace passerelles {

namespace {

// Twelve random letters or digits: the temporary name is unguessable, so no link can wait for it, and
// O_EXCL refuses it anyway if something is already there.
std::string randomSuffix() {
    static constexpr char alphabet[] = "abcdefghijklmnopqrstuvwxyz0123456789";
    std::random_device device;
    std::mt19937_64 generator((static_cast<std::uint64_t>(device()) << 32U) ^ device());
    std::uniform_int_distribution<std::size_t> pick(0, sizeof(alphabet) - 2);
    std::string out;
    for (int i = 0; i < 12; ++i) {
        out += alphabet[pick(generator)];
    }
    return out;
}

std::string failure(const std::filesystem::path& path, int number) {
    if (platform::isDiskFull(number)) {
        return "Impossible d’écrire " + guillemets(path.string()) + " : le disque est plein.";
    }
    if (platform::isWriteProtected(number)) {
        return "Impossible d’écrire " + guillemets(path.string()) + " : le dossier est protégé en écriture.";
    }
    return "Impossible d’écrire " + guillemets(path.string()) + " : " + std::strerror(number) + ".";
}

}  // namespace

IoResult<void> writeFileAtomically(const std::filesystem::path& path, const std::string& content) {
    const std::filesystem::path folder =
        path.has_parent_path() ? path.parent_path() : std::filesystem::path(".");
    const std::string base = "." + path.filename().string() + ".";
    // A name already taken (a leftover, or a planted link) is never opened: another random name is tried.
    int failed = EEXIST;
    for (int attempt = 0; attempt < 16 && failed == EEXIST; ++attempt) {
        failed = platform::writeAndReplace(folder / (base + randomSuffix() + ".part"), path, content);
    }
    if (failed != 0) {
        return IoError{failure(path, failed), FileProblem::Unwritable,
                       std::error_code(failed, std::generic_category())};
    }
    return {};
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
    // Windows refuses these names whatever the extension (« nul.csv » is the null device): a trainer's
    // report folder named after a place called « Aux » must still be created when the laptop runs Windows.
    static constexpr std::string_view kReserved[] = {
        "con",  "prn",  "aux",  "nul",  "com1", "com2", "com3", "com4", "com5", "com6", "com7",
        "com8", "com9", "lpt1", "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7", "lpt8", "lpt9"};
    for (const std::string_view reserved : kReserved) {
        if (out == reserved) {
            out += "-1";
            break;
        }
    }
    return out;
}

std::optional<std::filesystem::path> moveFileAside(const std::filesystem::path& file, const std::string& word,
                                                   std::int64_t now) {
    const std::time_t time = static_cast<std::time_t>(now);
    const std::tm local = platform::localTime(time);
    char stamp[32];
    std::strftime(stamp, sizeof stamp, "%Y%m%d-%H%M%S", &local);
    const std::string base = "." + word + "-" + stamp;
    std::filesystem::path target = file;
    target += base;
    std::error_code error;
    for (int suffix = 2; std::filesystem::exists(target, error); ++suffix) {
        target = file;
        target += base + "-" + std::to_string(suffix);
    }
    std::filesystem::rename(file, target, error);
    if (error) {
        return std::nullopt;
    }
    // The journals belong to the file: left behind, SQLite would replay them into the fresh one.
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

std::optional<std::filesystem::path> moveDamagedFileAside(const std::filesystem::path& file,
                                                          std::int64_t now) {
    return moveFileAside(file, "endommage", now);
}

}  // namespace passerelles

// Atomic file writing and file-name slugs.
#include "core/base/file_writing.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <ctime>
#include <fstream>
#include <random>

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
    if (number == ENOSPC || number == EDQUOT || number == EFBIG) {
        return "Impossible d’écrire " + guillemets(path.string()) + " : le disque est plein.";
    }
    if (number == EACCES || number == EPERM || number == EROFS) {
        return "Impossible d’écrire " + guillemets(path.string()) + " : le dossier est protégé en écriture.";
    }
    return "Impossible d’écrire " + guillemets(path.string()) + " : " + std::strerror(number) + ".";
}

bool writeAll(int descriptor, const std::string& content) {
    std::size_t written = 0;
    while (written < content.size()) {
        const ssize_t count = ::write(descriptor, content.data() + written, content.size() - written);
        if (count < 0) {
            if (errno == EINTR) {
                continue;
            }
            return false;
        }
        written += static_cast<std::size_t>(count);
    }
    return true;
}

}  // namespace

bool writeFileAtomically(const std::filesystem::path& path, const std::string& content, std::string& error) {
    const std::filesystem::path folder =
        path.has_parent_path() ? path.parent_path() : std::filesystem::path(".");
    const std::string base = "." + path.filename().string() + ".";
    std::filesystem::path temporary;
    int descriptor = -1;
    // A name already taken (a leftover, or a planted link) is never opened: another random name is tried.
    for (int attempt = 0; attempt < 16 && descriptor < 0; ++attempt) {
        temporary = folder / (base + randomSuffix() + ".part");
        descriptor = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
        if (descriptor < 0 && errno != EEXIST) {
            break;
        }
    }
    if (descriptor < 0) {
        error = failure(path, errno);
        return false;
    }
    // Created 0600 (never readable by others before it is whole), then given the permissions of the file
    // it replaces, or rw-r--r-- for a new file: reports and exports are for people to open.
    struct stat existing {};
    const mode_t mode = ::stat(path.c_str(), &existing) == 0 ? (existing.st_mode & 07777) : 0644;
    ::fchmod(descriptor, mode);
    const bool written = writeAll(descriptor, content) && ::fsync(descriptor) == 0;
    const int writeError = errno;
    const bool closed = ::close(descriptor) == 0;
    if (!written || !closed) {
        error = failure(path, written ? errno : writeError);
        ::unlink(temporary.c_str());
        return false;
    }
    if (::rename(temporary.c_str(), path.c_str()) != 0) {
        error = failure(path, errno);
        ::unlink(temporary.c_str());
        return false;
    }
    // The rename itself reaches the disk with the folder's entry.
    const int folderDescriptor = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (folderDescriptor >= 0) {
        ::fsync(folderDescriptor);
        ::close(folderDescriptor);
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

// Resolution of the content and data folders.
#include "app/content_paths.hpp"

#include <cstdlib>

#include <pwd.h>
#include <unistd.h>

namespace passerelles::app {

std::filesystem::path bundledContentDirectory(const std::filesystem::path& executable) {
    std::error_code error;
    const auto folder = std::filesystem::weakly_canonical(executable, error).parent_path();
    for (const auto& candidate :
         {folder / ".." / "share" / "passerelles" / "content", folder / ".." / ".." / "content"}) {
        if (std::filesystem::is_directory(candidate, error)) {
            return std::filesystem::weakly_canonical(candidate, error);
        }
    }
    return PASSERELLES_SOURCE_CONTENT_DIR;
}

std::filesystem::path runningExecutable(const char* argv0) {
    std::error_code error;
    auto self = std::filesystem::read_symlink("/proc/self/exe", error);
    if (!error && self.is_absolute()) {
        return self;
    }
    return argv0 != nullptr ? std::filesystem::path(argv0) : std::filesystem::path();
}

std::filesystem::path dataDirectory(const std::string& overrideDirectory) {
    if (!overrideDirectory.empty()) {
        return overrideDirectory;
    }
    // The XDG base directory specification says a relative XDG_DATA_HOME is to be ignored.
    if (const char* xdg = std::getenv("XDG_DATA_HOME"); xdg != nullptr && xdg[0] == '/') {
        return std::filesystem::path(xdg) / "passerelles";
    }
    if (const char* home = std::getenv("HOME"); home != nullptr && home[0] == '/') {
        return std::filesystem::path(home) / ".local" / "share" / "passerelles";
    }
    // HOME unset (a service, a stripped environment): the account's home from the password database,
    // never the current folder, where a learner would not find the data again.
    if (const passwd* account = ::getpwuid(::getuid());
        account != nullptr && account->pw_dir != nullptr && account->pw_dir[0] == '/') {
        return std::filesystem::path(account->pw_dir) / ".local" / "share" / "passerelles";
    }
    return {};
}

}  // namespace passerelles::app

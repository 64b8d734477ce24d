// Resolution of the content and data folders.
#include "app/content_paths.hpp"

#include <cstdlib>

#ifndef _WIN32
#include <pwd.h>
#include <unistd.h>
#endif

#include "core/base/platform.hpp"

namespace passerelles::app {

std::filesystem::path bundledContentDirectory(const std::filesystem::path& executable) {
    std::error_code error;
    const auto folder = std::filesystem::weakly_canonical(executable, error).parent_path();
    for (const auto& candidate : {folder / ".." / "share" / "passerelles" / "content", folder / "content",
                                  folder / ".." / ".." / "content"}) {
        if (std::filesystem::is_directory(candidate, error)) {
            return std::filesystem::weakly_canonical(candidate, error);
        }
    }
    return PASSERELLES_SOURCE_CONTENT_DIR;
}

std::string bundledFontDirectory([[maybe_unused]] const std::filesystem::path& executable) {
#ifdef _WIN32
    std::error_code error;
    return (std::filesystem::weakly_canonical(executable, error).parent_path() / "fonts").string();
#else
    return {};
#endif
}

std::filesystem::path runningExecutable(const char* argv0) {
    if (auto self = platform::executablePath(); !self.empty()) {
        return self;
    }
    return argv0 != nullptr ? std::filesystem::path(argv0) : std::filesystem::path();
}

std::filesystem::path dataDirectory(const std::string& overrideDirectory) {
    if (!overrideDirectory.empty()) {
        return overrideDirectory;
    }
#ifdef _WIN32
    // Where Windows programs keep a user's data (C:\Users\NAME\AppData\Roaming); wide, so that a user
    // name with accents survives.
    if (const wchar_t* appData = ::_wgetenv(L"APPDATA"); appData != nullptr && appData[0] != L'\0') {
        return std::filesystem::path(appData) / "Passerelles";
    }
    return {};
#else
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
#endif
}

}  // namespace passerelles::app

// Windows implementation of core/base/platform.hpp: CreateFileW with CREATE_NEW, FlushFileBuffers,
// MoveFileExW; file names are UTF-16, so accented user and folder names work.
#ifdef _WIN32
#include "core/base/platform.hpp"

#include <windows.h>

#include <algorithm>

#include <cerrno>

namespace passerelles::platform {

namespace {

// The few Windows errors the messages distinguish, as the errno values POSIX gives for the same cause.
int errnoFor(DWORD error) {
    switch (error) {
        case ERROR_DISK_FULL:
        case ERROR_HANDLE_DISK_FULL:
            return ENOSPC;
        case ERROR_ACCESS_DENIED:
        case ERROR_WRITE_PROTECT:
        case ERROR_SHARING_VIOLATION:
            return EACCES;
        case ERROR_FILE_EXISTS:
        case ERROR_ALREADY_EXISTS:
            return EEXIST;
        case ERROR_PATH_NOT_FOUND:
        case ERROR_FILE_NOT_FOUND:
            return ENOENT;
        case ERROR_FILENAME_EXCED_RANGE:
            return ENAMETOOLONG;
        default:
            return EIO;
    }
}

}  // namespace

int writeAndReplace(const std::filesystem::path& temporary, const std::filesystem::path& target,
                    const std::string& content) {
    // CREATE_NEW fails on any existing name, a link included: nothing planted is ever written through.
    HANDLE file = ::CreateFileW(temporary.c_str(), GENERIC_WRITE, 0, nullptr, CREATE_NEW,
                                FILE_ATTRIBUTE_NORMAL, nullptr);
    if (file == INVALID_HANDLE_VALUE) {
        return errnoFor(::GetLastError());
    }
    bool written = true;
    std::size_t done = 0;
    while (written && done < content.size()) {
        const DWORD chunk = static_cast<DWORD>(std::min<std::size_t>(content.size() - done, 1U << 30U));
        DWORD count = 0;
        written = ::WriteFile(file, content.data() + done, chunk, &count, nullptr) != 0;
        done += count;
    }
    written = written && ::FlushFileBuffers(file) != 0;
    const DWORD writeError = ::GetLastError();
    const bool closed = ::CloseHandle(file) != 0;
    if (!written || !closed) {
        ::DeleteFileW(temporary.c_str());
        return errnoFor(written ? ::GetLastError() : writeError);
    }
    if (::MoveFileExW(temporary.c_str(), target.c_str(),
                      MOVEFILE_REPLACE_EXISTING | MOVEFILE_WRITE_THROUGH) == 0) {
        const DWORD error = ::GetLastError();
        ::DeleteFileW(temporary.c_str());
        return errnoFor(error);
    }
    return 0;
}

bool isDiskFull(int error) {
    return error == ENOSPC;
}

bool isWriteProtected(int error) {
    return error == EACCES;
}

bool syncFile(const std::filesystem::path& file) {
    HANDLE handle = ::CreateFileW(file.c_str(), GENERIC_WRITE, FILE_SHARE_READ, nullptr, OPEN_EXISTING,
                                  FILE_ATTRIBUTE_NORMAL, nullptr);
    if (handle == INVALID_HANDLE_VALUE) {
        return false;
    }
    const bool synced = ::FlushFileBuffers(handle) != 0;
    ::CloseHandle(handle);
    return synced;
}

bool folderIsWritable(const std::filesystem::path& folder) {
    // Windows' access rights are lists, not mode bits: the honest answer is to try.
    const std::filesystem::path probe = folder / (".passerelles-ecriture-" + std::to_string(processId()));
    HANDLE handle = ::CreateFileW(probe.c_str(), GENERIC_WRITE, 0, nullptr, CREATE_NEW,
                                  FILE_ATTRIBUTE_TEMPORARY | FILE_FLAG_DELETE_ON_CLOSE, nullptr);
    if (handle == INVALID_HANDLE_VALUE) {
        return false;
    }
    ::CloseHandle(handle);
    return true;
}

std::tm localTime(std::time_t time) {
    std::tm local{};
    localtime_s(&local, &time);
    return local;
}

std::filesystem::path executablePath() {
    std::wstring buffer(32768, L'\0');
    const DWORD length = ::GetModuleFileNameW(nullptr, buffer.data(), static_cast<DWORD>(buffer.size()));
    return length > 0 && length < buffer.size() ? std::filesystem::path(buffer.substr(0, length))
                                                : std::filesystem::path();
}

long processId() {
    return static_cast<long>(::GetCurrentProcessId());
}

}  // namespace passerelles::platform
#endif

// The few operating-system calls the core needs, with one implementation per system (POSIX, Windows).
#pragma once

#include <ctime>
#include <filesystem>
#include <string>

namespace passerelles::platform {

// Writes `content` to a new file at `temporary` (created exclusively, never through a link), flushes it to
// the disk and renames it over `target`. Returns 0, or the system's error number (errno) with the file
// removed. The caller chooses the temporary name; the system's error numbers stay ours to word in French.
int writeAndReplace(const std::filesystem::path& temporary, const std::filesystem::path& target,
                    const std::string& content);

// True when an error number of writeAndReplace means a full disk, or a folder that refuses writing.
bool isDiskFull(int error);
bool isWriteProtected(int error);

// Flushes an existing file to the disk (after SQLite's VACUUM INTO, before it is renamed into place).
bool syncFile(const std::filesystem::path& file);

// Whether the current user may create files in `folder` (why a database could not be opened).
bool folderIsWritable(const std::filesystem::path& folder);

// The local calendar time of `time` (localtime_r, localtime_s: the thread-safe forms).
std::tm localTime(std::time_t time);

// The running program's own file (/proc/self/exe, GetModuleFileNameW); empty when the system does not say.
std::filesystem::path executablePath();

// This process's id, for temporary names that another process would not choose.
long processId();

}  // namespace passerelles::platform

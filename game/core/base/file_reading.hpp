// Reading a whole file the program was given (a plan, booth settings, a pack file, an import): only a
// regular file, only up to a size limit, so that a FIFO, /dev/zero or a link loop gives a French sentence
// at once instead of a wait, a memory exhaustion or « introuvable ».
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <system_error>

#include "core/base/io_result.hpp"

namespace passerelles {

// Checks the path (following links) before opening it: a folder, a FIFO, a device or a socket is never
// opened, nor a file over `maxBytes`; and no more than `maxBytes` are read even if the file grows meanwhile.
// The error's message does not name the file (« Ce chemin est un tube ou un périphérique… »): the caller
// says which file it is; its problem says why (Missing, LinkLoop, Folder, NotRegular, TooBig, Unreadable).
IoResult<std::string> readRegularFile(const std::filesystem::path& path, std::uintmax_t maxBytes);

// The reason for a file system error, in French (the system's own text is English).
std::string explainFileSystemError(const std::error_code& error);

}  // namespace passerelles

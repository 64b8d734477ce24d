// Files the program writes for people (reports, plans, exports): whole or absent, never half-written.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "core/base/io_result.hpp"

namespace passerelles {

// Writes a temporary file beside the target, then renames it over the target. The temporary file has a
// random name (`.NAME.xxxxxxxxxxxx.part`) and is created exclusively, never through a link
// (O_CREAT|O_EXCL|O_NOFOLLOW, mode 0600, then the replaced file's mode or 0644), written, fsync'ed, renamed;
// a link planted beside the target is never followed, and one at the target is replaced, not written
// through. On failure returns a French sentence naming the file (FileProblem::Unwritable), removes the
// temporary file, and leaves an earlier file of that name as it was. Every file the program writes for
// people goes through here.
IoResult<void> writeFileAtomically(const std::filesystem::path& path, const std::string& content);

// Moves a damaged file aside as FILE.endommage-YYYYMMDD-HHMMSS (local time of `now`, seconds since the
// epoch; "-2", "-3"… when that name is taken), with its SQLite journal (-wal, -shm) when there is one:
// nothing is overwritten or deleted. Returns the new name, or nullopt when the file could not be moved.
std::optional<std::filesystem::path> moveDamagedFileAside(const std::filesystem::path& file,
                                                          std::int64_t now);
// The same with another word: FILE.WORD-YYYYMMDD-HHMMSS ("autre-programme" for another program's file).
std::optional<std::filesystem::path> moveFileAside(const std::filesystem::path& file, const std::string& word,
                                                   std::int64_t now);

// "Bourges, salle des fêtes" → "bourges-salle-des-fetes": lowercase ASCII letters, digits and hyphens,
// at most `maxLength` characters; for folder and file names built from what a trainer typed.
std::string fileNameSlug(std::string_view text, std::size_t maxLength = 40);

}  // namespace passerelles

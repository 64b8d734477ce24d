// Files the program writes for people (reports, plans, exports): whole or absent, never half-written.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace passerelles {

// Writes beside the target, then renames over it. On failure returns false with a French sentence
// naming the file in `error`; an earlier file of that name is left as it was.
bool writeFileAtomically(const std::filesystem::path& path, const std::string& content, std::string& error);

// Moves a damaged file aside as FILE.endommage-YYYYMMDD-HHMMSS (local time of `now`, seconds since the
// epoch; "-2", "-3"… when that name is taken), with its SQLite journal (-wal, -shm) when there is one:
// nothing is overwritten or deleted. Returns the new name, or nullopt when the file could not be moved.
std::optional<std::filesystem::path> moveDamagedFileAside(const std::filesystem::path& file,
                                                          std::int64_t now);

// "Bourges, salle des fêtes" → "bourges-salle-des-fetes": lowercase ASCII letters, digits and hyphens,
// at most `maxLength` characters; for folder and file names built from what a trainer typed.
std::string fileNameSlug(std::string_view text, std::size_t maxLength = 40);

}  // namespace passerelles

// Files the program writes for people (reports, plans, exports): whole or absent, never half-written.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

namespace passerelles {

// Writes beside the target, then renames over it. On failure returns false with a French sentence
// naming the file in `error`; an earlier file of that name is left as it was.
bool writeFileAtomically(const std::filesystem::path& path, const std::string& content, std::string& error);

// "Bourges, salle des fêtes" → "bourges-salle-des-fetes": lowercase ASCII letters, digits and hyphens,
// at most `maxLength` characters; for folder and file names built from what a trainer typed.
std::string fileNameSlug(std::string_view text, std::size_t maxLength = 40);

}  // namespace passerelles

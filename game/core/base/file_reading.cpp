// Whole-file reading for every file a user or a pack points the program to: checked, then bounded.
#include "core/base/file_reading.hpp"

#include <fstream>

#include "core/base/text.hpp"

namespace passerelles {

std::string explainFileSystemError(const std::error_code& error) {
    if (error == std::errc::permission_denied || error == std::errc::operation_not_permitted) {
        return "droits d’accès insuffisants";
    }
    if (error == std::errc::too_many_symbolic_link_levels) {
        return "les liens symboliques du chemin forment une boucle";
    }
    if (error == std::errc::read_only_file_system) {
        return "le support est en lecture seule";
    }
    if (error == std::errc::no_space_on_device) {
        return "le disque est plein";
    }
    if (error == std::errc::not_a_directory || error == std::errc::file_exists) {
        return "un fichier porte déjà ce nom, ou une partie du chemin n’est pas un dossier";
    }
    if (error == std::errc::filename_too_long) {
        return "le nom est trop long";
    }
    return "erreur système " + std::to_string(error.value());
}

IoResult<std::string> readRegularFile(const std::filesystem::path& path, std::uintmax_t maxBytes) {
    std::error_code error;
    const auto status = std::filesystem::status(path, error);
    if (error == std::errc::too_many_symbolic_link_levels) {
        return IoError{
            "Ce chemin est une boucle de liens symboliques (un lien qui mène, d'un lien à l'autre, à "
            "lui-même) : il ne mène à aucun fichier.",
            FileProblem::LinkLoop, error};
    }
    if (status.type() == std::filesystem::file_type::not_found ||
        (error && error == std::errc::no_such_file_or_directory)) {
        return IoError{"Le fichier est introuvable.", FileProblem::Missing, error};
    }
    if (error) {
        return IoError{"Le fichier ne peut pas être lu (" + explainFileSystemError(error) + ").",
                       FileProblem::Unreadable, error};
    }
    if (std::filesystem::is_directory(status)) {
        return IoError{"Ce chemin n'est pas un fichier : c'est un dossier.", FileProblem::Folder, error};
    }
    if (!std::filesystem::is_regular_file(status)) {
        // Opening a FIFO waits for a writer; a device such as /dev/zero never ends.
        return IoError{
            "Ce chemin n'est pas un fichier ordinaire : c'est un tube, un périphérique ou une prise, "
            "qui n'est pas lu.",
            FileProblem::NotRegular, error};
    }
    const std::uintmax_t size = std::filesystem::file_size(path, error);
    if (error) {
        return IoError{"Le fichier ne peut pas être lu (" + explainFileSystemError(error) + ").",
                       FileProblem::Unreadable, error};
    }
    if (size > maxBytes) {
        return IoError{"Le fichier est trop gros (" + formatInteger(static_cast<long long>(size / 1024)) +
                           " Ko ; " + formatInteger(static_cast<long long>(maxBytes / 1024)) +
                           " Ko au plus).",
                       FileProblem::TooBig, error};
    }
    std::ifstream stream(path, std::ios::binary);
    if (!stream) {
        return IoError{"Le fichier ne peut pas être ouvert : vérifiez qu'il est lisible (droits d'accès).",
                       FileProblem::Unreadable, error};
    }
    // Read in one piece at the known size, one byte more to notice a file that grew past the limit.
    std::string text(static_cast<std::size_t>(size) + 1, '\0');
    stream.read(text.data(), static_cast<std::streamsize>(text.size()));
    text.resize(static_cast<std::size_t>(stream.gcount()));
    if (stream.bad()) {
        return IoError{"La lecture du fichier a échoué.", FileProblem::Unreadable, error};
    }
    if (text.size() > maxBytes) {
        return IoError{"Le fichier a grossi pendant sa lecture et dépasse " +
                           formatInteger(static_cast<long long>(maxBytes / 1024)) + " Ko.",
                       FileProblem::TooBig, error};
    }
    return text;
}

}  // namespace passerelles

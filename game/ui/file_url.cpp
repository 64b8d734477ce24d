// File URLs for opening the workshop's report and folder with the system's program.
#include "ui/file_url.hpp"

namespace passerelles::ui {

std::string fileUrl(const std::filesystem::path& path) {
    const std::u8string generic = std::filesystem::absolute(path).generic_u8string();
    std::string url = "file://";
    if (generic.empty() || generic.front() != u8'/') {
        url += '/';  // « C:/… » on Windows
    }
    static const char* const kHex = "0123456789ABCDEF";
    for (const char8_t unit : generic) {
        const auto byte = static_cast<unsigned char>(unit);
        const bool plain = (byte >= 'a' && byte <= 'z') || (byte >= 'A' && byte <= 'Z') ||
                           (byte >= '0' && byte <= '9') || byte == '-' || byte == '_' || byte == '.' ||
                           byte == '~' || byte == '/' || byte == ':';
        if (plain) {
            url += static_cast<char>(byte);
        } else {
            url += '%';
            url += kHex[byte >> 4];
            url += kHex[byte & 0x0F];
        }
    }
    return url;
}

}  // namespace passerelles::ui

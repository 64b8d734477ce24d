// A file's address for the system's opener: « file:///home/… » with the bytes a URL may not hold escaped.
#pragma once

#include <filesystem>
#include <string>

namespace passerelles::ui {

// An absolute path as a file URL: « /tmp/a b/œ.html » → « file:///tmp/a%20b/%C5%93.html »; a Windows
// path « C:\x » → « file:///C:/x ».
std::string fileUrl(const std::filesystem::path& path);

}  // namespace passerelles::ui

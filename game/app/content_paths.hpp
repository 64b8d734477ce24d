// Where the bundled content, the user's packs and the user's data live on disk.
#pragma once

#include <filesystem>
#include <string>

namespace passerelles::app {

// The content shipped with the program: beside an installed binary (PREFIX/share/passerelles/content),
// in the program's own folder on Windows (content\ beside passerelles.exe), or in the source tree for a
// build tree binary (build/bin → ../../content).
std::filesystem::path bundledContentDirectory(const std::filesystem::path& executable);
// The DejaVu fonts that ship with the program on Windows (fonts\ beside passerelles.exe); empty
// elsewhere, where the system's fonts-dejavu-core is used.
std::string bundledFontDirectory(const std::filesystem::path& executable);
// The running binary's own path (/proc/self/exe, GetModuleFileNameW), else argv[0]: started from PATH («
// passerelles » in a menu entry), argv[0] has no folder and would point the content search at the current
// folder.
std::filesystem::path runningExecutable(const char* argv0);
// --data-dir, else $XDG_DATA_HOME/passerelles (when absolute), else $HOME/.local/share/passerelles, else
// the same under the account's home; on Windows %APPDATA%\Passerelles. Empty when none of them is known
// (the caller asks for --data-dir).
std::filesystem::path dataDirectory(const std::string& overrideDirectory);

}  // namespace passerelles::app

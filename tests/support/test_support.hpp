// Helpers shared by the test suites: temporary folders, file writing, paths of fixtures and content.
#pragma once

#include <filesystem>
#include <string>

#include "core/base/diagnostics.hpp"

namespace passerelles::testing {

std::filesystem::path sourceDir();
std::filesystem::path fixturesDir();
std::filesystem::path contentDir();

// A fresh folder under the system temporary directory, removed when the object goes away.
class TemporaryFolder {
  public:
    TemporaryFolder();
    ~TemporaryFolder();
    TemporaryFolder(const TemporaryFolder&) = delete;
    TemporaryFolder& operator=(const TemporaryFolder&) = delete;
    const std::filesystem::path& path() const { return path_; }

  private:
    std::filesystem::path path_;
};

void writeFile(const std::filesystem::path& path, const std::string& content);
std::string readFile(const std::filesystem::path& path);
// The first diagnostic whose message contains `needle`, written with plain spaces (messages are typeset
// with French no-break spaces); nullptr when there is none.
const Diagnostic* findDiagnostic(const Diagnostics& diagnostics, const std::string& needle);

// Copies a folder recursively (fixtures that a test modifies).
void copyFolder(const std::filesystem::path& from, const std::filesystem::path& to);

}  // namespace passerelles::testing

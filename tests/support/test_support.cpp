// Temporary folders and file helpers for tests.
#include "support/test_support.hpp"

#include "core/base/platform.hpp"
#include "core/base/text.hpp"

#include <atomic>
#include <fstream>
#include <sstream>

namespace passerelles::testing {

std::filesystem::path sourceDir() {
    return PASSERELLES_SOURCE_DIR;
}
std::filesystem::path fixturesDir() {
    return PASSERELLES_FIXTURES_DIR;
}
std::filesystem::path contentDir() {
    return PASSERELLES_CONTENT_DIR;
}

TemporaryFolder::TemporaryFolder() {
    static std::atomic<int> counter{0};
    path_ = std::filesystem::temp_directory_path() /
            ("passerelles-test-" + std::to_string(platform::processId()) + "-" + std::to_string(counter++));
    std::filesystem::remove_all(path_);
    std::filesystem::create_directories(path_);
}

TemporaryFolder::~TemporaryFolder() {
    std::error_code error;
    std::filesystem::permissions(path_, std::filesystem::perms::owner_all, std::filesystem::perm_options::add,
                                 error);
    std::filesystem::remove_all(path_, error);
}

void writeFile(const std::filesystem::path& path, const std::string& content) {
    std::filesystem::create_directories(path.parent_path());
    std::ofstream stream(path, std::ios::binary);
    stream << content;
}

std::string readFile(const std::filesystem::path& path) {
    std::ifstream stream(path, std::ios::binary);
    std::ostringstream buffer;
    buffer << stream.rdbuf();
    return buffer.str();
}

const Diagnostic* findDiagnostic(const Diagnostics& diagnostics, const std::string& needle) {
    const std::string typeset = frenchTypography(needle);
    for (const auto& diagnostic : diagnostics.items()) {
        if (diagnostic.message.find(typeset) != std::string::npos) {
            return &diagnostic;
        }
    }
    return nullptr;
}

void copyFolder(const std::filesystem::path& from, const std::filesystem::path& to) {
    std::filesystem::create_directories(to);
    std::filesystem::copy(
        from, to,
        std::filesystem::copy_options::recursive | std::filesystem::copy_options::overwrite_existing);
}

}  // namespace passerelles::testing

// The bundled font covers every character French text needs, at every size.
#include <doctest/doctest.h>

#include <filesystem>
#include <regex>
#include <set>
#include <string>

#include "support/test_support.hpp"
#include "ui/headless.hpp"

using namespace passerelles::ui;

TEST_CASE("French glyphs are present: accents, œ, guillemets, apostrophe, euro, no-break spaces") {
    SessionOptions options;
    options.contentRoots = {{passerelles::testing::contentDir(), "bundled"}};
    HeadlessUi ui(options, ImVec2(1280, 720));
    ui.frame();
    const FontSet& fonts = ui.session().services().fonts;
    REQUIRE_FALSE(fonts.usingFallback());
    const ImWchar needed[] = {0x00E9, 0x00E8, 0x00EA, 0x00E0, 0x00E7, 0x00C9, 0x0153, 0x0152,
                              0x00AB, 0x00BB, 0x2019, 0x201C, 0x201D, 0x201E, 0x2026, 0x20AC,
                              0x00A0, 0x202F, 0x2013, 0x2014, 0x2192, 0x2713, 0x2717, 0x25D0};
    for (ImFont* font : {fonts.body, fonts.bold, fonts.small, fonts.heading, fonts.title, fonts.display}) {
        for (const ImWchar c : needed) {
            CAPTURE(c);
            CHECK(font->FindGlyphNoFallback(c) != nullptr);
        }
    }
}

namespace {

// The code points of UTF-8 text (bytes that are not UTF-8 are skipped: the loader refuses them anyway).
void addCodePoints(const std::string& text, std::set<unsigned>& found) {
    for (std::size_t i = 0; i < text.size();) {
        const auto byte = static_cast<unsigned char>(text[i]);
        const int length = byte < 0x80           ? 1
                           : (byte >> 5) == 0x6  ? 2
                           : (byte >> 4) == 0xE  ? 3
                           : (byte >> 3) == 0x1E ? 4
                                                 : 0;
        if (length == 0 || i + static_cast<std::size_t>(length) > text.size()) {
            ++i;
            continue;
        }
        unsigned code = length == 1 ? byte : byte & (0x7Fu >> length);
        for (int k = 1; k < length; ++k) {
            code = (code << 6) | (static_cast<unsigned char>(text[i + static_cast<std::size_t>(k)]) & 0x3Fu);
        }
        found.insert(code);
        i += static_cast<std::size_t>(length);
    }
}

// Every character written in the shipped packs (JSON as written, plus what typography adds at load) and
// in the program's own texts (the sources under game/ outside comments, characters as written or as
// \xHH / \uHHHH escapes), except byte-order marks and line breaks, which are never drawn.
std::set<unsigned> charactersUsed() {
    std::set<unsigned> found{0x00A0, 0x202F, 0x2019};  // typography: no-break spaces, apostrophe
    const auto scan = [&](const std::filesystem::path& root, std::initializer_list<const char*> extensions) {
        for (const auto& entry : std::filesystem::recursive_directory_iterator(root)) {
            const std::string extension = entry.path().extension().string();
            bool wanted = false;
            for (const char* e : extensions) {
                wanted = wanted || extension == e;
            }
            if (!entry.is_regular_file() || !wanted) {
                continue;
            }
            std::string text = passerelles::testing::readFile(entry.path());
            if (extension != ".json") {
                // Comments are never drawn: a line from « // » on, and « // » after code.
                static const std::regex comment(R"((^|\s)//[^\n]*)");
                text = std::regex_replace(text, comment, "$1");
            }
            addCodePoints(text, found);
            static const std::regex escapes(R"((?:\\x[0-9A-Fa-f]{2}){2,4}|\\u[0-9A-Fa-f]{4})");
            for (std::sregex_iterator match(text.begin(), text.end(), escapes), end; match != end; ++match) {
                const std::string escape = match->str();
                if (escape[1] == 'u') {
                    found.insert(static_cast<unsigned>(std::stoul(escape.substr(2), nullptr, 16)));
                    continue;
                }
                std::string bytes;
                for (std::size_t k = 0; k + 3 < escape.size() + 1; k += 4) {
                    bytes += static_cast<char>(std::stoi(escape.substr(k + 2, 2), nullptr, 16));
                }
                addCodePoints(bytes, found);
            }
        }
    };
    scan(passerelles::testing::contentDir(), {".json"});
    scan(passerelles::testing::sourceDir() / "game", {".cpp", ".hpp"});
    for (const unsigned never : {0xFEFFu, 0x0Au, 0x0Du, 0x09u}) {
        found.erase(never);
    }
    return found;
}

}  // namespace

TEST_CASE("every character of the shipped content and of the screens' texts has a glyph at every size") {
    SessionOptions options;
    options.contentRoots = {{passerelles::testing::contentDir(), "bundled"}};
    HeadlessUi ui(options, ImVec2(1280, 720));
    ui.frame();
    const FontSet& fonts = ui.session().services().fonts;
    REQUIRE_FALSE(fonts.usingFallback());
    const std::set<unsigned> used = charactersUsed();
    CHECK(used.size() > 100);      // accents, guillemets, arrows, check marks… were found
    CHECK(used.contains(0x0153));  // œ, written in the content
    for (ImFont* font : {fonts.body, fonts.bold, fonts.small, fonts.heading, fonts.title, fonts.display}) {
        for (const unsigned code : used) {
            CAPTURE(code);
            // Characters beyond U+FFFF (emoji) never reach a glyph in this ImGui build: RichText shows
            // their code instead, as for any character missing here.
            if (code <= 0xFFFF) {
                CHECK(font->FindGlyphNoFallback(static_cast<ImWchar>(code)) != nullptr);
            }
        }
    }
}

TEST_CASE("text grows with the window and with the user's setting") {
    CHECK(baseFontSizeFor(1280, 720, 1.0f) == doctest::Approx(22.0f));
    CHECK(baseFontSizeFor(1920, 1080, 1.0f) == doctest::Approx(33.0f));
    CHECK(baseFontSizeFor(1920, 1080, 1.5f) > baseFontSizeFor(1920, 1080, 1.0f));
    CHECK(baseFontSizeFor(200, 150, 1.0f) >= 11.0f);
}

TEST_CASE("Ctrl+Plus enlarges the text and rebuilds the fonts") {
    SessionOptions options;
    options.contentRoots = {{passerelles::testing::contentDir(), "bundled"}};
    HeadlessUi ui(options, ImVec2(1280, 720));
    ui.frame();
    const float before = ui.session().services().fonts.baseSize();
    ui.press("Ctrl+Plus");
    ui.frame();
    CHECK(ui.session().services().fonts.baseSize() > before);
}

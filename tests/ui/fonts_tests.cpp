// The bundled font covers every character French text needs, at every size.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <map>
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
    FontSet& fonts = ui.session().services().fonts;
    REQUIRE_FALSE(fonts.usingFallback());
    fonts.ensureSize(*ImGui::GetIO().Fonts, fonts.baseSize(), true);  // the display size too, as a room asks
    REQUIRE(fonts.hasDisplaySize());
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

// Source text with comments blanked (never drawn): from « // » at a line's start or after a space.
std::string withoutComments(std::string text) {
    for (std::size_t at = text.find("//"); at != std::string::npos; at = text.find("//", at + 2)) {
        if (at == 0 || text[at - 1] == ' ' || text[at - 1] == '\n') {
            const std::size_t end = text.find('\n', at);
            std::fill(text.begin() + static_cast<std::ptrdiff_t>(at),
                      end == std::string::npos ? text.end() : text.begin() + static_cast<std::ptrdiff_t>(end),
                      ' ');
        }
    }
    return text;
}

int hexDigit(char c) {
    return c >= '0' && c <= '9'   ? c - '0'
           : c >= 'a' && c <= 'f' ? c - 'a' + 10
           : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                  : -1;
}

// The characters written as escapes in string literals: runs of « \xHH » (UTF-8 bytes) and « \uHHHH ».
void addEscapedCodePoints(const std::string& text, std::set<unsigned>& found) {
    std::string bytes;
    for (std::size_t at = 0; at + 3 < text.size(); ++at) {
        if (text[at] != '\\') {
            continue;
        }
        if (text[at + 1] == 'u' && at + 5 < text.size()) {
            unsigned code = 0;
            bool valid = true;
            for (std::size_t k = 2; k < 6; ++k) {
                const int digit = hexDigit(text[at + k]);
                valid = valid && digit >= 0;
                code = code * 16 + static_cast<unsigned>(std::max(digit, 0));
            }
            if (valid) {
                found.insert(code);
            }
        } else if (text[at + 1] == 'x' && hexDigit(text[at + 2]) >= 0 && hexDigit(text[at + 3]) >= 0) {
            bytes += static_cast<char>(hexDigit(text[at + 2]) * 16 + hexDigit(text[at + 3]));
            if (at + 4 >= text.size() || text[at + 4] != '\\' || at + 5 >= text.size() ||
                text[at + 5] != 'x') {
                addCodePoints(bytes, found);  // the run ends: its bytes are one or more characters
                bytes.clear();
            }
            at += 3;
        }
    }
}

// Every character written in the shipped packs (JSON as written, plus what typography adds at load) and
// in the program's own texts (the sources under game/ outside comments, characters as written or as
// \xHH / \uHHHH escapes), except control characters and byte-order marks, which are never drawn.
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
                text = withoutComments(text);
            }
            addCodePoints(text, found);
            addEscapedCodePoints(text, found);
        }
    };
    scan(passerelles::testing::contentDir(), {".json"});
    scan(passerelles::testing::sourceDir() / "game", {".cpp", ".hpp"});
    // Control characters (C0, DEL, C1: escapes in the CSV and terminal code) and the byte-order mark.
    std::erase_if(
        found, [](unsigned code) { return code < 0x20 || (code >= 0x7F && code < 0xA0) || code == 0xFEFF; });
    return found;
}

}  // namespace

TEST_CASE("every character of the shipped content and of the screens' texts has a glyph at every size") {
    SessionOptions options;
    options.contentRoots = {{passerelles::testing::contentDir(), "bundled"}};
    HeadlessUi ui(options, ImVec2(1280, 720));
    ui.frame();
    FontSet& fonts = ui.session().services().fonts;
    REQUIRE_FALSE(fonts.usingFallback());
    fonts.ensureSize(*ImGui::GetIO().Fonts, fonts.baseSize(), true);  // the display size too, as a room asks
    REQUIRE(fonts.hasDisplaySize());
    std::set<unsigned> used = charactersUsed();
    CHECK(used.size() > 100);      // accents, guillemets, arrows, check marks… were found
    CHECK(used.contains(0x0153));  // œ, written in the content
    // U+FFFD stands for bytes that are not UTF-8: it has no glyph of its own (its index would cost 2.4 MB)
    // and is drawn as ImGui's fallback « ? ».
    used.erase(0xFFFD);
    for (ImFont* font : {fonts.body, fonts.bold, fonts.small, fonts.heading, fonts.title, fonts.display}) {
        CHECK(font->FallbackChar == '?');
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

TEST_CASE("the display size is built only once a screen draws in it, and then kept") {
    SessionOptions options;
    options.contentRoots = {{passerelles::testing::contentDir(), "bundled"}};
    options.open = "quiz:cahier-ludique";
    HeadlessUi ui(options, ImVec2(1280, 720));
    ui.frames(2);
    const FontSet& fonts = ui.session().services().fonts;
    REQUIRE(ui.screen().kind() == "quiz");
    CHECK_FALSE(fonts.hasDisplaySize());
    CHECK(fonts.display == fonts.title);  // never null: a screen that forgot to ask gets the title size
    const int pixelsWithoutDisplay = ImGui::GetIO().Fonts->TexWidth * ImGui::GetIO().Fonts->TexHeight;

    // The quiz to its end: the results screen draws the score in the display size.
    for (int question = 0; question < 18 && ui.screen().kind() == "quiz"; ++question) {
        ui.press("A");
        ui.press("Enter");
        ui.press("Enter");
    }
    ui.frame();
    REQUIRE(ui.screen().kind() == "quiz-results");
    ui.frame();  // the results screen's first frame: the atlas is rebuilt before it is drawn
    CHECK(fonts.hasDisplaySize());
    REQUIRE(fonts.display != fonts.title);
    CHECK(fonts.display->FontSize > fonts.title->FontSize * 1.4f);
    CHECK(ImGui::GetIO().Fonts->TexWidth * ImGui::GetIO().Fonts->TexHeight > pixelsWithoutDisplay);

    ui.press("Esc");
    ui.frames(2);
    REQUIRE(ui.screen().kind() == "home");
    CHECK(fonts.hasDisplaySize());  // kept: going back and forth does not rebuild the atlas each time
}

TEST_CASE("every screen that draws in the display size asks for it") {
    // A screen's own file or header says so (usesDisplayFont, or a room's or the booth's chrome); a view
    // drawn inside a screen names the screen whose file must say so.
    const std::filesystem::path screens = passerelles::testing::sourceDir() / "game/ui/screens";
    const std::map<std::string, std::string> viewOwners = {
        {"atelier_audience_fit", "atelier_presenter_screen"},
        {"atelier_card_view", "atelier_presenter_screen"},
        {"atelier_cover_view", "atelier_presenter_screen"},
        {"phone_room_views", "myth_room_screen"},
    };
    const auto declares = [&](const std::string& stem) {
        std::string text;
        for (const char* extension : {".cpp", ".hpp"}) {
            if (std::filesystem::exists(screens / (stem + extension))) {
                text += withoutComments(passerelles::testing::readFile(screens / (stem + extension)));
            }
        }
        return text.find("usesDisplayFont() const override { return true; }") != std::string::npos ||
               text.find("Chrome::Room") != std::string::npos ||
               text.find("Chrome::Bare") != std::string::npos;
    };
    int users = 0;
    for (const auto& entry : std::filesystem::directory_iterator(screens)) {
        if (entry.path().extension() != ".cpp" ||
            withoutComments(passerelles::testing::readFile(entry.path())).find("fonts.display") ==
                std::string::npos) {
            continue;
        }
        ++users;
        const std::string stem = entry.path().stem().string();
        const auto owner = viewOwners.find(stem);
        CAPTURE(stem);
        CHECK((owner != viewOwners.end() || stem.ends_with("_screen")));
        CHECK(declares(owner != viewOwners.end() ? owner->second : stem));
    }
    CHECK(users >= 8);  // the scan found the screens that draw large type
}

// The bundled font covers every character French text needs, at every size.
#include <doctest/doctest.h>

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

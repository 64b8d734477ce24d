// The shared text drawing with text it cannot draw as given: emoji and other characters the font lacks,
// combining accents, and a word longer than a whole line (issue 22, item 20).
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "support/test_support.hpp"
#include "ui/headless.hpp"
#include "ui/probe.hpp"
#include "ui/rich_text.hpp"
#include "ui/screen_host.hpp"
#include "ui/widgets.hpp"

using namespace passerelles;
using namespace passerelles::ui;

namespace {

// A screen that draws two option cards, as a quiz does, and nothing else.
class TwoCards final : public Screen {
  public:
    TwoCards(std::string first, std::string second) : first_(std::move(first)), second_(std::move(second)) {}
    std::string title() const override { return "Test"; }
    std::string kind() const override { return "two-cards"; }
    void draw(Frame& frame) override {
        OptionCard card;
        card.text = first_;
        optionCard(frame, card);
        card.index = 1;
        card.text = second_;
        optionCard(frame, card);
    }

  private:
    std::string first_;
    std::string second_;
};

struct Glyph {
    float x0, y0, x1, y1;  // where, relative to the card
    float u0, v0;          // which glyph
    bool operator==(const Glyph&) const = default;
};

struct Stage {
    Stage() {
        SessionOptions options;
        options.contentRoots = {{testing::contentDir(), "bundled"}};
        ui = std::make_unique<HeadlessUi>(options, ImVec2(1280, 720));
        ui->frame();
    }
    void show(const std::string& first, const std::string& second) {
        ui->session().host().navigator().resetTo(std::make_unique<TwoCards>(first, second));
        ui->session().host().applyPending();
        probe::enable(true);
        ui->frame();
        first_ = *probe::rectangle("option:0");
        second_ = *probe::rectangle("option:1");
        probe::enable(false);
    }
    // The textured quads (glyphs) drawn inside a card, relative to its corner.
    std::vector<Glyph> glyphsIn(const std::pair<ImVec2, ImVec2>& card) const {
        std::vector<Glyph> glyphs;
        const ImDrawData* data = ImGui::GetDrawData();
        const ImVec2 white = ImGui::GetIO().Fonts->TexUvWhitePixel;
        for (int l = 0; l < data->CmdListsCount; ++l) {
            const ImDrawList* list = data->CmdLists[l];
            for (int v = 0; v + 3 < list->VtxBuffer.Size; v += 4) {
                const ImDrawVert& a = list->VtxBuffer[v];
                const ImDrawVert& c = list->VtxBuffer[v + 2];
                const bool textured = a.uv.x != white.x || a.uv.y != white.y;
                const bool inside = a.pos.y >= card.first.y && c.pos.y <= card.second.y + 1.0f &&
                                    a.pos.x >= card.first.x - 1.0f;
                if (textured && inside && a.uv.x != c.uv.x) {
                    glyphs.push_back({a.pos.x - card.first.x, a.pos.y - card.first.y, c.pos.x - card.first.x,
                                      c.pos.y - card.first.y, a.uv.x, a.uv.y});
                }
            }
        }
        return glyphs;
    }
    std::unique_ptr<HeadlessUi> ui;
    std::pair<ImVec2, ImVec2> first_;
    std::pair<ImVec2, ImVec2> second_;
};

}  // namespace

TEST_CASE("two options differing only by an emoji do not draw the same") {
    Stage stage;
    stage.show("Oui \xF0\x9F\x98\x80", "Oui \xF0\x9F\x98\xA2");  // 😀, 😢
    const auto first = stage.glyphsIn(stage.first_);
    const auto second = stage.glyphsIn(stage.second_);
    REQUIRE(first.size() > 3);
    CHECK(first != second);
    ImFont* body = stage.ui->session().services().fonts.body;
    CHECK(displayableText(body, "Oui \xF0\x9F\x98\x80") == "Oui [U+1F600]");
    CHECK(displayableText(body, "Oui \xF0\x9F\x98\xA2") == "Oui [U+1F622]");
    // Text the font draws as it is is not copied.
    CHECK(displayableText(body, "Équipe « verte » : 4\u202F700 €").empty());
}

TEST_CASE("combining accents are composed, invisible joiners dropped, long sequences still told apart") {
    Stage stage;
    ImFont* body = stage.ui->session().services().fonts.body;
    CHECK(displayableText(body,
                          "Zoe\xCC\x81 et c\xCC\xA7"
                          "a") == "Zoé et ça");                              // e + U+0301, c + U+0327
    CHECK(displayableText(body, "\xE2\x9D\xA4\xEF\xB8\x8F") == "[U+2764]");  // ❤ + U+FE0F
    CHECK(displayableText(body,
                          "a\xE2\x80\x8D"
                          "b") == "ab");  // U+200D zero-width joiner
    // A letter under a pile of marks (« Zalgo » text): the marks the font lacks keep their codes.
    const std::string piled = "e\xCD\x93\xCD\x94\xCD\x95";
    CHECK(displayableText(body, piled) == "e[U+0353][U+0354][U+0355]");
    stage.show("e\xCD\x93", "e\xCD\x94");
    CHECK(stage.glyphsIn(stage.first_) != stage.glyphsIn(stage.second_));
}

TEST_CASE("a folder name in Latin-1 shows its accents, with no letter eaten (issue 22, item 18)") {
    Stage stage;
    ImFont* body = stage.ui->session().services().fonts.body;
    // « Données » and « Œuvres » written by an old system in Latin-1 / Windows-1252: not UTF-8.
    CHECK(displayableText(body,
                          "Packs/Donn\xE9"
                          "es") == "Packs/Données");
    CHECK(displayableText(body,
                          "\x8C"
                          "uvres \x80") == "Œuvres €");
    CHECK(displayableText(body, std::string(1, '\xFF') + "ab") == "ÿab");
    CHECK(displayableText(body,
                          "a\x81"
                          "b") == "a\uFFFDb");  // no character there in either encoding: « � »
    // Drawn: every letter of the name, none swallowed by the stray byte as ImGui alone would.
    stage.show(
        "Donn\xE9"
        "es",
        "Bonjour");
    CHECK(stage.glyphsIn(stage.first_).size() == 8);  // the 7 letters and the option's badge
}

TEST_CASE("a 300-character word wraps inside its card instead of running past it") {
    Stage stage;
    const std::string word(300, 'm');
    stage.show(word, "Bonjour");
    const auto glyphs = stage.glyphsIn(stage.first_);
    REQUIRE(glyphs.size() == 301);  // every letter drawn, and the option's badge « A »
    float right = 0.0f;
    float bottom = 0.0f;
    for (const Glyph& glyph : glyphs) {
        right = std::max(right, glyph.x1);
        bottom = std::max(bottom, glyph.y1);
    }
    const float width = stage.first_.second.x - stage.first_.first.x;
    const float height = stage.first_.second.y - stage.first_.first.y;
    CHECK(right <= width);
    CHECK(bottom <= height);  // the card grew to hold every line
    CHECK(height > 3.0f * stage.ui->session().services().fonts.body->FontSize);
}

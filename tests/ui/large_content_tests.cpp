// A frame's cost does not grow with the content (issue 22, item 7): 20,000 bullet points in one
// explanation, thousands of packs on the home screen. Work is counted (lines and pack panels drawn),
// never timed; tools/bench prints the times.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "support/test_support.hpp"
#include "ui/headless.hpp"
#include "ui/probe.hpp"
#include "ui/screens/screens.hpp"

using namespace passerelles;
using namespace passerelles::ui;

namespace {

nlohmann::json manifest(const std::string& id, const std::string& title) {
    nlohmann::json pack = nlohmann::json::parse(
        testing::readFile(testing::fixturesDir() / "packs" / "valid-minimal" / "pack.json"));
    pack.erase("$schema");
    pack["id"] = id;
    pack["title"] = title;
    return pack;
}

// One pack with one question whose explanation is `bullets` bullet points.
void writeBulletPack(const std::filesystem::path& root, int bullets) {
    const auto folder = root / "puces";
    std::filesystem::create_directories(folder);
    testing::writeFile(folder / "pack.json", manifest("puces", "Beaucoup de puces").dump());
    std::string explanation = "Les points à retenir :";
    for (int i = 0; i < bullets; ++i) {
        explanation += "\n- point numéro " + std::to_string(i) + ", à retenir";
    }
    const nlohmann::json quiz = {{"kind", "quiz"},
                                 {"id", "quiz-puces"},
                                 {"title", "Quiz aux puces"},
                                 {"questions",
                                  {{{"id", "q01"},
                                    {"text", "Combien de points ?"},
                                    {"options",
                                     {{{"id", "a"}, {"text", "Beaucoup"}, {"correct", true}},
                                      {{"id", "b"}, {"text", "Peu"}, {"correct", false}}}},
                                    {"explanation", explanation},
                                    {"source", {{"id", "cahier2020"}, {"page", 1}}}}}}};
    testing::writeFile(folder / "quiz.json", quiz.dump());
}

// Lines drawn in one frame of the answered question, at the top and then scrolled to the bottom.
std::pair<std::size_t, std::size_t> linesPerFrame(int bullets) {
    testing::TemporaryFolder root;
    writeBulletPack(root.path(), bullets);
    SessionOptions options;
    options.contentRoots = {{root.path(), "user"}};
    options.open = "quiz:puces";
    HeadlessUi ui(options, ImVec2(1280, 720));
    ui.frames(2);
    REQUIRE(ui.screen().kind() == "quiz");
    ui.press("A");
    ui.press("Enter");  // the explanation is shown
    ui.frames(2);
    const RichText& text = ui.session().services().text;
    std::size_t before = text.linesDrawn();
    ui.frame();
    const std::size_t top = text.linesDrawn() - before;
    for (int page = 0; page < 40; ++page) {
        ui.press("PageDown");
    }
    ui.frames(2);
    before = text.linesDrawn();
    ui.frame();
    return {top, text.linesDrawn() - before};
}

}  // namespace

TEST_CASE("20,000 bullet points in an explanation: each frame draws only the lines in the window") {
    // Issue 22, item 7: every line was drawn at every frame, 0.2 to 0.27 s a frame.
    const auto [top, scrolled] = linesPerFrame(20000);
    const auto [topTwice, scrolledTwice] = linesPerFrame(40000);
    CHECK(top > 5);       // something is drawn
    CHECK(top < 200);     // a 720-pixel window holds a few dozen lines, not 20,000
    CHECK(scrolled > 5);  // further down, still drawn…
    CHECK(scrolled < 200);
    CHECK(topTwice <= top + 5);  // …and twice the points cost no more per frame
    CHECK(scrolledTwice <= scrolled + 5);
}

namespace {

// `count` small packs of one quiz each, in one content folder.
void writeManyPacks(const std::filesystem::path& root, int count) {
    const std::string quiz =
        testing::readFile(testing::fixturesDir() / "packs" / "valid-minimal" / "quiz.json");
    for (int i = 0; i < count; ++i) {
        const std::string id = "pack-" + std::to_string(10000 + i);
        const auto folder = root / id;
        std::filesystem::create_directories(folder);
        testing::writeFile(folder / "pack.json", manifest(id, "Pack numéro " + std::to_string(i)).dump());
        testing::writeFile(folder / "quiz.json", quiz);
    }
}

struct HomeCost {
    std::size_t panelsAtTop = 0;
    std::size_t panelsAtEnd = 0;
    bool lastShown = false;
};

HomeCost homeCost(int packs) {
    testing::TemporaryFolder root;
    writeManyPacks(root.path(), packs);
    SessionOptions options;
    options.contentRoots = {{root.path(), "user"}};
    HeadlessUi ui(options, ImVec2(1280, 720));
    ui.frames(3);
    REQUIRE(ui.screen().kind() == "home");
    HomeCost cost;
    std::size_t before = homePackPanelsDrawn();
    ui.frame();
    cost.panelsAtTop = homePackPanelsDrawn() - before;
    ui.press("Up");  // from the first activity round to the last one: the view jumps to the last pack
    ui.frames(3);
    probe::enable(true);
    before = homePackPanelsDrawn();
    ui.frame();
    cost.panelsAtEnd = homePackPanelsDrawn() - before;
    cost.lastShown = probe::shown("Pack numéro " + std::to_string(packs - 1));
    probe::enable(false);
    return cost;
}

}  // namespace

TEST_CASE("the home screen draws the packs in its window only, however many there are") {
    // Issue 22, item 7: with 10,000 packs every frame built every entry and drew every panel (0.46 s).
    const HomeCost some = homeCost(150);
    const HomeCost twice = homeCost(300);
    CHECK(some.panelsAtTop > 0);
    CHECK(some.panelsAtTop < 15);  // a 720-pixel window shows a few panels
    CHECK(twice.panelsAtTop <= some.panelsAtTop + 1);
    CHECK(some.lastShown);  // the focus reached the last pack and it was drawn
    CHECK(twice.lastShown);
    CHECK(some.panelsAtEnd < 15);
    CHECK(twice.panelsAtEnd <= some.panelsAtEnd + 1);
}

TEST_CASE("packs loading in the background: the home screen shows at once, then every pack appears") {
    // Issue 22, « start-up never waits on content »: 10,000 packs held the first frame for 6 s.
    testing::TemporaryFolder root;
    writeManyPacks(root.path(), 40);
    SessionOptions options;
    options.contentRoots = {{root.path(), "user"}};
    options.loadInBackground = true;
    options.holdBackgroundLoading = true;  // the loader waits: the first frames come before any pack
    HeadlessUi ui(options, ImVec2(1280, 720));
    probe::enable(true);
    ui.frames(2);
    CHECK(ui.screen().kind() == "home");
    CHECK(ui.session().services().contentLoading);
    CHECK(probe::shown("40 packs en cours de vérification"));
    CHECK(probe::shown("en cours de vérification…"));
    CHECK(ui.session().library().usablePacks().empty());
    ui.session().releaseLoading();
    for (int frame = 0; frame < 100000 && ui.session().services().contentLoading; ++frame) {
        ui.frame();
    }
    ui.frame();
    CHECK_FALSE(ui.session().services().contentLoading);
    CHECK(ui.session().library().usablePacks().size() == 40);
    CHECK(probe::shown("Pack numéro 0"));
    CHECK_FALSE(probe::shown("en cours de vérification"));
    ui.press("Enter");  // the first activity opens, as with packs loaded before the first frame
    ui.frame();
    CHECK(ui.screen().kind() == "quiz");
    probe::enable(false);
}

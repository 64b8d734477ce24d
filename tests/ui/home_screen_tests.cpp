// UI tests of the home screen: packs listed, keyboard opening, broken packs kept visible.
#include <doctest/doctest.h>

#include <algorithm>

#include "support/test_support.hpp"
#include "ui/headless.hpp"

using namespace passerelles;
using namespace passerelles::ui;

TEST_CASE("Enter on the home screen opens the first activity of the first pack") {
    SessionOptions options;
    options.contentRoots = {{testing::contentDir(), "bundled"}};
    HeadlessUi ui(options, ImVec2(1280, 720));
    ui.frames(2);
    CHECK(ui.screen().kind() == "home");
    ui.press("Enter");
    ui.frame();
    CHECK(ui.screen().kind() == "quiz");
    CHECK(ui.screen().title() == "Testez vos connaissances");
}

TEST_CASE("broken packs do not stop the program; their problems can be read") {
    SessionOptions options;
    options.contentRoots = {{testing::fixturesDir() / "packs", "bundled"}};
    HeadlessUi ui(options, ImVec2(1280, 720));
    ui.frames(3);
    CHECK(ui.screen().kind() == "home");
    CHECK(ui.session().library().packs.size() >= 15);
}

TEST_CASE("an unknown --open target falls back to home with a message") {
    SessionOptions options;
    options.contentRoots = {{testing::contentDir(), "bundled"}};
    options.open = "quiz:nexiste-pas";
    HeadlessUi ui(options, ImVec2(1280, 720));
    ui.frame();
    CHECK(ui.screen().kind() == "home");
    CHECK(ui.session().openError().find("nexiste-pas") != std::string::npos);
}

TEST_CASE("Escape on home asks before quitting") {
    SessionOptions options;
    options.contentRoots = {{testing::contentDir(), "bundled"}};
    HeadlessUi ui(options, ImVec2(1280, 720));
    ui.frame();
    ui.press("Esc");
    CHECK_FALSE(ui.session().host().quitRequested());
    ui.press("Enter");
    CHECK(ui.session().host().quitRequested());
}

TEST_CASE("packs in the user's packs folder are loaded beside the bundled ones") {
    testing::TemporaryFolder data;
    testing::copyFolder(testing::fixturesDir() / "packs" / "valid-minimal",
                        data.path() / "packs" / "valid-minimal");
    SessionOptions options;
    options.contentRoots = {{testing::contentDir(), "bundled"}, {data.path() / "packs", "user"}};
    HeadlessUi ui(options, ImVec2(1280, 720));
    ui.frame();
    const auto& packs = ui.session().library().packs;
    const auto user = std::find_if(packs.begin(), packs.end(),
                                   [](const LoadedPack& entry) { return entry.origin == "user"; });
    REQUIRE(user != packs.end());
    CHECK(user->load.usable());
    CHECK(ui.session().library().findPack("valid-minimal") != nullptr);
    CHECK(ui.session().library().findPack("cahier-ludique") != nullptr);
}

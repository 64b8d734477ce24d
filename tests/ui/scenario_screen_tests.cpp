// UI tests of the scenario screens: choosing by key, consequences, the end screen.
#include <doctest/doctest.h>

#include "core/loading/scenario_checker.hpp"
#include "support/test_support.hpp"
#include "ui/headless.hpp"
#include "ui/screens/scenario_screen.hpp"

using namespace passerelles;
using namespace passerelles::ui;

TEST_CASE("a scenario plays from the keyboard to its end screen") {
    SessionOptions options;
    options.contentRoots = {{testing::fixturesDir() / "scenarios", "bundled"}};
    options.open = "scenario:valid/test";
    HeadlessUi ui(options, ImVec2(1280, 720));
    ui.frames(2);
    REQUIRE(ui.screen().kind() == "scenario");
    // Issue 19: the run and end screens read the totals the loader found, never explore again.
    const std::size_t explorationsAtLoad = scenarioExplorationCount();
    auto* screen = dynamic_cast<ScenarioScreen*>(&ui.screen());
    REQUIRE(screen != nullptr);
    ui.press("A");  // "Je contacte le réseau régional"
    CHECK(screen->run().phase() == ScenarioRun::Phase::Consequence);
    CHECK(screen->run().value("confiance") == doctest::Approx(7.0));
    ui.press("Enter");
    CHECK(screen->run().currentNode().id == "mission");
    ui.press("Enter");
    ui.frame();
    CHECK(ui.screen().kind() == "scenario-end");
    ui.frames(3);
    CHECK(scenarioExplorationCount() == explorationsAtLoad);
    ui.press("R");
    ui.frame();
    CHECK(ui.screen().kind() == "scenario");
}

TEST_CASE("each shipped scenario opens from the command line target") {
    SessionOptions options;
    options.contentRoots = {{testing::contentDir(), "bundled"}};
    for (const char* target :
         {"scenario:cahier-ludique/partenaire-ideal", "scenario:cahier-ludique/long-fleuve-tranquille",
          "scenario:cahier-ludique/cofinancement", "scenario:strategie-internationale/strategie"}) {
        CAPTURE(target);
        options.open = target;
        HeadlessUi ui(options, ImVec2(1920, 1080));
        ui.frames(2);
        CHECK(ui.screen().kind() == "scenario");
        CHECK(ui.session().openError().empty());
    }
}

// UI test of the self-diagnostic: answered from the keyboard to its profile.
#include <doctest/doctest.h>

#include "support/test_support.hpp"
#include "ui/headless.hpp"
#include "ui/screens/diagnostic_screen.hpp"

using namespace passerelles;
using namespace passerelles::ui;

TEST_CASE("the diagnostic plays from the keyboard and shows the « non engagée » profile") {
    SessionOptions options;
    options.contentRoots = {{testing::contentDir(), "bundled"}};
    options.open = "diagnostic:acter-2024";
    HeadlessUi ui(options, ImVec2(1280, 720));
    ui.frames(2);
    auto* screen = dynamic_cast<DiagnosticScreen*>(&ui.screen());
    REQUIRE(screen != nullptr);
    ui.press("Enter");  // no answer yet: stays
    CHECK(screen->run().position() == 0);
    ui.press("C");  // « Non, pas encore »
    ui.press("Enter");
    for (int question = 1; question < 11; ++question) {
        ui.press("A");
        ui.press("Enter");
    }
    REQUIRE(screen->run().phase() == DiagnosticRun::Phase::Result);
    const auto& diagnostic =
        *ui.session().library().findPack("acter-2024")->findDiagnostic("profil-action-internationale");
    CHECK(diagnostic.profiles[static_cast<std::size_t>(screen->run().result().main)].id == "non-engagee");
    ui.press("R");
    CHECK(screen->run().phase() == DiagnosticRun::Phase::Answering);
}

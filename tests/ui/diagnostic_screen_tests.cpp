// UI test of the self-diagnostic: answered from the keyboard to its profile.
#include <doctest/doctest.h>

#include "support/test_support.hpp"
#include "ui/headless.hpp"
#include "ui/probe.hpp"
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

TEST_CASE(
    "answers that give no profile any points show why and what to do, and no profile (issue 24, item 3)") {
    SessionOptions options;
    options.contentRoots = {{testing::fixturesDir() / "packs", "bundled"}};
    options.open = "diagnostic:no-evidence-diagnostic";
    HeadlessUi ui(options, ImVec2(1280, 720));
    ui.frames(2);
    auto* screen = dynamic_cast<DiagnosticScreen*>(&ui.screen());
    REQUIRE(screen != nullptr);
    ui.press("B");  // « Non »: 0 point
    ui.press("Enter");
    ui.press("C");  // « Non »: 0 point
    ui.press("Enter");
    REQUIRE(screen->run().phase() == DiagnosticRun::Phase::Result);
    CHECK(screen->run().result().main == -1);
    probe::enable(true);
    ui.frames(1);
    CHECK(probe::shown("Vos réponses ne permettent pas de dégager un profil"));
    CHECK(probe::shown("répondez aux questions"));
    CHECK_FALSE(probe::shown("ressemble"));
    CHECK(probe::centre("button:Recommencer (R)").has_value());
    probe::enable(false);
    ui.press("R");
    CHECK(screen->run().phase() == DiagnosticRun::Phase::Answering);
}

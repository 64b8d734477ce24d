// UI tests of an idées reçues card, alone and in a room, driven by keys with no backend.
#include <doctest/doctest.h>

#include "support/test_support.hpp"
#include "ui/headless.hpp"
#include "ui/screens/myth_room_screen.hpp"
#include "ui/screens/myth_solo_screen.hpp"

using namespace passerelles;
using namespace passerelles::ui;

namespace {

SessionOptions open(const std::string& target) {
    SessionOptions options;
    options.contentRoots = {{testing::contentDir(), "bundled"}};
    options.open = target;
    return options;
}

}  // namespace

TEST_CASE("alone: opinion, argument, answer and opinion again are recorded for the card") {
    HeadlessUi ui(open("myths:cahier-ludique"), ImVec2(1280, 720));
    ui.frames(2);
    REQUIRE(ui.screen().kind() == "myths-solo");
    auto* screen = dynamic_cast<MythSoloScreen*>(&ui.screen());
    REQUIRE(screen != nullptr);
    const MythCard& card = screen->run().currentCard();
    const int best = card.bestArgumentIndex();
    ui.press("2");  // plutôt d'accord
    CHECK(screen->run().phase() == SoloMythRun::Phase::ChooseArgument);
    ui.press(std::string(1, static_cast<char>('A' + best)));
    CHECK(screen->run().phase() == SoloMythRun::Phase::Answer);
    ui.press("Enter");
    CHECK(screen->run().phase() == SoloMythRun::Phase::PositionAfter);
    ui.press("4");  // pas d'accord
    REQUIRE(screen->run().results().size() == 1);
    const SoloCardResult& result = screen->run().results()[0];
    CHECK(result.before == Agreement::RatherAgree);
    CHECK(result.after == Agreement::Disagree);
    CHECK(result.bestChosen);
    CHECK(screen->run().score() == doctest::Approx(card.points));
    CHECK(screen->run().position() == 1);
}

TEST_CASE("alone: the deck ends on a results screen") {
    HeadlessUi ui(open("myths:cahier-ludique"), ImVec2(1280, 720));
    ui.frames(2);
    for (int card = 0; card < 12; ++card) {
        ui.press("1");
        ui.press("A");
        ui.press("Enter");
        ui.press("3");
    }
    ui.frame();
    CHECK(ui.screen().kind() == "myths-results");
}

TEST_CASE("in a room: votes typed on the keyboard, arguments revealed one by one, the shift computed") {
    HeadlessUi ui(open("myths-room:cahier-ludique"), ImVec2(1920, 1080));
    ui.frames(2);
    REQUIRE(ui.screen().kind() == "myths-room");
    CHECK(ui.screen().chrome() == Chrome::Bare);
    auto* screen = dynamic_cast<MythRoomScreen*>(&ui.screen());
    REQUIRE(screen != nullptr);
    for (const char* key : {"Enter", "1", "2", "Tab", "5", "Enter"}) {
        ui.press(key);
    }
    CHECK(screen->run().phase() == RoomMythRun::Phase::Arguments);
    CHECK(screen->run().current().before.agree == 12);
    CHECK(screen->run().current().before.disagree == 5);
    ui.press("Right");
    ui.press("Space");
    CHECK(screen->run().argumentsRevealed() == 2);
    ui.press("Left");
    CHECK(screen->run().argumentsRevealed() == 1);
    const int arguments = static_cast<int>(screen->run().currentCard().arguments.size());
    for (int i = 1; i < arguments; ++i) {
        ui.press("Right");
    }
    ui.press("Enter");
    CHECK(screen->run().phase() == RoomMythRun::Phase::Answer);
    for (const char* key : {"Enter", "3", "Tab", "1", "4", "Backspace", "4", "Enter"}) {
        ui.press(key);
    }
    CHECK(screen->run().phase() == RoomMythRun::Phase::Shift);
    CHECK(screen->run().current().after.agree == 3);
    CHECK(screen->run().current().after.disagree == 14);
    CHECK(screen->run().current().shift() > 0.5);
    ui.press("Enter");
    REQUIRE(screen->run().results().size() == 1);
    CHECK(screen->run().position() == 1);
}

TEST_CASE("the mode chooser opens either setting") {
    SessionOptions options = open("home");
    HeadlessUi ui(options, ImVec2(1280, 720));
    ui.frame();
    ui.press("Down");
    ui.press("Enter");
    ui.frame();
    REQUIRE(ui.screen().kind() == "myths-mode");
    ui.press("2");
    ui.frame();
    CHECK(ui.screen().kind() == "myths-room");
}

TEST_CASE(
    "in a room, a remote clicker is enough: Page suivante validates the vote and walks the card; "
    "Page précédente hides the last argument") {
    HeadlessUi ui(open("myths-room:cahier-ludique"), ImVec2(1280, 720));
    ui.frames(2);
    auto* screen = dynamic_cast<MythRoomScreen*>(&ui.screen());
    REQUIRE(screen != nullptr);
    ui.press("PageDown");
    CHECK(screen->run().phase() == RoomMythRun::Phase::VoteBefore);
    for (const char* key : {"1", "4", "Tab", "6", "PageDown"}) {
        ui.press(key);
    }
    REQUIRE(screen->run().phase() == RoomMythRun::Phase::Arguments);
    CHECK(screen->run().current().before.agree == 14);
    CHECK(screen->run().current().before.disagree == 6);
    ui.press("PageDown");
    ui.press("PageDown");
    CHECK(screen->run().argumentsRevealed() == 2);
    ui.press("PageUp");
    CHECK(screen->run().argumentsRevealed() == 1);
}

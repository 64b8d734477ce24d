// UI tests of the salle connectée: the presenter opens the room, a real phone client on loopback joins,
// votes, and its answer reaches the presenter's tally; the reveal and the end reach the phone.
#include <doctest/doctest.h>

#include "core/play/option_order.hpp"
#include "room/room_client.hpp"
#include "support/test_support.hpp"
#include "ui/allocation_counter.hpp"
#include "ui/headless.hpp"
#include "ui/screens/atelier_presenter_screen.hpp"

using namespace passerelles;
using namespace passerelles::ui;

namespace {

constexpr const char* kPlan =
    R"({"format": 1, "title": "Atelier connecté", "place": "Bourges", "date": "2026-12-02",
 "audience": "", "themes": [], "audiences": [], "targetMinutes": 20, "podiumSize": 3, "timerSeconds": 0,
 "teamNamesInReport": false, "items": [
  {"kind": "question", "pack": "cahier-ludique", "activity": "connaissances", "item": "q01"},
  {"kind": "card", "pack": "cahier-ludique", "activity": "idees-recues", "item": "pas-une-priorite"}
 ]})";

struct ConnectedWorkshop {
    ConnectedWorkshop() {
        const auto plan = folder.path() / "plan.json";
        testing::writeFile(plan, kPlan);
        SessionOptions options;
        options.contentRoots = {{testing::contentDir(), "bundled"}};
        options.dataDirectory = folder.path() / "data";
        options.profile = "guest";
        options.open = "atelier:" + plan.string();
        options.roomPort = 0;           // any free port: tests never take 8080 from the machine
        options.optionSeed = 20261205;  // options shuffled, the same way on every run
        ui = std::make_unique<HeadlessUi>(options, ImVec2(1920, 1080));
        ui->frames(2);
        ui->press("Ctrl+L");
        ui->frame();
        screen = dynamic_cast<AtelierPresenterScreen*>(&ui->screen());
        REQUIRE(screen != nullptr);
    }
    // Frames until `done` holds (the server thread answers between frames), at most a few seconds' worth.
    template <typename Condition>
    bool framesUntil(Condition done) {
        for (int i = 0; i < 500 && !done(); ++i) {
            ui->frame();
            phone.poll(std::chrono::milliseconds(10));  // lets the server run; snapshots are skipped here
        }
        return done();
    }
    // Reads messages until a snapshot matches `match`.
    template <typename Match>
    std::optional<nlohmann::json> snapshotWhere(Match match) {
        for (int i = 0; i < 200; ++i) {
            ui->frame();
            const auto message = phone.poll(std::chrono::milliseconds(50));
            if (message && message->value("type", "") == "snapshot" && match((*message)["step"])) {
                return message;
            }
        }
        return std::nullopt;
    }
    testing::TemporaryFolder folder;
    std::unique_ptr<HeadlessUi> ui;
    AtelierPresenterScreen* screen = nullptr;
    room::test::PhoneClient phone;
};

std::string sessionCodeOf(const std::string& joinUrl) {
    const auto slash = joinUrl.rfind('/');
    REQUIRE(slash != std::string::npos);
    return joinUrl.substr(slash + 1);
}

}  // namespace

TEST_CASE("P opens the room to phones: a phone joins, answers, and its vote joins the room's tally") {
    ConnectedWorkshop workshop;
    CHECK_FALSE(workshop.screen->phones().isOpen());
    workshop.ui->press("P");
    REQUIRE(workshop.screen->phones().isOpen());
    CHECK(workshop.screen->phonesPanelOpen());
    const std::string url = workshop.screen->phones().joinUrl();
    CHECK(url.rfind("HTTP://", 0) == 0);
    CHECK(url.find("/J/") != std::string::npos);
    CHECK(workshop.screen->phones().qr().size > 0);

    REQUIRE(workshop.phone.connect(workshop.screen->phones().port()));
    REQUIRE(workshop.phone.hello(sessionCodeOf(url), "0123456789abcdef0123456789abcdef"));
    REQUIRE(workshop.snapshotWhere([](const nlohmann::json& step) { return step["kind"] == "waiting"; }));
    CHECK(workshop.framesUntil([&] { return workshop.screen->phones().tally().connected == 1; }));

    workshop.ui->press("P");  // back to the step: the phones stay connected
    CHECK_FALSE(workshop.screen->phonesPanelOpen());
    CHECK(workshop.screen->phones().isOpen());
    workshop.ui->press("Right");
    workshop.ui->press("Space");  // answers open
    const auto open = workshop.snapshotWhere(
        [](const nlohmann::json& step) { return step["kind"] == "question" && step["open"] == true; });
    REQUIRE(open);
    const std::string key = (*open)["step"]["key"];
    CHECK(key == "1");
    CHECK_FALSE((*open)["step"].contains("correct"));  // the answer never travels before the reveal

    const Question& question = *workshop.screen->run().step().question;
    int right = 0;
    while (!question.options[static_cast<std::size_t>(right)].correct) {
        ++right;
    }
    // Phones list the options as the room sees them (the workshop's shuffle): they vote by shown position.
    const int rightShown = shownPosition(workshop.screen->run().optionOrder(0), right);
    REQUIRE(rightShown >= 0);
    REQUIRE(workshop.phone.vote(key, {rightShown}));
    CHECK(workshop.framesUntil([&] { return workshop.screen->run().phoneDistribution(0)[right] == 1; }));
    CHECK(workshop.screen->run().distribution(0)[static_cast<std::size_t>(right)] == 1);
    CHECK(workshop.screen->phones().tally().answered == 1);

    workshop.ui->press("Enter");  // the reveal reaches the phone with the right answer
    const auto revealed =
        workshop.snapshotWhere([](const nlohmann::json& step) { return step.value("revealed", false); });
    REQUIRE(revealed);
    CHECK((*revealed)["step"]["correct"] == nlohmann::json::array({rightShown}));
    CHECK(*workshop.screen->run().successRate(0) == doctest::Approx(1.0));
    CHECK(workshop.screen->run().phoneParticipation(0).answered == 1);
    CHECK(workshop.screen->run().phoneParticipation(0).connected == 1);
}

TEST_CASE("an idée reçue takes the phones' vote before the debate, added to the hands typed") {
    ConnectedWorkshop workshop;
    workshop.ui->press("P");
    REQUIRE(workshop.screen->phones().isOpen());
    REQUIRE(workshop.phone.connect(workshop.screen->phones().port()));
    REQUIRE(workshop.phone.hello(sessionCodeOf(workshop.screen->phones().joinUrl()), "phone-card-000001"));
    workshop.ui->press("Escape");  // closes the panel, like P
    CHECK_FALSE(workshop.screen->phonesPanelOpen());
    workshop.ui->press("Right");
    workshop.ui->press("Right");  // the card
    workshop.ui->press("Space");  // the vote before the debate opens
    const auto open = workshop.snapshotWhere(
        [](const nlohmann::json& step) { return step["kind"] == "card" && step["open"] == true; });
    REQUIRE(open);
    REQUIRE(workshop.phone.vote((*open)["step"]["key"], {0}));  // « D'accord »
    REQUIRE(workshop.framesUntil([&] { return workshop.screen->phones().tally().answered == 1; }));
    workshop.ui->press("2");      // two hands agree in the room
    workshop.ui->press("Space");  // closes the vote
    const auto* card = std::get_if<CardTally>(&workshop.screen->run().tally(1));
    REQUIRE(card != nullptr);
    CHECK(card->run.current().before.agree == 3);
    CHECK(card->run.current().before.disagree == 0);
}

TEST_CASE("leaving the workshop tells the phones it is over and closes the room") {
    ConnectedWorkshop workshop;
    workshop.ui->press("P");
    REQUIRE(workshop.phone.connect(workshop.screen->phones().port()));
    REQUIRE(workshop.phone.hello(sessionCodeOf(workshop.screen->phones().joinUrl()), "phone-end-0000001"));
    workshop.ui->press("P");
    for (int i = 0; i < 3; ++i) {
        workshop.ui->press("Right");  // past the last step: the summary
    }
    REQUIRE(workshop.ui->screen().kind() != "atelier");
    const auto ended = workshop.snapshotWhere([](const nlohmann::json& step) {
        return step["kind"] == "waiting" && step.value("key", "") == "fin";
    });
    CHECK(ended);
}

TEST_CASE("with the room open to phones, an idle frame allocates nothing until the phones' tally changes") {
    ConnectedWorkshop workshop;
    workshop.ui->press("P");
    REQUIRE(workshop.screen->phones().isOpen());
    workshop.ui->press("P");  // back to the step: the address and the counts stay in the top bar
    workshop.ui->press("Right");
    workshop.ui->press("Space");  // answers open to the phones
    workshop.ui->frames(3);
    const std::uint64_t before = testing::allocationCount();
    workshop.ui->frames(10);
    // No phone connected, so the server's thread is idle: every allocation counted is the frames'.
    CHECK(testing::allocationCount() - before == 0);
}

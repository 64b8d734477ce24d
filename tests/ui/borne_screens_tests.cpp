// UI tests of the forum booth: first setup of the PIN, a visitor's round, the idle reset, the trainer's
// way in and out, the counters' CSV.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>

#include "core/base/text.hpp"
#include "core/borne/borne.hpp"
#include "support/test_support.hpp"
#include "ui/headless.hpp"
#include "ui/probe.hpp"

using namespace passerelles;
using namespace passerelles::ui;

namespace {

struct Booth {
    // `damaged`: borne.json as a power cut might leave it, written before the booth starts.
    explicit Booth(bool withPin, ImVec2 size = ImVec2(1280, 720), const std::string& damaged = "") {
        if (!damaged.empty()) {
            testing::writeFile(data() / "borne.json", damaged);
        }
        if (withPin) {
            BorneSettings settings;
            settings.setPin("1234");
            settings.questions = 3;
            settings.idleSeconds = 30;
            std::string error;
            REQUIRE(saveBorneSettings(data() / "borne.json", settings, error));
        }
        start(size);
    }
    // Opens the booth on its data folder (again: a restart, as after the laptop was switched off).
    void start(ImVec2 size = ImVec2(1280, 720)) {
        ui.reset();
        SessionOptions options;
        options.contentRoots = {{testing::contentDir(), "bundled"}};
        options.dataDirectory = data();
        options.open = "borne";
        ui = std::make_unique<HeadlessUi>(options, size);
        ui->frames(2);
    }
    // The messages drawn on the last frame (outcomeMessage records them for the probe).
    std::vector<std::string> messages() {
        probe::enable(true);
        ui->frame();
        std::vector<std::string> found;
        for (const std::string& name : probe::names()) {
            if (name.rfind("message:", 0) == 0) {
                found.push_back(name.substr(8));
            }
        }
        probe::enable(false);
        return found;
    }
    bool shows(const std::string& message) {
        const auto found = messages();
        return std::find(found.begin(), found.end(), message) != found.end();
    }
    std::filesystem::path data() const { return folder.path() / "data"; }
    void press(std::initializer_list<const char*> keys) {
        for (const char* key : keys) {
            ui->press(key);
        }
    }
    std::string kind() { return ui->screen().kind(); }
    // Plays until the end screen: the first option of every item, validated when needed.
    void playRound() {
        for (int guard = 0; guard < 60 && kind() == "borne-round"; ++guard) {
            press({"A", "Enter"});
        }
    }
    BorneDayCounters counters() {
        BorneStore store(data());
        return store.counters(formatLocalTimeNow("%Y-%m-%d"), {});
    }
    testing::TemporaryFolder folder;
    std::unique_ptr<HeadlessUi> ui;
};

}  // namespace

TEST_CASE("the first start asks the trainer for a PIN twice, then keeps it") {
    Booth booth(false);
    REQUIRE(booth.kind() == "borne-trainer");
    CHECK(booth.ui->session().services().settings.kiosk);
    booth.press({"1", "2", "3", "Enter"});  // too short
    CHECK(booth.kind() == "borne-trainer");
    booth.press({"4", "8", "1", "5", "Enter", "4", "8", "1", "6", "Enter"});  // two different codes
    std::string error;
    CHECK_FALSE(loadBorneSettings(booth.data() / "borne.json", error).hasPin());
    booth.press({"4", "8", "1", "5", "Enter", "4", "8", "1", "5", "Enter"});
    const BorneSettings saved = loadBorneSettings(booth.data() / "borne.json", error);
    CHECK(saved.checkPin("4815"));
    booth.press({"Escape"});
    CHECK(booth.kind() == "borne-attract");
}

TEST_CASE("a visitor touches, plays a short round, sees the score and a fact, and signs the day's board") {
    Booth booth(true);
    REQUIRE(booth.kind() == "borne-attract");
    booth.press({"Space"});
    REQUIRE(booth.kind() == "borne-round");
    booth.press({"Escape", "F11"});  // a visitor's keys that would leave elsewhere
    CHECK(booth.kind() == "borne-round");
    CHECK(booth.ui->session().services().settings.fullscreen);
    booth.playRound();
    REQUIRE(booth.kind() == "borne-end");
    booth.press({"Z", "O", "E", "Enter"});
    CHECK(booth.kind() == "borne-attract");
    const auto counters = booth.counters();
    CHECK(counters.rounds == 1);
    BorneStore store(booth.data());
    const auto leaders = store.leaders(counters.day, 3);
    REQUIRE(leaders.size() == 1);
    CHECK(leaders[0].nickname == "ZOE");
}

TEST_CASE("left alone mid-round, the booth goes back to its attract screen and counts an abandoned round") {
    Booth booth(true);
    booth.press({"Enter"});
    REQUIRE(booth.kind() == "borne-round");
    booth.ui->setTime(booth.ui->time() + 10.0);
    booth.ui->frame();
    CHECK(booth.kind() == "borne-round");  // 10 s is not 30
    booth.ui->setTime(booth.ui->time() + 31.0);
    booth.ui->frame();
    booth.ui->frame();
    CHECK(booth.kind() == "borne-attract");
    const auto counters = booth.counters();
    CHECK(counters.rounds == 0);
    CHECK(counters.abandoned == 1);
}

TEST_CASE("the trainer comes in with Ctrl+Maj+B and the PIN; three wrong codes send a visitor back") {
    Booth booth(true);
    booth.press({"Ctrl+Shift+B"});
    REQUIRE(booth.kind() == "borne-trainer");
    booth.press({"0", "0", "0", "0", "Enter", "1", "1", "1", "1", "Enter"});
    CHECK(booth.kind() == "borne-trainer");
    booth.press({"9", "9", "9", "9", "Enter"});
    CHECK(booth.kind() == "borne-attract");
    booth.ui->setTime(booth.ui->time() + 31.0);  // past the 30 s lock that three wrong codes start
    booth.ui->frame();

    booth.press({"Space"});
    booth.playRound();
    booth.press({"Enter"});
    booth.press({"Ctrl+Shift+B", "1", "2", "3", "4", "Enter", "E"});
    REQUIRE(booth.kind() == "borne-trainer");
    const auto folder = booth.data() / "borne";
    REQUIRE(std::filesystem::is_directory(folder));
    std::string csv;
    for (const auto& entry : std::filesystem::directory_iterator(folder)) {
        csv = testing::readFile(entry.path());
    }
    CHECK(csv.find("parties jouées") != std::string::npos);
    CHECK(csv.find(";1;0;") != std::string::npos);  // one round played, none abandoned
}

TEST_CASE("three wrong PINs lock the pad: Ctrl+Maj+B again, or a restart, gives no new tries") {
    Booth booth(true);
    booth.press({"Ctrl+Shift+B", "0", "0", "0", "0", "Enter", "1", "1", "1", "1", "Enter"});
    REQUIRE(booth.kind() == "borne-trainer");
    CHECK(booth.shows("Code incorrect."));
    booth.press({"2", "2", "2", "2", "Enter"});
    REQUIRE(booth.kind() == "borne-attract");

    booth.ui->setTime(booth.ui->time() + 15.0);
    booth.press({"Ctrl+Shift+B"});
    REQUIRE(booth.kind() == "borne-trainer");
    CHECK(booth.shows("Code incorrect. Nouvel essai possible dans 15 s."));
    booth.press({"1", "2", "3", "4", "Enter"});  // the right code, refused while locked
    CHECK(booth.kind() == "borne-trainer");
    CHECK(booth.shows("Code incorrect. Nouvel essai possible dans 15 s."));
    booth.press({"Escape"});
    REQUIRE(booth.kind() == "borne-attract");

    booth.start();  // a restart keeps the lock
    booth.press({"Ctrl+Shift+B"});
    REQUIRE(booth.kind() == "borne-trainer");
    const auto locked = booth.messages();
    REQUIRE(locked.size() == 1);
    CHECK(locked[0].rfind("Code incorrect. Nouvel essai possible dans ", 0) == 0);
    booth.press({"1", "2", "3", "4", "Enter"});
    CHECK_FALSE(booth.shows("Code enregistré."));
    CHECK(booth.messages() == locked);

    // Once the delay is over the right code opens, and the count starts again.
    booth.ui->setTime(booth.ui->time() + 31.0);
    booth.ui->frame();
    booth.press({"Ctrl+Shift+B", "1", "2", "3", "4", "Enter"});
    CHECK(booth.messages().empty());
    BorneStore store(booth.data());
    CHECK(store.pinLockout().failures == 0);
}

TEST_CASE("after a lock, the next series of three wrong PINs locks for 2 minutes") {
    Booth booth(true);
    booth.press({"Ctrl+Shift+B", "0", "0", "0", "0", "Enter", "0", "0", "0", "0", "Enter"});
    booth.press({"Escape"});  // closing the pad does not forget the two wrong codes
    booth.press({"Ctrl+Shift+B", "0", "0", "0", "0", "Enter"});
    REQUIRE(booth.kind() == "borne-attract");
    booth.ui->setTime(booth.ui->time() + 30.0);
    booth.press({"Ctrl+Shift+B", "0", "0", "0", "0", "Enter", "0", "0", "0", "0", "Enter"});
    booth.press({"0", "0", "0", "0", "Enter"});
    REQUIRE(booth.kind() == "borne-attract");
    booth.press({"Ctrl+Shift+B"});
    CHECK(booth.shows("Code incorrect. Nouvel essai possible dans 2 min."));
}

namespace {

bool drawsWidget(Booth& booth, const std::string& name) {
    probe::enable(true);
    booth.ui->frame();
    const auto names = probe::names();
    probe::enable(false);
    return std::find(names.begin(), names.end(), name) != names.end();
}

}  // namespace

TEST_CASE("a damaged borne.json whose PIN can be read keeps the booth and its PIN") {
    BorneSettings original;
    original.setPin("1234");
    Booth booth(false, ImVec2(1280, 720), "{\"pinHash\": \"" + original.pinHash + "\", \"questions\": 3,");
    CHECK(booth.kind() == "borne-attract");  // no setup offered to whoever stands there
    booth.press({"Ctrl+Shift+B", "1", "2", "3", "4", "Enter"});
    CHECK(drawsWidget(booth, "button:Quitter Passerelles"));
    bool setAside = false;
    for (const auto& entry : std::filesystem::directory_iterator(booth.data())) {
        setAside |= entry.path().filename().string().rfind("borne.json.endommage-", 0) == 0;
    }
    CHECK(setAside);
}

TEST_CASE("a damaged borne.json without a PIN locks the booth until one is set from the command line") {
    Booth booth(false, ImVec2(1280, 720), "{\"questions\": 3, \"pin");
    REQUIRE(booth.kind() == "borne-trainer");
    // A visitor typing a code twice, as on the first start, chooses nothing.
    booth.press({"4", "8", "1", "5", "Enter", "4", "8", "1", "5", "Enter", "Escape"});
    CHECK(booth.kind() == "borne-trainer");
    CHECK_FALSE(drawsWidget(booth, "button:Quitter Passerelles"));
    std::string error;
    CHECK_FALSE(loadBorneSettings(booth.data() / "borne.json", error).hasPin());
    booth.start();  // nor after a restart
    CHECK(booth.kind() == "borne-trainer");
    booth.press({"4", "8", "1", "5", "Enter", "4", "8", "1", "5", "Enter"});
    CHECK_FALSE(drawsWidget(booth, "button:Quitter Passerelles"));
    CHECK_FALSE(loadBorneSettings(booth.data() / "borne.json", error).hasPin());

    // The trainer runs « passerelles --borne --set-pin » in a terminal: the booth opens on its own.
    std::string message;
    REQUIRE(setBornePin(booth.data(), "2468", message));
    booth.ui->setTime(booth.ui->time() + 3.0);
    booth.ui->frames(2);
    booth.press({"2", "4", "6", "8", "Enter"});
    CHECK(drawsWidget(booth, "button:Quitter Passerelles"));
}

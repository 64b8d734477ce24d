// The booth's day, compressed: 10,000 rounds played headless through the real screens, with idle resets,
// nicknames and the trainer's visits; memory must stay flat and every finished round must be counted.
#include <doctest/doctest.h>

#include <fstream>
#include <string>

#include "core/base/text.hpp"
#include "core/borne/borne.hpp"
#include "support/test_support.hpp"
#include "ui/headless.hpp"

using namespace passerelles;
using namespace passerelles::ui;

namespace {

// Under AddressSanitizer freed memory sits in a quarantine and resident memory grows by design; there
// LeakSanitizer checks that nothing leaks, and the flat-memory figure is only meaningful without it.
#if defined(__SANITIZE_ADDRESS__)
constexpr bool kResidentMemoryIsMeaningful = false;
#else
constexpr bool kResidentMemoryIsMeaningful = true;
#endif

// Resident memory in KiB, from the kernel's own accounting.
long residentKiB() {
    std::ifstream status("/proc/self/status");
    std::string line;
    while (std::getline(status, line)) {
        if (line.rfind("VmRSS:", 0) == 0) {
            return std::stol(line.substr(6));
        }
    }
    return -1;
}

}  // namespace

TEST_CASE("10,000 rounds at the booth: nothing fails, every round is counted, memory stays flat") {
    testing::TemporaryFolder folder;
    const auto data = folder.path() / "data";
    BorneSettings settings;
    settings.setPin("2580");
    settings.questions = 5;
    settings.withCard = true;
    settings.idleSeconds = 60;
    REQUIRE(saveBorneSettings(data / "borne.json", settings).ok());

    SessionOptions options;
    options.contentRoots = {{testing::contentDir(), "bundled"}};
    options.dataDirectory = data;
    options.open = "borne";
    HeadlessUi ui(options, ImVec2(1280, 720));
    ui.frames(2);
    REQUIRE(ui.screen().kind() == "borne-attract");

    const int rounds = 10000;
    int finished = 0;
    int abandoned = 0;
    long warmMemory = 0;
    const char* answers[] = {"A", "B", "C", "D"};
    for (int round = 0; round < rounds; ++round) {
        if (round == 500) {
            warmMemory = residentKiB();  // after the caches have filled once
        }
        ui.press("Space");
        REQUIRE(ui.screen().kind() == "borne-round");
        if (round % 97 == 0) {
            // A visitor walks away after one answer: the booth must reset itself.
            ui.press("A");
            ui.setTime(ui.time() + settings.idleSeconds + 1.0);
            ui.frame();
            ui.frame();
            REQUIRE(ui.screen().kind() == "borne-attract");
            ++abandoned;
            continue;
        }
        for (int guard = 0; guard < 40 && ui.screen().kind() == "borne-round"; ++guard) {
            ui.press(answers[(round + guard) % 4]);
            ui.press("Enter");
        }
        REQUIRE(ui.screen().kind() == "borne-end");
        ++finished;
        if (round % 50 == 0) {
            ui.press("Q");
            ui.press("A");
        }
        ui.press("Enter");
        REQUIRE(ui.screen().kind() == "borne-attract");
        if (round % 1000 == 999) {
            // The trainer looks at the counters now and then, and leaves again.
            for (const char* key : {"Ctrl+Shift+B", "2", "5", "8", "0", "Enter", "Escape"}) {
                ui.press(key);
            }
            REQUIRE(ui.screen().kind() == "borne-attract");
        }
    }
    const long endMemory = residentKiB();
    MESSAGE("resident memory after 500 rounds: " << warmMemory << " KiB, after " << rounds << ": "
                                                 << endMemory << " KiB");

    BorneStore store(data);
    REQUIRE(store.ok());
    const BorneDayCounters counters = store.counters(formatLocalTimeNow("%Y-%m-%d"), {});
    // Rounds finished just before midnight count on the previous day: allow the test to cross it.
    CHECK(counters.rounds + counters.abandoned <= rounds);
    if (counters.rounds + counters.abandoned == rounds) {
        CHECK(counters.rounds == finished);
        CHECK(counters.abandoned == abandoned);
    }
    CHECK(store.leaders(counters.day, 1).size() <= 1);
    // Flat: less than 8 MiB of growth over 9,500 rounds (under 1 KiB a round would already show as ~9 MiB).
    if (kResidentMemoryIsMeaningful) {
        CHECK(endMemory - warmMemory < 8 * 1024);
    }
}

// A small room under load on every test run: 50 phones, 3 steps, 10 drops and reconnections per step.
#include <doctest/doctest.h>

#include "room/load_driver.hpp"

using namespace passerelles::room;

TEST_CASE("50 phones, 3 steps, 10 reconnections each: every vote counted exactly once") {
    RoomServer server;
    RoomOptions options;
    options.bindAddress = "127.0.0.1";
    options.port = 0;
    std::string error;
    REQUIRE_MESSAGE(server.start(options, error), error);
    test::LoadOptions load;
    load.phones = 50;
    load.steps = 3;
    load.dropsPerStep = 10;
    const test::LoadResult result = test::runLoad(server, load);
    CHECK_MESSAGE(result.ok, result.failure);
    CHECK(result.reconnections == 30);
    CHECK(result.votesSent == 3 * (50 + 10));
    CHECK(result.voteLatenciesMs.size() == static_cast<std::size_t>(result.votesSent));
    server.stop();
    CHECK(server.tally().connected == 0);
}

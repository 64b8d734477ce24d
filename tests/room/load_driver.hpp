// Many phones at once against a running RoomServer: asynchronous Beast clients on one io_context that join,
// vote on each step, drop and reconnect with their token, and check that every vote counts exactly once.
// Used by the room tests (a small room) and by bench/room_load (200 phones).
#pragma once

#include <string>
#include <vector>

#include "room/room_server.hpp"

namespace passerelles::room::test {

struct LoadOptions {
    int phones = 50;
    int steps = 3;
    int dropsPerStep = 10;  // phones that lose their connection midway through each step and come back
    int optionsPerStep = 4;
};

struct LoadResult {
    bool ok = false;
    std::string failure;                  // what went wrong first, when !ok
    double connectSeconds = 0.0;          // from the first connect to every phone's first snapshot
    std::vector<double> voteLatenciesMs;  // send → ack (the ack leaves once tally() counts the vote)
    int votesSent = 0;
    int reconnections = 0;
};

LoadResult runLoad(RoomServer& server, const LoadOptions& options);

}  // namespace passerelles::room::test

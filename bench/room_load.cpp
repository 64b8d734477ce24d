// 200 phones against the room server on loopback: join time, vote-to-tally latency, memory; exact counts.
//
// Every phone joins, then for each of 10 steps: the step is published, every phone votes, 50 of them drop
// their connection midway and come back with the same token (and change their vote). Exits 1 unless every
// vote is counted exactly once. The latency is send → ack: the server acknowledges a vote only once
// tally() counts it. Memory is VmRSS added by the whole process (server and the 200 clients together), so
// it is an upper bound of the server's share.
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>

#include "bench_support.hpp"
#include "room/load_driver.hpp"
#include "room/room_server.hpp"

namespace bench = passerelles::bench;
namespace room = passerelles::room;

namespace {

long residentKib() {
    std::ifstream status("/proc/self/status");
    std::string line;
    while (std::getline(status, line)) {
        if (line.rfind("VmRSS:", 0) == 0) {
            return std::atol(line.c_str() + 6);
        }
    }
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    room::test::LoadOptions load;
    load.phones = argc > 1 ? std::atoi(argv[1]) : 200;
    load.steps = argc > 2 ? std::atoi(argv[2]) : 10;
    load.dropsPerStep = argc > 3 ? std::atoi(argv[3]) : 50;

    const long before = residentKib();
    room::RoomServer server;
    room::RoomOptions options;
    options.bindAddress = "127.0.0.1";
    options.port = 0;
    options.maxConnections = 2 * load.phones + 16;
    std::string error;
    if (!server.start(options, error)) {
        std::fprintf(stderr, "room_load: %s\n", error.c_str());
        return 1;
    }
    const room::test::LoadResult result = room::test::runLoad(server, load);
    const long after = residentKib();
    server.stop();
    if (!result.ok) {
        std::fprintf(stderr, "room_load: FAILED: %s\n", result.failure.c_str());
        return 1;
    }
    std::fprintf(stderr,
                 "room_load: %d phones, %d steps, %d reconnections, %d votes, each counted exactly once\n",
                 load.phones, load.steps, result.reconnections, result.votesSent);

    const std::string phones = std::to_string(load.phones);
    bench::printRow({"room: " + phones + " phones connected",
                     bench::formatSeconds(result.connectSeconds),
                     "",
                     {},
                     "< 1 s",
                     result.connectSeconds < 1.0});
    const double p50 = bench::percentile(result.voteLatenciesMs, 0.50) / 1000.0;
    const double p99 = bench::percentile(result.voteLatenciesMs, 0.99) / 1000.0;
    bench::printRow({"room: vote to tally, p50", bench::formatSeconds(p50), "", {}, "", {}});
    bench::printRow({"room: vote to tally, p99", bench::formatSeconds(p99), "", {}, "< 50 ms", p99 < 0.050});
    const double addedMib = static_cast<double>(after - before) / 1024.0;
    bench::printRow({"room: memory added (server and clients)",
                     bench::formatFixed(addedMib, 1) + " MiB",
                     "",
                     {},
                     "< 20 MB",
                     addedMib * 1.048576 < 20.0});
    return 0;
}

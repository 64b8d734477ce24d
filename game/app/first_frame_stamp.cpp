// Writes the first-frame stamp that tools/bench reads to time start-up of the game and of its baseline.
#include "app/first_frame_stamp.hpp"

#include <cstdio>
#include <cstdlib>
#include <ctime>

namespace passerelles::app {

void stampFirstFrame() {
    static bool stamped = false;
    if (stamped || std::getenv(kFirstFrameStampVariable) == nullptr) {
        return;
    }
    stamped = true;
    timespec now{};
    clock_gettime(CLOCK_MONOTONIC, &now);
    std::fprintf(stderr, "%s%lld\n", kFirstFrameStampPrefix,
                 static_cast<long long>(now.tv_sec) * 1000000000LL + now.tv_nsec);
    std::fflush(stderr);
}

}  // namespace passerelles::app

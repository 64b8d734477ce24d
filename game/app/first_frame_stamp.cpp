// Writes the first-frame stamp that tools/bench reads to time start-up of the game and of its baseline.
#include "app/first_frame_stamp.hpp"

#include <cstdio>
#include <cstdlib>
#include <ctime>

#ifndef _WIN32
#include <sys/resource.h>
#endif

namespace passerelles::app {

void stampFirstFrame() {
    static bool stamped = false;
    if (stamped || std::getenv(kFirstFrameStampVariable) == nullptr) {
        return;
    }
    stamped = true;
    timespec now{};
    clock_gettime(CLOCK_MONOTONIC, &now);
    long long cpuMicroseconds = -1;
    long long peakKilobytes = -1;
#ifndef _WIN32
    // What the process (every thread: packs may be loading meanwhile) used up to this frame, for a start
    // measured as a person starts the program, which keeps running after its first frame.
    rusage usage{};
    if (getrusage(RUSAGE_SELF, &usage) == 0) {
        cpuMicroseconds =
            (static_cast<long long>(usage.ru_utime.tv_sec) + usage.ru_stime.tv_sec) * 1000000LL +
            usage.ru_utime.tv_usec + usage.ru_stime.tv_usec;
        peakKilobytes = usage.ru_maxrss;
    }
#endif
    std::fprintf(stderr, "%s%lld %lld %lld\n", kFirstFrameStampPrefix,
                 static_cast<long long>(now.tv_sec) * 1000000000LL + now.tv_nsec, cpuMicroseconds,
                 peakKilobytes);
    std::fflush(stderr);
}

}  // namespace passerelles::app

// For tools/bench: the moment the first frame is presented, written to stderr on request.
#pragma once

namespace passerelles::app {

// The environment variable that asks for the stamp; the bench sets it for the game and its baseline.
inline constexpr const char* kFirstFrameStampVariable = "PASSERELLES_BENCH_FIRST_FRAME";
// The line's prefix, followed by CLOCK_MONOTONIC in nanoseconds (one clock for every process), then the
// process's CPU time (user + system, microseconds) and peak memory (kilobytes) so far, -1 where unknown.
inline constexpr const char* kFirstFrameStampPrefix = "passerelles-first-frame-ns ";

// Writes the stamp once, the first time it is called, when the variable is set; otherwise does nothing.
void stampFirstFrame();

}  // namespace passerelles::app

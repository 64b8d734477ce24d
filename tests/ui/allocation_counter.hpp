// Heap allocations made by the ui_tests program so far (every operator new), for "an idle frame
// allocates nothing" checks.
#pragma once

#include <cstdint>

namespace passerelles::testing {

std::uint64_t allocationCount();

}  // namespace passerelles::testing

// libFuzzer entry point of one fuzz target (chosen at build time by PASSERELLES_FUZZ_TARGET).
#include <cstdint>
#include <cstdio>
#include <cstdlib>

#include "fuzz/fuzz_harness.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using passerelles::fuzzing::Target;
    const auto broken =
        passerelles::fuzzing::runInput(PASSERELLES_FUZZ_TARGET, {reinterpret_cast<const char*>(data), size});
    if (!broken.empty()) {
        for (const auto& invariant : broken) {
            std::fprintf(stderr, "broken invariant: %s\n", invariant.c_str());
        }
        std::abort();  // libFuzzer keeps the input as a crash
    }
    return 0;
}

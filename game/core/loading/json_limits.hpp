// The size and depth limits of a pack file, apart from the JSON reader so that callers need no JSON header.
#pragma once

#include <cstddef>

namespace passerelles {

struct JsonLimits {
    std::size_t maxFileBytes = 8u * 1024u * 1024u;  // a hand-written pack file is far smaller
    int maxDepth = 64;                              // the format needs about 8 levels
};

}  // namespace passerelles

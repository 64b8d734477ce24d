// The moments of a workshop worth telling the room before it leaves, computed once for the summary screen
// and the report: steps played, the question that resisted most, the largest shift of opinion, the endings.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "core/atelier/atelier_run.hpp"

namespace passerelles {

struct AtelierHighlights {
    std::size_t played = 0;  // steps where the room did something (see AtelierRun::played)
    std::size_t steps = 0;
    // The played question with the lowest success rate (the first one on a tie).
    std::optional<std::size_t> hardest;
    double hardestRate = 0.0;
    // The played idée reçue whose share of « d'accord » moved most between the votes before and after.
    std::optional<std::size_t> moved;
    double agreeBefore = 0.0;
    double agreeAfter = 0.0;
    struct Ending {
        std::size_t step = 0;
        std::string scenario;
        EndingRating rating = EndingRating::Mixed;
        std::string title;
    };
    std::vector<Ending> endings;  // scenarios the room took to an end
};

AtelierHighlights atelierHighlights(const AtelierRun& run);

// The highlights as French sentences, for the summary screen and the report: « 7 étapes jouées sur 12 »
// first, then the question that resisted, the idée reçue that moved, the endings.
std::vector<std::string> highlightSentences(const AtelierRun& run, const AtelierHighlights& highlights);

}  // namespace passerelles

// The room's view laid out to its window: the largest type that fits, two columns, then pages; never a
// scrollbar. Screens and tests measure a page with the same code, so « it fits » is checked, not assumed.
#pragma once

#include <array>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "ui/screen.hpp"

namespace passerelles::ui {

// How a block is drawn at a fit level: `columns` 2 puts answer rows side by side.
struct AudienceStyle {
    int level = 0;
    int columns = 1;
};
// One piece of an audience page (a statement, the options, an explanation): it draws with the frame it is
// given, whose fonts and unit are those of the level, and never splits across pages.
using AudienceBlock = std::function<void(Frame&, const AudienceStyle&)>;

// Type levels, largest first. Level 0 is the screens' usual type (statements in 2.6 × the body size);
// each level takes the largest fonts down a step, trying answers in two columns before the next step; the
// last ones keep body text at the window's base size (the floor readable at the back of a room: 28 px at
// 1080p in the audience window). Text smaller than the base size (sources, captions) is drawn at the base
// size at every level.
inline constexpr int kAudienceLevels = 8;

struct AudienceFit {
    int level = 0;
    int columns = 1;
    int page = 0;                // the page drawn
    int pages = 1;               // pages of the phase: more than one only when the last level would overflow
    float contentHeight = 0.0f;  // what the drawn page took, measured from the drawing itself
    float availableHeight = 0.0f;  // what the window left for it
    bool fits() const { return contentHeight <= availableHeight + 0.5f; }
};

class AudienceFitter {
  public:
    // Draws page `page` of `blocks` from the cursor down to the window's bottom edge. `phase` names what is
    // shown (a question's reveal…): level and pages are worked out again only when it, or the space,
    // changes; measuring draws the blocks in an invisible window first.
    AudienceFit draw(Frame& frame, const std::string& phase, const std::vector<AudienceBlock>& blocks,
                     int page);

    // The frame of a level (its fonts and spacing), for a view drawn compactly without fitting it: the
    // trainer's view uses the last level, so that a laptop shows the whole step.
    Frame frameAtLevel(Frame& frame, int level);

  private:
    void syncLevels(Frame& frame);
    Frame frameAt(Frame& frame, int level);
    std::vector<float> measure(Frame& frame, int level, const std::vector<AudienceBlock>& blocks,
                               float width);
    void layOut(Frame& frame, const std::vector<AudienceBlock>& blocks, ImVec2 space);

    // The fonts of each level: copies of the window's set with roles moved to smaller fonts.
    struct LevelServices;
    std::array<std::unique_ptr<LevelServices>, kAudienceLevels> levels_;
    std::array<const ImFont*, 6> levelsBuiltFor_{};
    // The last layout: for this phase and space, the level and where each page starts.
    std::string phase_;
    ImVec2 space_;
    std::vector<std::size_t> pageStarts_;
    std::vector<int> pageLevels_;  // the type level of each page
    int measurements_ = 0;

  public:
    // Invisible drawings made to choose levels since the fitter was created: idle frames add none.
    int measurements() const { return measurements_; }
    ~AudienceFitter();
    AudienceFitter();
    AudienceFitter(const AudienceFitter&) = delete;
    AudienceFitter& operator=(const AudienceFitter&) = delete;
};

}  // namespace passerelles::ui

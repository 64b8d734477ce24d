// Fitting the room's view: measure each block at each type level in an invisible window, pick the largest
// level where the page fits, else split the blocks into pages at the smallest level.
#include "ui/screens/atelier_audience_fit.hpp"

#include <algorithm>
#include <numeric>

namespace passerelles::ui {

namespace {

struct LevelSpec {
    int display;  // which font plays the role: 0 display, 1 title, 2 heading, 3 bold, 4 body
    int title;
    int heading;
    float unit;  // spacing, relative to the base size
    int columns;
};
// Body and bold stay at the base size at every level; « small » text is drawn in the body font.
constexpr LevelSpec kLevels[kAudienceLevels] = {
    {0, 1, 2, 1.0f, 1},                        // as the screens draw
    {1, 1, 2, 1.0f, 1},                        // statements in the title size
    {1, 2, 2, 0.95f, 1}, {1, 2, 2, 0.95f, 2},  // answers side by side before the type gets smaller
    {2, 2, 3, 0.9f, 1},  {2, 2, 3, 0.9f, 2},
    {2, 3, 3, 0.8f, 1},  // the floor: everything at the base size but statements
    {2, 3, 3, 0.8f, 2},
};

ImFont* pick(const FontSet& fonts, int role) {
    switch (role) {
        case 0:
            return fonts.display;
        case 1:
            return fonts.title;
        case 2:
            return fonts.heading;
        case 3:
            return fonts.bold;
        default:
            return fonts.body;
    }
}

}  // namespace

struct AudienceFitter::LevelServices {
    LevelServices(const Services& base, int level)
        : fonts(base.fonts),
          services{.library = base.library,
                   .glossary = base.glossary,
                   .settings = base.settings,
                   .fonts = fonts,
                   .text = base.text,
                   .acronyms = base.acronyms,
                   .now = base.now,
                   .progress = base.progress,
                   .images = base.images,
                   .startupMessages = {},
                   .pollContent = {},
                   .playSeed = base.playSeed,
                   .openWithSystem = base.openWithSystem} {
        const LevelSpec& spec = kLevels[level];
        fonts.display = pick(base.fonts, spec.display);
        fonts.title = pick(base.fonts, spec.title);
        fonts.heading = pick(base.fonts, spec.heading);
        fonts.small = base.fonts.body;
    }
    FontSet fonts;
    Services services;
};

AudienceFitter::AudienceFitter() = default;
AudienceFitter::~AudienceFitter() = default;

void AudienceFitter::syncLevels(Frame& frame) {
    const FontSet& fonts = frame.services.fonts;
    const std::array<const ImFont*, 6> current{fonts.body,    fonts.bold,  fonts.small,
                                               fonts.heading, fonts.title, fonts.display};
    if (current != levelsBuiltFor_) {  // the fonts were rebuilt (a resize): any of them may have moved
        for (int l = 0; l < kAudienceLevels; ++l) {
            levels_[static_cast<std::size_t>(l)] = std::make_unique<LevelServices>(frame.services, l);
        }
        levelsBuiltFor_ = current;
        phase_.clear();  // and the sizes changed: lay out again
    }
}

Frame AudienceFitter::frameAtLevel(Frame& frame, int level) {
    syncLevels(frame);
    return frameAt(frame, std::clamp(level, 0, kAudienceLevels - 1));
}

Frame AudienceFitter::frameAt(Frame& frame, int level) {
    Layout layout = frame.layout;
    layout.unit *= kLevels[level].unit;
    return Frame{levels_[static_cast<std::size_t>(level)]->services, frame.navigator, frame.input, layout};
}

std::vector<float> AudienceFitter::measure(Frame& frame, int level, const std::vector<AudienceBlock>& blocks,
                                           float width) {
    ++measurements_;
    Frame levelFrame = frameAt(frame, level);
    const AudienceStyle style{level, kLevels[level].columns};
    // A window of its own, out of sight and out of reach of the mouse: drawing there moves nothing on the
    // page and lets the cursor tell each block's height exactly as the real drawing will.
    const std::string id = "##audience-measure-" + std::to_string(level);
    ImGui::SetNextWindowPos(ImVec2(-4.0f * width - 10000.0f, 0.0f));
    ImGui::SetNextWindowSize(ImVec2(width, 100000.0f));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0.0f, 0.0f));
    ImGui::Begin(id.c_str(), nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoInputs | ImGuiWindowFlags_NoNav |
                     ImGuiWindowFlags_NoBackground | ImGuiWindowFlags_NoSavedSettings |
                     ImGuiWindowFlags_NoFocusOnAppearing | ImGuiWindowFlags_NoBringToFrontOnFocus);
    ImGui::PopStyleVar();
    std::vector<float> heights;
    for (const auto& block : blocks) {
        const float top = ImGui::GetCursorPosY();
        block(levelFrame, style);
        heights.push_back(ImGui::GetCursorPosY() - top);
    }
    ImGui::End();
    return heights;
}

void AudienceFitter::layOut(Frame& frame, const std::vector<AudienceBlock>& blocks, ImVec2 space) {
    pageStarts_.assign(1, 0);
    pageLevels_.assign(1, 0);
    std::vector<std::vector<float>> heights;  // per level, per block
    for (int level = 0; level < kAudienceLevels; ++level) {
        heights.push_back(measure(frame, level, blocks, space.x));
        const float total = std::accumulate(heights.back().begin(), heights.back().end(), 0.0f);
        if (total <= space.y) {
            pageLevels_[0] = level;
            return;
        }
    }
    // Still too tall at the floor: pages, each as many whole blocks as fit at the last level (a block alone
    // on its page when it is taller than the window, which the fit tests then report)...
    const auto& last = heights.back();
    float used = 0.0f;
    for (std::size_t b = 0; b < last.size(); ++b) {
        if (used > 0.0f && used + last[b] > space.y) {
            pageStarts_.push_back(b);
            used = 0.0f;
        }
        used += last[b];
    }
    // ...then each page in the largest type it fits in: a short last page need not keep the floor's type.
    pageLevels_.assign(pageStarts_.size(), kAudienceLevels - 1);
    for (std::size_t page = 0; page < pageStarts_.size(); ++page) {
        const std::size_t first = pageStarts_[page];
        const std::size_t end = page + 1 < pageStarts_.size() ? pageStarts_[page + 1] : blocks.size();
        for (int level = 0; level < kAudienceLevels; ++level) {
            const auto& byBlock = heights[static_cast<std::size_t>(level)];
            if (std::accumulate(byBlock.begin() + static_cast<std::ptrdiff_t>(first),
                                byBlock.begin() + static_cast<std::ptrdiff_t>(end), 0.0f) <= space.y) {
                pageLevels_[page] = level;
                break;
            }
        }
    }
}

AudienceFit AudienceFitter::draw(Frame& frame, const std::string& phase,
                                 const std::vector<AudienceBlock>& blocks, int page) {
    syncLevels(frame);
    const ImVec2 space(ImGui::GetContentRegionAvail().x, ImGui::GetContentRegionAvail().y);
    if (phase != phase_ || space.x != space_.x || space.y != space_.y || pageStarts_.empty()) {
        phase_ = phase;
        space_ = space;
        layOut(frame, blocks, space);
    }
    AudienceFit fit;
    fit.pages = static_cast<int>(pageStarts_.size());
    fit.page = std::clamp(page, 0, fit.pages - 1);
    const int level = pageLevels_[static_cast<std::size_t>(fit.page)];
    fit.level = level;
    fit.columns = kLevels[level].columns;
    fit.availableHeight = space.y;
    const std::size_t first = pageStarts_[static_cast<std::size_t>(fit.page)];
    const std::size_t last = static_cast<std::size_t>(fit.page) + 1 < pageStarts_.size()
                                 ? pageStarts_[static_cast<std::size_t>(fit.page) + 1]
                                 : blocks.size();
    Frame levelFrame = frameAt(frame, level);
    const AudienceStyle style{level, fit.columns};
    const float top = ImGui::GetCursorPosY();
    for (std::size_t b = first; b < last && b < blocks.size(); ++b) {
        blocks[b](levelFrame, style);
    }
    fit.contentHeight = ImGui::GetCursorPosY() - top;
    return fit;
}

}  // namespace passerelles::ui

// The fonts of every screen, built at a size that follows the window and the user's text size setting.
#pragma once

#include <string>

struct ImFont;
struct ImFontAtlas;

namespace passerelles::ui {

// Code points French text needs, plus the few symbols the screens draw (arrows, check marks, bullets).
const unsigned short* frenchGlyphRanges();

class FontSet {
  public:
    // Looks for DejaVu Sans (fonts-dejavu-core) in `fontDirectory`, $PASSERELLES_FONT_DIR, then the Debian
    // folder (unless `systemFolder` is false). On failure, or when the files found are unreadable or
    // damaged, `problem` says so and the set falls back to ImGui's built-in font, which lacks accents: the
    // program still runs and shows the message.
    explicit FontSet(std::string fontDirectory = {}, bool systemFolder = true);

    // Rebuilds the atlas when `baseSize` (pixels of body text) differs from the current one, or when
    // `withDisplay` asks for the display size the atlas does not hold yet. The display size is built only
    // once a screen needs it (a room, the booth, a results screen), then kept: it is half the atlas's
    // pixels, and the home screen and solo play never draw it. Returns true when the atlas changed, so the
    // renderer must upload a new texture.
    bool ensureSize(ImFontAtlas& atlas, float baseSize, bool withDisplay = true);

    float baseSize() const { return baseSize_; }
    // False until a screen that needs the display size was shown: `display` is then `title`.
    bool hasDisplaySize() const { return displayBuilt_; }
    bool usingFallback() const { return usingFallback_; }
    const std::string& problem() const { return problem_; }

    ImFont* body = nullptr;     // 1.0 × base: running text
    ImFont* bold = nullptr;     // 1.0 × base, bold: labels, options' letters
    ImFont* small = nullptr;    // 0.8 × base: sources, hints
    ImFont* heading = nullptr;  // 1.3 × base, bold: question statements, card titles
    ImFont* title = nullptr;    // 1.75 × base, bold: screen titles, scores
    ImFont* display = nullptr;  // 2.6 × base, bold: presenter and booth statements (`title` until built)

  private:
    std::string regular_;  // the bytes of DejaVuSans.ttf and DejaVuSans-Bold.ttf, read once
    std::string bold_;
    std::string problem_;
    bool usingFallback_ = false;
    bool displayWanted_ = false;
    bool displayBuilt_ = false;
    float baseSize_ = 0.0f;
};

// Base text size for a window: 22 px at 1280×720, 33 px at 1920×1080, scaled by the user setting.
float baseFontSizeFor(float width, float height, float userScale);

}  // namespace passerelles::ui

// Finding DejaVu Sans and building the ImGui font atlas with French glyph ranges.
#include "ui/fonts.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>
#include <utility>
#include <vector>

#include <imgui.h>

namespace passerelles::ui {

const unsigned short* frenchGlyphRanges() {
    // Only what French text, the shipped content and the screens use: every glyph is rasterised at six
    // sizes, and the atlas's pixels are most of the start-up's cost (issue 19). Latin-1 stays whole for
    // names typed by users (profiles, teams, nicknames); a character outside these ranges is shown as its
    // code, « [U+1F600] » (RichText), never as an anonymous « ? ». A test checks that every character of
    // the shipped content and of the screens' own texts is here.
    static const ImWchar ranges[] = {
        0x0020,
        0x007E,  // Basic Latin
        0x00A0,
        0x00FF,  // Latin-1: é è ê à ç « » ° and U+00A0 no-break space
        0x0152,
        0x0153,  // Œ œ
        0x0178,
        0x0178,  // Ÿ
        0x2009,
        0x2009,  // thin space
        0x2010,
        0x2014,  // hyphens and dashes ‐ ‑ ‒ – —
        0x2018,
        0x201E,  // quotes ‘ ’ ‚ “ ” „
        0x2020,
        0x2022,  // † ‡ •
        0x2026,
        0x2026,  // …
        0x202F,
        0x2030,  // U+202F narrow no-break space, ‰
        0x2039,
        0x203A,  // ‹ ›
        0x2070,
        0x207B,  // superscripts ⁰ ⁴…⁹ ⁻ (« 1 × 10³⁰⁸ » in messages about huge numbers)
        0x20AC,
        0x20AC,  // €
        0x2190,
        0x2193,  // arrows ← ↑ → ↓
        0x21E7,
        0x21E7,  // ⇧, the booth keyboard's shift key
        0x2212,
        0x2212,  // minus sign
        0x221E,
        0x221E,  // ∞
        0x25B6,
        0x25B6,  // ▶
        0x25CB,
        0x25CB,  // ○
        0x25CF,
        0x25D0,  // ● and ◐, the half-filled circle for partial answers
        0x2713,
        0x2713,  // ✓
        0x2717,
        0x2717,  // ✗
        // No U+FFFD (�): ImGui indexes each size up to its highest character, and U+FFFD made that six
        // tables of 65,534 entries (2.4 MB, a tenth of the start-up's memory) for one glyph. A byte that is
        // not UTF-8 is drawn as ImGui's fallback « ? » instead (see displayableText).
        0,
    };
    return ranges;
}

namespace {

std::uint32_t bigEndian32(const std::string& bytes, std::size_t at) {
    return static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[at])) << 24 |
           static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[at + 1])) << 16 |
           static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[at + 2])) << 8 |
           static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[at + 3]));
}

// ImGui asserts (and stb_truetype reads past the end) on a file that is not a whole TrueType font, so a
// font is checked before it is handed over: readable, a TrueType signature, every table inside the file,
// and the tables a glyph atlas needs. Empty when the file looks sound, else what is wrong, in French. The
// bytes read are kept in `bytes`: every size of the atlas is built from them, so the file is read once.
std::string fontFileProblem(const std::filesystem::path& path, std::string& bytes) {
    std::error_code error;
    const std::uintmax_t size = std::filesystem::file_size(path, error);
    // A font file is well under a few megabytes; read in one go at its size (a string stream doubled it).
    constexpr std::uintmax_t kLargestFont = 64u << 20;
    std::ifstream stream(path, std::ios::binary);
    if (error || !std::filesystem::is_regular_file(path, error) || size > kLargestFont || !stream) {
        return "illisible";
    }
    bytes.resize(static_cast<std::size_t>(size));
    if (!stream.read(bytes.data(), static_cast<std::streamsize>(size))) {
        bytes.clear();
        return "illisible";
    }
    if (bytes.size() < 12 || (bigEndian32(bytes, 0) != 0x00010000u && bytes.compare(0, 4, "true") != 0)) {
        return "ce n’est pas une police TrueType";
    }
    const std::size_t tableCount = static_cast<std::size_t>(bigEndian32(bytes, 4) >> 16);
    if (12 + tableCount * 16 > bytes.size()) {
        return "fichier tronqué";
    }
    std::set<std::string> tables;
    for (std::size_t i = 0; i < tableCount; ++i) {
        const std::size_t record = 12 + i * 16;
        const std::uint64_t offset = bigEndian32(bytes, record + 8);
        const std::uint64_t length = bigEndian32(bytes, record + 12);
        if (offset + length > bytes.size()) {
            return "fichier tronqué";
        }
        tables.insert(bytes.substr(record, 4));
    }
    for (const char* needed : {"cmap", "head", "hhea", "hmtx", "loca", "glyf", "maxp"}) {
        if (!tables.contains(needed)) {
            return std::string("table « ") + needed + " » absente";
        }
    }
    return {};
}

}  // namespace

FontSet::FontSet(std::string fontDirectory, bool systemFolder) {
    std::vector<std::filesystem::path> candidates;
    if (!fontDirectory.empty()) {
        candidates.emplace_back(fontDirectory);
    }
    if (const char* fromEnvironment = std::getenv("PASSERELLES_FONT_DIR")) {
        candidates.emplace_back(fromEnvironment);
    }
#ifndef _WIN32  // Windows has no DejaVu of its own: the fonts ship beside passerelles.exe (fontDirectory)
    if (systemFolder) {
        candidates.emplace_back("/usr/share/fonts/truetype/dejavu");
    }
#else
    (void)systemFolder;
#endif
    for (const auto& folder : candidates) {
        std::error_code error;
        if (std::filesystem::exists(folder / "DejaVuSans.ttf", error) &&
            std::filesystem::exists(folder / "DejaVuSans-Bold.ttf", error)) {
            const std::string regularPath = (folder / "DejaVuSans.ttf").string();
            const std::string boldPath = (folder / "DejaVuSans-Bold.ttf").string();
            for (const auto& [path, bytes] :
                 {std::pair<const std::string&, std::string&>{regularPath, regular_},
                  std::pair<const std::string&, std::string&>{boldPath, bold_}}) {
                if (const std::string why = fontFileProblem(path, bytes); !why.empty()) {
                    usingFallback_ = true;
                    problem_ =
                        "La police « " + path + " » est endommagée (" + why +
                        ") : les accents ne s’afficheront pas. Réinstallez le paquet fonts-dejavu-core.";
                    return;
                }
            }
            return;
        }
    }
    usingFallback_ = true;
    problem_ =
        "Police DejaVu Sans introuvable : les accents ne s’afficheront pas. Installez le paquet "
        "fonts-dejavu-core (tools/setup le fait).";
}

namespace {

// ImGui 1.86 copies the font file for every size it is given unless the atlas owns the bytes: the atlas is
// told it owns FontSet's bytes (no copy, 4 MB less at start), and is disowned of them as soon as the atlas
// is built, before anything could free them.
class BorrowedFontData {
  public:
    explicit BorrowedFontData(ImFontAtlas& atlas) : atlas_(atlas) {}
    BorrowedFontData(const BorrowedFontData&) = delete;
    BorrowedFontData& operator=(const BorrowedFontData&) = delete;
    ~BorrowedFontData() {
        for (ImFontConfig& config : atlas_.ConfigData) {
            if (config.FontDataOwnedByAtlas && config.FontData != nullptr && borrowed(config.FontData)) {
                config.FontData = nullptr;
                config.FontDataOwnedByAtlas = false;
            }
        }
    }
    void lend(const std::string& bytes) { lent_.push_back(bytes.data()); }

  private:
    bool borrowed(const void* data) const {
        return std::find(lent_.begin(), lent_.end(), static_cast<const char*>(data)) != lent_.end();
    }
    ImFontAtlas& atlas_;
    std::vector<const char*> lent_;
};

}  // namespace

bool FontSet::ensureSize(ImFontAtlas& atlas, float baseSize, bool withDisplay) {
    baseSize = std::round(baseSize);
    displayWanted_ = displayWanted_ || withDisplay;
    if (baseSize == baseSize_ && body != nullptr && displayBuilt_ == displayWanted_) {
        return false;
    }
    baseSize_ = baseSize;
    atlas.Clear();
    if (usingFallback_) {
        ImFontConfig config;
        config.SizePixels = baseSize;
        body = bold = small = heading = title = display = atlas.AddFontDefault(&config);
        atlas.Build();
        displayBuilt_ = displayWanted_;
        return true;
    }
    // No power-of-two height: the atlas is as tall as its glyphs, not up to twice that.
    atlas.Flags |= ImFontAtlasFlags_NoPowerOfTwoHeight;
    bool built = false;
    {
        BorrowedFontData borrowed(atlas);
        borrowed.lend(regular_);
        borrowed.lend(bold_);
        const auto add = [&](std::string& bytes, float size) {
            ImFontConfig config;
            config.FontDataOwnedByAtlas = true;  // lent, taken back by `borrowed` (see BorrowedFontData)
            // Glyphs are snapped to whole pixels, so oversampling would only blur them more finely at
            // twice the pixels (ImGui's own advice: with PixelSnapH, OversampleH 1).
            config.OversampleH = 1;
            config.OversampleV = 1;
            config.PixelSnapH = true;
            return atlas.AddFontFromMemoryTTF(bytes.data(), static_cast<int>(bytes.size()), std::round(size),
                                              &config, frenchGlyphRanges());
        };
        body = add(regular_, baseSize);
        bold = add(bold_, baseSize);
        small = add(regular_, baseSize * 0.8f);
        heading = add(bold_, baseSize * 1.3f);
        title = add(bold_, baseSize * 1.75f);
        display = displayWanted_ ? add(bold_, baseSize * 2.6f) : title;
        built = body != nullptr && bold != nullptr && small != nullptr && heading != nullptr &&
                title != nullptr && display != nullptr && atlas.Build();
    }
    if (!built) {
        usingFallback_ = true;
        problem_ = "La police DejaVu Sans n’a pas pu être lue : les accents ne s’afficheront pas.";
        baseSize_ = 0.0f;
        return ensureSize(atlas, baseSize, withDisplay);
    }
    displayBuilt_ = displayWanted_;
    // What stb_truetype needed to build the atlas is freed before the texture is made, so that it stays
    // out of the start-up's peak memory. The font files themselves stay FontSet's, for another size.
    atlas.ClearInputData();
    return true;
}

float baseFontSizeFor(float width, float height, float userScale) {
    const float fromWindow = std::min(width / 1280.0f, height / 720.0f) * 22.0f;
    return std::clamp(std::round(std::clamp(fromWindow, 13.0f, 60.0f) * userScale), 11.0f, 96.0f);
}

}  // namespace passerelles::ui

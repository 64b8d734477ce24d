// Wrapped text for every screen: paragraphs, bullets, no-break spaces kept, acronyms explained on hover.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <imgui.h>

#include "core/content/glossary.hpp"

namespace passerelles::ui {

struct TextStyle {
    ImFont* font = nullptr;
    ImU32 colour = 0;
    float wrapWidth = 0.0f;
    float lineSpacing = 1.25f;  // × font size, for readability of long explanations
};

// `text` as `font` can draw it, or an empty string when it can as it is (the usual case: nothing copied).
// A letter and a combining accent become the precomposed letter (« e » + U+0301 → « é »); zero-width
// characters and emoji variation selectors are dropped; any other character the font lacks (an emoji, a
// script the atlas does not hold) is shown as its code, « [U+1F600] », so that two options differing only
// by it never look the same. (A byte that is not UTF-8 needs nothing here: ImGui draws it « � ».)
std::string displayableText(const ImFont* font, std::string_view text);

// Acronyms met while drawing this frame, for the glossary overlay (key G).
class AcronymsOnScreen {
  public:
    void beginFrame() { seen_.clear(); }
    void note(const GlossaryEntry* entry);
    const std::vector<const GlossaryEntry*>& seen() const { return seen_; }

  private:
    std::vector<const GlossaryEntry*> seen_;
};

class RichText {
  public:
    RichText(const Glossary* glossary, AcronymsOnScreen* acronyms)
        : glossary_(glossary), acronyms_(acronyms) {}

    // Height the text takes at this width, without drawing.
    float measure(std::string_view text, const TextStyle& style);
    // Draws at `origin` in the current window's draw list; returns the height used. A word longer than
    // the wrap width is broken inside, where the line is full. Hovering a known
    // acronym shows its long form.
    float drawAt(ImVec2 origin, std::string_view text, const TextStyle& style);
    // Draws at the cursor and advances it, like ImGui::TextWrapped.
    void draw(std::string_view text, const TextStyle& style);

    // Layouts are cached per frame-stable string: content strings are immutable for a pack's life.
    void clearCache() { cache_.clear(); }
    // The first word of each line once wrapped: tests check the French line-breaking rules with it.
    std::vector<std::string> firstWords(std::string_view text, const TextStyle& style);
    // Lines drawn since the start (a work counter: only visible lines are drawn).
    std::size_t linesDrawn() const { return linesDrawn_; }

  private:
    struct Word {
        std::size_t begin = 0;
        std::size_t end = 0;
        float x = 0.0f;
        float width = 0.0f;
        const GlossaryEntry* acronym = nullptr;
        float acronymX = 0.0f;  // the acronym's span inside the word, without brackets or punctuation
        float acronymWidth = 0.0f;
    };
    struct Line {
        std::vector<Word> words;
        float y = 0.0f;
        bool bullet = false;
    };
    struct Layout {
        std::vector<Line> lines;
        float height = 0.0f;
        std::string source;  // the text given, to check a cache hit
        std::string shown;   // the text laid out and drawn when it differs (displayableText), else empty
    };
    struct CacheKey {
        const char* data;
        std::size_t size;
        const ImFont* font;
        float width;
        bool operator==(const CacheKey& other) const {
            return data == other.data && size == other.size && font == other.font && width == other.width;
        }
    };
    struct CacheKeyHash {
        std::size_t operator()(const CacheKey& key) const;
    };

    const Layout& layout(std::string_view text, const TextStyle& style);
    Layout computeLayout(std::string_view text, const TextStyle& style) const;

    const Glossary* glossary_;
    AcronymsOnScreen* acronyms_;
    std::unordered_map<CacheKey, Layout, CacheKeyHash> cache_;
    std::size_t linesDrawn_ = 0;
};

}  // namespace passerelles::ui

// Word wrapping with French no-break spaces, bullets, and acronym tooltips.
#include "ui/rich_text.hpp"

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <cstdio>
#include <functional>

#include "core/base/text.hpp"
#include "core/formats/trainer_format_support.hpp"  // appendUtf8
#include "ui/probe.hpp"
#include "ui/theme.hpp"

namespace passerelles::ui {

namespace {

constexpr std::size_t kMaxCachedLayouts = 1024;

}  // namespace

namespace {

// A byte that is not part of UTF-8, read as the Windows-1252 / Latin-1 character it most likely was: the
// texts that can hold one are file and folder names (content is checked as UTF-8 when loaded), and a
// folder named on an old system in Latin-1 shows « Données », not « Donn?es » with letters eaten.
unsigned latin1Fallback(unsigned char byte) {
    if (byte >= 0xA0) {
        return byte;  // Latin-1 and Windows-1252 agree from U+00A0 on
    }
    // Windows-1252's printable characters in 0x80–0x9F that French text uses; the rest stay unknown.
    switch (byte) {
        case 0x80:
            return 0x20AC;  // €
        case 0x85:
            return 0x2026;  // …
        case 0x8C:
            return 0x0152;  // Œ
        case 0x91:
            return 0x2018;
        case 0x92:
            return 0x2019;  // ’
        case 0x93:
            return 0x201C;
        case 0x94:
            return 0x201D;
        case 0x96:
            return 0x2013;  // –
        case 0x97:
            return 0x2014;  // —
        case 0x9C:
            return 0x0153;  // œ
        default:
            return 0xFFFD;
    }
}

// The next code point of `text` from `at` (advanced past it); a byte that is not UTF-8 counts alone, as
// latin1Fallback reads it.
unsigned nextCodePoint(std::string_view text, std::size_t& at) {
    const auto byte = static_cast<unsigned char>(text[at]);
    const std::size_t length = byte < 0x80             ? 1
                               : (byte & 0xE0) == 0xC0 ? 2
                               : (byte & 0xF0) == 0xE0 ? 3
                               : (byte & 0xF8) == 0xF0 ? 4
                                                       : 0;
    if (length == 0 || at + length > text.size()) {
        ++at;
        return latin1Fallback(byte);
    }
    unsigned code = length == 1 ? byte : byte & (0x7Fu >> length);
    for (std::size_t k = 1; k < length; ++k) {
        const auto continuation = static_cast<unsigned char>(text[at + k]);
        if ((continuation & 0xC0) != 0x80) {
            ++at;
            return latin1Fallback(byte);
        }
        code = (code << 6) | (continuation & 0x3Fu);
    }
    at += length;
    return code;
}

// A letter followed by a combining accent, as one precomposed character when Latin-1 (or œ's block) has
// it: « e » + U+0301 → « é ». 0 when there is none.
unsigned compose(unsigned base, unsigned mark) {
    struct Pair {
        char base;
        unsigned short mark;
        unsigned short composed;
    };
    static constexpr Pair kPairs[] = {
        {'A', 0x300, 0xC0},  {'A', 0x301, 0xC1}, {'A', 0x302, 0xC2}, {'A', 0x303, 0xC3}, {'A', 0x308, 0xC4},
        {'C', 0x327, 0xC7},  {'E', 0x300, 0xC8}, {'E', 0x301, 0xC9}, {'E', 0x302, 0xCA}, {'E', 0x308, 0xCB},
        {'I', 0x300, 0xCC},  {'I', 0x301, 0xCD}, {'I', 0x302, 0xCE}, {'I', 0x308, 0xCF}, {'N', 0x303, 0xD1},
        {'O', 0x300, 0xD2},  {'O', 0x301, 0xD3}, {'O', 0x302, 0xD4}, {'O', 0x303, 0xD5}, {'O', 0x308, 0xD6},
        {'U', 0x300, 0xD9},  {'U', 0x301, 0xDA}, {'U', 0x302, 0xDB}, {'U', 0x308, 0xDC}, {'Y', 0x301, 0xDD},
        {'Y', 0x308, 0x178}, {'a', 0x300, 0xE0}, {'a', 0x301, 0xE1}, {'a', 0x302, 0xE2}, {'a', 0x303, 0xE3},
        {'a', 0x308, 0xE4},  {'c', 0x327, 0xE7}, {'e', 0x300, 0xE8}, {'e', 0x301, 0xE9}, {'e', 0x302, 0xEA},
        {'e', 0x308, 0xEB},  {'i', 0x300, 0xEC}, {'i', 0x301, 0xED}, {'i', 0x302, 0xEE}, {'i', 0x308, 0xEF},
        {'n', 0x303, 0xF1},  {'o', 0x300, 0xF2}, {'o', 0x301, 0xF3}, {'o', 0x302, 0xF4}, {'o', 0x303, 0xF5},
        {'o', 0x308, 0xF6},  {'u', 0x300, 0xF9}, {'u', 0x301, 0xFA}, {'u', 0x302, 0xFB}, {'u', 0x308, 0xFC},
        {'y', 0x301, 0xFD},  {'y', 0x308, 0xFF},
    };
    for (const Pair& pair : kPairs) {
        if (static_cast<unsigned>(pair.base) == base && pair.mark == mark) {
            return pair.composed;
        }
    }
    return 0;
}

bool invisibleFormat(unsigned code) {
    // Zero-width characters and emoji variation selectors: nothing to draw, nothing to tell apart.
    return (code >= 0x200B && code <= 0x200D) || code == 0x2060 || code == 0xFEFF ||
           (code >= 0xFE00 && code <= 0xFE0F);
}

}  // namespace

std::string displayableText(const ImFont* font, std::string_view text) {
    // U+FFFD, a byte that was not UTF-8, has no glyph of its own (see frenchGlyphRanges): ImGui draws its
    // fallback « ? » for it, which says "unreadable" better than « [U+FFFD] » would.
    const auto drawable = [&](unsigned code) {
        return code < 0x80
                   ? code >= 0x20 || code == '\n' || code == '\t' || code == '\r'
                   : code == 0xFFFD ||
                         (code <= 0xFFFF && font->FindGlyphNoFallback(static_cast<ImWchar>(code)) != nullptr);
    };
    // Most texts need nothing: checked first, so that nothing is copied.
    bool plain = true;
    for (std::size_t at = 0; at < text.size() && plain;) {
        if (static_cast<unsigned char>(text[at]) < 0x80) {
            plain = text[at] >= 0x20 || text[at] == '\n' || text[at] == '\t' || text[at] == '\r';
            ++at;
            continue;
        }
        const std::size_t start = at;
        const unsigned code = nextCodePoint(text, at);
        // A byte read alone is not UTF-8: ImGui would swallow the bytes after it, so the text is rewritten.
        plain = at - start > 1 && drawable(code);
    }
    if (plain) {
        return {};
    }
    std::string shown;
    shown.reserve(text.size() + 16);
    unsigned previous = 0;  // the last code point written, for composing an accent with it
    for (std::size_t at = 0; at < text.size();) {
        const unsigned code = nextCodePoint(text, at);
        if (invisibleFormat(code)) {
            continue;
        }
        if (code >= 0x300 && code <= 0x36F && previous != 0) {
            if (const unsigned composed = compose(previous, code); composed != 0 && drawable(composed)) {
                shown.pop_back();  // the base letter was ASCII, one byte
                formats::appendUtf8(shown, static_cast<char32_t>(composed));
                previous = 0;
                continue;
            }
        }
        previous = code < 0x80 ? code : 0;
        if (drawable(code)) {
            formats::appendUtf8(shown, static_cast<char32_t>(code));
            continue;
        }
        // Shown by its code, so that two texts differing only by an emoji never look the same.
        char label[16];
        std::snprintf(label, sizeof label, "[U+%04X]", code);
        shown += label;
    }
    return shown;
}

void AcronymsOnScreen::note(const GlossaryEntry* entry) {
    if (entry != nullptr && std::find(seen_.begin(), seen_.end(), entry) == seen_.end()) {
        seen_.push_back(entry);
    }
}

std::size_t RichText::CacheKeyHash::operator()(const CacheKey& key) const {
    std::size_t hash = std::hash<const void*>()(key.data);
    hash ^= std::hash<std::size_t>()(key.size) + 0x9e3779b9 + (hash << 6) + (hash >> 2);
    hash ^= std::hash<const void*>()(key.font) + 0x9e3779b9 + (hash << 6) + (hash >> 2);
    hash ^= std::hash<float>()(key.width) + 0x9e3779b9 + (hash << 6) + (hash >> 2);
    return hash;
}

// Breaks only at ASCII spaces and newlines: U+00A0 and U+202F (inserted before « ; : ! ? » and between
// digit groups) keep "4 700" and "quoi ?" on one line, as French typography requires.
RichText::Layout RichText::computeLayout(std::string_view text, const TextStyle& style) const {
    Layout result;
    ImFont* font = style.font != nullptr ? style.font : ImGui::GetFont();
    const float size = font->FontSize;
    const float lineHeight = size * style.lineSpacing;
    const float spaceWidth = font->CalcTextSizeA(size, FLT_MAX, 0.0f, " ").x;
    const float bulletIndent = size * 1.2f;
    const float wrap = style.wrapWidth > 0.0f ? style.wrapWidth : FLT_MAX;
    float y = 0.0f;
    std::size_t position = 0;
    bool firstParagraph = true;
    while (position <= text.size()) {
        std::size_t lineEnd = text.find('\n', position);
        if (lineEnd == std::string_view::npos) {
            lineEnd = text.size();
        }
        std::string_view sourceLine = text.substr(position, lineEnd - position);
        const std::size_t sourceStart = position;
        position = lineEnd + 1;
        if (sourceLine.empty()) {
            if (!firstParagraph) {
                y += lineHeight * 0.5f;  // a blank line between paragraphs
            }
            if (lineEnd == text.size()) {
                break;
            }
            continue;
        }
        firstParagraph = false;
        const bool bullet = sourceLine.starts_with("- ");
        const float indent = bullet ? bulletIndent : 0.0f;
        std::size_t offset = bullet ? 2 : 0;
        Line line;
        line.y = y;
        line.bullet = bullet;
        float x = indent;
        std::string_view previousWord;
        while (offset < sourceLine.size()) {
            std::size_t wordEnd = sourceLine.find(' ', offset);
            if (wordEnd == std::string_view::npos) {
                wordEnd = sourceLine.size();
            }
            if (wordEnd == offset) {
                ++offset;
                continue;
            }
            const char* begin = sourceLine.data() + offset;
            const char* end = sourceLine.data() + wordEnd;
            float width = font->CalcTextSizeA(size, FLT_MAX, 0.0f, begin, end).x;
            if (width > wrap - indent) {
                // A word longer than a whole line (a URL, a 300-letter string) is broken inside, where the
                // line is full, rather than drawn past the edge: each piece starts a line of its own.
                if (!line.words.empty()) {
                    result.lines.push_back(std::move(line));
                    y += lineHeight;
                    line = Line{};
                    line.y = y;
                    x = indent;
                }
                const char* piece = begin;
                while (piece < end) {
                    const char* cut = piece;
                    float pieceWidth = 0.0f;
                    while (cut < end) {
                        const char* next = cut + 1;
                        while (next < end && (static_cast<unsigned char>(*next) & 0xC0) == 0x80) {
                            ++next;  // never inside a UTF-8 character
                        }
                        const float grown = font->CalcTextSizeA(size, FLT_MAX, 0.0f, piece, next).x;
                        if (grown > wrap - indent && cut > piece) {
                            break;
                        }
                        pieceWidth = grown;
                        cut = next;
                    }
                    Word part;
                    part.begin = sourceStart + static_cast<std::size_t>(piece - sourceLine.data());
                    part.end = sourceStart + static_cast<std::size_t>(cut - sourceLine.data());
                    part.x = x;
                    part.width = pieceWidth;
                    line.words.push_back(part);
                    piece = cut;
                    if (piece < end) {
                        result.lines.push_back(std::move(line));
                        y += lineHeight;
                        line = Line{};
                        line.y = y;
                        x = indent;
                    } else {
                        x += pieceWidth + spaceWidth;
                    }
                }
                offset = wordEnd + 1;
                previousWord = {};  // a broken word glues to nothing
                continue;
            }
            const std::string_view thisWord(begin, wordEnd - offset);
            if (!line.words.empty() && x + width > wrap) {
                // French typography: « : », « ? », « » » never start a line, a date is never cut; the word
                // before goes down with them (unless it is alone on its line).
                std::size_t carried = 0;  // words at the end of the line that go down with this one
                if (keepOnSameLine(previousWord, thisWord)) {
                    carried = 1;
                    const auto wordText = [&](const Word& w) {
                        return text.substr(w.begin, w.end - w.begin);
                    };
                    while (carried < line.words.size() &&
                           keepOnSameLine(wordText(line.words[line.words.size() - carried - 1]),
                                          wordText(line.words[line.words.size() - carried]))) {
                        ++carried;  // « 2 décembre 2026 » goes down whole
                    }
                    if (carried >= line.words.size()) {
                        carried = 0;  // the whole line is one unit: it cannot do better than break here
                    }
                }
                std::vector<Word> moved(line.words.end() - static_cast<std::ptrdiff_t>(carried),
                                        line.words.end());
                line.words.resize(line.words.size() - carried);
                result.lines.push_back(std::move(line));
                y += lineHeight;
                line = Line{};
                line.y = y;
                x = indent;
                for (Word& word : moved) {
                    word.x = x;
                    line.words.push_back(word);
                    x += word.width + spaceWidth;
                }
            }
            previousWord = thisWord;
            Word word;
            word.begin = sourceStart + offset;
            word.end = sourceStart + wordEnd;
            word.x = x;
            word.width = width;
            const std::string_view wordText(begin, wordEnd - offset);
            word.acronym = glossary_ != nullptr ? glossary_->lookupWord(wordText) : nullptr;
            if (word.acronym != nullptr) {
                // Underline the acronym itself, not the brackets or punctuation around it.
                const std::string_view core = acronymCandidate(wordText);
                word.acronymX = font->CalcTextSizeA(size, FLT_MAX, 0.0f, begin, core.data()).x;
                word.acronymWidth =
                    font->CalcTextSizeA(size, FLT_MAX, 0.0f, core.data(), core.data() + core.size()).x;
            }
            line.words.push_back(word);
            x += width + spaceWidth;
            offset = wordEnd + 1;
        }
        result.lines.push_back(std::move(line));
        y += lineHeight;
        if (lineEnd == text.size()) {
            break;
        }
    }
    result.height = std::max(0.0f, y - (lineHeight - size));  // no trailing leading below the last line
    return result;
}

std::vector<std::string> RichText::firstWords(std::string_view text, const TextStyle& style) {
    std::vector<std::string> words;
    for (const Line& line : computeLayout(text, style).lines) {
        if (!line.words.empty()) {
            words.emplace_back(
                text.substr(line.words.front().begin, line.words.front().end - line.words.front().begin));
        }
    }
    return words;
}

const RichText::Layout& RichText::layout(std::string_view text, const TextStyle& style) {
    const CacheKey key{text.data(), text.size(), style.font, style.wrapWidth};
    const auto found = cache_.find(key);
    // A string formatted each frame may reuse the address of an earlier one with other words in it:
    // the copy kept with the layout tells them apart.
    if (found != cache_.end() && found->second.source == text) {
        return found->second;
    }
    if (cache_.size() >= kMaxCachedLayouts) {
        cache_.clear();  // formatted strings come and go; content strings are re-laid out once
    }
    // Characters the font lacks are shown by their code, so the layout is of that text when it differs.
    std::string shown = displayableText(style.font != nullptr ? style.font : ImGui::GetFont(), text);
    Layout computed = computeLayout(shown.empty() ? text : std::string_view(shown), style);
    computed.source = std::string(text);
    computed.shown = std::move(shown);
    return cache_.insert_or_assign(key, std::move(computed)).first->second;
}

float RichText::measure(std::string_view text, const TextStyle& style) {
    return layout(text, style).height;
}

float RichText::drawAt(ImVec2 origin, std::string_view given, const TextStyle& style) {
    const Layout& laidOut = layout(given, style);
    const std::string_view text = laidOut.shown.empty() ? given : std::string_view(laidOut.shown);
    ImFont* font = style.font != nullptr ? style.font : ImGui::GetFont();
    const float size = font->FontSize;
    ImDrawList* drawList = ImGui::GetWindowDrawList();
    const GlossaryEntry* hovered = nullptr;
    // Only the lines inside the window's visible area: a card of 20,000 bullet points laid out once must
    // not cost 20,000 lines of drawing at every frame (lines are in order of y).
    const float clipTop = drawList->GetClipRectMin().y;
    const float clipBottom = drawList->GetClipRectMax().y;
    const float lineExtent = size * 1.5f;  // a line's glyphs, underline and bullet
    const auto first =
        std::partition_point(laidOut.lines.begin(), laidOut.lines.end(),
                             [&](const Line& line) { return origin.y + line.y + lineExtent < clipTop; });
    for (auto at = first; at != laidOut.lines.end() && origin.y + at->y <= clipBottom; ++at) {
        const Line& line = *at;
        ++linesDrawn_;
        if (line.bullet) {
            drawList->AddCircleFilled(ImVec2(origin.x + size * 0.45f, origin.y + line.y + size * 0.55f),
                                      size * 0.14f, style.colour);
        }
        for (const Word& word : line.words) {
            const ImVec2 position(origin.x + word.x, origin.y + line.y);
            drawList->AddText(font, size, position, style.colour, text.data() + word.begin,
                              text.data() + word.end);
            if (word.acronym == nullptr) {
                continue;
            }
            if (acronyms_ != nullptr) {
                acronyms_->note(word.acronym);
            }
            // A dotted underline says "there is more here" without shouting.
            const float underlineY = position.y + size * 1.08f;
            const float underlineStart = position.x + word.acronymX;
            for (float dot = underlineStart; dot < underlineStart + word.acronymWidth; dot += size * 0.22f) {
                // Filled rectangles stay crisp where short anti-aliased lines fade out.
                const float thickness = std::max(1.0f, std::round(size / 16.0f));
                drawList->AddRectFilled(
                    ImVec2(std::round(dot), std::round(underlineY)),
                    ImVec2(std::round(dot + size * 0.11f), std::round(underlineY) + thickness),
                    theme::kTextMuted);
            }
            if (ImGui::IsMouseHoveringRect(position,
                                           ImVec2(position.x + word.width, position.y + size * 1.2f))) {
                hovered = word.acronym;
            }
        }
    }
    if (hovered != nullptr && ImGui::IsWindowHovered(ImGuiHoveredFlags_AllowWhenBlockedByActiveItem |
                                                     ImGuiHoveredFlags_ChildWindows)) {
        ImGui::BeginTooltip();
        ImGui::PushTextWrapPos(size * 24.0f);
        ImGui::TextUnformatted(hovered->term.c_str());
        ImGui::SameLine();
        ImGui::TextUnformatted(": ");
        ImGui::SameLine(0, 0);
        ImGui::TextUnformatted(hovered->expansion.c_str());
        if (!hovered->note.empty()) {
            ImGui::TextDisabled("%s", hovered->note.c_str());
        }
        ImGui::PopTextWrapPos();
        ImGui::EndTooltip();
    }
    return laidOut.height;
}

void RichText::draw(std::string_view text, const TextStyle& style) {
    probe::recordText(text);
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const float height = drawAt(origin, text, style);
    ImGui::Dummy(ImVec2(style.wrapWidth > 0.0f ? style.wrapWidth : 1.0f, height));
}

}  // namespace passerelles::ui

// Word wrapping with French no-break spaces, bullets, and acronym tooltips.
#include "ui/rich_text.hpp"

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <functional>

#include "core/base/text.hpp"
#include "ui/probe.hpp"
#include "ui/theme.hpp"

namespace passerelles::ui {

namespace {

constexpr std::size_t kMaxCachedLayouts = 1024;

}  // namespace

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
            const float width = font->CalcTextSizeA(size, FLT_MAX, 0.0f, begin, end).x;
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
    Layout computed = computeLayout(text, style);
    computed.source = std::string(text);
    return cache_.insert_or_assign(key, std::move(computed)).first->second;
}

float RichText::measure(std::string_view text, const TextStyle& style) {
    return layout(text, style).height;
}

float RichText::drawAt(ImVec2 origin, std::string_view text, const TextStyle& style) {
    const Layout& laidOut = layout(text, style);
    ImFont* font = style.font != nullptr ? style.font : ImGui::GetFont();
    const float size = font->FontSize;
    ImDrawList* drawList = ImGui::GetWindowDrawList();
    const GlossaryEntry* hovered = nullptr;
    for (const Line& line : laidOut.lines) {
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

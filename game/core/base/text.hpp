// Text utilities shared by the loader and the screens: UTF-8 checks, French typography, numbers, distances.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace passerelles {

// Byte offset of the first byte that is not valid UTF-8, or nullopt when the text is valid.
std::optional<std::size_t> findInvalidUtf8(std::string_view text);

struct LineColumn {
    int line = 1;
    int column = 1;  // counted in characters (code points), not bytes
};
LineColumn lineColumnAt(std::string_view text, std::size_t offset);

// Applies French typographic rules to display text: apostrophe ’, no-break spaces before ; : ! ? and
// inside « », between digit groups and before units (%, €). Only existing spaces are turned into
// no-break spaces, so "http://" or "10:30" are left alone.
std::string frenchTypography(std::string_view text);

// "12,5", "3", "0,33": a French decimal with at most `decimals` digits and no trailing zeros; from 10¹⁵
// on, where a double has no exact digits left, "1 × 10³⁰⁸" (and « ∞ » for an infinity).
std::string formatDecimal(double value, int decimals = 2);
// "4 700" with a narrow no-break space as thousands separator.
std::string formatInteger(long long value);
// "81 %" with a no-break space.
std::string formatPercent(double ratio);

std::size_t editDistance(std::string_view a, std::string_view b);
// The candidate closest to `word`, when it is close enough to be a likely typo.
std::optional<std::string> closestMatch(std::string_view word, const std::vector<std::string>& candidates);

// Lowercase ASCII and strip French accents, for search and for id suggestions.
std::string foldForSearch(std::string_view text);

std::vector<std::string> splitParagraphs(std::string_view text);

// "« texte »" with no-break spaces, for naming a field, an id or a value in a message.
std::string guillemets(std::string_view text);

// "2026-11-22" as "22 novembre 2026" (and "1er" for the first of the month); anything that is not a
// valid ISO date comes back unchanged, so a trainer's free text is never lost.
std::string formatFrenchDate(std::string_view isoDate);

// "2026-12-02" ⇄ "02/12/2026", as a date is typed in a French form (JJ/MM/AAAA); text that is not such a
// date comes back unchanged either way, so what a trainer typed is never lost.
std::string isoDateToNumeric(std::string_view isoDate);
std::string numericDateToIso(std::string_view numeric);

// "1 partie jouée", "3 parties jouées": French puts 0 and 1 in the singular.
std::string countNoun(long long count, std::string_view singular, std::string_view pluralForm);

// French line-breaking: whether `word` must stay on the line of `previous` when a text wraps at spaces —
// no break before « : ; ! ? » % € », none after « « », none inside a date (« 2 | décembre | 2026 »).
// Text typed with ordinary spaces (generated messages, a trainer's notes) then wraps as if they were
// no-break spaces, as frenchTypography writes them.
bool keepOnSameLine(std::string_view previous, std::string_view word);

// « à » before a name, contracted as French does: « aux Castors » (Les Castors), « au Havre » (Le Havre),
// « à la Réunion », « à l’équipe verte » (Équipe verte), « à Vierzon ».
std::string toName(std::string_view name);
// Names joined as French lists them: « A », « A et B », « A, B et C ».
std::string frenchList(const std::vector<std::string>& items);

// The local time now, through strftime: "%Y-%m-%d" for a plan's date, "%d/%m/%Y à %H h %M" for a report.
std::string formatLocalTimeNow(const char* strftimeFormat);

// Text from outside (a folder name, a file's content) made safe to print on a terminal: control
// characters (C0, DEL, and the C1 range where CSI lives) and bytes that are not UTF-8 become "\xHH";
// every valid printable character, accents included, is kept as it is.
std::string printableForTerminal(std::string_view text);

inline constexpr std::string_view kNoBreakSpace = "\xC2\xA0";            // U+00A0
inline constexpr std::string_view kNarrowNoBreakSpace = "\xE2\x80\xAF";  // U+202F

}  // namespace passerelles

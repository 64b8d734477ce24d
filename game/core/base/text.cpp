// Text utilities: UTF-8 validation, line/column, French typography, number formatting, edit distance.
#include "core/base/text.hpp"
#include "core/base/platform.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>

namespace passerelles {

namespace {

bool isContinuation(unsigned char byte) {
    return (byte & 0xC0) == 0x80;
}
bool isDigit(char c) {
    return c >= '0' && c <= '9';
}

// Byte loops rather than string_view comparisons: the prefixes are a few bytes long, and these run for
// every space and punctuation mark of every text of a pack, where a call to memcmp each time shows.
bool startsWith(std::string_view text, std::size_t at, std::string_view prefix) {
    if (at > text.size() || text.size() - at < prefix.size()) {
        return false;
    }
    for (std::size_t k = 0; k < prefix.size(); ++k) {
        if (text[at + k] != prefix[k]) {
            return false;
        }
    }
    return true;
}

bool endsWith(const std::string& text, std::string_view suffix) {
    return text.size() >= suffix.size() && startsWith(text, text.size() - suffix.size(), suffix);
}

// Bytes on which a rule of frenchTypography can fire: the apostrophe, the dot of "...", the space, the
// high punctuation, and 0xC2, the lead byte of « » and of the no-break space.
bool isTypographicByte(char c) {
    switch (c) {
        case '\'':
        case '.':
        case ' ':
        case ';':
        case '!':
        case '?':
        case ':':
        case '\xC2':
            return true;
        default:
            return false;
    }
}

// Whether frenchTypography copies text[at] unchanged, given the byte before it and provided the text
// so far does not end with «: a byte no rule looks at, or a space that stays a plain space (not before
// ; ! ? : or », not after a digit, where numbers, units and thousands take no-break spaces).
bool isPlainAt(std::string_view text, std::size_t at, char previous) {
    const char c = text[at];
    if (c != ' ') {
        return !isTypographicByte(c);
    }
    const char following = at + 1 < text.size() ? text[at + 1] : '\0';
    return !isDigit(previous) && following != ';' && following != '!' && following != '?' &&
           following != ':' && following != '\xC2';
}

}  // namespace

std::optional<std::size_t> findInvalidUtf8(std::string_view text) {
    const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
    const std::size_t size = text.size();
    std::size_t i = 0;
    while (i < size) {
        // Pack files are mostly ASCII: skip eight ASCII bytes at a time.
        if (i + sizeof(std::uint64_t) <= size) {
            std::uint64_t eight = 0;
            std::memcpy(&eight, bytes + i, sizeof eight);
            if ((eight & 0x8080808080808080ULL) == 0) {
                i += sizeof eight;
                continue;
            }
        }
        const unsigned char lead = bytes[i];
        if (lead < 0x80) {
            ++i;
            continue;
        }
        std::size_t length = 0;
        char32_t minimum = 0;
        char32_t codePoint = 0;
        if ((lead & 0xE0) == 0xC0) {
            length = 2, minimum = 0x80, codePoint = lead & 0x1F;
        } else if ((lead & 0xF0) == 0xE0) {
            length = 3, minimum = 0x800, codePoint = lead & 0x0F;
        } else if ((lead & 0xF8) == 0xF0) {
            length = 4, minimum = 0x10000, codePoint = lead & 0x07;
        } else {
            return i;
        }
        if (i + length > size) {
            return i;
        }
        for (std::size_t k = 1; k < length; ++k) {
            if (!isContinuation(bytes[i + k])) {
                return i;
            }
            codePoint = (codePoint << 6) | (bytes[i + k] & 0x3F);
        }
        if (codePoint < minimum || codePoint > 0x10FFFF || (codePoint >= 0xD800 && codePoint <= 0xDFFF)) {
            return i;
        }
        i += length;
    }
    return std::nullopt;
}

LineColumn lineColumnAt(std::string_view text, std::size_t offset) {
    LineColumn position;
    offset = std::min(offset, text.size());
    for (std::size_t i = 0; i < offset; ++i) {
        const auto byte = static_cast<unsigned char>(text[i]);
        if (byte == '\n') {
            ++position.line;
            position.column = 1;
        } else if (!isContinuation(byte)) {
            ++position.column;
        }
    }
    return position;
}

std::string frenchTypography(std::string_view text) {
    static constexpr std::string_view kOpeningGuillemet = "\xC2\xAB";  // «
    static constexpr std::string_view kClosingGuillemet = "\xC2\xBB";  // »
    static constexpr std::string_view kEuro = "\xE2\x82\xAC";          // €
    std::string out;
    out.reserve(text.size() + text.size() / 8);
    for (std::size_t i = 0; i < text.size(); ++i) {
        // Most of a text is words and spaces that no rule touches: copy them a run at a time. The only
        // rule that fires on an ordinary byte is the no-break space after an opening guillemet, so a run
        // never starts right after « (nor inside a two-byte character led by 0xC2, which may be «).
        if (isPlainAt(text, i, out.empty() ? '\0' : out.back()) && (out.empty() || out.back() != '\xC2') &&
            !endsWith(out, kOpeningGuillemet)) {
            std::size_t end = i + 1;
            while (end < text.size() && isPlainAt(text, end, text[end - 1])) {
                ++end;
            }
            out.append(text.substr(i, end - i));
            i = end - 1;
            continue;
        }
        const char c = text[i];
        if (c == '\'') {
            out += "\xE2\x80\x99";  // ’
            continue;
        }
        if (c == '.' && startsWith(text, i, "...")) {
            out += "\xE2\x80\xA6";  // …
            i += 2;
            continue;
        }
        if (startsWith(text, i, kClosingGuillemet) && !out.empty() && out.back() != ' ' &&
            !endsWith(out, kNoBreakSpace) && !endsWith(out, kNarrowNoBreakSpace)) {
            out += kNoBreakSpace;  // "«texte»" becomes "« texte »"
        }
        if (endsWith(out, kOpeningGuillemet) && c != ' ' && !startsWith(text, i, kNoBreakSpace) &&
            !startsWith(text, i, kNarrowNoBreakSpace)) {
            out += kNoBreakSpace;
        }
        if (c != ' ') {
            // "quoi?" becomes "quoi ?": a word directly followed by ; ! ? or by ":" then a space.
            const bool closesWord =
                !out.empty() &&
                (std::isalnum(static_cast<unsigned char>(out.back())) || out.back() == ')' ||
                 (static_cast<unsigned char>(out.back()) & 0xC0) == 0x80) &&
                !endsWith(out, kNoBreakSpace) && !endsWith(out, kNarrowNoBreakSpace);
            const char after = i + 1 < text.size() ? text[i + 1] : ' ';
            const bool endsClause = after == ' ' || after == '\n' || after == '"' || after == ')';
            if (closesWord && endsClause && (c == ';' || c == '!' || c == '?')) {
                out += kNarrowNoBreakSpace;
            } else if (closesWord && endsClause && c == ':') {
                out += kNoBreakSpace;
            }
            out += c;
            continue;
        }
        const std::size_t next = i + 1;
        const bool afterOpeningGuillemet = endsWith(out, kOpeningGuillemet);
        const char following = next < text.size() ? text[next] : '\0';
        if (following == ';' || following == '!' || following == '?') {
            out += kNarrowNoBreakSpace;
        } else if (following == ':' || afterOpeningGuillemet || startsWith(text, next, kClosingGuillemet)) {
            out += kNoBreakSpace;
        } else if (!out.empty() && isDigit(out.back()) &&
                   (following == '%' || startsWith(text, next, kEuro) ||
                    startsWith(text, next, "k\xE2\x82\xAC") || startsWith(text, next, "M\xE2\x82\xAC") ||
                    startsWith(text, next, "Md\xE2\x82\xAC"))) {
            out += kNoBreakSpace;
        } else if (!out.empty() && isDigit(out.back()) && next + 3 <= text.size() && isDigit(text[next]) &&
                   isDigit(text[next + 1]) && isDigit(text[next + 2]) &&
                   (next + 3 == text.size() || !isDigit(text[next + 3]))) {
            out += kNarrowNoBreakSpace;  // thousands separator: "4 700"
        } else {
            out += ' ';
        }
    }
    return out;
}

namespace {

// 1e308 → « 1 × 10³⁰⁸ »: past 10¹⁵ a double has no exact digits left to print, and a fixed-point text
// would not fit a message (once: a wrong 63-digit number).
std::string scientificFrench(double value) {
    if (!std::isfinite(value)) {
        return std::isnan(value) ? "(pas un nombre)" : (value > 0 ? "∞" : "\xE2\x88\x92∞");
    }
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.2e", value);
    std::string text = buffer;
    const std::size_t e = text.find('e');
    std::string mantissa = text.substr(0, e);
    const int exponent = std::atoi(text.c_str() + e + 1);
    while (mantissa.back() == '0') {
        mantissa.pop_back();
    }
    if (mantissa.back() == '.') {
        mantissa.pop_back();
    }
    std::replace(mantissa.begin(), mantissa.end(), '.', ',');
    if (mantissa.front() == '-') {
        mantissa.replace(0, 1, "\xE2\x88\x92");
    }
    static constexpr const char* kSuperscripts[] = {"⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹"};
    std::string power = exponent < 0 ? "⁻" : "";
    for (const char digit : std::to_string(exponent < 0 ? -exponent : exponent)) {
        power += kSuperscripts[digit - '0'];
    }
    return mantissa + " × 10" + power;
}

}  // namespace

std::string formatDecimal(double value, int decimals) {
    if (!std::isfinite(value) || std::fabs(value) >= 1e15) {
        return scientificFrench(value);
    }
    if (std::fabs(value) < 0.5 * std::pow(10.0, -decimals)) {
        value = 0.0;
    }
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.*f", decimals, value);
    std::string out = buffer;
    if (out.find('.') != std::string::npos) {
        while (!out.empty() && out.back() == '0') {
            out.pop_back();
        }
        if (!out.empty() && out.back() == '.') {
            out.pop_back();
        }
    }
    std::replace(out.begin(), out.end(), '.', ',');
    if (!out.empty() && out.front() == '-') {
        out.replace(0, 1, "\xE2\x88\x92");  // a true minus sign, as French typesetting wants
    }
    return out;
}

std::string formatInteger(long long value) {
    const bool negative = value < 0;
    std::string digits = std::to_string(negative ? -value : value);
    std::string out;
    const std::size_t count = digits.size();
    for (std::size_t i = 0; i < count; ++i) {
        if (i > 0 && (count - i) % 3 == 0) {
            out += kNarrowNoBreakSpace;
        }
        out += digits[i];
    }
    return negative ? "-" + out : out;
}

std::string formatPercent(double ratio) {
    return std::to_string(static_cast<long long>(std::lround(ratio * 100.0))) + std::string(kNoBreakSpace) +
           "%";
}

std::size_t editDistance(std::string_view a, std::string_view b) {
    std::vector<std::size_t> previous(b.size() + 1);
    std::vector<std::size_t> current(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) {
        previous[j] = j;
    }
    for (std::size_t i = 1; i <= a.size(); ++i) {
        current[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
            current[j] = std::min({previous[j] + 1, current[j - 1] + 1, substitution});
        }
        std::swap(previous, current);
    }
    return previous[b.size()];
}

std::optional<std::string> closestMatch(std::string_view word, const std::vector<std::string>& candidates) {
    const std::string folded = foldForSearch(word);
    std::optional<std::string> best;
    std::size_t bestDistance = std::max<std::size_t>(2, word.size() / 3) + 1;
    for (const auto& candidate : candidates) {
        const std::size_t distance = editDistance(folded, foldForSearch(candidate));
        if (distance < bestDistance) {
            bestDistance = distance;
            best = candidate;
        }
    }
    return best;
}

std::string foldForSearch(std::string_view text) {
    struct Fold {
        std::string_view from;
        std::string_view to;
    };
    // The ligatures become two letters (« œuvre » is found by « oeuvre », and a file name keeps them).
    static constexpr Fold kFolds[] = {
        {"\xC3\xA0", "a"},  {"\xC3\xA2", "a"},  {"\xC3\xA4", "a"},  {"\xC3\xA7", "c"},  {"\xC3\xA8", "e"},
        {"\xC3\xA9", "e"},  {"\xC3\xAA", "e"},  {"\xC3\xAB", "e"},  {"\xC3\xAE", "i"},  {"\xC3\xAF", "i"},
        {"\xC3\xB4", "o"},  {"\xC3\xB6", "o"},  {"\xC3\xB9", "u"},  {"\xC3\xBB", "u"},  {"\xC3\xBC", "u"},
        {"\xC3\x80", "a"},  {"\xC3\x82", "a"},  {"\xC3\x87", "c"},  {"\xC3\x88", "e"},  {"\xC3\x89", "e"},
        {"\xC3\x8A", "e"},  {"\xC3\x8E", "i"},  {"\xC3\x94", "o"},  {"\xC3\x99", "u"},  {"\xC3\x9B", "u"},
        {"\xC3\x8B", "e"},  {"\xC3\x8F", "i"},  {"\xC3\x9C", "u"},  {"\xC3\xBF", "y"},  {"\xC5\xB8", "y"},
        {"\xC5\x93", "oe"}, {"\xC5\x92", "oe"}, {"\xC3\xA6", "ae"}, {"\xC3\x86", "ae"},
    };
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size();) {
        bool folded = false;
        for (const auto& fold : kFolds) {
            if (startsWith(text, i, fold.from)) {
                out += fold.to;
                i += fold.from.size();
                folded = true;
                break;
            }
        }
        if (folded) {
            continue;
        }
        const char c = text[i++];
        out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    }
    return out;
}

std::vector<std::string> splitParagraphs(std::string_view text) {
    std::vector<std::string> paragraphs;
    std::size_t start = 0;
    while (start <= text.size()) {
        std::size_t end = text.find("\n\n", start);
        if (end == std::string_view::npos) {
            end = text.size();
        }
        std::string_view paragraph = text.substr(start, end - start);
        while (!paragraph.empty() && (paragraph.front() == '\n' || paragraph.front() == ' ')) {
            paragraph.remove_prefix(1);
        }
        while (!paragraph.empty() && (paragraph.back() == '\n' || paragraph.back() == ' ')) {
            paragraph.remove_suffix(1);
        }
        if (!paragraph.empty()) {
            paragraphs.emplace_back(paragraph);
        }
        start = end + 2;
    }
    return paragraphs;
}

std::string guillemets(std::string_view text) {
    return "\xC2\xAB" + std::string(kNoBreakSpace) + std::string(text) + std::string(kNoBreakSpace) +
           "\xC2\xBB";
}

std::string formatFrenchDate(std::string_view isoDate) {
    static constexpr std::array<const char*, 12> kMonths{"janvier",   "février", "mars",     "avril",
                                                         "mai",       "juin",    "juillet",  "août",
                                                         "septembre", "octobre", "novembre", "décembre"};
    const auto digits = [&](std::size_t from, std::size_t count) -> std::optional<int> {
        int value = 0;
        for (std::size_t i = from; i < from + count; ++i) {
            if (isoDate[i] < '0' || isoDate[i] > '9') {
                return std::nullopt;
            }
            value = value * 10 + (isoDate[i] - '0');
        }
        return value;
    };
    if (isoDate.size() != 10 || isoDate[4] != '-' || isoDate[7] != '-') {
        return std::string(isoDate);
    }
    const auto year = digits(0, 4);
    const auto month = digits(5, 2);
    const auto day = digits(8, 2);
    if (!year || !month || !day || *month < 1 || *month > 12 || *day < 1 || *day > 31) {
        return std::string(isoDate);
    }
    return (*day == 1 ? std::string("1er") : std::to_string(*day)) + " " +
           kMonths[static_cast<std::size_t>(*month - 1)] + " " + std::to_string(*year);
}

std::string isoDateToNumeric(std::string_view isoDate) {
    const std::string french = formatFrenchDate(isoDate);
    if (french == isoDate) {
        return std::string(isoDate);  // not a valid ISO date
    }
    return std::string(isoDate.substr(8, 2)) + "/" + std::string(isoDate.substr(5, 2)) + "/" +
           std::string(isoDate.substr(0, 4));
}

std::string numericDateToIso(std::string_view numeric) {
    if (numeric.size() != 10 || numeric[2] != '/' || numeric[5] != '/') {
        return std::string(numeric);
    }
    const std::string iso = std::string(numeric.substr(6, 4)) + "-" + std::string(numeric.substr(3, 2)) +
                            "-" + std::string(numeric.substr(0, 2));
    return formatFrenchDate(iso) == iso ? std::string(numeric) : iso;
}

std::string formatLocalTimeNow(const char* strftimeFormat) {
    const std::time_t now = std::time(nullptr);
    const std::tm local = platform::localTime(now);
    char buffer[128];
    const std::size_t length = std::strftime(buffer, sizeof buffer, strftimeFormat, &local);
    return std::string(buffer, length);
}

std::string countNoun(long long count, std::string_view singular, std::string_view pluralForm) {
    return std::to_string(count) + " " + std::string(count > 1 ? pluralForm : singular);
}

std::string printableForTerminal(std::string_view text) {
    static constexpr char kHex[] = "0123456789ABCDEF";
    std::string out;
    out.reserve(text.size());
    const auto escapeByte = [&out](unsigned char byte) {
        out += "\\x";
        out += kHex[byte >> 4];
        out += kHex[byte & 15];
    };
    std::size_t i = 0;
    while (i < text.size()) {
        const auto lead = static_cast<unsigned char>(text[i]);
        if (lead < 0x80) {
            if (lead < 0x20 || lead == 0x7F) {
                escapeByte(lead);
            } else {
                out += static_cast<char>(lead);
            }
            ++i;
            continue;
        }
        const std::size_t length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC2 ? 2 : 0;
        if (length == 0 || i + length > text.size() || findInvalidUtf8(text.substr(i, length))) {
            escapeByte(lead);
            ++i;
            continue;
        }
        // U+0080–U+009F are terminal commands too (U+009B is the one-character CSI).
        if (lead == 0xC2 && static_cast<unsigned char>(text[i + 1]) < 0xA0) {
            escapeByte(lead);
            escapeByte(static_cast<unsigned char>(text[i + 1]));
        } else {
            out.append(text.substr(i, length));
        }
        i += length;
    }
    return out;
}

namespace {

bool isMonth(std::string_view word) {
    for (const char* month : {"janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
                              "septembre", "octobre", "novembre", "décembre"}) {
        if (word == month) {
            return true;
        }
    }
    return false;
}

bool allDigits(std::string_view word) {
    return !word.empty() &&
           std::all_of(word.begin(), word.end(), [](char c) { return c >= '0' && c <= '9'; });
}

}  // namespace

bool keepOnSameLine(std::string_view previous, std::string_view word) {
    if (previous.empty() || word.empty()) {
        return false;
    }
    for (const std::string_view closing : {":", ";", "!", "?", "\xC2\xBB", "%", "\xE2\x82\xAC"}) {
        if (word.starts_with(closing)) {
            return true;
        }
    }
    if (previous.ends_with("\xC2\xAB")) {  // « opening guillemet
        return true;
    }
    if ((allDigits(previous) || previous == "1er") && isMonth(word)) {
        return true;
    }
    return isMonth(previous) && word.size() == 4 && allDigits(word);
}

std::string toName(std::string_view name) {
    const auto rest = [&](std::size_t prefix) { return std::string(name.substr(prefix)); };
    if (name.starts_with("Les ") || name.starts_with("les ")) {
        return "aux " + rest(4);
    }
    if (name.starts_with("Le ") || name.starts_with("le ")) {
        return "au " + rest(3);
    }
    if (name.starts_with("La ") || name.starts_with("la ")) {
        return "à la " + rest(3);
    }
    if (name.starts_with("L’") || name.starts_with("l’")) {
        return "à l’" + rest(std::string_view("L’").size());
    }
    if (name.starts_with("L'") || name.starts_with("l'")) {
        return "à l’" + rest(2);
    }
    if (name.starts_with("Équipe ")) {
        return "à l’équipe " + rest(std::string_view("Équipe ").size());
    }
    return "à " + std::string(name);
}

std::string frenchList(const std::vector<std::string>& items) {
    std::string text;
    for (std::size_t i = 0; i < items.size(); ++i) {
        text += (i == 0 ? "" : i + 1 == items.size() ? " et " : ", ") + items[i];
    }
    return text;
}

}  // namespace passerelles

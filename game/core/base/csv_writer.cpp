// CSV cells and rows for exports (progress history, quizzes, workshop reports).
#include "core/base/csv_writer.hpp"

#include <algorithm>

#include "core/base/text.hpp"

namespace passerelles {

namespace {

bool startsLikeFormula(std::string_view cell) {
    return !cell.empty() && std::string_view("=+-@\t\r").find(cell.front()) != std::string_view::npos;
}

// "-12" or "-3,5" as csvNumber writes them: a spreadsheet reads a number, never a formula, so negative
// scores and shifts stay numbers one can add up.
bool isPlainNegativeNumber(std::string_view cell) {
    if (cell.size() < 2 || cell.front() != '-') {
        return false;
    }
    bool digitBefore = false;
    bool separatorSeen = false;
    for (std::size_t i = 1; i < cell.size(); ++i) {
        const char c = cell[i];
        if (c >= '0' && c <= '9') {
            digitBefore = true;
        } else if ((c == ',' || c == '.') && digitBefore && !separatorSeen && i + 1 < cell.size()) {
            separatorSeen = true;
            digitBefore = false;
        } else {
            return false;
        }
    }
    return digitBefore;
}

// Whether the cell gets the quote: it starts like a formula, perhaps after quotes of its own (which the
// importer must not take for ours), and is not a plain negative number.
bool needsFormulaMark(std::string_view cell) {
    const std::size_t quotes = std::min(cell.find_first_not_of('\''), cell.size());
    return startsLikeFormula(cell.substr(quotes)) && (quotes > 0 || !isPlainNegativeNumber(cell));
}

}  // namespace

std::string neutralisedCell(std::string_view cell) {
    return needsFormulaMark(cell) ? "'" + std::string(cell) : std::string(cell);
}

std::string_view withoutFormulaMark(std::string_view cell) {
    return cell.starts_with('\'') && needsFormulaMark(cell.substr(1)) ? cell.substr(1) : cell;
}

std::string csvCell(std::string_view raw) {
    const std::string neutral = neutralisedCell(raw);
    const std::string_view cell = neutral;
    const bool needsQuotes = cell.find_first_of(";\"\r\n") != std::string_view::npos ||
                             (!cell.empty() && (cell.front() == ' ' || cell.back() == ' '));
    if (!needsQuotes) {
        return std::string(cell);
    }
    std::string out = "\"";
    for (const char c : cell) {
        out += c == '"' ? std::string("\"\"") : std::string(1, c);
    }
    return out + "\"";
}

std::string csvNumber(double value, int decimals) {
    std::string text = formatDecimal(value, decimals);
    if (text.rfind("\xE2\x88\x92", 0) == 0) {
        text.replace(0, 3, "-");
    }
    return text;
}

void CsvWriter::row(const std::vector<std::string>& cells) {
    for (std::size_t i = 0; i < cells.size(); ++i) {
        text_ += (i == 0 ? "" : ";") + csvCell(cells[i]);
    }
    text_ += "\r\n";
}

}  // namespace passerelles

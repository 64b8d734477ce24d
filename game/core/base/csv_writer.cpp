// CSV cells and rows for exports (progress history, quizzes, workshop reports).
#include "core/base/csv_writer.hpp"

#include "core/base/text.hpp"

namespace passerelles {

std::string csvCell(std::string_view cell) {
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

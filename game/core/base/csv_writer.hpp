// Spreadsheet files as LibreOffice and Excel in a French locale read them: UTF-8 with BOM, ";", CRLF.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace passerelles {

// A cell, quoted (RFC 4180) when it holds ";", a quote, a line break, or spaces at its ends.
std::string csvCell(std::string_view cell);

// A number a French spreadsheet reads as a number: decimal comma, and the ASCII hyphen as minus sign
// (the typographic minus of the screens would turn the cell into text).
std::string csvNumber(double value, int decimals = 2);

class CsvWriter {
  public:
    CsvWriter() : text_("\xEF\xBB\xBF") {}  // the BOM makes spreadsheets read UTF-8 accents correctly
    void row(const std::vector<std::string>& cells);
    const std::string& text() const { return text_; }

  private:
    std::string text_;
};

}  // namespace passerelles

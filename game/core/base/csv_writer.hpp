// Spreadsheet files as LibreOffice and Excel in a French locale read them: UTF-8 with BOM, ";", CRLF.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace passerelles {

// A cell a spreadsheet would run as a formula (it starts with =, +, -, @, a tab or a carriage return)
// gets a leading single quote, as OWASP recommends against formula injection; a cell that is only a
// negative number ("-3,5", as csvNumber writes it) stays a number. A cell already starting with a quote
// before such a character gets a second one, so that withoutFormulaMark gives the text back exactly.
std::string neutralisedCell(std::string_view cell);

// The inverse of neutralisedCell, for the CSV importer: a quiz exported then imported keeps its texts.
std::string_view withoutFormulaMark(std::string_view cell);

// A cell neutralised, then quoted (RFC 4180) when it holds ";", a quote, a line break, or spaces at its
// ends.
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

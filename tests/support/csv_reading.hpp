// Reads back a CSV the program wrote (BOM, ";", RFC 4180 quotes, CRLF), as a spreadsheet would split it.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace passerelles::testing {

inline std::vector<std::vector<std::string>> readCsv(std::string_view text) {
    if (text.starts_with("\xEF\xBB\xBF")) {
        text.remove_prefix(3);
    }
    std::vector<std::vector<std::string>> rows(1);
    std::string cell;
    bool quoted = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (quoted) {
            if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
                cell += '"';
                ++i;
            } else if (c == '"') {
                quoted = false;
            } else {
                cell += c;
            }
        } else if (c == '"') {
            quoted = true;
        } else if (c == ';') {
            rows.back().push_back(std::move(cell));
            cell.clear();
        } else if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
            rows.back().push_back(std::move(cell));
            cell.clear();
            rows.emplace_back();
            ++i;
        } else {
            cell += c;
        }
    }
    if (rows.back().empty() && cell.empty()) {
        rows.pop_back();  // the last CRLF ends the last row
    } else {
        rows.back().push_back(std::move(cell));
    }
    return rows;
}

}  // namespace passerelles::testing

// What the trainer-format readers and writers share: input checks, spaces, messages, the final checks.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/formats/trainer_formats.hpp"

namespace passerelles::formats {

// Collects the problems of one file being imported, each with its line.
class ImportSession {
  public:
    explicit ImportSession(const ImportOptions& options) : options_(options) {}

    void error(int line, const std::string& message);
    void warning(int line, const std::string& message);
    const ImportOptions& options() const { return options_; }
    ImportResult& result() { return result_; }

  private:
    const ImportOptions& options_;
    ImportResult result_;
};

// The text to parse: size limit, byte order mark, UTF-8 (Windows-1252 is read as a fallback, with a
// warning), line endings turned into "\n", control characters removed. nullopt when the file cannot be
// read at all (reported).
std::optional<std::string> prepareInput(std::string_view raw, ImportSession& session);

// Reads the questions of a prepared text, reporting problems to the session.
using QuestionReader = std::vector<ImportedQuestion> (*)(std::string_view text, ImportSession& session);
// What every importer does around its own reading: prepare the input, read, then finishImport.
ImportResult runImport(std::string_view raw, const ImportOptions& options, QuestionReader read);

// Spaces as word processors and spreadsheets write them: space, tab, no-break and narrow no-break space.
std::string_view trimSpaces(std::string_view text);
// The pieces between any of `separators` (empty pieces included).
std::vector<std::string_view> splitOn(std::string_view text, std::string_view separators);
std::vector<std::string_view> splitLines(std::string_view text);
void appendUtf8(std::string& out, char32_t codePoint);  // a Unicode scalar value (no surrogate)

char optionLetter(std::size_t index);     // 'A', 'B', …
std::string optionId(std::size_t index);  // "a", "b", …
// The first words of a text, cut at `maxCharacters` characters with "…".
std::string excerpt(std::string_view text, std::size_t maxCharacters);
// "Question q07" when the file named it, else "Question « Les jumelages sont… »".
std::string questionSubject(const ImportedQuestion& question);

// "0,5", "2", "33.33333" (a French or English decimal, nothing else around it).
std::optional<double> parseDecimal(std::string_view text);

// Checks what every question needs (a statement, 2 to 6 options, a correct one), gives ids to those the
// file did not name, and returns the playable questions with every problem.
ImportResult finishImport(ImportSession& session, std::vector<ImportedQuestion> questions);

}  // namespace passerelles::formats

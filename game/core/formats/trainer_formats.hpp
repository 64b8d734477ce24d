// Trainer file formats: questions read from a spreadsheet (CSV), Moodle GIFT or Aiken, and a quiz
// written back out as GIFT or CSV. Reading never throws: every problem is a French diagnostic with the
// line of the source file.
#pragma once

#include <cstddef>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/base/diagnostics.hpp"
#include "core/content/content.hpp"

namespace passerelles {

enum class TrainerFormat { Csv, Gift, Aiken };

// "csv", "gift", "aiken" (any case); nullopt for anything else.
std::optional<TrainerFormat> trainerFormatNamed(std::string_view name);
const char* trainerFormatLabel(TrainerFormat format);  // "CSV", "GIFT", "Aiken"

// A source as a spreadsheet cell gives it: "cahier2020|4|question 1" or free text ("citation").
struct ImportedSource {
    std::string sourceId;
    std::string page;
    std::string section;
    std::string citation;  // free text that names no declared source

    bool empty() const { return sourceId.empty() && citation.empty(); }
};

// One question as the file gives it. A field left at nullopt is one the file does not carry: an update
// keeps what the pack had. A field given empty (an empty spreadsheet cell) clears it; the rule is the
// exception: an empty cell says nothing, so the question keeps its rule (or takes the quiz's).
struct ImportedQuestion {
    int line = 0;  // where the question starts in the source file
    std::string id;
    bool idFromFile = false;  // false: generated (q01, q02…), so it never replaces an existing question
    std::string text;
    std::vector<QuizOption> options;  // ids a, b, c… in the file's order
    std::optional<std::string> explanation;
    std::optional<ScoringRule> scoring;
    std::optional<double> points;
    std::optional<ImportedSource> source;
    std::optional<std::vector<std::string>> themes;     // ids or labels, as written
    std::optional<std::vector<std::string>> audiences;  // ids or labels, as written
    std::optional<int> difficulty;                      // 0 clears it
    std::optional<std::string> verifiedOn;              // AAAA-MM-JJ

    std::vector<int> correctIndices() const;
};

struct ImportOptions {
    std::string label = "questions";  // how the file is named in messages
    std::set<std::string> takenIds;   // ids of the quiz being updated: generated ids avoid them
    std::size_t maxBytes = 8u * 1024u * 1024u;
};

struct ImportResult {
    std::vector<ImportedQuestion>
        questions;               // only questions that can be played; those in error are left out
    Diagnostics problems;        // file = the label, line = the line in the source file
    std::string suggestedTitle;  // a quiz title the file gives (GIFT category), else empty
};

ImportResult importQuestions(TrainerFormat format, std::string_view text, const ImportOptions& options);
ImportResult importGift(std::string_view text, const ImportOptions& options);
ImportResult importAiken(std::string_view text, const ImportOptions& options);
ImportResult importCsv(std::string_view text, const ImportOptions& options);

struct ExportResult {
    std::string text;
    Diagnostics warnings;  // what the target cannot express (file = the quiz id, no line)
};

// Moodle GIFT, UTF-8. Partial multi-answer questions get weights Moodle accepts; all-or-nothing ones get
// the same weights and a "// Passerelles: all-or-nothing" line that importGift reads back.
ExportResult exportGift(const Pack& pack, const Quiz& quiz);
// The import columns, ";" separated, UTF-8 with BOM, CRLF, RFC 4180 quoting (LibreOffice and Excel in
// French open it as is).
ExportResult exportCsv(const Quiz& quiz);

// Whether the options have the ids an import gives them (a, b, c… in order): others do not survive a
// round trip through GIFT or CSV, and the exporters say so.
bool hasImportOptionIds(const Question& question);
// « question q07 : le champ "source" ne passe pas en GIFT et n'est pas exporté. » (`detail` appended),
// the warning every field a format cannot carry gets, per question; `field` is the schema's name.
Diagnostic lostFieldWarning(const Quiz& quiz, const Question& question, std::string_view field,
                            TrainerFormat format, std::string_view detail = {});

// The comment line that carries what GIFT cannot say: "// Passerelles: all-or-nothing".
inline constexpr std::string_view kGiftDirectivePrefix = "Passerelles:";

}  // namespace passerelles

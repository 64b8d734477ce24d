// Writes a quiz as a CSV spreadsheet with the import columns: ";" separated, UTF-8 with BOM, CRLF,
// RFC 4180 quoting, French decimals, so that LibreOffice and Excel (French locale) open it directly.
#include <cmath>

#include "core/base/csv_writer.hpp"
#include "core/base/text.hpp"
#include "core/formats/trainer_formats.hpp"

namespace passerelles {

namespace {

constexpr std::size_t kOptionColumns = 6;

std::string joined(const std::vector<std::string>& items) {
    std::string out;
    for (const auto& item : items) {
        out += (out.empty() ? "" : ", ") + item;
    }
    return out;
}

std::string sourceCell(const std::optional<SourceRef>& source) {
    if (!source) {
        return {};
    }
    std::string out = source->sourceId;
    if (!source->page.empty() || !source->section.empty()) {
        out += "|" + source->page;
    }
    if (!source->section.empty()) {
        out += "|" + source->section;
    }
    return out;
}

std::string correctCell(const Question& question) {
    std::vector<std::string> letters;
    for (std::size_t i = 0; i < question.options.size(); ++i) {
        if (question.options[i].correct) {
            letters.emplace_back(1, static_cast<char>('A' + i));
        }
    }
    return joined(letters);
}

}  // namespace

ExportResult exportCsv(const Quiz& quiz) {
    ExportResult result;
    std::vector<std::string> header = {"id", "question"};
    for (std::size_t i = 0; i < kOptionColumns; ++i) {
        header.push_back("réponse " + std::string(1, static_cast<char>('A' + i)));
    }
    header.insert(header.end(), {"bonnes réponses", "explication", "source", "thèmes", "publics",
                                 "difficulté", "vérifié le", "règle", "points"});
    for (std::size_t i = 0; i < kOptionColumns; ++i) {
        header.push_back("remarque " + std::string(1, static_cast<char>('A' + i)));
    }
    std::vector<std::vector<std::string>> rows = {header};
    for (const auto& question : quiz.questions) {
        std::vector<std::string> row = {question.id, question.text};
        for (std::size_t i = 0; i < kOptionColumns; ++i) {
            row.push_back(i < question.options.size() ? question.options[i].text : "");
        }
        const ItemTags& tags = question.tags;
        row.insert(row.end(), {correctCell(question), question.explanation, sourceCell(tags.source),
                               joined(tags.themes), joined(tags.audiences),
                               tags.difficulty > 0 ? std::to_string(tags.difficulty) : "", tags.verifiedOn,
                               question.scoring == ScoringRule::Partial ? "crédit partiel" : "tout ou rien",
                               csvNumber(question.points, 4)});
        for (std::size_t i = 0; i < kOptionColumns; ++i) {
            row.push_back(i < question.options.size() ? question.options[i].feedback : "");
        }
        // What the columns have no place for: each field named, so that nothing is lost without a word.
        const auto lost = [&](std::string_view field, std::string_view detail = {}) {
            result.warnings.add(lostFieldWarning(quiz, question, field, TrainerFormat::Csv, detail));
        };
        if (!hasImportOptionIds(question)) {
            lost("options.id", " (les options reviennent nommées a, b, c…)");
        }
        if (tags.source && !tags.source->lines.empty()) {
            lost("source.lines");
        }
        if (!question.shuffle) {
            lost("shuffle",
                 " (les options gardent leur ordre ici ; aucune colonne ne le dit : un réimport dans le même "
                 "pack le garde)");
        }
        if (!tags.image.empty()) {
            lost("image", " (" + guillemets(tags.image) + " : une cellule ne contient que du texte)");
        }
        if (std::fabs(question.points - std::round(question.points * 1e4) / 1e4) > 1e-9) {
            lost("points", " tel quel (arrondi à 4 décimales)");
        }
        rows.push_back(std::move(row));
    }
    CsvWriter writer;
    for (const auto& row : rows) {
        writer.row(row);
    }
    result.text = writer.text();
    return result;
}

}  // namespace passerelles

// Reads questions from a spreadsheet saved as CSV (LibreOffice, Excel): a header row naming the columns
// in French or English, ";" (or "," or tab, detected), RFC 4180 quotes, one question per row.
//
// Sections:
//   1. Records: quotes, doubled quotes, line breaks inside quotes
//   2. Columns: header names in French and English
//   3. Cells: correct letters, source, lists, difficulty, rule, points
//   4. The whole file
#include <algorithm>
#include <array>
#include <cctype>
#include <map>

#include "core/base/csv_writer.hpp"
#include "core/base/text.hpp"
#include "core/formats/trainer_format_support.hpp"
#include "core/loading/pack_reader.hpp"

namespace passerelles {

namespace {

using formats::ImportSession;
using formats::trimSpaces;

// ---------------------------------------------------------------------------------------------
// 1. Records
// ---------------------------------------------------------------------------------------------

struct Record {
    int line = 0;  // where the record starts in the file
    int row = 0;   // the spreadsheet's row number (differs from the line when a cell holds line breaks)
    std::vector<std::string> cells;
};

// The separator the header row uses most, outside quotes: ";" (French LibreOffice and Excel), "," or tab.
char detectSeparator(std::string_view text) {
    std::map<char, int> counts = {{';', 0}, {',', 0}, {'\t', 0}};
    bool quoted = false;
    for (const char c : text) {
        if (c == '"') {
            quoted = !quoted;
        } else if (!quoted && c == '\n') {
            break;
        } else if (!quoted && counts.contains(c)) {
            ++counts[c];
        }
    }
    char best = ';';
    for (const auto& [separator, count] : counts) {
        if (count > counts[best]) {
            best = separator;
        }
    }
    return best;
}

std::vector<Record> readRecords(std::string_view text, char separator, ImportSession& session) {
    std::vector<Record> records;
    Record record{1, 1, {}};
    std::string cell;
    int line = 1;
    std::size_t i = 0;
    const auto endCell = [&] {
        record.cells.push_back(std::move(cell));
        cell.clear();
    };
    while (i < text.size()) {
        if (text[i] == '"' && cell.empty()) {
            const int openedAt = line;
            ++i;
            bool closed = false;
            while (i < text.size()) {
                if (text[i] == '"' && i + 1 < text.size() && text[i + 1] == '"') {
                    cell += '"';
                    i += 2;
                } else if (text[i] == '"') {
                    ++i;
                    closed = true;
                    break;
                } else {
                    line += text[i] == '\n' ? 1 : 0;
                    cell += text[i++];
                }
            }
            if (!closed) {
                session.error(openedAt,
                              "Un guillemet \" ouvert à cette ligne n'est jamais refermé : la fin du "
                              "fichier est lue comme une seule cellule. Vérifiez les guillemets.");
            }
            continue;
        }
        if (text[i] == separator) {
            endCell();
        } else if (text[i] == '\n') {
            endCell();
            records.push_back(std::move(record));
            record = Record{++line, static_cast<int>(records.size()) + 1, {}};
        } else {
            cell += text[i];
        }
        ++i;
    }
    if (!cell.empty() || !record.cells.empty()) {
        endCell();
        records.push_back(std::move(record));
    }
    return records;
}

// ---------------------------------------------------------------------------------------------
// 2. Columns
// ---------------------------------------------------------------------------------------------

enum class Column {
    Id,
    Question,
    Option,
    Correct,
    Explanation,
    Source,
    Themes,
    Audiences,
    Difficulty,
    VerifiedOn,
    Scoring,
    Points,
    Feedback
};

struct ColumnName {
    Column column = Column::Question;
    std::size_t letter = 0;  // for Option and Feedback: 0 for A
};

// "Réponse_A", "bonnes réponse(s)", "THÈMES" → "reponse a", "bonnes reponse", "themes"
std::string normaliseHeader(std::string_view header) {
    std::string folded = foldForSearch(trimSpaces(header));
    for (auto at = folded.find("(s)"); at != std::string::npos; at = folded.find("(s)")) {
        folded.erase(at, 3);
    }
    std::string out;
    for (const char c : folded) {
        const bool space = c == ' ' || c == '_' || c == '-' || c == '\'' || c == ':' || c == '.';
        if (space) {
            if (!out.empty() && out.back() != ' ') {
                out += ' ';
            }
        } else {
            out += c;
        }
    }
    while (!out.empty() && out.back() == ' ') {
        out.pop_back();
    }
    return out;
}

std::optional<ColumnName> columnNamed(std::string_view header) {
    static const std::map<std::string, Column> kNames = {
        {"id", Column::Id},
        {"identifiant", Column::Id},
        {"question", Column::Question},
        {"enonce", Column::Question},
        {"intitule", Column::Question},
        {"texte", Column::Question},
        {"correct", Column::Correct},
        {"corrects", Column::Correct},
        {"correcte", Column::Correct},
        {"correctes", Column::Correct},
        {"bonne reponse", Column::Correct},
        {"bonnes reponse", Column::Correct},
        {"bonnes reponses", Column::Correct},
        {"reponse correcte", Column::Correct},
        {"reponses correctes", Column::Correct},
        {"answer", Column::Correct},
        {"answers", Column::Correct},
        {"correct answer", Column::Correct},
        {"correct answers", Column::Correct},
        {"solution", Column::Correct},
        {"solutions", Column::Correct},
        {"explanation", Column::Explanation},
        {"explication", Column::Explanation},
        {"explications", Column::Explanation},
        {"feedback", Column::Explanation},
        {"feedback general", Column::Explanation},
        {"source", Column::Source},
        {"sources", Column::Source},
        {"themes", Column::Themes},
        {"theme", Column::Themes},
        {"audiences", Column::Audiences},
        {"audience", Column::Audiences},
        {"publics", Column::Audiences},
        {"public", Column::Audiences},
        {"difficulty", Column::Difficulty},
        {"difficulte", Column::Difficulty},
        {"niveau", Column::Difficulty},
        {"verifie le", Column::VerifiedOn},
        {"verifiedon", Column::VerifiedOn},
        {"verified on", Column::VerifiedOn},
        {"date de verification", Column::VerifiedOn},
        {"scoring", Column::Scoring},
        {"regle", Column::Scoring},
        {"regle de score", Column::Scoring},
        {"notation", Column::Scoring},
        {"bareme", Column::Scoring},
        {"points", Column::Points},
        {"point", Column::Points},
    };
    const std::string name = normaliseHeader(header);
    if (const auto found = kNames.find(name); found != kNames.end()) {
        return ColumnName{found->second, 0};
    }
    // "A", "réponse B", "option C" / "remarque A", "feedback B"
    const auto letterAtEnd = [&](std::string_view prefix) -> std::optional<std::size_t> {
        if (name.size() != prefix.size() + 1 || !name.starts_with(prefix) || name.back() < 'a' ||
            name.back() > 'f') {
            return std::nullopt;
        }
        return static_cast<std::size_t>(name.back() - 'a');
    };
    for (const std::string_view prefix :
         {"", "reponse ", "option ", "choix ", "proposition ", "answer ", "reponse possible "}) {
        if (const auto letter = letterAtEnd(prefix)) {
            return ColumnName{Column::Option, *letter};
        }
    }
    for (const std::string_view prefix : {"remarque ", "feedback ", "commentaire ", "retroaction "}) {
        if (const auto letter = letterAtEnd(prefix)) {
            return ColumnName{Column::Feedback, *letter};
        }
    }
    return std::nullopt;
}

// Where each kind of column is; -1 when the file has no such column.
struct Layout {
    std::map<Column, int> columns;
    std::array<int, 6> options = {-1, -1, -1, -1, -1, -1};
    std::array<int, 6> feedback = {-1, -1, -1, -1, -1, -1};

    int at(Column column) const {
        const auto found = columns.find(column);
        return found == columns.end() ? -1 : found->second;
    }
};

std::optional<Layout> readHeader(const Record& header, ImportSession& session) {
    Layout layout;
    for (std::size_t i = 0; i < header.cells.size(); ++i) {
        const std::string title(trimSpaces(header.cells[i]));
        if (title.empty()) {
            continue;
        }
        const auto name = columnNamed(title);
        if (!name) {
            session.warning(
                header.line,
                "La colonne " + guillemets(title) +
                    " n'est pas connue : elle est ignorée. Colonnes comprises : "
                    "question, réponse A à F, bonnes réponses, explication, source, "
                    "thèmes, publics, id, difficulté, vérifié le, règle, points, remarque A à F.");
            continue;
        }
        int* slot = name->column == Column::Option     ? &layout.options[name->letter]
                    : name->column == Column::Feedback ? &layout.feedback[name->letter]
                                                       : nullptr;
        const bool taken = slot != nullptr ? *slot >= 0 : layout.columns.contains(name->column);
        if (taken) {
            session.warning(header.line, "La colonne " + guillemets(title) +
                                             " fait double emploi avec une colonne plus à gauche : elle est "
                                             "ignorée.");
            continue;
        }
        if (slot != nullptr) {
            *slot = static_cast<int>(i);
        } else {
            layout.columns[name->column] = static_cast<int>(i);
        }
    }
    const int optionColumns = static_cast<int>(
        std::count_if(layout.options.begin(), layout.options.end(), [](int c) { return c >= 0; }));
    if (layout.at(Column::Question) < 0 || layout.at(Column::Correct) < 0 || optionColumns < 2) {
        session.error(header.line,
                      "La première ligne doit nommer les colonnes : au moins « question », deux colonnes de "
                      "réponses (« réponse A », « réponse B »…) et « bonnes réponses ». Partez du modèle "
                      "content/modele-questions.csv.");
        return std::nullopt;
    }
    return layout;
}

// ---------------------------------------------------------------------------------------------
// 3. Cells
// ---------------------------------------------------------------------------------------------

std::string withPlainSpaces(std::string_view text) {
    std::string out(text);
    for (const std::string_view space : {kNoBreakSpace, kNarrowNoBreakSpace}) {
        for (auto at = out.find(space); at != std::string::npos; at = out.find(space)) {
            out.replace(at, space.size(), " ");
        }
    }
    return out;
}

// "A,C", "AC", "a c", "A et C", "1, 3" → column indices; nullopt when something else is written.
std::optional<std::vector<std::size_t>> correctLetters(std::string_view cell) {
    std::string text = foldForSearch(withPlainSpaces(cell));
    for (auto at = text.find(" et "); at != std::string::npos; at = text.find(" et ")) {
        text.replace(at, 4, ",");
    }
    std::vector<std::size_t> letters;
    for (const char c : text) {
        if (c >= 'a' && c <= 'f') {
            letters.push_back(static_cast<std::size_t>(c - 'a'));
        } else if (c >= '1' && c <= '6') {
            letters.push_back(static_cast<std::size_t>(c - '1'));
        } else if (std::string_view(" ,;/+.\t").find(c) == std::string_view::npos) {
            return std::nullopt;
        }
    }
    std::sort(letters.begin(), letters.end());
    letters.erase(std::unique(letters.begin(), letters.end()), letters.end());
    return letters;
}

// "Guide de la DAECT, 2020, p. 4" → citation "Guide de la DAECT, 2020" and page "4", so that rows citing
// other pages of the same document share one source.
void splitTrailingPage(ImportedSource& source) {
    const std::string& text = source.citation;
    std::size_t digits = text.size();
    while (digits > 0 && std::isdigit(static_cast<unsigned char>(text[digits - 1]))) {
        --digits;
    }
    if (digits == text.size()) {
        return;
    }
    const std::string before = foldForSearch(std::string_view(text).substr(0, digits));
    for (const std::string_view marker : {"p. ", "p.", "p ", "page ", "pages "}) {
        if (!before.ends_with(marker)) {
            continue;
        }
        const std::size_t start = digits - marker.size();
        if (start > 0 && std::isalpha(static_cast<unsigned char>(text[start - 1]))) {
            return;  // "Cap 4" is not a page
        }
        std::string_view rest = trimSpaces(std::string_view(text).substr(0, start));
        while (!rest.empty() && (rest.back() == ',' || rest.back() == ';' || rest.back() == ' ')) {
            rest.remove_suffix(1);
        }
        if (!rest.empty()) {
            source.page = text.substr(digits);
            source.citation = std::string(rest);
        }
        return;
    }
}

// "cahier2020|4|question 1" → a reference; "cahier2020" alone → a reference without page; anything else is
// a citation in the trainer's words.
ImportedSource sourceCell(std::string_view cell) {
    ImportedSource source;
    const auto bar = cell.find('|');
    const std::string first(trimSpaces(cell.substr(0, bar)));
    if (!isValidId(first)) {
        source.citation = std::string(cell);
        splitTrailingPage(source);
        return source;
    }
    source.sourceId = first;
    if (bar != std::string_view::npos) {
        const auto rest = cell.substr(bar + 1);
        const auto second = rest.find('|');
        source.page = std::string(trimSpaces(rest.substr(0, second)));
        if (second != std::string_view::npos) {
            source.section = std::string(trimSpaces(rest.substr(second + 1)));
        }
    }
    return source;
}

std::vector<std::string> listCell(std::string_view cell) {
    std::vector<std::string> items;
    for (const auto piece : formats::splitOn(cell, ",;")) {
        if (const auto item = trimSpaces(piece); !item.empty()) {
            items.emplace_back(item);
        }
    }
    return items;
}

std::optional<int> difficultyCell(std::string_view cell) {
    const std::string folded = foldForSearch(trimSpaces(cell));
    static const std::map<std::string, int> kValues = {
        {"", 0}, {"1", 1}, {"2", 2}, {"3", 3}, {"facile", 1}, {"moyen", 2}, {"moyenne", 2}, {"difficile", 3}};
    const auto found = kValues.find(folded);
    return found == kValues.end() ? std::nullopt : std::optional<int>(found->second);
}

enum class RuleCell { Empty, Partial, AllOrNothing, Unknown };

RuleCell scoringCell(std::string_view cell) {
    const std::string folded = normaliseHeader(cell);
    if (folded.empty()) {
        return RuleCell::Empty;  // the quiz's rule applies
    }
    if (folded == "partial" || folded == "partiel" || folded == "credit partiel") {
        return RuleCell::Partial;
    }
    if (folded == "all or nothing" || folded == "tout ou rien") {
        return RuleCell::AllOrNothing;
    }
    return RuleCell::Unknown;
}

class RowReader {
  public:
    RowReader(const Record& record, const Layout& layout, ImportSession& session)
        : record_(record),
          layout_(layout),
          session_(session),
          where_("Rangée " + std::to_string(record.row)) {}

    std::optional<ImportedQuestion> read() {
        ImportedQuestion question;
        question.line = record_.line;
        question.text = cell(layout_.at(Column::Question));
        if (const std::string id = cell(layout_.at(Column::Id)); !id.empty()) {
            question.id = id;
            question.idFromFile = true;
        }
        if (!readOptions(question)) {
            return std::nullopt;
        }
        const auto given = [&](Column column) { return layout_.at(column) >= 0; };
        if (given(Column::Explanation)) {
            question.explanation = cell(layout_.at(Column::Explanation));
        }
        if (given(Column::Source)) {
            question.source = sourceCell(cell(layout_.at(Column::Source)));
        }
        if (given(Column::Themes)) {
            question.themes = listCell(cell(layout_.at(Column::Themes)));
        }
        if (given(Column::Audiences)) {
            question.audiences = listCell(cell(layout_.at(Column::Audiences)));
        }
        if (given(Column::Difficulty)) {
            const std::string text = cell(layout_.at(Column::Difficulty));
            question.difficulty = difficultyCell(text);
            if (!question.difficulty) {
                session_.warning(record_.line,
                                 where_ + " : la difficulté " + guillemets(text) +
                                     " n'est pas comprise (1, 2, 3, facile, moyen ou difficile) ; "
                                     "elle est ignorée.");
            }
        }
        if (given(Column::VerifiedOn)) {
            readVerifiedOn(question);
        }
        if (given(Column::Scoring)) {
            const std::string text = cell(layout_.at(Column::Scoring));
            const RuleCell rule = scoringCell(text);
            if (rule == RuleCell::Unknown) {
                session_.error(record_.line,
                               where_ + " : la règle " + guillemets(text) +
                                   " n'est pas comprise ; écrivez « crédit partiel » ou « tout ou "
                                   "rien » (ou laissez vide). La question n'est pas importée.");
                return std::nullopt;
            }
            if (rule != RuleCell::Empty) {
                question.scoring =
                    rule == RuleCell::Partial ? ScoringRule::Partial : ScoringRule::AllOrNothing;
            }
        }
        if (given(Column::Points)) {
            readPoints(question);
        }
        return question;
    }

  private:
    std::string cell(int column) const {
        if (column < 0 || column >= static_cast<int>(record_.cells.size())) {
            return {};
        }
        // A cell our exports neutralised against formula injection (see csvCell) reads back as written.
        return std::string(trimSpaces(withoutFormulaMark(record_.cells[static_cast<std::size_t>(column)])));
    }

    bool readOptions(ImportedQuestion& question) {
        std::array<int, 6> indexOfLetter = {-1, -1, -1, -1, -1, -1};
        char gap = 0;  // the first empty option column, until a filled one follows it
        for (std::size_t letter = 0; letter < 6; ++letter) {
            const std::string text = cell(layout_.options[letter]);
            if (text.empty()) {
                gap = gap == 0 ? formats::optionLetter(letter) : gap;
                continue;
            }
            if (gap != 0 && question.options.size() < letter) {
                session_.warning(record_.line,
                                 where_ + " : la réponse " + std::string(1, gap) +
                                     " est vide ; les réponses suivantes remontent d'une lettre "
                                     "(le joueur les voit sous A, B, C… sans trou).");
                gap = 0;
            }
            indexOfLetter[letter] = static_cast<int>(question.options.size());
            question.options.push_back(
                {formats::optionId(question.options.size()), text, cell(layout_.feedback[letter]), false});
        }
        const std::string written = cell(layout_.at(Column::Correct));
        const auto letters = correctLetters(written);
        if (written.empty() || !letters || letters->empty()) {
            session_.error(record_.line,
                           where_ + " : " +
                               (written.empty() ? std::string("la colonne « bonnes réponses » est vide")
                                                : "les bonnes réponses " + guillemets(written) +
                                                      " ne sont pas comprises") +
                               " ; écrivez la ou les lettres des bonnes réponses, par exemple « B » ou "
                               "« A, C ». La question n'est pas importée.");
            return false;
        }
        for (const std::size_t letter : *letters) {
            if (indexOfLetter[letter] < 0) {
                session_.error(record_.line, where_ + " : la bonne réponse " +
                                                 std::string(1, formats::optionLetter(letter)) +
                                                 " n'a pas de texte. La question n'est pas importée.");
                return false;
            }
            question.options[static_cast<std::size_t>(indexOfLetter[letter])].correct = true;
        }
        return true;
    }

    // "2024-11-30", or "30/11/2024" as Excel rewrites dates in a French locale.
    void readVerifiedOn(ImportedQuestion& question) {
        std::string date = cell(layout_.at(Column::VerifiedOn));
        if (date.size() == 10 && date[2] == '/' && date[5] == '/') {
            date = date.substr(6, 4) + "-" + date.substr(3, 2) + "-" + date.substr(0, 2);
        }
        if (!date.empty() && !isValidDate(date)) {
            session_.warning(record_.line,
                             where_ + " : la date de vérification " + guillemets(date) +
                                 " n'est pas une date AAAA-MM-JJ (par exemple 2024-11-30) ; elle "
                                 "est ignorée.");
            return;
        }
        question.verifiedOn = date;
    }

    void readPoints(ImportedQuestion& question) {
        const std::string text = cell(layout_.at(Column::Points));
        if (text.empty()) {
            question.points = 1.0;
            return;
        }
        const auto points = formats::parseDecimal(text);
        if (!points || *points <= 0 || *points > 100) {
            session_.warning(record_.line,
                             where_ + " : les points " + guillemets(text) +
                                 " ne sont pas compris (un nombre entre 0 et 100, par exemple 2 "
                                 "ou 0,5) ; la question vaut 1 point.");
            return;
        }
        question.points = *points;
    }

    const Record& record_;
    const Layout& layout_;
    ImportSession& session_;
    std::string where_;
};

// ---------------------------------------------------------------------------------------------
// 4. The whole file
// ---------------------------------------------------------------------------------------------

std::vector<ImportedQuestion> readCsvQuestions(std::string_view text, ImportSession& session) {
    std::vector<Record> records = readRecords(text, detectSeparator(text), session);
    const auto blank = [](const Record& record) {
        return std::all_of(record.cells.begin(), record.cells.end(),
                           [](const std::string& cell) { return trimSpaces(cell).empty(); });
    };
    std::erase_if(records, blank);
    if (records.empty()) {
        session.error(0, "Le fichier est vide : il faut une ligne d'en-tête puis une question par ligne.");
        return {};
    }
    const auto layout = readHeader(records.front(), session);
    if (!layout) {
        return {};
    }
    if (records.size() == 1) {
        session.error(records.front().line, "Le fichier n'a que sa ligne d'en-tête : aucune question.");
    }
    std::vector<ImportedQuestion> questions;
    for (std::size_t i = 1; i < records.size(); ++i) {
        RowReader reader(records[i], *layout, session);
        if (auto question = reader.read()) {
            questions.push_back(std::move(*question));
        }
    }
    return questions;
}

}  // namespace

ImportResult importCsv(std::string_view raw, const ImportOptions& options) {
    return formats::runImport(raw, options, readCsvQuestions);
}

}  // namespace passerelles

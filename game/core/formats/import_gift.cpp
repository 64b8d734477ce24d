// Reads Moodle GIFT files: multiple choice (one or several right answers, weights), true/false,
// categories, comments, titles, format tags, escapes; other question types are skipped with a warning.
//
// Sections:
//   1. Escapes and text formats ([html], [markdown]…)
//   2. Blocks: questions separated by blank lines, comments, "// Passerelles:" directives
//   3. One question: title, statement, answer block, question type
//   4. Multiple choice and its weights, true/false
//   5. The whole file
#include <algorithm>
#include <cctype>
#include <cmath>
#include <map>
#include <set>

#include "core/base/text.hpp"
#include "core/formats/trainer_format_support.hpp"
#include "core/loading/pack_reader.hpp"

namespace passerelles {

namespace {

using formats::excerpt;
using formats::ImportSession;
using formats::trimSpaces;

// ---------------------------------------------------------------------------------------------
// 1. Escapes and text formats
// ---------------------------------------------------------------------------------------------

// While a block is parsed, each escaped character (\~ \= \# \{ \} \: \\) stands as a control character
// (prepareInput removed the real ones), so that no GIFT marker is ever found inside an escape.
constexpr std::string_view kEscapable = "\\~=#{}:";
constexpr char kFirstPlaceholder = '\x10';

std::string protectEscapes(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '\\' && i + 1 < text.size()) {
            const char next = text[i + 1];
            const auto escaped = kEscapable.find(next);
            if (escaped != std::string_view::npos) {
                out += static_cast<char>(kFirstPlaceholder + static_cast<char>(escaped));
                ++i;
                continue;
            }
            if (next == 'n') {
                out += '\n';
                ++i;
                continue;
            }
        }
        out += text[i];
    }
    return out;
}

std::string restoreEscapes(std::string_view text) {
    std::string out(text);
    for (char& c : out) {
        if (c >= kFirstPlaceholder && c < kFirstPlaceholder + static_cast<char>(kEscapable.size())) {
            c = kEscapable[static_cast<std::size_t>(c - kFirstPlaceholder)];
        }
    }
    return out;
}

enum class TextFormat { Moodle, Html, Plain, Markdown };

// A leading "[html]", "[markdown]"… tag: removed, and its format returned (else `fallback`).
TextFormat takeFormatTag(std::string& text, TextFormat fallback) {
    static const std::map<std::string, TextFormat> kTags = {{"[moodle]", TextFormat::Moodle},
                                                            {"[html]", TextFormat::Html},
                                                            {"[plain]", TextFormat::Plain},
                                                            {"[markdown]", TextFormat::Markdown}};
    for (const auto& [tag, format] : kTags) {
        if (text.starts_with(tag)) {
            text.erase(0, tag.size());
            return format;
        }
    }
    return fallback;
}

// A named or numeric entity as text. A number that names no character (0, a control character, a UTF-16
// surrogate such as &#xD800;, beyond U+10FFFF) would make the text invalid UTF-8: it is left as written
// and added to `unknown`, so that the trainer is told where.
std::string decodeEntity(std::string_view entity, std::set<std::string>& unknown) {
    static const std::map<std::string_view, std::string_view> kNamed = {
        {"amp", "&"},          {"lt", "<"},           {"gt", ">"},
        {"quot", "\""},        {"apos", "'"},         {"nbsp", "\xC2\xA0"},
        {"laquo", "\xC2\xAB"}, {"raquo", "\xC2\xBB"}, {"rsquo", "\xE2\x80\x99"}};
    if (const auto found = kNamed.find(entity); found != kNamed.end()) {
        return std::string(found->second);
    }
    const std::string written = "&" + std::string(entity) + ";";
    if (entity.size() > 1 && entity[0] == '#') {
        const bool hex = entity[1] == 'x' || entity[1] == 'X';
        const std::string digits(entity.substr(hex ? 2 : 1));
        char* end = nullptr;
        const long value = std::strtol(digits.c_str(), &end, hex ? 16 : 10);
        const bool control = value < 0x20 || (value >= 0x7F && value < 0xA0);
        const bool surrogate = value >= 0xD800 && value <= 0xDFFF;
        if (!digits.empty() && *end == '\0' && !control && !surrogate && value <= 0x10FFFF) {
            std::string out;
            formats::appendUtf8(out, static_cast<char32_t>(value));
            return out;
        }
        if (!digits.empty() && *end == '\0') {
            unknown.insert(written);
        }
    }
    return written;
}

// HTML as Moodle's editor writes it, turned into Passerelles text: paragraphs, line breaks and list items
// are kept; other tags are removed and named in `lostTags` so that the trainer is told.
std::string htmlToText(std::string_view html, bool newlinesAreSpaces, std::set<std::string>& lostTags,
                       std::set<std::string>& unknownEntities) {
    static const std::set<std::string> kSilent = {"p", "div", "br", "ul", "ol", "li", "span"};
    std::string out;
    for (std::size_t i = 0; i < html.size(); ++i) {
        const char c = html[i];
        if (c == '<' && i + 1 < html.size() &&
            (std::isalpha(static_cast<unsigned char>(html[i + 1])) || html[i + 1] == '/' ||
             html[i + 1] == '!')) {
            const std::size_t close = html.find('>', i);
            if (close != std::string_view::npos) {
                std::string_view tag = html.substr(i + 1, close - i - 1);
                const bool closing = !tag.empty() && tag.front() == '/';
                if (closing) {
                    tag.remove_prefix(1);
                }
                std::string name;
                for (const char t : tag) {
                    if (!std::isalnum(static_cast<unsigned char>(t))) {
                        break;
                    }
                    name += static_cast<char>(std::tolower(static_cast<unsigned char>(t)));
                }
                if (name == "br") {
                    out += '\n';
                } else if (name == "p" || name == "div") {
                    out += "\n\n";
                } else if (name == "li" && !closing) {
                    out += "\n- ";
                } else if (name == "ul" || name == "ol" || name == "li") {
                    out += '\n';
                } else if (!kSilent.contains(name) && !name.empty()) {
                    lostTags.insert(name);
                }
                i = close;
                continue;
            }
        }
        if (c == '&') {
            const std::size_t semicolon = html.find(';', i);
            if (semicolon != std::string_view::npos && semicolon - i <= 10) {  // up to &#x10FFFF;
                out += decodeEntity(html.substr(i + 1, semicolon - i - 1), unknownEntities);
                i = semicolon;
                continue;
            }
        }
        out += (newlinesAreSpaces && c == '\n') ? ' ' : c;
    }
    // Tidy what the tags left: spaces around line breaks, no more than one blank line in a row.
    std::string tidy;
    for (const auto line : formats::splitLines(out)) {
        const auto trimmed = trimSpaces(line);
        if (trimmed.empty() && (tidy.empty() || tidy.ends_with("\n\n"))) {
            continue;
        }
        tidy += std::string(trimmed) + "\n";
    }
    while (!tidy.empty() && tidy.back() == '\n') {
        tidy.pop_back();
    }
    return tidy;
}

// Final text of a statement, an answer or a feedback, with its format tag (if any) removed.
class TextReader {
  public:
    TextFormat questionFormat = TextFormat::Moodle;
    std::set<std::string> lostTags;
    std::set<std::string> unknownEntities;  // numeric entities naming no character, left as written

    std::string read(std::string_view raw) {
        std::string text(trimBlank(raw));
        const TextFormat format = takeFormatTag(text, questionFormat);
        text = restoreEscapes(trimBlank(text));
        if (format == TextFormat::Plain || format == TextFormat::Markdown) {
            return text;
        }
        return htmlToText(text, format == TextFormat::Html, lostTags, unknownEntities);
    }

  private:
    // Spaces and line breaks around a text (an answer ends where the next line starts).
    static std::string_view trimBlank(std::string_view text) {
        for (std::string_view previous; previous.size() != text.size();) {
            previous = text;
            text = trimSpaces(text);
            while (!text.empty() && text.front() == '\n') {
                text.remove_prefix(1);
            }
            while (!text.empty() && text.back() == '\n') {
                text.remove_suffix(1);
            }
        }
        return text;
    }
};

// ---------------------------------------------------------------------------------------------
// 2. Blocks
// ---------------------------------------------------------------------------------------------

struct Directive {
    int line = 0;
    std::string text;  // after "Passerelles:"
};

struct Block {
    int firstLine = 0;
    std::vector<std::string> lines;  // trimmed, escapes protected
    std::vector<Directive> directives;
};

// Questions are separated by blank lines, as Moodle reads them (even inside { }).
std::vector<Block> splitBlocks(std::string_view text) {
    std::vector<Block> blocks;
    Block current;
    std::vector<Directive> pending;
    const auto close = [&] {
        if (!current.lines.empty()) {
            blocks.push_back(std::move(current));
        }
        current = Block{};
    };
    int lineNumber = 0;
    for (const auto raw : formats::splitLines(text)) {
        ++lineNumber;
        const auto line = trimSpaces(raw);
        if (line.empty()) {
            close();
            continue;
        }
        if (line.starts_with("//")) {
            const auto comment = trimSpaces(line.substr(2));
            if (foldForSearch(comment.substr(0, kGiftDirectivePrefix.size())) ==
                foldForSearch(kGiftDirectivePrefix)) {
                pending.push_back(
                    {lineNumber, std::string(trimSpaces(comment.substr(kGiftDirectivePrefix.size())))});
            }
            continue;
        }
        if (current.lines.empty()) {
            current.firstLine = lineNumber;
            current.directives = std::move(pending);
            pending.clear();
        }
        current.lines.push_back(protectEscapes(line));
    }
    close();
    return blocks;
}

// ---------------------------------------------------------------------------------------------
// 3. One question
// ---------------------------------------------------------------------------------------------

enum class QuestionType { MultipleChoice, TrueFalse, ShortAnswer, Numerical, Matching, Essay, Cloze };

const char* unsupportedTypeName(QuestionType type) {
    switch (type) {
        case QuestionType::ShortAnswer:
            return "à réponse courte";
        case QuestionType::Numerical:
            return "numérique";
        case QuestionType::Matching:
            return "d'appariement";
        case QuestionType::Essay:
            return "ouverte (composition)";
        case QuestionType::Cloze:
            return "à réponses intégrées (cloze)";
        default:
            return "";
    }
}

// The same decision as Moodle's importer, so that a file means here what it means there.
QuestionType questionType(std::string_view answers) {
    if (answers.empty()) {
        return QuestionType::Essay;
    }
    if (answers.front() == '#') {
        return QuestionType::Numerical;
    }
    const auto colon = answers.find(':');
    if (colon != std::string_view::npos && colon + 1 < answers.size() &&
        std::all_of(answers.begin(), answers.begin() + static_cast<std::ptrdiff_t>(colon),
                    [](char c) { return std::isdigit(static_cast<unsigned char>(c)); }) &&
        std::isupper(static_cast<unsigned char>(answers[colon + 1]))) {
        return QuestionType::Cloze;
    }
    if (answers.find('~') != std::string_view::npos) {
        return QuestionType::MultipleChoice;
    }
    if (answers.find('=') != std::string_view::npos && answers.find("->") != std::string_view::npos) {
        return QuestionType::Matching;
    }
    std::string keyword(trimSpaces(answers.substr(0, answers.find('#'))));
    std::transform(keyword.begin(), keyword.end(), keyword.begin(),
                   [](char c) { return static_cast<char>(std::toupper(static_cast<unsigned char>(c))); });
    if (keyword == "T" || keyword == "TRUE" || keyword == "F" || keyword == "FALSE") {
        return QuestionType::TrueFalse;
    }
    return QuestionType::ShortAnswer;
}

struct GiftAnswer {
    std::string text;
    std::string feedback;
    double weight = 0.0;  // percent
    bool equals = false;  // written "=answer"
};

std::string percent(double value) {
    return formatDecimal(value, 2) + std::string(kNoBreakSpace) + "%";
}

// "~%-33.33333%text" → weight and text; a malformed weight stays in the text, as Moodle does.
GiftAnswer readAnswer(char marker, std::string_view body, TextReader& reader) {
    GiftAnswer answer;
    answer.equals = marker == '=';
    answer.weight = answer.equals ? 100.0 : 0.0;
    body = trimSpaces(body);
    if (!answer.equals && body.starts_with('%')) {
        const auto end = body.find('%', 1);
        if (end != std::string_view::npos) {
            if (const auto weight = formats::parseDecimal(body.substr(1, end - 1))) {
                answer.weight = *weight;
                body.remove_prefix(end + 1);
            }
        }
    }
    const auto hash = body.find('#');
    answer.text = reader.read(body.substr(0, hash));
    if (hash != std::string_view::npos) {
        answer.feedback = reader.read(body.substr(hash + 1));
    }
    return answer;
}

// ---------------------------------------------------------------------------------------------
// 4. Multiple choice and true/false
// ---------------------------------------------------------------------------------------------

struct Directives {
    std::optional<ScoringRule> scoring;
    std::optional<double> points;
};

Directives readDirectives(const std::vector<Directive>& directives, ImportSession& session) {
    Directives out;
    for (const auto& directive : directives) {
        for (const auto piece : formats::splitOn(directive.text, ",;")) {
            const std::string item = foldForSearch(trimSpaces(piece));
            if (item.empty()) {
                continue;
            }
            if (item == "all-or-nothing" || item == "tout-ou-rien" || item == "tout ou rien") {
                out.scoring = ScoringRule::AllOrNothing;
            } else if (item == "partial" || item == "credit partiel") {
                out.scoring = ScoringRule::Partial;
            } else if (item.starts_with("points")) {
                auto written = trimSpaces(std::string_view(item).substr(6));
                if (!written.empty() && (written.front() == '=' || written.front() == ':')) {
                    written.remove_prefix(1);
                }
                const auto value = formats::parseDecimal(written);
                if (value && *value > 0 && *value <= 100) {
                    out.points = *value;
                } else {
                    session.warning(directive.line, "Le nombre de points " + guillemets(item) +
                                                        " n'est pas compris (écrivez par exemple points=2) ; "
                                                        "il est ignoré.");
                }
            } else {
                session.warning(directive.line, "L'indication Passerelles " + guillemets(item) +
                                                    " est inconnue et ignorée (connues : all-or-nothing, "
                                                    "partial, points=N).");
            }
        }
    }
    return out;
}

std::vector<GiftAnswer> splitAnswers(std::string_view answers, TextReader& reader) {
    std::vector<GiftAnswer> out;
    std::size_t start = std::string_view::npos;
    char marker = 0;
    for (std::size_t i = 0; i <= answers.size(); ++i) {
        if (i < answers.size() && answers[i] != '~' && answers[i] != '=') {
            continue;
        }
        if (start != std::string_view::npos) {
            out.push_back(readAnswer(marker, answers.substr(start, i - start), reader));
        }
        if (i < answers.size()) {
            marker = answers[i];
            start = i + 1;
        }
    }
    return out;
}

// Moodle's weights turned into a Passerelles rule; every difference in meaning is said in one warning.
void interpretWeights(ImportedQuestion& question, const std::vector<GiftAnswer>& answers,
                      const Directives& directives, ImportSession& session) {
    const bool single =
        std::any_of(answers.begin(), answers.end(), [](const GiftAnswer& a) { return a.equals; });
    std::vector<std::string> changes;
    int correct = 0;
    for (const auto& answer : answers) {
        const bool isCorrect = single ? answer.equals : answer.weight > 1e-9;
        correct += isCorrect ? 1 : 0;
        question.options.push_back(
            {formats::optionId(question.options.size()), answer.text, answer.feedback, isCorrect});
    }
    if (single) {
        for (const auto& answer : answers) {
            if (!answer.equals && answer.weight > 1e-9) {
                changes.push_back("la réponse " + guillemets(excerpt(answer.text, 30)) + " rapportait " +
                                  percent(answer.weight) +
                                  " des points dans Moodle ; elle compte ici comme fausse");
            } else if (answer.weight < -1e-9) {
                changes.push_back("cocher " + guillemets(excerpt(answer.text, 30)) + " retirait " +
                                  percent(-answer.weight) +
                                  " dans Moodle ; ici, une seule réponse se choisit et une erreur ne retire "
                                  "rien");
            }
        }
        if (correct > 1) {
            question.scoring = directives.scoring.value_or(ScoringRule::Partial);
            const bool partial = *question.scoring == ScoringRule::Partial;
            changes.push_back(
                "plusieurs réponses commencent par « = » : dans Moodle, une seule suffisait ; "
                "ici, il faut les cocher toutes (" +
                std::string(partial ? "crédit partiel" : "tout ou rien") + ")");
        }
    } else if (correct > 0) {
        question.scoring = directives.scoring.value_or(ScoringRule::Partial);
        const double unit = 100.0 / correct;
        double smallest = 1000.0;
        double largest = -1000.0;
        double total = 0.0;
        std::vector<std::string> positive;
        std::set<std::string> penalties;
        for (const auto& answer : answers) {
            if (answer.weight > 1e-9) {
                smallest = std::min(smallest, answer.weight);
                largest = std::max(largest, answer.weight);
                total += answer.weight;
                positive.push_back(percent(answer.weight));
            } else if (std::fabs(answer.weight + unit) > 0.01) {
                penalties.insert(percent(-answer.weight));
            }
        }
        // An explicit "all-or-nothing" directive is the author's rule: Moodle's weights do not apply.
        if (*question.scoring == ScoringRule::Partial) {
            if (largest - smallest > 0.01) {
                std::string list;
                for (std::size_t i = 0; i < positive.size(); ++i) {
                    list += (i == 0 ? "" : i + 1 == positive.size() ? " et " : ", ") + positive[i];
                }
                changes.push_back("les bonnes réponses valaient " + list +
                                  " dans Moodle ; ici, chacune vaut " + percent(unit) +
                                  " (crédit partiel à parts égales)");
            } else if (std::fabs(total - 100.0) > 0.05) {
                changes.push_back("toutes les bonnes réponses ensemble valaient " + percent(total) +
                                  " dans Moodle ; ici, elles donnent tous les points");
            }
            if (!penalties.empty()) {
                std::string list;
                for (const auto& penalty : penalties) {
                    list += (list.empty() ? "" : " ou ") + penalty;
                }
                const std::string before =
                    penalties == std::set<std::string>{percent(0.0)}
                        ? "cocher une mauvaise réponse ne retirait rien dans Moodle"
                        : "une mauvaise réponse cochée retirait " + list + " dans Moodle";
                changes.push_back(before + " ; ici, elle retire " + percent(unit) + " (crédit partiel)");
            }
        }
    }
    if (directives.scoring) {
        question.scoring = directives.scoring;
    }
    if (!changes.empty()) {
        std::string message = formats::questionSubject(question) + " : barème de Moodle adapté : ";
        for (std::size_t i = 0; i < changes.size(); ++i) {
            message += (i == 0 ? "" : " ; ") + changes[i];
        }
        session.warning(question.line, message + ".");
    }
}

void readTrueFalse(ImportedQuestion& question, std::string_view answers, TextReader& reader) {
    std::vector<std::string_view> parts;
    std::size_t start = 0;
    while (parts.size() < 2) {
        const auto hash = answers.find('#', start);
        if (hash == std::string_view::npos) {
            break;
        }
        parts.push_back(answers.substr(start, hash - start));
        start = hash + 1;
    }
    parts.push_back(answers.substr(start));
    const char first =
        static_cast<char>(std::toupper(static_cast<unsigned char>(trimSpaces(parts[0]).front())));
    const bool isTrue = first == 'T';
    const std::string wrongFeedback = parts.size() > 1 ? reader.read(parts[1]) : "";
    const std::string rightFeedback = parts.size() > 2 ? reader.read(parts[2]) : "";
    question.options.push_back({"a", "Vrai", isTrue ? rightFeedback : wrongFeedback, isTrue});
    question.options.push_back({"b", "Faux", isTrue ? wrongFeedback : rightFeedback, !isTrue});
}

// ---------------------------------------------------------------------------------------------
// 5. The whole file
// ---------------------------------------------------------------------------------------------

// "$course$/top/Eau//Climat/Quiz" → "Quiz": the last named category ("//" is a "/" inside a name).
std::string categoryTitle(std::string_view path) {
    std::vector<std::string> parts(1);
    for (std::size_t i = 0; i < path.size(); ++i) {
        if (path[i] == '/' && i + 1 < path.size() && path[i + 1] == '/') {
            parts.back() += '/';
            ++i;
        } else if (path[i] == '/') {
            parts.emplace_back();
        } else {
            parts.back() += path[i];
        }
    }
    for (auto part = parts.rbegin(); part != parts.rend(); ++part) {
        const std::string name(trimSpaces(*part));
        const std::string folded = foldForSearch(name);
        if (!name.empty() && name.front() != '$' && folded != "top" && !folded.starts_with("default for") &&
            !folded.starts_with("defaut pour")) {
            return name;
        }
    }
    return {};
}

std::optional<ImportedQuestion> readQuestion(const Block& block, ImportSession& session) {
    std::string text;
    for (const auto& line : block.lines) {
        text += (text.empty() ? "" : "\n") + line;
    }
    ImportedQuestion question;
    question.line = block.firstLine;
    if (text.starts_with("::")) {
        const auto end = text.find("::", 2);
        if (end == std::string::npos) {
            session.error(block.firstLine,
                          "Le titre de la question commence par « :: » mais ne se termine pas "
                          "par « :: » ; la question n'est pas importée.");
            return std::nullopt;
        }
        const std::string title(trimSpaces(restoreEscapes(std::string_view(text).substr(2, end - 2))));
        if (isValidId(title)) {
            question.id = title;
            question.idFromFile = true;
        }
        text = std::string(trimSpaces(std::string_view(text).substr(end + 2)));
    }
    const auto open = text.find('{');
    const auto close = text.find('}');
    const std::string start = guillemets(excerpt(restoreEscapes(text), 40));
    if (open == std::string::npos && close == std::string::npos) {
        session.warning(block.firstLine, "Le texte " + start +
                                             " n'a pas de réponses entre { } : Moodle le lit comme une "
                                             "description, pas une question. Il est ignoré.");
        return std::nullopt;
    }
    if (open == std::string::npos || close == std::string::npos || close < open) {
        session.error(block.firstLine,
                      "La question " + start +
                          " a une accolade { ou } sans sa paire (écrivez \\{ ou \\} pour une "
                          "accolade dans le texte) ; elle n'est pas importée.");
        return std::nullopt;
    }
    if (!trimSpaces(std::string_view(text).substr(close + 1)).empty()) {
        session.warning(block.firstLine, "La question " + start +
                                             " est un texte à trous (du texte suit les réponses { }) : "
                                             "Passerelles ne prend pas ce type en charge. Elle est ignorée.");
        return std::nullopt;
    }
    std::string answers(trimSpaces(std::string_view(text).substr(open + 1, close - open - 1)));
    TextReader reader;
    std::string statement(trimSpaces(std::string_view(text).substr(0, open)));
    reader.questionFormat = takeFormatTag(statement, TextFormat::Moodle);
    question.text = reader.read(statement);
    const auto generalFeedback = answers.rfind("####");
    question.explanation = std::string();
    if (generalFeedback != std::string::npos) {
        question.explanation = reader.read(std::string_view(answers).substr(generalFeedback + 4));
        answers = std::string(trimSpaces(std::string_view(answers).substr(0, generalFeedback)));
    }
    const QuestionType type = questionType(answers);
    if (type != QuestionType::MultipleChoice && type != QuestionType::TrueFalse) {
        session.warning(block.firstLine, "La question " + start + " est une question " +
                                             unsupportedTypeName(type) +
                                             " : Passerelles ne prend en charge que les choix multiples et "
                                             "vrai/faux. Elle est ignorée.");
        return std::nullopt;
    }
    const Directives directives = readDirectives(block.directives, session);
    question.points = directives.points;
    if (type == QuestionType::TrueFalse) {
        readTrueFalse(question, answers, reader);
        question.scoring = directives.scoring;
    } else {
        interpretWeights(question, splitAnswers(answers, reader), directives, session);
    }
    if (!reader.lostTags.empty()) {
        std::string tags;
        for (const auto& tag : reader.lostTags) {
            tags += (tags.empty() ? "<" : ", <") + tag + ">";
        }
        session.warning(block.firstLine,
                        formats::questionSubject(question) + " : la mise en forme HTML " + tags +
                            " a été retirée (Passerelles affiche du texte simple)" +
                            (reader.lostTags.contains("img") ? " ; l'image n'est pas importée" : "") + ".");
    }
    if (!reader.unknownEntities.empty()) {
        std::string entities;
        for (const auto& entity : reader.unknownEntities) {
            entities += (entities.empty() ? "" : ", ") + entity;
        }
        // The codes last, each followed by a comma or the full stop: typography then leaves their « ; ».
        const bool one = reader.unknownEntities.size() == 1;
        session.warning(block.firstLine,
                        formats::questionSubject(question) + " : " +
                            (one ? "un code HTML y est laissé tel quel, car il ne désigne aucun caractère : "
                                 : "des codes HTML y sont laissés tels quels, car ils ne désignent aucun "
                                   "caractère : ") +
                            entities + ". Corrigez le fichier ou la question après l'import.");
    }
    return question;
}

std::vector<ImportedQuestion> readGiftQuestions(std::string_view text, ImportSession& session) {
    std::vector<ImportedQuestion> questions;
    for (const auto& block : splitBlocks(text)) {
        const std::string first = restoreEscapes(block.lines.front());
        if (first.starts_with("$CATEGORY:")) {
            const std::string title = categoryTitle(trimSpaces(std::string_view(first).substr(10)));
            if (!title.empty()) {
                session.result().suggestedTitle = title;
            }
            continue;
        }
        if (auto question = readQuestion(block, session)) {
            questions.push_back(std::move(*question));
        }
    }
    if (questions.empty() && !session.result().problems.hasErrors()) {
        session.error(0, "Aucune question GIFT n'a été trouvée dans ce fichier.");
    }
    return questions;
}

}  // namespace

ImportResult importGift(std::string_view raw, const ImportOptions& options) {
    return formats::runImport(raw, options, readGiftQuestions);
}

}  // namespace passerelles

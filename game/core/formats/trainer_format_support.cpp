// Input checks, spaces, messages and final checks shared by the trainer-format readers.
#include "core/formats/trainer_format_support.hpp"

#include <algorithm>
#include <cstdlib>

#include "core/base/text.hpp"
#include "core/loading/pack_reader.hpp"

namespace passerelles::formats {

namespace {

// Excel's "CSV" in a French Windows writes Windows-1252: bytes 0x80–0x9F hold €, ’, œ, « … » quotes.
std::string fromWindows1252(std::string_view text) {
    static constexpr char32_t kHighControls[32] = {
        0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
        0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD, 0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
        0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178};
    std::string out;
    out.reserve(text.size() + text.size() / 8);
    for (const char c : text) {
        const auto byte = static_cast<unsigned char>(c);
        if (byte < 0x80) {
            out += c;
        } else if (byte < 0xA0) {
            appendUtf8(out, kHighControls[byte - 0x80]);
        } else {
            appendUtf8(out, byte);
        }
    }
    return out;
}

int lineAtOffset(std::string_view text, std::size_t offset) {
    return 1 + static_cast<int>(
                   std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(offset), '\n'));
}

std::size_t spaceLengthAt(std::string_view text, std::size_t at) {
    if (at >= text.size()) {
        return 0;
    }
    if (text[at] == ' ' || text[at] == '\t') {
        return 1;
    }
    for (const std::string_view space : {kNoBreakSpace, kNarrowNoBreakSpace}) {
        if (text.substr(at, space.size()) == space) {
            return space.size();
        }
    }
    return 0;
}

}  // namespace

void ImportSession::error(int line, const std::string& message) {
    result_.problems.add({Severity::Error, options_.label, "", line, 0, message});
}

void ImportSession::warning(int line, const std::string& message) {
    result_.problems.add({Severity::Warning, options_.label, "", line, 0, message});
}

std::optional<std::string> prepareInput(std::string_view raw, ImportSession& session) {
    if (raw.size() > session.options().maxBytes) {
        session.error(0, "Le fichier est trop gros (" + std::to_string(raw.size() / (1024 * 1024)) +
                             " Mo) : " + std::to_string(session.options().maxBytes / (1024 * 1024)) +
                             " Mo au plus. Découpez-le en plusieurs fichiers.");
        return std::nullopt;
    }
    if (raw.starts_with("\xFF\xFE") || raw.starts_with("\xFE\xFF")) {
        session.error(0,
                      "Le fichier est en UTF-16 (« Texte Unicode » d'Excel), que Passerelles ne lit pas. "
                      "Enregistrez-le en « CSV UTF-8 » ou en texte UTF-8.");
        return std::nullopt;
    }
    if (raw.starts_with("\xEF\xBB\xBF")) {
        raw.remove_prefix(3);
    }
    std::string text;
    if (const auto invalid = findInvalidUtf8(raw)) {
        session.warning(lineAtOffset(raw, *invalid),
                        "Le fichier n'est pas en UTF-8 (premier caractère illisible à cette ligne) : il a "
                        "été lu en Windows-1252, l'encodage des anciens fichiers « CSV » d'Excel. Vérifiez "
                        "les accents, ou enregistrez le fichier en UTF-8 (« CSV UTF-8 »).");
        text = fromWindows1252(raw);
    } else {
        text = raw;
    }
    std::string out;
    out.reserve(text.size());
    std::size_t invisible = 0;  // control characters dropped (a NUL, a bell…): said, never silent
    std::size_t firstInvisible = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '\r') {
            out += '\n';
            if (i + 1 < text.size() && text[i + 1] == '\n') {
                ++i;
            }
        } else if (c == '\v' || c == '\f') {
            out += ' ';  // a word processor's manual line break
        } else if ((static_cast<unsigned char>(c) < 0x20 && c != '\n' && c != '\t') || c == '\x7F') {
            firstInvisible = invisible == 0 ? i : firstInvisible;
            ++invisible;
        } else {
            out += c;
        }
    }
    if (invisible > 0) {
        session.warning(lineAtOffset(text, firstInvisible),
                        invisible == 1
                            ? std::string("Un caractère de contrôle invisible (un caractère nul, par "
                                          "exemple) a été retiré à cette ligne ; vérifiez le texte.")
                            : std::to_string(invisible) +
                                  " caractères de contrôle invisibles (des caractères nuls, par "
                                  "exemple) ont été retirés, le premier à cette ligne ; vérifiez "
                                  "le texte.");
    }
    return out;
}

std::string_view trimSpaces(std::string_view text) {
    while (const std::size_t length = spaceLengthAt(text, 0)) {
        text.remove_prefix(length);
    }
    while (!text.empty()) {
        std::size_t length = 0;
        for (const std::size_t candidate : {std::size_t{1}, std::size_t{2}, std::size_t{3}}) {
            if (candidate <= text.size() && spaceLengthAt(text, text.size() - candidate) == candidate) {
                length = candidate;
                break;
            }
        }
        if (length == 0) {
            break;
        }
        text.remove_suffix(length);
    }
    return text;
}

std::vector<std::string_view> splitOn(std::string_view text, std::string_view separators) {
    std::vector<std::string_view> pieces;
    std::size_t start = 0;
    while (start <= text.size()) {
        const std::size_t end = std::min(text.find_first_of(separators, start), text.size());
        pieces.push_back(text.substr(start, end - start));
        start = end + 1;
    }
    return pieces;
}

std::vector<std::string_view> splitLines(std::string_view text) {
    std::vector<std::string_view> lines = splitOn(text, "\n");
    if (!lines.empty() && lines.back().empty()) {
        lines.pop_back();  // the final newline does not start a line
    }
    return lines;
}

void appendUtf8(std::string& out, char32_t codePoint) {
    if (codePoint < 0x80) {
        out += static_cast<char>(codePoint);
    } else if (codePoint < 0x800) {
        out += static_cast<char>(0xC0 | (codePoint >> 6));
        out += static_cast<char>(0x80 | (codePoint & 0x3F));
    } else if (codePoint < 0x10000) {
        out += static_cast<char>(0xE0 | (codePoint >> 12));
        out += static_cast<char>(0x80 | ((codePoint >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (codePoint & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (codePoint >> 18));
        out += static_cast<char>(0x80 | ((codePoint >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((codePoint >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (codePoint & 0x3F));
    }
}

char optionLetter(std::size_t index) {
    return static_cast<char>('A' + std::min<std::size_t>(index, 25));
}

std::string optionId(std::size_t index) {
    return std::string(1, static_cast<char>('a' + std::min<std::size_t>(index, 25)));
}

std::string excerpt(std::string_view text, std::size_t maxCharacters) {
    std::string flat;
    for (const char c : text) {
        flat += (c == '\n' || c == '\t') ? ' ' : c;
    }
    std::size_t characters = 0;
    for (std::size_t i = 0; i < flat.size(); ++i) {
        if ((static_cast<unsigned char>(flat[i]) & 0xC0) == 0x80) {
            continue;
        }
        if (characters++ == maxCharacters) {
            std::string_view cut = std::string_view(flat).substr(0, i);
            const auto space = cut.rfind(' ');
            if (space != std::string_view::npos && space + 15 > cut.size()) {
                cut = cut.substr(0, space);  // end on a whole word when one is near
            }
            return std::string(trimSpaces(cut)) + "…";
        }
    }
    return flat;
}

std::string questionSubject(const ImportedQuestion& question) {
    if (question.idFromFile && !question.id.empty()) {
        return "Question " + question.id;
    }
    return "Question " + guillemets(excerpt(question.text, 40));
}

std::optional<double> parseDecimal(std::string_view text) {
    std::string number(trimSpaces(text));
    std::replace(number.begin(), number.end(), ',', '.');
    if (number.empty() || number.size() > 32 ||
        number.find_first_not_of("+-.0123456789") != std::string::npos) {
        return std::nullopt;
    }
    char* end = nullptr;
    const double value = std::strtod(number.c_str(), &end);
    if (end != number.c_str() + number.size()) {
        return std::nullopt;
    }
    return value;
}

ImportResult runImport(std::string_view raw, const ImportOptions& options, QuestionReader read) {
    ImportSession session(options);
    const auto text = prepareInput(raw, session);
    if (!text) {
        return std::move(session.result());
    }
    return finishImport(session, read(*text, session));
}

ImportResult finishImport(ImportSession& session, std::vector<ImportedQuestion> questions) {
    std::set<std::string> used;
    for (auto& question : questions) {
        if (!question.idFromFile) {
            continue;
        }
        if (!isValidId(question.id)) {
            session.warning(question.line,
                            "L'identifiant " + guillemets(question.id) +
                                " n'est pas valide (minuscules sans accent, chiffres, - ou _) : "
                                "un identifiant est donné à la place.");
            question.idFromFile = false;
            question.id.clear();
        } else if (!used.insert(question.id).second) {
            session.warning(question.line, "L'identifiant " + guillemets(question.id) +
                                               " est déjà pris par une question plus haut dans le fichier : "
                                               "un autre identifiant est donné à celle-ci.");
            question.idFromFile = false;
            question.id.clear();
        }
    }
    int counter = 1;
    ImportResult& result = session.result();
    for (auto& question : questions) {
        const std::string subject = questionSubject(question);
        bool playable = true;
        const auto fail = [&](const std::string& message) {
            session.error(question.line, subject + " : " + message + " Elle n'est pas importée.");
            playable = false;
        };
        if (trimSpaces(question.text).empty()) {
            fail("l'énoncé est vide.");
        } else if (question.options.size() < 2) {
            fail("il faut au moins 2 réponses possibles (" + std::to_string(question.options.size()) +
                 " ici).");
        } else if (question.options.size() > 6) {
            fail("Passerelles affiche 6 réponses possibles au plus (touches A à F) ; elle en a " +
                 std::to_string(question.options.size()) + ".");
        } else if (std::any_of(question.options.begin(), question.options.end(),
                               [](const QuizOption& option) { return trimSpaces(option.text).empty(); })) {
            fail("une réponse possible est vide.");
        } else if (question.correctIndices().empty()) {
            fail("aucune bonne réponse n'est indiquée.");
        }
        if (!playable) {
            continue;
        }
        if (question.id.empty()) {
            do {
                question.id = (counter < 10 ? "q0" : "q") + std::to_string(counter);
                ++counter;
            } while (used.contains(question.id) || session.options().takenIds.contains(question.id));
            used.insert(question.id);
        }
        result.questions.push_back(std::move(question));
    }
    return std::move(result);
}

}  // namespace passerelles::formats

namespace passerelles {

std::vector<int> ImportedQuestion::correctIndices() const {
    std::vector<int> indices;
    for (std::size_t i = 0; i < options.size(); ++i) {
        if (options[i].correct) {
            indices.push_back(static_cast<int>(i));
        }
    }
    return indices;
}

std::optional<TrainerFormat> trainerFormatNamed(std::string_view name) {
    const std::string folded = foldForSearch(name);
    if (folded == "csv") {
        return TrainerFormat::Csv;
    }
    if (folded == "gift") {
        return TrainerFormat::Gift;
    }
    if (folded == "aiken") {
        return TrainerFormat::Aiken;
    }
    return std::nullopt;
}

const char* trainerFormatLabel(TrainerFormat format) {
    switch (format) {
        case TrainerFormat::Csv:
            return "CSV";
        case TrainerFormat::Gift:
            return "GIFT";
        case TrainerFormat::Aiken:
            return "Aiken";
    }
    return "";
}

ImportResult importQuestions(TrainerFormat format, std::string_view text, const ImportOptions& options) {
    switch (format) {
        case TrainerFormat::Csv:
            return importCsv(text, options);
        case TrainerFormat::Gift:
            return importGift(text, options);
        case TrainerFormat::Aiken:
            return importAiken(text, options);
    }
    return {};
}

bool hasImportOptionIds(const Question& question) {
    for (std::size_t i = 0; i < question.options.size(); ++i) {
        if (question.options[i].id != std::string(1, static_cast<char>('a' + i))) {
            return false;
        }
    }
    return true;
}

Diagnostic lostFieldWarning(const Quiz& quiz, const Question& question, std::string_view field,
                            TrainerFormat format, std::string_view detail) {
    return {Severity::Warning,
            quiz.id,
            "",
            0,
            0,
            "question " + question.id + " : le champ \"" + std::string(field) + "\" ne passe pas en " +
                trainerFormatLabel(format) + " et n'est pas exporté" + std::string(detail) + "."};
}

}  // namespace passerelles

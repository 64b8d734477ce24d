// Reads Aiken files (a statement, options "A." or "A)", then "ANSWER: B"), as typed or pasted from a
// word processor: indents, no-break spaces, lowercase letters, "Réponse :" and blank lines are accepted.
#include <algorithm>
#include <cctype>
#include <set>

#include "core/base/text.hpp"
#include "core/formats/trainer_format_support.hpp"

namespace passerelles {

namespace {

using formats::ImportSession;
using formats::trimSpaces;

struct OptionLine {
    std::size_t index = 0;  // 0 for A
    std::string text;
};

// "A. texte", "b) texte", "C- texte" → the letter's index and the text.
std::optional<OptionLine> optionLine(std::string_view line) {
    if (line.size() < 2 || !std::isalpha(static_cast<unsigned char>(line[0]))) {
        return std::nullopt;
    }
    const char letter = static_cast<char>(std::toupper(static_cast<unsigned char>(line[0])));
    if (letter < 'A' || letter > 'Z' || (line[1] != '.' && line[1] != ')')) {
        return std::nullopt;
    }
    const auto rest = line.substr(2);
    const auto text = trimSpaces(rest);
    if (text.empty() || text.data() == rest.data()) {
        return std::nullopt;  // "M.Dupont", "A.B.C.": no space after the marker, not an option
    }
    return OptionLine{static_cast<std::size_t>(letter - 'A'), std::string(text)};
}

// "ANSWER: B", "Answer : b", "RÉPONSE : B", "Réponses : A, C" → the letters written after the colon.
std::optional<std::string> answerLine(std::string_view line) {
    const auto colon = line.find(':');
    if (colon == std::string_view::npos) {
        return std::nullopt;
    }
    const std::string keyword = foldForSearch(trimSpaces(line.substr(0, colon)));
    static const std::set<std::string> kKeywords = {"answer",         "answers",        "reponse",
                                                    "reponses",       "bonne reponse",  "bonnes reponses",
                                                    "correct answer", "correct answers"};
    if (!kKeywords.contains(keyword)) {
        return std::nullopt;
    }
    std::string letters(trimSpaces(line.substr(colon + 1)));
    for (const std::string_view space : {kNoBreakSpace, kNarrowNoBreakSpace}) {
        for (auto at = letters.find(space); at != std::string::npos; at = letters.find(space)) {
            letters.replace(at, space.size(), " ");
        }
    }
    return letters;
}

class AikenReader {
  public:
    explicit AikenReader(ImportSession& session) : session_(session) {}

    void line(int number, std::string_view raw) {
        const auto text = trimSpaces(raw);
        if (text.empty()) {
            blankSeen_ = true;
            return;
        }
        if (const auto letters = answerLine(text)) {
            answer(number, *letters);
            return;
        }
        const auto option = optionLine(text);
        if (!open_) {
            start(number, text);
            return;
        }
        if (option && option->index == question_.options.size()) {
            question_.options.push_back({formats::optionId(option->index), option->text, "", false});
            blankSeen_ = false;
            return;
        }
        if (question_.options.empty()) {
            question_.text += (blankSeen_ ? "\n\n" : "\n") + std::string(text);
            blankSeen_ = false;
            return;
        }
        if (blankSeen_) {
            missingAnswer();
            start(number, text);
            return;
        }
        // A word processor wrapped the option onto a second line.
        question_.options.back().text += " " + std::string(text);
        session_.warning(number,
                         "Cette ligne ne commence pas par une lettre (" +
                             std::string(1, formats::optionLetter(question_.options.size())) + ". ou " +
                             std::string(1, formats::optionLetter(question_.options.size())) +
                             ")) : elle est rattachée à la réponse " +
                             std::string(1, formats::optionLetter(question_.options.size() - 1)) + ".");
    }

    std::vector<ImportedQuestion> finish() {
        if (open_) {
            missingAnswer();
        }
        return std::move(questions_);
    }

  private:
    void start(int number, std::string_view text) {
        question_ = ImportedQuestion{};
        question_.line = number;
        question_.text = std::string(text);
        open_ = true;
        blankSeen_ = false;
    }

    void missingAnswer() {
        session_.error(question_.line,
                       formats::questionSubject(question_) +
                           " : la ligne ANSWER qui donne la lettre de la bonne réponse manque après les "
                           "réponses possibles. Elle n'est pas importée.");
        open_ = false;
    }

    void answer(int number, const std::string& letters) {
        if (!open_) {
            session_.error(number, "Cette ligne ANSWER ne suit aucune question ; elle est ignorée.");
            return;
        }
        open_ = false;
        std::vector<std::size_t> indices;
        for (const char c : letters) {
            const char letter = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
            if (letter >= 'A' && letter <= 'Z') {
                indices.push_back(static_cast<std::size_t>(letter - 'A'));
            } else if (std::string_view(", ;\t.)").find(c) == std::string_view::npos) {
                indices.clear();
                break;
            }
        }
        const std::string subject = formats::questionSubject(question_);
        if (indices.empty()) {
            session_.error(number,
                           subject + " : la réponse " + guillemets(letters) +
                               " n'est pas comprise ; écrivez la lettre de la bonne réponse après ANSWER. "
                               "Elle n'est pas importée.");
            return;
        }
        for (const std::size_t index : indices) {
            if (index >= question_.options.size()) {
                session_.error(
                    number, subject + " : la bonne réponse " + std::string(1, formats::optionLetter(index)) +
                                " ne fait pas partie des réponses possibles. Elle n'est pas importée.");
                return;
            }
            question_.options[index].correct = true;
        }
        if (indices.size() > 1) {
            session_.warning(number,
                             subject +
                                 " : Aiken ne prévoit qu'une bonne réponse (Moodle refuserait ce fichier) ; "
                                 "les " +
                                 std::to_string(indices.size()) +
                                 " lettres sont gardées comme bonnes réponses (crédit partiel).");
            question_.scoring = ScoringRule::Partial;
        }
        questions_.push_back(std::move(question_));
    }

    ImportSession& session_;
    std::vector<ImportedQuestion> questions_;
    ImportedQuestion question_;
    bool open_ = false;
    bool blankSeen_ = false;
};

std::vector<ImportedQuestion> readAikenQuestions(std::string_view text, ImportSession& session) {
    AikenReader reader(session);
    int number = 0;
    for (const auto line : formats::splitLines(text)) {
        reader.line(++number, line);
    }
    std::vector<ImportedQuestion> questions = reader.finish();
    if (questions.empty() && !session.result().problems.hasErrors()) {
        session.error(0,
                      "Aucune question Aiken n'a été trouvée dans ce fichier (une question, ses réponses "
                      "« A. … », puis la ligne ANSWER et la lettre de la bonne réponse).");
    }
    return questions;
}

}  // namespace

ImportResult importAiken(std::string_view raw, const ImportOptions& options) {
    return formats::runImport(raw, options, readAikenQuestions);
}

}  // namespace passerelles

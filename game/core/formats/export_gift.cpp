// Writes a quiz as Moodle GIFT: weights Moodle accepts, explanations as general feedback, and comment
// lines ("// Passerelles: all-or-nothing, points=2") for what Moodle cannot express, read back on import.
#include <cmath>
#include <cstdio>

#include "core/base/text.hpp"
#include "core/formats/trainer_formats.hpp"

namespace passerelles {

namespace {

std::string escapeGift(std::string_view text) {
    std::string out;
    out.reserve(text.size() + 8);
    for (const char c : text) {
        if (c == '\n') {
            out += "\\n";
        } else if (c == '\r') {
            continue;
        } else {
            if (std::string_view("\\~=#{}:").find(c) != std::string_view::npos) {
                out += '\\';
            }
            out += c;
        }
    }
    return out;
}

// 100 / C written as Moodle lists its grades: "50", "33.33333", "16.66667".
std::string moodleWeight(double percent) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.5f", percent);
    std::string out = buffer;
    while (out.back() == '0') {
        out.pop_back();
    }
    if (out.back() == '.') {
        out.pop_back();
    }
    return out;
}

bool isTrueFalse(const Question& question) {
    return question.options.size() == 2 && question.options[0].text == "Vrai" &&
           question.options[1].text == "Faux";
}

// {TRUE#feedback if wrong#feedback if right####explanation}, as Moodle writes it.
std::string trueFalseAnswers(const Question& question) {
    const bool isTrue = question.options[0].correct;
    const std::string& right = question.options[isTrue ? 0 : 1].feedback;
    const std::string& wrong = question.options[isTrue ? 1 : 0].feedback;
    std::string out = isTrue ? "{TRUE" : "{FALSE";
    if (!wrong.empty() || !right.empty()) {
        out += "#" + escapeGift(wrong);
    }
    if (!right.empty()) {
        out += "#" + escapeGift(right);
    }
    if (!question.explanation.empty()) {
        out += "####" + escapeGift(question.explanation);
    }
    return out + "}\n";
}

std::string choiceAnswers(const Question& question) {
    const int correct = question.correctCount();
    const std::string unit = moodleWeight(100.0 / correct);
    std::string out = "{\n";
    for (const auto& option : question.options) {
        if (correct == 1) {
            out += option.correct ? "\t=" : "\t~";
            // After "~", a text that starts like a weight ("%50% …") would be read as one: an explicit
            // weight first leaves it as text, for Moodle and for importGift alike. After "=" no weight is
            // read.
            if (!option.correct && option.text.starts_with('%')) {
                out += "%0%";
            }
        } else {
            // Passerelles' partial credit, in Moodle's terms: each right tick +P/C, each wrong tick -P/C.
            out += option.correct ? "\t~%" + unit + "%" : "\t~%-" + unit + "%";
        }
        out += escapeGift(option.text);
        if (!option.feedback.empty()) {
            out += "#" + escapeGift(option.feedback);
        }
        out += "\n";
    }
    if (!question.explanation.empty()) {
        out += "\t####" + escapeGift(question.explanation) + "\n";
    }
    return out + "}\n";
}

}  // namespace

ExportResult exportGift(const Pack& pack, const Quiz& quiz) {
    ExportResult result;
    const auto warn = [&](const Question& question, const std::string& message) {
        result.warnings.add(
            {Severity::Warning, quiz.id, "", 0, 0, "Question " + question.id + " : " + message});
    };
    std::string& out = result.text;
    out += "// Passerelles : quiz « " + quiz.id + " » (" + quiz.title + ") du pack « " + pack.id +
           " », au format GIFT pour Moodle.\n";
    out += "// Dans Moodle : Banque de questions › Importer › Format GIFT.\n\n";
    std::string category = quiz.title;
    for (auto at = category.find('/'); at != std::string::npos; at = category.find('/', at + 2)) {
        category.insert(at, "/");  // Moodle reads "//" as a "/" inside a category name
    }
    out += "$CATEGORY: $course$/top/" + category + "\n\n";
    for (const auto& question : quiz.questions) {
        std::string directives;
        if (question.scoring == ScoringRule::AllOrNothing) {
            directives += "all-or-nothing";
            if (question.isMultipleAnswer()) {
                const std::string unit = formatDecimal(100.0 / question.correctCount(), 2);
                warn(question,
                     "notée en tout ou rien ; Moodle n'a pas cette règle dans un fichier GIFT et la "
                     "notera en crédit partiel (" +
                         unit + " % par bonne réponse cochée, −" + unit +
                         " % par réponse fausse cochée). La ligne « // Passerelles: all-or-nothing » "
                         "rétablit la règle si le fichier revient dans Passerelles.");
            }
        }
        if (std::fabs(question.points - 1.0) > 1e-9) {
            directives +=
                std::string(directives.empty() ? "" : ", ") + "points=" + moodleWeight(question.points);
            warn(question,
                 "vaut " + formatDecimal(question.points) +
                     " points ; un fichier GIFT ne transmet pas les points à Moodle : réglez la note "
                     "par défaut de la question dans Moodle.");
        }
        // What GIFT has no place for: each field named, so that nothing is lost without a word.
        const ItemTags& tags = question.tags;
        const auto lost = [&](std::string_view field, std::string_view detail = {}) {
            result.warnings.add(lostFieldWarning(quiz, question, field, TrainerFormat::Gift, detail));
        };
        if (!hasImportOptionIds(question)) {
            lost("options.id", " (les options reviennent nommées a, b, c…)");
        }
        if (tags.source) {
            lost("source");
        }
        if (!tags.themes.empty()) {
            lost("themes");
        }
        if (!tags.audiences.empty()) {
            lost("audiences");
        }
        if (tags.difficulty > 0) {
            lost("difficulty");
        }
        if (!tags.verifiedOn.empty()) {
            lost("verifiedOn");
        }
        if (!question.shuffle) {
            lost("shuffle",
                 " (les options gardent leur ordre ici ; Moodle peut les mélanger : réglez-le dans la "
                 "question)");
        }
        if (!tags.image.empty()) {
            lost("image", " (" + guillemets(tags.image) + " : un fichier GIFT ne contient que du texte)");
        }
        if (std::fabs(question.points - std::round(question.points * 1e5) / 1e5) > 1e-9) {
            lost("points", " tel quel (arrondi à 5 décimales)");
        }
        if (!directives.empty()) {
            out += "// " + std::string(kGiftDirectivePrefix) + " " + directives + "\n";
        }
        out += "::" + question.id + "::[plain]" + escapeGift(question.text);
        out += isTrueFalse(question) ? trueFalseAnswers(question) : choiceAnswers(question);
        out += "\n";
    }
    return result;
}

}  // namespace passerelles

// Reads a quiz file: questions, options, scoring rules; checks that each question can be scored.
#include <cmath>

#include "core/loading/activity_loaders.hpp"

namespace passerelles {

namespace {

std::optional<ScoringRule> readScoringRule(ObjectReader& reader) {
    const std::string rule = reader.string("scoring", "la règle de score", false);
    if (rule.empty()) {
        return std::nullopt;
    }
    if (rule == "partial") {
        return ScoringRule::Partial;
    }
    if (rule == "all-or-nothing") {
        return ScoringRule::AllOrNothing;
    }
    reader.error(reader.childPointer("scoring"),
                 reader.subject() + " : la règle de score « " + rule +
                     " » est inconnue ; écrivez « partial » (crédit partiel) ou "
                     "« all-or-nothing » (tout ou rien).");
    return std::nullopt;
}

std::optional<Question> readQuestion(const FileContext& context, const nlohmann::json& value,
                                     std::string pointer, std::size_t position, ScoringRule quizRule,
                                     IdRegistry& questionIds) {
    ObjectReader reader(context, value, pointer, "Question n° " + std::to_string(position + 1),
                        fields::kQuestion);
    if (!reader.isObject()) {
        return std::nullopt;
    }
    const int errorsBefore = context.out.errorCount();
    Question question;
    question.id = reader.id("id", "l'identifiant", true);
    if (!question.id.empty()) {
        reader.setSubject("Question " + question.id);
    }
    questionIds.claim(reader, question.id);
    question.text = reader.text("text", "l'énoncé", true);
    question.explanation = reader.text("explanation", "l'explication", false);
    if (!reader.has("explanation")) {
        reader.warning(reader.pointer(), reader.subject() +
                                             " : pas d'explication (champ « explanation ») ; le "
                                             "joueur ne saura pas pourquoi la réponse est juste.");
    }
    question.scoring = readScoringRule(reader).value_or(quizRule);
    question.points = reader.number("points", "le nombre de points", false, 0.01, 100).value_or(1.0);
    question.shuffle = reader.boolean("shuffle", "l'indication de mélange des options", false).value_or(true);
    question.tags = reader.tags();
    if (!reader.has("source")) {
        reader.warning(reader.pointer(), reader.subject() +
                                             " : pas de source (champ « source ») ; indiquez d'où "
                                             "vient l'information.");
    }

    IdRegistry optionIds("une autre option de cette question");
    if (const auto* options = reader.array("options", "la liste des options", true, 2, 6)) {
        const std::string listPointer = reader.childPointer("options");
        for (std::size_t i = 0; i < options->size(); ++i) {
            const std::string optionPointer = appendPointer(listPointer, i);
            ObjectReader optionReader(
                context, (*options)[i], optionPointer,
                reader.subject() + ", option " +
                    std::string(1, static_cast<char>('A' + std::min<std::size_t>(i, 25))),
                fields::kOption);
            if (!optionReader.isObject()) {
                continue;
            }
            QuizOption option;
            option.id = optionReader.id("id", "l'identifiant", true);
            optionIds.claim(optionReader, option.id);
            option.text = optionReader.text("text", "le texte", true);
            option.correct =
                optionReader.boolean("correct", "l'indication de bonne réponse", true).value_or(false);
            option.feedback = optionReader.text("feedback", "la remarque", false);
            optionReader.finish();
            question.options.push_back(std::move(option));
        }
        if (!question.options.empty() && question.correctCount() == 0) {
            reader.error(reader.childPointer("options"),
                         reader.subject() + " : aucune option n'est marquée correcte (\"correct\": true).");
        } else if (question.options.size() > 2 &&
                   question.correctCount() == static_cast<int>(question.options.size())) {
            reader.warning(reader.childPointer("options"),
                           reader.subject() +
                               " : toutes les options sont correctes ; la question ne permet pas de "
                               "se tromper.");
        }
    }
    reader.finish();
    if (context.out.errorCount() > errorsBefore) {
        return std::nullopt;
    }
    return question;
}

}  // namespace

std::optional<Quiz> loadQuiz(const FileContext& context, ObjectReader& root) {
    const auto errorsBefore = context.out.errorCount();
    Quiz quiz;
    quiz.id = root.id("id", "l'identifiant du quiz", true);
    root.setSubject("Quiz « " + quiz.id + " »");
    quiz.title = root.text("title", "le titre", true);
    quiz.description = root.text("description", "la description", false);
    quiz.scoring = readScoringRule(root).value_or(ScoringRule::Partial);
    quiz.tags = root.tags();
    IdRegistry questionIds("une autre question");
    if (const auto* questions = root.array("questions", "la liste des questions", true, 1)) {
        const std::string listPointer = root.childPointer("questions");
        for (std::size_t i = 0; i < questions->size(); ++i) {
            auto question = readQuestion(context, (*questions)[i], appendPointer(listPointer, i), i,
                                         quiz.scoring, questionIds);
            if (question) {
                quiz.questions.push_back(std::move(*question));
            }
        }
    }
    root.finish();
    if (context.out.errorCount() > errorsBefore) {
        return std::nullopt;
    }
    return quiz;
}

}  // namespace passerelles

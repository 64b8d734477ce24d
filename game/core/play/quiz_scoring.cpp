// Quiz scoring rules and their French descriptions.
#include "core/play/quiz_scoring.hpp"

#include <algorithm>
#include <cmath>

#include "core/base/text.hpp"

namespace passerelles {

namespace {

std::vector<int> normalised(const Question& question, std::vector<int> selected) {
    std::sort(selected.begin(), selected.end());
    selected.erase(std::unique(selected.begin(), selected.end()), selected.end());
    std::erase_if(selected,
                  [&](int index) { return index < 0 || index >= static_cast<int>(question.options.size()); });
    return selected;
}

}  // namespace

QuestionScore scoreQuestion(const Question& question, const std::vector<int>& selectedRaw) {
    const std::vector<int> selected = normalised(question, selectedRaw);
    QuestionScore score;
    score.maxPoints = question.points;
    score.rule = question.scoring;
    const int correctCount = std::max(1, question.correctCount());
    score.unit = question.points / correctCount;
    for (std::size_t i = 0; i < question.options.size(); ++i) {
        const bool ticked = std::binary_search(selected.begin(), selected.end(), static_cast<int>(i));
        const bool correct = question.options[i].correct;
        score.correctTicked += ticked && correct ? 1 : 0;
        score.wrongTicked += ticked && !correct ? 1 : 0;
        score.correctMissed += !ticked && correct ? 1 : 0;
    }
    const bool exact = score.wrongTicked == 0 && score.correctMissed == 0;
    if (question.scoring == ScoringRule::AllOrNothing && question.isMultipleAnswer()) {
        score.points = exact ? question.points : 0.0;
    } else {
        score.points = std::max(0.0, (score.correctTicked - score.wrongTicked) * score.unit);
    }
    if (exact) {
        score.points = question.points;  // no rounding drift on a perfect answer
        score.outcome = Outcome::Right;
    } else {
        score.outcome = score.points > 1e-9 ? Outcome::Partial : Outcome::Wrong;
    }
    return score;
}

std::string formatPoints(double points) {
    const std::string number = formatDecimal(points);
    return number + std::string(kNoBreakSpace) + (std::fabs(points) >= 2.0 ? "points" : "point");
}

std::string optionLetters(const std::vector<int>& indices) {
    std::string out;
    for (std::size_t i = 0; i < indices.size(); ++i) {
        if (i > 0) {
            out += i + 1 == indices.size() ? " et " : ", ";
        }
        out += static_cast<char>('A' + indices[i]);
    }
    return out;
}

const char* outcomeLabel(Outcome outcome) {
    switch (outcome) {
        case Outcome::Right:
            return "juste";
        case Outcome::Partial:
            return "en partie juste";
        case Outcome::Wrong:
            return "faux";
    }
    return "";
}

std::string describeRule(const Question& question) {
    const std::string total = formatPoints(question.points);
    if (!question.isMultipleAnswer()) {
        return "Une seule bonne réponse (" + total + ").";
    }
    if (question.scoring == ScoringRule::AllOrNothing) {
        return "Plusieurs bonnes réponses, tout ou rien : " + total +
               " seulement si vous cochez toutes les bonnes réponses et aucune autre.";
    }
    const std::string unit = formatDecimal(question.points / question.correctCount());
    return "Plusieurs bonnes réponses, crédit partiel : chaque bonne réponse cochée rapporte " + unit +
           ", chaque réponse cochée à tort retire " + unit + " (jamais moins de 0 ; " + total + " au plus).";
}

std::string describeBreakdown(const Question& question, const QuestionScore& score) {
    const std::string total =
        "Total : " + formatDecimal(score.points) + " sur " + formatPoints(score.maxPoints) + ".";
    if (!question.isMultipleAnswer()) {
        return std::string(score.outcome == Outcome::Right ? "Bonne réponse. "
                                                           : "Ce n'est pas la bonne réponse. ") +
               total;
    }
    const std::string unit = formatDecimal(score.unit);
    if (score.rule == ScoringRule::AllOrNothing) {
        if (score.outcome == Outcome::Right) {
            return "Tout ou rien : toutes les bonnes réponses, et elles seules. " + total;
        }
        std::string why;
        if (score.correctMissed > 0) {
            why += std::to_string(score.correctMissed) + " bonne" + (score.correctMissed > 1 ? "s" : "") +
                   " réponse" + (score.correctMissed > 1 ? "s" : "") + " oubliée" +
                   (score.correctMissed > 1 ? "s" : "");
        }
        if (score.wrongTicked > 0) {
            why += (why.empty() ? "" : ", ") + std::to_string(score.wrongTicked) + " réponse" +
                   (score.wrongTicked > 1 ? "s" : "") + " cochée" + (score.wrongTicked > 1 ? "s" : "") +
                   " à tort";
        }
        return "Tout ou rien : " + why + ", donc aucun point. " + total;
    }
    std::string out = "Crédit partiel : ";
    out += std::to_string(score.correctTicked) + " bonne" + (score.correctTicked > 1 ? "s" : "") +
           " réponse" + (score.correctTicked > 1 ? "s" : "") + " cochée" +
           (score.correctTicked > 1 ? "s" : "") + " × " + unit + " = +" +
           formatDecimal(score.correctTicked * score.unit);
    if (score.wrongTicked > 0) {
        out += " ; " + std::to_string(score.wrongTicked) + " cochée" + (score.wrongTicked > 1 ? "s" : "") +
               " à tort × " + unit + " = −" + formatDecimal(score.wrongTicked * score.unit);
    }
    if ((score.correctTicked - score.wrongTicked) * score.unit < 0) {
        out += " ; le total ne descend pas sous 0";
    }
    return out + ". " + total;
}

QuestionScore scoreCard(const MythCard& card, int argumentChosen) {
    QuestionScore score;
    score.maxPoints = card.points;
    score.outcome = argumentChosen == card.bestArgumentIndex() ? Outcome::Right : Outcome::Wrong;
    score.points = score.outcome == Outcome::Right ? card.points : 0.0;
    return score;
}

}  // namespace passerelles

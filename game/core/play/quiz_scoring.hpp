// Scoring of one quiz answer under the question's rule, with the breakdown a learner sees.
//
// Partial credit ("partial"), for a question worth P points with C correct options:
//     points = max(0, (correct options ticked - wrong options ticked) × P / C)
// so each correct tick earns P/C, each wrong tick costs P/C, and the floor is 0.
// All-or-nothing ("all-or-nothing"): P points when exactly the correct options are ticked, else 0.
// A question with one correct option gives P for that option alone, whatever the rule.
#pragma once

#include <string>
#include <vector>

#include "core/content/content.hpp"

namespace passerelles {

enum class Outcome { Right, Partial, Wrong };

struct QuestionScore {
    double points = 0.0;
    double maxPoints = 0.0;
    Outcome outcome = Outcome::Wrong;
    int correctTicked = 0;
    int wrongTicked = 0;
    int correctMissed = 0;
    double unit = 0.0;  // P / C: what one tick is worth under partial credit
    ScoringRule rule = ScoringRule::Partial;
};

// `selected` holds option indices (order and duplicates do not matter).
QuestionScore scoreQuestion(const Question& question, const std::vector<int>& selected);

// The one rule for an idée reçue card, wherever it is played (alone, in review, at the booth, recorded):
// the card's points for its best argument, nothing for any other; the opinion never scores.
QuestionScore scoreCard(const MythCard& card, int argumentChosen);

// Shown before answering: "Plusieurs bonnes réponses — crédit partiel : …".
std::string describeRule(const Question& question);
// Shown after answering: "A et C cochées, bonnes : 2 × 0,5 = +1 ; D cochée à tort : −0,5. Total : 0,5 sur 1."
std::string describeBreakdown(const Question& question, const QuestionScore& score);
// "1 point", "0,5 point", "2 points"
std::string formatPoints(double points);
// "A et C", "B", "A, B et E"
std::string optionLetters(const std::vector<int>& indices);
const char* outcomeLabel(Outcome outcome);  // "juste", "en partie juste", "faux"

}  // namespace passerelles

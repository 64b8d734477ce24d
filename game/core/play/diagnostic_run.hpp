// A self-diagnostic in play: weighted answers, then the closest profile (or a hybrid of two).
//
// Scoring: a profile's score is the sum of the weights of the answers chosen, divided by the most that
// profile could receive (for a one-answer question, its largest weight there; for a several-answers
// question, the sum of its weights there), so every profile is scored between 0 and 1 whatever the
// number of weights it has. The highest score wins; a second profile whose score is within the activity's
// hybridMargin of the first (relative: 0.15 means at least 85 % of it) is announced as a hybrid, unless
// either of the two is "standalone" (a profile such as « non engagée » that never mixes).
//
// No evidence, no profile: a profile whose answers chosen gave it less than kDiagnosticMinimumEvidence
// points in all (raw weights, before dividing) scores 0, so weights of 0 or 1e-300 prove nothing; when every
// profile scores 0, no profile is announced (main and hybrid are -1) and the screen says why. The loader
// warns about a profile that no answer can give that much (it could never be the result).
#pragma once

#include <optional>
#include <vector>

#include "core/content/content.hpp"

namespace passerelles {

// Below this many points earned in all, a profile has no evidence (weights run from 0 to 100, so any weight
// an author means is far above it).
inline constexpr double kDiagnosticMinimumEvidence = 1e-9;

struct ProfileScore {
    int profile = -1;
    double score = 0.0;  // 0 to 1
};

struct DiagnosticResult {
    std::vector<ProfileScore> ranking;  // best first
    int main = -1;                      // -1: the answers give no profile enough evidence; none is announced
    int hybrid = -1;                    // -1: not a hybrid
};

DiagnosticResult scoreDiagnostic(const SelfDiagnostic& diagnostic,
                                 const std::vector<std::vector<int>>& answers);

class DiagnosticRun {
  public:
    enum class Phase { Answering, Result };

    explicit DiagnosticRun(const SelfDiagnostic& diagnostic);

    Phase phase() const { return phase_; }
    std::size_t position() const { return position_; }
    const DiagnosticQuestion& currentQuestion() const;
    const std::vector<int>& currentAnswer() const { return answers_[position_]; }
    const std::vector<std::vector<int>>& answers() const { return answers_; }

    bool toggle(int option);  // one answer: replaces; several: adds or removes
    bool next();              // needs an answer; after the last question, shows the result
    bool previous();
    void restart();
    const DiagnosticResult& result() const { return result_; }

  private:
    const SelfDiagnostic* diagnostic_;
    std::size_t position_ = 0;
    Phase phase_ = Phase::Answering;
    std::vector<std::vector<int>> answers_;
    DiagnosticResult result_;
};

}  // namespace passerelles

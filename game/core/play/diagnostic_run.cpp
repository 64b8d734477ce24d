// Scoring and state machine of the self-diagnostic (rules in diagnostic_run.hpp).
#include "core/play/diagnostic_run.hpp"

#include <algorithm>

#include "core/play/quiz_run.hpp"

namespace passerelles {

DiagnosticResult scoreDiagnostic(const SelfDiagnostic& diagnostic,
                                 const std::vector<std::vector<int>>& answers) {
    const std::size_t profileCount = diagnostic.profiles.size();
    std::vector<double> earned(profileCount, 0.0);
    std::vector<double> possible(profileCount, 0.0);
    for (std::size_t q = 0; q < diagnostic.questions.size(); ++q) {
        const DiagnosticQuestion& question = diagnostic.questions[q];
        std::vector<double> mostHere(profileCount, 0.0);
        for (std::size_t o = 0; o < question.options.size(); ++o) {
            const bool chosen = q < answers.size() && std::find(answers[q].begin(), answers[q].end(),
                                                                static_cast<int>(o)) != answers[q].end();
            for (const ProfileWeight& weight : question.options[o].weights) {
                const auto p = static_cast<std::size_t>(weight.profile);
                mostHere[p] =
                    question.multiple ? mostHere[p] + weight.weight : std::max(mostHere[p], weight.weight);
                earned[p] += chosen ? weight.weight : 0.0;
            }
        }
        for (std::size_t p = 0; p < profileCount; ++p) {
            possible[p] += mostHere[p];
        }
    }
    DiagnosticResult result;
    for (std::size_t p = 0; p < profileCount; ++p) {
        const bool evidence = earned[p] >= kDiagnosticMinimumEvidence && possible[p] > 0.0;
        result.ranking.push_back(
            {static_cast<int>(p), evidence ? std::min(1.0, earned[p] / possible[p]) : 0.0});
    }
    std::stable_sort(result.ranking.begin(), result.ranking.end(),
                     [](const ProfileScore& a, const ProfileScore& b) { return a.score > b.score; });
    if (result.ranking.empty() || result.ranking[0].score <= 0.0) {
        return result;  // no evidence for any profile: none is announced
    }
    result.main = result.ranking[0].profile;
    const auto& top = diagnostic.profiles[static_cast<std::size_t>(result.main)];
    if (result.ranking.size() > 1 && !top.standalone) {
        for (std::size_t i = 1; i < result.ranking.size(); ++i) {
            const ProfileScore& candidate = result.ranking[i];
            if (diagnostic.profiles[static_cast<std::size_t>(candidate.profile)].standalone) {
                continue;
            }
            if (candidate.score >= result.ranking[0].score * (1.0 - diagnostic.hybridMargin)) {
                result.hybrid = candidate.profile;
            }
            break;  // only the best non-standalone runner-up can make a hybrid
        }
    }
    return result;
}

DiagnosticRun::DiagnosticRun(const SelfDiagnostic& diagnostic) : diagnostic_(&diagnostic) {
    restart();
}

void DiagnosticRun::restart() {
    position_ = 0;
    phase_ = Phase::Answering;
    answers_.assign(diagnostic_->questions.size(), {});
    result_ = DiagnosticResult{};
}

const DiagnosticQuestion& DiagnosticRun::currentQuestion() const {
    return diagnostic_->questions[position_];
}

bool DiagnosticRun::toggle(int option) {
    if (phase_ != Phase::Answering || option < 0 ||
        option >= static_cast<int>(currentQuestion().options.size())) {
        return false;
    }
    toggleOption(answers_[position_], option, currentQuestion().multiple);
    return true;
}

bool DiagnosticRun::next() {
    if (phase_ != Phase::Answering || answers_[position_].empty()) {
        return false;
    }
    if (position_ + 1 < diagnostic_->questions.size()) {
        ++position_;
        return true;
    }
    result_ = scoreDiagnostic(*diagnostic_, answers_);
    phase_ = Phase::Result;
    return true;
}

bool DiagnosticRun::previous() {
    if (phase_ == Phase::Result) {
        phase_ = Phase::Answering;
        return true;
    }
    if (position_ == 0) {
        return false;
    }
    --position_;
    return true;
}

}  // namespace passerelles

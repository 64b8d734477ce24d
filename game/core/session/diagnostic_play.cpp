// One play of a self-diagnostic with its recording, and the detail its result is recorded with.
#include "core/session/diagnostic_play.hpp"

#include <utility>

#include <nlohmann/json.hpp>

namespace passerelles {

DiagnosticPlay::DiagnosticPlay(const SelfDiagnostic& diagnostic)
    : diagnostic_(diagnostic), run_(diagnostic) {}

void DiagnosticPlay::begin(std::unique_ptr<ActivityRecorder> recorder) {
    recorder_ = std::move(recorder);
    recorder_->start(false);
}

bool DiagnosticPlay::next() {
    if (!run_.next()) {
        return false;
    }
    if (run_.phase() == DiagnosticRun::Phase::Result) {
        recorder_->diagnosed(diagnostic_, diagnosticResultDetail(diagnostic_, run_));
        recorder_->finish(1.0, 1.0);
    }
    return true;
}

void DiagnosticPlay::restart() {
    run_.restart();
    recorder_->start(false);
}

std::string diagnosticResultDetail(const SelfDiagnostic& diagnostic, const DiagnosticRun& run) {
    const DiagnosticResult& result = run.result();
    nlohmann::json scores = nlohmann::json::object();
    for (const ProfileScore& score : result.ranking) {
        scores[diagnostic.profiles[static_cast<std::size_t>(score.profile)].id] = score.score;
    }
    const auto profileId = [&](int index) {
        return index >= 0 ? diagnostic.profiles[static_cast<std::size_t>(index)].id : std::string();
    };
    return nlohmann::json{{"profile", profileId(result.main)},
                          {"hybrid", profileId(result.hybrid)},
                          {"scores", scores},
                          {"answers", run.answers()}}
        .dump();
}

}  // namespace passerelles

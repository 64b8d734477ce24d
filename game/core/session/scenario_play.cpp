// One play of a scenario with its recording.
#include "core/session/scenario_play.hpp"

#include <utility>

namespace passerelles {

ScenarioPlay::ScenarioPlay(const Scenario& scenario) : scenario_(scenario), run_(scenario) {}

void ScenarioPlay::begin(std::unique_ptr<ActivityRecorder> recorder) {
    recorder_ = std::move(recorder);
    if (const auto state = recorder_->resumableState()) {
        if (const auto path = parseScenarioPath(*state)) {
            resumable_.offer(ScenarioRun::replay(scenario_, *path));
        }
        if (!resumable_.run()) {
            notice_ = "Le scénario a changé depuis votre dernière partie : il reprend au début.";
            recorder_->start(false);
        }
        return;
    }
    recorder_->start(false);
}

bool ScenarioPlay::choose(int choiceIndex) {
    if (!run_.choose(choiceIndex)) {
        return false;
    }
    recorder_->saveState(serializeScenarioPath(run_.choiceIds()));
    return true;
}

void ScenarioPlay::finish() {
    const double best = scenario_.summary.bestTotal;  // found once by the loader
    recorder_->scenarioEnded(scenario_, run_, best);
    recorder_->finish(run_.total(), best);
}

}  // namespace passerelles

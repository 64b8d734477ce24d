// One solo play of an idées reçues deck with its recording.
#include "core/session/myth_solo_play.hpp"

#include <utility>

namespace passerelles {

MythSoloPlay::MythSoloPlay(const MythDeck& deck) : run_(SoloMythRun::forDeck(deck)) {}

void MythSoloPlay::begin(std::unique_ptr<ActivityRecorder> recorder) {
    recorder_ = std::move(recorder);
    recorder_->start(false);
}

bool MythSoloPlay::setPosition(Agreement agreement) {
    const std::size_t recorded = run_.results().size();
    if (!run_.setPosition(agreement)) {
        return false;
    }
    if (run_.results().size() > recorded) {
        recorder_->cardPlayed(*run_.results().back().card, run_.results().back());
        if (run_.phase() == SoloMythRun::Phase::Finished) {
            recorder_->finish(run_.score(), run_.maxScore());
        }
    }
    return true;
}

}  // namespace passerelles

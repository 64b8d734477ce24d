// The presenter's link to the phones: opens the room server, shows it the step on screen, brings back votes.
#include "ui/phone_room.hpp"

#include <tuple>

namespace passerelles::ui {

namespace {

room::RoomStepKind roomKind(PhonePromptKind kind) {
    switch (kind) {
        case PhonePromptKind::Question:
            return room::RoomStepKind::Question;
        case PhonePromptKind::Card:
            return room::RoomStepKind::Card;
        case PhonePromptKind::Scenario:
            return room::RoomStepKind::Scenario;
        case PhonePromptKind::ProfileMap:
            return room::RoomStepKind::ProfileMap;
        case PhonePromptKind::Waiting:
            break;
    }
    return room::RoomStepKind::Waiting;
}

bool sameStep(const room::RoomStep& a, const room::RoomStep& b) {
    return std::tie(a.kind, a.key, a.title, a.prompt, a.options, a.multiple, a.open, a.revealed, a.correct,
                    a.counts, a.explanation) == std::tie(b.kind, b.key, b.title, b.prompt, b.options,
                                                         b.multiple, b.open, b.revealed, b.correct, b.counts,
                                                         b.explanation);
}

}  // namespace

room::RoomStep roomStepFor(const PhonePrompt& prompt) {
    room::RoomStep step;
    step.kind = roomKind(prompt.kind);
    step.key = prompt.key;
    step.title = prompt.title;
    step.prompt = prompt.prompt;
    step.options = prompt.options;
    step.multiple = prompt.multiple;
    step.open = prompt.open;
    step.revealed = prompt.revealed;
    step.correct = prompt.correct;
    step.counts = prompt.counts;
    step.explanation = prompt.explanation;
    return step;
}

bool PhoneRoom::open(int port, std::string& error) {
    if (isOpen()) {
        return true;
    }
    std::string lastError;
    const int attempts = port == 0 ? 1 : kPortsTried;
    for (int attempt = 0; attempt < attempts && port + attempt <= 65535; ++attempt) {
        auto server = std::make_unique<room::RoomServer>();
        room::RoomOptions options;
        options.port = static_cast<std::uint16_t>(port + attempt);
        if (server->start(options, lastError)) {
            server_ = std::move(server);
            hasPublished_ = false;
            tally_ = {};
            refreshAddresses();
            return true;
        }
    }
    error = lastError;
    return false;
}

void PhoneRoom::close() {
    if (server_ != nullptr) {
        server_->stop();
        server_.reset();
    }
    tally_ = {};
}

void PhoneRoom::refreshAddresses() {
    addresses_ = room::listIpv4Addresses();
    const auto preferred = room::preferredAddress(addresses_);
    networkMissing_ = !preferred.has_value();
    // Without a network the loopback address still lets the trainer try the page on the laptop itself.
    const std::string address = preferred ? preferred->address : std::string("127.0.0.1");
    if (server_ != nullptr) {
        joinUrl_ = room::joinUrl(address, server_->port(), server_->joinPath());
        qr_ = room::makeQr(joinUrl_);
    }
}

void PhoneRoom::sync(AtelierRun& run, bool atCover, bool finished) {
    if (!isOpen()) {
        return;
    }
    // What the phones are shown is made again only when the run moved (every change is journaled), and the
    // tally copied only when the server says it changed: an idle frame with the room open allocates nothing.
    const std::size_t journal = run.journal().size();
    const bool stepChanged =
        !hasPublished_ || journal != syncedJournal_ || atCover != syncedCover_ || finished != syncedFinished_;
    const std::uint64_t revision = server_->tallyRevision();
    if (!stepChanged && revision == syncedRevision_) {
        return;
    }
    syncedJournal_ = journal;
    syncedCover_ = atCover;
    syncedFinished_ = finished;
    syncedRevision_ = revision;
    room::RoomStep step;
    if (finished) {
        step.kind = room::RoomStepKind::Waiting;
        step.key = "fin";
        step.title = "L’atelier est terminé";
        step.prompt = "Merci de votre participation !";
    } else if (atCover) {
        step.kind = room::RoomStepKind::Waiting;
        step.key = "accueil";
        step.title = run.plan().title;
        step.prompt = "Vous êtes connecté. Les questions apparaîtront ici.";
    } else {
        step = roomStepFor(run.phonePrompt());
    }
    if (!hasPublished_ || !sameStep(step, published_)) {
        server_->publish(step);
        published_ = step;
        hasPublished_ = true;
    }
    tally_ = server_->tally();
    if (!atCover && !finished && tally_.key == step.key) {
        run.recordPhoneVotes(tally_.key, {tally_.connected, tally_.answered, tally_.counts});
    }
}

}  // namespace passerelles::ui

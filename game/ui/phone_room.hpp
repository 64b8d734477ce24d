// The presenter's link to the phones: opens the room server, shows it the step on screen, brings back votes.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "core/atelier/atelier_run.hpp"
#include "room/network_addresses.hpp"
#include "room/qr_code.hpp"
#include "room/room_server.hpp"

namespace passerelles::ui {

class PhoneRoom {
  public:
    // Ports tried from the one asked for: a second program on 8080 should not stop a workshop.
    static constexpr int kPortsTried = 10;

    // Starts the server on `port` (or the next free one) and picks the address phones should use. False
    // with a French sentence in `error` when no port could be opened.
    bool open(int port, std::string& error);
    void close();
    bool isOpen() const { return server_ != nullptr && server_->running(); }

    // Once a frame: publishes what phones should show (when it changed) and records their answers in the
    // run. `atCover` and `finished` say the workshop has not started or is over.
    void sync(AtelierRun& run, bool atCover, bool finished);

    const room::RoomTally& tally() const { return tally_; }
    const std::string& joinUrl() const { return joinUrl_; }
    const room::QrMatrix& qr() const { return qr_; }
    const std::vector<room::NetworkAddress>& addresses() const { return addresses_; }
    // The laptop has no network but its loopback: phones cannot reach it.
    bool networkMissing() const { return networkMissing_; }
    std::uint16_t port() const { return server_ != nullptr ? server_->port() : 0; }
    // Re-reads the laptop's addresses (« Vérifier le réseau ») and the join URL with them.
    void refreshAddresses();

  private:
    std::unique_ptr<room::RoomServer> server_;
    room::RoomStep published_;
    bool hasPublished_ = false;
    room::RoomTally tally_;
    // What the last sync saw: it does nothing until one of them changes.
    std::size_t syncedJournal_ = 0;
    bool syncedCover_ = false;
    bool syncedFinished_ = false;
    std::uint64_t syncedRevision_ = 0;
    std::vector<room::NetworkAddress> addresses_;
    bool networkMissing_ = false;
    std::string joinUrl_;
    room::QrMatrix qr_;
};

// What phones show for a run's prompt (core decides keys and options; the room only carries them).
room::RoomStep roomStepFor(const PhonePrompt& prompt);

}  // namespace passerelles::ui

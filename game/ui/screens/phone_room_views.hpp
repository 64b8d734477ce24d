// The live room as the projector shows it: the QR code, the address in large type, the network check.
#pragma once

#include "room/qr_code.hpp"
#include "ui/phone_room.hpp"
#include "ui/screen.hpp"

namespace passerelles::ui {

// A QR code drawn as black squares on white with its four-module quiet zone, `side` pixels square.
void drawQrCode(Frame& frame, const room::QrMatrix& qr, float side);

// « 23 téléphones connectés · 19 ont répondu », or « Aucun téléphone connecté ».
std::string phoneCountsLine(const room::RoomTally& tally);

// What the room needs to join: the code, the address, the steps; and, for the trainer, the network's state.
// Returns true when « Vérifier le réseau » was pressed.
bool drawPhoneJoinPanel(Frame& frame, const PhoneRoom& phones, float height);

}  // namespace passerelles::ui

namespace passerelles::ui {
// The laptop's network addresses, the one phones should use marked (« Vérifier le réseau »).
void drawNetworkAddresses(Frame& frame, const PhoneRoom& phones);
}  // namespace passerelles::ui

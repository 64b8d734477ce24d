// The live room as the projector shows it: the QR code, the address in large type, the network check.
#include "ui/screens/phone_room_views.hpp"

#include <algorithm>
#include <cmath>

#include "core/base/text.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

namespace passerelles::ui {

void drawQrCode(Frame&, const room::QrMatrix& qr, float side) {
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->AddRectFilled(origin, ImVec2(origin.x + side, origin.y + side), IM_COL32_WHITE);
    if (qr.size > 0) {
        constexpr int kQuietZone = 4;  // modules of white around the code: readers need it
        // Whole pixels per module: fractional modules blur into grey edges that cheap phones misread.
        const float module = std::max(1.0f, std::floor(side / static_cast<float>(qr.size + 2 * kQuietZone)));
        const float offset = (side - module * static_cast<float>(qr.size)) * 0.5f;
        for (int y = 0; y < qr.size; ++y) {
            for (int x = 0; x < qr.size; ++x) {
                if (qr.at(x, y)) {
                    const ImVec2 topLeft(std::floor(origin.x + offset + module * static_cast<float>(x)),
                                         std::floor(origin.y + offset + module * static_cast<float>(y)));
                    draw->AddRectFilled(topLeft, ImVec2(topLeft.x + module, topLeft.y + module),
                                        IM_COL32_BLACK);
                }
            }
        }
    }
    ImGui::Dummy(ImVec2(side, side));
}

std::string phoneCountsLine(const room::RoomTally& tally) {
    if (tally.connected == 0) {
        return "Aucun téléphone connecté";
    }
    return countNoun(tally.connected, "téléphone connecté", "téléphones connectés") + " · " +
           std::to_string(tally.answered) + (tally.answered > 1 ? " ont répondu" : " a répondu");
}

bool drawPhoneJoinPanel(Frame& frame, const PhoneRoom& phones, float height) {
    const float unit = frame.layout.unit;
    const float width = availableWidth();
    const float side = std::min(height, width * 0.45f);
    const ImVec2 start = ImGui::GetCursorPos();
    drawQrCode(frame, phones.qr(), side);
    ImGui::SetCursorPos(ImVec2(start.x + side + unit * 1.2f, start.y));
    ImGui::BeginGroup();
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width - side - unit * 1.4f);
    heading(frame, "Répondez avec votre téléphone", frame.services.fonts.title, theme::kPrimary);
    paragraph(frame, "1. Connectez-vous au Wi-Fi de la salle.", frame.services.fonts.heading);
    paragraph(frame, "2. Scannez le code, ou tapez cette adresse\u00A0:", frame.services.fonts.heading);
    verticalSpace(frame, 0.2f);
    // The address in the largest type that keeps it on one line: people at the back copy it by hand, and an
    // address broken after « 192.0.2. » gets typed wrong.
    const float column = width - side - unit * 1.4f;
    ImFont* addressFont = frame.services.fonts.body;
    for (ImFont* candidate :
         {frame.services.fonts.display, frame.services.fonts.title, frame.services.fonts.heading}) {
        const float needed =
            candidate->CalcTextSizeA(candidate->FontSize, FLT_MAX, 0.0f, phones.joinUrl().c_str()).x;
        if (needed <= column) {
            addressFont = candidate;
            break;
        }
    }
    ImGui::PushFont(addressFont);
    ImGui::TextColored(theme::toVec4(theme::kPrimary), "%s", phones.joinUrl().c_str());
    ImGui::PopFont();
    verticalSpace(frame, 0.3f);
    paragraph(frame, "Sans compte, sans nom\u00A0: seules les réponses sont comptées.",
              frame.services.fonts.body, theme::kTextMuted);
    paragraph(frame, phoneCountsLine(phones.tally()), frame.services.fonts.heading);
    bool check = false;
    if (phones.networkMissing()) {
        beginPanel(frame, theme::kWrongSoft, theme::kWrong);
        paragraph(
            frame,
            "Cet ordinateur n’est relié à aucun réseau\u00A0: les téléphones ne peuvent pas le joindre. "
            "Branchez le routeur de voyage ou activez le partage de connexion, puis «\u00A0Vérifier le "
            "réseau\u00A0».",
            frame.services.fonts.bold);
        endPanel(frame);
    }
    if (button(frame, "Vérifier le réseau", 0.0f, ButtonStyle::Secondary)) {
        check = true;
    }
    ImGui::PopTextWrapPos();
    ImGui::EndGroup();
    ImGui::SetCursorPos(ImVec2(start.x, std::max(ImGui::GetCursorPosY(), start.y + side + unit * 0.4f)));
    return check;
}

}  // namespace passerelles::ui

namespace passerelles::ui {

void drawNetworkAddresses(Frame& frame, const PhoneRoom& phones) {
    const auto preferred = room::preferredAddress(phones.addresses());
    std::string line;
    for (const auto& address : phones.addresses()) {
        if (address.isLoopback) {
            continue;  // 127.0.0.1 is this computer only: no phone reaches it
        }
        line += (line.empty() ? "" : " · ") + address.name + " " + address.address;
        if (preferred && preferred->address == address.address) {
            line += " (celle que les téléphones doivent utiliser)";
        }
    }
    sourceLine(frame, line.empty() ? std::string("Adresses de cet ordinateur\u00A0: aucune hors de lui-même.")
                                   : "Adresses de cet ordinateur\u00A0: " + line + ".");
}

}  // namespace passerelles::ui

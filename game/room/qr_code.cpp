// QR codes through the Debian qrcodegen library (Nayuki's), medium error correction.
#include "room/qr_code.hpp"

#include <qrcodegen/qrcodegen.hpp>

namespace passerelles::room {

QrMatrix makeQr(const std::string& text) {
    QrMatrix matrix;
    try {
        const qrcodegen::QrCode code =
            qrcodegen::QrCode::encodeText(text.c_str(), qrcodegen::QrCode::Ecc::MEDIUM);
        matrix.size = code.getSize();
        matrix.dark.resize(static_cast<std::size_t>(matrix.size) * static_cast<std::size_t>(matrix.size));
        for (int y = 0; y < matrix.size; ++y) {
            for (int x = 0; x < matrix.size; ++x) {
                matrix.dark[static_cast<std::size_t>(y) * static_cast<std::size_t>(matrix.size) +
                            static_cast<std::size_t>(x)] = code.getModule(x, y);
            }
        }
    } catch (const qrcodegen::data_too_long&) {
        matrix = QrMatrix{};
    }
    return matrix;
}

}  // namespace passerelles::room

// QR codes for the join address, as a plain matrix of modules the UI draws however it likes.
#pragma once

#include <string>
#include <vector>

namespace passerelles::room {

struct QrMatrix {
    int size = 0;            // modules per side, without the quiet zone
    std::vector<bool> dark;  // row by row, size × size
    bool at(int x, int y) const {
        return x >= 0 && y >= 0 && x < size && y < size &&
               dark[static_cast<std::size_t>(y) * static_cast<std::size_t>(size) +
                    static_cast<std::size_t>(x)];
    }
};

// Medium error correction; an upper-case URL uses the compact alphanumeric mode. Empty (size 0) when the
// text does not fit in a QR code.
QrMatrix makeQr(const std::string& text);

}  // namespace passerelles::room

// Writes makeQr(TEXT) as a PNG (8 pixels a module, a 4-module quiet zone), for the zbarimg decode test.
#define STB_IMAGE_WRITE_IMPLEMENTATION
#include <stb/stb_image_write.h>

#include <cstdio>
#include <vector>

#include "room/qr_code.hpp"

int main(int argc, char** argv) {
    if (argc != 3) {
        std::fprintf(stderr, "qr_png TEXT OUTPUT.png\n");
        return 2;
    }
    const passerelles::room::QrMatrix qr = passerelles::room::makeQr(argv[1]);
    if (qr.size == 0) {
        std::fprintf(stderr, "qr_png: the text does not fit in a QR code\n");
        return 1;
    }
    constexpr int scale = 8;
    constexpr int quiet = 4;
    const int side = (qr.size + 2 * quiet) * scale;
    std::vector<unsigned char> pixels(static_cast<std::size_t>(side) * static_cast<std::size_t>(side), 255);
    for (int y = 0; y < side; ++y) {
        for (int x = 0; x < side; ++x) {
            if (qr.at(x / scale - quiet, y / scale - quiet)) {
                pixels[static_cast<std::size_t>(y) * static_cast<std::size_t>(side) +
                       static_cast<std::size_t>(x)] = 0;
            }
        }
    }
    return stbi_write_png(argv[2], side, side, 1, pixels.data(), side) != 0 ? 0 : 1;
}

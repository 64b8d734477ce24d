// PNG screenshots with stb_image_write (from Debian's libstb).
#include "app/screenshot.hpp"

#include <vector>

#include <SDL.h>
#include <stb_image_write.h>

namespace passerelles::app {

std::string writeScreenshot(SDL_Renderer* renderer, const std::string& path) {
    int width = 0;
    int height = 0;
    if (SDL_GetRendererOutputSize(renderer, &width, &height) != 0) {
        return std::string("taille de l'image inconnue : ") + SDL_GetError();
    }
    std::vector<unsigned char> pixels(static_cast<std::size_t>(width) * static_cast<std::size_t>(height) *
                                      4u);
    if (SDL_RenderReadPixels(renderer, nullptr, SDL_PIXELFORMAT_RGBA32, pixels.data(), width * 4) != 0) {
        return std::string("lecture de l'image impossible : ") + SDL_GetError();
    }
    if (stbi_write_png(path.c_str(), width, height, 4, pixels.data(), width * 4) == 0) {
        return "écriture impossible de " + path;
    }
    return {};
}

}  // namespace passerelles::app

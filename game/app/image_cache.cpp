// Loads pack images into SDL textures; an unreadable image is skipped, never fatal.
#include "app/image_cache.hpp"

#include <SDL.h>
#include <stb_image.h>

namespace passerelles::app {

ImageCache::~ImageCache() {
    for (auto& [path, entry] : entries_) {
        if (entry.texture != nullptr) {
            SDL_DestroyTexture(entry.texture);
        }
    }
}

ImTextureID ImageCache::texture(const std::string& path, ImVec2& size) {
    auto found = entries_.find(path);
    if (found == entries_.end()) {
        Entry entry;
        int width = 0;
        int height = 0;
        int channels = 0;
        // Pack images are checked at load (inside the pack, at most 5 MB); decoding limits still apply.
        if (unsigned char* pixels = stbi_load(path.c_str(), &width, &height, &channels, 4)) {
            if (width > 0 && height > 0 && width <= 8192 && height <= 8192) {
                entry.texture = SDL_CreateTexture(renderer_, SDL_PIXELFORMAT_RGBA32, SDL_TEXTUREACCESS_STATIC,
                                                  width, height);
                if (entry.texture != nullptr) {
                    SDL_UpdateTexture(entry.texture, nullptr, pixels, width * 4);
                    SDL_SetTextureBlendMode(entry.texture, SDL_BLENDMODE_BLEND);
                    entry.size = ImVec2(static_cast<float>(width), static_cast<float>(height));
                }
            }
            stbi_image_free(pixels);
        }
        found = entries_.emplace(path, entry).first;
    }
    size = found->second.size;
    return static_cast<ImTextureID>(found->second.texture);
}

}  // namespace passerelles::app

// Textures of pack images for the SDL renderer, loaded once per path (PNG or JPEG through stb_image).
#pragma once

#include <map>
#include <string>

#include "ui/screen.hpp"

struct SDL_Renderer;
struct SDL_Texture;

namespace passerelles::app {

class ImageCache final : public ui::ImageSource {
  public:
    explicit ImageCache(SDL_Renderer* renderer) : renderer_(renderer) {}
    ~ImageCache() override;
    ImageCache(const ImageCache&) = delete;
    ImageCache& operator=(const ImageCache&) = delete;

    ImTextureID texture(const std::string& path, ImVec2& size) override;

  private:
    struct Entry {
        SDL_Texture* texture = nullptr;
        ImVec2 size;
    };
    SDL_Renderer* renderer_;
    std::map<std::string, Entry> entries_;  // a failed load is remembered too, so it is tried once
};

}  // namespace passerelles::app

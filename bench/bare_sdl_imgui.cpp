// The start-up, memory and idle baseline: a bare SDL + ImGui program with Passerelles' window.
//
// Same window size and flags, same renderer choice (accelerated, else software), same ImGui backends,
// same --frames / --size options and the same first-frame stamp; it draws one trivial window in ImGui's
// own font. What Passerelles costs beyond this is its own, its font atlas included (issue 19).
#include <algorithm>
#include <cstdio>
#include <string>
#include <vector>

#include <SDL.h>
#include <imgui.h>
#include <imgui_impl_sdl.h>
#include <imgui_impl_sdlrenderer.h>

#include "app/command_line.hpp"
#include "app/first_frame_stamp.hpp"

namespace {

constexpr int kFramesAfterInput = 3;  // as the game: ImGui settles hover and layout over a few frames

int run(const passerelles::app::Options& options) {
    if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_TIMER) != 0) {
        std::fprintf(stderr, "bare_sdl_imgui: %s\n", SDL_GetError());
        return 1;
    }
    SDL_Window* window =
        SDL_CreateWindow("Baseline", SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED, options.width,
                         options.height, SDL_WINDOW_RESIZABLE | SDL_WINDOW_ALLOW_HIGHDPI);
    if (window == nullptr) {
        std::fprintf(stderr, "bare_sdl_imgui: %s\n", SDL_GetError());
        SDL_Quit();
        return 1;
    }
    SDL_Renderer* renderer =
        SDL_CreateRenderer(window, -1, SDL_RENDERER_ACCELERATED | SDL_RENDERER_PRESENTVSYNC);
    if (renderer == nullptr) {
        renderer = SDL_CreateRenderer(window, -1, SDL_RENDERER_SOFTWARE);
    }
    if (renderer == nullptr) {
        std::fprintf(stderr, "bare_sdl_imgui: %s\n", SDL_GetError());
        SDL_DestroyWindow(window);
        SDL_Quit();
        return 1;
    }
    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGui::GetIO().IniFilename = nullptr;
    ImGui_ImplSDL2_InitForSDLRenderer(window);
    ImGui_ImplSDLRenderer_Init(renderer);

    int framesDrawn = 0;
    int framesPending = kFramesAfterInput;
    bool running = true;
    while (running) {
        SDL_Event event;
        if (options.frames == 0 && framesPending == 0) {
            if (SDL_WaitEvent(&event) == 1) {
                ImGui_ImplSDL2_ProcessEvent(&event);
                running = event.type != SDL_QUIT;
            }
            framesPending = kFramesAfterInput;
        }
        while (SDL_PollEvent(&event) == 1) {
            ImGui_ImplSDL2_ProcessEvent(&event);
            running = running && event.type != SDL_QUIT;
            framesPending = kFramesAfterInput;
        }
        int width = 0;
        int height = 0;
        SDL_GetWindowSize(window, &width, &height);
        ImGui_ImplSDLRenderer_NewFrame();  // builds ImGui's default font and its texture the first time
        ImGui_ImplSDL2_NewFrame();
        ImGui::NewFrame();
        ImGui::SetNextWindowPos(ImVec2(0, 0));
        ImGui::SetNextWindowSize(ImVec2(static_cast<float>(width), static_cast<float>(height)));
        ImGui::Begin("Baseline", nullptr, ImGuiWindowFlags_NoDecoration);
        ImGui::TextUnformatted("Passerelles");
        ImGui::TextUnformatted("Une fenetre SDL + ImGui et rien d'autre.");
        ImGui::End();
        ImGui::Render();
        SDL_SetRenderDrawColor(renderer, 245, 243, 238, 255);
        SDL_RenderClear(renderer);
        ImGui_ImplSDLRenderer_RenderDrawData(ImGui::GetDrawData());
        SDL_RenderPresent(renderer);
        passerelles::app::stampFirstFrame();
        ++framesDrawn;
        framesPending = std::max(0, framesPending - 1);
        if (options.frames > 0 && framesDrawn >= options.frames) {
            running = false;
        }
    }
    ImGui_ImplSDLRenderer_Shutdown();
    ImGui_ImplSDL2_Shutdown();
    ImGui::DestroyContext();
    SDL_DestroyRenderer(renderer);
    SDL_DestroyWindow(window);
    SDL_Quit();
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    std::string error;
    const auto options =
        passerelles::app::parseCommandLine(std::vector<std::string>(argv + 1, argv + argc), error);
    if (!options) {
        std::fprintf(stderr, "bare_sdl_imgui: %s\n", error.c_str());
        return 2;
    }
    return run(*options);
}

// SDL window, software-capable renderer, and a main loop that sleeps while nothing happens.
#include "app/sdl_frontend.hpp"

#include <algorithm>
#include <cmath>
#include <csignal>
#include <cstdio>
#include <cstdlib>

#include <SDL.h>
#include <imgui.h>
#include <imgui_impl_sdl.h>
#include <imgui_impl_sdlrenderer.h>

#include "app/content_paths.hpp"
#include "app/first_frame_stamp.hpp"
#include "app/image_cache.hpp"
#include "app/key_mapping.hpp"
#include "app/screenshot.hpp"
#include "ui/session.hpp"
#include "ui/theme.hpp"

namespace passerelles::app {

namespace {

volatile std::sig_atomic_t stopRequested = 0;

void requestStop(int) {
    stopRequested = 1;
}

// How often an idle window looks for a stop signal (an OS shutdown): twice a second costs nothing.
constexpr int kStopCheckMs = 500;

}  // namespace

namespace {

constexpr const char* kHeadlessHint =
    "Pour lancer Passerelles sans écran :\n"
    "  SDL_VIDEODRIVER=dummy passerelles --frames 10 --screenshot capture.png\n"
    "ou, pour une vraie fenêtre dans un écran virtuel :\n"
    "  xvfb-run passerelles\n";

bool hasDisplay() {
    const auto set = [](const char* name) {
        const char* value = std::getenv(name);
        return value != nullptr && *value != '\0';
    };
    return set("SDL_VIDEODRIVER") || set("DISPLAY") || set("WAYLAND_DISPLAY");
}

// Frames drawn after an input event: ImGui settles hover and layout over a couple of frames.
constexpr int kFramesAfterInput = 3;

}  // namespace

int runApp(const Options& options, const std::filesystem::path& executable) {
    const std::filesystem::path data = dataDirectory(options.dataDirectory);
    if (data.empty()) {
        std::fprintf(stderr,
                     "passerelles : impossible de savoir où ranger vos données (ni XDG_DATA_HOME, ni "
                     "HOME, ni dossier personnel connu).\nIndiquez un dossier : passerelles "
                     "--data-dir DOSSIER\n");
        return 2;
    }
    if (!hasDisplay()) {
        std::fprintf(
            stderr,
            "passerelles : aucun écran détecté (ni DISPLAY, ni WAYLAND_DISPLAY, ni SDL_VIDEODRIVER).\n%s",
            kHeadlessHint);
        return 1;
    }
    // SDL would turn SIGTERM into the same event as the close button, which a booth ignores; an OS shutdown
    // must still end the program cleanly (results written, databases closed), so the signals are ours.
    SDL_SetHint(SDL_HINT_NO_SIGNAL_HANDLERS, "1");
    std::signal(SIGTERM, requestStop);
    std::signal(SIGINT, requestStop);
    if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_TIMER) != 0) {
        std::fprintf(stderr, "passerelles : impossible d'ouvrir l'affichage (%s).\n%s", SDL_GetError(),
                     kHeadlessHint);
        return 1;
    }
    const Uint32 windowFlags = SDL_WINDOW_RESIZABLE | SDL_WINDOW_ALLOW_HIGHDPI |
                               (options.fullscreen ? static_cast<Uint32>(SDL_WINDOW_FULLSCREEN_DESKTOP) : 0u);
    SDL_Window* window = SDL_CreateWindow("Passerelles", SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED,
                                          options.width, options.height, windowFlags);
    if (window == nullptr) {
        std::fprintf(stderr, "passerelles : impossible de créer la fenêtre (%s).\n%s", SDL_GetError(),
                     kHeadlessHint);
        SDL_Quit();
        return 1;
    }
    SDL_SetWindowMinimumSize(window, 320, 240);
    SDL_Renderer* renderer =
        SDL_CreateRenderer(window, -1, SDL_RENDERER_ACCELERATED | SDL_RENDERER_PRESENTVSYNC);
    if (renderer == nullptr) {
        renderer = SDL_CreateRenderer(window, -1, SDL_RENDERER_SOFTWARE);  // old laptops, dummy driver
    }
    if (renderer == nullptr) {
        std::fprintf(stderr, "passerelles : aucun moteur de rendu disponible (%s).\n", SDL_GetError());
        SDL_DestroyWindow(window);
        SDL_Quit();
        return 1;
    }

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;  // no imgui.ini littering the trainer's folder
    // A steady text cursor: a blinking one needs two frames a second, drawn by the software renderer,
    // for as long as a name field waits on screen (2.5 % of a core on the bench machine, for nothing).
    io.ConfigInputTextCursorBlink = false;
    ImGui_ImplSDL2_InitForSDLRenderer(window);
    ImGui_ImplSDLRenderer_Init(renderer);

    ui::SessionOptions sessionOptions;
    const std::filesystem::path content = options.contentDirectory.empty()
                                              ? bundledContentDirectory(executable)
                                              : std::filesystem::path(options.contentDirectory);
    sessionOptions.contentRoots.push_back({content, "bundled"});
    sessionOptions.contentRoots.push_back({data / "packs", "user"});
    sessionOptions.fontDirectory = bundledFontDirectory(executable);
    sessionOptions.open = options.open;
    sessionOptions.dataDirectory = data;
    sessionOptions.profile = options.profile;
    sessionOptions.textScale = options.textScale;
    sessionOptions.roomPort = options.roomPort;
    // A person at the window: the first frame does not wait on the packs. A scripted run (--keys,
    // --frames) loads them first, so that its keys find them.
    sessionOptions.loadInBackground = options.frames == 0 && options.keys.empty();
    int exitCode = 0;
    {
        ui::Session session(sessionOptions);
        if (!session.openError().empty()) {
            std::fprintf(stderr, "passerelles : --open %s : %s\n", options.open.c_str(),
                         session.openError().c_str());
        }
        ImageCache images(renderer);
        session.services().images = &images;
        session.services().settings.fullscreen = options.fullscreen;
        bool fullscreenApplied = options.fullscreen;
        std::string windowTitle;

        std::size_t nextKey = 0;
        int framesDrawn = 0;
        int framesPending = kFramesAfterInput;
        bool running = true;
        while (running) {
            ui::FrameInput input;
            const auto handle = [&](const SDL_Event& event) {
                ImGui_ImplSDL2_ProcessEvent(&event);
                if (event.type == SDL_QUIT) {
                    // A booth survives Alt+F4 from a visitor: only the trainer's PIN screen quits.
                    running = session.services().settings.kiosk;
                } else if (event.type == SDL_KEYDOWN) {
                    if (const auto press = keyPressFromSdl(event.key)) {
                        input.add(*press);
                    }
                }
                framesPending = kFramesAfterInput;
            };
            SDL_Event event;
            if (options.frames == 0 && framesPending == 0) {
                // Never asleep for long: a stop signal is seen within kStopCheckMs even when nothing moves.
                const double wake = session.host().secondsUntilWake();
                const int waitMs = wake < 0
                                       ? kStopCheckMs
                                       : std::min(kStopCheckMs, static_cast<int>(std::ceil(wake * 1000.0)));
                const bool woke = SDL_WaitEventTimeout(&event, waitMs) == 1;
                if (woke) {
                    handle(event);
                }
                framesPending = std::max(framesPending, 1);
            }
            while (SDL_PollEvent(&event) == 1) {
                handle(event);
            }
            if (framesDrawn >= 1 && nextKey < options.keys.size()) {
                input.add(options.keys[nextKey++]);
                framesPending = kFramesAfterInput;
            }

            int width = 0;
            int height = 0;
            SDL_GetWindowSize(window, &width, &height);
            if (session.host().prepare(ImVec2(static_cast<float>(width), static_cast<float>(height)))) {
                ImGui_ImplSDLRenderer_DestroyFontsTexture();
                ImGui_ImplSDLRenderer_CreateFontsTexture();
            }
            ImGui_ImplSDLRenderer_NewFrame();
            ImGui_ImplSDL2_NewFrame();
            ImGui::NewFrame();
            session.host().frame(input);
            ImGui::Render();

            const ImVec4 background = ui::theme::toVec4(ui::theme::kBackground);
            SDL_SetRenderDrawColor(renderer, static_cast<Uint8>(background.x * 255),
                                   static_cast<Uint8>(background.y * 255),
                                   static_cast<Uint8>(background.z * 255), 255);
            SDL_RenderClear(renderer);
            ImGui_ImplSDLRenderer_RenderDrawData(ImGui::GetDrawData());
            ++framesDrawn;
            framesPending = std::max(0, framesPending - 1);
            const bool lastFrame = options.frames > 0 && framesDrawn >= options.frames;
            if (lastFrame && !options.screenshot.empty()) {
                const std::string problem = writeScreenshot(renderer, options.screenshot);
                if (!problem.empty()) {
                    std::fprintf(stderr, "passerelles : capture d'écran : %s\n", problem.c_str());
                    exitCode = 1;
                }
            }
            SDL_RenderPresent(renderer);
            stampFirstFrame();

            const std::string title = "Passerelles — " + session.host().top().title();
            if (title != windowTitle) {
                SDL_SetWindowTitle(window, title.c_str());
                windowTitle = title;
            }
            if (session.services().settings.fullscreen != fullscreenApplied) {
                fullscreenApplied = session.services().settings.fullscreen;
                SDL_SetWindowFullscreen(window, fullscreenApplied ? SDL_WINDOW_FULLSCREEN_DESKTOP : 0);
            }
            if (lastFrame || session.host().quitRequested() || stopRequested != 0) {
                running = false;
            }
        }
    }
    ImGui_ImplSDLRenderer_Shutdown();
    ImGui_ImplSDL2_Shutdown();
    ImGui::DestroyContext();
    SDL_DestroyRenderer(renderer);
    SDL_DestroyWindow(window);
    SDL_Quit();
    return exitCode;
}

}  // namespace passerelles::app

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
#include "ui/file_url.hpp"
#include "ui/fills.hpp"
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

// The window an event belongs to, or 0 for events of no window (quit, a display added…).
Uint32 eventWindow(const SDL_Event& event) {
    switch (event.type) {
        case SDL_WINDOWEVENT:
            return event.window.windowID;
        case SDL_KEYDOWN:
        case SDL_KEYUP:
            return event.key.windowID;
        case SDL_TEXTINPUT:
            return event.text.windowID;
        case SDL_MOUSEMOTION:
            return event.motion.windowID;
        case SDL_MOUSEBUTTONDOWN:
        case SDL_MOUSEBUTTONUP:
            return event.button.windowID;
        case SDL_MOUSEWHEEL:
            return event.wheel.windowID;
        default:
            return 0;
    }
}

// Whether `renderer` draws with the processor (no graphics driver, a remote desktop, the dummy driver): it
// then walks each triangle's bounding box, and ImGui's fans are worth re-triangulating first.
bool drawsOnTheProcessor(SDL_Renderer* renderer) {
    SDL_RendererInfo info{};
    return SDL_GetRendererInfo(renderer, &info) == 0 && (info.flags & SDL_RENDERER_SOFTWARE) != 0;
}

// Draws the frame ImGui has just rendered, its fills re-triangulated when the processor draws them.
void drawImGui(ui::FillTriangulation& fills, bool onTheProcessor) {
    ImDrawData* drawData = ImGui::GetDrawData();
    if (onTheProcessor && drawData != nullptr) {
        fills.rewrite(*drawData);
    }
    ImGui_ImplSDLRenderer_RenderDrawData(drawData);
}

// The workshop's second window, for the room (a projector): its own renderer and ImGui context (ImGui 1.86
// has one window per context), its own font atlas at the projector's size. It takes no input of its own:
// keys pressed while it has the focus (a clicker) go to the trainer's frame.
struct AudienceWindow {
    SDL_Window* window = nullptr;
    SDL_Renderer* renderer = nullptr;
    ImGuiContext* context = nullptr;
    ui::FillTriangulation fills;
    bool onTheProcessor = false;

    bool open(const Options& options, std::string& problem) {
        const int displays = SDL_GetNumVideoDisplays();
        const int display = options.audienceDisplay >= 0 ? options.audienceDisplay : 1;
        if (display >= displays) {
            problem = "l'écran " + std::to_string(display) + " n'existe pas (" + std::to_string(displays) +
                      " écran" + (displays > 1 ? "s" : "") +
                      ") : la vue de la salle reste dans la fenêtre "
                      "principale (O : la vue de l'animateur).";
            return false;
        }
        SDL_Rect bounds{0, 0, 1280, 720};
        SDL_GetDisplayBounds(display, &bounds);
        const bool sized = options.audienceWidth > 0;
        window = SDL_CreateWindow(
            "Passerelles — la salle", SDL_WINDOWPOS_CENTERED_DISPLAY(display),
            SDL_WINDOWPOS_CENTERED_DISPLAY(display), sized ? options.audienceWidth : bounds.w,
            sized ? options.audienceHeight : bounds.h,
            SDL_WINDOW_ALLOW_HIGHDPI | (sized ? static_cast<Uint32>(SDL_WINDOW_RESIZABLE)
                                              : static_cast<Uint32>(SDL_WINDOW_FULLSCREEN_DESKTOP)));
        if (window == nullptr) {
            problem = std::string("impossible d'ouvrir la fenêtre de la salle (") + SDL_GetError() + ")";
            return false;
        }
        renderer = SDL_CreateRenderer(window, -1, SDL_RENDERER_ACCELERATED | SDL_RENDERER_PRESENTVSYNC);
        if (renderer == nullptr) {
            renderer = SDL_CreateRenderer(window, -1, SDL_RENDERER_SOFTWARE);
        }
        if (renderer == nullptr) {
            problem =
                std::string("aucun moteur de rendu pour la fenêtre de la salle (") + SDL_GetError() + ")";
            SDL_DestroyWindow(window);
            window = nullptr;
            return false;
        }
        onTheProcessor = drawsOnTheProcessor(renderer);
        ImGuiContext* main = ImGui::GetCurrentContext();
        context = ImGui::CreateContext();
        ImGui::SetCurrentContext(context);
        ImGui::GetIO().IniFilename = nullptr;
        ImGui_ImplSDL2_InitForSDLRenderer(window);
        ImGui_ImplSDLRenderer_Init(renderer);
        ImGui::SetCurrentContext(main);
        return true;
    }

    void close() {
        if (context != nullptr) {
            ImGuiContext* main = ImGui::GetCurrentContext();
            ImGui::SetCurrentContext(context);
            ImGui_ImplSDLRenderer_Shutdown();
            ImGui_ImplSDL2_Shutdown();
            ImGui::DestroyContext(context);
            ImGui::SetCurrentContext(main);
            context = nullptr;
        }
        if (renderer != nullptr) {
            SDL_DestroyRenderer(renderer);
            renderer = nullptr;
        }
        if (window != nullptr) {
            SDL_DestroyWindow(window);
            window = nullptr;
        }
    }

    // One frame of the room's view; the screenshot, when asked, is taken before the frame is presented.
    std::string frame(ui::ScreenHost& host, const std::string& screenshot) {
        ImGuiContext* main = ImGui::GetCurrentContext();
        ImGui::SetCurrentContext(context);
        int width = 0;
        int height = 0;
        SDL_GetWindowSize(window, &width, &height);
        if (host.prepareAudience(ImVec2(static_cast<float>(width), static_cast<float>(height)))) {
            ImGui_ImplSDLRenderer_DestroyFontsTexture();
            ImGui_ImplSDLRenderer_CreateFontsTexture();
        }
        ImGui_ImplSDLRenderer_NewFrame();
        ImGui_ImplSDL2_NewFrame();
        ImGui::NewFrame();
        host.frameAudience();
        ImGui::Render();
        const ImVec4 background = ui::theme::toVec4(ui::theme::kBackground);
        SDL_SetRenderDrawColor(renderer, static_cast<Uint8>(background.x * 255),
                               static_cast<Uint8>(background.y * 255), static_cast<Uint8>(background.z * 255),
                               255);
        SDL_RenderClear(renderer);
        drawImGui(fills, onTheProcessor);
        std::string problem;
        if (!screenshot.empty()) {
            problem = writeScreenshot(renderer, screenshot);
        }
        SDL_RenderPresent(renderer);
        ImGui::SetCurrentContext(main);
        return problem;
    }
};

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
    const bool onTheProcessor = drawsOnTheProcessor(renderer);
    ui::FillTriangulation fills;

    IMGUI_CHECKVERSION();
    ImGuiContext* mainContext = ImGui::CreateContext();
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
    // …and the packs start loading once the first frame is on screen, not before: the window opens at the
    // cost of the program alone, and the loading thread does not compete with it for the processor.
    sessionOptions.holdBackgroundLoading = sessionOptions.loadInBackground;
    int exitCode = 0;
    AudienceWindow audience;
    {
        ui::Session session(sessionOptions);
        // Two windows for a workshop when the room has a screen of its own: --audience-display, or a second
        // display found at start. Otherwise the room's view fills the one window (O: the trainer's overlay).
        const bool workshop = options.open.rfind("atelier", 0) == 0;
        const bool wanted = options.audienceDisplay >= 0 || options.audienceWidth > 0 ||
                            (workshop && SDL_GetNumVideoDisplays() >= 2);
        if (workshop && wanted) {
            std::string problem;
            if (audience.open(options, problem)) {
                session.host().enableAudienceWindow();
                SDL_RaiseWindow(window);  // the trainer's keyboard stays on the laptop's window
            } else {
                std::fprintf(stderr, "passerelles : %s\n", problem.c_str());
            }
        }
        const Uint32 mainId = SDL_GetWindowID(window);
        const Uint32 audienceId = audience.window != nullptr ? SDL_GetWindowID(audience.window) : 0;
        if (!session.openError().empty()) {
            std::fprintf(stderr, "passerelles : --open %s : %s\n", options.open.c_str(),
                         session.openError().c_str());
        }
        ImageCache images(renderer);
        session.services().images = &images;
        // The report and its folder open with the system's program: SDL_OpenURL is xdg-open on Linux and
        // ShellExecuteW on Windows.
        session.services().openWithSystem = [](const std::filesystem::path& target, std::string& error) {
            if (SDL_OpenURL(ui::fileUrl(target).c_str()) != 0) {
                error = SDL_GetError();
                return false;
            }
            return true;
        };
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
                const Uint32 owner = eventWindow(event);
                if (audienceId != 0 && owner == audienceId) {
                    ImGui::SetCurrentContext(audience.context);  // its mouse and size, not the trainer's
                    ImGui_ImplSDL2_ProcessEvent(&event);
                    ImGui::SetCurrentContext(mainContext);
                } else if (owner == 0 || owner == mainId) {
                    ImGui_ImplSDL2_ProcessEvent(&event);
                }
                if (event.type == SDL_WINDOWEVENT && event.window.event == SDL_WINDOWEVENT_CLOSE &&
                    owner == mainId && !session.services().settings.kiosk) {
                    running = false;  // with two windows SDL sends no SDL_QUIT for the first one closed
                }
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
            drawImGui(fills, onTheProcessor);
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
            if (audience.context != nullptr) {
                const std::string problem =
                    audience.frame(session.host(), lastFrame ? options.audienceScreenshot : std::string());
                if (!problem.empty()) {
                    std::fprintf(stderr, "passerelles : capture de la vue de la salle : %s\n",
                                 problem.c_str());
                    exitCode = 1;
                }
            }
            stampFirstFrame();
            session
                .releaseLoading();  // after the first frame (see holdBackgroundLoading above); once is enough

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
    audience.close();
    ImGui_ImplSDLRenderer_Shutdown();
    ImGui_ImplSDL2_Shutdown();
    ImGui::DestroyContext();
    SDL_DestroyRenderer(renderer);
    SDL_DestroyWindow(window);
    SDL_Quit();
    return exitCode;
}

}  // namespace passerelles::app

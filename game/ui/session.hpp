// One running Passerelles UI: content, services and the screen stack; used by the app and by tests.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "core/content/glossary.hpp"
#include "core/loading/background_loader.hpp"
#include "core/loading/pack_loader.hpp"
#include "ui/fonts.hpp"
#include "ui/rich_text.hpp"
#include "ui/screen.hpp"
#include "ui/screen_host.hpp"

namespace passerelles::ui {

struct SessionOptions {
    std::vector<ContentRoot> contentRoots;
    std::string open = "home";  // home | quiz:<pack> | myths:<pack> | scenario:<pack>/<id>
    std::string fontDirectory;
    // false: only fontDirectory and $PASSERELLES_FONT_DIR are searched (a missing font, in tests).
    bool systemFonts = true;
    float textScale = 1.0f;
    int roomPort = 8080;
    std::function<double()> clock;  // defaults to a steady clock
    // Where progress.db lives; empty: nothing is recorded (everyone plays as a guest).
    std::filesystem::path dataDirectory;
    // Who plays: "" asks on the first screen (or plays as a guest when an --open target is given),
    // "guest" records nothing, any other value is a profile name (created if needed).
    std::string profile;
    ProgressStore::Clock storeClock;  // unix seconds; tests fix the day
    // Packs load on a thread while the home screen shows them « en cours de vérification » (the game
    // itself, unless scripted with --keys or --frames); false: loaded before the first frame (tests).
    bool loadInBackground = false;
    // The loader starts only at Session::releaseLoading(): the game calls it after its first frame, tests
    // to see the frames drawn before any pack.
    bool holdBackgroundLoading = false;
    // Quiz options: shuffled per play with a new random seed (the game), with this fixed seed (a
    // reproducible run), or in the files' order when shuffleOptions is false (tests that press the letters
    // of the booklet's answers).
    bool shuffleOptions = true;
    std::optional<std::uint64_t> optionSeed;
};

class Session {
  public:
    // Loads the content and opens the requested screen. An --open target that cannot be found is
    // reported in openError() and the home screen opens instead.
    explicit Session(SessionOptions options);

    ScreenHost& host() { return *host_; }
    Services& services() { return *services_; }
    const ContentLibrary& library() const { return library_; }
    const std::string& openError() const { return openError_; }
    void releaseLoading();

  private:
    // Puts the packs loaded in the background in place once they are all loaded (or at once with
    // `wait`): library, glossary, laid-out texts and stale results updated together.
    void pollContent(bool wait);

    ContentLibrary library_;
    Glossary glossary_;
    Settings settings_;
    FontSet fonts_;
    AcronymsOnScreen acronyms_;
    RichText text_;
    std::unique_ptr<ProgressService> progress_;
    std::unique_ptr<Services> services_;
    std::unique_ptr<ScreenHost> host_;
    std::string openError_;
    std::unique_ptr<BackgroundPackLoader> loader_;
};

// The screen for an --open target, or nullptr with a French message in `error`.
std::unique_ptr<Screen> screenForTarget(const ContentLibrary& library, const std::string& target,
                                        std::string& error);

}  // namespace passerelles::ui

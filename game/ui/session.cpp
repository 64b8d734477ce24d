// Builds a session: loads content, wires services, resolves the --open target.
#include "ui/session.hpp"

#include <chrono>
#include <random>

#include "core/loading/scenario_analysis_cache.hpp"
#include "ui/screens/screens.hpp"

namespace passerelles::ui {

namespace {

std::shared_ptr<const Pack> findUsablePack(const ContentLibrary& library, const std::string& id) {
    for (const auto& entry : library.packs) {
        if (entry.load.pack && entry.load.pack->id == id) {
            return entry.load.pack;
        }
    }
    return nullptr;
}

// Large scenarios' analyses are remembered in the data directory: the next start on the same content
// does not explore their states again. A session without a data directory (tests) remembers none.
LoaderOptions loaderOptionsFor(const SessionOptions& options) {
    LoaderOptions loader;
    if (!options.dataDirectory.empty()) {
        loader.scenarioCache =
            std::make_shared<ScenarioAnalysisCache>(options.dataDirectory / "cache" / "scenarios");
    }
    return loader;
}

}  // namespace

std::unique_ptr<Screen> screenForTarget(const ContentLibrary& library, const std::string& target,
                                        std::string& error) {
    if (target.empty() || target == "home") {
        return makeHomeScreen();
    }
    if (target == "borne") {
        return makeBorneScreen();
    }
    if (target == "atelier") {
        return makeAtelierComposerScreen();
    }
    if (target.rfind("atelier:", 0) == 0) {
        auto plan = loadPlanFile(target.substr(8));
        if (!plan.ok()) {
            error = plan.error().message;
            return nullptr;
        }
        return makeAtelierComposerScreen(std::move(plan).value());
    }
    const auto colon = target.find(':');
    if (colon == std::string::npos) {
        error = "cible --open inconnue « " + target +
                " » (attendu : home, quiz:PACK, myths:PACK, scenario:PACK/ID, atelier, borne)";
        return nullptr;
    }
    const std::string kind = target.substr(0, colon);
    std::string packId = target.substr(colon + 1);
    std::string activityId;
    if (const auto slash = packId.find('/'); slash != std::string::npos) {
        activityId = packId.substr(slash + 1);
        packId = packId.substr(0, slash);
    }
    ActivityKind activityKind;
    if (kind == "quiz") {
        activityKind = ActivityKind::Quiz;
    } else if (kind == "myths" || kind == "myths-room") {
        activityKind = ActivityKind::Myths;
    } else if (kind == "scenario") {
        activityKind = ActivityKind::Scenario;
    } else if (kind == "diagnostic") {
        activityKind = ActivityKind::SelfDiagnostic;
    } else {
        error = "sorte d’activité inconnue « " + kind + " » dans --open";
        return nullptr;
    }
    const auto pack = findUsablePack(library, packId);
    if (!pack) {
        error = "le pack « " + packId + " » est introuvable ou ne peut pas être chargé";
        return nullptr;
    }
    const ActivityRef* activity =
        activityId.empty() ? pack->firstActivity(activityKind) : pack->findActivity(activityKind, activityId);
    if (activity == nullptr) {
        error = "le pack « " + packId + " » n’a pas d’activité " + kind +
                (activityId.empty() ? "" : " « " + activityId + " »");
        return nullptr;
    }
    // A deck opened from the command line starts playing: alone, or in a room for "myths-room".
    std::unique_ptr<Screen> screen;
    if (activityKind == ActivityKind::Myths) {
        const MythDeck& deck = pack->decks[activity->index];
        screen = kind == "myths-room" ? makeMythRoomScreen(pack, deck) : makeMythSoloScreen(pack, deck);
    } else {
        screen = makeActivityScreen(pack, *activity);
    }
    if (!screen) {
        error = "cette sorte d’activité ne peut pas encore être ouverte";
    }
    return screen;
}

Session::Session(SessionOptions options)
    : library_(options.loadInBackground
                   ? ContentLibrary::discover(options.contentRoots, loaderOptionsFor(options))
                   : ContentLibrary::load(options.contentRoots, loaderOptionsFor(options))),
      glossary_(library_.glossary),
      fonts_(options.fontDirectory, options.systemFonts),
      text_(&glossary_, &acronyms_) {
    settings_.textScale = options.textScale;
    settings_.roomPort = options.roomPort;
    std::function<double()> clock = options.clock;
    if (!clock) {
        const auto start = std::chrono::steady_clock::now();
        clock = [start] {
            return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        };
    }
    progress_ = options.dataDirectory.empty()
                    ? std::make_unique<ProgressService>()
                    : std::make_unique<ProgressService>(options.dataDirectory, library_, options.storeClock);
    services_ = std::make_unique<Services>(Services{library_,
                                                    glossary_,
                                                    settings_,
                                                    fonts_,
                                                    text_,
                                                    acronyms_,
                                                    clock,
                                                    *progress_,
                                                    nullptr,
                                                    {},
                                                    {},
                                                    false,
                                                    {}});
    if (library_.loading()) {
        loader_ = std::make_unique<BackgroundPackLoader>(library_.pendingFolders(), loaderOptionsFor(options),
                                                         options.holdBackgroundLoading);
        services_->contentLoading = true;
        services_->pollContent = [this] { pollContent(false); };
    }
    for (const auto& notice : progress_->notices()) {
        services_->startupMessages.push_back(notice);
    }
    services_->playSeed = [shuffle = options.shuffleOptions,
                           fixed = options.optionSeed]() -> std::optional<std::uint64_t> {
        if (!shuffle) {
            return std::nullopt;
        }
        if (fixed) {
            return fixed;
        }
        // A new order each play: the system's entropy, mixed with the clock in case it is a fixed sequence.
        std::random_device entropy;
        const auto ticks =
            static_cast<std::uint64_t>(std::chrono::system_clock::now().time_since_epoch().count());
        return (static_cast<std::uint64_t>(entropy()) << 32U) ^ entropy() ^ ticks;
    };
    const bool openingActivity = !options.open.empty() && options.open != "home";
    if (!options.profile.empty() && options.profile != "guest" && progress_->available()) {
        // Looked up and created in one transaction: another game starting with the same name at the same
        // moment does not leave this one playing as a guest.
        const auto id = progress_->store()->useOrCreateProfile(options.profile);
        if (!id || !progress_->chooseProfile(*id)) {
            services_->startupMessages.push_back("Profil « " + options.profile +
                                                 " » : " + progress_->store()->lastError() +
                                                 " Vous jouez en invité : rien ne sera enregistré.");
        }
    }
    const bool askWhoPlays = options.profile.empty() && !openingActivity && progress_->available();
    if (fonts_.usingFallback()) {
        services_->startupMessages.push_back(fonts_.problem());
    }
    for (const auto& diagnostic : library_.glossaryDiagnostics.items()) {
        services_->startupMessages.push_back("Glossaire : " + formatDiagnostic(diagnostic));
    }
    if (askWhoPlays) {
        host_ = std::make_unique<ScreenHost>(*services_, makeProfileScreen());
        return;
    }
    if (openingActivity) {
        pollContent(true);  // an activity named on the command line needs its pack now
    }
    std::unique_ptr<Screen> first = screenForTarget(library_, options.open, openError_);
    if (!first) {
        services_->startupMessages.push_back("Impossible d’ouvrir « " + options.open + " » : " + openError_ +
                                             (openError_.ends_with('.') ? "" : "."));
        first = makeHomeScreen();
    } else if (options.open == "borne") {
        // A booth has no home screen behind it and no way out for visitors: F11 and closing the
        // window are ignored; the trainer leaves through Ctrl+Maj+B and the PIN.
        settings_.kiosk = true;
        settings_.fullscreen = true;
    } else if (options.open != "home" && !options.open.empty()) {
        // Leaving an activity opened from the command line goes back home, not out of the program.
        host_ = std::make_unique<ScreenHost>(*services_, makeHomeScreen());
        host_->navigator().push(std::move(first));
        host_->applyPending();
        return;
    }
    host_ = std::make_unique<ScreenHost>(*services_, std::move(first));
}

void Session::releaseLoading() {
    if (loader_) {
        loader_->release();
    }
}

void Session::pollContent(bool wait) {
    if (!loader_ || (!wait && !loader_->finished())) {
        return;
    }
    library_.complete(loader_->take());
    loader_.reset();
    glossary_ = Glossary(library_.glossary);
    text_.clearCache();  // laid-out texts point at the old glossary's entries
    services_->contentLoading = false;
    progress_->contentLoaded(library_);
}

}  // namespace passerelles::ui

// What the booth's screens share (settings, the pool of items, the day's counters) and the pieces they
// all draw: the idle clock, the trainer's key combination, big touch buttons and a digit pad.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <random>
#include <string>
#include <utility>

#include "core/borne/borne.hpp"
#include "ui/screen.hpp"
#include "ui/widgets.hpp"

namespace passerelles::ui {

struct BorneSession {
    // Reads borne.json and opens borne.db in the data folder (none: settings in memory, no counters).
    BorneSession(const ContentLibrary& library, const std::filesystem::path& dataDirectory);

    std::vector<std::shared_ptr<const Pack>> keptPacks;
    std::vector<const Pack*> packs;
    std::filesystem::path dataDirectory;
    BorneSettings settings;
    BornePool pool;
    std::unique_ptr<BorneStore> store;
    std::mt19937 random;
    std::string notice;  // for the trainer: a settings or counters problem
    PinLockout lockout;  // wrong PINs, read from and saved to borne.db
    double lastActivity = 0.0;
    int roundsThisRun = 0;  // rounds finished since the program started, for the soak test

    // After a change of themes only: the pool is never rebuilt per frame (poolBuilds counts, for tests).
    void rebuildPool() {
        pool = buildBornePool(packs, settings.themes);
        ++poolBuilds;
    }
    int poolBuilds = 0;
    IoResult<void> saveSettings() const;
    void saveLockout();
    // Wall-clock seconds at the frame's monotonic `now`: the clock read once, then advanced by `now`, so
    // that tests drive it with the frame's time and a clock changed while the booth runs changes nothing.
    std::int64_t wallSeconds(double now);
    std::string today() const;

    // Notes any key, click or touch this frame; true when the booth has been left alone too long.
    bool idle(Frame& frame);
    double secondsUntilIdle(double now) const;

  private:
    std::optional<std::pair<std::int64_t, double>> clockOrigin_;  // wall-clock and monotonic seconds
};

// Ctrl+Shift+B: the trainer's way in (the PIN is asked next). A visitor has no key that leaves the booth.
bool takeTrainerCombination(Frame& frame);

// A large touch button at the cursor, `size` in pixels, its label centred in `font`: the booth's calls to
// action (« Suivant », « Touchez l'écran pour jouer »). Returns true when touched.
bool boothButton(Frame& frame, const char* label, ImVec2 size, ImFont* font,
                 ButtonStyle style = ButtonStyle::Primary, bool enabled = true);
// The height a boothButton needs for `font`: the label and room for a finger.
float boothButtonHeight(Frame& frame, ImFont* font);

// The on-screen keyboard of the booth's nickname (a booth often has only a touch screen): AZERTY letters,
// the French accents and œ with their capitals (shift key, one-shot; the first letter is a capital),
// digits, a space. Touches go into `text` (at most `maxCharacters` characters); true when it changed.
struct OnScreenKeyboard {
    bool shift = false;
    bool capitalFirst = true;
    std::size_t maxCharacters = 12;
};
bool onScreenKeyboard(Frame& frame, std::string& text, OnScreenKeyboard& state, float width);

// A PIN pad: digits typed or touched go into `pin` (up to 8), ← erases; returns true on « Valider »/Entrée.
bool pinPad(Frame& frame, std::string& pin);

// The booth's screens, opened from one another.
std::unique_ptr<Screen> makeBorneAttractScreen(std::shared_ptr<BorneSession> session);
// A new round drawn from the session's pool, or `round` as given (tests show one chosen item).
std::unique_ptr<Screen> makeBorneRoundScreen(std::shared_ptr<BorneSession> session,
                                             std::shared_ptr<BorneRound> round = nullptr);
std::unique_ptr<Screen> makeBorneEndScreen(std::shared_ptr<BorneSession> session,
                                           std::shared_ptr<BorneRound> round,
                                           std::optional<std::int64_t> roundId);
std::unique_ptr<Screen> makeBorneTrainerScreen(std::shared_ptr<BorneSession> session);

}  // namespace passerelles::ui

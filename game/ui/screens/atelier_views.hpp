// Pieces of the workshop screens: projector-sized answer rows, team chips, the podium, the countdown.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <vector>

#include "core/atelier/atelier_plan.hpp"
#include "core/atelier/atelier_run.hpp"
#include "ui/screen.hpp"

namespace passerelles::ui {

ImU32 teamFill(const AtelierTeam& team);
ImU32 teamTextColour(const AtelierTeam& team);  // dark or white, whichever reads better on the fill

// One answer (an option, a scenario's choice) as the room sees it on the projector.
struct RoomAnswerRow {
    int index = 0;      // 0 → "A"
    std::string badge;  // instead of the letter: "1" for a profile chosen with digit keys
    std::string_view text;
    std::string_view note;  // under the text: a locked choice's reason
    bool revealed = false;  // the right answer is shown
    bool correct = false;
    bool locked = false;
    bool focused = false;        // the facilitator is typing its count
    std::optional<int> count;    // answers or votes; none: no bar
    int total = 0;               // for the share next to the count
    int largest = 0;             // the bar's full width
    bool chosen = false;         // a scenario's decided choice
    std::span<const int> teams;  // teams that ticked it, shown after the reveal
};
// Returns true when clicked or touched.
bool roomAnswerRow(Frame& frame, const RoomAnswerRow& row, const AtelierPlan& plan);

// A row of team chips: number, colour, name and a status (✓ answered, +1 point…). Returns the team
// clicked, or −1.
int teamStrip(Frame& frame, const AtelierPlan& plan, const std::vector<std::string>& statuses, int selected);

// The podium of the first `plan.podiumSize` ranks, then the other teams without rank or points, so that
// nobody is shown last on a screen in front of their colleagues. Its texts are made when the standings
// change, and drawn as they are every frame.
struct PodiumLine {
    const AtelierTeam* team = nullptr;
    std::string rank;  // "1er"
    std::string points;
};
struct Podium {
    std::vector<PodiumLine> lines;
    std::string others;  // « Et bravo aussi … »: the teams without a place on it
};
Podium makePodium(const AtelierPlan& plan, const std::vector<TeamStanding>& standings);
void drawPodium(Frame& frame, const Podium& podium);

// The optional countdown (key T): it never closes answering on its own.
class Countdown {
  public:
    // Starts; pauses while running; resumes when paused; hides once it reached zero.
    void toggle(double now, double lengthSeconds);
    void reset() { *this = Countdown(); }
    bool visible() const { return visible_; }
    bool running() const { return running_; }
    double remaining(double now) const;
    // Seconds until the shown value changes, or −1 when nothing moves.
    double secondsUntilTick(double now) const;

  private:
    bool visible_ = false;
    bool running_ = false;
    double endsAt_ = 0.0;
    double pausedRemaining_ = 0.0;
};
// "1:05", "0:09"
std::string formatCountdown(double seconds);

}  // namespace passerelles::ui

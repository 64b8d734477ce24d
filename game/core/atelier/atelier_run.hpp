// A workshop in progress: the steps of a plan, with the room's answers, votes and team scores.
//
// Each step keeps its own tally: for a question, each team's answer or the show of hands per option; for
// an idée reçue, the room's votes before and after; for a scenario, the votes at each choice and the path
// the room took; for the map of the room, each collectivité's profile. Team scores come from questions
// only, with the question's own scoring rule: no speed points, no streaks.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "core/atelier/atelier_plan.hpp"
#include "core/play/myth_run.hpp"
#include "core/play/quiz_scoring.hpp"
#include "core/play/scenario_run.hpp"

namespace passerelles {

struct QuestionTally {
    bool open = false;                          // answers are being taken
    bool revealed = false;                      // the correct answer is shown
    std::vector<std::vector<int>> teamAnswers;  // per team: the options it ticked
    std::vector<int> hands;                     // per option: hands raised (whole-room mode)
    std::vector<double> teamPoints;             // per team, scored once when the answer is shown
};

struct CardTally {
    RoomMythRun run;
};

struct ScenarioDecision {
    int node = -1;
    int choice = -1;
    std::vector<int> votes;  // per choice of the node (locked choices get none)
};

struct ScenarioTally {
    ScenarioRun run;
    bool voting = false;
    std::vector<int> votes;        // for the current choice node, per choice
    std::vector<int> teamChoices;  // team mode: each team's vote at the current node, −1 before it votes
    std::vector<ScenarioDecision> decisions;
};

struct ProfileMapTally {
    std::vector<int> profiles;  // one profile index per collectivité, in the order they were added
};

using StepTally = std::variant<QuestionTally, CardTally, ScenarioTally, ProfileMapTally>;

// ---- Phones in the room: what they are asked, and what they answered.
enum class PhonePromptKind { Waiting, Question, Card, Scenario, ProfileMap };

// What the phones show for the step on screen. `key` names one vote: a question, an idée reçue's vote
// before or after the debate, one decision of a scenario, the map; votes never carry from one key to another.
struct PhonePrompt {
    PhonePromptKind kind = PhonePromptKind::Waiting;
    std::string key;
    std::string title;
    std::string prompt;
    std::vector<std::string> options;
    bool multiple = false;
    bool open = false;
    bool revealed = false;
    std::vector<int> correct;  // option indices, with `revealed`
    std::vector<int> counts;   // per option, the whole room's tally, with `revealed`
    std::string explanation;
};

// The phones' answers to one key, as the room server counted them.
struct PhoneVotes {
    int connected = 0;
    int answered = 0;
    std::vector<int> counts;  // per option of the key's PhonePrompt
};

// The most phones seen connected, and answering, during a step: the report's « téléphones ».
struct PhoneParticipation {
    int connected = 0;
    int answered = 0;
};

inline constexpr const char* kPhoneAgree = "D’accord";
inline constexpr const char* kPhoneDisagree = "Pas d’accord";

// One thing the facilitator (or the phones) did to the run, as it was called: replaying a run's journal on
// a fresh run of the same plan rebuilds the same state, which is how a workshop survives a crash.
struct AtelierEvent {
    enum class Kind {
        GoTo,
        ToggleAnswering,
        ToggleReveal,
        TeamAnswer,
        SetHands,
        CardVote,
        SetVotes,
        SetTeamVote,
        Decide,
        AddCollectivite,
        RemoveCollectivite,
        PhoneVotes,
    };
    Kind kind = Kind::GoTo;
    int first = 0;            // index, team, option, choice, profile; agree; phones connected
    int second = 0;           // option, count, choice; disagree; phones answered
    std::string key;          // PhoneVotes
    std::vector<int> counts;  // PhoneVotes
};

struct TeamStanding {
    int team = -1;
    double points = 0.0;
    int rank = 0;  // 1-based; equal points share a rank
};

class AtelierRun {
  public:
    // `optionSeed`: the workshop's option shuffle (core/play/option_order.hpp), kept in the saved workshop so
    // that a resumed one shows the same letters; none: every question in its file's order (tests).
    AtelierRun(AtelierPlan plan, std::vector<ResolvedStep> steps,
               std::optional<std::uint64_t> optionSeed = std::nullopt);

    const AtelierPlan& plan() const { return plan_; }
    std::size_t position() const { return position_; }
    std::size_t stepCount() const { return steps_.size(); }
    const ResolvedStep& step() const { return steps_[position_]; }
    const ResolvedStep& step(std::size_t index) const { return steps_[index]; }
    const StepTally& tally(std::size_t index) const { return tallies_[index]; }
    bool teamMode() const { return !plan_.teams.empty(); }
    bool visited(std::size_t index) const { return visited_[index]; }
    // The room did something on the step: a question answered or its answer shown, a card voted on or
    // debated, a scenario moved on, a collectivité placed. A step only passed through (→) is not played: it
    // is « non jouée » in the summary and the report, and no team gets a 0 for it.
    bool played(std::size_t index) const;
    std::size_t playedCount() const;

    bool next();
    bool previous();
    bool goTo(std::size_t index);

    // Space: opens or closes answering (a question), a vote (an idée reçue, a scenario's choice).
    bool toggleAnswering();
    bool answeringOpen() const;
    // Enter: reveals or hides a question's answer; moves an idée reçue or a scenario on.
    bool toggleReveal();

    // ---- Questions
    bool teamAnswer(int team, int option);  // answering open; toggles (several answers) or replaces (one)
    bool setHands(int option, int count);   // whole-room mode
    // The order in which question `index` shows its options (audience, presenter, phones): indices into
    // `question.options`; the letters A, B… and the answer keys follow it. Empty for other steps.
    const std::vector<int>& optionOrder(std::size_t index) const;
    const std::optional<std::uint64_t>& optionSeed() const { return optionSeed_; }
    // Per option (indexed as in question.options): teams that ticked it, or hands raised.
    std::vector<int> distribution(std::size_t index) const;
    // Share of teams right, or of hands on correct options; nullopt before anyone answered.
    std::optional<double> successRate(std::size_t index) const;

    // ---- Idées reçues (the run of the card on screen)
    RoomMythRun* cardRun();
    bool recordCardVote(HandCount count);

    // ---- Scenarios: the room votes at each choice, the majority decides
    ScenarioTally* scenario();
    bool setVotes(int choice, int count);    // whole-room mode: hands raised for a choice
    bool setTeamVote(int team, int choice);  // team mode: one vote per team, the last one counts
    // The available choices with the most votes: one when the room has a majority, several on a tie,
    // none before anyone voted.
    std::vector<int> leadingChoices() const;
    // Hands (or team votes) plus phones at the current choice node, per choice of the node.
    std::vector<int> scenarioVotes() const;
    // Applies the majority's choice; false on a tie or when no one voted (the facilitator then decides).
    bool decide();
    // The choices the facilitator may apply at the current node: the majority's one, the tied ones on a
    // tie (a casting vote, once the vote is closed), or any available one when nobody voted (a choice the
    // room agreed aloud, the vote closed). Empty when there is nothing to decide.
    std::vector<int> castingChoices() const;
    // Why `choice` may not be applied now (in French), or empty when it may.
    std::string decisionRefusal(int choice) const;
    // Applies `choice` when castingChoices() allows it; otherwise changes nothing, returns false and puts
    // the reason in `why`.
    bool decide(int choice, std::string* why = nullptr);

    // ---- Map of the room
    bool addCollectivite(int profile);
    bool removeLastCollectivite();
    std::vector<int> profileCounts(std::size_t index) const;

    // ---- Phones: their answers add up with the teams' and the hands' in every tally above
    PhonePrompt phonePrompt() const;
    // Keeps the phones' answers to `key`; false when `key` is not the vote on screen (a late tally).
    bool recordPhoneVotes(const std::string& key, const PhoneVotes& votes);
    // The phones' answers to a key, or nothing when no phone answered it.
    const PhoneVotes* phoneVotes(const std::string& key) const;
    PhoneParticipation phoneParticipation(std::size_t index) const;
    bool phonesUsed() const;
    // A question's phone answers, per option (zeros when no phone answered).
    std::vector<int> phoneDistribution(std::size_t index) const;

    // ---- Journal: every call that may change the run, in order (failed ones included: they fail again)
    const std::vector<AtelierEvent>& journal() const { return journal_; }
    // Applies events to this run as if the facilitator pressed the keys again; false on an event that names
    // nothing known (a damaged file).
    bool replay(const std::vector<AtelierEvent>& events);

    // ---- Teams
    // A team's points on question `index`, once its answer is shown (0 for a team that did not answer);
    // nullopt before the reveal, for a step that is not a question, or an unknown team.
    std::optional<double> questionPoints(std::size_t index, int team) const;
    double teamPoints(int team) const;
    std::vector<TeamStanding> standings() const;

  private:
    QuestionTally* question();
    ProfileMapTally* profileMap();
    // The choices phones may pick at the current node: the available ones, in the order shown.
    std::vector<int> phoneChoices() const;
    std::vector<int> phoneCountsFor(const std::string& key, std::size_t options) const;

    AtelierPlan plan_;
    std::vector<ResolvedStep> steps_;
    std::vector<StepTally> tallies_;
    std::optional<std::uint64_t> optionSeed_;
    std::vector<std::vector<int>> optionOrders_;
    std::vector<bool> visited_;
    std::size_t position_ = 0;
    // Records an outermost call only: toggleReveal deciding a scenario is one event, not two.
    class Journaled {
      public:
        Journaled(AtelierRun& run, AtelierEvent event);
        ~Journaled() { --run_.depth_; }
        Journaled(const Journaled&) = delete;
        Journaled& operator=(const Journaled&) = delete;

      private:
        AtelierRun& run_;
    };
    std::vector<AtelierEvent> journal_;
    int depth_ = 0;
    std::map<std::string, PhoneVotes> phoneVotes_;
    std::vector<PhoneParticipation> participation_;
};

}  // namespace passerelles

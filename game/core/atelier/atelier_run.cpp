// The live state of a workshop: navigation, answers, votes, decisions, team standings.
#include "core/atelier/atelier_run.hpp"

#include <algorithm>

#include "core/play/option_order.hpp"
#include "core/play/quiz_run.hpp"

namespace passerelles {

namespace {

StepTally tallyFor(const ResolvedStep& step, std::size_t teams) {
    if (step.question != nullptr) {
        QuestionTally tally;
        tally.teamAnswers.resize(teams);
        tally.hands.assign(step.question->options.size(), 0);
        return tally;
    }
    if (step.card != nullptr) {
        return CardTally{RoomMythRun({step.card})};
    }
    if (step.scenario != nullptr) {
        ScenarioTally tally{ScenarioRun(*step.scenario), false, {}, {}, {}};
        return tally;
    }
    return ProfileMapTally{};
}

std::string questionKey(std::size_t index) {
    return std::to_string(index + 1);
}
std::string cardKey(std::size_t index, bool after) {
    return std::to_string(index + 1) + (after ? "/apres" : "/avant");
}
std::string scenarioKey(std::size_t index, std::size_t decision) {
    return std::to_string(index + 1) + "/choix-" + std::to_string(decision + 1);
}
std::string mapKey(std::size_t index) {
    return std::to_string(index + 1) + "/carte";
}

void addInto(std::vector<int>& total, const std::vector<int>& more) {
    for (std::size_t i = 0; i < total.size() && i < more.size(); ++i) {
        total[i] += more[i];
    }
}

}  // namespace

AtelierRun::AtelierRun(AtelierPlan plan, std::vector<ResolvedStep> steps,
                       std::optional<std::uint64_t> optionSeed)
    : plan_(std::move(plan)), steps_(std::move(steps)), optionSeed_(optionSeed) {
    for (const auto& step : steps_) {
        tallies_.push_back(tallyFor(step, plan_.teams.size()));
        std::vector<int> order;
        if (step.question != nullptr) {
            order = optionSeed_ ? optionDisplayOrder(*step.question, *optionSeed_)
                                : identityOrder(step.question->options.size());
        }
        optionOrders_.push_back(std::move(order));
    }
    visited_.assign(steps_.size(), false);
    participation_.assign(steps_.size(), PhoneParticipation{});
    if (!steps_.empty()) {
        visited_[0] = true;
    }
}

bool AtelierRun::goTo(std::size_t index) {
    const Journaled entry(*this, {AtelierEvent::Kind::GoTo, static_cast<int>(index), 0, {}, {}});
    if (index >= steps_.size()) {
        return false;
    }
    if (QuestionTally* tally = question()) {
        tally->open = false;  // leaving a question closes its answering
    }
    position_ = index;
    visited_[index] = true;
    return true;
}

bool AtelierRun::played(std::size_t index) const {
    if (index >= steps_.size()) {
        return false;
    }
    const StepTally& tally = tallies_[index];
    if (const auto* question = std::get_if<QuestionTally>(&tally)) {
        const auto counts = distribution(index);
        return question->revealed || std::any_of(counts.begin(), counts.end(), [](int n) { return n > 0; });
    }
    if (const auto* card = std::get_if<CardTally>(&tally)) {
        return card->run.phase() != RoomMythRun::Phase::Statement || !card->run.results().empty();
    }
    if (const auto* scenario = std::get_if<ScenarioTally>(&tally)) {
        return !scenario->decisions.empty() || scenario->run.phase() != ScenarioRun::Phase::AtNode ||
               scenario->run.currentNodeIndex() != scenario->run.scenario().start;
    }
    const auto counts = profileCounts(index);
    return std::any_of(counts.begin(), counts.end(), [](int n) { return n > 0; });
}

std::size_t AtelierRun::playedCount() const {
    std::size_t count = 0;
    for (std::size_t i = 0; i < steps_.size(); ++i) {
        count += played(i) ? 1 : 0;
    }
    return count;
}

bool AtelierRun::next() {
    return goTo(position_ + 1);
}
bool AtelierRun::previous() {
    return position_ > 0 && goTo(position_ - 1);
}

QuestionTally* AtelierRun::question() {
    return steps_.empty() ? nullptr : std::get_if<QuestionTally>(&tallies_[position_]);
}

RoomMythRun* AtelierRun::cardRun() {
    auto* tally = steps_.empty() ? nullptr : std::get_if<CardTally>(&tallies_[position_]);
    return tally != nullptr ? &tally->run : nullptr;
}

ScenarioTally* AtelierRun::scenario() {
    return steps_.empty() ? nullptr : std::get_if<ScenarioTally>(&tallies_[position_]);
}

ProfileMapTally* AtelierRun::profileMap() {
    return steps_.empty() ? nullptr : std::get_if<ProfileMapTally>(&tallies_[position_]);
}

bool AtelierRun::answeringOpen() const {
    if (steps_.empty()) {
        return false;
    }
    const StepTally& tally = tallies_[position_];
    if (const auto* questionTally = std::get_if<QuestionTally>(&tally)) {
        return questionTally->open;
    }
    if (const auto* card = std::get_if<CardTally>(&tally)) {
        const auto phase = card->run.phase();
        return phase == RoomMythRun::Phase::VoteBefore || phase == RoomMythRun::Phase::VoteAfter;
    }
    if (const auto* scenarioTally = std::get_if<ScenarioTally>(&tally)) {
        return scenarioTally->voting;
    }
    return false;
}

bool AtelierRun::toggleAnswering() {
    const Journaled entry(*this, {AtelierEvent::Kind::ToggleAnswering, 0, 0, {}, {}});
    if (QuestionTally* tally = question()) {
        if (tally->revealed) {
            return false;  // once the answer is out, answers are final
        }
        tally->open = !tally->open;
        return true;
    }
    if (RoomMythRun* card = cardRun()) {
        const auto phase = card->phase();
        // Space opens the vote before the debate, closes it, and the same after the answer.
        if (phase == RoomMythRun::Phase::Statement || phase == RoomMythRun::Phase::VoteBefore ||
            phase == RoomMythRun::Phase::Answer || phase == RoomMythRun::Phase::VoteAfter) {
            return card->advance();
        }
        return false;
    }
    if (ScenarioTally* tally = scenario()) {
        if (tally->run.phase() != ScenarioRun::Phase::AtNode ||
            tally->run.currentNode().type != NodeType::Choice) {
            return false;
        }
        tally->voting = !tally->voting;
        if (tally->voting && tally->votes.empty()) {
            tally->votes.assign(tally->run.currentNode().choices.size(), 0);
        }
        return true;
    }
    return false;
}

bool AtelierRun::toggleReveal() {
    const Journaled entry(*this, {AtelierEvent::Kind::ToggleReveal, 0, 0, {}, {}});
    if (QuestionTally* tally = question()) {
        tally->revealed = !tally->revealed;
        tally->open = false;
        // Answers are final once shown: each team is scored here, once, with the question's own rule.
        tally->teamPoints.assign(tally->teamAnswers.size(), 0.0);
        for (std::size_t team = 0; tally->revealed && team < tally->teamAnswers.size(); ++team) {
            if (!tally->teamAnswers[team].empty()) {
                tally->teamPoints[team] = scoreQuestion(*step().question, tally->teamAnswers[team]).points;
            }
        }
        return true;
    }
    if (RoomMythRun* card = cardRun()) {
        if (card->phase() == RoomMythRun::Phase::Finished) {
            return false;
        }
        return card->advance();
    }
    if (ScenarioTally* tally = scenario()) {
        if (tally->run.phase() == ScenarioRun::Phase::AtNode &&
            tally->run.currentNode().type == NodeType::Choice) {
            return decide();
        }
        return tally->run.proceed();
    }
    return false;
}

bool AtelierRun::teamAnswer(int team, int option) {
    const Journaled entry(*this, {AtelierEvent::Kind::TeamAnswer, team, option, {}, {}});
    QuestionTally* tally = question();
    if (tally == nullptr || !tally->open || team < 0 || team >= static_cast<int>(plan_.teams.size()) ||
        option < 0 || option >= static_cast<int>(step().question->options.size())) {
        return false;
    }
    toggleOption(tally->teamAnswers[static_cast<std::size_t>(team)], option,
                 step().question->isMultipleAnswer());
    return true;
}

bool AtelierRun::setHands(int option, int count) {
    const Journaled entry(*this, {AtelierEvent::Kind::SetHands, option, count, {}, {}});
    QuestionTally* tally = question();
    if (tally == nullptr || option < 0 || option >= static_cast<int>(tally->hands.size()) || count < 0) {
        return false;
    }
    tally->hands[static_cast<std::size_t>(option)] = count;
    return true;
}

std::vector<int> AtelierRun::distribution(std::size_t index) const {
    const auto* tally = std::get_if<QuestionTally>(&tallies_[index]);
    if (tally == nullptr) {
        return {};
    }
    std::vector<int> counts = teamMode() ? std::vector<int>(tally->hands.size(), 0) : tally->hands;
    if (teamMode()) {
        for (const auto& answer : tally->teamAnswers) {
            for (const int option : answer) {
                ++counts[static_cast<std::size_t>(option)];
            }
        }
    }
    addInto(counts, phoneDistribution(index));
    return counts;
}

const std::vector<int>& AtelierRun::optionOrder(std::size_t index) const {
    static const std::vector<int> none;
    return index < optionOrders_.size() ? optionOrders_[index] : none;
}

std::vector<int> AtelierRun::phoneDistribution(std::size_t index) const {
    const auto* tally = std::get_if<QuestionTally>(&tallies_[index]);
    if (tally == nullptr) {
        return {};
    }
    // Phones count per option as they showed them: back to the question's own indices.
    const auto shown = phoneCountsFor(questionKey(index), tally->hands.size());
    const auto& order = optionOrder(index);
    std::vector<int> counts(shown.size(), 0);
    for (std::size_t position = 0; position < shown.size() && position < order.size(); ++position) {
        counts[static_cast<std::size_t>(order[position])] += shown[position];
    }
    return counts;
}

std::vector<int> AtelierRun::phoneCountsFor(const std::string& key, std::size_t options) const {
    std::vector<int> counts(options, 0);
    if (const PhoneVotes* votes = phoneVotes(key)) {
        addInto(counts, votes->counts);
    }
    return counts;
}

std::optional<double> AtelierRun::successRate(std::size_t index) const {
    const auto* tally = std::get_if<QuestionTally>(&tallies_[index]);
    const Question* questionContent = steps_[index].question;
    if (tally == nullptr || questionContent == nullptr) {
        return std::nullopt;
    }
    // A team's answer is right or wrong as a whole. Hands and phones arrive as counts per option: their share
    // is the share of ticks on correct options. A room that mixes them adds the two.
    double answers = 0.0;
    double right = 0.0;
    if (teamMode()) {
        for (const auto& answer : tally->teamAnswers) {
            if (answer.empty()) {
                continue;
            }
            answers += 1.0;
            right += scoreQuestion(*questionContent, answer).outcome == Outcome::Right ? 1.0 : 0.0;
        }
    }
    std::vector<int> ticks = teamMode() ? std::vector<int>(tally->hands.size(), 0) : tally->hands;
    addInto(ticks, phoneDistribution(index));
    for (std::size_t o = 0; o < ticks.size(); ++o) {
        answers += ticks[o];
        right += questionContent->options[o].correct ? ticks[o] : 0;
    }
    return answers > 0.0 ? std::optional<double>(right / answers) : std::nullopt;
}

bool AtelierRun::recordCardVote(HandCount count) {
    const Journaled entry(*this, {AtelierEvent::Kind::CardVote, count.agree, count.disagree, {}, {}});
    RoomMythRun* card = cardRun();
    if (card == nullptr) {
        return false;
    }
    // The phones' vote on the same question joins the hands the facilitator typed.
    const auto phones = phoneCountsFor(cardKey(position_, card->phase() == RoomMythRun::Phase::VoteAfter), 2);
    count.agree += phones[0];
    count.disagree += phones[1];
    return card->recordVote(count);
}

bool AtelierRun::setVotes(int choice, int count) {
    const Journaled entry(*this, {AtelierEvent::Kind::SetVotes, choice, count, {}, {}});
    ScenarioTally* tally = scenario();
    if (tally == nullptr || !tally->voting || choice < 0 || choice >= static_cast<int>(tally->votes.size()) ||
        count < 0) {
        return false;
    }
    tally->votes[static_cast<std::size_t>(choice)] = count;
    return true;
}

bool AtelierRun::setTeamVote(int team, int choice) {
    const Journaled entry(*this, {AtelierEvent::Kind::SetTeamVote, team, choice, {}, {}});
    ScenarioTally* tally = scenario();
    if (tally == nullptr || !tally->voting || team < 0 || team >= static_cast<int>(plan_.teams.size()) ||
        choice < 0 || choice >= static_cast<int>(tally->votes.size())) {
        return false;
    }
    tally->teamChoices.resize(plan_.teams.size(), -1);
    tally->teamChoices[static_cast<std::size_t>(team)] = choice;
    std::fill(tally->votes.begin(), tally->votes.end(), 0);
    for (const int chosen : tally->teamChoices) {
        if (chosen >= 0) {
            ++tally->votes[static_cast<std::size_t>(chosen)];
        }
    }
    return true;
}

std::vector<int> AtelierRun::leadingChoices() const {
    const auto* tally = steps_.empty() ? nullptr : std::get_if<ScenarioTally>(&tallies_[position_]);
    if (tally == nullptr || tally->run.phase() != ScenarioRun::Phase::AtNode ||
        tally->run.currentNode().type != NodeType::Choice) {
        return {};
    }
    const auto votes = scenarioVotes();
    int most = 0;
    std::vector<int> leading;
    for (const auto& view : tally->run.visibleChoices()) {
        const int count = votes[static_cast<std::size_t>(view.index)];
        if (!view.available || count == 0 || count < most) {
            continue;
        }
        if (count > most) {
            leading.clear();
            most = count;
        }
        leading.push_back(view.index);
    }
    return leading;
}

bool AtelierRun::decide() {
    const auto leading = leadingChoices();
    return leading.size() == 1 && decide(leading.front());
}

std::vector<int> AtelierRun::castingChoices() const {
    const auto* tally = steps_.empty() ? nullptr : std::get_if<ScenarioTally>(&tallies_[position_]);
    if (tally == nullptr || tally->run.phase() != ScenarioRun::Phase::AtNode ||
        tally->run.currentNode().type != NodeType::Choice) {
        return {};
    }
    const auto leading = leadingChoices();
    if (leading.size() == 1) {
        return leading;  // a majority: the facilitator applies it, never overrides it
    }
    if (tally->voting) {
        return {};  // a tie or no vote yet: the vote is closed before anyone settles it
    }
    if (!leading.empty()) {
        return leading;
    }
    std::vector<int> available;
    for (const auto& view : tally->run.visibleChoices()) {
        if (view.available) {
            available.push_back(view.index);
        }
    }
    return available;
}

std::string AtelierRun::decisionRefusal(int choice) const {
    const auto* tally = steps_.empty() ? nullptr : std::get_if<ScenarioTally>(&tallies_[position_]);
    if (tally == nullptr || tally->run.phase() != ScenarioRun::Phase::AtNode ||
        tally->run.currentNode().type != NodeType::Choice) {
        return "Il n’y a pas de choix à faire à cette étape.";
    }
    const auto allowed = castingChoices();
    if (std::find(allowed.begin(), allowed.end(), choice) != allowed.end()) {
        return {};
    }
    const auto views = tally->run.visibleChoices();
    const bool available = std::any_of(views.begin(), views.end(), [choice](const ChoiceView& view) {
        return view.index == choice && view.available;
    });
    if (!available) {
        return "Ce choix n’est pas possible dans cette situation.";
    }
    const auto leading = leadingChoices();
    if (leading.size() == 1) {
        return "La majorité de la salle a voté pour un autre choix : c’est lui qui s’applique.";
    }
    if (tally->voting) {
        return "Le vote est encore ouvert : fermez-le (Espace) avant de trancher.";
    }
    return "En cas d’égalité, seul l’un des choix arrivés en tête peut être retenu.";
}

bool AtelierRun::decide(int choice, std::string* why) {
    const Journaled entry(*this, {AtelierEvent::Kind::Decide, choice, 0, {}, {}});
    if (std::string refusal = decisionRefusal(choice); !refusal.empty()) {
        if (why != nullptr) {
            *why = std::move(refusal);
        }
        return false;
    }
    ScenarioTally* tally = scenario();
    const int node = tally->run.currentNodeIndex();
    std::vector<int> votes = scenarioVotes();
    if (!tally->run.choose(choice)) {
        return false;
    }
    tally->decisions.push_back({node, choice, std::move(votes)});
    tally->votes.clear();
    tally->teamChoices.clear();
    tally->voting = false;
    return true;
}

bool AtelierRun::addCollectivite(int profile) {
    const Journaled entry(*this, {AtelierEvent::Kind::AddCollectivite, profile, 0, {}, {}});
    ProfileMapTally* tally = profileMap();
    if (tally == nullptr || profile < 0 || profile >= static_cast<int>(step().diagnostic->profiles.size())) {
        return false;
    }
    tally->profiles.push_back(profile);
    return true;
}

bool AtelierRun::removeLastCollectivite() {
    const Journaled entry(*this, {AtelierEvent::Kind::RemoveCollectivite, 0, 0, {}, {}});
    ProfileMapTally* tally = profileMap();
    if (tally == nullptr || tally->profiles.empty()) {
        return false;
    }
    tally->profiles.pop_back();
    return true;
}

std::vector<int> AtelierRun::profileCounts(std::size_t index) const {
    const auto* tally = std::get_if<ProfileMapTally>(&tallies_[index]);
    if (tally == nullptr || steps_[index].diagnostic == nullptr) {
        return {};
    }
    std::vector<int> counts(steps_[index].diagnostic->profiles.size(), 0);
    for (const int profile : tally->profiles) {
        ++counts[static_cast<std::size_t>(profile)];
    }
    addInto(counts, phoneCountsFor(mapKey(index), counts.size()));
    return counts;
}

std::vector<int> AtelierRun::scenarioVotes() const {
    const auto* found = steps_.empty() ? nullptr : std::get_if<ScenarioTally>(&tallies_[position_]);
    if (found == nullptr) {
        return {};
    }
    const ScenarioTally& tally = *found;
    std::vector<int> votes = tally.votes;
    votes.resize(tally.run.currentNode().choices.size(), 0);
    const auto choices = phoneChoices();
    const auto phones = phoneCountsFor(scenarioKey(position_, tally.decisions.size()), choices.size());
    for (std::size_t i = 0; i < choices.size(); ++i) {
        votes[static_cast<std::size_t>(choices[i])] += phones[i];
    }
    return votes;
}

std::vector<int> AtelierRun::phoneChoices() const {
    std::vector<int> choices;
    const auto* tally = std::get_if<ScenarioTally>(&tallies_[position_]);
    if (tally == nullptr || tally->run.phase() != ScenarioRun::Phase::AtNode ||
        tally->run.currentNode().type != NodeType::Choice) {
        return choices;
    }
    for (const auto& view : tally->run.visibleChoices()) {
        if (view.available) {
            choices.push_back(view.index);
        }
    }
    return choices;
}

PhonePrompt AtelierRun::phonePrompt() const {
    PhonePrompt prompt;
    if (steps_.empty()) {
        return prompt;
    }
    const ResolvedStep& current = steps_[position_];
    const StepTally& tally = tallies_[position_];
    prompt.title = "Étape " + std::to_string(position_ + 1) + " sur " + std::to_string(steps_.size());
    if (const auto* questionTally = std::get_if<QuestionTally>(&tally)) {
        const Question& content = *current.question;
        prompt.kind = PhonePromptKind::Question;
        prompt.key = questionKey(position_);
        prompt.prompt = content.text;
        const auto& order = optionOrder(position_);  // the phones list the options as the screen shows them
        for (std::size_t shown = 0; shown < order.size(); ++shown) {
            const QuizOption& option = content.options[static_cast<std::size_t>(order[shown])];
            prompt.options.push_back(option.text);
            if (option.correct) {
                prompt.correct.push_back(static_cast<int>(shown));
            }
        }
        prompt.multiple = content.isMultipleAnswer();
        prompt.open = questionTally->open;
        prompt.revealed = questionTally->revealed;
        if (prompt.revealed) {
            const auto counts = distribution(position_);
            for (const int option : order) {
                prompt.counts.push_back(counts[static_cast<std::size_t>(option)]);
            }
            prompt.explanation = content.explanation;
        } else {
            prompt.correct.clear();  // never sent before the room sees it
        }
        return prompt;
    }
    if (const auto* card = std::get_if<CardTally>(&tally)) {
        using Phase = RoomMythRun::Phase;
        const Phase phase = card->run.phase();
        const bool after = phase == Phase::Answer || phase == Phase::VoteAfter || phase == Phase::Shift ||
                           phase == Phase::Finished;
        prompt.kind = PhonePromptKind::Card;
        prompt.key = cardKey(position_, after);
        prompt.title = after ? "Idée reçue : après le débat" : "Idée reçue : êtes-vous d’accord ?";
        prompt.prompt = current.card->statement;
        prompt.options = {kPhoneAgree, kPhoneDisagree};
        prompt.open = phase == Phase::VoteBefore || phase == Phase::VoteAfter;
        if (phase == Phase::Shift || phase == Phase::Finished) {
            const RoomCardResult& result =
                card->run.results().empty() ? card->run.current() : card->run.results().front();
            prompt.revealed = true;
            prompt.counts = {result.after.agree, result.after.disagree};
        }
        return prompt;
    }
    if (const auto* scenarioTally = std::get_if<ScenarioTally>(&tally)) {
        const auto choices = phoneChoices();
        prompt.kind = PhonePromptKind::Scenario;
        prompt.title = current.scenario->title;
        if (choices.empty()) {
            prompt.kind = PhonePromptKind::Waiting;  // a narrative node, a consequence, the ending: eyes up
            prompt.key = scenarioKey(position_, scenarioTally->decisions.size()) + "/suite";
            return prompt;
        }
        const ScenarioNode& node = scenarioTally->run.currentNode();
        prompt.key = scenarioKey(position_, scenarioTally->decisions.size());
        prompt.prompt = node.text;
        for (const int choice : choices) {
            prompt.options.push_back(node.choices[static_cast<std::size_t>(choice)].text);
        }
        prompt.open = scenarioTally->voting;
        return prompt;
    }
    const SelfDiagnostic& diagnostic = *current.diagnostic;
    prompt.kind = PhonePromptKind::ProfileMap;
    prompt.key = mapKey(position_);
    prompt.prompt = "Quel profil ressemble le plus à votre collectivité ?";
    for (const Profile& profile : diagnostic.profiles) {
        prompt.options.push_back(profile.title);
    }
    prompt.open = true;  // the map takes answers for as long as it is on screen
    return prompt;
}

bool AtelierRun::recordPhoneVotes(const std::string& key, const PhoneVotes& votes) {
    if (steps_.empty() || key != phonePrompt().key) {
        return false;
    }
    if (const PhoneVotes* known = phoneVotes(key); known != nullptr && known->connected == votes.connected &&
                                                   known->answered == votes.answered &&
                                                   known->counts == votes.counts) {
        return true;  // the same tally every frame: nothing new to journal
    }
    const Journaled entry(
        *this, {AtelierEvent::Kind::PhoneVotes, votes.connected, votes.answered, key, votes.counts});
    phoneVotes_[key] = votes;
    PhoneParticipation& seen = participation_[position_];
    seen.connected = std::max(seen.connected, votes.connected);
    seen.answered = std::max(seen.answered, votes.answered);
    return true;
}

const PhoneVotes* AtelierRun::phoneVotes(const std::string& key) const {
    const auto found = phoneVotes_.find(key);
    return found == phoneVotes_.end() ? nullptr : &found->second;
}

PhoneParticipation AtelierRun::phoneParticipation(std::size_t index) const {
    return index < participation_.size() ? participation_[index] : PhoneParticipation{};
}

bool AtelierRun::phonesUsed() const {
    return std::any_of(participation_.begin(), participation_.end(), [](const PhoneParticipation& seen) {
        return seen.connected > 0 || seen.answered > 0;
    });
}

AtelierRun::Journaled::Journaled(AtelierRun& run, AtelierEvent event) : run_(run) {
    if (run_.depth_++ == 0) {
        run_.journal_.push_back(std::move(event));
    }
}

bool AtelierRun::replay(const std::vector<AtelierEvent>& events) {
    using Kind = AtelierEvent::Kind;
    for (const AtelierEvent& event : events) {
        switch (event.kind) {
            case Kind::GoTo:
                if (event.first < 0 || event.first >= static_cast<int>(steps_.size())) {
                    return false;
                }
                goTo(static_cast<std::size_t>(event.first));
                break;
            case Kind::ToggleAnswering:
                toggleAnswering();
                break;
            case Kind::ToggleReveal:
                toggleReveal();
                break;
            case Kind::TeamAnswer:
                teamAnswer(event.first, event.second);
                break;
            case Kind::SetHands:
                setHands(event.first, event.second);
                break;
            case Kind::CardVote:
                recordCardVote({event.first, event.second});
                break;
            case Kind::SetVotes:
                setVotes(event.first, event.second);
                break;
            case Kind::SetTeamVote:
                setTeamVote(event.first, event.second);
                break;
            case Kind::Decide:
                decide(event.first);
                break;
            case Kind::AddCollectivite:
                addCollectivite(event.first);
                break;
            case Kind::RemoveCollectivite:
                removeLastCollectivite();
                break;
            case Kind::PhoneVotes:
                recordPhoneVotes(event.key, {event.first, event.second, event.counts});
                break;
        }
    }
    return true;
}

std::optional<double> AtelierRun::questionPoints(std::size_t index, int team) const {
    const auto* tally = index < tallies_.size() ? std::get_if<QuestionTally>(&tallies_[index]) : nullptr;
    if (tally == nullptr || !tally->revealed || team < 0 ||
        team >= static_cast<int>(tally->teamPoints.size())) {
        return std::nullopt;  // points count once the answer is shown to the room
    }
    return tally->teamPoints[static_cast<std::size_t>(team)];
}

double AtelierRun::teamPoints(int team) const {
    double total = 0.0;
    for (std::size_t i = 0; i < steps_.size(); ++i) {
        total += questionPoints(i, team).value_or(0.0);
    }
    return total;
}

std::vector<TeamStanding> AtelierRun::standings() const {
    std::vector<TeamStanding> list;
    for (std::size_t team = 0; team < plan_.teams.size(); ++team) {
        list.push_back({static_cast<int>(team), teamPoints(static_cast<int>(team)), 0});
    }
    std::stable_sort(list.begin(), list.end(),
                     [](const TeamStanding& a, const TeamStanding& b) { return a.points > b.points; });
    for (std::size_t i = 0; i < list.size(); ++i) {
        list[i].rank =
            (i > 0 && list[i].points == list[i - 1].points) ? list[i - 1].rank : static_cast<int>(i) + 1;
    }
    return list;
}

}  // namespace passerelles

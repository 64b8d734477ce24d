// From runs to stored results: details as JSON, active time, resume snapshots.
#include "core/progress/activity_recorder.hpp"

#include <algorithm>

#include <nlohmann/json.hpp>

#include "core/content/fingerprint.hpp"
#include "core/play/option_order.hpp"
#include "core/play/quiz_scoring.hpp"

namespace passerelles {

namespace {

// A pause longer than this is someone away from the keyboard, not time spent learning.
constexpr double kMaxActiveGapSeconds = 120.0;

}  // namespace

ActivityRecorder::ActivityRecorder(ProgressStore* store, std::int64_t profileId, const Pack& pack,
                                   ActivityKind kind, std::string activityId, std::function<double()> clock)
    : store_(store),
      profileId_(profileId),
      pack_(pack),
      kind_(kind),
      activityId_(std::move(activityId)),
      clock_(std::move(clock)) {
    lastEvent_ = clock_ ? clock_() : 0.0;
    if (store_ != nullptr) {
        unfinished_ = store_->unfinishedSession(profileId_, pack_.id, kind_, activityId_);
    }
}

std::optional<std::string> ActivityRecorder::resumableState() const {
    if (!unfinished_ || unfinished_->packVersion != pack_.version) {
        return std::nullopt;  // another version of the pack: the saved state may not match, start afresh
    }
    return unfinished_->state;
}

void ActivityRecorder::check(bool ok) {
    if (!ok && store_ != nullptr) {
        problem_ = "Votre progression n’a pas pu être enregistrée : " + store_->lastError();
    }
}

void ActivityRecorder::start(bool resume) {
    if (store_ == nullptr) {
        return;
    }
    lastEvent_ = clock_ ? clock_() : 0.0;
    if (resume && unfinished_) {
        sessionId_ = unfinished_->id;
        return;
    }
    if (unfinished_) {
        check(store_->abandonSession(unfinished_->id));
        unfinished_.reset();
    }
    const auto session = store_->startSession(profileId_, pack_.id, pack_.version, kind_, activityId_);
    check(session.has_value());
    sessionId_ = session.value_or(0);
}

std::int64_t ActivityRecorder::activeSecondsSinceLastEvent() {
    if (!clock_) {
        return 0;
    }
    const double now = clock_();
    const double gap = std::clamp(now - lastEvent_, 0.0, kMaxActiveGapSeconds);
    lastEvent_ = now;
    return static_cast<std::int64_t>(gap + 0.5);
}

void ActivityRecorder::record(ResultRecord result) {
    if (store_ == nullptr) {
        return;
    }
    result.profileId = profileId_;
    result.sessionId = sessionId_;
    result.packId = pack_.id;
    result.packVersion = pack_.version;
    result.kind = kind_;
    result.activityId = activityId_;
    result.activeSeconds = activeSecondsSinceLastEvent();
    result.review = review_ && !drill_;
    result.drill = drill_;
    check(store_->record(result));
}

void ActivityRecorder::answered(const Question& question, const QuestionResult& result) {
    nlohmann::json selected = nlohmann::json::array();
    for (const int index : result.selected) {
        selected.push_back(question.options[static_cast<std::size_t>(index)].id);
    }
    // The options as the player saw them (option ids, letter A first), so a report can show the same order.
    nlohmann::json shown = nlohmann::json::array();
    for (const int index : result.shown) {
        shown.push_back(question.options[static_cast<std::size_t>(index)].id);
    }
    ResultRecord record;
    record.itemId = question.id;
    record.fingerprint = fingerprint(question);
    record.outcome = result.score.outcome;
    record.points = result.score.points;
    record.maxPoints = result.score.maxPoints;
    record.detail = nlohmann::json{{"selected", selected}, {"order", shown}}.dump();
    this->record(std::move(record));
}

void ActivityRecorder::cardPlayed(const MythCard& card, const SoloCardResult& result) {
    ResultRecord record;
    record.itemId = card.id;
    record.fingerprint = fingerprint(card);
    record.outcome = result.bestChosen ? Outcome::Right : Outcome::Wrong;
    record.points = result.points;
    record.maxPoints = card.points;
    const std::string argument =
        result.argumentChosen >= 0 ? card.arguments[static_cast<std::size_t>(result.argumentChosen)].id : "";
    record.detail = nlohmann::json{
        {"before", static_cast<int>(result.before)},
        {"after", static_cast<int>(result.after)},
        {"argument",
         argument}}.dump();
    this->record(std::move(record));
}

void ActivityRecorder::cardReviewed(const MythCard& card, int argumentChosen) {
    ResultRecord record;
    record.itemId = card.id;
    record.fingerprint = fingerprint(card);
    const QuestionScore score = scoreCard(card, argumentChosen);
    record.outcome = score.outcome;
    record.points = score.points;
    record.maxPoints = score.maxPoints;
    record.detail =
        nlohmann::json{{"argument", card.arguments[static_cast<std::size_t>(argumentChosen)].id}}.dump();
    this->record(std::move(record));
}

void ActivityRecorder::scenarioEnded(const Scenario& scenario, const ScenarioRun& run, double bestTotal) {
    const ScenarioNode& ending = run.currentNode();
    ResultRecord record;
    record.itemId = scenario.id;
    record.fingerprint = fingerprint(scenario);
    record.outcome = ending.rating == EndingRating::Good    ? Outcome::Right
                     : ending.rating == EndingRating::Mixed ? Outcome::Partial
                                                            : Outcome::Wrong;
    record.points = run.total();
    record.maxPoints = bestTotal;
    record.detail = nlohmann::json{{"path", run.choiceIds()}, {"ending", ending.id}}.dump();
    this->record(std::move(record));
}

void ActivityRecorder::diagnosed(const SelfDiagnostic& diagnostic, const std::string& detail) {
    ResultRecord record;
    record.itemId = diagnostic.id;
    record.fingerprint = fingerprint(diagnostic);
    record.outcome = Outcome::Right;  // a diagnostic has no wrong answer
    record.detail = detail;
    this->record(std::move(record));
}

void ActivityRecorder::saveState(const std::string& state) {
    if (store_ != nullptr && sessionId_ > 0) {
        check(store_->saveSessionState(sessionId_, state));
    }
}

void ActivityRecorder::finish(double score, double maxScore) {
    if (store_ != nullptr && sessionId_ > 0) {
        check(store_->finishSession(sessionId_, score, maxScore));
        sessionId_ = 0;
    }
}

std::string serializeQuizSnapshot(const QuizRun::Snapshot& snapshot) {
    nlohmann::json state{{"questions", snapshot.questionIds},
                         {"position", snapshot.position},
                         {"phase", static_cast<int>(snapshot.phase)},
                         {"answers", snapshot.answers},
                         {"selection", snapshot.selection}};
    if (snapshot.seed) {
        // As text: a 64-bit number does not survive every JSON reader (JavaScript's stops at 2^53).
        state["seed"] = seedToText(*snapshot.seed);
    }
    return state.dump();
}

std::optional<QuizRun::Snapshot> parseQuizSnapshot(const std::string& text) {
    const auto value = nlohmann::json::parse(text, nullptr, false);
    if (value.is_discarded() || !value.is_object()) {
        return std::nullopt;
    }
    try {
        QuizRun::Snapshot snapshot;
        snapshot.questionIds = value.at("questions").get<std::vector<std::string>>();
        snapshot.position = value.at("position").get<std::size_t>();
        const int phase = value.at("phase").get<int>();
        if (phase < 0 || phase > 2) {
            return std::nullopt;
        }
        snapshot.phase = static_cast<QuizRun::Phase>(phase);
        snapshot.answers = value.at("answers").get<std::vector<std::vector<int>>>();
        snapshot.selection = value.at("selection").get<std::vector<int>>();
        if (value.contains("seed")) {
            snapshot.seed = seedFromText(value.at("seed").get<std::string>());
            if (!snapshot.seed) {
                return std::nullopt;
            }
        }
        return snapshot;
    } catch (const nlohmann::json::exception&) {
        return std::nullopt;  // a damaged or foreign state: start afresh rather than guess
    }
}

std::string serializeScenarioPath(const std::vector<std::string>& choiceIds) {
    return nlohmann::json{{"choices", choiceIds}}.dump();
}

std::optional<std::vector<std::string>> parseScenarioPath(const std::string& text) {
    const auto value = nlohmann::json::parse(text, nullptr, false);
    if (value.is_discarded() || !value.is_object() || !value.contains("choices") ||
        !value["choices"].is_array()) {
        return std::nullopt;
    }
    std::vector<std::string> ids;
    for (const auto& id : value["choices"]) {
        if (!id.is_string()) {
            return std::nullopt;
        }
        ids.push_back(id.get<std::string>());
    }
    return ids;
}

}  // namespace passerelles

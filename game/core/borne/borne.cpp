// The forum booth's settings, rounds and day counters (see borne.hpp).
//
// Sections: the PIN and its lockout · borne.json (load, damaged file, --set-pin) · the pool and a round
// (drawing, answers scored in core, the fact to take away) · nicknames, ordinals and the rank's wording ·
// the day's counters in borne.db (rounds, rank, leaders, CSV).
#include "core/borne/borne.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <ctime>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>

#include <nlohmann/json.hpp>

#include "core/base/csv_writer.hpp"
#include "core/base/file_reading.hpp"
#include "core/base/file_writing.hpp"
#include "core/base/sqlite.hpp"
#include "core/base/sqlite_file.hpp"
#include "core/base/text.hpp"
#include "core/play/option_order.hpp"
#include "core/play/quiz_scoring.hpp"

namespace passerelles {

namespace {

// FNV-1a over a fixed salt and the PIN: not cryptography, only so that the PIN is not readable at a
// glance in borne.json on the trainer's laptop. The threat is a visitor at the booth, who never sees files.
std::string hashPin(const std::string& pin) {
    std::uint64_t hash = 1469598103934665603ULL;
    for (const char c : std::string("passerelles-borne:") + pin) {
        hash ^= static_cast<unsigned char>(c);
        hash *= 1099511628211ULL;
    }
    std::ostringstream text;
    text << std::hex << hash;
    return text.str();
}

bool hasAnyTheme(const ItemTags& tags, const std::vector<std::string>& themes) {
    if (themes.empty()) {
        return true;
    }
    return std::any_of(tags.themes.begin(), tags.themes.end(), [&](const std::string& theme) {
        return std::find(themes.begin(), themes.end(), theme) != themes.end();
    });
}

}  // namespace

void BorneSettings::setPin(const std::string& pin) {
    pinHash = hashPin(pin);
}

bool BorneSettings::checkPin(const std::string& pin) const {
    return hasPin() && hashPin(pin) == pinHash;
}

bool validBornePin(const std::string& pin) {
    return pin.size() >= 4 && pin.size() <= 8 &&
           std::all_of(pin.begin(), pin.end(), [](char c) { return c >= '0' && c <= '9'; });
}

PinLockout::PinLockout(PinLockoutState state) : state_(state) {
    // Values read back from a file are kept in range: a negative count is none.
    state_.failures = std::max(0, state_.failures);
    state_.lockedUntil = std::max<std::int64_t>(0, state_.lockedUntil);
}

std::int64_t PinLockout::delayAfterSeries(int series) {
    if (series <= 1) {
        return 30;
    }
    return series == 2 ? 120 : 600;
}

std::int64_t PinLockout::secondsLeft(std::int64_t now) {
    if (state_.lockedUntil <= now) {
        return 0;
    }
    const std::int64_t longest = delayAfterSeries(state_.failures / kSeries);
    if (state_.lockedUntil - now > longest) {
        state_.lockedUntil = now + longest;  // the clock went back: the lock lasts its delay from now
    }
    return state_.lockedUntil - now;
}

bool PinLockout::fail(std::int64_t now) {
    if (secondsLeft(now) > 0) {
        return false;  // no code is tried while locked, so none counts
    }
    state_.failures = std::min(state_.failures, 1000000) + 1;
    if (state_.failures % kSeries != 0) {
        return false;
    }
    state_.lockedUntil = now + delayAfterSeries(state_.failures / kSeries);
    return true;
}

std::string formatLockoutDelay(std::int64_t seconds) {
    const std::int64_t minutes = seconds / 60;
    const std::int64_t rest = seconds % 60;
    if (minutes == 0) {
        return std::to_string(rest) + " s";
    }
    return std::to_string(minutes) + " min" + (rest == 0 ? "" : " " + std::to_string(rest) + " s");
}

namespace {

// A damaged copy of `file` set aside earlier (FILE.endommage-…): then a missing file is no first start.
bool hasDamagedCopy(const std::filesystem::path& file) {
    std::error_code code;
    const std::string prefix = file.filename().string() + ".endommage-";
    for (std::filesystem::directory_iterator entry(file.parent_path(), code), end; !code && entry != end;
         entry.increment(code)) {
        if (entry->path().filename().string().rfind(prefix, 0) == 0) {
            return true;
        }
    }
    return false;
}

// The PIN hash of a file that no longer parses (cut short, a stray byte), when its text still holds it.
std::string recoverPinHash(const std::string& text) {
    static const std::regex pattern(R"re("pinHash"\s*:\s*"([0-9a-f]{1,16})")re");
    std::smatch match;
    return std::regex_search(text, match, pattern) ? match[1].str() : std::string();
}

}  // namespace

BorneSettingsRead loadBorneSettings(const std::filesystem::path& file) {
    BorneSettingsRead read;
    BorneSettings& settings = read.settings;
    std::string& notice = read.notice;
    std::error_code code;
    if (!std::filesystem::exists(file, code)) {
        // A genuinely first start: the trainer chooses the PIN at the screen. After a damaged file was set
        // aside, whoever stands at the booth would choose it: it stays locked instead.
        settings.pinChoiceAtScreen = !hasDamagedCopy(file);
        return read;
    }
    settings.pinChoiceAtScreen = false;
    // Only a regular file of at most 1 MB is read (a FIFO would hold the booth's start for ever); the
    // stream is closed before the file may be moved aside: Windows does not rename a file that is open.
    const IoResult<std::string> text = readRegularFile(file, std::uintmax_t{1} << 20);
    if (!text.ok() && text.error().problem != FileProblem::TooBig) {
        notice = "Les réglages de la borne " + guillemets(file.string()) + " ne peuvent pas être lus. " +
                 text.error().message +
                 " La borne reste verrouillée ; passerelles --borne --set-pin choisit un code.";
        return read;
    }
    const std::string content = text.ok() ? text.value() : std::string();
    const auto json = nlohmann::json::parse(content, nullptr, false);
    if (!json.is_object()) {
        // Kept for whoever wants to look at it, like a damaged borne.db; the PIN survives when readable.
        settings.pinHash = recoverPinHash(content);
        const auto aside = moveDamagedFileAside(file, static_cast<std::int64_t>(std::time(nullptr)));
        const bool replaced = aside && saveBorneSettings(file, settings).ok();
        notice =
            "Les réglages de la borne " + guillemets(file.string()) + " sont illisibles" +
            (aside ? " : ils ont été mis de côté sous le nom " + guillemets(aside->filename().string())
                   : std::string(" et ne peuvent pas être déplacés")) +
            (replaced ? ", et les réglages par défaut les remplacent. "
                      : ". Les réglages par défaut sont utilisés. ") +
            (settings.hasPin() ? "Le code de la borne a été retrouvé et reste le même."
                               : "Le code de la borne n’a pas pu être retrouvé : la borne reste verrouillée "
                                 "jusqu’à ce qu’un code soit choisi avec la commande " +
                                     guillemets("passerelles --borne --set-pin") + ".");
        return read;
    }
    // A value of the wrong type (hand-edited, or written by another version) keeps its default and is
    // named, so that the trainer knows which setting to check; it never stops the booth.
    std::vector<std::string> wrongType;
    const auto integer = [&](const char* key, int low, int high, int fallback) {
        const auto found = json.find(key);
        if (found == json.end()) {
            return fallback;
        }
        if (found->is_number_unsigned()) {
            // nlohmann reads every positive number as unsigned: clamp before converting, so that a number
            // past 64 bits becomes the largest allowed rather than wrapping.
            const auto value =
                std::min<std::uint64_t>(found->get<std::uint64_t>(), static_cast<std::uint64_t>(high));
            return std::max(static_cast<int>(value), low);
        }
        if (!found->is_number_integer()) {
            wrongType.emplace_back(key);
            return fallback;
        }
        return static_cast<int>(std::clamp<std::int64_t>(found->get<std::int64_t>(), low, high));
    };
    const auto boolean = [&](const char* key, bool fallback) {
        const auto found = json.find(key);
        if (found == json.end()) {
            return fallback;
        }
        if (!found->is_boolean()) {
            wrongType.emplace_back(key);
            return fallback;
        }
        return found->get<bool>();
    };
    settings.questions = integer("questions", 1, 10, settings.questions);
    settings.idleSeconds = integer("idleSeconds", 15, 600, settings.idleSeconds);
    settings.attractSeconds = integer("attractSeconds", 3, 30, settings.attractSeconds);
    settings.withCard = boolean("withCard", settings.withCard);
    settings.leaderboard = boolean("leaderboard", settings.leaderboard);
    if (const auto pin = json.find("pinHash"); pin != json.end()) {
        if (pin->is_string()) {
            settings.pinHash = pin->get<std::string>();
        } else {
            wrongType.emplace_back("pinHash");
        }
    }
    if (const auto themes = json.find("themes"); themes != json.end()) {
        if (themes->is_array()) {
            for (const auto& theme : *themes) {
                if (theme.is_string()) {
                    settings.themes.push_back(theme.get<std::string>());
                }
            }
        } else {
            wrongType.emplace_back("themes");
        }
    }
    if (!wrongType.empty()) {
        std::string names;
        for (const auto& name : wrongType) {
            names += (names.empty() ? "" : ", ") + name;
        }
        notice = "Dans les réglages de la borne " + guillemets(file.string()) +
                 ", ces valeurs n’ont pas le bon type et reprennent leur valeur par défaut : " + names + ".";
    }
    return read;
}

IoResult<void> saveBorneSettings(const std::filesystem::path& file, const BorneSettings& settings) {
    const nlohmann::json json = {{"format", 1},
                                 {"themes", settings.themes},
                                 {"questions", settings.questions},
                                 {"withCard", settings.withCard},
                                 {"idleSeconds", settings.idleSeconds},
                                 {"attractSeconds", settings.attractSeconds},
                                 {"leaderboard", settings.leaderboard},
                                 {"pinHash", settings.pinHash}};
    std::error_code code;
    std::filesystem::create_directories(file.parent_path(), code);
    return writeFileAtomically(file, json.dump(2) + "\n");
}

IoResult<std::string> setBornePin(const std::filesystem::path& dataDirectory, std::string typed) {
    while (!typed.empty() && (typed.back() == '\n' || typed.back() == '\r' || typed.back() == ' ')) {
        typed.pop_back();
    }
    if (!validBornePin(typed)) {
        return IoError{
            "Le code de la borne doit compter de 4 à 8 chiffres, sans espace ni lettre : rien n’a été "
            "enregistré.",
            FileProblem::Other};
    }
    const auto file = dataDirectory / "borne.json";
    auto [settings, loadError] = loadBorneSettings(file);  // a damaged file is set aside here
    settings.setPin(typed);
    if (auto saved = saveBorneSettings(file, settings); !saved.ok()) {
        return saved.error();
    }
    BorneStore store(dataDirectory);
    store.savePinLockout({});  // whoever can run this command owns the booth: no lock left
    return (loadError.empty() ? "" : loadError + "\n") + "Code de la borne enregistré dans " +
           guillemets(file.string()) + ".";
}

BornePool buildBornePool(const std::vector<const Pack*>& packs, const std::vector<std::string>& themes) {
    BornePool pool;
    for (const Pack* pack : packs) {
        for (const Quiz& quiz : pack->quizzes) {
            for (const Question& question : quiz.questions) {
                // An item's own themes decide; the quiz's only stand in for an item that has none.
                if (hasAnyTheme(question.tags.themes.empty() ? quiz.tags : question.tags, themes)) {
                    pool.questions.push_back({pack, quiz.id, &question, nullptr});
                }
            }
        }
        for (const MythDeck& deck : pack->decks) {
            for (const MythCard& card : deck.cards) {
                if (hasAnyTheme(card.tags.themes.empty() ? deck.tags : card.tags, themes) &&
                    card.bestArgumentIndex() >= 0) {
                    pool.cards.push_back({pack, deck.id, nullptr, &card});
                }
            }
        }
    }
    return pool;
}

std::vector<VocabularyEntry> bornePoolThemes(const std::vector<const Pack*>& packs) {
    std::vector<VocabularyEntry> themes;
    std::set<std::string> seen;
    const auto note = [&](const Pack& pack, const ItemTags& tags) {
        for (const std::string& theme : tags.themes) {
            if (seen.insert(theme).second) {
                themes.push_back({theme, pack.themeLabel(theme)});
            }
        }
    };
    for (const Pack* pack : packs) {
        for (const Quiz& quiz : pack->quizzes) {
            for (const Question& question : quiz.questions) {
                note(*pack, question.tags);
            }
        }
        for (const MythDeck& deck : pack->decks) {
            for (const MythCard& card : deck.cards) {
                note(*pack, card.tags);
            }
        }
    }
    std::sort(themes.begin(), themes.end(), [](const VocabularyEntry& a, const VocabularyEntry& b) {
        return foldForSearch(a.label) < foldForSearch(b.label);
    });
    return themes;
}

BorneRound::BorneRound(const BornePool& pool, const BorneSettings& settings, std::mt19937& random) {
    if (settings.withCard && !pool.cards.empty()) {
        std::uniform_int_distribution<std::size_t> pick(0, pool.cards.size() - 1);
        items_.push_back(pool.cards[pick(random)]);
    }
    std::vector<std::size_t> order(pool.questions.size());
    for (std::size_t i = 0; i < order.size(); ++i) {
        order[i] = i;
    }
    std::shuffle(order.begin(), order.end(), random);
    const std::size_t wanted =
        std::min(order.size(), static_cast<std::size_t>(std::max(settings.questions, 1)));
    for (std::size_t i = 0; i < wanted; ++i) {
        items_.push_back(pool.questions[order[i]]);
    }
    // Drawn after the items, so that a seeded generator picks the same items as before options were shuffled.
    const std::uint64_t high = random();
    optionSeed_ = (high << 32) ^ static_cast<std::uint64_t>(random());
}

std::vector<int> BorneRound::shownOrder() const {
    if (finished()) {
        return {};
    }
    const BorneItem& item = current();
    if (item.question != nullptr) {
        return optionSeed_ ? optionDisplayOrder(*item.question, *optionSeed_)
                           : identityOrder(item.question->options.size());
    }
    return identityOrder(item.card != nullptr ? item.card->arguments.size() : 0);
}

QuestionScore BorneRound::answer(const std::vector<int>& selected) {
    if (finished() || answered_) {
        return {};
    }
    const BorneItem& item = current();
    QuestionScore score;
    if (item.question != nullptr) {
        score = scoreQuestion(*item.question, selected);
        if (score.outcome != Outcome::Right) {
            missed_.push_back(borneItemKey(item));
            missedItems_.push_back(position_);
        }
    } else if (item.card != nullptr) {
        score = scoreCard(*item.card, selected.size() == 1 ? selected[0] : -1);
    }
    points_ += score.points;
    selection_ = selected;
    lastScore_ = score;
    answered_ = true;
    return score;
}

void BorneRound::next() {
    if (!finished()) {
        ++position_;
        answered_ = false;
        selection_.clear();
        lastScore_ = {};
    }
}

double BorneRound::maxPoints() const {
    double total = 0.0;
    for (const BorneItem& item : items_) {
        total += item.question != nullptr ? item.question->points : item.card->points;
    }
    return total;
}

int BorneRound::percent() const {
    const double most = maxPoints();
    return most > 0.0 ? static_cast<int>(std::lround(100.0 * points_ / most)) : 0;
}

std::string BorneRound::factToTakeAway() const {
    const auto fromQuestion = [](const BorneItem& item) { return firstSentence(item.question->explanation); };
    if (!missedItems_.empty()) {
        return fromQuestion(items_[missedItems_.front()]);
    }
    for (const BorneItem& item : items_) {
        if (item.card != nullptr && !item.card->keyPoints.empty()) {
            return firstSentence(item.card->keyPoints.front().text);
        }
    }
    for (const BorneItem& item : items_) {
        if (item.question != nullptr && !item.question->explanation.empty()) {
            return fromQuestion(item);
        }
    }
    return {};
}

std::string borneItemKey(const BorneItem& item) {
    const std::string id = item.question != nullptr ? item.question->id : item.card->id;
    return item.pack->id + "/" + item.activityId + "/" + id;
}

std::string firstSentence(const std::string& text, std::size_t limit) {
    // A sentence ends at ". " / "! " / "? " (French typography puts a no-break space before ! and ?).
    std::size_t end = text.size();
    for (std::size_t i = 0; i + 1 < text.size(); ++i) {
        if ((text[i] == '.' || text[i] == '!' || text[i] == '?') &&
            (text[i + 1] == ' ' || text[i + 1] == '\n')) {
            end = i + 1;
            break;
        }
    }
    std::string sentence = text.substr(0, end);
    if (sentence.size() > limit) {
        std::size_t cut = sentence.rfind(' ', limit);
        if (cut == std::string::npos) {
            cut = limit;
        }
        while (cut > 0 && (static_cast<unsigned char>(sentence[cut]) & 0xC0) == 0x80) {
            --cut;  // never cut inside a UTF-8 character
        }
        sentence = sentence.substr(0, cut) + "…";
    }
    return sentence;
}

std::string cleanNickname(const std::string& typed) {
    std::string kept;
    for (const char c : typed) {
        if (static_cast<unsigned char>(c) >= 0x20 && c != 0x7F) {
            kept += c;
        }
    }
    const auto first = kept.find_first_not_of(' ');
    if (first == std::string::npos) {
        return {};
    }
    kept = kept.substr(first, kept.find_last_not_of(' ') - first + 1);
    // 20 characters, not bytes: count UTF-8 lead bytes.
    std::size_t characters = 0;
    for (std::size_t i = 0; i < kept.size(); ++i) {
        if ((static_cast<unsigned char>(kept[i]) & 0xC0) != 0x80 && ++characters > 20) {
            return kept.substr(0, i);
        }
    }
    return kept;
}

std::string frenchOrdinal(int number, bool feminine) {
    if (number == 1) {
        return feminine ? "1re" : "1er";
    }
    return std::to_string(number) + "e";
}

std::string formatBorneRank(const BorneRank& rank) {
    // The rank of a score (« votre score : 3e sur 41 »), so masculine whoever the visitor is.
    if (rank.total <= 1) {
        return "1er score du jour";
    }
    return frenchOrdinal(rank.position) + " sur " + std::to_string(rank.total) + " aujourd’hui";
}

std::string formatLeaders(const std::vector<BorneLeader>& leaders) {
    std::string line;
    for (const BorneLeader& leader : leaders) {
        line += (line.empty() ? "" : " · ") + leader.nickname + " " + std::to_string(leader.percent) + " %";
    }
    return line;
}

// ---- The day's counters --------------------------------------------------------------------------------

namespace {

// WAL with synchronous = NORMAL: a killed process loses nothing committed; only a power cut may lose the
// last rounds, which is acceptable for anonymous counters and keeps the booth's disk quiet.
SqliteFileKind borneFileKind() {
    SqliteFileKind kind;
    kind.what = "Le fichier des compteurs de la borne";
    kind.applicationId = kBorneApplicationId;
    kind.knownTables = {"rounds", "asked", "pin_lockout"};
    kind.synchronous = "NORMAL";
    // Files written before the version and the id hold some of these tables already: IF NOT EXISTS.
    kind.steps = {{0, 1, [](sql::Database& database) {
                       return database.execute(
                           "CREATE TABLE IF NOT EXISTS rounds ("
                           " id INTEGER PRIMARY KEY, day TEXT NOT NULL, finished INTEGER NOT NULL,"
                           " points REAL NOT NULL, max_points REAL NOT NULL, percent INTEGER NOT NULL,"
                           " nickname TEXT);"
                           "CREATE INDEX IF NOT EXISTS rounds_by_day ON rounds(day);"
                           "CREATE TABLE IF NOT EXISTS asked ("
                           " day TEXT NOT NULL, item TEXT NOT NULL, asked INTEGER NOT NULL DEFAULT 0,"
                           " missed INTEGER NOT NULL DEFAULT 0, PRIMARY KEY (day, item));"
                           "CREATE TABLE IF NOT EXISTS pin_lockout ("
                           " id INTEGER PRIMARY KEY CHECK (id = 1), failures INTEGER NOT NULL,"
                           " locked_until INTEGER NOT NULL);");
                   }}};
    return kind;
}

}  // namespace

BorneStore::BorneStore(const std::filesystem::path& dataDirectory, std::function<std::int64_t()> clock) {
    if (!clock) {
        clock = [] { return static_cast<std::int64_t>(std::time(nullptr)); };
    }
    IoResult<SqliteFile> opening = openSqliteFile(dataDirectory / "borne.db", borneFileKind(), clock);
    if (!opening.ok()) {
        error_ = opening.error().message + " La borne fonctionne, sans compteurs.";
        return;
    }
    for (const std::string& notice : opening.value().notices) {
        error_ += (error_.empty() ? "" : " ") + notice;
    }
    database_ = std::move(opening.value().database);
}

BorneStore::~BorneStore() = default;

bool BorneStore::ok() const {
    return database_ != nullptr;
}

PinLockoutState BorneStore::pinLockout() {
    ++accesses_;
    PinLockoutState state;
    if (!ok()) {
        return state;
    }
    sql::Statement query(*database_, "SELECT failures, locked_until FROM pin_lockout WHERE id = 1");
    if (query.step()) {
        state.failures = static_cast<int>(std::clamp<std::int64_t>(query.integer(0), 0, 1000000));
        state.lockedUntil = query.integer(1);
    }
    return state;
}

bool BorneStore::savePinLockout(const PinLockoutState& state) {
    ++accesses_;
    if (!ok()) {
        return false;
    }
    sql::Statement upsert(*database_,
                          "INSERT INTO pin_lockout (id, failures, locked_until) VALUES (1, ?, ?)"
                          " ON CONFLICT (id) DO UPDATE SET failures = excluded.failures,"
                          " locked_until = excluded.locked_until");
    return upsert.bind(1, state.failures).bind(2, state.lockedUntil).run();
}

std::optional<std::int64_t> BorneStore::recordRound(const std::string& day, const BorneRound& round) {
    ++accesses_;
    if (!ok()) {
        return std::nullopt;
    }
    sql::Transaction transaction(*database_);
    sql::Statement insert(
        *database_, "INSERT INTO rounds (day, finished, points, max_points, percent) VALUES (?, 1, ?, ?, ?)");
    if (!insert.bind(1, day)
             .bind(2, round.points())
             .bind(3, round.maxPoints())
             .bind(4, round.percent())
             .run()) {
        return std::nullopt;
    }
    const std::int64_t id = database_->lastInsertId();
    sql::Statement asked(
        *database_,
        "INSERT INTO asked (day, item, asked, missed) VALUES (?, ?, 1, ?)"
        " ON CONFLICT (day, item) DO UPDATE SET asked = asked + 1, missed = missed + excluded.missed");
    for (const BorneItem& item : round.items()) {
        if (item.question == nullptr) {
            continue;
        }
        const std::string key = borneItemKey(item);
        const bool missed =
            std::find(round.missed().begin(), round.missed().end(), key) != round.missed().end();
        asked.reset();
        if (!asked.bind(1, day).bind(2, key).bind(3, missed ? 1 : 0).run()) {
            return std::nullopt;
        }
    }
    if (!transaction.commit()) {
        return std::nullopt;
    }
    return id;
}

bool BorneStore::recordAbandoned(const std::string& day) {
    ++accesses_;
    if (!ok()) {
        return false;
    }
    sql::Statement insert(
        *database_, "INSERT INTO rounds (day, finished, points, max_points, percent) VALUES (?, 0, 0, 0, 0)");
    return insert.bind(1, day).run();
}

bool BorneStore::setNickname(std::int64_t roundId, const std::string& nickname) {
    ++accesses_;
    if (!ok()) {
        return false;
    }
    const std::string clean = cleanNickname(nickname);
    sql::Statement update(*database_, "UPDATE rounds SET nickname = ? WHERE id = ?");
    if (clean.empty()) {
        update.bindNull(1);
    } else {
        update.bind(1, clean);
    }
    return update.bind(2, roundId).run();
}

BorneDayCounters BorneStore::counters(const std::string& day, const std::vector<const Pack*>& packs) {
    ++accesses_;
    BorneDayCounters counters;
    counters.day = day;
    if (!ok()) {
        return counters;
    }
    sql::Statement totals(
        *database_,
        "SELECT SUM(finished), SUM(1 - finished), AVG(CASE WHEN finished = 1 THEN percent END)"
        " FROM rounds WHERE day = ?");
    totals.bind(1, day);
    if (totals.step()) {
        counters.rounds = static_cast<int>(totals.integer(0));
        counters.abandoned = static_cast<int>(totals.integer(1));
        counters.averagePercent = totals.isNull(2) ? 0.0 : totals.real(2);
    }
    // Question texts come from the loaded packs, so the counters file holds ids only.
    std::map<std::string, std::string> texts;
    for (const Pack* pack : packs) {
        for (const Quiz& quiz : pack->quizzes) {
            for (const Question& question : quiz.questions) {
                texts[pack->id + "/" + quiz.id + "/" + question.id] = question.text;
            }
        }
    }
    sql::Statement missed(*database_,
                          "SELECT item, missed, asked FROM asked WHERE day = ? AND missed > 0"
                          " ORDER BY missed DESC, CAST(missed AS REAL) / asked DESC, item LIMIT 10");
    missed.bind(1, day);
    while (missed.step()) {
        BorneMissedQuestion entry;
        entry.key = missed.text(0);
        entry.missed = static_cast<int>(missed.integer(1));
        entry.asked = static_cast<int>(missed.integer(2));
        const auto text = texts.find(entry.key);
        entry.text = text != texts.end() ? text->second : entry.key;
        counters.mostMissed.push_back(std::move(entry));
    }
    return counters;
}

std::vector<BorneLeader> BorneStore::leaders(const std::string& day, int count) {
    ++accesses_;
    std::vector<BorneLeader> leaders;
    if (!ok()) {
        return leaders;
    }
    // Equal scores keep the order they were reached in: the first to get there stays ahead.
    sql::Statement query(
        *database_,
        "SELECT nickname, percent FROM rounds WHERE day = ? AND finished = 1 AND nickname IS NOT NULL"
        " ORDER BY percent DESC, id LIMIT ?");
    query.bind(1, day).bind(2, count);
    while (query.step()) {
        leaders.push_back({query.text(0), static_cast<int>(query.integer(1))});
    }
    return leaders;
}

std::optional<BorneRank> BorneStore::rank(const std::string& day, std::int64_t roundId) {
    ++accesses_;
    if (!ok()) {
        return std::nullopt;
    }
    // Ahead: a better percent, or the same reached earlier (a smaller id), as leaders() orders them.
    sql::Statement query(*database_,
                         "SELECT (SELECT COUNT(*) FROM rounds o WHERE o.day = r.day AND o.finished = 1"
                         "         AND (o.percent > r.percent OR (o.percent = r.percent AND o.id < r.id))),"
                         "       (SELECT COUNT(*) FROM rounds o WHERE o.day = r.day AND o.finished = 1)"
                         " FROM rounds r WHERE r.id = ? AND r.day = ? AND r.finished = 1");
    query.bind(1, roundId).bind(2, day);
    if (!query.step()) {
        return std::nullopt;
    }
    return BorneRank{static_cast<int>(query.integer(0)) + 1, static_cast<int>(query.integer(1))};
}

std::string BorneStore::countersCsv(const BorneDayCounters& counters) {
    CsvWriter csv;
    csv.row({"jour", "parties jouées", "parties abandonnées", "score moyen (%)"});
    csv.row({counters.day, std::to_string(counters.rounds), std::to_string(counters.abandoned),
             csvNumber(counters.averagePercent, 1)});
    csv.row({});
    csv.row({"question", "identifiant", "ratée", "posée", "taux d'échec (%)"});
    for (const BorneMissedQuestion& entry : counters.mostMissed) {
        csv.row({entry.text, entry.key, std::to_string(entry.missed), std::to_string(entry.asked),
                 csvNumber(entry.asked > 0 ? 100.0 * entry.missed / entry.asked : 0.0, 1)});
    }
    return csv.text();
}

}  // namespace passerelles

// Self-training that sticks (issue 21): drills, FSRS in the store and its log, the SM-2 → FSRS migration,
// the learner's settings and daily goal, profile renaming, what the dashboard says, the CSV export.
#include <doctest/doctest.h>

#include <algorithm>
#include <ctime>

#include "core/base/collation.hpp"
#include "core/base/sqlite.hpp"
#include "core/loading/pack_loader.hpp"
#include "core/play/review_run.hpp"
#include "core/progress/activity_recorder.hpp"
#include "core/progress/progress_report.hpp"
#include "core/progress/progress_store.hpp"
#include "support/csv_reading.hpp"
#include "support/test_support.hpp"

using namespace passerelles;

namespace {

constexpr std::int64_t kDay = 24 * 3600;
constexpr std::int64_t kNoon = 1700049600;  // 15 November 2023, 12:00 UTC

struct Fixture {
    testing::TemporaryFolder folder;
    std::int64_t now = kNoon;
    std::unique_ptr<ProgressStore> store;
    Fixture() {
        auto opened = ProgressStore::open(folder.path() / "progress.db", [this] { return now; });
        REQUIRE_MESSAGE(opened.ok(), opened.error().message);
        store = std::move(opened.value().store);
    }
};

const ContentLibrary& library() {
    static const ContentLibrary loaded = ContentLibrary::load({{testing::contentDir(), "bundled"}});
    return loaded;
}

ResultRecord answer(std::int64_t profile, const std::string& item, Outcome outcome) {
    ResultRecord record;
    record.profileId = profile;
    record.packId = "cahier-ludique";
    record.packVersion = "1.0.0";
    record.kind = ActivityKind::Quiz;
    record.activityId = "connaissances";
    record.itemId = item;
    record.fingerprint = "f-" + item;
    record.outcome = outcome;
    record.maxPoints = 1.0;
    return record;
}

// A scenario, self-diagnostic or other whole-activity result: the item is the activity itself.
ResultRecord wholeActivity(std::int64_t profile, const Pack& pack, ActivityKind kind, const std::string& id,
                           Outcome outcome, std::string detail) {
    ResultRecord record;
    record.profileId = profile;
    record.packId = pack.id;
    record.kind = kind;
    record.activityId = id;
    record.itemId = id;
    record.outcome = outcome;
    record.detail = std::move(detail);
    return record;
}

// Unix seconds of noon, local time, on that date.
std::int64_t localNoon(int year, int month, int day) {
    std::tm local{};
    local.tm_year = year - 1900;
    local.tm_mon = month - 1;
    local.tm_mday = day;
    local.tm_hour = 12;
    local.tm_isdst = -1;
    return static_cast<std::int64_t>(std::mktime(&local));
}

std::int64_t count(ProgressStore& store, const std::string& sql) {
    sql::Database database(store.file());  // a second connection: the store keeps its own
    return database.queryInteger(sql).value_or(-1);
}

// Plays the cahier quiz's first three questions: q01 right (B), q02 wrong, q03 partly right.
QuizRun playThree(const Quiz& quiz, ActivityRecorder* recorder) {
    QuizRun run = QuizRun::forQuiz(quiz);
    for (const int option : {1, 1, 0}) {
        run.toggle(option);
        run.confirm();
        if (recorder != nullptr) {
            recorder->answered(run.currentQuestion(), *run.currentResult());
        }
        run.next();
    }
    return run;
}

}  // namespace

TEST_CASE("French collation: accented capitals sort with their letter, ties broken by the exact text") {
    std::vector<std::string> themes = {"Solidarité internationale",
                                       "Énergie et climat",
                                       "Europe",
                                       "Égalité femmes-hommes",
                                       "Eau et assainissement",
                                       "Déchets",
                                       "Œuvres",
                                       "Outre-mer",
                                       "culture"};
    std::sort(themes.begin(), themes.end(),
              [](const std::string& a, const std::string& b) { return frenchLess(a, b); });
    const std::vector<std::string> expected = {"culture",
                                               "Déchets",
                                               "Eau et assainissement",
                                               "Égalité femmes-hommes",
                                               "Énergie et climat",
                                               "Europe",
                                               "Œuvres",
                                               "Outre-mer",
                                               "Solidarité internationale"};
    CHECK(themes == expected);
    CHECK(frenchLess("cote", "côte"));
    CHECK_FALSE(frenchLess("côte", "cote"));
    CHECK(frenchLess("Eau", "Eaux"));
    CHECK(frenchCollationKey("Égalité") != frenchCollationKey("Egalite"));  // a total order
}

TEST_CASE("the drill after a quiz holds the questions not answered right, in the order met") {
    const Pack* cahier = library().findPack("cahier-ludique");
    REQUIRE(cahier != nullptr);
    const Quiz& quiz = cahier->quizzes[0];
    const QuizRun run = playThree(quiz, nullptr);
    const auto items = drillItems(*cahier, quiz, run);
    REQUIRE(items.size() == 2);
    CHECK(items[0].id() == "q02");
    CHECK(items[1].id() == "q03");
    CHECK(items[0].activityId == quiz.id);

    // The drill's own end offers its misses again; what was right there is not.
    ReviewRun drill(items, ReviewRun::Mode::Drill);
    const int rightForQ02 = static_cast<int>(
        std::find_if(items[0].question()->options.begin(), items[0].question()->options.end(),
                     [](const QuizOption& option) { return option.correct; }) -
        items[0].question()->options.begin());
    REQUIRE(drill.toggle(rightForQ02));
    REQUIRE(drill.confirm());
    REQUIRE(drill.next());
    REQUIRE(drill.toggle(1));  // q03: B alone is wrong
    REQUIRE(drill.confirm());
    REQUIRE(drill.next());
    CHECK(drill.phase() == ReviewRun::Phase::Finished);
    REQUIRE(drill.answers().size() == 2);
    CHECK(drill.answers()[0].outcome == Outcome::Right);
    CHECK(drill.answers()[1].outcome != Outcome::Right);
    CHECK(drill.answers()[1].selection == std::vector<int>{1});
    const auto again = drill.missedItems();
    REQUIRE(again.size() == 1);
    CHECK(again[0].id() == "q03");
    CHECK(rightAnswerTexts(items[1]).size() == 2);  // q03: A and C
    CHECK(answerWithLetters(items[1], rightIndices(items[1]), {}) ==
          "A. " + items[1].question()->options[0].text + " ; C. " + items[1].question()->options[2].text);
    // Under a shown order C, B, A the same answers read « A. (C's text) ; C. (A's text) ».
    CHECK(answerWithLetters(items[1], rightIndices(items[1]), {2, 1, 0}) ==
          "A. " + items[1].question()->options[2].text + " ; C. " + items[1].question()->options[0].text);
}

TEST_CASE("the drill after a deck holds the cards whose best argument was not found") {
    const Pack* cahier = library().findPack("cahier-ludique");
    REQUIRE(cahier != nullptr);
    REQUIRE_FALSE(cahier->decks.empty());
    const MythDeck& deck = cahier->decks[0];
    SoloMythRun run = SoloMythRun::forDeck(deck);
    std::vector<std::string> missed;
    for (std::size_t i = 0; i < run.cardCount(); ++i) {
        const MythCard& card = run.currentCard();
        const int best = card.bestArgumentIndex();
        const int chosen = i % 2 == 0 ? best : (best + 1) % static_cast<int>(card.arguments.size());
        if (chosen != best) {
            missed.push_back(card.id);
        }
        REQUIRE(run.setPosition(Agreement::RatherAgree));
        REQUIRE(run.chooseArgument(chosen));
        REQUIRE(run.continueToPositionAfter());
        REQUIRE(run.setPosition(Agreement::Disagree));
    }
    const auto items = drillItems(*cahier, deck, run);
    REQUIRE(items.size() == missed.size());
    for (std::size_t i = 0; i < items.size(); ++i) {
        CHECK(items[i].card() != nullptr);
        CHECK(items[i].id() == missed[i]);
    }
}

TEST_CASE("a drill moves no schedule and writes no review log; its success is recorded as a drill") {
    Fixture fixture;
    const auto profile = *fixture.store->createProfile("Élise");
    REQUIRE(fixture.store->record(answer(profile, "q02", Outcome::Wrong)));
    const auto before = fixture.store->reviewQueue(profile);
    REQUIRE(before.size() == 1);
    REQUIRE(fixture.store->reviewLog(profile).size() == 1);  // the first miss, rated Again

    ResultRecord drill = answer(profile, "q02", Outcome::Right);
    drill.drill = true;
    fixture.now += 60;  // at once, a minute later
    REQUIRE(fixture.store->record(drill));
    const auto after = fixture.store->reviewQueue(profile);
    REQUIRE(after.size() == 1);
    CHECK(after[0].schedule.dueAt == before[0].schedule.dueAt);
    CHECK(after[0].schedule.memory.stability == before[0].schedule.memory.stability);
    CHECK(after[0].schedule.memory.difficulty == before[0].schedule.memory.difficulty);
    CHECK(after[0].schedule.reviews == before[0].schedule.reviews);
    CHECK(fixture.store->reviewLog(profile).size() == 1);
    // Kept, marked, counted as work done today; the dashboard still shows the real attempt.
    CHECK(count(*fixture.store, "SELECT COUNT(*) FROM results WHERE drill = 1 AND outcome = 'right'") == 1);
    const auto latest = fixture.store->latestResults(profile);
    REQUIRE(latest.size() == 1);
    CHECK(latest[0].outcome == Outcome::Wrong);
    CHECK(fixture.store->dailyGoal(profile).doneToday == 2);
    // A stale check recounts the latest results from the results table: drills stay out there too.
    CHECK(fixture.store->markStale({{"cahier-ludique", "q02", "f-q02"}}) == 0);

    // The recorder marks what it records in drill mode.
    const Pack* cahier = library().findPack("cahier-ludique");
    REQUIRE(cahier != nullptr);
    ActivityRecorder recorder(fixture.store.get(), profile, *cahier, ActivityKind::Quiz,
                              cahier->quizzes[0].id, {});
    recorder.setDrillMode(true);
    playThree(cahier->quizzes[0], &recorder);
    CHECK(recorder.problem().empty());
    CHECK(count(*fixture.store, "SELECT COUNT(*) FROM results WHERE drill = 1") == 4);
    CHECK(count(*fixture.store, "SELECT COUNT(*) FROM results WHERE drill = 1 AND review = 1") == 0);
    CHECK(fixture.store->reviewQueue(profile).size() == 1);
}

TEST_CASE("reviews are scheduled by FSRS at the profile's retention and logged for fitting") {
    Fixture fixture;
    const auto profile = *fixture.store->createProfile("Élise");
    CHECK(fixture.store->settingsOf(profile).desiredRetention == doctest::Approx(0.9));
    REQUIRE(fixture.store->record(answer(profile, "q01", Outcome::Wrong)));
    const std::int64_t today = fixture.store->startOfToday();
    const FsrsScheduler scheduler(0.9);
    const ReviewSchedule expectedFirst = scheduler.first(Rating::Again, today);
    auto queue = fixture.store->reviewQueue(profile);
    REQUIRE(queue.size() == 1);
    CHECK(queue[0].schedule.dueAt == expectedFirst.dueAt);
    CHECK(queue[0].schedule.memory.stability == doctest::Approx(expectedFirst.memory.stability));

    // Three days later, partly right (Hard), at a retention set to 0.95.
    REQUIRE(fixture.store->setDesiredRetention(profile, 0.95));
    fixture.now += 3 * kDay;
    ResultRecord review = answer(profile, "q01", Outcome::Partial);
    review.review = true;
    REQUIRE(fixture.store->record(review));
    const ReviewSchedule expected = FsrsScheduler(0.95).review(expectedFirst, Rating::Hard, today + 3 * kDay);
    queue = fixture.store->reviewQueue(profile);
    REQUIRE(queue.size() == 1);
    CHECK(queue[0].schedule.dueAt == expected.dueAt);
    CHECK(queue[0].schedule.intervalDays == expected.intervalDays);
    CHECK(queue[0].schedule.memory.difficulty == doctest::Approx(expected.memory.difficulty));

    const auto log = fixture.store->reviewLog(profile);
    REQUIRE(log.size() == 2);
    CHECK(log[0].rating == Rating::Again);
    CHECK(log[0].elapsedDays == 0);
    CHECK(log[0].before.stability == 0.0);
    CHECK(log[1].rating == Rating::Hard);
    CHECK(log[1].elapsedDays == 3);
    CHECK(log[1].scheduledDays == expected.intervalDays);
    CHECK(log[1].before.stability == doctest::Approx(expectedFirst.memory.stability));
    CHECK(log[1].after.stability == doctest::Approx(expected.memory.stability));
    CHECK(log[1].desiredRetention == doctest::Approx(0.95));
    CHECK(log[1].reviewedAt == fixture.now);

    // The setting is held within 0.80 … 0.95.
    REQUIRE(fixture.store->setDesiredRetention(profile, 0.5));
    CHECK(fixture.store->settingsOf(profile).desiredRetention == doctest::Approx(0.80));
    REQUIRE(fixture.store->deleteProfile(profile));
    CHECK(count(*fixture.store, "SELECT COUNT(*) FROM review_log") == 0);
}

TEST_CASE("a version-3 file with SM-2 schedules is migrated to FSRS: due dates kept, nothing lost") {
    testing::TemporaryFolder folder;
    {
        sql::Database old(folder.path() / "progress.db");
        REQUIRE(old.execute(testing::readFile(testing::fixturesDir() / "progress" / "progress-v3.sql")));
    }
    auto opened = ProgressStore::open(folder.path() / "progress.db", [] { return kNoon; });
    REQUIRE_MESSAGE(opened.ok(), opened.error().message);
    ProgressStore& store = *opened.value().store;
    CHECK(store.schemaVersion() == kProgressSchemaVersion);
    CHECK(store.schemaVersion() == 4);

    // The fixture's SM-2 rows: (item, interval, ease, repetitions, lapses, due).
    struct Sm2 {
        std::int64_t profile;
        const char* item;
        double interval;
        double ease;
        int repetitions;
        int lapses;
        std::int64_t due;
    };
    const Sm2 rows[] = {{1, "q03", 1, 2.5, 0, 1, 1700006400},
                        {1, "q02", 8, 2.6, 3, 1, 1700524800},
                        {1, "pas-une-priorite", 3, 1.3, 1, 4, 1700179200},
                        {2, "q01", 30, 2.8, 5, 1, 1702598400}};
    std::size_t found = 0;
    for (const Sm2& row : rows) {
        CAPTURE(row.item);
        for (const ReviewEntry& entry : store.reviewQueue(row.profile)) {
            if (entry.itemId != row.item) {
                continue;
            }
            ++found;
            const MemoryState expected = memoryFromSm2(row.interval, row.ease);
            CHECK(entry.schedule.dueAt == row.due);
            CHECK(entry.schedule.memory.stability == doctest::Approx(row.interval));
            CHECK(entry.schedule.memory.difficulty == doctest::Approx(expected.difficulty));
            CHECK(entry.schedule.intervalDays == static_cast<int>(row.interval));
            CHECK(entry.schedule.lastReviewAt == row.due - static_cast<std::int64_t>(row.interval) * kDay);
            CHECK(entry.schedule.reviews == row.repetitions);
            CHECK(entry.schedule.lapses == row.lapses);
        }
    }
    CHECK(found == 4);
    // The SM-2 ease is kept as it was (nothing lost), the log starts empty, the settings at their defaults.
    CHECK(count(store, "SELECT COUNT(*) FROM review_items WHERE ease = 1.3") == 1);
    CHECK(store.reviewLog(1).empty());
    CHECK(store.settingsOf(1).desiredRetention == doctest::Approx(0.9));
    CHECK(store.settingsOf(1).dailyGoal == kDefaultDailyGoal);
    CHECK(store.resultCount(1) == 6);
    CHECK(count(store, "SELECT SUM(items) FROM daily_counts") == 7);  // every result counted on its day
    // SQLite's local day (julianday of the local date) is the one record() counts in (localDayNumber).
    CHECK(count(store, "SELECT day FROM daily_counts WHERE profile_id = 1 LIMIT 1") ==
          localDayNumber(1700000210));

    // A migrated item reviewed Good when due grows by its old ease, as SM-2 would have spaced it. (The
    // fixture's due dates are UTC midnights: in a far time zone the review falls a day off, and then only
    // the scheduler's own figure is checked.)
    const std::int64_t due = 1700524800;
    ReviewSchedule before;
    for (const ReviewEntry& entry : store.reviewQueue(1)) {
        before = entry.itemId == "q02" ? entry.schedule : before;
    }
    opened.value().store.reset();
    auto reviewing = ProgressStore::open(folder.path() / "progress.db", [] { return due + 10 * 3600; });
    REQUIRE(reviewing.ok());
    ResultRecord review = answer(1, "q02", Outcome::Right);
    review.review = true;
    REQUIRE(reviewing.value().store->record(review));
    const std::int64_t today = reviewing.value().store->startOfToday();
    const ReviewSchedule expected = FsrsScheduler().review(before, Rating::Good, today);
    int checked = 0;
    for (const ReviewEntry& entry : reviewing.value().store->reviewQueue(1)) {
        if (entry.itemId == "q02") {
            ++checked;
            CHECK(entry.schedule.memory.stability == doctest::Approx(expected.memory.stability));
            if (daysBetween(before.lastReviewAt, today) == 8) {
                CHECK(entry.schedule.memory.stability == doctest::Approx(8.0 * 2.6).epsilon(0.01));
            }
        }
    }
    CHECK(checked == 1);
}

TEST_CASE("the daily goal: set by the learner, met days in a row, and a missed day just starts again") {
    Fixture fixture;
    const auto profile = *fixture.store->createProfile("Élise");
    REQUIRE(fixture.store->setDailyGoal(profile, 2));
    const auto work = [&](int items) {
        for (int i = 0; i < items; ++i) {
            REQUIRE(fixture.store->record(answer(profile, "q0" + std::to_string(i + 1), Outcome::Right)));
        }
    };
    work(2);  // day 1: met
    DailyGoalStatus status = fixture.store->dailyGoal(profile);
    CHECK(status.goal == 2);
    CHECK(status.doneToday == 2);
    CHECK(status.metToday);
    CHECK(status.daysInARow == 1);
    fixture.now += kDay;
    work(3);  // day 2: met
    fixture.now += kDay;
    work(1);  // day 3: not yet
    status = fixture.store->dailyGoal(profile);
    CHECK_FALSE(status.metToday);
    CHECK(status.daysInARow == 2);  // still standing through yesterday
    CHECK(describeDailyGoal(status) ==
          "Objectif du jour : 1 / 2 · encore 1 élément pour faire 3 jours de suite");
    fixture.now += 2 * kDay;  // day 4 without anything, day 5
    status = fixture.store->dailyGoal(profile);
    CHECK(status.daysInARow == 0);
    CHECK(describeDailyGoal(status).find("perdu") == std::string::npos);
    CHECK(describeDailyGoal(status) == "Objectif du jour : 0 / 2 · encore 2 éléments");
    work(2);
    status = fixture.store->dailyGoal(profile);
    CHECK(status.daysInARow == 1);
    CHECK(describeDailyGoal(status) == "Objectif du jour atteint : 2 / 2, bravo !");

    // Raising the goal does not rewrite the days already met.
    REQUIRE(fixture.store->setDailyGoal(profile, 5));
    fixture.now += kDay;
    work(5);
    status = fixture.store->dailyGoal(profile);
    CHECK(status.daysInARow == 1);  // day 5 was judged against 5 once the goal changed that day
    CHECK(fixture.store->settingsOf(profile).dailyGoal == 5);
    REQUIRE(fixture.store->setDailyGoal(profile, 100000));
    CHECK(fixture.store->settingsOf(profile).dailyGoal == kMaximumDailyGoal);
}

TEST_CASE("the days in a row, computed from the day counts alone") {
    const std::vector<DayCount> days = {{100, 3, 10}, {99, 10, 10}, {98, 12, 10}, {96, 10, 10}};
    const DailyGoalStatus status = dailyGoalStatus(days, 100, 10);
    CHECK(status.doneToday == 3);
    CHECK(status.daysInARow == 2);                          // 99 and 98; 97 is missing
    CHECK(dailyGoalStatus(days, 101, 10).daysInARow == 0);  // yesterday (100) was not met
    CHECK(dailyGoalStatus({{100, 10, 10}, {99, 4, 5}}, 100, 10).daysInARow == 1);
    // Local noon of 2 January 1970 and of 15 November 2023, in whatever time zone the tests run.
    CHECK(localDayNumber(localNoon(1970, 1, 2)) == 1);
    CHECK(localDayNumber(localNoon(2023, 11, 15)) == 19676);
}

TEST_CASE("a profile is renamed under the same rules as creation") {
    Fixture fixture;
    const auto elise = *fixture.store->createProfile("Élise");
    const auto karim = *fixture.store->createProfile("Karim");
    CHECK(fixture.store->renameProfile(elise, "  Élise M.  "));
    CHECK(fixture.store->findProfile(elise)->name == "Élise M.");
    CHECK_FALSE(fixture.store->renameProfile(elise, "karim"));
    CHECK(fixture.store->lastError() ==
          "Un autre profil s’appelle déjà « karim » : choisissez un autre nom.");
    CHECK_FALSE(fixture.store->renameProfile(elise, "   "));
    CHECK(fixture.store->lastError() == "Choisissez un nom ou un pseudonyme de 1 à 60 caractères.");
    CHECK(fixture.store->renameProfile(karim, "KARIM"));  // a change of case of one's own name
    CHECK(fixture.store->findProfile(karim)->name == "KARIM");
    CHECK_FALSE(fixture.store->createProfile("élise m."));  // the new name is taken for creation too
}

TEST_CASE("the dashboard says the profile found, the ending reached, and sorts themes as in French") {
    Fixture fixture;
    fixture.now = localNoon(2023, 11, 15);
    const auto profile = *fixture.store->createProfile("Élise");
    // A self-diagnostic: its first profile found.
    const Pack* acter = library().findPack("acter-2024");
    REQUIRE(acter != nullptr);
    REQUIRE_FALSE(acter->diagnostics.empty());
    const SelfDiagnostic& diagnostic = acter->diagnostics[0];
    REQUIRE(fixture.store->record(
        wholeActivity(profile, *acter, ActivityKind::SelfDiagnostic, diagnostic.id, Outcome::Right,
                      R"({"profile":")" + diagnostic.profiles[0].id + R"(","hybrid":""})")));
    // A scenario that ended badly.
    const Pack* scenarioPack = nullptr;
    const Scenario* scenario = nullptr;
    const ScenarioNode* poor = nullptr;
    for (const auto& pack : library().usablePacks()) {
        for (const auto& candidate : pack->scenarios) {
            for (const auto& node : candidate.nodes) {
                if (poor == nullptr && node.type == NodeType::Ending && node.rating == EndingRating::Poor) {
                    scenarioPack = pack.get();
                    scenario = &candidate;
                    poor = &node;
                }
            }
        }
    }
    REQUIRE(poor != nullptr);
    REQUIRE(fixture.store->record(wholeActivity(profile, *scenarioPack, ActivityKind::Scenario, scenario->id,
                                                Outcome::Wrong,
                                                R"({"path":[],"ending":")" + poor->id + R"("})")));
    // Every question of the cahier quiz, right: their themes include « Égalité … » and « Énergie … ».
    const Pack* cahier = library().findPack("cahier-ludique");
    REQUIRE(cahier != nullptr);
    for (const auto& quiz : cahier->quizzes) {
        for (const auto& question : quiz.questions) {
            ResultRecord record = answer(profile, question.id, Outcome::Right);
            record.activityId = quiz.id;
            REQUIRE(fixture.store->record(record));
        }
    }

    const ProfileReport report = buildProfileReport(library(), *fixture.store, profile);
    const ActivityReport* diagnosis = nullptr;
    const ActivityReport* played = nullptr;
    for (const ActivityReport& activity : report.activities) {
        diagnosis = activity.activity->kind == ActivityKind::SelfDiagnostic ? &activity : diagnosis;
        played = activity.activity->kind == ActivityKind::Scenario ? &activity : played;
    }
    REQUIRE(diagnosis != nullptr);
    CHECK(diagnosis->lastOutcomeText.starts_with("Profil trouvé : " + diagnostic.profiles[0].title));
    CHECK(diagnosis->lastPlayedAt == fixture.now);
    CHECK(frenchDateOf(diagnosis->lastPlayedAt) == "15 novembre 2023");
    REQUIRE(played != nullptr);
    CHECK(played->lastOutcome == Outcome::Wrong);
    CHECK(played->lastOutcomeText == std::string(ratingLabel(EndingRating::Poor)) + " : " + poor->title);

    std::vector<std::string> labels;
    for (const ThemeMastery& theme : report.themes) {
        labels.push_back(theme.theme);
    }
    REQUIRE(labels.size() >= 3);
    CHECK(std::is_sorted(labels.begin(), labels.end(),
                         [](const std::string& a, const std::string& b) { return frenchLess(a, b); }));
    // « Égalité … » and « Énergie … », when the quiz has them, are among the E's, before « Solidarité ».
    const auto at = [&](std::string_view prefix) {
        return std::find_if(labels.begin(), labels.end(),
                            [&](const std::string& l) { return l.starts_with(prefix); });
    };
    const auto solidarity = at("Solidarit");
    for (const char* accented : {"\xC3\x89galit", "\xC3\x89nergie"}) {
        if (at(accented) != labels.end() && solidarity != labels.end()) {
            CHECK(at(accented) < solidarity);
        }
    }
    CHECK(std::any_of(labels.begin(), labels.end(), [](const std::string& l) {
        return l.starts_with("\xC3\x89");
    }));  // one É theme at least
}

TEST_CASE("the CSV export gives question texts and option labels, card arguments and scenario choices") {
    Fixture fixture;
    const auto profile = *fixture.store->createProfile("Élise");
    const Pack* cahier = library().findPack("cahier-ludique");
    REQUIRE(cahier != nullptr);
    const Quiz& quiz = cahier->quizzes[0];
    ActivityRecorder recorder(fixture.store.get(), profile, *cahier, ActivityKind::Quiz, quiz.id, {});
    recorder.start(false);
    playThree(quiz, &recorder);
    const MythDeck& deck = cahier->decks[0];
    ActivityRecorder cards(fixture.store.get(), profile, *cahier, ActivityKind::Myths, deck.id, {});
    cards.start(false);
    const MythCard& card = deck.cards[0];
    cards.cardReviewed(card, 0);
    // A scenario with one choice made, to its end.
    const Pack* strategy = library().findPack("strategie-internationale");
    REQUIRE(strategy != nullptr);
    REQUIRE_FALSE(strategy->scenarios.empty());
    const Scenario& scenario = strategy->scenarios[0];
    const ScenarioChoice* choice = nullptr;
    const ScenarioNode* choiceNode = nullptr;
    for (const auto& node : scenario.nodes) {
        if (choice == nullptr && !node.choices.empty()) {
            choice = &node.choices[0];
            choiceNode = &node;
        }
    }
    REQUIRE(choice != nullptr);
    const ScenarioNode* ending = nullptr;
    for (const auto& node : scenario.nodes) {
        ending = ending == nullptr && node.type == NodeType::Ending ? &node : ending;
    }
    REQUIRE(ending != nullptr);
    REQUIRE(fixture.store->record(
        wholeActivity(profile, *strategy, ActivityKind::Scenario, scenario.id, Outcome::Partial,
                      R"({"path":[")" + choice->id + R"("],"ending":")" + ending->id + R"("})")));

    const auto rows = testing::readCsv(exportHistoryCsv(library(), *fixture.store, profile));
    REQUIRE(rows.size() == 6);  // header, three questions, a card, a scenario
    const std::vector<std::string> header = {
        "date",          "profil",   "pack",         "version",
        "activité",      "sorte",    "élément",      "réponse donnée",
        "bonne réponse", "résultat", "points",       "points max",
        "durée (s)",     "révision", "entraînement", "contenu modifié depuis"};
    CHECK(rows[0] == header);
    const Question& q01 = quiz.questions[0];
    CHECK(rows[1][2] == cahier->title);
    CHECK(rows[1][4] == quiz.title);
    CHECK(rows[1][6] == q01.text);
    CHECK(rows[1][7] == q01.options[1].text);  // texts, no letters: the order changes from play to play
    CHECK(rows[1][8] == q01.options[1].text);
    CHECK(rows[1][9] == "juste");
    CHECK(rows[2][9] == "faux");
    CHECK(rows[3][8] == quiz.questions[2].options[0].text + " ; " + quiz.questions[2].options[2].text);
    CHECK(rows[4][6] == "« " + card.statement + " »");
    CHECK(rows[4][7] == card.arguments[0].text);
    CHECK(rows[4][8] == card.arguments[static_cast<std::size_t>(card.bestArgumentIndex())].text);
    CHECK(rows[5][6] == scenario.title);
    CHECK(rows[5][7] == (choiceNode->title.empty() ? "" : choiceNode->title + " : ") + choice->text + " → " +
                            ratingLabel(ending->rating) + " : " + ending->title);
    for (const auto& row : rows) {
        for (const auto& cell : row) {
            CHECK(cell.find("{\"") == std::string::npos);  // no raw JSON
        }
    }
    CHECK(rows[1][0].size() == 19);  // JJ/MM/AAAA HH:MM:SS
    CHECK(rows[1][0][2] == '/');
}

// Plays the generated pack's quizzes and decks into a progress store, as a learner would over weeks.
#include "progress_history.hpp"

#include <cstdio>
#include <cstdlib>

#include "core/play/quiz_scoring.hpp"
#include "core/progress/activity_recorder.hpp"

namespace passerelles::bench {

namespace {

constexpr std::int64_t kDay = 24 * 3600;

QuestionResult answerOf(const Question& question, int pass, int index) {
    QuestionResult result;
    result.question = &question;
    const bool right = (index * 7 + pass * 3) % 10 < 5 + pass;
    for (std::size_t o = 0; o < question.options.size(); ++o) {
        if (question.options[o].correct == right) {
            result.selected.push_back(static_cast<int>(o));
            break;
        }
    }
    result.score = scoreQuestion(question, result.selected);
    return result;
}

}  // namespace

std::unique_ptr<ProgressStore> openFreshStore(const std::filesystem::path& file, FakeTime& time) {
    std::filesystem::remove_all(file.parent_path());
    auto opened = ProgressStore::open(file, [&time] { return time.now; });
    if (!opened.ok()) {
        std::fprintf(stderr, "bench: %s\n", opened.error().message.c_str());
        std::exit(1);
    }
    return std::move(opened.value().store);
}

void playHistory(ProgressStore& store, std::int64_t profile, const Pack& pack, int count, FakeTime& time) {
    double seconds = 0.0;
    const auto clock = [&seconds] { return seconds += 25.0; };
    int recorded = 0;
    for (int pass = 0; recorded < count; ++pass) {
        for (const auto& quiz : pack.quizzes) {
            ActivityRecorder recorder(&store, profile, pack, ActivityKind::Quiz, quiz.id, clock);
            recorder.start(false);
            double score = 0.0;
            for (std::size_t q = 0; q < quiz.questions.size() && recorded < count; ++q, ++recorded) {
                const QuestionResult result = answerOf(quiz.questions[q], pass, static_cast<int>(q));
                recorder.answered(quiz.questions[q], result);
                score += result.score.points;
                time.now += 60;
            }
            recorder.finish(score, quiz.maxPoints());
            time.now += kDay;
        }
        for (const auto& deck : pack.decks) {
            ActivityRecorder recorder(&store, profile, pack, ActivityKind::Myths, deck.id, clock);
            recorder.start(false);
            for (std::size_t c = 0; c < deck.cards.size() && recorded < count; ++c, ++recorded) {
                const MythCard& card = deck.cards[c];
                SoloCardResult result;
                result.card = &card;
                result.argumentChosen =
                    (static_cast<int>(c) + pass) % static_cast<int>(card.arguments.size());
                result.bestChosen = result.argumentChosen == card.bestArgumentIndex();
                result.points = result.bestChosen ? card.points : 0.0;
                recorder.cardPlayed(card, result);
                time.now += 60;
            }
            recorder.finish(0.0, 0.0);
            time.now += kDay;
        }
    }
}

}  // namespace passerelles::bench

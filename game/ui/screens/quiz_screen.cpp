// Quiz screen: one question at a time; the rule before answering, the verdict, points and source after.
#include "ui/screens/quiz_screen.hpp"

#include "core/base/text.hpp"
#include "core/play/option_order.hpp"
#include "core/progress/progress_service.hpp"
#include "ui/screens/content_views.hpp"
#include "ui/screens/screens.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

namespace passerelles::ui {

namespace {

OptionLook lookOf(const QuizRun& run, int option) {
    const Question& question = run.currentQuestion();
    if (run.phase() == QuizRun::Phase::Answering) {
        return run.isSelected(option) ? OptionLook::Selected : OptionLook::Idle;
    }
    const QuestionResult* result = run.currentResult();
    const bool ticked = result != nullptr && std::find(result->selected.begin(), result->selected.end(),
                                                       option) != result->selected.end();
    const bool correct = question.options[static_cast<std::size_t>(option)].correct;
    if (ticked) {
        return correct ? OptionLook::CorrectTicked : OptionLook::WrongTicked;
    }
    return correct ? OptionLook::CorrectMissed : OptionLook::Neutral;
}

}  // namespace

QuizScreen::QuizScreen(std::shared_ptr<const Pack> pack, const Quiz& quiz)
    : pack_(std::move(pack)), quiz_(quiz), play_(quiz) {}

void QuizScreen::confirm() {
    if (play_.confirm()) {
        scrollToVerdict_ = true;
    }
}

void QuizScreen::finish(Frame& frame) {
    play_.finish();
    frame.navigator.replace(makeQuizResultsScreen(pack_, quiz_, play_.run()));
}

void QuizScreen::draw(Frame& frame) {
    if (!play_.begun()) {
        play_.begin(
            frame.services.progress.recorderFor(*pack_, ActivityKind::Quiz, quiz_.id, frame.services.now),
            frame.services.playSeed ? frame.services.playSeed() : std::nullopt);
    }
    if (const auto& resumable = play_.resumable()) {
        const std::string where = "Question " + std::to_string(resumable->position() + 1) + " sur " +
                                  std::to_string(resumable->questionCount()) + ", " +
                                  formatDecimal(resumable->score()) + " / " +
                                  formatPoints(resumable->maxScore()) + " jusqu’ici.";
        offerResume(frame, play_, where);
        return;
    }
    if (play_.run().phase() == QuizRun::Phase::Finished) {
        finish(frame);
        return;
    }
    handleKeys(frame);
    if (play_.run().phase() == QuizRun::Phase::Finished) {
        return;  // the results screen takes over on the next frame
    }
    const Question& question = play_.run().currentQuestion();
    if (!play_.notice().empty()) {
        paragraph(frame, play_.notice(), nullptr, theme::kPartial);
    }
    if (const std::string problem = play_.problem(); !problem.empty()) {
        paragraph(frame, problem, nullptr, theme::kWrong);
    }
    drawProgress(frame);
    verticalSpace(frame, 0.4f);
    sourceLine(frame, describeRule(question));
    verticalSpace(frame, 0.2f);
    heading(frame, question.text);
    verticalSpace(frame, 0.4f);
    // Letters follow the shown order: the card at position p shows option shownOrder()[p].
    const std::vector<int> order = play_.run().shownOrder();
    for (std::size_t position = 0; position < order.size(); ++position) {
        const int index = order[position];
        const QuizOption& option = question.options[static_cast<std::size_t>(index)];
        OptionCard card;
        card.index = static_cast<int>(position);
        card.text = option.text;
        card.feedback = option.feedback;
        card.look = lookOf(play_.run(), index);
        card.multiple = question.isMultipleAnswer();
        card.interactive = play_.run().phase() == QuizRun::Phase::Answering;
        if (optionCard(frame, card)) {
            play_.toggle(index);
        }
    }
    verticalSpace(frame, 0.3f);
    if (play_.run().phase() == QuizRun::Phase::Answering) {
        drawAnswering(frame, question);
    } else {
        drawRevealed(frame, question);
    }
}

void QuizScreen::handleKeys(Frame& frame) {
    const Question& question = play_.run().currentQuestion();
    if (play_.run().phase() == QuizRun::Phase::Answering) {
        const int position = frame.input.takeOptionShortcut(static_cast<int>(question.options.size()));
        if (position >= 0) {
            play_.toggle(play_.run().shownOrder()[static_cast<std::size_t>(position)]);
        }
        if (frame.input.take(Key::Enter)) {
            confirm();
        }
    } else if (play_.run().phase() == QuizRun::Phase::Revealed && frame.input.take(Key::Enter)) {
        advance();
    }
}

void QuizScreen::advance() {
    play_.next();
    ImGui::SetScrollY(0.0f);
}

void QuizScreen::drawProgress(Frame& frame) {
    const std::string label = "Question " + std::to_string(play_.run().position() + 1) + " sur " +
                              std::to_string(play_.run().questionCount());
    const std::string score =
        "Score : " + formatDecimal(play_.run().score()) + " / " + formatDecimal(play_.run().maxScore());
    ImGui::PushFont(frame.services.fonts.bold);
    ImGui::TextUnformatted(label.c_str());
    const float scoreWidth = ImGui::CalcTextSize(score.c_str()).x;
    ImGui::SameLine(ImGui::GetWindowContentRegionMax().x - scoreWidth);
    ImGui::TextUnformatted(score.c_str());
    ImGui::PopFont();
    const float fraction = static_cast<float>(play_.run().position() +
                                              (play_.run().phase() == QuizRun::Phase::Revealed ? 1 : 0)) /
                           static_cast<float>(play_.run().questionCount());
    progressBar(frame, fraction, availableWidth(), frame.layout.unit * 0.45f, theme::kPrimary);
}

void QuizScreen::drawAnswering(Frame& frame, const Question& question) {
    const bool ready = !play_.run().selection().empty();
    if (button(frame, "Valider (Entrée)", 0.0f, ButtonStyle::Primary, ready)) {
        confirm();
    }
    ImGui::SameLine();
    const char last = static_cast<char>('A' + question.options.size() - 1);
    const std::string hint = std::string(question.isMultipleAnswer() ? "Cochez une ou plusieurs réponses"
                                                                     : "Choisissez une réponse") +
                             " : touches A à " + last + " ou 1 à " + std::to_string(question.options.size()) +
                             ", ou cliquez.";
    ImGui::SetCursorPosY(ImGui::GetCursorPosY() + frame.layout.unit * 0.5f);
    sourceLine(frame, hint);
}

void QuizScreen::drawRevealed(Frame& frame, const Question& question) {
    const QuestionResult* result = play_.run().currentResult();
    if (result == nullptr) {
        return;
    }
    const QuestionScore& score = result->score;
    const ImU32 colour = score.outcome == Outcome::Right     ? theme::kRight
                         : score.outcome == Outcome::Partial ? theme::kPartial
                                                             : theme::kWrong;
    const ImU32 fill = score.outcome == Outcome::Right     ? theme::kRightSoft
                       : score.outcome == Outcome::Partial ? theme::kPartialSoft
                                                           : theme::kWrongSoft;
    beginPanel(frame, fill, colour);
    const char* mark = score.outcome == Outcome::Right     ? "\xE2\x9C\x93 Juste"
                       : score.outcome == Outcome::Partial ? "\xE2\x97\x90 En partie juste"
                                                           : "\xE2\x9C\x97 Faux";
    heading(frame,
            std::string(mark) + " : " + formatPoints(score.points) + " sur " + formatDecimal(score.maxPoints),
            nullptr, colour);
    if (question.isMultipleAnswer()) {
        paragraph(frame, describeBreakdown(question, score));
    }
    if (score.outcome != Outcome::Right) {
        std::vector<int> correct;
        for (std::size_t i = 0; i < question.options.size(); ++i) {
            if (question.options[i].correct) {
                correct.push_back(static_cast<int>(i));
            }
        }
        paragraph(frame,
                  std::string(correct.size() > 1 ? "Les bonnes réponses sont " : "La bonne réponse est ") +
                      optionLetters(shownPositions(play_.run().shownOrder(), correct)) + ".");
    }
    if (!question.explanation.empty()) {
        verticalSpace(frame, 0.2f);
        paragraph(frame, question.explanation);
    }
    if (question.tags.source) {
        verticalSpace(frame, 0.2f);
        sourceLine(frame, "Source : " + pack_->cite(*question.tags.source));
    }
    endPanel(frame);
    const bool last = play_.run().position() + 1 == play_.run().questionCount();
    if (button(frame, last ? "Voir le résultat (Entrée)" : "Question suivante (Entrée)")) {
        advance();
    }
    if (scrollToVerdict_) {
        // Bring the verdict and the next button into view while keeping as much of the question as fits.
        ImGui::SetScrollHereY(1.0f);
        scrollToVerdict_ = false;
    }
}

std::unique_ptr<Screen> makeQuizScreen(std::shared_ptr<const Pack> pack, const Quiz& quiz) {
    return std::make_unique<QuizScreen>(std::move(pack), quiz);
}

}  // namespace passerelles::ui

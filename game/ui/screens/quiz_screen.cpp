// Quiz screen: one question at a time; the rule before answering, the verdict, points and source after.
#include "ui/screens/quiz_screen.hpp"

#include "core/base/text.hpp"
#include "core/play/option_order.hpp"
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
    : pack_(std::move(pack)), quiz_(quiz), run_(QuizRun::forQuiz(quiz)) {}

void QuizScreen::prepareRecording(Frame& frame) {
    // Each play draws its own option order; a resumed play takes the seed saved with it instead.
    run_ = QuizRun::forQuiz(quiz_, frame.services.playSeed ? frame.services.playSeed() : std::nullopt);
    recorder_ = frame.services.progress.recorderFor(*pack_, ActivityKind::Quiz, quiz_.id, frame.services.now);
    if (const auto state = recorder_->resumableState()) {
        std::vector<const Question*> questions = run_.questions();
        const auto snapshot = parseQuizSnapshot(*state);
        if (snapshot) {
            resumable_ = QuizRun::restore(*snapshot, questions);
        }
        if (!resumable_) {
            // The saved play no longer matches the questions: say so rather than guess.
            notice_ = "Le quiz a changé depuis votre dernière partie : il reprend au début.";
            recorder_->start(false);
        }
        return;
    }
    recorder_->start(false);
}

void QuizScreen::confirm() {
    if (!run_.confirm()) {
        return;
    }
    scrollToVerdict_ = true;
    recorder_->answered(run_.currentQuestion(), *run_.currentResult());
    recorder_->saveState(serializeQuizSnapshot(run_.snapshot()));
}

void QuizScreen::finish(Frame& frame) {
    recorder_->finish(run_.score(), run_.maxScore());
    frame.navigator.replace(makeQuizResultsScreen(pack_, quiz_, run_));
}

void QuizScreen::draw(Frame& frame) {
    if (!recorder_) {
        prepareRecording(frame);
    }
    if (resumable_) {
        const std::string where = "Question " + std::to_string(resumable_->position() + 1) + " sur " +
                                  std::to_string(resumable_->questionCount()) + ", " +
                                  formatDecimal(resumable_->score()) + " / " +
                                  formatPoints(resumable_->maxScore()) + " jusqu’ici.";
        offerResume(frame, resumable_, run_, *recorder_, where);
        return;
    }
    if (run_.phase() == QuizRun::Phase::Finished) {
        finish(frame);
        return;
    }
    handleKeys(frame);
    if (run_.phase() == QuizRun::Phase::Finished) {
        return;  // the results screen takes over on the next frame
    }
    const Question& question = run_.currentQuestion();
    if (!notice_.empty()) {
        paragraph(frame, notice_, nullptr, theme::kPartial);
    }
    if (!recorder_->problem().empty()) {
        paragraph(frame, recorder_->problem(), nullptr, theme::kWrong);
    }
    drawProgress(frame);
    verticalSpace(frame, 0.4f);
    sourceLine(frame, describeRule(question));
    verticalSpace(frame, 0.2f);
    heading(frame, question.text);
    verticalSpace(frame, 0.4f);
    // Letters follow the shown order: the card at position p shows option shownOrder()[p].
    const std::vector<int> order = run_.shownOrder();
    for (std::size_t position = 0; position < order.size(); ++position) {
        const int index = order[position];
        const QuizOption& option = question.options[static_cast<std::size_t>(index)];
        OptionCard card;
        card.index = static_cast<int>(position);
        card.text = option.text;
        card.feedback = option.feedback;
        card.look = lookOf(run_, index);
        card.multiple = question.isMultipleAnswer();
        card.interactive = run_.phase() == QuizRun::Phase::Answering;
        if (optionCard(frame, card)) {
            run_.toggle(index);
        }
    }
    verticalSpace(frame, 0.3f);
    if (run_.phase() == QuizRun::Phase::Answering) {
        drawAnswering(frame, question);
    } else {
        drawRevealed(frame, question);
    }
}

void QuizScreen::handleKeys(Frame& frame) {
    const Question& question = run_.currentQuestion();
    if (run_.phase() == QuizRun::Phase::Answering) {
        const int position = frame.input.takeOptionShortcut(static_cast<int>(question.options.size()));
        if (position >= 0) {
            run_.toggle(run_.shownOrder()[static_cast<std::size_t>(position)]);
        }
        if (frame.input.take(Key::Enter)) {
            confirm();
        }
    } else if (run_.phase() == QuizRun::Phase::Revealed && frame.input.take(Key::Enter)) {
        advance();
    }
}

void QuizScreen::advance() {
    run_.next();
    if (run_.phase() != QuizRun::Phase::Finished) {
        recorder_->saveState(serializeQuizSnapshot(run_.snapshot()));
    }
    ImGui::SetScrollY(0.0f);
}

void QuizScreen::drawProgress(Frame& frame) {
    const std::string label =
        "Question " + std::to_string(run_.position() + 1) + " sur " + std::to_string(run_.questionCount());
    const std::string score =
        "Score : " + formatDecimal(run_.score()) + " / " + formatDecimal(run_.maxScore());
    ImGui::PushFont(frame.services.fonts.bold);
    ImGui::TextUnformatted(label.c_str());
    const float scoreWidth = ImGui::CalcTextSize(score.c_str()).x;
    ImGui::SameLine(ImGui::GetWindowContentRegionMax().x - scoreWidth);
    ImGui::TextUnformatted(score.c_str());
    ImGui::PopFont();
    const float fraction =
        static_cast<float>(run_.position() + (run_.phase() == QuizRun::Phase::Revealed ? 1 : 0)) /
        static_cast<float>(run_.questionCount());
    progressBar(frame, fraction, availableWidth(), frame.layout.unit * 0.45f, theme::kPrimary);
}

void QuizScreen::drawAnswering(Frame& frame, const Question& question) {
    const bool ready = !run_.selection().empty();
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
    const QuestionResult* result = run_.currentResult();
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
                      optionLetters(shownPositions(run_.shownOrder(), correct)) + ".");
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
    const bool last = run_.position() + 1 == run_.questionCount();
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

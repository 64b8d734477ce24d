// End of a quiz: total, percentage, a recap of every question with the right answer; drill the questions
// just missed, replay, or home.
#include "core/base/text.hpp"
#include "core/play/option_order.hpp"
#include "ui/screens/screens.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

namespace passerelles::ui {

namespace {

class QuizResultsScreen final : public Screen {
  public:
    QuizResultsScreen(std::shared_ptr<const Pack> pack, const Quiz& quiz, QuizRun run)
        : pack_(std::move(pack)),
          quiz_(quiz),
          run_(std::move(run)),
          missed_(drillItems(*pack_, quiz_, run_)) {}

    std::string title() const override { return "Résultat : " + quiz_.title; }
    std::string kind() const override { return "quiz-results"; }
    bool usesDisplayFont() const override { return true; }

    void draw(Frame& frame) override {
        if (frame.input.take(Key::R)) {
            replay(frame);
            return;
        }
        const std::vector<ReviewItem>& missed = missed_;
        if (drillKey(frame, missed)) {
            return;
        }
        const double score = run_.score();
        const double max = run_.maxScore();
        const double ratio = max > 0 ? score / max : 0.0;
        heading(frame, formatDecimal(score) + " / " + formatPoints(max) + "  (" + formatPercent(ratio) + ")",
                frame.services.fonts.display, theme::kPrimary);
        progressBar(frame, static_cast<float>(ratio), availableWidth(), frame.layout.unit * 0.7f,
                    theme::kPrimary);
        verticalSpace(frame, 0.3f);
        const int right = run_.countOutcome(Outcome::Right);
        const int partial = run_.countOutcome(Outcome::Partial);
        const int wrong = run_.countOutcome(Outcome::Wrong);
        paragraph(frame, std::to_string(right) + " juste" + (right > 1 ? "s" : "") + " · " +
                             std::to_string(partial) + " en partie juste" + (partial > 1 ? "s" : "") + " · " +
                             std::to_string(wrong) + " faux");
        verticalSpace(frame, 0.3f);
        if (drillButton(frame, missed)) {
            return;
        }
        if (button(frame, "Rejouer (R)", 0.0f,
                   missed.empty() ? ButtonStyle::Primary : ButtonStyle::Secondary)) {
            replay(frame);
            return;
        }
        ImGui::SameLine();
        if (button(frame, "Accueil (Échap)", 0.0f, ButtonStyle::Secondary)) {
            frame.navigator.pop();
        }
        verticalSpace(frame, 0.6f);
        heading(frame, "Récapitulatif");
        verticalSpace(frame, 0.2f);
        for (std::size_t i = 0; i < run_.results().size(); ++i) {
            drawRecap(frame, i, run_.results()[i]);
        }
    }

  private:
    void replay(Frame& frame) { frame.navigator.replace(makeQuizScreen(pack_, quiz_)); }

    void drawRecap(Frame& frame, std::size_t number, const QuestionResult& result) {
        const Question& question = *result.question;
        const Outcome outcome = result.score.outcome;
        const ImU32 colour = outcome == Outcome::Right     ? theme::kRight
                             : outcome == Outcome::Partial ? theme::kPartial
                                                           : theme::kWrong;
        const char* mark = outcome == Outcome::Right     ? "\xE2\x9C\x93"
                           : outcome == Outcome::Partial ? "\xE2\x97\x90"
                                                         : "\xE2\x9C\x97";
        beginPanel(frame, theme::kSurface, colour);
        ImGui::PushFont(frame.services.fonts.bold);
        ImGui::PushStyleColor(ImGuiCol_Text, theme::toVec4(colour));
        ImGui::Text("%s Question %zu : %s (%s%s)", mark, number + 1, outcomeLabel(outcome),
                    result.score.points > 0 ? "+" : "", formatPoints(result.score.points).c_str());
        ImGui::PopStyleColor();
        ImGui::PopFont();
        paragraph(frame, question.text);
        std::vector<int> correct;
        for (std::size_t i = 0; i < question.options.size(); ++i) {
            if (question.options[i].correct) {
                correct.push_back(static_cast<int>(i));
            }
        }
        // Letters as the player saw them in this play (the shuffled order), not the file's.
        const std::vector<int>& shown = result.shown;
        std::string answers = "Votre réponse : " + optionLetters(shownPositions(shown, result.selected)) +
                              " · Bonne réponse : ";
        std::sort(correct.begin(), correct.end(),
                  [&](int a, int b) { return shownPosition(shown, a) < shownPosition(shown, b); });
        for (std::size_t k = 0; k < correct.size(); ++k) {
            answers += (k > 0 ? " ; " : "") +
                       std::string(1, static_cast<char>('A' + shownPosition(shown, correct[k]))) + " (" +
                       question.options[static_cast<std::size_t>(correct[k])].text + ")";
        }
        sourceLine(frame, answers);
        endPanel(frame);
    }

    std::shared_ptr<const Pack> pack_;
    const Quiz& quiz_;
    QuizRun run_;
    std::vector<ReviewItem> missed_;  // for « Refaire mes erreurs », fixed once the run is over
};

}  // namespace

std::unique_ptr<Screen> makeQuizResultsScreen(std::shared_ptr<const Pack> pack, const Quiz& quiz,
                                              QuizRun run) {
    return std::make_unique<QuizResultsScreen>(std::move(pack), quiz, std::move(run));
}

}  // namespace passerelles::ui

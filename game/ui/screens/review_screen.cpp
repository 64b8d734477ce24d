// "Revoir mes erreurs": the missed questions and cards due today, answered again and rescheduled.
#include <map>

#include "core/base/text.hpp"
#include "core/progress/progress_report.hpp"
#include "ui/screens/screens.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

namespace passerelles::ui {

namespace {

class ReviewScreen final : public Screen {
  public:
    std::string title() const override { return "Revoir mes erreurs"; }
    std::string kind() const override { return "review"; }

    void draw(Frame& frame) override {
        if (!run_) {
            run_.emplace(resolveReviewItems(frame.services.library, frame.services.progress.dueToday()),
                         frame.services.playSeed ? frame.services.playSeed() : std::nullopt);
        }
        ReviewRun& run = *run_;
        if (run.phase() == ReviewRun::Phase::Finished) {
            drawEnd(frame);
            return;
        }
        const ReviewItem& item = run.current();
        const int optionCount = item.question() != nullptr ? static_cast<int>(item.question()->options.size())
                                                           : static_cast<int>(item.card()->arguments.size());
        if (run.phase() == ReviewRun::Phase::Answering) {
            const int position = frame.input.takeOptionShortcut(optionCount);
            const int option = position >= 0 ? run.shownOrder()[static_cast<std::size_t>(position)] : -1;
            if (option >= 0 && run.toggle(option) && run.phase() == ReviewRun::Phase::Revealed) {
                recordAnswer(frame);
            }
            if (frame.input.take(Key::Enter) && run.confirm()) {
                recordAnswer(frame);
            }
        } else if (frame.input.take(Key::Enter)) {
            run.next();
            ImGui::SetScrollY(0.0f);
            return;
        }
        ImGui::PushFont(frame.services.fonts.bold);
        ImGui::Text("Élément %zu sur %zu", run.position() + 1, run.itemCount());
        ImGui::PopFont();
        sourceLine(frame, item.pack->title);
        verticalSpace(frame, 0.3f);
        if (item.question() != nullptr) {
            drawQuestion(frame, *item.question());
        } else {
            drawCard(frame, *item.card());
        }
    }

  private:
    ActivityRecorder& recorderFor(Frame& frame, const ReviewItem& item) {
        const auto kind = item.question() != nullptr ? ActivityKind::Quiz : ActivityKind::Myths;
        const std::string key = item.pack->id + "/" + item.activityId;
        auto found = recorders_.find(key);
        if (found == recorders_.end()) {
            auto recorder =
                frame.services.progress.recorderFor(*item.pack, kind, item.activityId, frame.services.now);
            recorder->setReviewMode(true);
            found = recorders_.emplace(key, std::move(recorder)).first;
        }
        return *found->second;
    }

    void recordAnswer(Frame& frame) {
        const ReviewRun& run = *run_;
        const ReviewItem& item = run.current();
        ActivityRecorder& recorder = recorderFor(frame, item);
        if (item.question() != nullptr) {
            recorder.answered(*item.question(), QuestionResult{item.question(), run.selection(),
                                                               run.lastScore(), run.shownOrder()});
        } else {
            recorder.cardReviewed(*item.card(), run.selection().front());
        }
        problem_ = recorder.problem();
    }

    OptionLook look(const std::vector<int>& selection, int index, bool correct, bool revealed) const {
        const bool ticked = std::find(selection.begin(), selection.end(), index) != selection.end();
        if (!revealed) {
            return ticked ? OptionLook::Selected : OptionLook::Idle;
        }
        if (ticked) {
            return correct ? OptionLook::CorrectTicked : OptionLook::WrongTicked;
        }
        return correct ? OptionLook::CorrectMissed : OptionLook::Neutral;
    }

    void drawQuestion(Frame& frame, const Question& question) {
        ReviewRun& run = *run_;
        const bool revealed = run.phase() == ReviewRun::Phase::Revealed;
        sourceLine(frame, describeRule(question));
        heading(frame, question.text);
        verticalSpace(frame, 0.3f);
        const std::vector<int> order = run.shownOrder();  // letters follow the shuffled order
        for (std::size_t position = 0; position < order.size(); ++position) {
            const auto i = static_cast<std::size_t>(order[position]);
            OptionCard card;
            card.index = static_cast<int>(position);
            card.text = question.options[i].text;
            card.multiple = question.isMultipleAnswer();
            card.interactive = !revealed;
            card.look = look(run.selection(), order[position], question.options[i].correct, revealed);
            card.feedback = card.look == OptionLook::Neutral ? std::string_view()
                                                             : std::string_view(question.options[i].feedback);
            if (optionCard(frame, card)) {
                run.toggle(order[position]);
            }
        }
        if (!revealed) {
            if (button(frame, "Valider (Entrée)", 0.0f, ButtonStyle::Primary, !run.selection().empty()) &&
                run.confirm()) {
                recordAnswer(frame);
            }
            return;
        }
        drawVerdict(frame, question.explanation,
                    question.tags.source ? run.current().pack->cite(*question.tags.source) : "");
    }

    void drawCard(Frame& frame, const MythCard& card) {
        ReviewRun& run = *run_;
        const bool revealed = run.phase() == ReviewRun::Phase::Revealed;
        heading(frame, "« " + card.statement + " »", frame.services.fonts.title, theme::kAccent);
        paragraph(frame, "Quel argument répond le mieux à cette idée reçue ?");
        verticalSpace(frame, 0.3f);
        for (std::size_t i = 0; i < card.arguments.size(); ++i) {
            OptionCard option;
            option.index = static_cast<int>(i);
            option.text = card.arguments[i].text;
            option.interactive = !revealed;
            option.look = look(run.selection(), option.index, card.arguments[i].best, revealed);
            option.feedback = revealed ? std::string_view(card.arguments[i].feedback) : std::string_view();
            if (optionCard(frame, option) && run.toggle(option.index)) {
                recordAnswer(frame);
            }
        }
        if (revealed) {
            drawVerdict(frame, card.answer,
                        card.tags.source ? run.current().pack->cite(*card.tags.source) : "");
        }
    }

    void drawVerdict(Frame& frame, const std::string& explanation, const std::string& source) {
        const Outcome outcome = run_->lastOutcome();
        const ImU32 colour = outcome == Outcome::Right     ? theme::kRight
                             : outcome == Outcome::Partial ? theme::kPartial
                                                           : theme::kWrong;
        beginPanel(frame,
                   outcome == Outcome::Right     ? theme::kRightSoft
                   : outcome == Outcome::Partial ? theme::kPartialSoft
                                                 : theme::kWrongSoft,
                   colour);
        heading(frame,
                outcome == Outcome::Right     ? "\xE2\x9C\x93 Juste : vous la reverrez plus tard"
                : outcome == Outcome::Partial ? "\xE2\x97\x90 En partie juste : à revoir bientôt"
                                              : "\xE2\x9C\x97 Pas encore : elle reviendra demain",
                nullptr, colour);
        if (!explanation.empty()) {
            paragraph(frame, explanation);
        }
        if (!source.empty()) {
            sourceLine(frame, "Source : " + source);
        }
        endPanel(frame);
        if (!problem_.empty()) {
            paragraph(frame, problem_, nullptr, theme::kWrong);
        }
        if (button(frame, "Suivant (Entrée)")) {
            run_->next();
            ImGui::SetScrollY(0.0f);
        }
    }

    void drawEnd(Frame& frame) {
        const ReviewRun& run = *run_;
        if (run.itemCount() == 0) {
            heading(frame, "Rien à revoir aujourd’hui", frame.services.fonts.title, theme::kRight);
        } else {
            heading(frame,
                    std::to_string(run.rightCount()) + " sur " + std::to_string(run.itemCount()) + " justes",
                    frame.services.fonts.title, theme::kPrimary);
        }
        const std::size_t tomorrow = frame.services.progress.dueTomorrowCount();
        paragraph(frame,
                  tomorrow > 0
                      ? "Demain : " + std::to_string(tomorrow) +
                            (tomorrow > 1 ? " éléments à revoir." : " élément à revoir.")
                      : "Les éléments réussis reviendront dans quelques jours, de plus en plus espacés.");
        sourceLine(
            frame,
            "Une erreur revient le lendemain, jamais quelques minutes après avoir lu la réponse ; chaque "
            "bonne réponse espace la révision suivante (1 jour, 3 jours, puis de plus en plus).");
        verticalSpace(frame, 0.4f);
        if (button(frame, "Accueil (Échap)", 0.0f, ButtonStyle::Secondary)) {
            frame.navigator.pop();
        }
    }

    std::optional<ReviewRun> run_;
    std::map<std::string, std::unique_ptr<ActivityRecorder>> recorders_;
    std::string problem_;
};

}  // namespace

std::unique_ptr<Screen> makeReviewScreen() {
    return std::make_unique<ReviewScreen>();
}

}  // namespace passerelles::ui

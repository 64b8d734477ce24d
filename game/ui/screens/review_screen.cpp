// "Revoir mes erreurs" (the missed items due today, rescheduled by FSRS) and "Refaire mes erreurs" (the
// items just missed, at once, as a drill that moves no schedule); the end lists every item and its answer.
#include <cstdio>
#include <map>

#include "core/base/text.hpp"
#include "core/progress/progress_report.hpp"
#include "core/progress/progress_service.hpp"
#include "core/session/review_play.hpp"
#include "ui/screens/screens.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

namespace passerelles::ui {

namespace {

class ReviewScreen final : public Screen {
  public:
    ReviewScreen() = default;
    // The run starts at the first frame, where the play's seed for the options' order is at hand.
    explicit ReviewScreen(std::vector<ReviewItem> drill) : drill_(true), drillItems_(std::move(drill)) {}

    std::string title() const override { return drilling() ? "Refaire mes erreurs" : "Revoir mes erreurs"; }
    std::string kind() const override { return drilling() ? "drill" : "review"; }

    void draw(Frame& frame) override {
        if (!play_) {
            const auto seed = frame.services.playSeed ? frame.services.playSeed() : std::nullopt;
            ProgressService& progress = frame.services.progress;
            ReviewPlay::RecorderFactory recorders = [&progress, now = frame.services.now](
                                                        const Pack& pack, ActivityKind kind,
                                                        const std::string& activityId) {
                return progress.recorderFor(pack, kind, activityId, now);
            };
            if (drill_) {
                play_.emplace(std::move(drillItems_), ReviewRun::Mode::Drill, seed, std::move(recorders));
            } else {
                play_.emplace(resolveReviewItems(frame.services.library, progress.dueToday()),
                              ReviewRun::Mode::Review, seed, std::move(recorders));
            }
        }
        const ReviewRun& run = play_->run();
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
            if (option >= 0) {
                play_->toggle(option);
            }
            if (frame.input.take(Key::Enter)) {
                play_->confirm();
            }
        } else if (frame.input.take(Key::Enter)) {
            next(frame);
            return;
        }
        ImGui::PushFont(frame.services.fonts.bold);
        ImGui::Text("%s %zu sur %zu", drilling() ? "Entraînement :" : "Élément", run.position() + 1,
                    run.itemCount());
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
        const ReviewRun& run = play_->run();
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
                play_->toggle(order[position]);
            }
        }
        if (!revealed) {
            if (button(frame, "Valider (Entrée)", 0.0f, ButtonStyle::Primary, !run.selection().empty())) {
                play_->confirm();
            }
            return;
        }
        drawVerdict(frame, question.explanation,
                    question.tags.source ? run.current().pack->cite(*question.tags.source) : "");
    }

    void drawCard(Frame& frame, const MythCard& card) {
        const ReviewRun& run = play_->run();
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
            if (optionCard(frame, option)) {
                play_->toggle(option.index);
            }
        }
        if (revealed) {
            drawVerdict(frame, card.answer,
                        card.tags.source ? run.current().pack->cite(*card.tags.source) : "");
        }
    }

    bool drilling() const { return drill_; }

    // The next item; past the last one, what the end screen shows is read and written once, here: an idle
    // end screen queries nothing and builds nothing.
    void next(Frame& frame) {
        play_->next();
        ImGui::SetScrollY(0.0f);
        if (play_->run().phase() == ReviewRun::Phase::Finished) {
            prepareEnd(frame);
        }
    }

    const char* verdict(Outcome outcome) const {
        if (drilling()) {
            return outcome == Outcome::Right     ? "\xE2\x9C\x93 Juste"
                   : outcome == Outcome::Partial ? "\xE2\x97\x90 En partie juste"
                                                 : "\xE2\x9C\x97 Pas encore";
        }
        return outcome == Outcome::Right     ? "\xE2\x9C\x93 Juste : vous la reverrez plus tard"
               : outcome == Outcome::Partial ? "\xE2\x97\x90 En partie juste : à revoir bientôt"
                                             : "\xE2\x9C\x97 Pas encore : elle reviendra bientôt";
    }

    void drawVerdict(Frame& frame, const std::string& explanation, const std::string& source) {
        const Outcome outcome = play_->run().lastOutcome();
        const ImU32 colour = outcomeColour(outcome);
        beginPanel(frame,
                   outcome == Outcome::Right     ? theme::kRightSoft
                   : outcome == Outcome::Partial ? theme::kPartialSoft
                                                 : theme::kWrongSoft,
                   colour);
        heading(frame, verdict(outcome), nullptr, colour);
        if (!explanation.empty()) {
            paragraph(frame, explanation);
        }
        if (!source.empty()) {
            sourceLine(frame, "Source : " + source);
        }
        endPanel(frame);
        if (!play_->problem().empty()) {
            paragraph(frame, play_->problem(), nullptr, theme::kWrong);
        }
        if (button(frame, "Suivant (Entrée)")) {
            next(frame);
        }
    }

    static ImU32 outcomeColour(Outcome outcome) {
        return outcome == Outcome::Right     ? theme::kRight
               : outcome == Outcome::Partial ? theme::kPartial
                                             : theme::kWrong;
    }

    struct Recap {
        ImU32 colour;
        std::string outcome;
        std::string text;
        std::string given;
        std::string right;
        std::string pack;
    };

    void prepareEnd(Frame& frame) {
        const ReviewRun& run = play_->run();
        missed_ = run.missedItems();
        score_ = std::to_string(run.rightCount()) + " sur " + std::to_string(run.itemCount()) + " justes";
        if (!drilling()) {
            const std::size_t tomorrow = frame.services.progress.dueTomorrowCount();
            tomorrow_ = tomorrow > 0
                            ? "Demain : " + std::to_string(tomorrow) +
                                  (tomorrow > 1 ? " éléments à revoir." : " élément à revoir.")
                            : "Les éléments réussis reviendront dans quelques jours, de plus en plus "
                              "espacés.";
        }
        recaps_.clear();
        for (std::size_t i = 0; i < run.answers().size() && i < run.itemCount(); ++i) {
            recaps_.push_back(recapOf(run.items()[i], run.answers()[i]));
        }
        endPrepared_ = true;
    }

    // One item: its text, the learner's answer and the right one.
    static Recap recapOf(const ReviewItem& item, const ReviewAnswer& answer) {
        const char* mark = answer.outcome == Outcome::Right     ? "\xE2\x9C\x93 "
                           : answer.outcome == Outcome::Partial ? "\xE2\x97\x90 "
                                                                : "\xE2\x9C\x97 ";
        const Question* question = item.question();
        // Letters as the learner saw them (the options' order of that play).
        const std::string given = answerWithLetters(item, answer.selection, answer.shown);
        const std::string right = answerWithLetters(item, rightIndices(item), answer.shown);
        return {outcomeColour(answer.outcome),
                std::string(mark) + outcomeLabel(answer.outcome),
                question != nullptr ? question->text : "« " + item.card()->statement + " »",
                (question != nullptr ? "Votre réponse : " : "Votre argument : ") + given,
                (question != nullptr ? "Bonne réponse : " : "Meilleur argument : ") + right,
                item.pack->title};
    }

    void drawEnd(Frame& frame) {
        if (!endPrepared_) {
            prepareEnd(frame);  // a run with nothing to review starts finished
        }
        const ReviewRun& run = play_->run();
        if (drillKey(frame, missed_)) {
            return;
        }
        if (run.itemCount() == 0) {
            heading(frame, "Rien à revoir aujourd’hui", frame.services.fonts.title, theme::kRight);
        } else {
            heading(frame, score_, frame.services.fonts.title, theme::kPrimary);
        }
        if (drilling()) {
            paragraph(
                frame,
                "Cet entraînement ne change pas vos révisions : ces éléments reviendront dans « Revoir mes "
                "erreurs » à la date prévue.");
        } else {
            paragraph(frame, tomorrow_);
            sourceLine(
                frame,
                "Une erreur revient dès le lendemain, jamais quelques minutes après avoir lu la réponse ; "
                "chaque bonne réponse espace la révision suivante (FSRS, Free Spaced Repetition Scheduler, "
                "un "
                "algorithme de répétition espacée ; réglable dans « Ma progression »).");
        }
        verticalSpace(frame, 0.4f);
        if (drillButton(frame, missed_)) {
            return;
        }
        if (button(frame, "Accueil (Échap)", 0.0f, ButtonStyle::Secondary)) {
            frame.navigator.pop();
        }
        if (!recaps_.empty()) {
            verticalSpace(frame, 0.6f);
            heading(frame, "Élément par élément");
            for (const Recap& recap : recaps_) {
                beginPanel(frame, theme::kSurface, recap.colour);
                paragraph(frame, recap.outcome, frame.services.fonts.bold, recap.colour);
                paragraph(frame, recap.text);
                sourceLine(frame, recap.given);
                sourceLine(frame, recap.right);
                sourceLine(frame, recap.pack);
                endPanel(frame);
            }
        }
    }

    bool drill_ = false;
    std::vector<ReviewItem> drillItems_;  // until the run starts
    std::optional<ReviewPlay> play_;      // the run and its recording, from the first frame
    // The end screen, prepared once.
    bool endPrepared_ = false;
    std::vector<ReviewItem> missed_;
    std::string score_;
    std::string tomorrow_;
    std::vector<Recap> recaps_;
};

}  // namespace

std::unique_ptr<Screen> makeReviewScreen() {
    return std::make_unique<ReviewScreen>();
}

std::unique_ptr<Screen> makeDrillScreen(std::vector<ReviewItem> items) {
    return std::make_unique<ReviewScreen>(std::move(items));
}

bool drillKey(Frame& frame, const std::vector<ReviewItem>& missed) {
    if (missed.empty() || !frame.input.take(Key::E)) {
        return false;
    }
    frame.navigator.push(makeDrillScreen(missed));
    return true;
}

bool drillButton(Frame& frame, const std::vector<ReviewItem>& missed) {
    if (missed.empty()) {
        return false;
    }
    // « Refaire mes erreurs (E) : 14 », formatted without building a string each frame.
    char label[64];
    std::snprintf(label, sizeof label, "Refaire mes erreurs (E) : %lu",
                  static_cast<unsigned long>(missed.size()));
    if (button(frame, label)) {
        frame.navigator.push(makeDrillScreen(missed));
        return true;
    }
    ImGui::SameLine();
    return false;
}

}  // namespace passerelles::ui

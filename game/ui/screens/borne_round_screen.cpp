// A visitor's short round at the booth: big answers to touch, the right one shown at once, then the next.
#include <algorithm>

#include <imgui.h>

#include "core/base/text.hpp"
#include "ui/screens/atelier_views.hpp"
#include "ui/screens/borne_session.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

namespace passerelles::ui {

namespace {

class BorneRoundScreen final : public Screen {
  public:
    explicit BorneRoundScreen(std::shared_ptr<BorneSession> session)
        : session_(std::move(session)),
          round_(std::make_shared<BorneRound>(session_->pool, session_->settings, session_->random)) {}

    std::string title() const override { return "Borne"; }
    std::string kind() const override { return "borne-round"; }
    Chrome chrome() const override { return Chrome::Bare; }
    bool handleBack(Frame&) override { return true; }
    double secondsUntilWake(double now) const override { return session_->secondsUntilIdle(now) + 0.05; }
    const BorneRound& round() const { return *round_; }

    void draw(Frame& frame) override {
        if (takeTrainerCombination(frame)) {
            frame.navigator.push(makeBorneTrainerScreen(session_));
            return;
        }
        if (session_->idle(frame)) {
            // The visitor walked away: the round is counted as abandoned and the booth invites again.
            if (session_->store) {
                session_->store->recordAbandoned(session_->today());
            }
            frame.navigator.resetTo(makeBorneAttractScreen(session_));
            return;
        }
        if (round_->finished()) {
            finish(frame);
            return;
        }
        drawProgress(frame);
        const BorneItem& item = round_->current();
        if (item.card != nullptr) {
            drawCard(frame, *item.card);
        } else {
            drawQuestion(frame, *item.question);
        }
        if (round_->answered()) {
            verticalSpace(frame, 0.4f);
            const bool last = round_->position() + 1 >= round_->size();
            if (button(frame, last ? "Voir mon score (Entrée)" : "Question suivante (Entrée)") ||
                frame.input.take(Key::Enter) || frame.input.take(Key::Space)) {
                round_->next();
                ticked_.clear();
                ImGui::SetScrollY(0.0f);
                if (round_->finished()) {
                    finish(frame);  // the score comes with this very touch, not with the next one
                }
            }
        }
    }

  private:
    void drawProgress(Frame& frame) {
        const std::string where =
            "Question " + std::to_string(round_->position() + 1) + " sur " + std::to_string(round_->size());
        mutedText(frame, where);
        progressBar(frame, static_cast<float>(round_->position()) / static_cast<float>(round_->size()),
                    availableWidth(), frame.layout.unit * 0.35f, theme::kPrimary);
        verticalSpace(frame, 0.5f);
    }

    // One row per answer, the whole row a touch target; after the answer, the right ones get their ✓.
    int answerRows(Frame& frame, const std::vector<std::string_view>& texts,
                   const std::vector<bool>& correct) {
        static const AtelierPlan noTeams;
        int touched = -1;
        for (std::size_t i = 0; i < texts.size(); ++i) {
            RoomAnswerRow row;
            row.index = static_cast<int>(i);
            row.text = texts[i];
            row.revealed = round_->answered();
            row.correct = correct[i];
            const auto& chosen = round_->answered() ? round_->selection() : ticked_;
            row.chosen = std::find(chosen.begin(), chosen.end(), static_cast<int>(i)) != chosen.end();
            row.focused = row.chosen && round_->answered() && !correct[i];
            if (roomAnswerRow(frame, row, noTeams) && !round_->answered()) {
                touched = static_cast<int>(i);
            }
        }
        if (!round_->answered()) {
            if (const int key = frame.input.takeOptionShortcut(static_cast<int>(texts.size())); key >= 0) {
                touched = key;
            }
        }
        return touched;
    }

    void drawQuestion(Frame& frame, const Question& question) {
        heading(frame, question.text, frame.services.fonts.title);
        const bool several = question.isMultipleAnswer();
        if (several && !round_->answered()) {
            chip(frame, "Plusieurs bonnes réponses : touchez-les toutes, puis « Valider »",
                 theme::kPartialSoft, theme::kPartial);
        }
        verticalSpace(frame, 0.3f);
        std::vector<std::string_view> texts;
        std::vector<bool> correct;
        for (const QuizOption& option : question.options) {
            texts.push_back(option.text);
            correct.push_back(option.correct);
        }
        const int touched = answerRows(frame, texts, correct);
        if (round_->answered()) {
            const bool right =
                std::all_of(question.options.begin(), question.options.end(), [&](const QuizOption& o) {
                    const auto& chosen = round_->selection();
                    const bool ticked =
                        std::find(chosen.begin(), chosen.end(),
                                  static_cast<int>(&o - question.options.data())) != chosen.end();
                    return ticked == o.correct;
                });
            paragraph(frame,
                      right ? "Bravo, c’est exact !" : "Pas tout à fait : la bonne réponse est cochée ✓.",
                      frame.services.fonts.heading, right ? theme::kRight : theme::kWrong);
            if (!question.explanation.empty()) {
                paragraph(frame, firstSentence(question.explanation, 320), frame.services.fonts.heading);
            }
            return;
        }
        if (touched >= 0) {
            if (!several) {
                round_->answer({touched});  // one answer: a single touch is enough
                return;
            }
            const auto found = std::find(ticked_.begin(), ticked_.end(), touched);
            if (found == ticked_.end()) {
                ticked_.push_back(touched);
            } else {
                ticked_.erase(found);
            }
        }
        if (several) {
            verticalSpace(frame, 0.3f);
            if ((button(frame, "Valider (Entrée)", 0.0f, ButtonStyle::Primary, !ticked_.empty()) ||
                 frame.input.take(Key::Enter)) &&
                !ticked_.empty()) {
                std::sort(ticked_.begin(), ticked_.end());
                round_->answer(ticked_);
            }
        }
    }

    void drawCard(Frame& frame, const MythCard& card) {
        mutedText(frame, "Idée reçue ? On l’entend souvent :");
        heading(frame, guillemets(card.statement), frame.services.fonts.title);
        paragraph(frame, "Quel argument y répond le mieux ?", frame.services.fonts.heading);
        verticalSpace(frame, 0.3f);
        std::vector<std::string_view> texts;
        std::vector<bool> best;
        for (const MythArgument& argument : card.arguments) {
            texts.push_back(argument.text);
            best.push_back(argument.best);
        }
        const int touched = answerRows(frame, texts, best);
        if (round_->answered()) {
            const int chosen = round_->selection().empty() ? -1 : round_->selection()[0];
            const bool right = chosen == card.bestArgumentIndex();
            paragraph(
                frame,
                right ? "Oui : c’est l’argument le plus solide." : "Un autre argument est plus solide (✓).",
                frame.services.fonts.heading, right ? theme::kRight : theme::kWrong);
            if (chosen >= 0 && !card.arguments[static_cast<std::size_t>(chosen)].feedback.empty()) {
                paragraph(frame, card.arguments[static_cast<std::size_t>(chosen)].feedback,
                          frame.services.fonts.heading);
            }
        } else if (touched >= 0) {
            round_->answer({touched});
        }
    }

    void finish(Frame& frame) {
        std::optional<std::int64_t> id;
        if (session_->store) {
            id = session_->store->recordRound(session_->today(), *round_);
        }
        ++session_->roundsThisRun;
        frame.navigator.replace(makeBorneEndScreen(session_, round_, id));
    }

    std::shared_ptr<BorneSession> session_;
    std::shared_ptr<BorneRound> round_;
    std::vector<int> ticked_;
};

}  // namespace

std::unique_ptr<Screen> makeBorneRoundScreen(std::shared_ptr<BorneSession> session) {
    return std::make_unique<BorneRoundScreen>(std::move(session));
}

}  // namespace passerelles::ui

// The end of a visitor's round: the score, one fact to take away, a nickname for the day's board.
#include <imgui.h>

#include "core/base/text.hpp"
#include "ui/screens/borne_session.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

namespace passerelles::ui {

namespace {

class BorneEndScreen final : public Screen {
  public:
    BorneEndScreen(std::shared_ptr<BorneSession> session, std::shared_ptr<BorneRound> round,
                   std::optional<std::int64_t> roundId)
        : session_(std::move(session)), round_(std::move(round)), roundId_(roundId) {}

    std::string title() const override { return "Borne"; }
    std::string kind() const override { return "borne-end"; }
    Chrome chrome() const override { return Chrome::Bare; }
    bool handleBack(Frame&) override { return true; }
    double secondsUntilWake(double now) const override { return session_->secondsUntilIdle(now) + 0.05; }

    void draw(Frame& frame) override {
        if (takeTrainerCombination(frame)) {
            frame.navigator.push(makeBorneTrainerScreen(session_));
            return;
        }
        if (session_->idle(frame)) {
            leave(frame);
            return;
        }
        const float unit = frame.layout.unit;
        verticalSpace(frame, 0.5f);
        heading(frame,
                formatDecimal(round_->points()) + " sur " + formatDecimal(round_->maxPoints()) + " · " +
                    std::to_string(round_->percent()) + " %",
                frame.services.fonts.title, theme::kPrimary);
        paragraph(frame,
                  round_->percent() >= 80   ? "Bravo : vous en savez déjà beaucoup !"
                  : round_->percent() >= 50 ? "Bien joué : encore un peu et vous serez incollable."
                                            : "Merci d’avoir joué : vous repartez avec de quoi convaincre.",
                  frame.services.fonts.heading);
        const std::string fact = round_->factToTakeAway();
        if (!fact.empty()) {
            verticalSpace(frame, 0.4f);
            beginPanel(frame, theme::kPrimarySoft, theme::kPrimary);
            mutedText(frame, "À retenir");
            paragraph(frame, fact, frame.services.fonts.heading);
            endPanel(frame);
        }
        if (session_->settings.leaderboard && roundId_ && session_->store) {
            verticalSpace(frame, 0.4f);
            drawNickname(frame);
        }
        verticalSpace(frame, 0.6f);
        if (button(frame, "Rejouer", unit * 10.0f)) {
            session_->lastActivity = frame.services.now();
            frame.navigator.replace(makeBorneRoundScreen(session_));
            return;
        }
        ImGui::SameLine(0.0f, unit);
        if (button(frame, "Terminer (Entrée)", unit * 10.0f, ButtonStyle::Secondary) ||
            frame.input.take(Key::Enter)) {
            leave(frame);
        }
    }

  private:
    void drawNickname(Frame& frame) {
        const float unit = frame.layout.unit;
        if (saved_) {
            paragraph(frame, "Votre pseudo « " + nickname_ + " » est au classement du jour.",
                      frame.services.fonts.bold, theme::kRight);
            return;
        }
        fieldLabel(frame,
                   "Un pseudo pour le classement du jour ? (facultatif, affiché aujourd’hui seulement)");
        for (int letter = 0; letter < 26; ++letter) {
            if (frame.input.take(static_cast<Key>(static_cast<int>(Key::A) + letter)) &&
                nickname_.size() < 12) {
                nickname_ += static_cast<char>('A' + letter);
            }
        }
        if (frame.input.take(Key::Backspace) && !nickname_.empty()) {
            nickname_.pop_back();
        }
        beginPanel(frame, theme::kSurface, theme::kBorder, unit * 16.0f);
        heading(frame, nickname_.empty() ? "\xE2\x80\x94" : nickname_, frame.services.fonts.title);
        endPanel(frame);
        // A keyboard on screen: most booths have only a touch screen.
        const char* rows[] = {"AZERTYUIOP", "QSDFGHJKLM", "WXCVBN"};
        const float key = unit * 2.6f;
        for (const char* row : rows) {
            for (const char* c = row; *c != '\0'; ++c) {
                if (c != row) {
                    ImGui::SameLine(0.0f, unit * 0.25f);
                }
                const char label[2] = {*c, '\0'};
                if (button(frame, label, key, ButtonStyle::Secondary) && nickname_.size() < 12) {
                    nickname_ += *c;
                }
            }
        }
        ImGui::SameLine(0.0f, unit * 0.25f);
        if (button(frame, "\xE2\x86\x90 Effacer", 0.0f, ButtonStyle::Secondary) && !nickname_.empty()) {
            nickname_.pop_back();
        }
        ImGui::SameLine(0.0f, unit * 0.25f);
        if (button(frame, "Enregistrer", 0.0f, ButtonStyle::Primary, !nickname_.empty())) {
            saveNickname();
        }
    }

    void saveNickname() {
        if (!nickname_.empty() && roundId_ && session_->store) {
            saved_ = session_->store->setNickname(*roundId_, nickname_);
        }
    }

    void leave(Frame& frame) {
        if (!saved_) {
            saveNickname();  // typed but not confirmed: keep it, the visitor meant it
        }
        frame.navigator.resetTo(makeBorneAttractScreen(session_));
    }

    std::shared_ptr<BorneSession> session_;
    std::shared_ptr<BorneRound> round_;
    std::optional<std::int64_t> roundId_;
    std::string nickname_;
    bool saved_ = false;
};

}  // namespace

std::unique_ptr<Screen> makeBorneEndScreen(std::shared_ptr<BorneSession> session,
                                           std::shared_ptr<BorneRound> round,
                                           std::optional<std::int64_t> roundId) {
    return std::make_unique<BorneEndScreen>(std::move(session), std::move(round), roundId);
}

}  // namespace passerelles::ui

// The end of a visitor's round: the score and its rank of the day, one fact to take away, and a nickname
// for the day's board typed on the on-screen keyboard.
#include <imgui.h>

#include "core/base/text.hpp"
#include "ui/probe.hpp"
#include "ui/screens/borne_session.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

namespace passerelles::ui {

namespace {

class BorneEndScreen final : public Screen {
  public:
    BorneEndScreen(std::shared_ptr<BorneSession> session, std::shared_ptr<BorneRound> round,
                   std::optional<std::int64_t> roundId)
        : session_(std::move(session)), round_(std::move(round)), roundId_(roundId) {
        // Read once: the screen draws it every frame without asking the database again.
        if (roundId_ && session_->store) {
            rank_ = session_->store->rank(session_->today(), *roundId_);
        }
        if (rank_) {
            rankLine_ = "Votre score\u00A0: " + formatBorneRank(*rank_);
        }
        fact_ = round_->factToTakeAway();
        score_ = formatDecimal(round_->points()) + " sur " + formatDecimal(round_->maxPoints()) + " · " +
                 std::to_string(round_->percent()) + "\u00A0%";
    }

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
        const bool board = session_->settings.leaderboard && roundId_ && session_->store;
        if (board && !saved_) {
            typeFromKeys(frame);
        }
        verticalSpace(frame, 0.3f);
        heading(frame, score_, frame.services.fonts.title, theme::kPrimary);
        if (rank_) {
            heading(frame, rankLine_, frame.services.fonts.heading);
        }
        const bool typing = board && keyboardOpen_ && !saved_;
        if (!typing) {  // the keyboard needs the room
            paragraph(frame, round_->percent() >= 80 ? "Bravo\u00A0: vous en savez déjà beaucoup\u00A0!"
                             : round_->percent() >= 50
                                 ? "Bien joué\u00A0: encore un peu et vous serez incollable."
                                 : "Merci d’avoir joué\u00A0: vous repartez avec de quoi convaincre.");
            verticalSpace(frame, 0.3f);
        }
        if (typing) {
            drawNickname(frame);
        } else {
            if (saved_) {
                beginPanel(frame, theme::kRightSoft, theme::kRight);
                paragraph(frame, savedLine_, frame.services.fonts.bold, theme::kRight);
                endPanel(frame);
            }
            if (!fact_.empty()) {
                beginPanel(frame, theme::kPrimarySoft, theme::kPrimary);
                mutedText(frame, "À retenir");
                paragraph(frame, fact_, frame.services.fonts.heading);
                endPanel(frame);
            }
        }
        drawButtons(frame, board);
    }

  private:
    // A physical keyboard types capitals, as the board shows them; it opens the on-screen one too.
    void typeFromKeys(Frame& frame) {
        for (int letter = 0; letter < 26; ++letter) {
            if (frame.input.take(static_cast<Key>(static_cast<int>(Key::A) + letter))) {
                keyboardOpen_ = true;
                if (nicknameCharacters() < keyboard_.maxCharacters) {
                    nickname_ += static_cast<char>('A' + letter);
                }
            }
        }
        if (frame.input.take(Key::Backspace) && !nickname_.empty()) {
            nickname_.pop_back();
        }
    }

    std::size_t nicknameCharacters() const {
        std::size_t count = 0;
        for (const char c : nickname_) {
            count += (static_cast<unsigned char>(c) & 0xC0) != 0x80 ? 1 : 0;
        }
        return count;
    }

    void drawNickname(Frame& frame) {
        const float unit = frame.layout.unit;
        const float width = availableWidth();
        mutedText(
            frame,
            "Votre pseudo pour le classement du jour (facultatif, affiché aujourd’hui seulement)\u00A0:");
        beginPanel(frame, theme::kSurface, theme::kPrimary, std::min(width, unit * 20.0f));
        heading(frame, nickname_.empty() ? "\xE2\x80\x94" : nickname_, frame.services.fonts.title);
        if (probe::enabled()) {
            probe::record("nickname:" + nickname_, ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
        }
        endPanel(frame);
        onScreenKeyboard(frame, nickname_, keyboard_, width);
        verticalSpace(frame, 0.3f);
    }

    void drawButtons(Frame& frame, bool board) {
        const float unit = frame.layout.unit;
        ImFont* font = frame.services.fonts.heading;
        const float height = boothButtonHeight(frame, font);
        const float gap = unit * 0.6f;
        const float width = availableWidth();
        const bool typing = board && keyboardOpen_ && !saved_;
        const bool offer = board && !keyboardOpen_ && !saved_;
        const int count = 2 + (typing || offer ? 1 : 0);
        const float each = (width - gap * static_cast<float>(count - 1)) / static_cast<float>(count);
        if (typing) {
            if (boothButton(frame, "Enregistrer", ImVec2(each, height), font, ButtonStyle::Primary,
                            !nickname_.empty())) {
                saveNickname();
            }
            ImGui::SameLine(0.0f, gap);
        } else if (offer) {
            if (boothButton(frame, "Mon pseudo au classement", ImVec2(each, height), font)) {
                keyboardOpen_ = true;
            }
            ImGui::SameLine(0.0f, gap);
        }
        if (boothButton(frame, "Rejouer", ImVec2(each, height), font,
                        typing || offer ? ButtonStyle::Secondary : ButtonStyle::Primary)) {
            if (!saved_) {
                saveNickname();  // typed but not confirmed: keep it, the visitor meant it
            }
            session_->lastActivity = frame.services.now();
            frame.navigator.replace(makeBorneRoundScreen(session_));
            return;
        }
        ImGui::SameLine(0.0f, gap);
        if (boothButton(frame, "Terminer", ImVec2(each, height), font, ButtonStyle::Secondary) ||
            frame.input.take(Key::Enter)) {
            leave(frame);
        }
    }

    void saveNickname() {
        if (!nickname_.empty() && roundId_ && session_->store) {
            saved_ = session_->store->setNickname(*roundId_, nickname_);
            nickname_ = cleanNickname(nickname_);
            savedLine_ = "Votre pseudo «\u00A0" + nickname_ + "\u00A0» est au classement du jour" +
                         (rank_ ? "\u00A0: " + formatBorneRank(*rank_) + "." : std::string("."));
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
    std::optional<BorneRank> rank_;
    std::string rankLine_;   // « Votre score : 3e sur 41 aujourd’hui »
    std::string savedLine_;  // once the nickname is on the board
    std::string fact_;
    std::string score_;
    std::string nickname_;
    OnScreenKeyboard keyboard_;
    bool keyboardOpen_ = false;
    bool saved_ = false;
};

}  // namespace

std::unique_ptr<Screen> makeBorneEndScreen(std::shared_ptr<BorneSession> session,
                                           std::shared_ptr<BorneRound> round,
                                           std::optional<std::int64_t> roundId) {
    return std::make_unique<BorneEndScreen>(std::move(session), std::move(round), roundId);
}

}  // namespace passerelles::ui

// The booth at rest: a question or an idée reçue every few seconds, « Touchez pour jouer », the day's best.
#include <algorithm>

#include <imgui.h>

#include "core/base/text.hpp"
#include "ui/screens/borne_session.hpp"
#include "ui/screens/screens.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

namespace passerelles::ui {

namespace {

class BorneAttractScreen final : public Screen {
  public:
    // Without a session (--borne), the first frame builds it from the loaded content and the data folder.
    explicit BorneAttractScreen(std::shared_ptr<BorneSession> session) : session_(std::move(session)) {}

    std::string title() const override { return "Borne"; }
    std::string kind() const override { return "borne-attract"; }
    Chrome chrome() const override { return Chrome::Bare; }
    bool handleBack(Frame&) override { return true; }  // Échap does not leave the booth
    double secondsUntilWake(double now) const override {
        return session_ ? std::max(0.05, shownAt_ + session_->settings.attractSeconds - now) : 0.0;
    }
    void onShow(Services& services) override {
        shownAt_ = services.now();
        leaders_.clear();
        leadersLoaded_ = false;
    }

    void draw(Frame& frame) override {
        if (!session_) {
            session_ = std::make_shared<BorneSession>(frame.services.library,
                                                      frame.services.progress.dataDirectory());
        }
        const double now = frame.services.now();
        if (shownAt_ < 0.0) {
            shownAt_ = now;
        }
        if (!session_->settings.hasPin() || takeTrainerCombination(frame)) {
            frame.navigator.push(makeBorneTrainerScreen(session_));
            return;
        }
        if (now - shownAt_ >= session_->settings.attractSeconds) {
            ++slide_;
            shownAt_ = now;
        }
        if (!leadersLoaded_ && session_->settings.leaderboard && session_->store && session_->store->ok()) {
            leaders_ = session_->store->leaders(session_->today(), 3);
            leadersLoaded_ = true;
        }
        const bool start = !frame.input.empty() || ImGui::IsMouseClicked(0);
        frame.input = FrameInput();  // every key starts a round; none has another meaning here
        drawSlide(frame);
        if (start && !session_->pool.questions.empty()) {
            session_->lastActivity = now;
            frame.navigator.push(makeBorneRoundScreen(session_));
        }
    }

  private:
    void drawSlide(Frame& frame) {
        const float unit = frame.layout.unit;
        const BornePool& pool = session_->pool;
        verticalSpace(frame, 1.0f);
        heading(frame, "Passerelles", frame.services.fonts.title, theme::kPrimary);
        paragraph(
            frame,
            "Jumelages, coopération décentralisée : l’action internationale des collectivités en 3 minutes.",
            frame.services.fonts.heading, theme::kTextMuted);
        verticalSpace(frame, 0.6f);
        // The invitation first, where the eye lands; the slide below is the teaser.
        const float width = std::min(availableWidth(), unit * 24.0f);
        ImGui::SetCursorPosX(ImGui::GetCursorPosX() + (availableWidth() - width) * 0.5f);
        button(frame, "Touchez pour jouer", width);
        verticalSpace(frame, 0.6f);
        if (pool.empty()) {
            paragraph(frame,
                      "Aucune question pour les thèmes choisis : l’animateur doit changer les réglages.",
                      frame.services.fonts.heading);
            return;
        }
        const std::size_t count = pool.questions.size() + pool.cards.size();
        // Spread the slides over the pool so that a long day does not repeat the same few.
        const std::size_t index = (static_cast<std::size_t>(slide_) * 7919u) % count;
        beginPanel(frame, theme::kSurface, theme::kBorder);
        if (index < pool.questions.size()) {
            const Question& question = *pool.questions[index].question;
            mutedText(frame, "Et vous, que répondriez-vous ?");
            heading(frame, question.text, frame.services.fonts.heading);
            for (std::size_t o = 0; o < question.options.size() && o < 6; ++o) {
                paragraph(frame,
                          std::string(1, static_cast<char>('A' + o)) + ". " + question.options[o].text);
            }
        } else {
            const MythCard& card = *pool.cards[index - pool.questions.size()].card;
            mutedText(frame, "Idée reçue ? On l’entend souvent :");
            heading(frame, guillemets(card.statement), frame.services.fonts.title);
        }
        endPanel(frame);
        if (!leaders_.empty()) {
            verticalSpace(frame, 0.8f);
            const std::string line = "Meilleurs scores du jour : " + formatLeaders(leaders_);
            paragraph(frame, line, frame.services.fonts.heading, theme::kTextMuted);
        }
    }

    std::shared_ptr<BorneSession> session_;
    double shownAt_ = -1.0;
    int slide_ = 0;
    std::vector<BorneLeader> leaders_;
    bool leadersLoaded_ = false;
};

}  // namespace

std::unique_ptr<Screen> makeBorneScreen() {
    return std::make_unique<BorneAttractScreen>(nullptr);
}

std::unique_ptr<Screen> makeBorneAttractScreen(std::shared_ptr<BorneSession> session) {
    return std::make_unique<BorneAttractScreen>(std::move(session));
}

}  // namespace passerelles::ui

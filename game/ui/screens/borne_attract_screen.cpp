// The booth at rest: a large « Touchez l'écran pour jouer », a question or an idée reçue every few seconds
// as a teaser, the day's best; laid out to the window, never scrolled.
#include <algorithm>
#include <cmath>

#include <imgui.h>

#include "core/base/text.hpp"
#include "core/progress/progress_service.hpp"
#include "ui/fills.hpp"
#include "ui/probe.hpp"
#include "ui/screens/borne_session.hpp"
#include "ui/screens/screens.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

namespace passerelles::ui {

namespace {

const char* kInvitation = "Touchez l’écran pour jouer";
const char* kTagline =
    "Jumelages, coopération décentralisée\u00A0: l’action internationale des collectivités en 3 minutes.";

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
            leadersLine_ = leaders_.empty() ? std::string()
                                            : "Meilleurs scores du jour\u00A0: " + formatLeaders(leaders_);
            leadersLoaded_ = true;
        }
        const bool start = !frame.input.empty() || ImGui::IsMouseClicked(0);
        frame.input = FrameInput();  // every key starts a round; none has another meaning here
        drawPage(frame);
        if (start && !session_->pool.questions.empty()) {
            session_->lastActivity = now;
            frame.navigator.push(makeBorneRoundScreen(session_));
        }
    }

  private:
    void drawPage(Frame& frame) {
        const float unit = frame.layout.unit;
        FontSet& fonts = frame.services.fonts;
        RichText& text = frame.services.text;
        const ImGuiStyle& style = ImGui::GetStyle();
        const float width = availableWidth();
        const ImVec2 origin = ImGui::GetCursorScreenPos();
        // The room on screen, less the line of space the host adds below every screen.
        const float height = ImGui::GetContentRegionAvail().y - unit - style.ItemSpacing.y * 2.0f - 4.0f;

        // The call to action at the bottom, where it stays whatever the slide: large, white on deep blue.
        ImFont* big = fonts.display;
        const float invitationWidth = big->CalcTextSizeA(big->FontSize, FLT_MAX, 0.0f, kInvitation).x;
        ImFont* callFont = invitationWidth + unit * 2.0f <= width ? big : fonts.title;
        const float callHeight = callFont->FontSize * 2.2f;
        const float callTop = origin.y + height - callHeight;
        ImGui::SetCursorScreenPos(ImVec2(origin.x, callTop));
        boothButton(frame, kInvitation, ImVec2(width, callHeight), callFont);  // any touch starts anyway

        float y = origin.y;
        const TextStyle titleStyle{fonts.title, theme::kPrimary, width, 1.2f};
        text.drawAt(ImVec2(origin.x, y), "Passerelles", titleStyle);
        y += fonts.title->FontSize * 1.2f;
        const TextStyle tagStyle{fonts.heading, theme::kTextMuted, width, 1.2f};
        y += text.drawAt(ImVec2(origin.x, y), kTagline, tagStyle) + unit * 0.6f;

        float bottom = callTop - unit * 0.6f;
        if (!leadersLine_.empty()) {
            const TextStyle leadersStyle{fonts.heading, theme::kText, width, 1.2f};
            const float leadersHeight = text.measure(leadersLine_, leadersStyle);
            bottom -= leadersHeight;
            text.drawAt(ImVec2(origin.x, bottom), leadersLine_, leadersStyle);
            bottom -= unit * 0.6f;
        }
        drawSlide(frame, ImVec2(origin.x, y), width, bottom - y);
        ImGui::SetCursorScreenPos(origin);
        ImGui::Dummy(ImVec2(width, height));
    }

    // The teaser in a panel within `room` pixels of height: the question with its options, else the
    // question alone, in smaller type if need be; nothing when even that does not fit.
    void drawSlide(Frame& frame, ImVec2 at, float width, float room) {
        const float unit = frame.layout.unit;
        FontSet& fonts = frame.services.fonts;
        RichText& text = frame.services.text;
        const BornePool& pool = session_->pool;
        if (pool.empty()) {
            text.drawAt(
                at, "Aucune question pour les thèmes choisis\u00A0: l’animateur doit changer les réglages.",
                {fonts.heading, theme::kWrong, width, 1.2f});
            return;
        }
        const std::size_t count = pool.questions.size() + pool.cards.size();
        // Spread the slides over the pool so that a long day does not repeat the same few.
        const std::size_t index = (static_cast<std::size_t>(slide_) * 7919u) % count;
        const float padding = unit * 0.9f;
        const float inner = width - padding * 2.0f;
        if (builtSlide_ != slide_) {  // texts built once per slide: an idle frame allocates nothing
            builtSlide_ = slide_;
            slideTexts_.clear();
            if (index < pool.questions.size()) {
                const Question& question = *pool.questions[index].question;
                prompt_ = "Et vous, que répondriez-vous\u00A0?";
                slideStatement_ = question.text;
                for (std::size_t o = 0; o < question.options.size() && o < 6; ++o) {
                    slideTexts_.push_back(std::string(1, static_cast<char>('A' + o)) + ". " +
                                          question.options[o].text);
                }
            } else {
                prompt_ = "Idée reçue\u00A0? On l’entend souvent\u00A0:";
                slideStatement_ = guillemets(pool.cards[index - pool.questions.size()].card->statement);
            }
        }
        const std::string_view prompt = prompt_;
        const TextStyle promptStyle{fonts.body, theme::kAccent, inner};
        // With the options first (the visitor sees what a round looks like), then the question alone.
        for (const bool withOptions : {true, false}) {
            for (ImFont* font : {fonts.title, fonts.heading, fonts.bold}) {
                const TextStyle statementStyle{font, theme::kText, inner, 1.2f};
                const TextStyle optionStyle{fonts.body, theme::kText, inner};
                if (withOptions && slideTexts_.empty()) {
                    continue;
                }
                float needed = text.measure(prompt, promptStyle) + unit * 0.3f +
                               text.measure(slideStatement_, statementStyle);
                if (withOptions) {
                    for (const std::string& option : slideTexts_) {
                        needed += unit * 0.3f + text.measure(option, optionStyle);
                    }
                }
                if (needed + padding * 2.0f > room) {
                    continue;
                }
                ImDrawList* drawList = ImGui::GetWindowDrawList();
                at.y += std::floor((room - needed - padding * 2.0f) * 0.5f);  // centred in the room left
                const ImVec2 end(at.x + width, at.y + needed + padding * 2.0f);
                fillRoundedRect(*drawList, at, end, theme::kSurface, unit * 0.4f);
                outlineRoundedRect(*drawList, at, end, theme::kBorder, unit * 0.4f, 1.5f);
                float y = at.y + padding;
                y += text.drawAt(ImVec2(at.x + padding, y), prompt, promptStyle) + unit * 0.3f;
                probe::recordText(slideStatement_);
                y += text.drawAt(ImVec2(at.x + padding, y), slideStatement_, statementStyle);
                if (withOptions) {
                    for (const std::string& option : slideTexts_) {
                        y += unit * 0.3f;
                        y += text.drawAt(ImVec2(at.x + padding, y), option, optionStyle);
                    }
                }
                return;
            }
        }
    }

    std::shared_ptr<BorneSession> session_;
    double shownAt_ = -1.0;
    int slide_ = 0;
    std::vector<BorneLeader> leaders_;
    std::string leadersLine_;
    bool leadersLoaded_ = false;
    int builtSlide_ = -1;
    const char* prompt_ = "";
    std::vector<std::string> slideTexts_;
    std::string slideStatement_;
};

}  // namespace

std::unique_ptr<Screen> makeBorneScreen() {
    return std::make_unique<BorneAttractScreen>(nullptr);
}

std::unique_ptr<Screen> makeBorneAttractScreen(std::shared_ptr<BorneSession> session) {
    return std::make_unique<BorneAttractScreen>(std::move(session));
}

}  // namespace passerelles::ui

// The workshop's cover (title, place, date, programme, teams) and the helpers every step view shares.
#include "core/base/text.hpp"
#include "ui/screens/atelier_presenter_screen.hpp"
#include "ui/screens/atelier_step_view.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

namespace passerelles::ui {

AtelierRun& AtelierStepView::run() {
    return session_.run;
}
const AtelierPlan& AtelierStepView::plan() {
    return session_.run.plan();
}

Key atelierLetterKey(int index) {
    return static_cast<Key>(static_cast<int>(Key::A) + index);
}
Key atelierDigitKey(int digit) {
    return static_cast<Key>(static_cast<int>(Key::Digit0) + digit);
}

int takeAtelierTeamKey(FrameInput& input, std::size_t teams) {
    for (std::size_t t = 0; t < teams && t < 9; ++t) {
        if (input.take(atelierDigitKey(static_cast<int>(t) + 1))) {
            return static_cast<int>(t);
        }
    }
    return -1;
}

int takeAtelierAnswerLetter(FrameInput& input, int count) {
    for (int i = 0; i < count && i < 6; ++i) {
        if (input.take(atelierLetterKey(i))) {
            return i;
        }
    }
    return -1;
}

void presenterHint(Frame& frame, std::string_view text) {
    verticalSpace(frame, 0.3f);
    sourceLine(frame, text);
}

AudienceBlock audienceKindChip(std::string text, ImU32 fill, ImU32 textColour) {
    return [text = std::move(text), fill, textColour](Frame& frame, const AudienceStyle&) {
        chip(frame, text, fill, textColour);
        verticalSpace(frame, 0.2f);
    };
}

namespace {

std::string themeLabel(const ContentLibrary& library, const std::string& theme) {
    for (const auto& pack : library.usablePacks()) {
        const std::string label = pack->themeLabel(theme);
        if (!label.empty() && label != theme) {
            return label;
        }
    }
    return theme;
}

class CoverView final : public AtelierStepView {
  public:
    using AtelierStepView::AtelierStepView;

    void handleKeys(Frame&) override {}
    void audiencePhase(std::string& out) const override { out.append("couverture"); }

    void refresh(Frame& frame) override {
        std::string themes;
        for (const auto& theme : plan().themes) {
            themes += (themes.empty() ? "" : ", ") + themeLabel(frame.services.library, theme);
        }
        themes_ = "Aujourd’hui, on part de vos sujets : " + themes + ".";
        where_ = plan().place;
        if (!plan().date.empty()) {
            where_ += (where_.empty() ? "" : " · ") + formatFrenchDate(plan().date);
        }
        programme_ = run().stepCount() > 0 ? programme() : std::string();
    }

    std::vector<AudienceBlock> audienceBlocks() override {
        std::vector<AudienceBlock> blocks;
        blocks.push_back([this](Frame& frame, const AudienceStyle&) {
            verticalSpace(frame, 0.6f);
            heading(frame, plan().title, frame.services.fonts.display, theme::kPrimary);
            if (!where_.empty()) {
                paragraph(frame, where_, frame.services.fonts.heading);
            }
            if (!plan().audience.empty()) {
                paragraph(frame, plan().audience, frame.services.fonts.heading, theme::kTextMuted);
            }
            verticalSpace(frame, 0.6f);
        });
        if (!plan().themes.empty()) {
            blocks.push_back([this](Frame& frame, const AudienceStyle&) {
                paragraph(frame, themes_, frame.services.fonts.heading);
            });
        }
        if (run().stepCount() > 0) {
            blocks.push_back([this](Frame& frame, const AudienceStyle&) {
                paragraph(frame, programme_, frame.services.fonts.heading);
                verticalSpace(frame, 0.6f);
            });
            blocks.push_back([this](Frame& frame, const AudienceStyle&) {
                if (run().teamMode()) {
                    teamStrip(frame, plan(), {}, -1);
                } else {
                    paragraph(frame, "Toute la salle répond à main levée.", frame.services.fonts.heading);
                }
            });
        }
        return blocks;
    }

    void drawPresenter(Frame& frame) override {
        heading(frame, plan().title, frame.services.fonts.title, theme::kPrimary);
        if (!where_.empty()) {
            paragraph(frame, where_);
        }
        if (run().stepCount() == 0) {
            beginPanel(frame, theme::kPartialSoft, theme::kPartial);
            paragraph(frame,
                      "Ce plan n’a aucune étape jouable : revenez à la préparation (Échap) pour en ajouter.");
            endPanel(frame);
            return;
        }
        paragraph(frame, programme_);
    }

  private:
    std::string where_;  // place and date
    std::string programme_;
    std::string themes_;

    std::string programme() {
        int questions = 0;
        int cards = 0;
        int scenarios = 0;
        int maps = 0;
        for (std::size_t i = 0; i < run().stepCount(); ++i) {
            const ResolvedStep& step = run().step(i);
            questions += step.question != nullptr ? 1 : 0;
            cards += step.card != nullptr ? 1 : 0;
            scenarios += step.scenario != nullptr ? 1 : 0;
            maps += step.diagnostic != nullptr ? 1 : 0;
        }
        std::vector<std::string> parts;
        if (maps > 0) {
            parts.push_back("qui est dans la salle");
        }
        if (cards > 0) {
            parts.push_back(countNoun(cards, "idée reçue à débattre", "idées reçues à débattre"));
        }
        if (questions > 0) {
            parts.push_back(countNoun(questions, "question", "questions"));
        }
        if (scenarios > 0) {
            parts.push_back(countNoun(scenarios, "mise en situation", "mises en situation"));
        }
        std::string text;
        for (std::size_t i = 0; i < parts.size(); ++i) {
            text += (i == 0 ? "" : i + 1 == parts.size() ? " et " : ", ") + parts[i];
        }
        return "Au programme : " + text + ", environ " + std::to_string(estimatedMinutes(plan())) +
               " minutes.";
    }
};

}  // namespace

std::unique_ptr<AtelierStepView> makeAtelierCoverView(AtelierSession& session, PresenterState& state) {
    return std::make_unique<CoverView>(session, state);
}

}  // namespace passerelles::ui

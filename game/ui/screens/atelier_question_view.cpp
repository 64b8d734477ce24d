// A question in the workshop: the room sees the statement and the options, then the answer with the
// spread, then the explanation on a page of its own; the trainer sees who answered and the keys.
#include <algorithm>
#include <numeric>

#include "core/base/text.hpp"
#include "ui/screens/atelier_presenter_screen.hpp"
#include "ui/screens/atelier_step_view.hpp"
#include "ui/screens/room_views.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

namespace passerelles::ui {

namespace {

class QuestionView final : public AtelierStepView {
  public:
    using AtelierStepView::AtelierStepView;

    void handleKeys(Frame& frame) override {
        FrameInput& input = frame.input;
        const auto& order = run().optionOrder(run().position());
        const int options = static_cast<int>(order.size());
        if (input.take(Key::Space)) {
            if (run().toggleAnswering()) {
                state_.selectedTeam = -1;
                state_.notice.clear();
            } else {
                state_.notice = "La réponse est affichée : les réponses sont closes. Entrée la masque.";
            }
        }
        if (input.take(Key::Enter)) {
            // Enter walks the answer's phases: the answer and its spread, the explanation, then hides it.
            if (tally().revealed && !state_.explaining && hasExplanation()) {
                state_.explaining = true;
            } else {
                run().toggleReveal();
                state_.explaining = false;
            }
            state_.selectedTeam = -1;
            state_.notice.clear();
        }
        if (!tally().open) {
            return;
        }
        if (run().teamMode()) {
            if (const int team = takeAtelierTeamKey(input, plan().teams.size()); team >= 0) {
                state_.selectedTeam = team;
                state_.notice.clear();
            }
            const int letter = takeAtelierAnswerLetter(input, options);
            if (letter >= 0) {
                if (state_.selectedTeam < 0) {
                    state_.notice =
                        "Appuyez d’abord sur le numéro de l’équipe, puis sur la lettre de sa réponse.";
                } else {
                    run().teamAnswer(state_.selectedTeam, order[static_cast<std::size_t>(letter)]);
                    if (!question().isMultipleAnswer()) {
                        state_.selectedTeam = -1;  // one answer: done; a stray letter cannot change it
                    }
                }
            }
            return;
        }
        if (const int letter = takeAtelierAnswerLetter(input, options); letter >= 0) {
            state_.focusedAnswer = letter;
        }
        if (input.take(Key::Tab)) {
            state_.focusedAnswer = (state_.focusedAnswer + 1) % options;
        }
        state_.focusedAnswer = std::clamp(state_.focusedAnswer, 0, options - 1);
        const int option = order[static_cast<std::size_t>(state_.focusedAnswer)];
        int hands = tally().hands[static_cast<std::size_t>(option)];
        if (typeCount(input, hands)) {
            run().setHands(option, hands);
        }
    }

    // → shows the answer of a question the room answered, then its explanation; an untouched question is
    // passed (it stays « non jouée »).
    bool forward() override {
        if (!tally().revealed) {
            const auto counts = run().distribution(run().position());
            const bool answered = std::accumulate(counts.begin(), counts.end(), 0) > 0;
            if (tally().open || answered) {
                run().toggleReveal();
                return true;
            }
            return false;
        }
        if (!state_.explaining && hasExplanation()) {
            state_.explaining = true;
            return true;
        }
        return false;
    }

    bool backward() override {
        if (state_.explaining) {
            state_.explaining = false;
            return true;
        }
        return false;
    }

    void audiencePhase(std::string& out) const override {
        const auto& t = std::get<QuestionTally>(session_.run.tally(session_.run.position()));
        out.append("question-")
            .append(std::to_string(session_.run.position()))
            .append(state_.explaining ? "-explication"
                    : t.revealed      ? "-reponse"
                    : t.open          ? "-ouverte"
                                      : "-posee");
    }

    void refresh(Frame&) override {
        const std::size_t index = run().position();
        counts_ = run().distribution(index);
        total_ = std::accumulate(counts_.begin(), counts_.end(), 0);
        largest_ = counts_.empty() ? 0 : *std::max_element(counts_.begin(), counts_.end());
        // Teams see the spread only once the answer is out: nobody copies the neighbours' table. Phones'
        // answers stay hidden until the reveal too: the room sees how many answered, not what.
        const auto phoneTicks = run().phoneDistribution(index);
        const bool phonesAnswered = std::accumulate(phoneTicks.begin(), phoneTicks.end(), 0) > 0;
        showCounts_ =
            tally().revealed || (!run().teamMode() && !phonesAnswered && (tally().open || total_ > 0));
        teamsByOption_.assign(question().options.size(), {});
        for (std::size_t t = 0; t < tally().teamAnswers.size(); ++t) {
            for (const int o : tally().teamAnswers[t]) {
                teamsByOption_[static_cast<std::size_t>(o)].push_back(static_cast<int>(t));
            }
        }
        statuses_.clear();
        for (std::size_t t = 0; t < tally().teamAnswers.size(); ++t) {
            if (const auto points = run().questionPoints(index, static_cast<int>(t))) {
                statuses_.push_back((*points > 0 ? "+" : "") + formatDecimal(*points));
            } else {
                statuses_.push_back(tally().teamAnswers[t].empty() ? "" : "\xE2\x9C\x93");
            }
        }
        successLine_.clear();
        if (const auto rate = run().successRate(index)) {
            successLine_ = phonesAnswered ? formatPercent(*rate) + " des réponses sur une bonne réponse."
                           : run().teamMode()
                               ? formatPercent(*rate) + " des équipes ont trouvé la bonne réponse."
                               : formatPercent(*rate) + " des mains levées sur une bonne réponse.";
        }
        source_.clear();
        if (question().tags.source && run().step().pack != nullptr) {
            source_ = "Source : " + run().step().pack->cite(*question().tags.source);
        }
        if (tally().revealed) {
            hint_ =
                "Entrée : " +
                std::string(state_.explaining || !hasExplanation() ? "masquer la réponse" : "l’explication") +
                " · → : " + (state_.explaining || !hasExplanation() ? "étape suivante" : "l’explication");
        } else if (tally().open) {
            hint_ = run().teamMode()
                        ? "Numéro de l’équipe (1 à " + std::to_string(plan().teams.size()) +
                              ") puis lettre de sa réponse · Espace : fermer · Entrée ou → : la réponse"
                        : "Lettre de l’option, puis le nombre de mains · Tab : option suivante · "
                          "Espace : fermer · Entrée ou → : la réponse";
        } else {
            hint_ =
                "Espace : ouvrir les réponses · Entrée : montrer la réponse · T : minuteur · "
                "→ sans réponse : passer la question (non jouée)";
        }
    }

    std::vector<AudienceBlock> audienceBlocks() override {
        std::vector<AudienceBlock> blocks;
        if (state_.explaining) {
            blocks.push_back(audienceKindChip("La réponse expliquée", theme::kRightSoft, theme::kRight));
            blocks.push_back([this](Frame& frame, const AudienceStyle&) {
                paragraph(frame, question().text, frame.services.fonts.bold, theme::kTextMuted);
                verticalSpace(frame, 0.3f);
            });
            blocks.push_back([this](Frame& frame, const AudienceStyle&) {
                paragraph(frame, question().explanation, frame.services.fonts.heading);
            });
            if (!source_.empty()) {
                blocks.push_back([this](Frame& frame, const AudienceStyle&) {
                    verticalSpace(frame, 0.3f);
                    sourceLine(frame, source_);
                });
            }
            return blocks;
        }
        blocks.push_back([this](Frame& frame, const AudienceStyle&) { drawChips(frame); });
        blocks.push_back([this](Frame& frame, const AudienceStyle&) {
            heading(frame, question().text, frame.services.fonts.title);
            verticalSpace(frame, 0.3f);
        });
        if (run().teamMode()) {
            blocks.push_back([this](Frame& frame, const AudienceStyle&) {
                teamStrip(frame, plan(), statuses_, -1);
                verticalSpace(frame, 0.3f);
            });
        }
        blocks.push_back(
            [this](Frame& frame, const AudienceStyle& style) { drawOptions(frame, style.columns, false); });
        if (tally().revealed) {
            blocks.push_back([this](Frame& frame, const AudienceStyle&) { drawSuccessLine(frame); });
        }
        return blocks;
    }

    void drawPresenter(Frame& frame) override {
        drawChips(frame);
        heading(frame, question().text, frame.services.fonts.heading);
        verticalSpace(frame, 0.2f);
        if (run().teamMode()) {
            const int clicked = teamStrip(frame, plan(), statuses_, state_.selectedTeam);
            if (clicked >= 0 && tally().open) {
                state_.selectedTeam = clicked;
            }
            verticalSpace(frame, 0.2f);
        }
        drawOptions(frame, 1, true);
        if (tally().revealed) {
            drawSuccessLine(frame);
            if (hasExplanation()) {
                mutedText(frame, state_.explaining ? "La salle voit l’explication."
                                                   : "Entrée ou → : l’explication, sur une page à elle.");
            }
        }
        presenterHint(frame, hint_);
    }

  private:
    const Question& question() { return *run().step().question; }
    const QuestionTally& tally() { return std::get<QuestionTally>(run().tally(run().position())); }
    bool hasExplanation() { return !question().explanation.empty(); }

    void drawChips(Frame& frame) {
        chip(frame, "Question", theme::kPrimarySoft, theme::kPrimary);
        ImGui::SameLine();
        if (question().isMultipleAnswer()) {
            chip(frame, "Plusieurs bonnes réponses", theme::kPartialSoft, theme::kPartial);
            ImGui::SameLine();
        }
        if (tally().open) {
            chip(frame, "Réponses ouvertes", theme::kRight, IM_COL32_WHITE);
        } else if (tally().revealed) {
            chip(frame, "Réponse", theme::kRightSoft, theme::kRight);
        } else {
            chip(frame, "Réponses fermées", theme::kSurfaceMuted, theme::kTextMuted);
        }
        verticalSpace(frame, 0.2f);
    }

    // The options in the order shown (letters follow it), in one or two columns. `presenter`: the rows take
    // clicks and show the typing focus.
    void drawOptions(Frame& frame, int columns, bool presenter) {
        const auto& order = run().optionOrder(run().position());
        const bool table =
            columns > 1 && ImGui::BeginTable("##options", columns, ImGuiTableFlags_SizingStretchSame);
        for (std::size_t shown = 0; shown < order.size(); ++shown) {
            const std::size_t o = static_cast<std::size_t>(order[shown]);
            if (table) {
                ImGui::TableNextColumn();
            }
            RoomAnswerRow row;
            row.index = static_cast<int>(shown);
            row.text = question().options[o].text;
            row.revealed = tally().revealed;
            row.correct = question().options[o].correct;
            row.focused = presenter && !run().teamMode() && tally().open &&
                          static_cast<int>(shown) == state_.focusedAnswer;
            if (showCounts_ && o < counts_.size()) {
                row.count = counts_[o];
                row.total = total_;
                row.largest = largest_;
            }
            if (o < teamsByOption_.size()) {
                row.teams = teamsByOption_[o];
            }
            ImGui::PushID(static_cast<int>(shown));
            const bool clicked = roomAnswerRow(frame, row, plan());
            ImGui::PopID();
            if (presenter && clicked && tally().open) {
                if (run().teamMode() && state_.selectedTeam >= 0) {
                    run().teamAnswer(state_.selectedTeam, static_cast<int>(o));
                } else if (!run().teamMode()) {
                    state_.focusedAnswer = static_cast<int>(shown);
                }
            }
        }
        if (table) {
            ImGui::EndTable();
        }
    }

    void drawSuccessLine(Frame& frame) {
        if (successLine_.empty()) {
            return;
        }
        verticalSpace(frame, 0.2f);
        paragraph(frame, successLine_, frame.services.fonts.heading, theme::kRight);
    }

    // Worked out by refresh(), when the run or the presenter's state changes.
    std::vector<int> counts_;  // per option: answers or hands
    int total_ = 0;
    int largest_ = 0;
    bool showCounts_ = false;
    std::vector<std::vector<int>> teamsByOption_;  // per option: the teams that ticked it
    std::vector<std::string> statuses_;            // per team: ✓, +1…
    std::string successLine_;
    std::string source_;
    std::string hint_;
};

}  // namespace

std::unique_ptr<AtelierStepView> makeAtelierQuestionView(AtelierSession& session, PresenterState& state) {
    return std::make_unique<QuestionView>(session, state);
}

}  // namespace passerelles::ui

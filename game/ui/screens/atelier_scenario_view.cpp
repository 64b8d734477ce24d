// A scenario in the workshop: the room sees the situation, the gauges and the choices, then the consequence
// and the ending; the trainer sees the votes, the majority or the tie and how to settle it.
#include <algorithm>
#include <numeric>

#include "core/base/text.hpp"
#include "core/play/quiz_scoring.hpp"
#include "ui/screens/atelier_presenter_screen.hpp"
#include "ui/screens/atelier_step_view.hpp"
#include "ui/screens/content_views.hpp"
#include "ui/screens/room_views.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

namespace passerelles::ui {

namespace {

class ScenarioView final : public AtelierStepView {
  public:
    using AtelierStepView::AtelierStepView;

    void handleKeys(Frame& frame) override {
        FrameInput& input = frame.input;
        ScenarioTally& t = tally();
        if (t.run.phase() == ScenarioRun::Phase::Ended) {
            return;  // Enter or → : the screen moves on
        }
        if (!atChoice()) {
            if (input.take(Key::Enter) || input.take(Key::Space)) {
                run().toggleReveal();
            }
            return;
        }
        const auto& views = views_;  // refreshed before the keys when the run changed
        const int count = static_cast<int>(views.size());
        if (input.take(Key::Space)) {
            run().toggleAnswering();
            state_.selectedTeam = -1;
            state_.notice.clear();
        }
        const int letter = takeAtelierAnswerLetter(input, count);
        const bool letterAvailable = letter >= 0 && views[static_cast<std::size_t>(letter)].available;
        const int choice = letter >= 0 ? views[static_cast<std::size_t>(letter)].index : -1;
        if (t.voting) {
            if (run().teamMode()) {
                if (const int team = takeAtelierTeamKey(input, plan().teams.size()); team >= 0) {
                    state_.selectedTeam = team;
                }
                if (letterAvailable) {
                    if (state_.selectedTeam < 0) {
                        state_.notice =
                            "Appuyez d’abord sur le numéro de l’équipe, puis sur la lettre de son choix.";
                    } else {
                        run().setTeamVote(state_.selectedTeam, choice);
                        state_.selectedTeam = -1;
                        state_.notice.clear();
                    }
                }
            } else {
                if (letterAvailable) {
                    state_.focusedAnswer = letter;
                }
                if (input.take(Key::Tab)) {
                    state_.focusedAnswer = (state_.focusedAnswer + 1) % count;
                }
                state_.focusedAnswer = std::clamp(state_.focusedAnswer, 0, count - 1);
                const auto& focused = views[static_cast<std::size_t>(state_.focusedAnswer)];
                int votes = t.votes[static_cast<std::size_t>(focused.index)];
                if (focused.available && typeCount(input, votes)) {
                    run().setVotes(focused.index, votes);
                }
            }
        } else if (letterAvailable) {
            state_.casting = choice;  // the facilitator settles a tie, or records what the room agreed aloud
        }
        if (input.take(Key::Enter)) {
            decide(views);
        }
    }

    bool enterMovesOn() override { return tally().run.phase() == ScenarioRun::Phase::Ended; }

    void audiencePhase(std::string& out) const override {
        ScenarioTally& t = *session_.run.scenario();
        out.append("scenario-")
            .append(std::to_string(session_.run.position()))
            .append("-")
            .append(std::to_string(t.run.currentNodeIndex()))
            .append("-")
            .append(std::to_string(static_cast<int>(t.run.phase())))
            .append(t.voting ? "-vote" : "");
    }

    void refresh(Frame&) override {
        ScenarioTally& t = tally();
        kindLabel_ = "Mise en situation · " + t.run.scenario().title;
        views_ = t.run.visibleChoices();
        votes_ = run().scenarioVotes();  // hands or teams, and phones
        const ScenarioNode& node = t.run.currentNode();
        source_.clear();
        if (node.source && run().step().pack != nullptr) {
            source_ = "Source : " + run().step().pack->cite(*node.source);
        }
        decisions_ = countNoun(static_cast<int>(t.decisions.size()), "décision prise", "décisions prises") +
                     " par la salle · score " + formatDecimal(t.run.total());
        decided_.clear();
        if (const ScenarioChoice* choice = t.run.lastChoice()) {
            decided_ = "La salle a décidé : " + choice->text;
        }
        statuses_.clear();
        for (std::size_t team = 0; team < plan().teams.size(); ++team) {
            const int chosen = team < t.teamChoices.size() ? t.teamChoices[team] : -1;
            statuses_.push_back(chosen >= 0 ? "\xE2\x9C\x93" : "");
        }
        tie_.clear();
        if (const auto leading = run().leadingChoices(); leading.size() >= 2) {
            std::vector<int> letters;
            for (std::size_t v = 0; v < views_.size(); ++v) {
                if (std::find(leading.begin(), leading.end(), views_[v].index) != leading.end()) {
                    letters.push_back(static_cast<int>(v));
                }
            }
            tie_ = "Égalité entre " + optionLetters(letters) +
                   ". Le programme ne choisit pas : fermez le vote (Espace), faites trancher la salle, "
                   "tapez la lettre retenue (seulement l’un des choix à égalité), puis Entrée.";
        }
    }

    std::vector<AudienceBlock> audienceBlocks() override {
        std::vector<AudienceBlock> blocks;
        ScenarioTally& t = tally();
        blocks.push_back(audienceKindChip(kindLabel_, theme::kPrimarySoft, theme::kPrimary));
        const ScenarioNode& node = t.run.currentNode();
        const Pack* pack = run().step().pack;
        if (t.run.phase() == ScenarioRun::Phase::Ended) {
            blocks.push_back([this](Frame& frame, const AudienceStyle&) { drawEndingTitle(frame); });
            blocks.push_back([&node](Frame& frame, const AudienceStyle&) {
                paragraph(frame, node.text, frame.services.fonts.heading);
            });
            if (pack != nullptr && !node.debrief.empty()) {
                blocks.push_back([this, &node, pack](Frame& frame, const AudienceStyle&) {
                    verticalSpace(frame, 0.3f);
                    beginPanel(frame, theme::kSurface, theme::kBorder);
                    heading(frame, "À retenir");
                    drawKeyPoints(frame, *pack, node.debrief, node.source);
                    if (!source_.empty()) {
                        sourceLine(frame, source_);
                    }
                    endPanel(frame);
                });
            }
            blocks.push_back([this](Frame& frame, const AudienceStyle&) { drawDecisionCount(frame); });
            return blocks;
        }
        if (t.run.phase() == ScenarioRun::Phase::Consequence) {
            if (const ScenarioChoice* choice = t.run.lastChoice()) {
                blocks.push_back([choice](Frame& frame, const AudienceStyle&) {
                    sourceLine(frame, "La salle a décidé :");
                    paragraph(frame, choice->text, frame.services.fonts.heading);
                    verticalSpace(frame, 0.3f);
                });
                blocks.push_back([choice](Frame& frame, const AudienceStyle&) {
                    beginConsequencePanel(frame, choice->score);
                    paragraph(frame, choice->consequence, frame.services.fonts.heading);
                    endPanel(frame);
                });
            }
            blocks.push_back([this](Frame& frame, const AudienceStyle&) { drawGauges(frame); });
            return blocks;
        }
        blocks.push_back([&node](Frame& frame, const AudienceStyle&) {
            if (!node.title.empty()) {
                heading(frame, node.title, frame.services.fonts.title);
            }
            paragraph(frame, node.text, frame.services.fonts.heading);
            verticalSpace(frame, 0.3f);
        });
        blocks.push_back([this](Frame& frame, const AudienceStyle&) { drawGauges(frame); });
        if (node.type == NodeType::Choice) {
            if (run().teamMode() && t.voting) {
                blocks.push_back([this](Frame& frame, const AudienceStyle&) {
                    teamStrip(frame, plan(), statuses_, -1);
                    verticalSpace(frame, 0.3f);
                });
            }
            blocks.push_back([this](Frame& frame, const AudienceStyle& style) {
                drawChoices(frame, style.columns, false);
            });
        }
        return blocks;
    }

    void drawPresenter(Frame& frame) override {
        ScenarioTally& t = tally();
        const ScenarioNode& node = t.run.currentNode();
        chip(frame, kindLabel_, theme::kPrimarySoft, theme::kPrimary);
        if (t.run.phase() == ScenarioRun::Phase::Ended) {
            drawEndingTitle(frame);
            drawDecisionCount(frame);
            presenterHint(frame, "Entrée ou → : étape suivante");
            return;
        }
        if (t.run.phase() == ScenarioRun::Phase::Consequence) {
            if (!decided_.empty()) {
                paragraph(frame, decided_);
            }
            presenterHint(frame, "La salle lit la conséquence. Entrée : continuer");
            return;
        }
        heading(frame, node.title.empty() ? std::string_view("Situation") : std::string_view(node.title),
                frame.services.fonts.heading);
        if (node.type != NodeType::Choice) {
            presenterHint(frame, "Entrée : continuer");
            return;
        }
        if (run().teamMode() && t.voting) {
            const int clicked = teamStrip(frame, plan(), statuses_, state_.selectedTeam);
            if (clicked >= 0) {
                state_.selectedTeam = clicked;
            }
        }
        drawChoices(frame, 1, true);
        drawTieProcedure(frame);
        if (t.voting) {
            presenterHint(frame,
                          run().teamMode()
                              ? "Numéro de l’équipe puis lettre de son choix · Espace : fermer le vote · "
                                "Entrée : appliquer le choix de la majorité"
                              : "Lettre du choix, puis le nombre de mains · Tab : choix suivant · Espace : "
                                "fermer le vote · Entrée : appliquer le choix de la majorité");
        } else {
            presenterHint(frame,
                          "Espace : faire voter la salle · ou une lettre puis Entrée : le choix dont la "
                          "salle a convenu");
        }
    }

  private:
    ScenarioTally& tally() { return *run().scenario(); }

    // Worked out by refresh(), when the run or the presenter's state changes.
    std::string kindLabel_;  // « Mise en situation · » and the title
    std::vector<ChoiceView> views_;
    std::vector<int> votes_;
    std::vector<std::string> statuses_;  // per team: ✓ once it voted
    std::string source_;
    std::string decisions_;
    std::string decided_;
    std::string tie_;  // the procedure while the room is tied
    bool atChoice() {
        return tally().run.phase() == ScenarioRun::Phase::AtNode &&
               tally().run.currentNode().type == NodeType::Choice;
    }

    void decide(const std::vector<ChoiceView>& views) {
        // The rule (a majority applies; a casting vote only among the tied choices) is the run's.
        const auto leading = run().leadingChoices();
        const int decision = state_.casting >= 0   ? state_.casting
                             : leading.size() == 1 ? leading.front()
                                                   : -1;
        std::string why;
        if (decision >= 0 && run().decide(decision, &why)) {
            state_.casting = -1;
            state_.selectedTeam = -1;
            state_.focusedAnswer = 0;
            state_.notice.clear();
        } else if (decision >= 0) {
            state_.casting = -1;
            state_.notice = why;
        } else if (leading.size() > 1) {
            std::vector<int> letters;
            for (std::size_t v = 0; v < views.size(); ++v) {
                if (std::find(leading.begin(), leading.end(), views[v].index) != leading.end()) {
                    letters.push_back(static_cast<int>(v));
                }
            }
            state_.notice = "Égalité entre " + optionLetters(letters) +
                            " : fermez le vote (Espace), tapez la lettre retenue, puis Entrée.";
        } else {
            state_.notice =
                "Personne n’a voté : tapez la lettre du choix de la salle (vote fermé), puis Entrée.";
        }
    }

    // While the room is tied, the trainer reads the procedure here, above the fold of the laptop view.
    void drawTieProcedure(Frame& frame) {
        if (tie_.empty()) {
            return;
        }
        beginPanel(frame, theme::kPartialSoft, theme::kPartial);
        paragraph(frame, tie_, frame.services.fonts.bold);
        endPanel(frame);
    }

    void drawGauges(Frame& frame) {
        drawScenarioState(frame, tally().run.scenario(), tally().run.values());
        verticalSpace(frame, 0.3f);
    }

    void drawEndingTitle(Frame& frame) {
        const ScenarioNode& node = tally().run.currentNode();
        heading(frame, node.title.empty() ? std::string_view("Fin") : std::string_view(node.title),
                frame.services.fonts.title);
        const ImU32 colour = node.rating == EndingRating::Good    ? theme::kRight
                             : node.rating == EndingRating::Mixed ? theme::kPartial
                                                                  : theme::kWrong;
        chip(frame, ratingLabel(node.rating), colour, IM_COL32_WHITE);
        verticalSpace(frame, 0.3f);
    }

    void drawDecisionCount(Frame& frame) { paragraph(frame, decisions_, frame.services.fonts.bold); }

    void drawChoices(Frame& frame, int columns, bool presenter) {
        ScenarioTally& t = tally();
        const auto& views = views_;
        const auto& choices = t.run.currentNode().choices;
        const auto& votes = votes_;
        const int total = std::accumulate(votes.begin(), votes.end(), 0);
        const int largest = votes.empty() ? 0 : *std::max_element(votes.begin(), votes.end());
        const bool table =
            columns > 1 && ImGui::BeginTable("##choices", columns, ImGuiTableFlags_SizingStretchSame);
        for (std::size_t v = 0; v < views.size(); ++v) {
            if (table) {
                ImGui::TableNextColumn();
            }
            const ScenarioChoice& choice = choices[static_cast<std::size_t>(views[v].index)];
            RoomAnswerRow row;
            row.index = static_cast<int>(v);
            row.text = choice.text;
            row.locked = !views[v].available;
            if (row.locked) {
                row.note = choice.lockedText;
            }
            row.focused =
                presenter && t.voting && !run().teamMode() && static_cast<int>(v) == state_.focusedAnswer;
            row.chosen = presenter && state_.casting == views[v].index;
            if (!votes.empty() && (t.voting || total > 0)) {
                row.count = votes[static_cast<std::size_t>(views[v].index)];
                row.total = total;
                row.largest = largest;
            }
            ImGui::PushID(static_cast<int>(v));
            const bool clicked = roomAnswerRow(frame, row, plan());
            ImGui::PopID();
            if (presenter && clicked && !row.locked) {
                if (t.voting && run().teamMode() && state_.selectedTeam >= 0) {
                    run().setTeamVote(state_.selectedTeam, views[v].index);
                    state_.selectedTeam = -1;
                } else if (t.voting && !run().teamMode()) {
                    state_.focusedAnswer = static_cast<int>(v);
                } else if (!t.voting) {
                    state_.casting = views[v].index;
                }
            }
        }
        if (table) {
            ImGui::EndTable();
        }
    }
};

}  // namespace

std::unique_ptr<AtelierStepView> makeAtelierScenarioView(AtelierSession& session, PresenterState& state) {
    return std::make_unique<ScenarioView>(session, state);
}

}  // namespace passerelles::ui

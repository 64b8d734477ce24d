// An idée reçue in the workshop: the room sees the statement, the arguments one by one, the answer and the
// shift of opinion; the trainer types the show of hands and reads what to do next.
#include "core/base/text.hpp"
#include "ui/screens/atelier_presenter_screen.hpp"
#include "ui/screens/atelier_step_view.hpp"
#include "ui/screens/room_views.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

namespace passerelles::ui {

namespace {

using Phase = RoomMythRun::Phase;

class CardView final : public AtelierStepView {
  public:
    using AtelierStepView::AtelierStepView;

    void handleKeys(Frame& frame) override {
        FrameInput& input = frame.input;
        RoomMythRun& card = *run().cardRun();
        const Phase phase = card.phase();
        if (phase == Phase::VoteBefore || phase == Phase::VoteAfter) {
            typeCount(input, state_.cardField == 0 ? state_.cardEntry.agree : state_.cardEntry.disagree);
            if (input.take(Key::Tab)) {
                state_.cardField = 1 - state_.cardField;
            }
            if (input.take(Key::Space) || input.take(Key::Enter)) {
                run().recordCardVote(state_.cardEntry);
                run().toggleAnswering();
                state_.cardEntry = HandCount{};
                state_.cardField = 0;
            }
            return;
        }
        if (phase == Phase::Shift || phase == Phase::Finished) {
            return;  // Enter or → : the screen moves on to the next step
        }
        if (input.take(Key::Space)) {
            if (phase == Phase::Arguments) {
                run().toggleReveal();
            } else {
                run().toggleAnswering();
            }
        }
        if (input.take(Key::Enter)) {
            run().toggleReveal();
        }
    }

    // → or Page suivante (a remote clicker) walks a card the room has started as in the idées reçues room
    // mode: the vote (validated with the hands typed, or passed), each argument, the answer, the vote after,
    // the shift. A card nobody started (its statement only) is passed, and stays « non jouée ».
    bool forward() override {
        const Phase phase = run().cardRun()->phase();
        switch (phase) {
            case Phase::Statement:
                return false;
            case Phase::Answer:
                return run().toggleAnswering();
            case Phase::VoteBefore:
            case Phase::VoteAfter:
                run().recordCardVote(state_.cardEntry);
                state_.cardEntry = HandCount{};
                state_.cardField = 0;
                return run().toggleAnswering();
            case Phase::Arguments:
                return run().toggleReveal();
            case Phase::Shift:
            case Phase::Finished:
                return false;
        }
        return false;
    }

    bool enterMovesOn() override {
        return run().cardRun()->phase() == Phase::Shift || run().cardRun()->phase() == Phase::Finished;
    }

    void audiencePhase(std::string& out) const override {
        RoomMythRun& card = *session_.run.cardRun();
        out.append("carte-")
            .append(std::to_string(session_.run.position()))
            .append("-")
            .append(std::to_string(static_cast<int>(card.phase())))
            .append("-")
            .append(std::to_string(card.argumentsRevealed()));
    }

    void refresh(Frame&) override {
        RoomMythRun& card = *run().cardRun();
        const Phase phase = card.phase();
        statement_ = guillemets(content().statement);
        const HandCount& before = card.current().before;
        before_.clear();
        if (phase == Phase::VoteAfter && before.total() > 0) {
            before_ = "Avant le débat : " + std::to_string(before.agree) + " d’accord, " +
                      std::to_string(before.disagree) + " pas d’accord.";
        }
        shown_.clear();
        hint_.clear();
        switch (phase) {
            case Phase::Statement:
                hint_ = "Lisez l’idée reçue à voix haute. Espace : faire voter la salle.";
                break;
            case Phase::VoteBefore:
            case Phase::VoteAfter:
                hint_ =
                    "Tapez les nombres · Tab : l’autre case · Espace : valider le vote (sans nombre : "
                    "passer)";
                break;
            case Phase::Arguments: {
                const int remaining = static_cast<int>(content().arguments.size()) - card.argumentsRevealed();
                shown_ = countNoun(card.argumentsRevealed(), "argument montré", "arguments montrés") +
                         " sur " + std::to_string(content().arguments.size());
                hint_ = remaining > 0 ? "Entrée : argument suivant (" +
                                            countNoun(remaining, "restant", "restants") + ")"
                                      : "Entrée : la réponse";
                break;
            }
            case Phase::Answer:
                hint_ = "La salle voit la réponse. Espace : faire voter à nouveau la salle";
                break;
            case Phase::Shift:
            case Phase::Finished:
                if (!card.results().empty() || phase == Phase::Shift) {
                    const RoomCardResult& result =
                        phase == Phase::Shift ? card.current() : card.results().front();
                    shown_ = "D’accord : " + formatPercent(result.before.agreeShare()) + " avant, " +
                             formatPercent(result.after.agreeShare()) + " après.";
                }
                hint_ = "Entrée ou → : étape suivante";
                break;
        }
    }

    std::vector<AudienceBlock> audienceBlocks() override {
        std::vector<AudienceBlock> blocks;
        const Phase phase = run().cardRun()->phase();
        const bool large = phase == Phase::Statement || phase == Phase::VoteBefore;
        blocks.push_back(audienceKindChip("Idée reçue", theme::kAccent, IM_COL32_WHITE));
        blocks.push_back([this, large](Frame& frame, const AudienceStyle&) {
            heading(frame, statement_, large ? frame.services.fonts.display : frame.services.fonts.title,
                    theme::kAccent);
            verticalSpace(frame, 0.4f);
        });
        switch (phase) {
            case Phase::Statement:
                break;
            case Phase::VoteBefore:
            case Phase::VoteAfter:
                blocks.push_back([this, phase](Frame& frame, const AudienceStyle&) {
                    heading(frame,
                            phase == Phase::VoteAfter
                                ? "Après le débat : qui est d’accord ? Qui ne l’est pas ?"
                                : "Qui est d’accord avec cette idée ? Qui ne l’est pas ?",
                            frame.services.fonts.title);
                    if (!before_.empty()) {
                        verticalSpace(frame, 0.3f);
                        paragraph(frame, before_, frame.services.fonts.heading, theme::kTextMuted);
                    }
                });
                break;
            case Phase::Arguments:
                // One block per argument: a long debate goes on to a further page, never off the screen.
                for (int i = 0; i < run().cardRun()->argumentsRevealed(); ++i) {
                    blocks.push_back([this, i](Frame& frame, const AudienceStyle&) {
                        drawRoomArgument(frame, content(), i, false, false);
                    });
                }
                break;
            case Phase::Answer:
                for (int i = 0; i < static_cast<int>(content().arguments.size()); ++i) {
                    blocks.push_back([this, i](Frame& frame, const AudienceStyle&) {
                        drawRoomArgument(frame, content(), i, i == content().bestArgumentIndex(), true);
                    });
                }
                if (run().step().pack != nullptr) {
                    blocks.push_back([this](Frame& frame, const AudienceStyle&) {
                        drawRoomAnswer(frame, *run().step().pack, content());
                    });
                }
                break;
            case Phase::Shift:
            case Phase::Finished:
                blocks.push_back([this, phase](Frame& frame, const AudienceStyle&) {
                    RoomMythRun& card = *run().cardRun();
                    if (phase == Phase::Shift) {
                        drawRoomShift(frame, card.current());
                    } else if (!card.results().empty()) {
                        drawRoomShift(frame, card.results().front());
                    }
                });
                break;
        }
        return blocks;
    }

    void drawPresenter(Frame& frame) override {
        const Phase phase = run().cardRun()->phase();
        chip(frame, "Idée reçue", theme::kAccent, IM_COL32_WHITE);
        heading(frame, statement_, frame.services.fonts.heading, theme::kAccent);
        verticalSpace(frame, 0.3f);
        if (phase == Phase::VoteBefore || phase == Phase::VoteAfter) {
            drawHandEntry(frame, state_.cardEntry, state_.cardField);
            if (!before_.empty()) {
                sourceLine(frame, before_);
            }
        }
        if (!shown_.empty()) {
            paragraph(frame, shown_);
        }
        presenterHint(frame, hint_);
    }

  private:
    const MythCard& content() { return *run().step().card; }

    // Worked out by refresh(), when the run or the presenter's state changes.
    std::string statement_;  // in « guillemets »
    std::string before_;     // the vote before the debate, shown during the vote after
    std::string shown_;      // arguments shown, or the shift of opinion
    std::string hint_;
};

}  // namespace

std::unique_ptr<AtelierStepView> makeAtelierCardView(AtelierSession& session, PresenterState& state) {
    return std::make_unique<CardView>(session, state);
}

}  // namespace passerelles::ui

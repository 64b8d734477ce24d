// Idées reçues in a room: the statement full screen, the show of hands before and after, the shift in bars.
#include "ui/screens/myth_room_screen.hpp"

#include <algorithm>

#include "core/base/text.hpp"
#include "ui/screens/content_views.hpp"
#include "ui/screens/room_views.hpp"
#include "ui/screens/screens.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

namespace passerelles::ui {

namespace {

const char* phaseLabel(RoomMythRun::Phase phase) {
    switch (phase) {
        case RoomMythRun::Phase::Statement:
            return "L’idée reçue";
        case RoomMythRun::Phase::VoteBefore:
            return "Vote avant le débat";
        case RoomMythRun::Phase::Arguments:
            return "Les arguments";
        case RoomMythRun::Phase::Answer:
            return "La réponse";
        case RoomMythRun::Phase::VoteAfter:
            return "Vote après le débat";
        case RoomMythRun::Phase::Shift:
            return "Ce qui a bougé";
        case RoomMythRun::Phase::Finished:
            return "Bilan";
    }
    return "";
}

}  // namespace

MythRoomScreen::MythRoomScreen(std::shared_ptr<const Pack> pack, const MythDeck& deck)
    : pack_(std::move(pack)), deck_(deck), run_(RoomMythRun::forDeck(deck)) {}

bool MythRoomScreen::handleBack(Frame&) {
    if (helpOpen_) {
        helpOpen_ = false;
        return true;
    }
    return false;
}

void MythRoomScreen::commitVote() {
    run_.recordVote(entry_);
    entry_ = HandCount{};
    focusedField_ = 0;
}

void MythRoomScreen::handleKeys(Frame& frame) {
    FrameInput& input = frame.input;
    if (input.take(Key::H) || input.take(Key::F1)) {
        helpOpen_ = !helpOpen_;
    }
    if (input.take(Key::N)) {
        entry_ = HandCount{};
        run_.skipCard();
        return;
    }
    // The same keys as the workshop's: Tab between the two counts; Espace, Entrée, → or Page suivante (a
    // remote clicker) move on: validate the vote, the next argument, the answer, the next card.
    const auto phase = run_.phase();
    const bool forward = input.take(Key::Enter) || input.take(Key::Space) || input.take(Key::Right) ||
                         input.take(Key::PageDown);
    if (phase == RoomMythRun::Phase::VoteBefore || phase == RoomMythRun::Phase::VoteAfter) {
        typeCount(input, focusedField_ == 0 ? entry_.agree : entry_.disagree);
        if (input.take(Key::Tab)) {
            focusedField_ = 1 - focusedField_;
        }
        if (forward) {
            commitVote();
            run_.advance();
        }
        return;
    }
    if (phase == RoomMythRun::Phase::Arguments && (input.take(Key::Left) || input.take(Key::PageUp))) {
        run_.hideLastArgument();
    }
    if (forward && phase != RoomMythRun::Phase::Finished) {
        run_.advance();  // in the debate: the next argument first, then the answer
        ImGui::SetScrollY(0.0f);
    }
}

void MythRoomScreen::draw(Frame& frame) {
    handleKeys(frame);
    drawTopBar(frame);
    verticalSpace(frame, 0.5f);
    const RoomMythRun::Phase phase = run_.phase();
    if (phase == RoomMythRun::Phase::Finished) {
        drawSummary(frame);
    } else {
        const MythCard& card = run_.currentCard();
        const bool large = phase == RoomMythRun::Phase::Statement || phase == RoomMythRun::Phase::VoteBefore;
        heading(frame, "« " + card.statement + " »",
                large ? frame.services.fonts.display : frame.services.fonts.title, theme::kAccent);
        verticalSpace(frame, 0.6f);
        switch (phase) {
            case RoomMythRun::Phase::Statement:
                mutedText(frame, "Lisez l’idée reçue à voix haute. Entrée : faire voter la salle.");
                break;
            case RoomMythRun::Phase::VoteBefore:
                drawVote(frame, false);
                break;
            case RoomMythRun::Phase::Arguments:
                drawArguments(frame, false);
                break;
            case RoomMythRun::Phase::Answer:
                drawArguments(frame, true);
                drawAnswer(frame);
                break;
            case RoomMythRun::Phase::VoteAfter:
                drawVote(frame, true);
                break;
            case RoomMythRun::Phase::Shift:
                drawShift(frame);
                break;
            case RoomMythRun::Phase::Finished:
                break;
        }
    }
    if (helpOpen_) {
        drawHelp(frame);
    }
}

void MythRoomScreen::drawTopBar(Frame& frame) {
    std::string left = deck_.title;
    if (run_.phase() != RoomMythRun::Phase::Finished) {
        left += " · " + std::to_string(run_.position() + 1) + " / " + std::to_string(run_.cardCount()) +
                " · " + phaseLabel(run_.phase());
    }
    ImGui::PushFont(frame.services.fonts.small);
    ImGui::TextColored(theme::toVec4(theme::kTextMuted), "%s", left.c_str());
    const char* help = "H : touches";
    ImGui::SameLine(ImGui::GetWindowContentRegionMax().x - ImGui::CalcTextSize(help).x);
    ImGui::TextColored(theme::toVec4(theme::kTextMuted), "%s", help);
    ImGui::PopFont();
}

void MythRoomScreen::drawVote(Frame& frame, bool after) {
    heading(frame, after ? "Après le débat : qui est d’accord avec cette idée ? Qui ne l’est pas ?"
                         : "Qui est d’accord avec cette idée ? Qui ne l’est pas ?");
    verticalSpace(frame, 0.4f);
    drawHandEntry(frame, entry_, focusedField_);
    verticalSpace(frame, 0.5f);
    if (after && run_.current().before.total() > 0) {
        const HandCount& before = run_.current().before;
        sourceLine(frame, "Avant le débat : " + std::to_string(before.agree) + " d’accord, " +
                              std::to_string(before.disagree) + " pas d’accord.");
    }
    if (button(frame, "Valider le vote (Entrée)")) {
        commitVote();
        run_.advance();
    }
    verticalSpace(frame, 0.3f);
    sourceLine(frame,
               "Tapez les nombres au clavier ; Tab change de case ; Retour arrière efface. Sans vote, "
               "validez directement.");
}

void MythRoomScreen::drawArguments(Frame& frame, bool answered) {
    const MythCard& card = run_.currentCard();
    const int shown = run_.argumentsRevealed();
    drawRoomArguments(frame, card, shown, answered);
    if (!answered) {
        const int remaining = static_cast<int>(card.arguments.size()) - shown;
        sourceLine(frame, remaining > 0
                              ? "→ ou Entrée : argument suivant (" +
                                    countNoun(remaining, "restant", "restants") + ") · ← : masquer le dernier"
                              : "→ ou Entrée : la réponse.");
        if (remaining == 0 && button(frame, "Voir la réponse (Entrée)")) {
            run_.advance();
        }
    }
}

void MythRoomScreen::drawAnswer(Frame& frame) {
    drawRoomAnswer(frame, *pack_, run_.currentCard());
    if (button(frame, "Faire voter à nouveau (Entrée)")) {
        run_.advance();
    }
}

void MythRoomScreen::drawShift(Frame& frame) {
    drawRoomShift(frame, run_.current());
    verticalSpace(frame, 0.3f);
    const bool last = run_.position() + 1 == run_.cardCount();
    if (button(frame, last ? "Terminer (Entrée)" : "Idée reçue suivante (Entrée)")) {
        run_.advance();
    }
}

void MythRoomScreen::drawSummary(Frame& frame) {
    heading(frame, "Bilan de la séance", frame.services.fonts.display, theme::kAccent);
    verticalSpace(frame, 0.4f);
    if (run_.results().empty()) {
        mutedText(frame, "Aucune carte jouée jusqu’au vote.");
    }
    const float width = availableWidth();
    for (const RoomCardResult& result : run_.results()) {
        paragraph(frame, "« " + result.card->statement + " »", frame.services.fonts.bold);
        splitBar(frame, "Avant", result.before, width);
        splitBar(frame, "Après", result.after, width);
        verticalSpace(frame, 0.5f);
    }
    if (button(frame, "Accueil (Échap)", 0.0f, ButtonStyle::Secondary)) {
        frame.navigator.pop();
    }
}

void MythRoomScreen::drawHelp(Frame& frame) {
    beginDialog(frame, "##room-help",
                ImVec2(std::min(frame.layout.display.x * 0.9f, frame.layout.unit * 34.0f),
                       std::min(frame.layout.display.y * 0.9f, frame.layout.unit * 20.0f)));
    heading(frame, "Touches de l’animateur", frame.services.fonts.title);
    keyHints(frame, {{"→ / Page suiv. / Entrée / Espace", "la suite (vote validé, argument suivant…)"}});
    keyHints(frame, {{"← / Page préc.", "masquer le dernier argument"}, {"N", "passer la carte"}});
    keyHints(frame,
             {{"0 à 9", "taper un nombre"}, {"Tab", "changer de case"}, {"Retour arrière", "effacer"}});
    keyHints(frame, {{"G", "sigles"}, {"F11", "plein écran"}, {"Échap", "quitter"}});
    keyHints(frame, {{"H", "fermer cette aide"}});
    endDialog();
}

std::unique_ptr<Screen> makeMythRoomScreen(std::shared_ptr<const Pack> pack, const MythDeck& deck) {
    return std::make_unique<MythRoomScreen>(std::move(pack), deck);
}

}  // namespace passerelles::ui

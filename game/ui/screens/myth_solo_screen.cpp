// Idées reçues alone: agree or not, pick the argument that answers best, read the answer, say again.
#include "ui/screens/myth_solo_screen.hpp"

#include "core/base/text.hpp"
#include "core/play/quiz_scoring.hpp"
#include "core/progress/progress_service.hpp"
#include "ui/screens/content_views.hpp"
#include "ui/screens/screens.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

namespace passerelles::ui {

MythSoloScreen::MythSoloScreen(std::shared_ptr<const Pack> pack, const MythDeck& deck)
    : pack_(std::move(pack)), deck_(deck), play_(deck) {}

void MythSoloScreen::handleKeys(Frame& frame) {
    switch (play_.run().phase()) {
        case SoloMythRun::Phase::PositionBefore:
        case SoloMythRun::Phase::PositionAfter: {
            const int index = frame.input.takeOptionShortcut(4);
            if (index >= 0) {
                play_.setPosition(static_cast<Agreement>(index));
                ImGui::SetScrollY(0.0f);
            }
            break;
        }
        case SoloMythRun::Phase::ChooseArgument: {
            const int index =
                frame.input.takeOptionShortcut(static_cast<int>(play_.run().currentCard().arguments.size()));
            if (index >= 0 && play_.chooseArgument(index)) {
                scrollToAnswer_ = true;
            }
            break;
        }
        case SoloMythRun::Phase::Answer:
            if (frame.input.take(Key::Enter)) {
                play_.continueToPositionAfter();
                ImGui::SetScrollY(0.0f);
            }
            break;
        case SoloMythRun::Phase::Finished:
            break;
    }
}

void MythSoloScreen::draw(Frame& frame) {
    if (!play_.begun()) {
        play_.begin(
            frame.services.progress.recorderFor(*pack_, ActivityKind::Myths, deck_.id, frame.services.now));
    }
    if (play_.run().phase() == SoloMythRun::Phase::Finished) {
        frame.navigator.replace(makeMythSoloResultsScreen(pack_, deck_, play_.run()));
        return;
    }
    handleKeys(frame);
    if (play_.run().phase() == SoloMythRun::Phase::Finished) {
        return;
    }
    drawProgress(frame);
    verticalSpace(frame, 0.4f);
    drawStatement(frame);
    verticalSpace(frame, 0.4f);
    switch (play_.run().phase()) {
        case SoloMythRun::Phase::PositionBefore:
            heading(frame, "Êtes-vous d’accord avec cette idée ?");
            verticalSpace(frame, 0.2f);
            if (const auto agreement = drawAgreement(frame)) {
                play_.setPosition(*agreement);
            }
            verticalSpace(frame, 0.3f);
            sourceLine(frame, "Touches 1 à 4, ou cliquez. Votre avis ne rapporte ni ne coûte de points.");
            break;
        case SoloMythRun::Phase::ChooseArgument:
            heading(frame, "Quel argument répond le mieux à cette idée reçue ?");
            verticalSpace(frame, 0.2f);
            drawArguments(frame);
            sourceLine(
                frame,
                "Touches A à " +
                    std::string(1, static_cast<char>('A' + play_.run().currentCard().arguments.size() - 1)) +
                    ", ou cliquez.");
            break;
        case SoloMythRun::Phase::Answer:
            drawArguments(frame);
            drawAnswer(frame);
            break;
        case SoloMythRun::Phase::PositionAfter: {
            heading(frame, "Et maintenant, êtes-vous d’accord avec cette idée ?");
            sourceLine(frame, std::string("Avant la réponse, vous avez dit : ") +
                                  agreementLabel(play_.run().current().before) + ".");
            verticalSpace(frame, 0.2f);
            if (const auto agreement = drawAgreement(frame)) {
                play_.setPosition(*agreement);
            }
            break;
        }
        case SoloMythRun::Phase::Finished:
            break;
    }
}

void MythSoloScreen::drawProgress(Frame& frame) {
    const std::string label = "Idée reçue " + std::to_string(play_.run().position() + 1) + " sur " +
                              std::to_string(play_.run().cardCount());
    const std::string score =
        "Score : " + formatDecimal(play_.run().score()) + " / " + formatDecimal(play_.run().maxScore());
    ImGui::PushFont(frame.services.fonts.bold);
    ImGui::TextUnformatted(label.c_str());
    ImGui::SameLine(ImGui::GetWindowContentRegionMax().x - ImGui::CalcTextSize(score.c_str()).x);
    ImGui::TextUnformatted(score.c_str());
    ImGui::PopFont();
    progressBar(frame,
                static_cast<float>(play_.run().position()) / static_cast<float>(play_.run().cardCount()),
                availableWidth(), frame.layout.unit * 0.45f, theme::kAccent);
}

void MythSoloScreen::drawStatement(Frame& frame) {
    beginPanel(frame, IM_COL32(0xEF, 0xE8, 0xF6, 0xFF), theme::kAccent);
    chip(frame, "Idée reçue", theme::kAccent, IM_COL32_WHITE);
    heading(frame, "« " + play_.run().currentCard().statement + " »", frame.services.fonts.title,
            theme::kAccent);
    endPanel(frame);
}

std::optional<Agreement> MythSoloScreen::drawAgreement(Frame& frame) {
    std::optional<Agreement> chosen;
    const float spacing = ImGui::GetStyle().ItemSpacing.x;
    const float available = availableWidth();
    // Four in a row when the longest label fits, else two by two.
    ImGui::PushFont(frame.services.fonts.bold);
    const float longest = ImGui::CalcTextSize("3 · Plutôt pas d’accord").x + frame.layout.unit * 1.6f;
    ImGui::PopFont();
    const bool twoRows = (available - 3 * spacing) * 0.25f < longest;
    const float width = twoRows ? (available - spacing) * 0.5f : (available - 3 * spacing) * 0.25f;
    for (int i = 0; i < 4; ++i) {
        if (i > 0 && !(twoRows && i == 2)) {
            ImGui::SameLine();
        }
        const auto agreement = static_cast<Agreement>(i);
        const std::string label = std::to_string(i + 1) + " · " + agreementLabel(agreement);
        const bool wasBefore = play_.run().phase() == SoloMythRun::Phase::PositionAfter &&
                               play_.run().current().before == agreement;
        if (button(frame, label.c_str(), width, wasBefore ? ButtonStyle::Primary : ButtonStyle::Secondary)) {
            chosen = agreement;
        }
    }
    return chosen;
}

void MythSoloScreen::drawArguments(Frame& frame) {
    const MythCard& card = play_.run().currentCard();
    const bool answered = play_.run().phase() == SoloMythRun::Phase::Answer;
    const int best = card.bestArgumentIndex();
    for (std::size_t i = 0; i < card.arguments.size(); ++i) {
        const MythArgument& argument = card.arguments[i];
        OptionCard option;
        option.index = static_cast<int>(i);
        option.text = argument.text;
        option.interactive = !answered;
        if (answered) {
            const bool chosen = play_.run().current().argumentChosen == static_cast<int>(i);
            if (static_cast<int>(i) == best) {
                option.look = chosen ? OptionLook::CorrectTicked : OptionLook::CorrectMissed;
            } else {
                option.look = chosen ? OptionLook::WrongTicked : OptionLook::Neutral;
            }
            option.feedback = argument.feedback;
        }
        if (optionCard(frame, option) && play_.chooseArgument(static_cast<int>(i))) {
            scrollToAnswer_ = true;
        }
    }
}

void MythSoloScreen::drawAnswer(Frame& frame) {
    const MythCard& card = play_.run().currentCard();
    const SoloCardResult& result = play_.run().current();
    verticalSpace(frame, 0.2f);
    beginPanel(frame, result.bestChosen ? theme::kRightSoft : theme::kPartialSoft,
               result.bestChosen ? theme::kRight : theme::kPartial);
    const std::string verdict =
        result.bestChosen ? "\xE2\x9C\x93 Le meilleur argument : +" + formatPoints(result.points)
                          : "Pas le meilleur argument : 0 point. Le meilleur était " +
                                std::string(1, static_cast<char>('A' + card.bestArgumentIndex())) + ".";
    heading(frame, verdict, nullptr, result.bestChosen ? theme::kRight : theme::kPartial);
    verticalSpace(frame, 0.2f);
    paragraph(frame, card.answer, frame.services.fonts.bold);
    verticalSpace(frame, 0.2f);
    drawKeyPoints(frame, *pack_, card.keyPoints, card.tags.source);
    if (card.tags.source) {
        verticalSpace(frame, 0.2f);
        sourceLine(frame, "Source : " + pack_->cite(*card.tags.source));
    }
    endPanel(frame);
    if (button(frame, "Continuer (Entrée)")) {
        play_.continueToPositionAfter();
        ImGui::SetScrollY(0.0f);
    }
    if (scrollToAnswer_) {
        ImGui::SetScrollHereY(1.0f);
        scrollToAnswer_ = false;
    }
}

std::unique_ptr<Screen> makeMythSoloScreen(std::shared_ptr<const Pack> pack, const MythDeck& deck) {
    return std::make_unique<MythSoloScreen>(std::move(pack), deck);
}

}  // namespace passerelles::ui

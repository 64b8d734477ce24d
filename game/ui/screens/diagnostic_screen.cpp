// Self-diagnostic: a few questions about one's collectivité, then the closest profile with advice.
#include "ui/screens/diagnostic_screen.hpp"

#include "core/base/text.hpp"
#include "core/progress/progress_service.hpp"
#include "ui/screens/content_views.hpp"
#include "ui/screens/screens.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

namespace passerelles::ui {

DiagnosticScreen::DiagnosticScreen(std::shared_ptr<const Pack> pack, const SelfDiagnostic& diagnostic)
    : pack_(std::move(pack)), diagnostic_(diagnostic), play_(diagnostic) {}

void DiagnosticScreen::next() {
    if (play_.next()) {
        ImGui::SetScrollY(0.0f);
    }
}

void DiagnosticScreen::handleKeys(Frame& frame) {
    if (play_.run().phase() == DiagnosticRun::Phase::Result) {
        if (frame.input.take(Key::R)) {
            play_.restart();
        }
        if (frame.input.take(Key::Left) || frame.input.take(Key::Backspace)) {
            play_.previous();
        }
        return;
    }
    const int option =
        frame.input.takeOptionShortcut(static_cast<int>(play_.run().currentQuestion().options.size()));
    if (option >= 0) {
        play_.toggle(option);
    }
    if (frame.input.take(Key::Enter)) {
        next();
    }
    if (frame.input.take(Key::Left) || frame.input.take(Key::Backspace)) {
        play_.previous();
    }
}

void DiagnosticScreen::draw(Frame& frame) {
    if (!play_.begun()) {
        play_.begin(frame.services.progress.recorderFor(*pack_, ActivityKind::SelfDiagnostic, diagnostic_.id,
                                                        frame.services.now));
    }
    handleKeys(frame);
    if (play_.run().phase() == DiagnosticRun::Phase::Result) {
        drawResult(frame);
    } else {
        drawQuestion(frame);
    }
}

void DiagnosticScreen::drawQuestion(Frame& frame) {
    if (play_.run().position() == 0 && !diagnostic_.intro.empty()) {
        beginPanel(frame, theme::kPrimarySoft, 0);
        paragraph(frame, diagnostic_.intro);
        endPanel(frame);
    }
    const std::size_t count = diagnostic_.questions.size();
    ImGui::PushFont(frame.services.fonts.bold);
    ImGui::Text("Question %zu sur %zu", play_.run().position() + 1, count);
    ImGui::PopFont();
    progressBar(frame, static_cast<float>(play_.run().position()) / static_cast<float>(count),
                availableWidth(), frame.layout.unit * 0.45f, theme::kPrimary);
    verticalSpace(frame, 0.3f);
    const DiagnosticQuestion& question = play_.run().currentQuestion();
    sourceLine(frame, question.multiple ? "Plusieurs réponses possibles." : "Une seule réponse.");
    heading(frame, question.text);
    verticalSpace(frame, 0.3f);
    for (std::size_t i = 0; i < question.options.size(); ++i) {
        OptionCard card;
        card.index = static_cast<int>(i);
        card.text = question.options[i].text;
        card.multiple = question.multiple;
        const auto& answer = play_.run().currentAnswer();
        card.look = std::find(answer.begin(), answer.end(), static_cast<int>(i)) != answer.end()
                        ? OptionLook::Selected
                        : OptionLook::Idle;
        if (optionCard(frame, card)) {
            play_.toggle(card.index);
        }
    }
    const bool last = play_.run().position() + 1 == count;
    if (button(frame, last ? "Voir mon profil (Entrée)" : "Suivante (Entrée)", 0.0f, ButtonStyle::Primary,
               !play_.run().currentAnswer().empty())) {
        next();
    }
    if (play_.run().position() > 0) {
        ImGui::SameLine();
        if (button(frame, "\xE2\x86\x90 Précédente", 0.0f, ButtonStyle::Secondary)) {
            play_.previous();
        }
    }
}

void DiagnosticScreen::drawResult(Frame& frame) {
    const DiagnosticResult& result = play_.run().result();
    if (result.main < 0) {
        drawNoProfile(frame);
        return;
    }
    const Profile& main = diagnostic_.profiles[static_cast<std::size_t>(result.main)];
    sourceLine(frame, result.hybrid >= 0 ? "Votre collectivité ressemble à deux profils :"
                                         : "Votre collectivité ressemble au profil :");
    std::string title = main.title;
    if (result.hybrid >= 0) {
        title += " et " + diagnostic_.profiles[static_cast<std::size_t>(result.hybrid)].title;
    }
    heading(frame, title, frame.services.fonts.display, theme::kPrimary);
    if (!main.subtitle.empty()) {
        paragraph(frame, main.subtitle, frame.services.fonts.heading);
    }
    if (result.hybrid >= 0) {
        paragraph(
            frame,
            "Un profil hybride : les scores des deux profils sont proches. L’étude le dit : la typologie "
            "n’est pas figée, une collectivité peut tenir de plusieurs modèles et passer de l’un à l’autre.",
            nullptr, theme::kPartial);
    }
    verticalSpace(frame, 0.3f);
    const auto drawProfile = [&](const Profile& profile) {
        beginPanel(frame, theme::kSurface, theme::kBorder);
        heading(frame, profile.title + (profile.subtitle.empty() ? "" : " : " + profile.subtitle));
        paragraph(frame, profile.description);
        if (!profile.traits.empty()) {
            verticalSpace(frame, 0.2f);
            paragraph(frame, "Ce qui le caractérise", frame.services.fonts.bold);
            drawKeyPoints(frame, *pack_, profile.traits, std::nullopt);
        }
        verticalSpace(frame, 0.2f);
        paragraph(frame, "Pour avancer", frame.services.fonts.bold);
        drawKeyPoints(frame, *pack_, profile.advice, std::nullopt);
        endPanel(frame);
    };
    drawProfile(main);
    if (result.hybrid >= 0) {
        drawProfile(diagnostic_.profiles[static_cast<std::size_t>(result.hybrid)]);
    }
    verticalSpace(frame, 0.3f);
    heading(frame, "Proximité avec chaque profil");
    const float labelWidth = frame.layout.unit * 9.0f;
    for (const ProfileScore& score : result.ranking) {
        const Profile& profile = diagnostic_.profiles[static_cast<std::size_t>(score.profile)];
        ImGui::PushFont(frame.services.fonts.bold);
        ImGui::TextUnformatted(fitWithEllipsis(frame.services.fonts.bold, profile.title, labelWidth).c_str());
        ImGui::PopFont();
        ImGui::SameLine(ImGui::GetCursorStartPos().x + labelWidth + frame.layout.unit * 0.5f);
        const bool chosen = score.profile == result.main || score.profile == result.hybrid;
        progressBar(frame, static_cast<float>(score.score), availableWidth() - frame.layout.unit * 5.0f,
                    frame.layout.unit * 0.55f, chosen ? theme::kPrimary : theme::kBorder,
                    formatPercent(score.score));
    }
    verticalSpace(frame, 0.3f);
    sourceLine(
        frame,
        "Ce n’est pas une note : le score dit à quel point vos réponses ressemblent à chaque profil décrit "
        "par l’étude.");
    if (diagnostic_.tags.source) {
        sourceLine(frame, "Source : " + pack_->cite(*diagnostic_.tags.source));
    }
    verticalSpace(frame, 0.3f);
    if (button(frame, "Recommencer (R)")) {
        play_.restart();
    }
    ImGui::SameLine();
    if (button(frame, "Accueil (Échap)", 0.0f, ButtonStyle::Secondary)) {
        frame.navigator.pop();
    }
}

// The answers gave no profile any evidence (every weight chosen was 0, or too small to count: see
// kDiagnosticMinimumEvidence): no profile is announced, and the player is told why and what to do.
void DiagnosticScreen::drawNoProfile(Frame& frame) {
    heading(frame, "Pas de profil pour ces réponses", frame.services.fonts.display, theme::kPrimary);
    paragraph(frame, kNoProfileSentence);
    verticalSpace(frame, 0.3f);
    if (button(frame, "Recommencer (R)")) {
        play_.restart();
    }
    ImGui::SameLine();
    if (button(frame, "Accueil (Échap)", 0.0f, ButtonStyle::Secondary)) {
        frame.navigator.pop();
    }
}

std::unique_ptr<Screen> makeDiagnosticScreen(std::shared_ptr<const Pack> pack,
                                             const SelfDiagnostic& diagnostic) {
    return std::make_unique<DiagnosticScreen>(std::move(pack), diagnostic);
}

}  // namespace passerelles::ui

// End of an idées reçues deck played alone: arguments found, where the learner's opinion moved, and a drill
// of the cards whose best argument was missed.
#include "core/base/text.hpp"
#include "core/play/quiz_scoring.hpp"
#include "ui/screens/screens.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

namespace passerelles::ui {

namespace {

class MythSoloResultsScreen final : public Screen {
  public:
    MythSoloResultsScreen(std::shared_ptr<const Pack> pack, const MythDeck& deck, SoloMythRun run)
        : pack_(std::move(pack)),
          deck_(deck),
          run_(std::move(run)),
          missed_(drillItems(*pack_, deck_, run_)) {}

    std::string title() const override { return "Résultat : " + deck_.title; }
    std::string kind() const override { return "myths-results"; }
    bool usesDisplayFont() const override { return true; }

    void draw(Frame& frame) override {
        if (frame.input.take(Key::R)) {
            frame.navigator.replace(makeMythSoloScreen(pack_, deck_));
            return;
        }
        const std::vector<ReviewItem>& missed = missed_;
        if (drillKey(frame, missed)) {
            return;
        }
        const double ratio = run_.maxScore() > 0 ? run_.score() / run_.maxScore() : 0.0;
        heading(frame,
                formatDecimal(run_.score()) + " / " + formatPoints(run_.maxScore()) + "  (" +
                    formatPercent(ratio) + ")",
                frame.services.fonts.display, theme::kAccent);
        paragraph(frame, "Les points comptent les meilleurs arguments trouvés.");
        const int moved = run_.movedAwayCount();
        paragraph(frame, moved == 0 ? "Votre avis n’a bougé sur aucune carte."
                                    : "Sur " + std::to_string(moved) + (moved > 1 ? " cartes" : " carte") +
                                          ", vous vous êtes éloigné de l’idée reçue après la réponse.");
        verticalSpace(frame, 0.3f);
        if (drillButton(frame, missed)) {
            return;
        }
        if (button(frame, "Rejouer (R)", 0.0f,
                   missed.empty() ? ButtonStyle::Primary : ButtonStyle::Secondary)) {
            frame.navigator.replace(makeMythSoloScreen(pack_, deck_));
            return;
        }
        ImGui::SameLine();
        if (button(frame, "Accueil (Échap)", 0.0f, ButtonStyle::Secondary)) {
            frame.navigator.pop();
        }
        verticalSpace(frame, 0.5f);
        heading(frame, "Carte par carte");
        for (const SoloCardResult& result : run_.results()) {
            beginPanel(frame, theme::kSurface, result.bestChosen ? theme::kRight : theme::kPartial);
            paragraph(frame, "« " + result.card->statement + " »", frame.services.fonts.bold);
            const char* arrow = " \xE2\x86\x92 ";
            sourceLine(frame, std::string("Avis : ") + agreementLabel(result.before) + arrow +
                                  agreementLabel(result.after) + " · Argument : " +
                                  (result.bestChosen ? "le meilleur \xE2\x9C\x93" : "pas le meilleur"));
            endPanel(frame);
        }
    }

  private:
    std::shared_ptr<const Pack> pack_;
    const MythDeck& deck_;
    SoloMythRun run_;
    std::vector<ReviewItem> missed_;  // for « Refaire mes erreurs », fixed once the run is over
};

}  // namespace

std::unique_ptr<Screen> makeMythSoloResultsScreen(std::shared_ptr<const Pack> pack, const MythDeck& deck,
                                                  SoloMythRun run) {
    return std::make_unique<MythSoloResultsScreen>(std::move(pack), deck, std::move(run));
}

}  // namespace passerelles::ui

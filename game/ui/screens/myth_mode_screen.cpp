// Before an idées reçues deck: play it alone, or run it in a room with a projector.
#include "ui/screens/screens.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

namespace passerelles::ui {

namespace {

class MythModeScreen final : public Screen {
  public:
    MythModeScreen(std::shared_ptr<const Pack> pack, const MythDeck& deck)
        : pack_(std::move(pack)), deck_(deck) {}

    std::string title() const override { return deck_.title; }
    std::string kind() const override { return "myths-mode"; }

    void draw(Frame& frame) override {
        if (frame.input.take(Key::Digit1) || frame.input.take(Key::S) || frame.input.take(Key::Enter)) {
            frame.navigator.replace(makeMythSoloScreen(pack_, deck_));
            return;
        }
        if (frame.input.take(Key::Digit2) || frame.input.take(Key::P)) {
            frame.navigator.replace(makeMythRoomScreen(pack_, deck_));
            return;
        }
        if (!deck_.description.empty()) {
            mutedText(frame, deck_.description);
        }
        paragraph(frame, std::to_string(deck_.cards.size()) +
                             " idées reçues sur l’action extérieure des collectivités, "
                             "et les arguments qui y répondent.");
        verticalSpace(frame, 0.6f);
        heading(frame, "Comment jouer ?");
        verticalSpace(frame, 0.3f);
        const float width = availableWidth();
        beginPanel(frame, theme::kSurface, theme::kBorder);
        heading(frame, "1 · Seul ou seule, pour s’entraîner");
        paragraph(
            frame,
            "Pour chaque carte : dites si vous êtes d’accord, choisissez l’argument qui répond le mieux, "
            "lisez la réponse avec ses chiffres et sa source, puis dites à nouveau si vous êtes d’accord. "
            "Les points récompensent le choix de l’argument, jamais votre opinion.");
        if (button(frame, "Jouer seul (1 ou Entrée)", width * 0.5f)) {
            frame.navigator.replace(makeMythSoloScreen(pack_, deck_));
        }
        endPanel(frame);
        beginPanel(frame, theme::kSurface, theme::kBorder);
        heading(frame, "2 · En salle, avec un vidéoprojecteur");
        paragraph(
            frame,
            "L’idée reçue s’affiche en grand. Vous notez combien de personnes sont d’accord ou non, vous "
            "dévoilez les arguments un par un pour lancer le débat, puis la réponse, et la salle vote à "
            "nouveau : le changement d’opinion apparaît en barres.");
        if (button(frame, "Animer en salle (2)", width * 0.5f, ButtonStyle::Secondary)) {
            frame.navigator.replace(makeMythRoomScreen(pack_, deck_));
        }
        endPanel(frame);
    }

  private:
    std::shared_ptr<const Pack> pack_;
    const MythDeck& deck_;
};

}  // namespace

std::unique_ptr<Screen> makeMythModeScreen(std::shared_ptr<const Pack> pack, const MythDeck& deck) {
    return std::make_unique<MythModeScreen>(std::move(pack), deck);
}

}  // namespace passerelles::ui

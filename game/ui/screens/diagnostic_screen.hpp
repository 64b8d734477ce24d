// The self-diagnostic screen; its class is visible to tests that check the run.
#pragma once

#include <memory>

#include "core/session/diagnostic_play.hpp"
#include "ui/screen.hpp"

namespace passerelles::ui {

// Shown instead of a profile when the answers give no profile any evidence.
inline constexpr const char* kNoProfileSentence =
    "Vos réponses ne permettent pas de dégager un profil : aucune ne rapproche votre collectivité de l’un "
    "des profils décrits. Recommencez et répondez aux questions en choisissant, pour chacune, la réponse "
    "qui décrit le mieux ce que fait votre collectivité aujourd’hui.";

class DiagnosticScreen final : public Screen {
  public:
    DiagnosticScreen(std::shared_ptr<const Pack> pack, const SelfDiagnostic& diagnostic);

    std::string title() const override { return diagnostic_.title; }
    std::string kind() const override { return "diagnostic"; }
    bool usesDisplayFont() const override { return true; }
    void draw(Frame& frame) override;
    const DiagnosticRun& run() const { return play_.run(); }

  private:
    void handleKeys(Frame& frame);
    void next();
    void drawQuestion(Frame& frame);
    void drawResult(Frame& frame);
    void drawNoProfile(Frame& frame);

    std::shared_ptr<const Pack> pack_;
    const SelfDiagnostic& diagnostic_;
    DiagnosticPlay play_;  // the run and its recording; begun on the first frame
};

}  // namespace passerelles::ui

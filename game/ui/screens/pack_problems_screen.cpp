// Lists the problems of one pack, as a trainer reads them: file, line, and what to change.
#include "ui/screens/screens.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

namespace passerelles::ui {

namespace {

class PackProblemsScreen final : public Screen {
  public:
    explicit PackProblemsScreen(std::size_t packIndex) : packIndex_(packIndex) {}

    std::string title() const override { return "Problèmes du pack"; }
    std::string kind() const override { return "pack-problems"; }

    void draw(Frame& frame) override {
        const auto& packs = frame.services.library.packs;
        if (packIndex_ >= packs.size()) {
            return;
        }
        const PackLoad& load = packs[packIndex_].load;
        heading(frame, "Pack « " + load.label + " »", frame.services.fonts.title);
        mutedText(frame, "Dossier : " + load.folder.string());
        mutedText(frame,
                  "Corrigez ces points dans les fichiers indiqués (la ligne et la colonne sont données), "
                  "puis relancez Passerelles ou la commande « passerelles-pack validate ».");
        verticalSpace(frame, 0.5f);
        for (const Diagnostic& diagnostic : load.diagnostics.items()) {
            const bool isError = diagnostic.severity == Severity::Error;
            beginPanel(frame, isError ? theme::kWrongSoft : theme::kPartialSoft,
                       isError ? theme::kWrong : theme::kPartial);
            std::string where = diagnostic.file;
            if (diagnostic.line > 0) {
                where += ", ligne " + std::to_string(diagnostic.line) + ", colonne " +
                         std::to_string(diagnostic.column);
            }
            chip(frame, isError ? "Erreur" : "Avertissement", isError ? theme::kWrong : theme::kPartial,
                 IM_COL32_WHITE);
            sourceLine(frame, where);
            paragraph(frame, diagnostic.message);
            endPanel(frame);
        }
    }

  private:
    std::size_t packIndex_;
};

}  // namespace

std::unique_ptr<Screen> makePackProblemsScreen(std::size_t packIndex) {
    return std::make_unique<PackProblemsScreen>(packIndex);
}

}  // namespace passerelles::ui

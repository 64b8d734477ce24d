// The map of the room: each collectivité present picks the profile of the ACTER study closest to it; the
// room sees the six rows and their bars, the trainer the keys.
#include <algorithm>
#include <numeric>

#include "core/base/text.hpp"
#include "ui/screens/atelier_presenter_screen.hpp"
#include "ui/screens/atelier_step_view.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

namespace passerelles::ui {

namespace {

class MapView final : public AtelierStepView {
  public:
    using AtelierStepView::AtelierStepView;

    void handleKeys(Frame& frame) override {
        const int profiles = static_cast<int>(diagnostic().profiles.size());
        for (int p = 0; p < profiles && p < 9; ++p) {
            if (frame.input.take(atelierDigitKey(p + 1))) {
                run().addCollectivite(p);
            }
        }
        if (frame.input.take(Key::Backspace)) {
            run().removeLastCollectivite();
        }
    }

    std::string audiencePhase() const override { return "carte-" + std::to_string(session_.run.position()); }

    std::vector<AudienceBlock> audienceBlocks() override {
        std::vector<AudienceBlock> blocks;
        blocks.push_back([this](Frame& frame, const AudienceStyle&) {
            heading(frame, "Quelles collectivités sont dans la salle ?", frame.services.fonts.title,
                    theme::kPrimary);
            paragraph(
                frame,
                "Chaque collectivité représentée choisit le profil qui lui ressemble le plus, d’après « " +
                    diagnostic().title + " ».",
                frame.services.fonts.body, theme::kTextMuted);
            verticalSpace(frame, 0.3f);
        });
        blocks.push_back(
            [this](Frame& frame, const AudienceStyle& style) { drawRows(frame, style.columns, false); });
        blocks.push_back([this](Frame& frame, const AudienceStyle&) { drawTotal(frame); });
        return blocks;
    }

    void drawPresenter(Frame& frame) override {
        heading(frame, "La carte de la salle", frame.services.fonts.heading, theme::kPrimary);
        drawRows(frame, 1, true);
        drawTotal(frame);
        presenterHint(frame,
                      "1 à " + std::to_string(diagnostic().profiles.size()) +
                          " : ajouter une collectivité à ce profil · Retour arrière : retirer la dernière");
    }

  private:
    const SelfDiagnostic& diagnostic() { return *run().step().diagnostic; }

    void drawRows(Frame& frame, int columns, bool presenter) {
        const auto counts = run().profileCounts(run().position());
        const int total = std::accumulate(counts.begin(), counts.end(), 0);
        const int largest = counts.empty() ? 0 : *std::max_element(counts.begin(), counts.end());
        const bool table =
            columns > 1 && ImGui::BeginTable("##profiles", columns, ImGuiTableFlags_SizingStretchSame);
        for (std::size_t p = 0; p < diagnostic().profiles.size(); ++p) {
            if (table) {
                ImGui::TableNextColumn();
            }
            const Profile& profile = diagnostic().profiles[p];
            RoomAnswerRow row;
            row.index = static_cast<int>(p);
            row.badge = std::to_string(p + 1);
            row.text = profile.title;
            row.note = profile.subtitle;
            row.count = counts[p];
            row.total = total;
            row.largest = largest;
            ImGui::PushID(static_cast<int>(p));
            if (roomAnswerRow(frame, row, plan()) && presenter) {
                run().addCollectivite(static_cast<int>(p));
            }
            ImGui::PopID();
        }
        if (table) {
            ImGui::EndTable();
        }
    }

    void drawTotal(Frame& frame) {
        const auto counts = run().profileCounts(run().position());
        const int total = std::accumulate(counts.begin(), counts.end(), 0);
        paragraph(frame, countNoun(total, "collectivité placée", "collectivités placées"),
                  frame.services.fonts.bold);
    }
};

}  // namespace

std::unique_ptr<AtelierStepView> makeAtelierMapView(AtelierSession& session, PresenterState& state) {
    return std::make_unique<MapView>(session, state);
}

}  // namespace passerelles::ui

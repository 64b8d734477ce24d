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

    void audiencePhase(std::string& out) const override {
        out.append("carte-").append(std::to_string(session_.run.position()));
    }

    void refresh(Frame&) override {
        counts_ = run().profileCounts(run().position());
        const int total = std::accumulate(counts_.begin(), counts_.end(), 0);
        total_ = countNoun(total, "collectivité placée", "collectivités placées");
        largest_ = counts_.empty() ? 0 : *std::max_element(counts_.begin(), counts_.end());
        sum_ = total;
        intro_ = "Chaque collectivité représentée choisit le profil qui lui ressemble le plus, d’après « " +
                 diagnostic().title + " ».";
        hint_ = "1 à " + std::to_string(diagnostic().profiles.size()) +
                " : ajouter une collectivité à ce profil · Retour arrière : retirer la dernière";
    }

    std::vector<AudienceBlock> audienceBlocks() override {
        std::vector<AudienceBlock> blocks;
        blocks.push_back([this](Frame& frame, const AudienceStyle&) {
            heading(frame, "Quelles collectivités sont dans la salle ?", frame.services.fonts.title,
                    theme::kPrimary);
            paragraph(frame, intro_, frame.services.fonts.body, theme::kTextMuted);
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
        presenterHint(frame, hint_);
    }

  private:
    const SelfDiagnostic& diagnostic() { return *run().step().diagnostic; }

    // Worked out by refresh(), when the run or the presenter's state changes.
    std::vector<int> counts_;  // per profile
    int sum_ = 0;
    int largest_ = 0;
    std::string total_;  // « 3 collectivités placées »
    std::string intro_;
    std::string hint_;

    void drawRows(Frame& frame, int columns, bool presenter) {
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
            row.count = p < counts_.size() ? counts_[p] : 0;
            row.total = sum_;
            row.largest = largest_;
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

    void drawTotal(Frame& frame) { paragraph(frame, total_, frame.services.fonts.bold); }
};

}  // namespace

std::unique_ptr<AtelierStepView> makeAtelierMapView(AtelierSession& session, PresenterState& state) {
    return std::make_unique<MapView>(session, state);
}

}  // namespace passerelles::ui

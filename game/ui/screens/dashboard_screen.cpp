// "Ma progression": per activity, mastery per theme, missed items; export or erase one's data.
#include "core/base/text.hpp"
#include "core/progress/progress_report.hpp"
#include "ui/screens/screens.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

namespace passerelles::ui {

namespace {

std::string duration(std::int64_t seconds) {
    if (seconds < 60) {
        return "moins d’une minute";
    }
    const std::int64_t minutes = seconds / 60;
    if (minutes < 60) {
        return std::to_string(minutes) + " min";
    }
    const std::int64_t rest = minutes % 60;
    return std::to_string(minutes / 60) + " h" +
           (rest > 0 ? " " + std::string(rest < 10 ? "0" : "") + std::to_string(rest) : std::string());
}

const char* itemsWord(ActivityKind kind, int count) {
    switch (kind) {
        case ActivityKind::Quiz:
            return count > 1 ? "questions" : "question";
        case ActivityKind::Myths:
            return count > 1 ? "cartes" : "carte";
        default:
            return count > 1 ? "parties" : "partie";
    }
}

class DashboardScreen final : public Screen {
  public:
    std::string title() const override { return "Ma progression"; }
    std::string kind() const override { return "dashboard"; }

    // Summaries are read on each visit, not each frame: nothing changes while the dashboard is shown.
    void onShow(Services&) override { refresh_ = true; }

    void draw(Frame& frame) override {
        ProgressService& progress = frame.services.progress;
        if (progress.isGuest() || progress.store() == nullptr) {
            paragraph(
                frame,
                "Vous jouez en invité : rien n’est enregistré. Choisissez un profil depuis l’accueil pour "
                "suivre votre progression.");
            return;
        }
        if (confirmingDelete_) {
            drawDeleteConfirmation(frame);
            return;
        }
        if (frame.input.take(Key::V)) {
            frame.navigator.replace(makeReviewScreen());
            return;
        }
        if (frame.input.take(Key::E)) {
            exportHistory(frame);
        }
        if (frame.input.take(Key::S)) {
            backupData(frame);
        }
        if (!report_ || refresh_) {
            report_ = buildProfileReport(frame.services.library, *progress.store(), progress.profile()->id);
            dueToday_ = progress.dueTodayCount();
            refresh_ = false;
        }
        const ProfileReport& report = *report_;
        heading(frame, "Progression de " + progress.profile()->name, frame.services.fonts.title,
                theme::kPrimary);
        paragraph(frame, formatInteger(report.results) +
                             (report.results > 1 ? " réponses enregistrées" : " réponse enregistrée") +
                             " · temps passé : " + duration(report.activeSeconds));
        verticalSpace(frame, 0.3f);
        const std::size_t due = dueToday_;
        if (button(frame, due > 0
                              ? ("Revoir mes erreurs (V) : " + std::to_string(due) + " aujourd’hui").c_str()
                              : "Revoir mes erreurs (V)")) {
            frame.navigator.replace(makeReviewScreen());
            return;
        }
        ImGui::SameLine();
        if (button(frame, "Exporter mon historique (E)", 0.0f, ButtonStyle::Secondary)) {
            exportHistory(frame);
        }
        ImGui::SameLine();
        if (button(frame, "Sauvegarder mes données (S)", 0.0f, ButtonStyle::Secondary)) {
            backupData(frame);
        }
        if (!message_.empty()) {
            sourceLine(frame, message_);
        }
        if (report.activities.empty()) {
            verticalSpace(frame, 0.5f);
            mutedText(frame,
                      "Rien encore : jouez un quiz, des idées reçues ou une mise en situation, et votre "
                      "progression apparaîtra ici.");
        }
        drawActivities(frame, report);
        drawThemes(frame, report);
        drawMissed(frame, report);
        verticalSpace(frame, 1.0f);
        if (button(frame, "Supprimer ce profil et toutes ses données…", 0.0f, ButtonStyle::Quiet)) {
            confirmingDelete_ = true;
        }
    }

    bool handleBack(Frame&) override {
        if (confirmingDelete_) {
            confirmingDelete_ = false;
            return true;
        }
        return false;
    }

  private:
    void exportHistory(Frame& frame) {
        const auto file = frame.services.progress.exportHistory();
        message_ = file ? "Historique exporté : " + file->string() : frame.services.progress.lastMessage();
    }

    // One file with every profile's data, safe to take while the game runs (unlike progress.db alone,
    // whose latest results may still be in progress.db-wal).
    void backupData(Frame& frame) { message_ = frame.services.progress.backupAndSay(); }

    void drawActivities(Frame& frame, const ProfileReport& report) {
        const Pack* currentPack = nullptr;
        for (const ActivityReport& activity : report.activities) {
            if (activity.pack != currentPack) {
                if (currentPack != nullptr) {
                    endPanel(frame);
                }
                currentPack = activity.pack;
                verticalSpace(frame, 0.3f);
                beginPanel(frame, theme::kSurface, theme::kBorder);
                heading(frame, currentPack->title);
            }
            paragraph(
                frame,
                std::string(activityKindLabel(activity.activity->kind)) + " · " + activity.activity->title,
                frame.services.fonts.bold);
            const float fraction = activity.itemsTotal > 0 ? static_cast<float>(activity.itemsSeen) /
                                                                 static_cast<float>(activity.itemsTotal)
                                                           : 0.0f;
            const std::string seen = std::to_string(activity.itemsSeen) + " / " +
                                     std::to_string(activity.itemsTotal) + " " +
                                     itemsWord(activity.activity->kind, activity.itemsTotal) + " vues, " +
                                     std::to_string(activity.itemsMastered) + " réussies";
            progressBar(frame, fraction, availableWidth() * 0.5f, frame.layout.unit * 0.5f, theme::kPrimary,
                        seen);
            std::string scores = "Temps : " + duration(activity.activeSeconds);
            if (activity.finishedSessions > 0) {
                scores += " · meilleur score : " + formatPercent(activity.bestRatio) +
                          " · dernier : " + formatPercent(activity.lastRatio) + " · " +
                          std::to_string(activity.finishedSessions) +
                          (activity.finishedSessions > 1 ? " parties terminées" : " partie terminée");
            }
            sourceLine(frame, scores);
            verticalSpace(frame, 0.2f);
        }
        if (currentPack != nullptr) {
            endPanel(frame);
        }
    }

    void drawThemes(Frame& frame, const ProfileReport& report) {
        if (report.themes.empty()) {
            return;
        }
        verticalSpace(frame, 0.3f);
        heading(frame, "Maîtrise par thème");
        sourceLine(frame,
                   "Dernière réponse à chaque question ou carte : juste 100 %, en partie 50 %, fausse 0 %.");
        const float labelWidth = std::min(availableWidth() * 0.4f, frame.layout.unit * 14.0f);
        for (const ThemeMastery& theme : report.themes) {
            ImGui::PushFont(frame.services.fonts.small);
            const std::string label = fitWithEllipsis(frame.services.fonts.small, theme.theme, labelWidth);
            ImGui::TextUnformatted(label.c_str());
            ImGui::PopFont();
            ImGui::SameLine(ImGui::GetCursorStartPos().x + labelWidth + frame.layout.unit * 0.5f);
            const ImU32 colour = theme.mastery >= 0.8   ? theme::kRight
                                 : theme.mastery >= 0.5 ? theme::kPartial
                                                        : theme::kWrong;
            progressBar(frame, static_cast<float>(theme.mastery), availableWidth() - frame.layout.unit * 8.0f,
                        frame.layout.unit * 0.5f, colour,
                        formatPercent(theme.mastery) + " (" + std::to_string(theme.items) + ")");
        }
    }

    void drawMissed(Frame& frame, const ProfileReport& report) {
        if (report.missed.empty()) {
            return;
        }
        verticalSpace(frame, 0.5f);
        heading(frame, "À retravailler (" + std::to_string(report.missed.size()) + ")");
        // A long history can miss thousands of items: a page of them reads better, and laying out every
        // one each frame would cost milliseconds. "Revoir mes erreurs" goes through them all.
        const std::size_t shown = std::min(report.missed.size(), kMissedShown);
        for (std::size_t i = 0; i < shown; ++i) {
            const ReviewItem& item = report.missed[i];
            const std::string text =
                item.question() != nullptr ? item.question()->text : "« " + item.card()->statement + " »";
            paragraph(frame, "- " + text);
        }
        if (shown < report.missed.size()) {
            mutedText(frame, "… et " + formatInteger(static_cast<long long>(report.missed.size() - shown)) +
                                 " autres : « Revoir mes erreurs » vous les propose jour après jour.");
        }
    }

    void drawDeleteConfirmation(Frame& frame) {
        ProgressService& progress = frame.services.progress;
        heading(frame, "Supprimer le profil « " + progress.profile()->name + " » ?",
                frame.services.fonts.title, theme::kWrong);
        paragraph(
            frame,
            "Toutes ses réponses, ses parties en cours et ses révisions seront effacées de cet ordinateur. "
            "Cette action est définitive. Exportez d’abord votre historique si vous voulez le garder.");
        verticalSpace(frame, 0.5f);
        if (button(frame, "Supprimer définitivement (Entrée)") || frame.input.take(Key::Enter)) {
            if (progress.deleteCurrentProfile()) {
                frame.navigator.resetTo(makeProfileScreen());
            } else {
                message_ = progress.lastMessage();
                confirmingDelete_ = false;
            }
            return;
        }
        ImGui::SameLine();
        if (button(frame, "Annuler (Échap)", 0.0f, ButtonStyle::Secondary)) {
            confirmingDelete_ = false;
        }
    }

    static constexpr std::size_t kMissedShown = 30;

    std::optional<ProfileReport> report_;
    std::size_t dueToday_ = 0;
    bool refresh_ = true;
    bool confirmingDelete_ = false;
    std::string message_;
};

}  // namespace

std::unique_ptr<Screen> makeDashboardScreen() {
    return std::make_unique<DashboardScreen>();
}

}  // namespace passerelles::ui

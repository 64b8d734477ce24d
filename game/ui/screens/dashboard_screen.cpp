// "Ma progression": daily goal and review settings, per activity (the ending reached, the profile found),
// mastery per theme, missed items opened with their answer; export or erase one's data.
#include <cstdio>
#include <set>

#include "core/base/text.hpp"
#include "core/progress/progress_report.hpp"
#include "ui/probe.hpp"
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
        if (frame.input.take(Key::O)) {
            openAll_ = !openAll_;
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
            readSettings(progress);
            opened_.clear();
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
        // The three buttons go to a second line rather than past the column (« Sauvegarder » did at
        // 1280×720).
        const float right = ImGui::GetCursorScreenPos().x + availableWidth();
        bool first = true;
        if (flowButton(frame,
                       due > 0 ? "Revoir mes erreurs (V) : " + std::to_string(due) + " aujourd’hui"
                               : std::string("Revoir mes erreurs (V)"),
                       true, first, right)) {
            frame.navigator.replace(makeReviewScreen());
            return;
        }
        if (flowButton(frame, "Exporter mon historique (E)", false, first, right)) {
            exportHistory(frame);
        }
        if (flowButton(frame, "Sauvegarder mes données (S)", false, first, right)) {
            backupData(frame);
        }
        if (!message_.empty()) {
            sourceLine(frame, message_);
        }
        drawGoalAndSettings(frame);
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
        message_ = file.ok() ? "Historique exporté : " + file.value().string() : file.error().message;
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
            const bool whole = activity.activity->kind == ActivityKind::Scenario ||
                               activity.activity->kind == ActivityKind::SelfDiagnostic;
            if (whole) {
                // A scenario or a self-diagnostic is one result: what it came to, not a bar at 100 %.
                const ImU32 colour = activity.activity->kind == ActivityKind::SelfDiagnostic ? theme::kPrimary
                                     : activity.lastOutcome == Outcome::Right                ? theme::kRight
                                     : activity.lastOutcome == Outcome::Partial              ? theme::kPartial
                                                                                             : theme::kWrong;
                if (!activity.lastOutcomeText.empty()) {
                    paragraph(frame,
                              activity.lastOutcomeText + " (le " + frenchDateOf(activity.lastPlayedAt) + ")",
                              nullptr, colour);
                }
            } else {
                const float fraction = activity.itemsTotal > 0 ? static_cast<float>(activity.itemsSeen) /
                                                                     static_cast<float>(activity.itemsTotal)
                                                               : 0.0f;
                const std::string seen = std::to_string(activity.itemsSeen) + " / " +
                                         std::to_string(activity.itemsTotal) + " " +
                                         itemsWord(activity.activity->kind, activity.itemsTotal) + " vues, " +
                                         std::to_string(activity.itemsMastered) + " réussies";
                progressBar(frame, fraction, availableWidth() * 0.5f, frame.layout.unit * 0.5f,
                            theme::kPrimary, seen);
            }
            std::string scores = "Temps : " + duration(activity.activeSeconds);
            if (activity.finishedSessions > 0 && !whole) {
                scores += " · meilleur score : " + formatPercent(activity.bestRatio) +
                          " · dernier : " + formatPercent(activity.lastRatio) + " · " +
                          std::to_string(activity.finishedSessions) +
                          (activity.finishedSessions > 1 ? " parties terminées" : " partie terminée");
            }
            if (whole && activity.finishedSessions > 0) {
                scores += " · " + std::to_string(activity.finishedSessions) +
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
        // The label on its own line, wrapped when long, the bar below it: no name is cut.
        for (const ThemeMastery& theme : report.themes) {
            paragraph(frame, theme.theme, frame.services.fonts.small);
            const ImU32 colour = theme.mastery >= 0.8   ? theme::kRight
                                 : theme.mastery >= 0.5 ? theme::kPartial
                                                        : theme::kWrong;
            progressBar(frame, static_cast<float>(theme.mastery), availableWidth() - frame.layout.unit * 5.0f,
                        frame.layout.unit * 0.5f, colour,
                        formatPercent(theme.mastery) + " (" + std::to_string(theme.items) + ")");
            verticalSpace(frame, 0.15f);
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
        mutedText(frame,
                  openAll_ ? "Toutes les réponses sont ouvertes (O pour les refermer)."
                           : "Ouvrez un élément pour voir la bonne réponse, l’explication et sa source (O : "
                             "tout ouvrir).");
        for (std::size_t i = 0; i < shown; ++i) {
            const ReviewItem& item = report.missed[i];
            const bool open = openAll_ || opened_.count(i) > 0;
            const std::string text =
                item.question() != nullptr ? item.question()->text : "« " + item.card()->statement + " »";
            paragraph(frame, "- " + text);
            sourceLine(frame, packAndActivity(item));
            ImGui::PushID(static_cast<int>(i));
            if (button(frame, open ? "Refermer" : "Voir la réponse", 0.0f, ButtonStyle::Quiet)) {
                if (open) {
                    openAll_ = false;
                    opened_.erase(i);
                } else {
                    opened_.insert(i);
                }
            }
            ImGui::PopID();
            if (open) {
                drawMissedItem(frame, item);
            }
        }
        if (shown < report.missed.size()) {
            mutedText(frame, "… et " + formatInteger(static_cast<long long>(report.missed.size() - shown)) +
                                 " autres : « Revoir mes erreurs » vous les propose jour après jour.");
        }
    }

    // « Pack : Cahier ludique … · Testez vos connaissances ».
    static std::string packAndActivity(const ReviewItem& item) {
        std::string where = "Pack : " + item.pack->title;
        for (const auto& activity : item.pack->activities) {
            if (activity.id == item.activityId) {
                where += " · " + activity.title;
            }
        }
        return where;
    }

    // A missed item opened: the right answer, the explanation and its source.
    void drawMissedItem(Frame& frame, const ReviewItem& item) {
        beginPanel(frame, theme::kSurface, theme::kBorder);
        const bool question = item.question() != nullptr;
        // Texts without letters: the options' order changes from play to play.
        for (const std::string& line : rightAnswerTexts(item)) {
            paragraph(frame, (question ? "Bonne réponse : " : "Meilleur argument : ") + line,
                      frame.services.fonts.bold, theme::kRight);
        }
        const std::string& explanation = question ? item.question()->explanation : item.card()->answer;
        if (!explanation.empty()) {
            paragraph(frame, explanation);
        }
        const auto& source = question ? item.question()->tags.source : item.card()->tags.source;
        if (source) {
            sourceLine(frame, "Source : " + item.pack->cite(*source));
        }
        endPanel(frame);
    }

    void readSettings(ProgressService& progress) {
        const ProfileSettings settings = progress.settings();
        goal_ = settings.dailyGoal;
        retention_ = settings.desiredRetention;
        goalText_ = describeDailyGoal(progress.dailyGoal());
    }

    // The daily goal and the desired retention, each with − and + (saved at once, read back once).
    void drawGoalAndSettings(Frame& frame) {
        ProgressService& progress = frame.services.progress;
        verticalSpace(frame, 0.3f);
        beginPanel(frame, theme::kPrimarySoft, 0);
        paragraph(frame, goalText_, frame.services.fonts.bold);
        bool changed = false;
        // Each − and + is also named for the probe ("goal:-"…): the labels alone are not unique.
        float rowY = 0.0f;  // the top of the row being drawn
        const auto step = [&](const char* label, const char* name, bool enabled) {
            ImGui::SetCursorPosY(rowY);
            const bool clicked = button(frame, label, 0.0f, ButtonStyle::Secondary, enabled);
            if (probe::enabled()) {
                probe::record(name, ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
            }
            return clicked;
        };
        const auto saved = [&](bool ok) {
            if (!ok) {
                message_ = progress.lastMessage();
            }
            return ok;
        };
        // Each row: its texts lowered to the middle of its buttons, every item placed from the row's top.
        const auto label = [&](const char* text) {
            ImGui::SetCursorPosY(rowY + frame.layout.unit * 0.5f);
            ImGui::TextUnformatted(text);
        };
        char value[32];
        rowY = ImGui::GetCursorPosY();
        label("Objectif : éléments par jour");
        ImGui::SameLine();
        if (step("\xE2\x88\x92##objectif", "goal:-", goal_ > 1)) {
            changed = saved(progress.setDailyGoal(goal_ - (goal_ > 10 ? 5 : 1)));
        }
        ImGui::SameLine();
        std::snprintf(value, sizeof value, "%d", goal_);
        label(value);
        ImGui::SameLine();
        if (step("+##objectif", "goal:+", goal_ < kMaximumDailyGoal)) {
            changed = saved(progress.setDailyGoal(goal_ + (goal_ >= 10 ? 5 : 1)));
        }
        rowY = ImGui::GetCursorPosY();
        label("Rétention visée");
        ImGui::SameLine();
        const int percent = static_cast<int>(retention_ * 100.0 + 0.5);
        if (step("\xE2\x88\x92##retention", "retention:-",
                 percent > static_cast<int>(kMinimumRetention * 100.0 + 0.5))) {
            changed = saved(progress.setDesiredRetention((percent - 1) / 100.0));
        }
        ImGui::SameLine();
        std::snprintf(value, sizeof value, "%d\xC2\xA0%%", percent);  // « 90 % » with a no-break space
        label(value);
        ImGui::SameLine();
        if (step("+##retention", "retention:+",
                 percent < static_cast<int>(kMaximumRetention * 100.0 + 0.5))) {
            changed = saved(progress.setDesiredRetention((percent + 1) / 100.0));
        }
        sourceLine(
            frame,
            "Les révisions reviennent quand vous avez encore environ ce pourcentage de chances de vous "
            "souvenir (FSRS, Free Spaced Repetition Scheduler, un algorithme de répétition espacée) : plus "
            "haut, elles reviennent plus souvent ; de 80 à 95 %.");
        endPanel(frame);
        if (changed) {
            readSettings(progress);
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
    std::set<std::size_t> opened_;  // missed items shown with their answer
    bool openAll_ = false;          // O: every missed item shown with its answer
    int goal_ = kDefaultDailyGoal;
    double retention_ = kDefaultRetention;
    std::string goalText_;
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

// Home screen: the bundled and user packs with their activities; broken packs with their problems.
#include <algorithm>

#include <unordered_map>

#include "core/base/text.hpp"
#include "core/progress/progress_report.hpp"
#include "core/progress/progress_service.hpp"
#include "ui/fills.hpp"
#include "ui/screens/screens.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

namespace passerelles::ui {

namespace {

// A place the keyboard focus can rest: an activity, or the problems of a pack.
struct Entry {
    std::size_t pack;
    std::size_t activity;  // kProblems: the pack's "Voir les problèmes" button
};
constexpr std::size_t kProblems = static_cast<std::size_t>(-1);

std::size_t packPanelsDrawn = 0;  // a work counter for tests: panels drawn since the start

class HomeScreen final : public Screen {
  public:
    std::string title() const override { return "Passerelles"; }
    std::string kind() const override { return "home"; }

    // Read once per visit, not per frame: reviews due, the daily goal, items seen per activity.
    void onShow(Services& services) override {
        ProgressService& progress = services.progress;
        dueToday_ = progress.dueTodayCount();
        goal_.clear();
        progressLabels_.clear();
        if (progress.isGuest() || !progress.available()) {
            return;
        }
        goal_ = describeDailyGoal(progress.dailyGoal());
        dueTomorrow_ = dueToday_ == 0 ? progress.dueTomorrowCount() : 0;
        std::unordered_map<std::string, int> seen;
        for (const auto& [key, count] : progress.itemsSeenPerActivity()) {
            seen[key.first + '\x1F' + key.second] = count;
        }
        for (const auto& pack : services.library.usablePacks()) {
            for (const auto& activity : pack->activities) {
                const auto found = seen.find(pack->id + '\x1F' + activity.id);
                if (found != seen.end()) {
                    progressLabels_[&activity] = activityProgressLabel(*pack, activity, found->second);
                }
            }
        }
    }

    void draw(Frame& frame) override {
        const auto& library = frame.services.library;
        rebuildEntries(library);
        if (handleProgressKeys(frame)) {
            return;
        }
        if (frame.input.take(Key::A)) {
            frame.navigator.push(makeAtelierComposerScreen());
            return;
        }
        handleKeys(frame, entries_);

        drawWhoPlays(frame);
        heading(frame, "Se former à l’action extérieure des collectivités territoriales (AECT)",
                frame.services.fonts.title, theme::kPrimary);
        mutedText(frame,
                  "Jumelages, coopération décentralisée, financements, acteurs et droit : des quiz, des "
                  "idées reçues à contrer et des mises en situation. Tout fonctionne sans connexion.");
        verticalSpace(frame, 0.5f);
        for (const auto& message : frame.services.startupMessages) {
            beginPanel(frame, theme::kPartialSoft, theme::kPartial);
            paragraph(frame, message);
            endPanel(frame);
        }
        if (frame.services.contentLoading) {
            // The packs load in the background: the game is usable meanwhile, and they appear together.
            mutedText(frame, formatInteger(static_cast<long long>(library.packs.size())) +
                                 (library.packs.size() > 1 ? " packs en cours de vérification…"
                                                           : " pack en cours de vérification…"));
        }
        if (library.packs.empty()) {
            beginPanel(frame, theme::kWrongSoft, theme::kWrong);
            paragraph(frame,
                      "Aucun pack de contenu n’a été trouvé. Vérifiez le dossier passé avec --content, ou "
                      "placez vos packs dans le dossier des packs personnels.");
            endPanel(frame);
        }
        drawPacks(frame, library);
        drawForTrainers(frame);
        verticalSpace(frame, 0.5f);
        keyHints(frame, {{"↑ ↓", "Choisir"},
                         {"Entrée", "Ouvrir"},
                         {"A", "Atelier"},
                         {"G", "Sigles"},
                         {"Ctrl +/−", "Taille du texte"},
                         {"Échap", "Quitter"}});
    }

  private:
    // P: my progress, V: review my mistakes, C: change profile (only where a store exists).
    bool handleProgressKeys(Frame& frame) {
        ProgressService& progress = frame.services.progress;
        if (!progress.available()) {
            return false;
        }
        if (frame.input.take(Key::C)) {
            frame.navigator.push(makeProfileScreen(true));
            return true;
        }
        if (progress.isGuest()) {
            return false;
        }
        if (frame.input.take(Key::P)) {
            frame.navigator.push(makeDashboardScreen());
            return true;
        }
        if (frame.input.take(Key::V)) {
            frame.navigator.push(makeReviewScreen());
            return true;
        }
        return false;
    }

    // The places the focus can rest, and each pack's first one: rebuilt when the packs change, not per frame.
    void rebuildEntries(const ContentLibrary& library) {
        if (builtFor_ == &library && builtGeneration_ == library.generation) {
            return;
        }
        builtFor_ = &library;
        builtGeneration_ = library.generation;
        entries_.clear();
        firstEntry_.clear();
        for (std::size_t p = 0; p < library.packs.size(); ++p) {
            firstEntry_.push_back(entries_.size());
            const PackLoad& load = library.packs[p].load;
            if (load.pack) {
                for (std::size_t a = 0; a < load.pack->activities.size(); ++a) {
                    entries_.push_back({p, a});
                }
            }
            if (!load.pack || !load.skippedActivities.empty()) {
                entries_.push_back({p, kProblems});
            }
        }
        heights_.assign(library.packs.size(), 0.0f);
        offsetsValid_ = false;
    }

    // Where each pack's panel starts below the first one: measured heights, estimated until drawn.
    void updateOffsets(float estimate) {
        if (offsetsValid_) {
            return;
        }
        offsets_.assign(heights_.size() + 1, 0.0f);
        for (std::size_t p = 0; p < heights_.size(); ++p) {
            offsets_[p + 1] = offsets_[p] + (heights_[p] > 0.0f ? heights_[p] : estimate);
        }
        offsetsValid_ = true;
    }

    // Only the panels inside the window are drawn; the others are space of their last measured height
    // (a first estimate until drawn). With 10,000 packs a frame drew 10,000 panels (0.46 s).
    void drawPacks(Frame& frame, const ContentLibrary& library) {
        const float width = availableWidth();
        if (width != measuredWidth_) {
            measuredWidth_ = width;  // wrapping changed: every height is measured again
            std::fill(heights_.begin(), heights_.end(), 0.0f);
            offsetsValid_ = false;
        }
        updateOffsets(frame.layout.unit * 8.0f);
        const float listTop = ImGui::GetCursorPosY();
        const float visibleTop = ImGui::GetScrollY() - listTop;
        const float visibleBottom = visibleTop + ImGui::GetWindowHeight();
        const auto after = std::upper_bound(offsets_.begin(), offsets_.end() - 1, std::max(0.0f, visibleTop));
        std::size_t p = static_cast<std::size_t>(std::max<std::ptrdiff_t>(0, after - offsets_.begin() - 1));
        ImGui::SetCursorPosY(listTop + offsets_[p]);
        bool focusDrawn = false;
        for (; p < library.packs.size() && offsets_[p] <= visibleBottom; ++p) {
            const float top = ImGui::GetCursorPosY();
            focusDrawn = focusDrawn || (focus_ >= firstEntry_[p] &&
                                        (p + 1 == firstEntry_.size() || focus_ < firstEntry_[p + 1]));
            drawPack(frame, p, library.packs[p], firstEntry_[p]);
            ++packPanelsDrawn;
            const float height = ImGui::GetCursorPosY() - top;
            if (height != heights_[p]) {
                heights_[p] = height;
                offsetsValid_ = false;
            }
        }
        updateOffsets(frame.layout.unit * 8.0f);
        if (scrollToFocus_ && !focusDrawn && focus_ < entries_.size()) {
            // The focused pack is off screen, not drawn: bring it into view; next frame centres it.
            ImGui::SetScrollY(listTop + offsets_[entries_[focus_].pack]);
        }
        ImGui::SetCursorPosY(listTop + offsets_.back());
    }

    void drawPack(Frame& frame, std::size_t p, const LoadedPack& loaded, std::size_t entryIndex) {
        if (loaded.pending) {
            beginPanel(frame, theme::kSurfaceMuted, theme::kBorder);
            mutedText(frame, "Pack « " + loaded.load.label + " » : en cours de vérification…");
            endPanel(frame);
            return;
        }
        if (!loaded.load.pack) {
            drawBrokenPack(frame, p, loaded, entryIndex == focus_);
            return;
        }
        const Pack& pack = *loaded.load.pack;
        beginPanel(frame, theme::kSurface, theme::kBorder);
        heading(frame, pack.title);
        if (!pack.description.empty()) {
            mutedText(frame, pack.description);
        }
        if (loaded.origin == "user") {
            chip(frame, "Pack personnel", theme::kPrimarySoft, theme::kPrimary);
        }
        verticalSpace(frame, 0.3f);
        for (std::size_t a = 0; a < pack.activities.size(); ++a, ++entryIndex) {
            drawActivityRow(frame, loaded.load.pack, pack.activities[a], entryIndex == focus_);
        }
        if (!loaded.load.skippedActivities.empty()) {
            verticalSpace(frame, 0.3f);
            const std::size_t count = loaded.load.skippedActivities.size();
            paragraph(frame,
                      std::to_string(count) + (count > 1 ? " activités de ce pack n’ont pas pu être chargées."
                                                         : " activité de ce pack n’a pas pu être chargée."),
                      nullptr, theme::kPartial);
            drawProblemsButton(frame, p, entryIndex == focus_);
        }
        endPanel(frame);
    }

    void drawForTrainers(Frame& frame) {
        beginPanel(frame, theme::kSurface, theme::kBorder);
        heading(frame, "Pour les animateurs");
        mutedText(frame,
                  "Un atelier au vidéoprojecteur : idées reçues débattues, questions en équipes ou à main "
                  "levée, mises en situation votées par la salle, et un compte rendu pour le réseau.");
        if (button(frame, "Animer un atelier (A)", 0.0f, ButtonStyle::Secondary)) {
            frame.navigator.push(makeAtelierComposerScreen());
        }
        endPanel(frame);
    }

    void drawWhoPlays(Frame& frame) {
        ProgressService& progress = frame.services.progress;
        if (!progress.available()) {
            return;
        }
        beginPanel(frame, theme::kPrimarySoft, 0);
        if (progress.isGuest()) {
            paragraph(frame, "Vous jouez en invité : rien n’est enregistré.");
            if (button(frame, "Choisir un profil (C)", 0.0f, ButtonStyle::Secondary)) {
                frame.navigator.push(makeProfileScreen(true));
            }
        } else {
            // Missed items come back tomorrow at the earliest: say so, rather than only « rien aujourd'hui ».
            const std::string due =
                dueToday_ > 0      ? std::to_string(dueToday_) + " à revoir aujourd’hui"
                : dueTomorrow_ > 0 ? "rien à revoir aujourd’hui, " + std::to_string(dueTomorrow_) + " demain"
                                   : "rien à revoir aujourd’hui";
            paragraph(frame, "Profil : " + progress.profile()->name + " · " + due, frame.services.fonts.bold);
            sourceLine(frame, goal_);
            if (button(frame, "Ma progression (P)", 0.0f, ButtonStyle::Secondary)) {
                frame.navigator.push(makeDashboardScreen());
            }
            ImGui::SameLine();
            if (button(frame, "Revoir mes erreurs (V)", 0.0f,
                       dueToday_ > 0 ? ButtonStyle::Primary : ButtonStyle::Secondary)) {
                frame.navigator.push(makeReviewScreen());
            }
            ImGui::SameLine();
            if (button(frame, "Changer de profil (C)", 0.0f, ButtonStyle::Quiet)) {
                frame.navigator.push(makeProfileScreen(true));
            }
        }
        endPanel(frame);
    }

    void handleKeys(Frame& frame, const std::vector<Entry>& entries) {
        if (entries.empty()) {
            return;
        }
        focus_ = std::min(focus_, entries.size() - 1);
        if (frame.input.take(Key::Down) || frame.input.take(Key::Tab)) {
            focus_ = (focus_ + 1) % entries.size();
            scrollToFocus_ = true;
        }
        if (frame.input.take(Key::Up)) {
            focus_ = (focus_ + entries.size() - 1) % entries.size();
            scrollToFocus_ = true;
        }
        if (frame.input.take(Key::Enter)) {
            const Entry& entry = entries[focus_];
            if (entry.activity == kProblems) {
                frame.navigator.push(makePackProblemsScreen(entry.pack));
                return;
            }
            const auto& pack = frame.services.library.packs[entry.pack].load.pack;
            open(frame, pack, pack->activities[entry.activity]);
        }
    }

    void open(Frame& frame, const std::shared_ptr<const Pack>& pack, const ActivityRef& activity) {
        if (auto screen = makeActivityScreen(pack, activity)) {
            frame.navigator.push(std::move(screen));
        }
    }

    void drawActivityRow(Frame& frame, const std::shared_ptr<const Pack>& pack, const ActivityRef& activity,
                         bool focused) {
        const float unit = frame.layout.unit;
        const float width = availableWidth();
        const float height = unit * 2.6f;
        const ImVec2 position = ImGui::GetCursorScreenPos();
        ImGui::PushID(activity.file.c_str());
        const bool clicked = ImGui::InvisibleButton("##activity", ImVec2(width, height));
        const bool hovered = ImGui::IsItemHovered();
        ImGui::PopID();
        if (focused && scrollToFocus_) {
            ImGui::SetScrollHereY(0.5f);
            scrollToFocus_ = false;
        }
        ImDrawList* drawList = ImGui::GetWindowDrawList();
        const ImVec2 end(position.x + width, position.y + height);
        fillRoundedRect(*drawList, position, end,
                        hovered || focused ? theme::kPrimarySoft : theme::kBackground, unit * 0.3f);
        if (focused) {
            outlineRoundedRect(*drawList, position, end, theme::kPrimary, unit * 0.3f,
                               std::max(2.0f, unit / 10.0f));
        }
        ImFont* small = frame.services.fonts.small;
        ImFont* bold = frame.services.fonts.bold;
        const char* kindLabel = activityKindLabel(activity.kind);
        const float kindWidth = unit * 8.5f;
        drawList->AddText(small, small->FontSize,
                          ImVec2(position.x + unit * 0.6f, position.y + (height - small->FontSize) * 0.5f),
                          activity.kind == ActivityKind::Myths ? theme::kAccent : theme::kPrimary, kindLabel);
        const auto progressLabel = progressLabels_.find(&activity);
        const std::string count = progressLabel != progressLabels_.end() ? progressLabel->second
                                                                         : activityItemCount(*pack, activity);
        const float countWidth = small->CalcTextSizeA(small->FontSize, FLT_MAX, 0.0f, count.c_str()).x;
        const float titleX = position.x + unit * 0.6f + kindWidth;
        const float titleWidth = width - kindWidth - countWidth - unit * 2.0f;
        const std::string shown = fitWithEllipsis(bold, activity.title, titleWidth);
        drawList->AddText(bold, bold->FontSize, ImVec2(titleX, position.y + (height - bold->FontSize) * 0.5f),
                          theme::kText, shown.c_str());
        drawList->AddText(
            small, small->FontSize,
            ImVec2(end.x - countWidth - unit * 0.6f, position.y + (height - small->FontSize) * 0.5f),
            theme::kTextMuted, count.c_str());
        if (clicked) {
            open(frame, pack, activity);
        }
    }

    void drawProblemsButton(Frame& frame, std::size_t packIndex, bool focused) {
        ImGui::PushID(static_cast<int>(packIndex));
        if (button(frame, focused ? "\xE2\x96\xB6 Voir les problèmes (Entrée)" : "Voir les problèmes", 0.0f,
                   focused ? ButtonStyle::Primary : ButtonStyle::Secondary)) {
            frame.navigator.push(makePackProblemsScreen(packIndex));
        }
        if (focused && scrollToFocus_) {
            ImGui::SetScrollHereY(0.5f);
            scrollToFocus_ = false;
        }
        ImGui::PopID();
    }

    void drawBrokenPack(Frame& frame, std::size_t index, const LoadedPack& loaded, bool focused) {
        beginPanel(frame, theme::kWrongSoft, theme::kWrong);
        heading(frame, "Pack « " + loaded.load.label + " » : il ne peut pas être joué", nullptr,
                theme::kWrong);
        const int errors = loaded.load.diagnostics.errorCount();
        paragraph(frame, std::to_string(errors) +
                             (errors > 1 ? " problèmes empêchent" : " problème empêche") +
                             " de le charger. Les autres packs restent utilisables.");
        drawProblemsButton(frame, index, focused);
        endPanel(frame);
    }

    std::size_t focus_ = 0;
    bool scrollToFocus_ = false;
    std::size_t dueToday_ = 0;
    std::size_t dueTomorrow_ = 0;
    std::string goal_;                                                    // the daily goal, in words
    std::unordered_map<const ActivityRef*, std::string> progressLabels_;  // « 12 / 18 questions »
    std::vector<Entry> entries_;
    std::vector<std::size_t> firstEntry_;  // per pack, its first entry
    std::vector<float> heights_;           // per pack, its panel's height when last drawn (0: not yet)
    std::vector<float> offsets_;           // per pack, where its panel starts; one more for the end
    bool offsetsValid_ = false;
    float measuredWidth_ = -1.0f;
    const ContentLibrary* builtFor_ = nullptr;
    std::uint64_t builtGeneration_ = static_cast<std::uint64_t>(-1);
};

}  // namespace

std::size_t homePackPanelsDrawn() {
    return packPanelsDrawn;
}

std::unique_ptr<Screen> makeHomeScreen() {
    return std::make_unique<HomeScreen>();
}

}  // namespace passerelles::ui

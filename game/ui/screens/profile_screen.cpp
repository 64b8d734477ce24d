// "Qui joue ?": choose a local profile, create or rename one, or play as a guest who records nothing.
#include <cstring>
#include <ctime>

#include <imgui_internal.h>  // ClearActiveID: Escape leaves the name field

#include "core/base/platform.hpp"
#include "core/progress/progress_service.hpp"
#include "ui/probe.hpp"
#include "ui/screens/screens.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

namespace passerelles::ui {

namespace {

std::string shortDate(std::int64_t seconds) {
    const std::time_t time = static_cast<std::time_t>(seconds);
    const std::tm local = platform::localTime(time);
    char buffer[32];
    std::strftime(buffer, sizeof buffer, "%d/%m/%Y", &local);
    return buffer;
}

class ProfileScreen final : public Screen {
  public:
    // `canGoBack`: reached from « Changer de profil » on the home screen, which is still below.
    explicit ProfileScreen(bool canGoBack) : canGoBack_(canGoBack) {}

    std::string title() const override { return "Qui joue ?"; }
    std::string kind() const override { return "profiles"; }

    // The list is read when the screen comes up and after each change, never per frame.
    void onShow(Services& services) override { reload(services.progress); }

    void draw(Frame& frame) override {
        ProgressService& progress = frame.services.progress;
        if (!loaded_) {
            reload(progress);
        }
        if (frame.input.take(Key::Enter) && name_[0] != '\0') {
            submit(frame);
            return;
        }
        // R then a profile's number renames it; a number alone plays as that profile.
        if (renaming_ == 0 && !rows_.empty() && frame.input.take(Key::R)) {
            pickingRename_ = !pickingRename_;
        }
        for (std::size_t i = 0; i < rows_.size() && i < 9 && renaming_ == 0; ++i) {
            if (frame.input.take(static_cast<Key>(static_cast<int>(Key::Digit1) + static_cast<int>(i)))) {
                if (pickingRename_) {
                    startRenaming(rows_[i]);
                    break;
                }
                choose(frame, rows_[i].id);
                return;
            }
        }
        if (frame.input.take(Key::I)) {
            playAsGuest(frame);
            return;
        }

        heading(frame, "Qui joue ?", frame.services.fonts.title, theme::kPrimary);
        mutedText(frame,
                  "Passerelles garde votre progression sur cet ordinateur, sans compte ni connexion : "
                  "choisissez votre profil pour retrouver où vous en êtes.");
        if (canGoBack_) {
            // The header's « Retour (Échap) » goes back too; this says that nothing changes then.
            sourceLine(frame, "Échap : revenir à l’accueil sans changer de profil.");
        }
        if (pickingRename_) {
            paragraph(frame, "Quel profil renommer ? Tapez son numéro (R : annuler).",
                      frame.services.fonts.bold, theme::kPrimary);
        } else if (!rows_.empty()) {
            sourceLine(frame, "1 à 9 : jouer sous ce profil · R puis son numéro : le renommer.");
        }
        verticalSpace(frame, 0.4f);
        for (std::size_t i = 0; i < rows_.size(); ++i) {
            const Row& row = rows_[i];
            if (button(frame, row.label.c_str(), availableWidth() * 0.55f,
                       i == 0 ? ButtonStyle::Primary : ButtonStyle::Secondary)) {
                choose(frame, row.id);
                return;
            }
            ImGui::SameLine();
            if (button(frame, row.renameLabel.c_str(), 0.0f, ButtonStyle::Quiet)) {
                startRenaming(row);
            }
            if (probe::enabled()) {  // every row's button says « Renommer »: named by profile for tests
                probe::record("rename:" + std::to_string(row.id), ImGui::GetItemRectMin(),
                              ImGui::GetItemRectMax());
            }
            if (!row.lastUsed.empty()) {
                ImGui::SameLine();
                ImGui::SetCursorPosY(ImGui::GetCursorPosY() + frame.layout.unit * 0.5f);
                sourceLine(frame, row.lastUsed);
            }
        }
        verticalSpace(frame, 0.5f);
        drawNameField(frame);
        const char* guestLabel = nameActive_ ? "Jouer en invité (Échap puis I) : rien n’est enregistré"
                                             : "Jouer en invité (I) : rien n’est enregistré";
        if (button(frame, guestLabel, 0.0f, ButtonStyle::Secondary)) {
            playAsGuest(frame);
            return;
        }
        verticalSpace(frame, 0.5f);
        sourceLine(frame, dataLine_);
        // Before handing the laptop on or reinstalling: every profile in one file, safe while the game runs.
        if (!rows_.empty() &&
            button(frame, "Sauvegarder les données de tous les profils", 0.0f, ButtonStyle::Quiet)) {
            backupMessage_ = progress.backupAndSay();
        }
        if (!backupMessage_.empty()) {
            sourceLine(frame, backupMessage_);
        }
    }

    // Escape first leaves the name field (its letters then become shortcuts again: I for guest), then
    // stops a renaming, then goes back home when the screen came from there.
    bool handleBack(Frame&) override {
        if (nameActive_) {
            ImGui::ClearActiveID();
            nameActive_ = false;
            return true;
        }
        if (renaming_ != 0 || pickingRename_) {
            stopRenaming();
            pickingRename_ = false;
            return true;
        }
        return false;
    }

  private:
    struct Row {
        std::int64_t id = 0;
        std::string name;
        std::string label;
        std::string renameLabel;
        std::string lastUsed;
    };

    void reload(ProgressService& progress) {
        rows_.clear();
        const auto profiles = progress.profiles();
        for (std::size_t i = 0; i < profiles.size(); ++i) {
            Row row;
            row.id = profiles[i].id;
            row.name = profiles[i].name;
            row.label = (i < 9 ? std::to_string(i + 1) + " · " : std::string()) + profiles[i].name + "##" +
                        std::to_string(profiles[i].id);
            row.renameLabel = "Renommer##" + std::to_string(profiles[i].id);
            if (profiles[i].lastUsedAt > 0) {
                row.lastUsed = "dernière séance le " + shortDate(profiles[i].lastUsedAt);
            }
            rows_.push_back(std::move(row));
        }
        dataLine_ = "Vos données : " + (progress.dataDirectory() / "progress.db").string() +
                    ". Vous pouvez les exporter ou les effacer depuis « Ma progression ».";
        loaded_ = true;
    }

    void drawNameField(Frame& frame) {
        beginPanel(frame, theme::kSurface, renaming_ != 0 ? theme::kPrimary : theme::kBorder);
        heading(frame, renaming_ != 0  ? renameHeading_
                       : rows_.empty() ? "Créez votre profil"
                                       : "Nouveau profil");
        paragraph(frame, renaming_ != 0 ? "Le nouveau nom, puis Entrée (Échap : annuler)."
                                        : "Un prénom ou un pseudonyme suffit.");
        if ((rows_.empty() || focusName_) && !focused_) {
            ImGui::SetKeyboardFocusHere();  // nobody yet, or a renaming begun: typing is what comes next
            focused_ = true;
            focusName_ = false;
        }
        ImGui::PushFont(frame.services.fonts.heading);
        ImGui::SetNextItemWidth(availableWidth() * (renaming_ != 0 ? 0.5f : 0.6f));  // room for « Annuler »
        ImGui::InputText("##nom", name_, sizeof name_);
        nameActive_ = ImGui::IsItemActive();
        ImGui::PopFont();
        ImGui::SameLine();
        if (button(frame, renaming_ != 0 ? "Renommer (Entrée)" : "Créer (Entrée)", 0.0f, ButtonStyle::Primary,
                   name_[0] != '\0')) {
            submit(frame);
        }
        if (renaming_ != 0) {
            ImGui::SameLine();
            if (button(frame, "Annuler", 0.0f, ButtonStyle::Quiet)) {
                stopRenaming();
            }
        }
        if (!error_.empty()) {
            paragraph(frame, error_, nullptr, theme::kWrong);
        }
        endPanel(frame);
    }

    void startRenaming(const Row& row) {
        pickingRename_ = false;
        renaming_ = row.id;
        renameHeading_ = "Renommer « " + row.name + " »";
        std::strncpy(name_, row.name.c_str(), sizeof name_ - 1);
        name_[sizeof name_ - 1] = '\0';
        error_.clear();
        ImGui::ClearActiveID();  // the field starts afresh, the current name selected: typing replaces it
        focused_ = false;
        focusName_ = true;
    }

    void stopRenaming() {
        renaming_ = 0;
        name_[0] = '\0';
        error_.clear();
    }

    void submit(Frame& frame) {
        ProgressService& progress = frame.services.progress;
        if (renaming_ == 0) {
            if (progress.createProfile(name_)) {
                frame.navigator.resetTo(makeHomeScreen());
            } else {
                refuse(progress.lastMessage());
            }
            return;
        }
        if (progress.renameProfile(renaming_, name_)) {
            stopRenaming();
            reload(progress);
        } else {
            refuse(progress.lastMessage());
        }
    }

    // The reason (it quotes the refused name), and the field emptied with the keyboard in it for another.
    void refuse(const std::string& reason) {
        error_ = reason;
        name_[0] = '\0';
        ImGui::ClearActiveID();
        focused_ = false;
        focusName_ = true;
    }

    void choose(Frame& frame, std::int64_t id) {
        if (frame.services.progress.chooseProfile(id)) {
            frame.navigator.resetTo(makeHomeScreen());
        }
    }
    void playAsGuest(Frame& frame) {
        frame.services.progress.playAsGuest();
        frame.navigator.resetTo(makeHomeScreen());
    }

    bool canGoBack_;
    bool loaded_ = false;
    std::vector<Row> rows_;
    std::string dataLine_;
    char name_[128] = {};
    std::string error_;
    bool focused_ = false;
    bool focusName_ = false;
    bool nameActive_ = false;
    std::int64_t renaming_ = 0;   // the profile being renamed, or 0
    bool pickingRename_ = false;  // R pressed: the next number names the profile to rename
    std::string renameHeading_;
    std::string backupMessage_;
};

}  // namespace

std::unique_ptr<Screen> makeProfileScreen(bool canGoBack) {
    return std::make_unique<ProfileScreen>(canGoBack);
}

}  // namespace passerelles::ui

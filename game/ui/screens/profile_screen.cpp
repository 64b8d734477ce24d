// "Qui joue ?": choose a local profile, create one, or play as a guest who records nothing.
#include <cstring>
#include <ctime>

#include <imgui_internal.h>  // ClearActiveID: Escape leaves the name field

#include "core/base/platform.hpp"
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
    std::string title() const override { return "Qui joue ?"; }
    std::string kind() const override { return "profiles"; }

    void draw(Frame& frame) override {
        ProgressService& progress = frame.services.progress;
        const auto profiles = progress.profiles();
        if (frame.input.take(Key::Enter) && name_[0] != '\0') {
            create(frame);
            return;
        }
        for (std::size_t i = 0; i < profiles.size() && i < 9; ++i) {
            if (frame.input.take(static_cast<Key>(static_cast<int>(Key::Digit1) + static_cast<int>(i)))) {
                choose(frame, profiles[i].id);
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
        verticalSpace(frame, 0.4f);
        for (std::size_t i = 0; i < profiles.size(); ++i) {
            const std::string label = (i < 9 ? std::to_string(i + 1) + " · " : std::string()) +
                                      profiles[i].name + "##" + std::to_string(profiles[i].id);
            if (button(frame, label.c_str(), availableWidth() * 0.6f,
                       i == 0 ? ButtonStyle::Primary : ButtonStyle::Secondary)) {
                choose(frame, profiles[i].id);
                return;
            }
            if (profiles[i].lastUsedAt > 0) {
                ImGui::SameLine();
                ImGui::SetCursorPosY(ImGui::GetCursorPosY() + frame.layout.unit * 0.5f);
                sourceLine(frame, "dernière séance le " + shortDate(profiles[i].lastUsedAt));
            }
        }
        verticalSpace(frame, 0.5f);
        beginPanel(frame, theme::kSurface, theme::kBorder);
        heading(frame, profiles.empty() ? "Créez votre profil" : "Nouveau profil");
        paragraph(frame, "Un prénom ou un pseudonyme suffit.");
        if (profiles.empty() && !focused_) {
            ImGui::SetKeyboardFocusHere();  // nobody yet: typing a name is the only thing to do
            focused_ = true;
        }
        ImGui::PushFont(frame.services.fonts.heading);
        ImGui::SetNextItemWidth(availableWidth() * 0.6f);
        ImGui::InputText("##nom", name_, sizeof name_);
        nameActive_ = ImGui::IsItemActive();
        ImGui::PopFont();
        ImGui::SameLine();
        if (button(frame, "Créer (Entrée)", 0.0f, ButtonStyle::Primary, name_[0] != '\0')) {
            create(frame);
            endPanel(frame);
            return;
        }
        if (!error_.empty()) {
            paragraph(frame, error_, nullptr, theme::kWrong);
        }
        endPanel(frame);
        const char* guestLabel = nameActive_ ? "Jouer en invité (Échap puis I) : rien n’est enregistré"
                                             : "Jouer en invité (I) : rien n’est enregistré";
        if (button(frame, guestLabel, 0.0f, ButtonStyle::Secondary)) {
            playAsGuest(frame);
            return;
        }
        verticalSpace(frame, 0.5f);
        sourceLine(frame, "Vos données : " + (progress.dataDirectory() / "progress.db").string() +
                              ". Vous pouvez les exporter ou les effacer depuis « Ma progression ».");
        // Before handing the laptop on or reinstalling: every profile in one file, safe while the game runs.
        if (!profiles.empty() &&
            button(frame, "Sauvegarder les données de tous les profils", 0.0f, ButtonStyle::Quiet)) {
            backupMessage_ = progress.backupAndSay();
        }
        if (!backupMessage_.empty()) {
            sourceLine(frame, backupMessage_);
        }
    }

    // Escape first leaves the name field (its letters then become shortcuts again: I for guest).
    bool handleBack(Frame&) override {
        if (!nameActive_) {
            return false;
        }
        ImGui::ClearActiveID();
        nameActive_ = false;
        return true;
    }

  private:
    void choose(Frame& frame, std::int64_t id) {
        if (frame.services.progress.chooseProfile(id)) {
            frame.navigator.resetTo(makeHomeScreen());
        }
    }
    void create(Frame& frame) {
        if (frame.services.progress.createProfile(name_)) {
            frame.navigator.resetTo(makeHomeScreen());
        } else {
            error_ = frame.services.progress.lastMessage();
        }
    }
    void playAsGuest(Frame& frame) {
        frame.services.progress.playAsGuest();
        frame.navigator.resetTo(makeHomeScreen());
    }

    char name_[128] = {};
    std::string error_;
    bool focused_ = false;
    bool nameActive_ = false;
    std::string backupMessage_;
};

}  // namespace

std::unique_ptr<Screen> makeProfileScreen() {
    return std::make_unique<ProfileScreen>();
}

}  // namespace passerelles::ui

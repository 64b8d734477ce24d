// Behind the trainer's PIN: the day's counters and their CSV, the booth's settings, and the way out.
#include <algorithm>

#include <imgui.h>

#include "core/base/file_writing.hpp"
#include "core/base/text.hpp"
#include "ui/screens/borne_session.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

namespace passerelles::ui {

namespace {

class BorneTrainerScreen final : public Screen {
  public:
    enum class Step { ChoosePin, ConfirmPin, AskPin, Unlocked, Locked };

    explicit BorneTrainerScreen(std::shared_ptr<BorneSession> session)
        : session_(std::move(session)), step_(firstStep(session_->settings)) {}

    // The PIN is chosen at the screen only on a genuinely first start; a booth whose PIN was lost (a
    // damaged borne.json) waits for one set from the command line.
    static Step firstStep(const BorneSettings& settings) {
        if (settings.hasPin()) {
            return Step::AskPin;
        }
        return settings.pinChoiceAtScreen ? Step::ChoosePin : Step::Locked;
    }

    std::string title() const override { return "Borne : espace animateur"; }
    std::string kind() const override { return "borne-trainer"; }
    Chrome chrome() const override { return Chrome::Bare; }
    double secondsUntilWake(double now) const override {
        const double idle = session_->secondsUntilIdle(now) + 0.05;
        // The countdown on the pad moves every second; a locked booth looks for a PIN set from a terminal.
        return locked_ || step_ == Step::Locked ? std::min(idle, 1.0) : idle;
    }
    bool handleBack(Frame& frame) override {
        if (session_->settings.hasPin()) {
            backToBooth(frame);
        }
        return true;
    }

    void draw(Frame& frame) override {
        // Left open, the trainer's space closes itself like the rest of the booth (not at first setup).
        if (session_->idle(frame) && session_->settings.hasPin()) {
            backToBooth(frame);
            return;
        }
        verticalSpace(frame, 0.5f);
        switch (step_) {
            case Step::ChoosePin:
            case Step::ConfirmPin:
                drawChoosePin(frame);
                break;
            case Step::AskPin:
                drawAskPin(frame);
                break;
            case Step::Unlocked:
                drawUnlocked(frame);
                break;
            case Step::Locked:
                drawLocked(frame);
                break;
        }
    }

  private:
    void drawChoosePin(Frame& frame) {
        heading(frame, "Mise en route de la borne", frame.services.fonts.title);
        paragraph(frame,
                  step_ == Step::ChoosePin
                      ? "Choisissez un code de 4 à 8 chiffres. Il sera demandé pour voir les compteurs et "
                        "pour quitter la borne (touches Ctrl+Maj+B)."
                      : "Tapez le même code une seconde fois.");
        if (!message_.empty()) {
            outcomeMessage(frame, message_, true);
        }
        if (!pinPad(frame, typed_)) {
            return;
        }
        if (step_ == Step::ChoosePin) {
            if (!validBornePin(typed_)) {
                message_ = "Le code doit compter de 4 à 8 chiffres.";
                typed_.clear();
                return;
            }
            chosen_ = typed_;
            typed_.clear();
            message_.clear();
            step_ = Step::ConfirmPin;
            return;
        }
        if (typed_ != chosen_) {
            message_ = "Les deux codes diffèrent : recommencez.";
            typed_.clear();
            step_ = Step::ChoosePin;
            return;
        }
        session_->settings.setPin(chosen_);
        typed_.clear();
        const auto saved = session_->saveSettings();
        message_ = saved.ok() ? "Code enregistré." : saved.error().message;
        failed_ = !saved.ok();
        step_ = Step::Unlocked;
    }

    void drawLocked(Frame& frame) {
        heading(frame, "Borne verrouillée", frame.services.fonts.title);
        if (!session_->notice.empty()) {
            outcomeMessage(frame, session_->notice, true);
        }
        paragraph(frame,
                  "Cette borne n’a pas de code : ses réglages ont été perdus ou modifiés à la main. Par "
                  "sécurité, le code ne peut pas être choisi sur cet écran.");
        paragraph(frame, "Pour choisir le code, ouvrez un terminal sur cet ordinateur et tapez :");
        const std::string folder =
            session_->dataDirectory.empty() ? std::string("DOSSIER") : session_->dataDirectory.string();
        paragraph(frame, "passerelles --borne --set-pin --data-dir \"" + folder + "\"",
                  frame.services.fonts.heading);
        paragraph(frame,
                  "puis le code (4 à 8 chiffres) et Entrée. La borne s’ouvre d’elle-même dans les secondes "
                  "qui suivent.");
        // The command writes borne.json: read it again every two seconds (a small file).
        const double now = frame.services.now();
        if (session_->dataDirectory.empty() || now - lastLookForPin_ < 2.0) {
            return;
        }
        lastLookForPin_ = now;
        BorneSettings settings = loadBorneSettings(session_->dataDirectory / "borne.json").settings;
        if (settings.hasPin()) {
            session_->settings = std::move(settings);
            session_->notice.clear();
            session_->lockout =
                PinLockout(session_->store ? session_->store->pinLockout() : PinLockoutState{});
            session_->rebuildPool();
            step_ = Step::AskPin;
        }
    }

    void drawAskPin(Frame& frame) {
        heading(frame, "Espace animateur", frame.services.fonts.title);
        paragraph(frame, "Code de la borne :");
        // The lock (PinLockout) is counted across openings and restarts: reopening with Ctrl+Maj+B gives
        // no new tries; while it lasts, a code typed is not even checked.
        const std::int64_t now = session_->wallSeconds(frame.services.now());
        const std::int64_t left = session_->lockout.secondsLeft(now);
        locked_ = left > 0;
        if (locked_) {
            message_ = "Code incorrect. Nouvel essai possible dans " + formatLockoutDelay(left) + ".";
        }
        if (!message_.empty()) {
            outcomeMessage(frame, message_, true);
        }
        if (!pinPad(frame, typed_)) {
            return;
        }
        const std::string typed = std::move(typed_);
        typed_.clear();
        if (locked_) {
            return;
        }
        if (session_->settings.checkPin(typed)) {
            session_->lockout.succeed();
            session_->saveLockout();
            message_.clear();
            step_ = Step::Unlocked;
            return;
        }
        const bool seriesEnded = session_->lockout.fail(now);
        session_->saveLockout();
        if (seriesEnded) {
            backToBooth(frame);  // a visitor trying codes goes back to the game
            return;
        }
        message_ = "Code incorrect.";
    }

    void drawUnlocked(Frame& frame) {
        const float unit = frame.layout.unit;
        if (!counters_) {
            refresh();
        }
        heading(frame, countersTitle_, frame.services.fonts.title);
        if (!session_->notice.empty()) {
            outcomeMessage(frame, session_->notice, true);
        }
        beginPanel(frame, theme::kSurface, theme::kBorder);
        paragraph(frame, countersLine_, frame.services.fonts.heading);
        if (!missedLines_.empty()) {
            verticalSpace(frame, 0.3f);
            mutedText(frame, "Les questions les plus manquées\u00A0:");
            for (const std::string& line : missedLines_) {
                paragraph(frame, line);
            }
        }
        if (!leadersLine_.empty()) {
            verticalSpace(frame, 0.3f);
            mutedText(frame, leadersLine_);
        }
        endPanel(frame);
        verticalSpace(frame, 0.3f);
        if (button(frame, "Exporter en CSV (E)") || frame.input.take(Key::E)) {
            exportCsv();
        }
        ImGui::SameLine(0.0f, unit * 0.5f);
        if (button(frame, "Actualiser", 0.0f, ButtonStyle::Secondary)) {
            refresh();
        }
        if (!message_.empty()) {
            outcomeMessage(frame, message_, failed_);
        }
        verticalSpace(frame, 0.5f);
        drawSettings(frame);
        verticalSpace(frame, 0.5f);
        if (button(frame, "Reprendre la borne (Échap)")) {
            backToBooth(frame);
        }
        ImGui::SameLine(0.0f, unit * 0.5f);
        if (button(frame, "Changer le code", 0.0f, ButtonStyle::Secondary)) {
            step_ = Step::ChoosePin;
            message_.clear();
        }
        ImGui::SameLine(0.0f, unit * 0.5f);
        if (button(frame, "Quitter Passerelles", 0.0f, ButtonStyle::Secondary)) {
            frame.navigator.quit();
        }
    }

    void drawSettings(Frame& frame) {
        BorneSettings& settings = session_->settings;
        beginPanel(frame, theme::kSurface, theme::kBorder);
        heading(frame, "Réglages");
        bool changed = false;
        mutedText(frame, "Thèmes des questions (aucun choisi : tous) :");
        const float right = ImGui::GetCursorScreenPos().x + availableWidth();
        bool first = true;
        if (themes_.empty()) {
            themes_ = bornePoolThemes(session_->packs);
            themeButtons_.clear();
            for (const auto& theme : themes_) {
                themeButtons_.push_back(theme.label + "##" + theme.id);
            }
        }
        for (std::size_t t = 0; t < themes_.size(); ++t) {
            const auto& theme = themes_[t];
            const auto found = std::find(settings.themes.begin(), settings.themes.end(), theme.id);
            if (flowButton(frame, themeButtons_[t], found != settings.themes.end(), first, right)) {
                if (found == settings.themes.end()) {
                    settings.themes.push_back(theme.id);
                } else {
                    settings.themes.erase(found);
                }
                changed = true;
            }
        }
        if (changed || poolLine_.empty()) {
            if (changed) {
                session_->rebuildPool();  // only when the themes change, never per frame
            }
            poolLine_ =
                countNoun(static_cast<int>(session_->pool.questions.size()), "question", "questions") +
                " et " +
                countNoun(static_cast<int>(session_->pool.cards.size()), "idée reçue", "idées reçues") +
                " pour ces thèmes.";
        }
        mutedText(frame, poolLine_);
        verticalSpace(frame, 0.3f);
        if (countField(frame, "Questions par partie", settings.questions, false, theme::kPrimary)) {
            settings.questions = std::clamp(settings.questions, 1, 10);
            changed = true;
        }
        if (countField(frame, "Retour à l’accueil après (secondes sans geste)", settings.idleSeconds, false,
                       theme::kPrimary, 15)) {
            settings.idleSeconds = std::clamp(settings.idleSeconds, 15, 600);
            changed = true;
        }
        changed |= ImGui::Checkbox("Commencer par une idée reçue", &settings.withCard);
        changed |= ImGui::Checkbox("Proposer un pseudo pour le classement du jour", &settings.leaderboard);
        endPanel(frame);
        if (changed) {
            const auto saved = session_->saveSettings();
            failed_ = !saved.ok();
            message_ = failed_ ? saved.error().message : "Réglages enregistrés.";
        }
    }

    // Reads the day's counters once (on opening, « Actualiser », an export) and keeps the lines drawn.
    void refresh() {
        const std::string day = session_->today();
        if (session_->store) {
            counters_ = session_->store->counters(day, session_->packs);
        } else {
            counters_.emplace();
            counters_->day = day;
        }
        leaders_ = session_->store ? session_->store->leaders(day, 10) : std::vector<BorneLeader>{};
        countersTitle_ = "Compteurs du jour · " + formatFrenchDate(counters_->day);
        countersLine_ = countNoun(counters_->rounds, "partie jouée", "parties jouées") + " · score moyen " +
                        formatDecimal(counters_->averagePercent, 0) + "\u00A0% · " +
                        countNoun(counters_->abandoned, "partie abandonnée", "parties abandonnées");
        missedLines_.clear();
        for (const auto& missed : counters_->mostMissed) {
            missedLines_.push_back(std::to_string(missed.missed) + " sur " + std::to_string(missed.asked) +
                                   " · " + missed.text);
        }
        leadersLine_ = leaders_.empty() ? std::string() : "Classement\u00A0: " + formatLeaders(leaders_);
    }

    void exportCsv() {
        refresh();
        if (!session_->store || session_->dataDirectory.empty()) {
            failed_ = true;
            message_ = "Pas de compteurs à exporter : la borne n’a pas de dossier de données.";
            return;
        }
        const auto file = session_->dataDirectory / "borne" /
                          ("compteurs-" + counters_->day + "-" + formatLocalTimeNow("%H%M%S") + ".csv");
        std::error_code code;
        std::filesystem::create_directories(file.parent_path(), code);
        const auto written = writeFileAtomically(file, session_->store->countersCsv(*counters_));
        failed_ = !written.ok();
        message_ =
            failed_ ? written.error().message : "Compteurs écrits dans " + guillemets(file.string()) + ".";
        lastExport_ = failed_ ? std::filesystem::path() : file;
    }

    void backToBooth(Frame& frame) { frame.navigator.resetTo(makeBorneAttractScreen(session_)); }

    std::shared_ptr<BorneSession> session_;
    Step step_;
    std::string typed_;
    std::string chosen_;
    std::string message_;
    bool failed_ = false;
    bool locked_ = false;
    double lastLookForPin_ = -10.0;
    std::optional<BorneDayCounters> counters_;
    std::vector<BorneLeader> leaders_;
    std::string countersTitle_;
    std::string countersLine_;
    std::vector<std::string> missedLines_;
    std::string leadersLine_;
    std::string poolLine_;  // how many questions and cards the chosen themes give
    std::vector<VocabularyEntry> themes_;
    std::vector<std::string> themeButtons_;  // "label##id", built with themes_
    std::filesystem::path lastExport_;
};

}  // namespace

std::unique_ptr<Screen> makeBorneTrainerScreen(std::shared_ptr<BorneSession> session) {
    return std::make_unique<BorneTrainerScreen>(std::move(session));
}

}  // namespace passerelles::ui

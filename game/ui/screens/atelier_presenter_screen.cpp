// The workshop as it runs: navigation, overlays, the room's view fitted to its window and the trainer's.
//
// Sections: construction and journal · keys and navigation · the room's view · the trainer's view ·
// overlays (help, scores, leaving, phones).
#include "ui/screens/atelier_presenter_screen.hpp"

#include <algorithm>
#include <cmath>
#include <functional>

#include "core/atelier/atelier_resume.hpp"
#include "core/base/file_writing.hpp"
#include "core/base/text.hpp"
#include "core/progress/progress_service.hpp"
#include "ui/screens/phone_room_views.hpp"
#include "ui/screens/screens.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

namespace passerelles::ui {

AtelierPresenterScreen::AtelierPresenterScreen(std::shared_ptr<AtelierSession> session)
    : session_(std::move(session)),
      onCover_(!session_->resumed),
      cover_(makeAtelierCoverView(*session_, state_)),
      question_(makeAtelierQuestionView(*session_, state_)),
      card_(makeAtelierCardView(*session_, state_)),
      scenario_(makeAtelierScenarioView(*session_, state_)),
      map_(makeAtelierMapView(*session_, state_)),
      journalSaved_(session_->run.journal().size()) {
    shownPosition_ = session_->run.position();
}

AtelierPresenterScreen::~AtelierPresenterScreen() = default;

AtelierStepView& AtelierPresenterScreen::view() {
    const AtelierRun& run = session_->run;
    if (onCover_ || run.stepCount() == 0) {
        return *cover_;
    }
    const ResolvedStep& step = run.step();
    return step.question != nullptr   ? *question_
           : step.card != nullptr     ? *card_
           : step.scenario != nullptr ? *scenario_
                                      : *map_;
}

void AtelierPresenterScreen::saveJournal(Frame& frame) {
    const auto& data = frame.services.progress.dataDirectory();
    if (data.empty() || session_->run.journal().size() == journalSaved_) {
        return;
    }
    const auto file = savedWorkshopPath(data);
    std::error_code code;
    std::filesystem::create_directories(file.parent_path(), code);
    const auto written =
        writeFileAtomically(file, savedWorkshopJson(session_->run, formatLocalTimeNow("%Y-%m-%d")));
    if (written.ok()) {
        journalSaved_ = session_->run.journal().size();
    } else if (state_.notice.empty()) {
        state_.notice = "L’atelier en cours n’a pas pu être enregistré : " + written.error().message;
    }
}

// ------------------------------------------------------------------------------------------------
// Keys and navigation
// ------------------------------------------------------------------------------------------------

double AtelierPresenterScreen::secondsUntilWake(double now) const {
    const double tick = countdown_.secondsUntilTick(now);
    if (!session_->phones.isOpen()) {
        return tick;
    }
    // Phones answer without a key being pressed: redraw often enough for the counts to look live.
    constexpr double kPhoneRefresh = 0.25;
    return tick < 0.0 ? kPhoneRefresh : std::min(tick, kPhoneRefresh);
}

bool AtelierPresenterScreen::handleBack(Frame&) {
    if (helpOpen_ || scoreboardOpen_ || leaveOpen_ || phonesPanelOpen_) {
        helpOpen_ = scoreboardOpen_ = leaveOpen_ = phonesPanelOpen_ = false;
        return true;
    }
    leaveOpen_ = true;  // leaving loses the room's answers: ask first
    return true;
}

void AtelierPresenterScreen::leaveStep() {
    state_.leaveStep();
    page_ = 0;
    countdown_.reset();
}

void AtelierPresenterScreen::goTo(Frame& frame, bool forward) {
    AtelierRun& run = session_->run;
    if (onCover_) {
        if (forward && run.stepCount() > 0) {
            onCover_ = false;
            page_ = 0;
            if (session_->startedAt < 0.0) {
                session_->startedAt = frame.services.now();
            }
        }
        return;
    }
    // First the pages of what the room sees, then the step's own phases, then the next step.
    if (forward && page_ + 1 < lastFit_.pages) {
        ++page_;
        return;
    }
    if (!forward && page_ > 0) {
        --page_;
        return;
    }
    if (forward ? view().forward() : view().backward()) {
        page_ = 0;
        return;
    }
    leaveStep();
    if (forward) {
        if (!run.next()) {
            openEndScreen(frame);  // past the last step: the workshop's summary, from which Esc comes back
        }
    } else if (!run.previous()) {
        onCover_ = true;
    }
}

bool AtelierPresenterScreen::handleOverlayKeys(Frame& frame) {
    FrameInput& input = frame.input;
    if (leaveOpen_) {
        if (input.take(Key::Enter)) {
            leaveOpen_ = false;
            openEndScreen(frame);
        }
        return true;
    }
    if (input.take(Key::H) || input.take(Key::F1)) {
        helpOpen_ = !helpOpen_;
        scoreboardOpen_ = phonesPanelOpen_ = false;
    }
    if (session_->run.teamMode() && input.take(Key::S)) {
        scoreboardOpen_ = !scoreboardOpen_;
        helpOpen_ = phonesPanelOpen_ = false;
    }
    if (input.take(Key::P)) {
        togglePhones(frame);
    }
    return helpOpen_ || scoreboardOpen_ || phonesPanelOpen_;
}

void AtelierPresenterScreen::togglePhones(Frame& frame) {
    helpOpen_ = scoreboardOpen_ = false;
    if (phonesPanelOpen_) {
        phonesPanelOpen_ = false;
        return;
    }
    std::string error;
    if (!session_->phones.open(frame.services.settings.roomPort, error)) {
        state_.notice = "La salle connectée n’a pas pu s’ouvrir : " + error;
        return;
    }
    state_.notice.clear();
    phonesPanelOpen_ = true;
}

void AtelierPresenterScreen::handleKeys(Frame& frame) {
    FrameInput& input = frame.input;
    if (!audienceWindow_ && input.take(Key::O)) {
        overlayOpen_ = !overlayOpen_;
    }
    if (handleOverlayKeys(frame)) {
        return;
    }
    if (onCover_) {
        if (input.take(Key::Space) || input.take(Key::Enter)) {
            goTo(frame, true);
        }
    } else if (view().enterMovesOn() && (input.take(Key::Enter) || input.take(Key::Space))) {
        goTo(frame, true);
    } else {
        const std::size_t before = std::hash<std::string>{}(state_.notice);  // a copy would allocate
        view().handleKeys(frame);
        if (!audienceWindow_ && !state_.notice.empty() && std::hash<std::string>{}(state_.notice) != before) {
            overlayOpen_ = true;  // one window: a word for the trainer (a tie to settle) opens their view
        }
    }
    // Remote clickers send Page Down / Page Up: they move on like the arrows.
    if (input.take(Key::Right) || input.take(Key::PageDown)) {
        goTo(frame, true);
    }
    if (input.take(Key::Left) || input.take(Key::PageUp)) {
        goTo(frame, false);
    }
    if (!onCover_ && input.take(Key::N)) {
        leaveStep();  // N passes the step as it is (untouched, it stays « non jouée »)
        if (!session_->run.next()) {
            openEndScreen(frame);
        }
    }
    if (input.take(Key::T)) {
        countdown_.toggle(frame.services.now(), session_->run.plan().timerSeconds);
    }
    if (input.take(Key::F)) {
        frame.services.settings.fullscreen = !frame.services.settings.fullscreen;
    }
}

// ------------------------------------------------------------------------------------------------
// The room's view and the trainer's
// ------------------------------------------------------------------------------------------------

void AtelierPresenterScreen::draw(Frame& frame) {
    audienceWindow_ = frame.services.settings.audienceWindow;
    if (audienceWindow_) {
        overlayOpen_ = false;
    }
    endScreenOpened_ = false;
    if (session_->run.position() != shownPosition_) {
        shownPosition_ = session_->run.position();  // moved by someone else (a test, a replay): a fresh step
        leaveStep();
    }
    refresh(frame);  // the views' keys read what refresh worked out (a scenario's visible choices)
    handleKeys(frame);
    shownPosition_ = session_->run.position();
    if (!endScreenOpened_) {  // else the phones keep « terminé » rather than the last step again
        session_->phones.sync(session_->run, onCover_ || session_->run.stepCount() == 0, false);
    }
    saveJournal(frame);
    refresh(frame);
    if (audienceWindow_) {
        drawPresenterView(frame);
    } else {
        drawAudienceView(frame);
        if (overlayOpen_ && !leaveOpen_ && !phonesPanelOpen_ && !helpOpen_ && !scoreboardOpen_) {
            beginDialog(frame, "##atelier-trainer",
                        ImVec2(frame.layout.display.x * 0.94f, frame.layout.display.y * 0.92f));
            drawPresenterView(frame);
            endDialog();
        }
    }
    if (leaveOpen_) {
        drawLeaveDialog(frame);
    } else if (phonesPanelOpen_) {
        drawPhonesPanel(frame);
    } else if (helpOpen_) {
        drawHelp(frame);
    } else if (scoreboardOpen_) {
        drawScoreboard(frame);
    }
}

bool AtelierPresenterScreen::drawAudience(Frame& frame) {
    refresh(frame);  // the trainer's window may have changed the run since this frame's first refresh
    drawAudienceView(frame);
    return true;
}

AtelierPresenterScreen::Shown AtelierPresenterScreen::shownNow(Frame& frame) const {
    const AtelierRun& run = session_->run;
    Shown shown;
    shown.position = run.position();
    shown.journal = run.journal().size();
    shown.cover = onCover_;
    shown.selectedTeam = state_.selectedTeam;
    shown.focusedAnswer = state_.focusedAnswer;
    shown.casting = state_.casting;
    shown.agree = state_.cardEntry.agree;
    shown.disagree = state_.cardEntry.disagree;
    shown.cardField = state_.cardField;
    shown.explaining = state_.explaining;
    shown.notice = std::hash<std::string>{}(state_.notice);
    shown.page = lastFit_.page;
    shown.pages = lastFit_.pages;
    if (countdown_.visible()) {
        const double remaining = countdown_.remaining(frame.services.now());
        shown.countdown = remaining <= 0.0 ? -2 : static_cast<int>(std::ceil(remaining));
    }
    if (session_->startedAt >= 0.0) {
        shown.minutes = static_cast<int>((frame.services.now() - session_->startedAt) / 60.0);
    }
    if (session_->phones.isOpen()) {
        shown.phonesConnected = session_->phones.tally().connected;
        shown.phonesAnswered = session_->phones.tally().answered;
    }
    return shown;
}

void AtelierPresenterScreen::refresh(Frame& frame) {
    const Shown now = shownNow(frame);
    AtelierStepView& shownView = view();
    phaseNow_.clear();  // its capacity stays: no allocation once it held the longest phase
    shownView.audiencePhase(phaseNow_);
    const bool samePhase = phaseNow_ == pagePhase_;
    if (shown_ && *shown_ == now && samePhase) {
        return;
    }
    const bool sameRun = samePhase && shown_ && shown_->position == now.position &&
                         shown_->journal == now.journal && shown_->cover == now.cover;
    shown_ = now;
    const AtelierRun& run = session_->run;
    shownView.refresh(frame);
    if (!sameRun || blocks_.empty()) {
        const std::string& phase = phaseNow_;
        if (!samePhase) {
            pagePhase_ = phase;
            page_ = 0;
        }
        // The layout is worked out again when what is shown changes: a new phase, or any change to the run.
        fitVersion_ = phase + "#" + std::to_string(run.journal().size());
        blocks_ = shownView.audienceBlocks();
    }

    audienceLeft_ = run.plan().title;
    if (!onCover_ && run.stepCount() > 0) {
        audienceLeft_ =
            "Étape " + std::to_string(run.position() + 1) + " sur " + std::to_string(run.stepCount());
    }
    if (lastFit_.pages > 1) {
        audienceLeft_ +=
            " · page " + std::to_string(lastFit_.page + 1) + " sur " + std::to_string(lastFit_.pages);
    }
    phonesLine_.clear();
    if (session_->phones.isOpen()) {
        phonesLine_ = session_->phones.joinUrl() + " · " + phoneCountsLine(session_->phones.tally());
    }
    countdownText_ = now.countdown == -2 ? "Temps écoulé" : formatCountdown(now.countdown);

    trainerTitle_ = "Vue animateur · ";
    if (onCover_ || run.stepCount() == 0) {
        trainerTitle_ += "couverture";
    } else {
        trainerTitle_ += "étape " + std::to_string(run.position() + 1) + " sur " +
                         std::to_string(run.stepCount()) + " · " + atelierItemKindLabel(run.step().ref.kind);
    }
    if (lastFit_.pages > 1) {
        trainerTitle_ += " · la salle voit la page " + std::to_string(lastFit_.page + 1) + " sur " +
                         std::to_string(lastFit_.pages) + " (→ : la suivante)";
    }
    std::vector<std::string> facts;
    if (now.countdown != -1) {
        facts.push_back(now.countdown == -2 ? "temps écoulé" : "minuteur " + countdownText_);
    }
    if (now.minutes >= 0) {
        facts.push_back(countNoun(now.minutes, "min écoulée", "min écoulées") + " sur " +
                        std::to_string(run.plan().targetMinutes) + " prévues");
    }
    facts.push_back(countNoun(static_cast<long long>(run.playedCount()), "étape jouée", "étapes jouées"));
    if (!phonesLine_.empty()) {
        facts.push_back(phonesLine_);
    }
    trainerFacts_.clear();
    for (const auto& fact : facts) {
        trainerFacts_ += (trainerFacts_.empty() ? "" : " · ") + fact;
    }

    if (run.teamMode() && !sameRun) {
        podium_ = makePodium(run.plan(), run.standings());
    }

    const std::size_t next = onCover_ ? 0 : run.position() + 1;
    if (run.stepCount() == 0 || next >= run.stepCount()) {
        nextStep_ = "Le bilan de l’atelier (→ après la dernière étape).";
    } else {
        const ResolvedStep& step = run.step(next);
        const std::string kind = atelierItemKindLabel(step.ref.kind);
        const std::string title = step.title();
        nextStep_ = title.starts_with(kind) ? title : kind + " : " + title;  // « Carte de la salle : … » once
    }
}

void AtelierPresenterScreen::drawAudienceView(Frame& frame) {
    drawAudienceTopBar(frame);
    verticalSpace(frame, 0.3f);
    lastFit_ = fitter_.draw(frame, fitVersion_, blocks_, page_);
}

void AtelierPresenterScreen::drawAudienceTopBar(Frame& frame) {
    const AtelierRun& run = session_->run;
    const float top = ImGui::GetCursorPosY();
    ImGui::PushFont(frame.services.fonts.body);
    ImGui::TextColored(theme::toVec4(theme::kTextMuted), "%s", audienceLeft_.c_str());
    if (!phonesLine_.empty()) {
        // Latecomers read the address here without the trainer opening the join panel again.
        ImGui::SameLine(ImGui::GetWindowContentRegionMax().x - ImGui::CalcTextSize(phonesLine_.c_str()).x);
        ImGui::TextColored(theme::toVec4(theme::kTextMuted), "%s", phonesLine_.c_str());
    }
    ImGui::PopFont();
    if (countdown_.visible()) {
        const double remaining = countdown_.remaining(frame.services.now());
        const std::string& text = countdownText_;
        ImFont* big = frame.services.fonts.title;
        const float width = big->CalcTextSizeA(big->FontSize, FLT_MAX, 0.0f, text.c_str()).x;
        const ImVec2 position(
            ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x - width,
            ImGui::GetWindowPos().y + top + frame.services.fonts.body->FontSize + frame.layout.unit * 0.2f);
        const ImU32 colour = remaining <= 0.0    ? theme::kWrong
                             : remaining <= 10.0 ? theme::kPartial
                                                 : theme::kPrimary;
        // Over the page's top right corner, which the step's chips leave free: the page keeps its height.
        ImGui::GetWindowDrawList()->AddText(big, big->FontSize, position, colour, text.c_str());
    }
    if (!onCover_ && run.stepCount() > 0) {
        progressBar(frame, static_cast<float>(run.position() + 1) / static_cast<float>(run.stepCount()),
                    availableWidth(), frame.layout.unit * 0.25f, theme::kPrimary);
    }
}

void AtelierPresenterScreen::drawPresenterTopBar(Frame& frame) {
    const AtelierRun& run = session_->run;
    ImGui::PushFont(frame.services.fonts.bold);
    ImGui::TextUnformatted(trainerTitle_.c_str());
    ImGui::PopFont();
    mutedText(frame, trainerFacts_);
    if (!onCover_ && run.stepCount() > 0) {
        progressBar(frame, static_cast<float>(run.position() + 1) / static_cast<float>(run.stepCount()),
                    availableWidth(), frame.layout.unit * 0.25f, theme::kPrimary);
    }
}

void AtelierPresenterScreen::drawNextStep(Frame& frame) {
    heading(frame, "Étape suivante");
    paragraph(frame, nextStep_);
}

void AtelierPresenterScreen::drawPresenterView(Frame& frame) {
    drawPresenterTopBar(frame);
    verticalSpace(frame, 0.3f);
    if (!state_.notice.empty()) {
        beginPanel(frame, theme::kPartialSoft, theme::kPartial);
        paragraph(frame, state_.notice, frame.services.fonts.bold);
        endPanel(frame);
        verticalSpace(frame, 0.2f);
    }
    // Two columns that grow with their content (the trainer's window may scroll, the room's never does).
    if (!ImGui::BeginTable("##trainer", 2, ImGuiTableFlags_SizingStretchProp)) {
        return;
    }
    ImGui::TableSetupColumn("##step", ImGuiTableColumnFlags_WidthStretch, 2.2f);
    ImGui::TableSetupColumn("##side", ImGuiTableColumnFlags_WidthStretch, 1.0f);
    ImGui::TableNextColumn();
    // The step in compact type (statements and answers at the body size): the laptop shows it whole.
    Frame compact = trainerFonts_.frameAtLevel(frame, kAudienceLevels - 1);
    view().drawPresenter(compact);
    if (onCover_) {
        verticalSpace(frame, 0.5f);
        if (button(frame, "Commencer (→)")) {
            goTo(frame, true);
        }
        if (button(
                frame,
                session_->phones.isOpen() ? "Code des téléphones (P)" : "Ouvrir la salle aux téléphones (P)",
                0.0f, ButtonStyle::Secondary)) {
            togglePhones(frame);
        }
    }
    ImGui::TableNextColumn();
    drawNextStep(frame);
    verticalSpace(frame, 0.4f);
    heading(frame, "Touches");
    const bool teams = session_->run.teamMode();
    for (const char* line :
         {"→ / Page suiv. : la suite", "← / Page préc. : revenir", "Espace : ouvrir, fermer",
          "Entrée : la réponse", "T : minuteur", "P : téléphones", "H : toutes les touches"}) {
        sourceLine(frame, line);
    }
    if (teams) {
        sourceLine(frame, "S : scores des équipes");
    }
    if (!audienceWindow_) {
        sourceLine(frame, "O : masquer cette vue");
    }
    ImGui::EndTable();
}

void AtelierPresenterScreen::drawHelp(Frame& frame) {
    beginDialog(frame, "##atelier-help",
                ImVec2(std::min(frame.layout.display.x * 0.92f, frame.layout.unit * 40.0f),
                       std::min(frame.layout.display.y * 0.92f, frame.layout.unit * 24.0f)));
    heading(frame, "Touches de l’animateur", frame.services.fonts.title);
    keyHints(frame, {{"→ / Page suiv.", "la suite : réponse, explication, page, argument, étape suivante"}});
    keyHints(frame, {{"← / Page préc.", "revenir"}, {"N", "passer l’étape (non jouée si rien n’a eu lieu)"}});
    keyHints(frame, {{"Espace", "ouvrir / fermer les réponses ou le vote"},
                     {"Entrée", "la réponse, l’argument suivant"}});
    keyHints(frame, {{"1 à 8 puis A à F", "réponse d’une équipe"}, {"A à F puis 0 à 9", "mains levées"}});
    keyHints(frame, {{"Tab", "case suivante"}, {"Retour arrière", "effacer un chiffre"}});
    keyHints(frame, {{"T", "minuteur (démarrer, pause)"}, {"S", "scores des équipes"}, {"F", "plein écran"}});
    keyHints(frame, {{"O", "vue de l’animateur (une seule fenêtre)"}, {"G", "les sigles à l’écran"}});
    keyHints(frame,
             {{"P", "salle connectée : les téléphones répondent"}, {"Échap", "quitter"}, {"H", "fermer"}});
    endDialog();
}

void AtelierPresenterScreen::drawScoreboard(Frame& frame) {
    beginDialog(frame, "##atelier-scores",
                ImVec2(std::min(frame.layout.display.x * 0.92f, frame.layout.unit * 38.0f),
                       std::min(frame.layout.display.y * 0.92f, frame.layout.unit * 22.0f)));
    heading(frame, "Les scores", frame.services.fonts.title);
    mutedText(frame, "Les points des questions dont la réponse a été montrée ; ni vitesse, ni séries.");
    verticalSpace(frame, 0.3f);
    drawPodium(frame, podium_);
    presenterHint(frame, "S : fermer");
    endDialog();
}

void AtelierPresenterScreen::drawLeaveDialog(Frame& frame) {
    beginDialog(frame, "##atelier-leave",
                ImVec2(std::min(frame.layout.display.x * 0.9f, frame.layout.unit * 30.0f),
                       frame.layout.unit * 12.0f));
    heading(frame, "Terminer la présentation ?", frame.services.fonts.title);
    if (button(frame, "Aller au bilan de l’atelier (Entrée)")) {
        leaveOpen_ = false;
        openEndScreen(frame);
    }
    if (button(frame, "Reprendre (Échap)", 0.0f, ButtonStyle::Secondary)) {
        leaveOpen_ = false;
    }
    if (button(frame, "Quitter sans bilan (réponses perdues)", 0.0f, ButtonStyle::Quiet)) {
        leaveOpen_ = false;
        if (const auto& data = frame.services.progress.dataDirectory(); !data.empty()) {
            std::error_code code;
            std::filesystem::remove(savedWorkshopPath(data), code);  // the trainer chose to lose them
        }
        frame.navigator.pop();
    }
    endDialog();
}

void AtelierPresenterScreen::drawPhonesPanel(Frame& frame) {
    PhoneRoom& phones = session_->phones;
    const ImVec2 size(frame.layout.display.x * 0.94f, frame.layout.display.y * 0.9f);
    beginDialog(frame, "##atelier-phones", size);
    if (drawPhoneJoinPanel(frame, phones, size.y * 0.7f)) {
        phones.refreshAddresses();
    }
    drawNetworkAddresses(frame, phones);
    sourceLine(frame, "P ou Échap : revenir à l’étape (les téléphones restent connectés)");
    if (button(frame, "Fermer la salle aux téléphones", 0.0f, ButtonStyle::Quiet)) {
        phones.close();
        phonesPanelOpen_ = false;
    }
    endDialog();
}

void AtelierPresenterScreen::openEndScreen(Frame& frame) {
    // The phones learn the workshop is over; the server itself stops when the session ends.
    session_->phones.sync(session_->run, false, true);
    endScreenOpened_ = true;
    frame.navigator.push(makeAtelierEndScreen(session_));
}

std::unique_ptr<Screen> makeAtelierPresenterScreen(std::shared_ptr<AtelierSession> session) {
    return std::make_unique<AtelierPresenterScreen>(std::move(session));
}

}  // namespace passerelles::ui

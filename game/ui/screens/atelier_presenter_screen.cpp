// The presenter view: one step at a time in large type, driven by a handful of keys or a remote clicker.
#include "ui/screens/atelier_presenter_screen.hpp"

#include <algorithm>
#include <numeric>

#include "core/atelier/atelier_resume.hpp"
#include "core/base/file_writing.hpp"
#include "core/base/text.hpp"
#include "core/play/quiz_scoring.hpp"
#include "ui/screens/content_views.hpp"
#include "ui/screens/phone_room_views.hpp"
#include "ui/screens/room_views.hpp"
#include "ui/screens/screens.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

namespace passerelles::ui {

namespace {

Key letterKey(int index) {
    return static_cast<Key>(static_cast<int>(Key::A) + index);
}
Key digitKey(int digit) {
    return static_cast<Key>(static_cast<int>(Key::Digit0) + digit);
}

// A team key 1–8 pressed this frame, as a team index, or −1.
int takeTeamKey(FrameInput& input, std::size_t teams) {
    for (std::size_t t = 0; t < teams && t < 9; ++t) {
        if (input.take(digitKey(static_cast<int>(t) + 1))) {
            return static_cast<int>(t);
        }
    }
    return -1;
}

std::string stepKindLabel(const ResolvedStep& step) {
    return atelierItemKindLabel(step.ref.kind);
}

std::string themeLabel(const ContentLibrary& library, const std::string& theme) {
    for (const auto& pack : library.usablePacks()) {
        const std::string label = pack->themeLabel(theme);
        if (!label.empty() && label != theme) {
            return label;
        }
    }
    return theme;
}

}  // namespace

AtelierPresenterScreen::AtelierPresenterScreen(std::shared_ptr<AtelierSession> session)
    : session_(std::move(session)),
      onCover_(!session_->resumed),
      journalSaved_(session_->run.journal().size()) {}

void AtelierPresenterScreen::saveJournal(Frame& frame) {
    const auto& data = frame.services.progress.dataDirectory();
    if (data.empty() || session_->run.journal().size() == journalSaved_) {
        return;
    }
    const auto file = savedWorkshopPath(data);
    std::error_code code;
    std::filesystem::create_directories(file.parent_path(), code);
    std::string error;
    if (writeFileAtomically(file, savedWorkshopJson(session_->run, formatLocalTimeNow("%Y-%m-%d")), error)) {
        journalSaved_ = session_->run.journal().size();
    } else if (notice_.empty()) {
        notice_ = "L’atelier en cours n’a pas pu être enregistré : " + error;
    }
}

// ------------------------------------------------------------------------------------------------
// Keys
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

int AtelierPresenterScreen::takeAnswerLetter(Frame& frame, int count) {
    for (int i = 0; i < count && i < 6; ++i) {
        if (frame.input.take(letterKey(i))) {
            return i;
        }
    }
    return -1;
}

void AtelierPresenterScreen::leaveStep() {
    selectedTeam_ = -1;
    focusedAnswer_ = 0;
    casting_ = -1;
    cardEntry_ = HandCount{};
    cardField_ = 0;
    notice_.clear();
    countdown_.reset();
}

void AtelierPresenterScreen::goTo(Frame& frame, bool forward) {
    AtelierRun& run = session_->run;
    if (onCover_) {
        if (forward && run.stepCount() > 0) {
            onCover_ = false;
            if (session_->startedAt < 0.0) {
                session_->startedAt = frame.services.now();
            }
        }
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
    ImGui::SetScrollY(0.0f);
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
        notice_ = "La salle connectée n’a pas pu s’ouvrir : " + error;
        return;
    }
    notice_.clear();
    phonesPanelOpen_ = true;
}

void AtelierPresenterScreen::handleKeys(Frame& frame) {
    if (handleOverlayKeys(frame)) {
        return;
    }
    FrameInput& input = frame.input;
    if (onCover_) {
        if (input.take(Key::Space) || input.take(Key::Enter)) {
            goTo(frame, true);
        }
    } else {
        const ResolvedStep& step = session_->run.step();
        if (step.question != nullptr) {
            handleQuestionKeys(frame);
        } else if (step.card != nullptr) {
            handleCardKeys(frame);
        } else if (step.scenario != nullptr) {
            handleScenarioKeys(frame);
        } else {
            handleMapKeys(frame);
        }
    }
    // Remote clickers send Page Down / Page Up: they move between steps like the arrows.
    if (input.take(Key::Right) || input.take(Key::PageDown)) {
        goTo(frame, true);
    }
    if (input.take(Key::Left) || input.take(Key::PageUp)) {
        goTo(frame, false);
    }
    if (input.take(Key::T)) {
        countdown_.toggle(frame.services.now(), session_->run.plan().timerSeconds);
    }
    if (input.take(Key::F)) {
        frame.services.settings.fullscreen = !frame.services.settings.fullscreen;
    }
}

void AtelierPresenterScreen::handleQuestionKeys(Frame& frame) {
    AtelierRun& run = session_->run;
    FrameInput& input = frame.input;
    const Question& question = *run.step().question;
    const auto& tally = std::get<QuestionTally>(run.tally(run.position()));
    const int options = static_cast<int>(question.options.size());
    if (input.take(Key::Space)) {
        if (run.toggleAnswering()) {
            selectedTeam_ = -1;
            notice_.clear();
        } else {
            notice_ = "La réponse est affichée : les réponses sont closes. Entrée la masque.";
        }
    }
    if (input.take(Key::Enter)) {
        run.toggleReveal();
        selectedTeam_ = -1;
        notice_.clear();
    }
    if (!tally.open) {
        return;
    }
    if (run.teamMode()) {
        if (const int team = takeTeamKey(input, run.plan().teams.size()); team >= 0) {
            selectedTeam_ = team;
            notice_.clear();
        }
        const int letter = takeAnswerLetter(frame, options);
        if (letter >= 0) {
            if (selectedTeam_ < 0) {
                notice_ = "Appuyez d’abord sur le numéro de l’équipe, puis sur la lettre de sa réponse.";
            } else {
                run.teamAnswer(selectedTeam_, letter);
                if (!question.isMultipleAnswer()) {
                    selectedTeam_ = -1;  // one answer: done; a stray letter cannot change it
                }
            }
        }
        return;
    }
    if (const int letter = takeAnswerLetter(frame, options); letter >= 0) {
        focusedAnswer_ = letter;
    }
    if (input.take(Key::Tab)) {
        focusedAnswer_ = (focusedAnswer_ + 1) % options;
    }
    focusedAnswer_ = std::clamp(focusedAnswer_, 0, options - 1);
    int hands = tally.hands[static_cast<std::size_t>(focusedAnswer_)];
    if (typeCount(input, hands)) {
        run.setHands(focusedAnswer_, hands);
    }
}

void AtelierPresenterScreen::handleCardKeys(Frame& frame) {
    AtelierRun& run = session_->run;
    FrameInput& input = frame.input;
    RoomMythRun& card = *run.cardRun();
    const auto phase = card.phase();
    if (phase == RoomMythRun::Phase::VoteBefore || phase == RoomMythRun::Phase::VoteAfter) {
        typeCount(input, cardField_ == 0 ? cardEntry_.agree : cardEntry_.disagree);
        if (input.take(Key::Tab)) {
            cardField_ = 1 - cardField_;
        }
        if (input.take(Key::Space) || input.take(Key::Enter)) {
            run.recordCardVote(cardEntry_);
            run.toggleAnswering();
            cardEntry_ = HandCount{};
            cardField_ = 0;
        }
        return;
    }
    if (phase == RoomMythRun::Phase::Shift || phase == RoomMythRun::Phase::Finished) {
        if (input.take(Key::Enter) || input.take(Key::Space)) {
            goTo(frame, true);
        }
        return;
    }
    if (input.take(Key::Space)) {
        if (phase == RoomMythRun::Phase::Arguments) {
            run.toggleReveal();
        } else {
            run.toggleAnswering();
        }
    }
    if (input.take(Key::Enter)) {
        run.toggleReveal();
    }
}

void AtelierPresenterScreen::handleScenarioKeys(Frame& frame) {
    AtelierRun& run = session_->run;
    FrameInput& input = frame.input;
    ScenarioTally& tally = *run.scenario();
    if (tally.run.phase() == ScenarioRun::Phase::Ended) {
        if (input.take(Key::Enter) || input.take(Key::Space)) {
            goTo(frame, true);
        }
        return;
    }
    const bool choiceNode =
        tally.run.phase() == ScenarioRun::Phase::AtNode && tally.run.currentNode().type == NodeType::Choice;
    if (!choiceNode) {
        if (input.take(Key::Enter) || input.take(Key::Space)) {
            run.toggleReveal();
            ImGui::SetScrollY(0.0f);
        }
        return;
    }
    const auto views = tally.run.visibleChoices();
    const int count = static_cast<int>(views.size());
    if (input.take(Key::Space)) {
        run.toggleAnswering();
        selectedTeam_ = -1;
        notice_.clear();
    }
    const int letter = takeAnswerLetter(frame, count);
    const bool letterAvailable = letter >= 0 && views[static_cast<std::size_t>(letter)].available;
    const int choice = letter >= 0 ? views[static_cast<std::size_t>(letter)].index : -1;
    if (tally.voting) {
        if (run.teamMode()) {
            if (const int team = takeTeamKey(input, run.plan().teams.size()); team >= 0) {
                selectedTeam_ = team;
            }
            if (letterAvailable) {
                if (selectedTeam_ < 0) {
                    notice_ = "Appuyez d’abord sur le numéro de l’équipe, puis sur la lettre de son choix.";
                } else {
                    run.setTeamVote(selectedTeam_, choice);
                    selectedTeam_ = -1;
                    notice_.clear();
                }
            }
        } else {
            if (letterAvailable) {
                focusedAnswer_ = letter;
            }
            if (input.take(Key::Tab)) {
                focusedAnswer_ = (focusedAnswer_ + 1) % count;
            }
            focusedAnswer_ = std::clamp(focusedAnswer_, 0, count - 1);
            const int focusedChoice = views[static_cast<std::size_t>(focusedAnswer_)].index;
            int votes = tally.votes[static_cast<std::size_t>(focusedChoice)];
            if (views[static_cast<std::size_t>(focusedAnswer_)].available && typeCount(input, votes)) {
                run.setVotes(focusedChoice, votes);
            }
        }
    } else if (letterAvailable) {
        casting_ = choice;  // the facilitator settles a tie, or records what the room agreed aloud
    }
    if (input.take(Key::Enter)) {
        // The rule (a majority applies; a casting vote only among the tied choices) is the run's.
        const auto leading = run.leadingChoices();
        const int decision = casting_ >= 0 ? casting_ : leading.size() == 1 ? leading.front() : -1;
        std::string why;
        if (decision >= 0 && run.decide(decision, &why)) {
            casting_ = -1;
            selectedTeam_ = -1;
            focusedAnswer_ = 0;
            notice_.clear();
            ImGui::SetScrollY(0.0f);
        } else if (decision >= 0) {
            casting_ = -1;
            notice_ = why;
        } else if (leading.size() > 1) {
            std::vector<int> letters;
            for (std::size_t v = 0; v < views.size(); ++v) {
                if (std::find(leading.begin(), leading.end(), views[v].index) != leading.end()) {
                    letters.push_back(static_cast<int>(v));
                }
            }
            notice_ = "Égalité entre " + optionLetters(letters) +
                      " : fermez le vote (Espace), tapez la lettre retenue, puis Entrée.";
        } else {
            notice_ = "Personne n’a voté : tapez la lettre du choix de la salle (vote fermé), puis Entrée.";
        }
    }
}

void AtelierPresenterScreen::handleMapKeys(Frame& frame) {
    AtelierRun& run = session_->run;
    const int profiles = static_cast<int>(run.step().diagnostic->profiles.size());
    for (int p = 0; p < profiles && p < 9; ++p) {
        if (frame.input.take(digitKey(p + 1))) {
            run.addCollectivite(p);
        }
    }
    if (frame.input.take(Key::Backspace)) {
        run.removeLastCollectivite();
    }
}

// ------------------------------------------------------------------------------------------------
// Drawing
// ------------------------------------------------------------------------------------------------

void AtelierPresenterScreen::draw(Frame& frame) {
    endScreenOpened_ = false;
    handleKeys(frame);
    if (!endScreenOpened_) {  // else the phones keep « terminé » rather than the last step again
        session_->phones.sync(session_->run, onCover_ || session_->run.stepCount() == 0, false);
    }
    saveJournal(frame);
    drawTopBar(frame);
    verticalSpace(frame, 0.3f);
    if (onCover_ || session_->run.stepCount() == 0) {
        drawCover(frame);
    } else {
        const ResolvedStep& step = session_->run.step();
        if (step.question != nullptr) {
            drawQuestion(frame);
        } else if (step.card != nullptr) {
            drawCard(frame);
        } else if (step.scenario != nullptr) {
            drawScenario(frame);
        } else {
            drawMap(frame);
        }
    }
    if (!notice_.empty()) {
        verticalSpace(frame, 0.3f);
        beginPanel(frame, theme::kPartialSoft, theme::kPartial);
        paragraph(frame, notice_, frame.services.fonts.bold);
        endPanel(frame);
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

void AtelierPresenterScreen::drawTopBar(Frame& frame) {
    const AtelierRun& run = session_->run;
    std::string left = run.plan().title;
    if (!onCover_ && run.stepCount() > 0) {
        left = "Étape " + std::to_string(run.position() + 1) + " / " + std::to_string(run.stepCount()) +
               " · " + stepKindLabel(run.step());
    }
    const float top = ImGui::GetCursorPosY();
    ImGui::PushFont(frame.services.fonts.small);
    ImGui::TextColored(theme::toVec4(theme::kTextMuted), "%s", left.c_str());
    std::string right = "H : touches";
    if (run.teamMode()) {
        right = "S : scores · " + right;
    }
    if (session_->phones.isOpen()) {
        // Latecomers read the address here without the trainer opening the join panel again.
        right =
            session_->phones.joinUrl() + " · " + phoneCountsLine(session_->phones.tally()) + " · " + right;
    }
    const float rightX = ImGui::GetWindowContentRegionMax().x - ImGui::CalcTextSize(right.c_str()).x;
    ImGui::SameLine(rightX);
    ImGui::TextColored(theme::toVec4(theme::kTextMuted), "%s", right.c_str());
    ImGui::PopFont();
    if (countdown_.visible()) {
        const double remaining = countdown_.remaining(frame.services.now());
        const std::string text = remaining <= 0.0 ? "Temps écoulé" : formatCountdown(remaining);
        ImFont* big = frame.services.fonts.title;
        const float width = big->CalcTextSizeA(big->FontSize, FLT_MAX, 0.0f, text.c_str()).x;
        const ImVec2 position(
            ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x - width,
            ImGui::GetWindowPos().y + top + frame.services.fonts.small->FontSize + frame.layout.unit * 0.2f);
        const ImU32 colour = remaining <= 0.0    ? theme::kWrong
                             : remaining <= 10.0 ? theme::kPartial
                                                 : theme::kPrimary;
        ImGui::GetWindowDrawList()->AddText(big, big->FontSize, position, colour, text.c_str());
        ImGui::Dummy(ImVec2(1.0f, big->FontSize));
    }
    // A thin line of progress through the steps.
    if (!onCover_ && run.stepCount() > 0) {
        progressBar(frame, static_cast<float>(run.position() + 1) / static_cast<float>(run.stepCount()),
                    availableWidth(), frame.layout.unit * 0.25f, theme::kPrimary);
    }
}

void AtelierPresenterScreen::drawHint(Frame& frame, const std::string& text) {
    verticalSpace(frame, 0.3f);
    sourceLine(frame, text);
}

void AtelierPresenterScreen::drawCover(Frame& frame) {
    const AtelierRun& run = session_->run;
    const AtelierPlan& plan = run.plan();
    verticalSpace(frame, 1.0f);
    heading(frame, plan.title, frame.services.fonts.display, theme::kPrimary);
    std::string where = plan.place;
    if (!plan.date.empty()) {
        where += (where.empty() ? "" : " · ") + formatFrenchDate(plan.date);
    }
    if (!where.empty()) {
        paragraph(frame, where, frame.services.fonts.heading);
    }
    if (!plan.audience.empty()) {
        paragraph(frame, plan.audience, frame.services.fonts.heading, theme::kTextMuted);
    }
    verticalSpace(frame, 0.8f);
    if (!plan.themes.empty()) {
        std::string themes;
        for (const auto& theme : plan.themes) {
            themes += (themes.empty() ? "" : ", ") + themeLabel(frame.services.library, theme);
        }
        paragraph(frame, "Aujourd’hui, on part de vos sujets : " + themes + ".",
                  frame.services.fonts.heading);
    }
    int questions = 0;
    int cards = 0;
    int scenarios = 0;
    int maps = 0;
    for (std::size_t i = 0; i < run.stepCount(); ++i) {
        const ResolvedStep& step = run.step(i);
        questions += step.question != nullptr ? 1 : 0;
        cards += step.card != nullptr ? 1 : 0;
        scenarios += step.scenario != nullptr ? 1 : 0;
        maps += step.diagnostic != nullptr ? 1 : 0;
    }
    std::vector<std::string> parts;
    if (maps > 0) {
        parts.push_back("qui est dans la salle");
    }
    if (cards > 0) {
        parts.push_back(countNoun(cards, "idée reçue à débattre", "idées reçues à débattre"));
    }
    if (questions > 0) {
        parts.push_back(countNoun(questions, "question", "questions"));
    }
    if (scenarios > 0) {
        parts.push_back(countNoun(scenarios, "mise en situation", "mises en situation"));
    }
    std::string programme;
    for (std::size_t i = 0; i < parts.size(); ++i) {
        programme += (i == 0 ? "" : i + 1 == parts.size() ? " et " : ", ") + parts[i];
    }
    if (run.stepCount() == 0) {
        beginPanel(frame, theme::kPartialSoft, theme::kPartial);
        paragraph(frame,
                  "Ce plan n’a aucune étape jouable : revenez à la préparation (Échap) pour en ajouter.");
        endPanel(frame);
        return;
    }
    paragraph(
        frame,
        "Au programme : " + programme + ", environ " + std::to_string(estimatedMinutes(plan)) + " minutes.",
        frame.services.fonts.heading);
    verticalSpace(frame, 0.8f);
    if (run.teamMode()) {
        teamStrip(frame, plan, {}, -1);
    } else {
        paragraph(frame, "Toute la salle répond à main levée.", frame.services.fonts.heading);
    }
    verticalSpace(frame, 1.0f);
    if (button(frame, "Commencer (Espace)")) {
        goTo(frame, true);
    }
    ImGui::SameLine();
    if (button(frame,
               session_->phones.isOpen() ? "Montrer le code des téléphones (P)"
                                         : "Ouvrir la salle aux téléphones (P)",
               0.0f, ButtonStyle::Secondary)) {
        togglePhones(frame);
    }
    drawHint(frame, "→ ou Espace : commencer · H : toutes les touches · F : plein écran · G : les sigles");
}

void AtelierPresenterScreen::drawQuestion(Frame& frame) {
    AtelierRun& run = session_->run;
    const Question& question = *run.step().question;
    const std::size_t index = run.position();
    const auto& tally = std::get<QuestionTally>(run.tally(index));
    heading(frame, question.text, frame.services.fonts.title);
    verticalSpace(frame, 0.2f);
    if (question.isMultipleAnswer()) {
        chip(frame, "Plusieurs bonnes réponses", theme::kPartialSoft, theme::kPartial);
        ImGui::SameLine();
    }
    if (tally.open) {
        chip(frame, "Réponses ouvertes", theme::kRight, IM_COL32_WHITE);
    } else if (tally.revealed) {
        chip(frame, "Réponse", theme::kRightSoft, theme::kRight);
    } else {
        chip(frame, "Réponses fermées", theme::kSurfaceMuted, theme::kTextMuted);
    }
    verticalSpace(frame, 0.3f);
    if (run.teamMode()) {
        // The teams sit above the answers so that who has answered stays in view at 1280×720.
        std::vector<std::string> statuses;
        for (std::size_t t = 0; t < tally.teamAnswers.size(); ++t) {
            if (const auto points = run.questionPoints(index, static_cast<int>(t))) {
                statuses.push_back((*points > 0 ? "+" : "") + formatDecimal(*points));
            } else {
                statuses.push_back(tally.teamAnswers[t].empty() ? "" : "\xE2\x9C\x93");
            }
        }
        const int clicked = teamStrip(frame, run.plan(), statuses, selectedTeam_);
        if (clicked >= 0 && tally.open) {
            selectedTeam_ = clicked;
        }
        verticalSpace(frame, 0.3f);
    }

    const auto counts = run.distribution(index);
    const int total = std::accumulate(counts.begin(), counts.end(), 0);
    const int largest = counts.empty() ? 0 : *std::max_element(counts.begin(), counts.end());
    // Teams see the spread only once the answer is out: nobody copies the neighbours' table.
    // Phones' answers stay hidden until the reveal too: the room sees how many answered, not what.
    const auto phoneTicks = run.phoneDistribution(index);
    const bool phonesAnswered = std::accumulate(phoneTicks.begin(), phoneTicks.end(), 0) > 0;
    const bool showCounts =
        tally.revealed || (!run.teamMode() && !phonesAnswered && (tally.open || total > 0));
    for (std::size_t o = 0; o < question.options.size(); ++o) {
        RoomAnswerRow row;
        row.index = static_cast<int>(o);
        row.text = question.options[o].text;
        row.revealed = tally.revealed;
        row.correct = question.options[o].correct;
        row.focused = !run.teamMode() && tally.open && static_cast<int>(o) == focusedAnswer_;
        if (showCounts) {
            row.count = counts[o];
            row.total = total;
            row.largest = largest;
        }
        for (std::size_t t = 0; t < tally.teamAnswers.size(); ++t) {
            const auto& answer = tally.teamAnswers[t];
            if (std::find(answer.begin(), answer.end(), static_cast<int>(o)) != answer.end()) {
                row.teams.push_back(static_cast<int>(t));
            }
        }
        if (roomAnswerRow(frame, row, run.plan()) && tally.open) {
            if (run.teamMode() && selectedTeam_ >= 0) {
                run.teamAnswer(selectedTeam_, static_cast<int>(o));
            } else if (!run.teamMode()) {
                focusedAnswer_ = static_cast<int>(o);
            }
        }
    }
    if (tally.revealed) {
        verticalSpace(frame, 0.3f);
        const auto rate = run.successRate(index);
        if (rate) {
            const std::string line =
                phonesAnswered   ? formatPercent(*rate) + " des réponses sur une bonne réponse."
                : run.teamMode() ? formatPercent(*rate) + " des équipes ont trouvé la bonne réponse."
                                 : formatPercent(*rate) + " des mains levées sur une bonne réponse.";
            paragraph(frame, line, frame.services.fonts.heading, theme::kRight);
        }
        if (!question.explanation.empty()) {
            beginPanel(frame, theme::kSurface, theme::kBorder);
            paragraph(frame, question.explanation, frame.services.fonts.heading);
            if (question.tags.source && run.step().pack != nullptr) {
                sourceLine(frame, "Source : " + run.step().pack->cite(*question.tags.source));
            }
            endPanel(frame);
        }
        drawHint(frame, "Entrée : masquer la réponse · → : étape suivante");
    } else if (tally.open) {
        drawHint(frame, run.teamMode()
                            ? "Numéro de l’équipe (1 à " + std::to_string(run.plan().teams.size()) +
                                  ") puis lettre de sa réponse · Espace : fermer · Entrée : la réponse"
                            : "Lettre de l’option, puis le nombre de mains · Tab : option suivante · "
                              "Espace : fermer · Entrée : la réponse");
    } else {
        drawHint(frame, "Espace : ouvrir les réponses · Entrée : montrer la réponse · T : minuteur");
    }
}

void AtelierPresenterScreen::drawCard(Frame& frame) {
    AtelierRun& run = session_->run;
    RoomMythRun& card = *run.cardRun();
    const MythCard& content = *run.step().card;
    const Pack* pack = run.step().pack;
    const auto phase = card.phase();
    const bool large = phase == RoomMythRun::Phase::Statement || phase == RoomMythRun::Phase::VoteBefore;
    chip(frame, "Idée reçue", theme::kAccent, IM_COL32_WHITE);
    verticalSpace(frame, 0.2f);
    heading(frame, guillemets(content.statement),
            large ? frame.services.fonts.display : frame.services.fonts.title, theme::kAccent);
    verticalSpace(frame, 0.5f);
    switch (phase) {
        case RoomMythRun::Phase::Statement:
            drawHint(frame, "Lisez l’idée reçue à voix haute. Espace : faire voter la salle.");
            break;
        case RoomMythRun::Phase::VoteBefore:
        case RoomMythRun::Phase::VoteAfter: {
            const bool after = phase == RoomMythRun::Phase::VoteAfter;
            heading(frame, after ? "Après le débat : qui est d’accord ? Qui ne l’est pas ?"
                                 : "Qui est d’accord avec cette idée ? Qui ne l’est pas ?");
            verticalSpace(frame, 0.3f);
            drawHandEntry(frame, cardEntry_, cardField_);
            if (after && card.current().before.total() > 0) {
                const HandCount& before = card.current().before;
                sourceLine(frame, "Avant le débat : " + std::to_string(before.agree) + " d’accord, " +
                                      std::to_string(before.disagree) + " pas d’accord.");
            }
            drawHint(
                frame,
                "Tapez les nombres · Tab : l’autre case · Espace : valider le vote (sans nombre : passer)");
            break;
        }
        case RoomMythRun::Phase::Arguments: {
            drawRoomArguments(frame, content, card.argumentsRevealed(), false);
            const int remaining = static_cast<int>(content.arguments.size()) - card.argumentsRevealed();
            drawHint(frame, remaining > 0 ? "Entrée : argument suivant (" + std::to_string(remaining) +
                                                " restant" + (remaining > 1 ? "s)" : ")")
                                          : "Entrée : la réponse");
            break;
        }
        case RoomMythRun::Phase::Answer:
            drawRoomArguments(frame, content, 0, true);
            if (pack != nullptr) {
                drawRoomAnswer(frame, *pack, content);
            }
            drawHint(frame, "Espace : faire voter à nouveau la salle");
            break;
        case RoomMythRun::Phase::Shift:
            drawRoomShift(frame, card.current());
            drawHint(frame, "Entrée ou → : étape suivante");
            break;
        case RoomMythRun::Phase::Finished:
            if (!card.results().empty()) {
                drawRoomShift(frame, card.results().front());
            }
            drawHint(frame, "Entrée ou → : étape suivante");
            break;
    }
}

void AtelierPresenterScreen::drawScenario(Frame& frame) {
    AtelierRun& run = session_->run;
    ScenarioTally& tally = *run.scenario();
    const Scenario& scenario = tally.run.scenario();
    const Pack* pack = run.step().pack;
    chip(frame, "Mise en situation · " + scenario.title, theme::kPrimarySoft, theme::kPrimary);
    verticalSpace(frame, 0.3f);
    const ScenarioNode& node = tally.run.currentNode();
    if (tally.run.phase() == ScenarioRun::Phase::Ended) {
        heading(frame, node.title.empty() ? std::string("Fin") : node.title, frame.services.fonts.title);
        const ImU32 colour = node.rating == EndingRating::Good    ? theme::kRight
                             : node.rating == EndingRating::Mixed ? theme::kPartial
                                                                  : theme::kWrong;
        chip(frame, ratingLabel(node.rating), colour, IM_COL32_WHITE);
        verticalSpace(frame, 0.3f);
        paragraph(frame, node.text, frame.services.fonts.heading);
        if (pack != nullptr && !node.debrief.empty()) {
            verticalSpace(frame, 0.3f);
            beginPanel(frame, theme::kSurface, theme::kBorder);
            heading(frame, "À retenir");
            drawKeyPoints(frame, *pack, node.debrief, node.source);
            if (node.source) {
                sourceLine(frame, "Source : " + pack->cite(*node.source));
            }
            endPanel(frame);
        }
        paragraph(frame,
                  countNoun(static_cast<int>(tally.decisions.size()), "décision prise", "décisions prises") +
                      " par la salle · score " + formatDecimal(tally.run.total()),
                  frame.services.fonts.bold);
        drawHint(frame, "Entrée ou → : étape suivante");
        return;
    }
    if (tally.run.phase() == ScenarioRun::Phase::Consequence) {
        if (const ScenarioChoice* choice = tally.run.lastChoice()) {
            sourceLine(frame, "La salle a décidé :");
            paragraph(frame, choice->text, frame.services.fonts.heading);
            verticalSpace(frame, 0.3f);
            beginConsequencePanel(frame, choice->score);
            paragraph(frame, choice->consequence, frame.services.fonts.heading);
            endPanel(frame);
        }
        drawScenarioState(frame, scenario, tally.run.values());
        drawHint(frame, "Entrée : continuer");
        return;
    }
    if (!node.title.empty()) {
        heading(frame, node.title, frame.services.fonts.title);
    }
    paragraph(frame, node.text, frame.services.fonts.heading);
    verticalSpace(frame, 0.3f);
    drawScenarioState(frame, scenario, tally.run.values());
    verticalSpace(frame, 0.3f);
    if (node.type == NodeType::Choice) {
        drawScenarioChoices(frame);
    } else {
        drawHint(frame, "Entrée : continuer");
    }
}

void AtelierPresenterScreen::drawScenarioChoices(Frame& frame) {
    AtelierRun& run = session_->run;
    ScenarioTally& tally = *run.scenario();
    const auto views = tally.run.visibleChoices();
    const auto& choices = tally.run.currentNode().choices;
    const auto votes = run.scenarioVotes();  // hands or teams, and phones
    const int total = std::accumulate(votes.begin(), votes.end(), 0);
    const int largest = votes.empty() ? 0 : *std::max_element(votes.begin(), votes.end());
    // Above the choices, like the quiz: which teams have voted stays in view on a small projector.
    if (run.teamMode() && tally.voting) {
        std::vector<std::string> statuses;
        tally.teamChoices.resize(run.plan().teams.size(), -1);
        for (const int chosen : tally.teamChoices) {
            statuses.push_back(chosen >= 0 ? "\xE2\x9C\x93" : "");
        }
        const int clicked = teamStrip(frame, run.plan(), statuses, selectedTeam_);
        if (clicked >= 0) {
            selectedTeam_ = clicked;
        }
        verticalSpace(frame, 0.3f);
    }
    for (std::size_t v = 0; v < views.size(); ++v) {
        const ScenarioChoice& choice = choices[static_cast<std::size_t>(views[v].index)];
        RoomAnswerRow row;
        row.index = static_cast<int>(v);
        row.text = choice.text;
        row.locked = !views[v].available;
        if (row.locked) {
            row.note = choice.lockedText;
        }
        row.focused = tally.voting && !run.teamMode() && static_cast<int>(v) == focusedAnswer_;
        row.chosen = casting_ == views[v].index;
        if (!votes.empty() && (tally.voting || total > 0)) {
            row.count = votes[static_cast<std::size_t>(views[v].index)];
            row.total = total;
            row.largest = largest;
        }
        if (roomAnswerRow(frame, row, run.plan()) && !row.locked) {
            if (tally.voting && run.teamMode() && selectedTeam_ >= 0) {
                run.setTeamVote(selectedTeam_, views[v].index);
                selectedTeam_ = -1;
            } else if (tally.voting && !run.teamMode()) {
                focusedAnswer_ = static_cast<int>(v);
            } else if (!tally.voting) {
                casting_ = views[v].index;
            }
        }
    }
    if (tally.voting) {
        drawHint(frame, std::string(run.teamMode()
                                        ? "Numéro de l’équipe puis lettre de son choix"
                                        : "Lettre du choix, puis le nombre de mains · Tab : choix suivant") +
                            " · Entrée : appliquer le choix de la majorité");
    } else {
        drawHint(
            frame,
            "Espace : faire voter la salle · ou une lettre puis Entrée : le choix dont la salle a convenu");
    }
}

void AtelierPresenterScreen::drawMap(Frame& frame) {
    AtelierRun& run = session_->run;
    const SelfDiagnostic& diagnostic = *run.step().diagnostic;
    const auto counts = run.profileCounts(run.position());
    const int total = std::accumulate(counts.begin(), counts.end(), 0);
    const int largest = counts.empty() ? 0 : *std::max_element(counts.begin(), counts.end());
    heading(frame, "Quelles collectivités sont dans la salle ?", frame.services.fonts.title, theme::kPrimary);
    mutedText(frame,
              "Chaque collectivité représentée choisit le profil qui lui ressemble le plus, d’après « " +
                  diagnostic.title + " ».");
    verticalSpace(frame, 0.3f);
    for (std::size_t p = 0; p < diagnostic.profiles.size(); ++p) {
        const Profile& profile = diagnostic.profiles[p];
        RoomAnswerRow row;
        row.index = static_cast<int>(p);
        row.badge = std::to_string(p + 1);
        row.text = profile.title;
        row.note = profile.subtitle;
        row.count = counts[p];
        row.total = total;
        row.largest = largest;
        if (roomAnswerRow(frame, row, run.plan())) {
            run.addCollectivite(static_cast<int>(p));
        }
    }
    paragraph(frame, countNoun(total, "collectivité placée", "collectivités placées"),
              frame.services.fonts.bold);
    drawHint(frame, "1 à " + std::to_string(diagnostic.profiles.size()) +
                        " : ajouter une collectivité à ce profil · Retour arrière : retirer la dernière");
}

void AtelierPresenterScreen::drawHelp(Frame& frame) {
    beginDialog(frame, "##atelier-help",
                ImVec2(std::min(frame.layout.display.x * 0.92f, frame.layout.unit * 40.0f),
                       std::min(frame.layout.display.y * 0.92f, frame.layout.unit * 24.0f)));
    heading(frame, "Touches de l’animateur", frame.services.fonts.title);
    keyHints(frame, {{"→ / Page suiv.", "étape suivante"}, {"← / Page préc.", "étape précédente"}});
    keyHints(frame, {{"Espace", "ouvrir / fermer les réponses ou le vote"},
                     {"Entrée", "montrer / masquer la réponse"}});
    keyHints(frame, {{"1 à 8 puis A à F", "réponse d’une équipe"}, {"A à F puis 0 à 9", "mains levées"}});
    keyHints(frame, {{"Tab", "case suivante"}, {"Retour arrière", "effacer un chiffre"}});
    keyHints(frame, {{"T", "minuteur (démarrer, pause)"}, {"S", "scores des équipes"}, {"F", "plein écran"}});
    keyHints(
        frame,
        {{"G", "les sigles à l’écran"}, {"Échap", "quitter la présentation"}, {"H", "fermer cette aide"}});
    keyHints(frame, {{"P", "salle connectée : les téléphones répondent (code et adresse)"}});
    endDialog();
}

void AtelierPresenterScreen::drawScoreboard(Frame& frame) {
    beginDialog(frame, "##atelier-scores",
                ImVec2(std::min(frame.layout.display.x * 0.92f, frame.layout.unit * 38.0f),
                       std::min(frame.layout.display.y * 0.92f, frame.layout.unit * 22.0f)));
    heading(frame, "Les scores", frame.services.fonts.title);
    mutedText(frame, "Les points des questions dont la réponse a été montrée ; ni vitesse, ni séries.");
    verticalSpace(frame, 0.3f);
    drawPodium(frame, session_->run.plan(), session_->run.standings());
    drawHint(frame, "S : fermer");
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

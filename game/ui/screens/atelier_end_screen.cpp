// « Bilan de l'atelier »: what the room did, the figures and notes for the network, the written report.
#include <algorithm>

#include "core/atelier/atelier_highlights.hpp"
#include "core/atelier/atelier_resume.hpp"
#include "core/base/text.hpp"
#include "ui/screens/atelier_presenter_screen.hpp"
#include "ui/screens/screens.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

namespace passerelles::ui {

namespace {

class AtelierEndScreen final : public Screen {
  public:
    explicit AtelierEndScreen(std::shared_ptr<AtelierSession> session) : session_(std::move(session)) {}

    std::string title() const override { return "Bilan de l’atelier"; }
    std::string kind() const override { return "atelier-end"; }
    // The run only changes in the presenter: the highlights are read from core each time the summary shows.
    void onShow(Services&) override {
        highlights_ = highlightSentences(session_->run, atelierHighlights(session_->run));
    }

    void draw(Frame& frame) override {
        const AtelierRun& run = session_->run;
        if (!typing_ && frame.input.take(Key::E)) {
            writeReport(frame);
        }
        heading(frame, "Bilan de l’atelier", frame.services.fonts.title, theme::kPrimary);
        mutedText(frame, describeSession(frame));
        verticalSpace(frame, 0.4f);
        drawHighlights(frame, run);
        verticalSpace(frame, 0.4f);
        drawFigures(frame);
        verticalSpace(frame, 0.4f);
        if (button(frame, session_->lastReport ? "Écrire à nouveau le compte rendu (E)"
                                               : "Écrire le compte rendu (E)")) {
            writeReport(frame);
        }
        ImGui::SameLine();
        if (button(frame, "Retour à la présentation (Échap)", 0.0f, ButtonStyle::Secondary)) {
            frame.navigator.pop();
        }
        ImGui::SameLine();
        if (button(frame, "Terminer l’atelier", 0.0f, ButtonStyle::Quiet)) {
            frame.navigator.resetTo(makeHomeScreen());
        }
        if (!message_.empty()) {
            verticalSpace(frame, 0.3f);
            outcomeMessage(frame, message_, failed_);
        }
    }

    const std::shared_ptr<AtelierSession>& session() const { return session_; }

  private:
    std::string describeSession(Frame& frame) const {
        const AtelierPlan& plan = session_->run.plan();
        std::string text = plan.title;
        if (!plan.place.empty()) {
            text += " · " + plan.place;
        }
        if (!plan.date.empty()) {
            text += " · " + formatFrenchDate(plan.date);
        }
        const int minutes = minutesPlayed(frame);
        if (minutes > 0) {
            text += " · " + std::to_string(minutes) + " min";
        }
        return text;
    }

    int minutesPlayed(Frame& frame) const {
        if (session_->startedAt < 0.0) {
            return 0;
        }
        return static_cast<int>((frame.services.now() - session_->startedAt) / 60.0 + 0.5);
    }

    // The moments worth telling the room before it leaves: hardest question, the idée reçue that moved
    // most, where the scenarios ended, and the podium.
    void drawHighlights(Frame& frame, const AtelierRun& run) {
        beginPanel(frame, theme::kSurface, theme::kBorder);
        for (std::size_t i = 0; i < highlights_.size(); ++i) {
            if (i == 0) {
                heading(frame, highlights_[i]);
            } else {
                paragraph(frame, highlights_[i]);
            }
        }
        if (run.teamMode()) {
            verticalSpace(frame, 0.3f);
            drawPodium(frame, run.plan(), run.standings());
        }
        endPanel(frame);
    }

    void drawFigures(Frame& frame) {
        AtelierFigures& figures = session_->figures;
        const float unit = frame.layout.unit;
        beginPanel(frame, theme::kPrimarySoft, 0);
        heading(frame, "Pour le compte rendu du réseau");
        mutedText(frame, "Des nombres et vos notes, jamais le nom d’un participant.");
        verticalSpace(frame, 0.3f);
        typing_ = false;
        const float labelWidth = unit * 16.0f;
        const auto numberRow = [&](const char* label, const char* id, int& value) {
            fieldLabel(frame, label);
            ImGui::SameLine(labelWidth);
            typing_ = numberField(frame, id, value, unit * 5.0f) || typing_;
        };
        numberRow("Participants", "##participants", figures.participants);
        numberRow("Collectivités représentées", "##collectivites", figures.collectivites);
        numberRow("dont venues pour la première fois", "##nouvelles", figures.newCollectivites);
        verticalSpace(frame, 0.3f);
        ImGui::TextUnformatted("Ce que la salle a dit (questions, objections, envies) :");
        typing_ = textField(frame, "##notes", figures.notes, availableWidth(), unit * 4.0f) || typing_;
        ImGui::TextUnformatted("Prochaines étapes (qui fait quoi, quand) :");
        typing_ = textField(frame, "##suite", figures.nextSteps, availableWidth(), unit * 4.0f) || typing_;
        endPanel(frame);
    }

    void writeReport(Frame& frame) {
        const auto& folder = frame.services.progress.dataDirectory();
        if (folder.empty()) {
            failed_ = true;
            message_ =
                "Aucun dossier de données : relancez Passerelles avec --data-dir DOSSIER pour écrire le "
                "compte rendu.";
            return;
        }
        session_->figures.minutesPlayed = minutesPlayed(frame);
        const auto files =
            buildAtelierReport(session_->run, session_->figures, formatLocalTimeNow("%d/%m/%Y à %H h %M"));
        std::string error;
        const auto written = writeAtelierReport(files, session_->run.plan(), folder / "ateliers", error);
        failed_ = !written;
        if (written) {
            session_->lastReport = *written;
            // The answers are safe in the report: the next start no longer offers to resume this workshop.
            std::error_code code;
            std::filesystem::remove(savedWorkshopPath(folder), code);
            message_ = "Compte rendu écrit : " + written->string() +
                       " (à ouvrir dans un navigateur ou à imprimer), avec " +
                       std::to_string(files.csv.size()) + " tableaux CSV dans le même dossier.";
        } else {
            message_ = error;
        }
    }

    std::shared_ptr<AtelierSession> session_;
    std::vector<std::string> highlights_;
    std::string message_;
    bool failed_ = false;
    bool typing_ = false;
};

}  // namespace

std::unique_ptr<Screen> makeAtelierEndScreen(std::shared_ptr<AtelierSession> session) {
    return std::make_unique<AtelierEndScreen>(std::move(session));
}

}  // namespace passerelles::ui

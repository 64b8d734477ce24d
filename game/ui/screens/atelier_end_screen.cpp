// « Bilan de l'atelier »: what the room did, the figures and notes for the network, the written report.
#include <algorithm>

#include "core/atelier/atelier_highlights.hpp"
#include "core/atelier/atelier_resume.hpp"
#include "core/base/text.hpp"
#include "core/progress/progress_service.hpp"
#include "ui/probe.hpp"
#include "ui/screens/atelier_presenter_screen.hpp"
#include "ui/screens/screens.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

namespace passerelles::ui {

namespace {

struct WrappingField {
    std::string* value;
    float width;  // of the text inside the field
};

// Keeps each line of a multi-line field within its width as the trainer types (ImGui 1.86 does not wrap):
// the last space before the edge becomes a line break, as a word processor would do it.
int wrapAsTyped(ImGuiInputTextCallbackData* data) {
    auto* field = static_cast<WrappingField*>(data->UserData);
    if (data->EventFlag == ImGuiInputTextFlags_CallbackResize) {
        field->value->resize(static_cast<std::size_t>(data->BufTextLen));
        data->Buf = field->value->data();
        return 0;
    }
    if (data->EventFlag != ImGuiInputTextFlags_CallbackEdit) {
        return 0;
    }
    const int cursor = data->CursorPos;
    int lineStart = cursor;
    while (lineStart > 0 && data->Buf[lineStart - 1] != '\n') {
        --lineStart;
    }
    // From the start of the line being typed to the cursor (a paste may bring several lines' worth): each
    // time the line passes the edge, its last space becomes a line break.
    int lastSpace = -1;
    for (int end = lineStart; end < cursor; ++end) {
        if (data->Buf[end] == ' ') {
            lastSpace = end;
        }
        if (lastSpace > lineStart &&
            ImGui::CalcTextSize(data->Buf + lineStart, data->Buf + end + 1).x > field->width) {
            data->Buf[lastSpace] = '\n';  // same length: the cursor and the rest stay where they are
            data->BufDirty = true;
            lineStart = lastSpace + 1;
            lastSpace = -1;
        }
    }
    return 0;
}

// A multi-line text field whose lines wrap at its width. Returns true while it has the keyboard.
bool wrappingField(Frame& frame, const char* id, std::string& value, float width, float height) {
    const ImVec2 padding(frame.layout.unit * 0.4f, frame.layout.unit * 0.3f);
    WrappingField field{&value, width - padding.x * 2.0f - ImGui::GetStyle().ScrollbarSize};
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, padding);
    ImGui::InputTextMultiline(id, value.data(), value.capacity() + 1, ImVec2(width, height),
                              ImGuiInputTextFlags_CallbackResize | ImGuiInputTextFlags_CallbackEdit,
                              wrapAsTyped, &field);
    ImGui::PopStyleVar();
    if (probe::enabled()) {
        probe::record(std::string("field:") + id, ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
    }
    return ImGui::IsItemActive();
}

class AtelierEndScreen final : public Screen {
  public:
    explicit AtelierEndScreen(std::shared_ptr<AtelierSession> session) : session_(std::move(session)) {}

    std::string title() const override { return "Bilan de l’atelier"; }
    std::string kind() const override { return "atelier-end"; }
    // The run only changes in the presenter: the highlights are read from core each time the summary shows.
    void onShow(Services&) override {
        highlights_ = highlightSentences(session_->run, atelierHighlights(session_->run));
        if (session_->run.teamMode()) {
            podium_ = makePodium(session_->run.plan(), session_->run.standings());
        }
        describedMinutes_ = -1;
    }

    void draw(Frame& frame) override {
        const AtelierRun& run = session_->run;
        if (!typing_ && frame.input.take(Key::E)) {
            writeReport(frame);
        }
        if (!typing_ && session_->lastReport && frame.input.take(Key::O)) {
            open(frame, *session_->lastReport);
        }
        if (!typing_ && session_->lastReport && frame.input.take(Key::D)) {
            open(frame, session_->lastReport->parent_path());
        }
        heading(frame, "Bilan de l’atelier", frame.services.fonts.title, theme::kPrimary);
        if (const int minutes = minutesPlayed(frame); minutes != describedMinutes_) {
            describedMinutes_ = minutes;  // formatted once a minute, not every frame
            description_ = describeSession(minutes);
        }
        mutedText(frame, description_);
        verticalSpace(frame, 0.4f);
        drawHighlights(frame, run);
        verticalSpace(frame, 0.4f);
        drawFigures(frame);
        verticalSpace(frame, 0.4f);
        // A row of buttons that wraps: none goes off screen, even at 1024×768 with large text.
        bool first = true;
        const float right = ImGui::GetCursorScreenPos().x + availableWidth();
        const auto next = [&](const char* label, ButtonStyle style) {
            ImGui::PushFont(frame.services.fonts.bold);
            const float width = ImGui::CalcTextSize(label).x + frame.layout.unit * 1.6f;
            ImGui::PopFont();
            if (!first) {
                ImGui::SameLine();
                if (ImGui::GetCursorScreenPos().x + width > right) {
                    ImGui::NewLine();
                }
            }
            first = false;
            return button(frame, label, 0.0f, style);
        };
        if (next(session_->lastReport ? "Écrire à nouveau le compte rendu (E)" : "Écrire le compte rendu (E)",
                 ButtonStyle::Primary)) {
            writeReport(frame);
        }
        if (session_->lastReport && next("Ouvrir le compte rendu (O)", ButtonStyle::Secondary)) {
            open(frame, *session_->lastReport);
        }
        if (session_->lastReport && next("Ouvrir le dossier (D)", ButtonStyle::Secondary)) {
            open(frame, session_->lastReport->parent_path());
        }
        if (next("Retour à la présentation (Échap)", ButtonStyle::Secondary)) {
            frame.navigator.pop();
        }
        if (next("Terminer l’atelier", ButtonStyle::Quiet)) {
            frame.navigator.resetTo(makeHomeScreen());
        }
        if (!message_.empty()) {
            verticalSpace(frame, 0.3f);
            outcomeMessage(frame, message_, failed_);
        }
    }

    const std::shared_ptr<AtelierSession>& session() const { return session_; }

  private:
    std::string describeSession(int minutes) const {
        const AtelierPlan& plan = session_->run.plan();
        std::string text = plan.title;
        if (!plan.place.empty()) {
            text += " · " + plan.place;
        }
        if (!plan.date.empty()) {
            text += " · " + formatFrenchDate(plan.date);
        }
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
            drawPodium(frame, podium_);
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
        typing_ = wrappingField(frame, "##notes", figures.notes, availableWidth(), unit * 4.0f) || typing_;
        ImGui::TextUnformatted("Prochaines étapes (qui fait quoi, quand) :");
        typing_ =
            wrappingField(frame, "##suite", figures.nextSteps, availableWidth(), unit * 4.0f) || typing_;
        endPanel(frame);
    }

    // The report or its folder, with the system's own program (never from core: the app provides it).
    void open(Frame& frame, const std::filesystem::path& target) {
        std::string error;
        if (!frame.services.openWithSystem) {
            failed_ = true;
            message_ = "Ouvrir un fichier n’est pas possible ici : " + target.string();
        } else if (!frame.services.openWithSystem(target, error)) {
            failed_ = true;
            message_ = "« " + target.string() + " » n’a pas pu être ouvert : " + error;
        } else {
            failed_ = false;
            message_ = "Ouvert avec le programme du système : " + target.string();
        }
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
        const auto written = writeAtelierReport(files, session_->run.plan(), folder / "ateliers");
        failed_ = !written.ok();
        if (written.ok()) {
            session_->lastReport = written.value();
            // The answers are safe in the report: the next start no longer offers to resume this workshop.
            std::error_code code;
            std::filesystem::remove(savedWorkshopPath(folder), code);
            message_ = "Compte rendu écrit : " + written.value().string() +
                       " (à ouvrir dans un navigateur ou à imprimer), avec " +
                       std::to_string(files.csv.size()) + " tableaux CSV dans le même dossier.";
        } else {
            message_ = written.error().message;
        }
    }

    std::shared_ptr<AtelierSession> session_;
    std::vector<std::string> highlights_;
    Podium podium_;
    std::string description_;  // title, place, date, minutes played
    int describedMinutes_ = -1;
    std::string message_;
    bool failed_ = false;
    bool typing_ = false;
};

}  // namespace

std::unique_ptr<Screen> makeAtelierEndScreen(std::shared_ptr<AtelierSession> session) {
    return std::make_unique<AtelierEndScreen>(std::move(session));
}

}  // namespace passerelles::ui

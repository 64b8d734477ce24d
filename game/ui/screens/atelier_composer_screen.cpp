// « Préparer un atelier »: start from the room's local interests, adjust the steps, set teams, save, launch.
#include <algorithm>
#include <filesystem>
#include <map>
#include <set>

#include "core/atelier/atelier_resume.hpp"
#include "core/base/text.hpp"
#include "core/progress/progress_service.hpp"
#include "ui/screens/atelier_presenter_screen.hpp"
#include "ui/screens/screens.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

namespace passerelles::ui {

namespace {

// Themes about how external action works rather than what a town cares about: offered second, since a
// workshop should open on water, youth or culture, not on the legal framework.
const std::set<std::string> kFrameworkThemes = {"jumelage", "cooperation", "cadre-juridique", "financements",
                                                "acteurs",  "odd",         "expertise",       "methode"};

std::string capitalised(const char* name) {
    std::string text = name;
    if (!text.empty() && text[0] >= 'a' && text[0] <= 'z') {
        text[0] = static_cast<char>(text[0] - 'a' + 'A');
    }
    return text;
}

AtelierTeam defaultTeam(int colour) {
    return {defaultTeamName(colour), colour};
}

class AtelierComposerScreen final : public Screen {
  public:
    AtelierComposerScreen(std::optional<AtelierPlan> plan, std::string notice)
        : plan_(plan.value_or(AtelierPlan{})), fresh_(!plan.has_value()), message_(std::move(notice)) {
        if (fresh_) {
            plan_.date = formatLocalTimeNow("%Y-%m-%d");
        }
    }

    std::string title() const override { return "Préparer un atelier"; }
    std::string kind() const override { return "atelier-composer"; }

    void onShow(Services& services) override {
        findResumable(services);
        collectVocabularies(services.library);
        if (fresh_) {
            plan_.items = suggestPlan(services.library, plan_.themes, plan_.audiences, plan_.targetMinutes);
            fresh_ = false;
        }
        refresh(services.library);
    }

    bool handleBack(Frame&) override {
        if (plansOpen_) {
            plansOpen_ = false;
            return true;
        }
        return false;
    }

    void draw(Frame& frame) override {
        if (frame.input.takeWithCtrl(Key::L)) {
            launch(frame);
            return;
        }
        if (resumable_ && frame.input.takeWithCtrl(Key::R)) {
            resume(frame);
            return;
        }
        if (frame.input.takeWithCtrl(Key::S)) {
            save(frame);
        }
        if (frame.input.takeWithCtrl(Key::O)) {
            openPlans(frame);
        }
        heading(frame, "Préparer un atelier", frame.services.fonts.title, theme::kPrimary);
        mutedText(frame,
                  "Partez de ce qui occupe les élus et les habitants du territoire (l’eau, la jeunesse, la "
                  "culture…) : Passerelles propose un déroulé que vous ajustez, puis vous le présentez au "
                  "vidéoprojecteur.");
        verticalSpace(frame, 0.4f);
        if (resumable_) {
            drawResume(frame);
        }
        drawSessionFields(frame);
        drawInterests(frame);
        drawSteps(frame);
        drawTeams(frame);
        drawActions(frame);
        if (plansOpen_) {
            drawPlansDialog(frame);
        }
    }

    const AtelierPlan& plan() const { return plan_; }

  private:
    void collectVocabularies(const ContentLibrary& library) {
        themes_.clear();
        audiences_.clear();
        std::set<std::string> seenThemes;
        std::set<std::string> seenAudiences;
        for (const auto& pack : library.usablePacks()) {
            for (const auto& theme : pack->themes) {
                if (seenThemes.insert(theme.id).second) {
                    themes_.push_back(theme);
                }
            }
            for (const auto& audience : pack->audiences) {
                if (seenAudiences.insert(audience.id).second) {
                    audiences_.push_back(audience);
                }
            }
        }
    }

    // Resolved steps and the count of steps per theme, recomputed when the plan or the filters change.
    void refresh(const ContentLibrary& library) {
        resolved_.clear();
        for (const auto& ref : plan_.items) {
            resolved_.push_back(resolveStep(library, ref));
        }
        stepLabels_.clear();
        for (const auto& step : resolved_) {
            const std::string title =
                step.found() ? step.title() : "introuvable : " + step.ref.packId + " / " + step.ref.itemId;
            stepLabels_.push_back({std::to_string(stepLabels_.size() + 1) + ".",
                                   std::string(atelierItemKindLabel(step.ref.kind)) + " · " + title,
                                   {}});
        }
        stepsWidth_ = -1.0f;
        stepsHeadingTarget_ = -1;
        themeLabels_.clear();
        for (const auto& theme : themes_) {
            const std::size_t count = candidateSteps(library, {theme.id}, plan_.audiences).size();
            themeLabels_[theme.id] = theme.label + " (" + std::to_string(count) + ")##" + theme.id;
        }
        audienceLabels_.clear();
        for (const auto& audience : audiences_) {
            audienceLabels_.push_back(audience.label + "##aud-" + audience.id);
        }
        catalogue_.clear();
        for (const auto& ref : candidateSteps(library, plan_.themes, plan_.audiences)) {
            // Resolved and folded once here, not on every frame the catalogue is on screen.
            const ResolvedStep step = resolveStep(library, ref);
            std::string label = std::string(atelierItemKindLabel(ref.kind)) + " · " + step.title();
            std::string folded = foldForSearch(label);
            catalogue_.push_back({ref, std::move(label), std::move(folded), {}});
        }
        filterCatalogue();
    }

    // The catalogue entries to show: matching the search, not already in the plan, at most kCatalogueShown
    // (+1 to know there are more). Recomputed when the search, the plan or the filters change.
    void filterCatalogue() {
        filteredSearch_ = search_;
        const std::string wanted = foldForSearch(search_);
        shownCatalogue_.clear();
        for (std::size_t i = 0; i < catalogue_.size() && shownCatalogue_.size() <= kCatalogueShown; ++i) {
            const CatalogueEntry& entry = catalogue_[i];
            if (std::find(plan_.items.begin(), plan_.items.end(), entry.ref) != plan_.items.end()) {
                continue;
            }
            if (!wanted.empty() && entry.folded.find(wanted) == std::string::npos) {
                continue;
            }
            shownCatalogue_.push_back(i);
        }
        fittedWidth_ = -1.0f;
    }

    static bool toggle(std::vector<std::string>& list, const std::string& value) {
        const auto found = std::find(list.begin(), list.end(), value);
        if (found == list.end()) {
            list.push_back(value);
        } else {
            list.erase(found);
        }
        return true;
    }

    void drawSessionFields(Frame& frame) {
        const float unit = frame.layout.unit;
        beginPanel(frame, theme::kSurface, theme::kBorder);
        heading(frame, "La séance");
        const float labelWidth = unit * 6.0f;
        const float fieldWidth = availableWidth() - labelWidth;
        const auto row = [&](const char* label, const char* id, std::string& value) {
            fieldLabel(frame, label);
            ImGui::SameLine(labelWidth + ImGui::GetStyle().WindowPadding.x);
            textField(frame, id, value, fieldWidth);
        };
        row("Titre", "##titre", plan_.title);
        row("Lieu", "##lieu", plan_.place);
        // The plan keeps an ISO date; the trainer reads and types it as JJ/MM/AAAA.
        if (shownDateFor_ != plan_.date) {
            dateText_ = isoDateToNumeric(plan_.date);
        }
        row("Date", "##date", dateText_);
        if (dateText_ != parsedDateText_) {  // read again only when typed: reading it checks the date
            parsedDateText_ = dateText_;
            plan_.date = numericDateToIso(dateText_);
        }
        shownDateFor_ = plan_.date;
        row("Public", "##public", plan_.audience);
        sourceLine(frame,
                   "Public : en clair, par exemple « élus de communes rurales du Cher ». Date : JJ/MM/AAAA.");
        endPanel(frame);
    }

    void drawInterests(Frame& frame) {
        beginPanel(frame, theme::kSurface, theme::kBorder);
        heading(frame, "Les intérêts de la salle");
        mutedText(frame,
                  "Cochez les sujets du territoire ; le nombre d’étapes disponibles suit chaque sujet.");
        const float right = ImGui::GetCursorScreenPos().x + availableWidth();
        bool changed = false;
        for (const bool framework : {false, true}) {
            if (framework) {
                verticalSpace(frame, 0.2f);
                sourceLine(frame, "Le cadre de l’action extérieure :");
            }
            bool first = true;
            for (const auto& theme : themes_) {
                if ((kFrameworkThemes.count(theme.id) > 0) != framework) {
                    continue;
                }
                const bool selected =
                    std::find(plan_.themes.begin(), plan_.themes.end(), theme.id) != plan_.themes.end();
                if (flowButton(frame, themeLabels_[theme.id], selected, first, right)) {
                    changed = toggle(plan_.themes, theme.id);
                }
            }
        }
        verticalSpace(frame, 0.3f);
        sourceLine(frame, "Pour qui :");
        bool first = true;
        for (std::size_t a = 0; a < audiences_.size() && a < audienceLabels_.size(); ++a) {
            const VocabularyEntry& audience = audiences_[a];
            const bool selected = std::find(plan_.audiences.begin(), plan_.audiences.end(), audience.id) !=
                                  plan_.audiences.end();
            if (flowButton(frame, audienceLabels_[a], selected, first, right)) {
                changed = toggle(plan_.audiences, audience.id);
            }
        }
        verticalSpace(frame, 0.3f);
        if (countField(frame, "Durée visée (minutes)", plan_.targetMinutes, false, theme::kPrimary, 5)) {
            plan_.targetMinutes = std::clamp(plan_.targetMinutes, 5, 480);
        }
        verticalSpace(frame, 0.2f);
        if (button(frame, "Proposer un déroulé")) {
            plan_.items =
                suggestPlan(frame.services.library, plan_.themes, plan_.audiences, plan_.targetMinutes);
            changed = true;
            message_ = plan_.items.empty() ? "Aucune étape ne correspond : retirez un filtre." : "";
        }
        endPanel(frame);
        if (changed) {
            refresh(frame.services.library);
        }
    }

    void drawSteps(Frame& frame) {
        const float unit = frame.layout.unit;
        beginPanel(frame, theme::kSurface, theme::kBorder);
        if (stepsHeadingTarget_ !=
            plan_.targetMinutes) {  // the steps change through refresh(), which resets it
            stepsHeadingTarget_ = plan_.targetMinutes;
            stepsHeading_ = "Le déroulé : " + std::to_string(plan_.items.size()) + " étape" +
                            (plan_.items.size() > 1 ? "s" : "") + ", environ " +
                            std::to_string(estimatedMinutes(plan_)) + " min sur " +
                            std::to_string(plan_.targetMinutes) + " visées";
        }
        heading(frame, stepsHeading_);
        std::optional<std::size_t> moveUp;
        std::optional<std::size_t> moveDown;
        std::optional<std::size_t> remove;
        ImFont* font = frame.services.fonts.body;
        for (std::size_t i = 0; i < resolved_.size(); ++i) {
            const ResolvedStep& step = resolved_[i];
            ImGui::PushID(static_cast<int>(i));
            // Number and title centred on the height of the row's buttons, the buttons flush right.
            const float rowY = ImGui::GetCursorPosY();
            const float startX = ImGui::GetCursorPosX();
            const float avail = availableWidth();
            const float spacing = ImGui::GetStyle().ItemSpacing.x;
            const float buttonsWidth = unit * (2.6f + 2.6f + 6.0f) + 2.0f * spacing;
            ImGui::SetCursorPos(ImVec2(startX, rowY + (unit * 2.2f - font->FontSize) * 0.5f));
            StepLabel& label = stepLabels_[i];
            ImGui::TextUnformatted(label.number.c_str());
            ImGui::SameLine();
            ImGui::SetCursorPosX(startX +
                                 unit * 2.0f);  // SameLine's offset would count the panel's indent twice
            // Cut to the width once, again only when the width or the type changes.
            const float lineWidth = avail - unit * 2.5f - buttonsWidth;
            if (i == 0 && (lineWidth != stepsWidth_ || font != stepsFont_)) {
                stepsWidth_ = lineWidth;
                stepsFont_ = font;
                for (StepLabel& each : stepLabels_) {
                    each.fitted = fitWithEllipsis(font, each.full, lineWidth);
                }
            }
            ImGui::PushStyleColor(ImGuiCol_Text, theme::toVec4(step.found() ? theme::kText : theme::kWrong));
            ImGui::TextUnformatted(label.fitted.c_str());
            ImGui::PopStyleColor();
            ImGui::SetCursorPos(ImVec2(startX + avail - buttonsWidth, rowY));
            if (button(frame, "\xE2\x86\x91##haut", unit * 2.6f, ButtonStyle::Secondary, i > 0)) {
                moveUp = i;
            }
            ImGui::SameLine();
            if (button(frame, "\xE2\x86\x93##bas", unit * 2.6f, ButtonStyle::Secondary,
                       i + 1 < resolved_.size())) {
                moveDown = i;
            }
            ImGui::SameLine();
            if (button(frame, "Retirer", unit * 6.0f, ButtonStyle::Quiet)) {
                remove = i;
            }
            ImGui::PopID();
        }
        if (plan_.items.empty()) {
            mutedText(frame, "Aucune étape : proposez un déroulé ou ajoutez des étapes ci-dessous.");
        }
        bool changed = false;
        if (moveUp) {
            std::swap(plan_.items[*moveUp], plan_.items[*moveUp - 1]);
            changed = true;
        } else if (moveDown) {
            std::swap(plan_.items[*moveDown], plan_.items[*moveDown + 1]);
            changed = true;
        } else if (remove) {
            plan_.items.erase(plan_.items.begin() + static_cast<std::ptrdiff_t>(*remove));
            changed = true;
        }
        verticalSpace(frame, 0.4f);
        if (button(frame, catalogueOpen_ ? "Masquer les étapes à ajouter" : "Ajouter des étapes…", 0.0f,
                   ButtonStyle::Secondary)) {
            catalogueOpen_ = !catalogueOpen_;
        }
        if (catalogueOpen_) {
            changed = drawCatalogue(frame) || changed;
        }
        endPanel(frame);
        if (changed) {
            refresh(frame.services.library);
        }
    }

    bool drawCatalogue(Frame& frame) {
        const float unit = frame.layout.unit;
        fieldLabel(frame, "Chercher");
        ImGui::SameLine();
        textField(frame, "##chercher", search_, availableWidth() * 0.6f);
        if (search_ != filteredSearch_) {
            filterCatalogue();
        }
        bool changed = false;
        ImFont* font = frame.services.fonts.body;
        const float textWidth = availableWidth() - unit * 6.0f - ImGui::GetStyle().ItemSpacing.x;
        if (textWidth != fittedWidth_ || font != fittedFont_) {
            fittedWidth_ = textWidth;
            fittedFont_ = font;
            for (const std::size_t i : shownCatalogue_) {
                catalogue_[i].fitted = fitWithEllipsis(font, catalogue_[i].label, textWidth);
            }
        }
        for (std::size_t n = 0; n < shownCatalogue_.size(); ++n) {
            if (n == kCatalogueShown) {
                sourceLine(frame, "… affinez la recherche pour voir les autres étapes.");
                break;
            }
            const CatalogueEntry& entry = catalogue_[shownCatalogue_[n]];
            ImGui::PushID(static_cast<int>(shownCatalogue_[n]));
            if (button(frame, "Ajouter", unit * 6.0f, ButtonStyle::Secondary)) {
                plan_.items.push_back(entry.ref);
                changed = true;
            }
            ImGui::SameLine();
            ImGui::AlignTextToFramePadding();
            ImGui::TextUnformatted(entry.fitted.c_str());
            ImGui::PopID();
        }
        if (shownCatalogue_.empty()) {
            mutedText(frame, "Rien à ajouter pour ces sujets et cette recherche.");
        }
        return changed;
    }

    void drawTeams(Frame& frame) {
        const float unit = frame.layout.unit;
        beginPanel(frame, theme::kSurface, theme::kBorder);
        heading(frame, "Qui répond");
        const bool teams = !plan_.teams.empty();
        if (button(frame, "Toute la salle, à main levée", 0.0f,
                   teams ? ButtonStyle::Secondary : ButtonStyle::Primary)) {
            plan_.teams.clear();
        }
        ImGui::SameLine();
        if (button(frame, "En équipes", 0.0f, teams ? ButtonStyle::Primary : ButtonStyle::Secondary) &&
            !teams) {
            for (int t = 0; t < 4; ++t) {
                plan_.teams.push_back(defaultTeam(t));
            }
        }
        if (!plan_.teams.empty()) {
            int count = static_cast<int>(plan_.teams.size());
            if (countField(frame, "Nombre d’équipes", count, false, theme::kPrimary)) {
                count = std::clamp(count, kMinTeams, kMaxTeams);
                while (static_cast<int>(plan_.teams.size()) < count) {
                    plan_.teams.push_back(defaultTeam(freeColour()));
                }
                plan_.teams.resize(static_cast<std::size_t>(count));
            }
            for (std::size_t t = 0; t < plan_.teams.size(); ++t) {
                AtelierTeam& team = plan_.teams[t];
                ImGui::PushID(static_cast<int>(t));
                const ImVec2 position = ImGui::GetCursorScreenPos();
                const float swatch = unit * 2.0f;
                if (ImGui::InvisibleButton("##couleur", ImVec2(swatch, swatch))) {
                    team.colour = (team.colour + 1) % kMaxTeams;  // a click tries the next colour
                }
                ImGui::GetWindowDrawList()->AddRectFilled(
                    position, ImVec2(position.x + swatch, position.y + swatch), teamFill(team), unit * 0.3f);
                ImGui::SameLine();
                ImGui::AlignTextToFramePadding();
                const std::string label =
                    std::to_string(t + 1) + " · " + capitalised(kTeamColours[team.colour].name);
                ImGui::TextUnformatted(label.c_str());
                ImGui::SameLine(unit * 9.0f + ImGui::GetStyle().WindowPadding.x);
                textField(frame, "##nom", team.name, availableWidth() * 0.8f);
                ImGui::PopID();
            }
            sourceLine(
                frame,
                "Un clic sur la couleur en propose une autre. Des couleurs qui restent distinctes pour "
                "les personnes daltoniennes.");
            if (countField(frame, "Équipes sur le podium", plan_.podiumSize, false, theme::kPrimary)) {
                plan_.podiumSize = std::clamp(plan_.podiumSize, 1, static_cast<int>(plan_.teams.size()));
            }
            ImGui::Checkbox(
                "Écrire le nom des équipes dans le compte rendu (sinon « Équipe 1 », « Équipe 2 »…)",
                &plan_.teamNamesInReport);
        }
        if (countField(frame, "Minuteur (touche T), en secondes", plan_.timerSeconds, false, theme::kPrimary,
                       15)) {
            plan_.timerSeconds = std::clamp(plan_.timerSeconds, 10, 600);
        }
        sourceLine(
            frame,
            "Pas de points de rapidité ni de séries : chaque question rapporte ses points, selon sa règle.");
        endPanel(frame);
    }

    int freeColour() const {
        for (int colour = 0; colour < kMaxTeams; ++colour) {
            const bool used = std::any_of(plan_.teams.begin(), plan_.teams.end(),
                                          [&](const AtelierTeam& team) { return team.colour == colour; });
            if (!used) {
                return colour;
            }
        }
        return 0;
    }

    void drawActions(Frame& frame) {
        verticalSpace(frame, 0.3f);
        if (button(frame, "Lancer l’atelier (Ctrl+L)", 0.0f, ButtonStyle::Primary, !plan_.items.empty())) {
            launch(frame);
            return;
        }
        ImGui::SameLine();
        if (button(frame, "Enregistrer le plan (Ctrl+S)", 0.0f, ButtonStyle::Secondary)) {
            save(frame);
        }
        ImGui::SameLine();
        if (button(frame, "Ouvrir un plan (Ctrl+O)", 0.0f, ButtonStyle::Secondary)) {
            openPlans(frame);
        }
        if (!message_.empty()) {
            verticalSpace(frame, 0.3f);
            outcomeMessage(frame, message_, failed_);
        }
    }

    std::filesystem::path plansFolder(Frame& frame) const {
        const auto& data = frame.services.progress.dataDirectory();
        return data.empty() ? std::filesystem::path() : data / "ateliers" / "plans";
    }

    void save(Frame& frame) {
        const auto folder = plansFolder(frame);
        if (folder.empty()) {
            failed_ = true;
            message_ =
                "Aucun dossier de données : relancez Passerelles avec --data-dir DOSSIER pour enregistrer.";
            return;
        }
        const auto file = savePlanFile(plan_, folder);
        failed_ = !file.ok();
        message_ = file.ok() ? "Plan enregistré : " + file.value().string() : file.error().message;
    }

    void openPlans(Frame& frame) {
        savedPlans_ = listPlanFiles(plansFolder(frame));
        plansOpen_ = true;
    }

    void drawPlansDialog(Frame& frame) {
        beginDialog(frame, "##plans",
                    ImVec2(std::min(frame.layout.display.x * 0.9f, frame.layout.unit * 34.0f),
                           frame.layout.display.y * 0.8f));
        heading(frame, "Plans enregistrés", frame.services.fonts.title);
        if (savedPlans_.empty()) {
            mutedText(frame, "Aucun plan enregistré dans " + plansFolder(frame).string() + ".");
        }
        for (std::size_t i = 0; i < savedPlans_.size(); ++i) {
            const AtelierPlan& saved = savedPlans_[i].plan;
            std::string label = formatFrenchDate(saved.date) + " · " + saved.title;
            if (!saved.place.empty()) {
                label += " · " + saved.place;
            }
            label += " (" + std::to_string(saved.items.size()) + " étapes)##" + std::to_string(i);
            if (button(frame, label.c_str(), availableWidth(), ButtonStyle::Secondary)) {
                plan_ = saved;
                plansOpen_ = false;
                failed_ = false;
                message_ = "Plan ouvert : " + savedPlans_[i].file.string();
                refresh(frame.services.library);
            }
        }
        if (button(frame, "Fermer (Échap)", 0.0f, ButtonStyle::Quiet)) {
            plansOpen_ = false;
        }
        endDialog();
    }

    // A workshop the last session did not finish (a crash, a power cut, a closed lid that ran flat).
    void findResumable(Services& services) {
        resumable_.reset();
        const auto& data = services.progress.dataDirectory();
        if (data.empty() || !std::filesystem::exists(savedWorkshopPath(data))) {
            return;
        }
        auto saved = readSavedWorkshop(savedWorkshopPath(data));
        if (!saved.ok()) {
            failed_ = true;
            message_ = saved.error().message;
            return;
        }
        if (!saved.value().events.empty()) {
            resumable_ = std::move(saved).value();
        }
    }

    void drawResume(Frame& frame) {
        beginPanel(frame, theme::kPartialSoft, theme::kPartial);
        paragraph(frame,
                  "Un atelier n’a pas été terminé, " + guillemets(resumable_->plan.title) +
                      "\u00A0: ses réponses sont gardées.",
                  frame.services.fonts.bold);
        if (button(frame, (resumeLabel(*resumable_) + " (Ctrl+R)").c_str())) {
            resume(frame);
        }
        if (button(frame, "Repartir de zéro", 0.0f, ButtonStyle::Secondary)) {
            std::error_code code;
            std::filesystem::remove(savedWorkshopPath(frame.services.progress.dataDirectory()), code);
            resumable_.reset();
        }
        endPanel(frame);
        verticalSpace(frame, 0.3f);
    }

    void resume(Frame& frame) {
        std::vector<std::string> missing;
        auto steps = resolvePlan(frame.services.library, resumable_->plan, missing);
        if (!missing.empty() || steps.empty()) {
            // The steps' numbers would no longer match the answers recorded: better say it than guess.
            failed_ = true;
            message_ = "Le contenu a changé depuis cet atelier (" + std::to_string(missing.size()) +
                       " étape(s) introuvable(s)) : il ne peut pas être repris tel quel.";
            return;
        }
        AtelierRun run(resumable_->plan, std::move(steps), resumable_->optionSeed);
        if (!run.replay(resumable_->events)) {
            failed_ = true;
            message_ = "L’atelier enregistré ne correspond plus à son plan : il ne peut pas être repris.";
            return;
        }
        plan_ = resumable_->plan;
        auto session = std::make_shared<AtelierSession>(std::move(run));
        session->resumed = true;
        resumable_.reset();
        refresh(frame.services.library);
        frame.navigator.push(makeAtelierPresenterScreen(std::move(session)));
    }

    void launch(Frame& frame) {
        std::vector<std::string> missing;
        auto steps = resolvePlan(frame.services.library, plan_, missing);
        if (steps.empty()) {
            failed_ = true;
            message_ = "Ce plan n’a aucune étape jouable : ajoutez-en avant de lancer l’atelier.";
            return;
        }
        if (!missing.empty()) {
            failed_ = true;
            message_ = std::to_string(missing.size()) +
                       " étape(s) introuvable(s) dans les packs chargés seront sautées.";
        }
        // Each workshop shows the options in its own order (the seed is saved with it, for a resume).
        const auto seed = frame.services.playSeed ? frame.services.playSeed() : std::nullopt;
        auto session = std::make_shared<AtelierSession>(AtelierRun(plan_, std::move(steps), seed));
        frame.navigator.push(makeAtelierPresenterScreen(std::move(session)));
    }

    AtelierPlan plan_;
    bool fresh_ = true;
    std::vector<VocabularyEntry> themes_;
    std::vector<VocabularyEntry> audiences_;
    std::vector<ResolvedStep> resolved_;
    // Labels made by refresh() when the plan or the filters change, not on every frame.
    std::map<std::string, std::string> themeLabels_;  // « Eau (12)##eau », by theme id
    std::vector<std::string> audienceLabels_;         // in the order of audiences_
    struct StepLabel {
        std::string number;  // « 1. »
        std::string full;    // « Question · … »
        std::string fitted;  // cut to the row's width
    };
    std::vector<StepLabel> stepLabels_;  // one per resolved step
    float stepsWidth_ = -1.0f;
    const ImFont* stepsFont_ = nullptr;
    std::string stepsHeading_;
    int stepsHeadingTarget_ = -1;
    struct CatalogueEntry {
        AtelierItemRef ref;
        std::string label;   // « Question · … »
        std::string folded;  // the label for the search: lower case, no accents
        std::string fitted;  // the label cut to the width on screen
    };
    static constexpr std::size_t kCatalogueShown = 25;
    std::vector<CatalogueEntry> catalogue_;
    std::vector<std::size_t> shownCatalogue_;
    std::string filteredSearch_;
    float fittedWidth_ = -1.0f;
    const ImFont* fittedFont_ = nullptr;
    std::string search_;
    std::string dateText_;        // the date field as typed: 02/12/2026
    std::string shownDateFor_;    // the plan's date that dateText_ shows
    std::string parsedDateText_;  // the date field as plan_.date was last read from it
    bool catalogueOpen_ = false;
    bool plansOpen_ = false;
    std::vector<SavedPlan> savedPlans_;
    std::string message_;
    bool failed_ = false;
    std::optional<SavedWorkshop> resumable_;
};

}  // namespace

std::unique_ptr<Screen> makeAtelierComposerScreen(std::optional<AtelierPlan> plan, std::string notice) {
    return std::make_unique<AtelierComposerScreen>(std::move(plan), std::move(notice));
}

}  // namespace passerelles::ui

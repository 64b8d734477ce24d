// The frame around every screen: layout, header with "Retour", keyboard scrolling, text size, glossary.
#include "ui/screen_host.hpp"

#include <algorithm>
#include <cmath>

#include "core/base/text.hpp"
#include "core/progress/progress_service.hpp"
#include "ui/probe.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

namespace passerelles::ui {

void Navigator::push(std::unique_ptr<Screen> screen) {
    requests_.push_back({Request::Kind::Push, std::move(screen)});
}
void Navigator::pop() {
    requests_.push_back({Request::Kind::Pop, nullptr});
}
void Navigator::replace(std::unique_ptr<Screen> screen) {
    requests_.push_back({Request::Kind::Replace, std::move(screen)});
}
void Navigator::resetTo(std::unique_ptr<Screen> screen) {
    requests_.push_back({Request::Kind::Reset, std::move(screen)});
}

// What the audience window draws with: its own fonts (a copy of the main set, rebuilt at its size), its own
// rich-text cache and acronyms seen, the rest shared with the main window.
struct ScreenHost::Audience {
    explicit Audience(Services& main)
        : fonts(main.fonts),
          text(&main.glossary, &acronyms),
          services{.library = main.library,
                   .glossary = main.glossary,
                   .settings = main.settings,
                   .fonts = fonts,
                   .text = text,
                   .acronyms = acronyms,
                   .now = main.now,
                   .progress = main.progress,
                   .images = nullptr,
                   .startupMessages = {},
                   .pollContent = {},
                   .playSeed = main.playSeed,
                   .openWithSystem = main.openWithSystem} {
        fonts.body = nullptr;  // the copy still points into the main atlas: force a build in this one
    }
    FontSet fonts;
    AcronymsOnScreen acronyms;
    RichText text;
    Services services;  // images stay off: their textures belong to the main window's renderer
};

ScreenHost::ScreenHost(Services& services, std::unique_ptr<Screen> first) : services_(services) {
    stack_.push_back(std::move(first));
}

ScreenHost::~ScreenHost() = default;

void ScreenHost::enableAudienceWindow() {
    if (!audience_) {
        audience_ = std::make_unique<Audience>(services_);
    }
    services_.settings.audienceWindow = true;
}

float audienceBaseFontSize(float width, float height, float userScale) {
    // The floor readable at the back of a room, 28 px at 1080p, in proportion to the picture's height (or
    // its width, for a window narrower than 4:3): a 1080p projector shows more than a 720p one scaled up.
    const float picture = std::min(height, width * 0.75f);
    return std::clamp(std::round(28.0f * picture / 1080.0f * userScale), 11.0f, 96.0f);
}

bool ScreenHost::prepareAudience(ImVec2 displaySize) {
    const float size = audienceBaseFontSize(displaySize.x, displaySize.y, services_.settings.textScale);
    if (!audience_->fonts.ensureSize(*ImGui::GetIO().Fonts, size)) {
        return false;
    }
    theme::apply(ImGui::GetStyle(), audience_->fonts.baseSize());
    audience_->text.clearCache();
    return true;
}

void ScreenHost::frameAudience() {
    audience_->acronyms.beginFrame();
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    FrameInput noKeys;  // every key goes to the main window's frame, whichever window has the focus
    Frame frame{audience_->services, navigator_, noKeys, computeLayout(display, audience_->fonts)};
    ImGui::PushFont(audience_->fonts.body);
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(display);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(frame.layout.margin, frame.layout.unit * 0.6f));
    // Never a scrollbar on a projector: a screen's audience view lays itself out to fit.
    ImGui::Begin("##audience", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                     ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse |
                     ImGuiWindowFlags_NoBackground);  // cleared to that colour already, as ##root below
    ImGui::PopStyleVar();
    if (!stack_.back()->drawAudience(frame)) {
        ImGui::SetCursorPosY(display.y * 0.4f);
        heading(frame, "Passerelles", audience_->fonts.display, theme::kPrimary);
    }
    ImGui::End();
    ImGui::PopFont();
}

bool ScreenHost::prepare(ImVec2 displaySize) {
    // A room's screen in the one window (the workshop on a projector) takes the projector's type, as the
    // audience window does: 28 px body text at 1080p, so a 1080p projector shows more than a 720p one.
    const bool room = !stack_.empty() && stack_.back()->chrome() == Chrome::Room;
    const float size = room ? audienceBaseFontSize(displaySize.x, displaySize.y, services_.settings.textScale)
                            : baseFontSizeFor(displaySize.x, displaySize.y, services_.settings.textScale);
    const bool largeType = !stack_.empty() && stack_.back()->usesDisplayFont();
    if (!services_.fonts.ensureSize(*ImGui::GetIO().Fonts, size, largeType)) {
        return false;
    }
    theme::apply(ImGui::GetStyle(), services_.fonts.baseSize());
    services_.text.clearCache();
    return true;
}

Layout ScreenHost::computeLayout(ImVec2 display, const FontSet& fonts) const {
    Layout layout;
    layout.display = display;
    layout.unit = fonts.baseSize() > 0 ? fonts.baseSize() : 16.0f;
    layout.margin = std::max(layout.unit, display.x * 0.03f);
    layout.columnWidth = std::min(display.x - 2.0f * layout.margin, layout.unit * 42.0f);
    layout.columnX = std::floor((display.x - layout.columnWidth) * 0.5f);
    return layout;
}

double ScreenHost::secondsUntilWake() const {
    if (services_.contentLoading) {
        return 0.1;  // packs loading in the background: show them as soon as they are ready
    }
    return stack_.empty() ? -1.0 : stack_.back()->secondsUntilWake(services_.now());
}

void ScreenHost::handleGlobalKeys(Frame& frame) {
    Settings& settings = services_.settings;
    if (frame.input.takeWithCtrl(Key::Plus)) {
        settings.textScale = std::min(1.6f, settings.textScale + 0.1f);
    }
    if (frame.input.takeWithCtrl(Key::Minus)) {
        settings.textScale = std::max(0.8f, settings.textScale - 0.1f);
    }
    if (frame.input.takeWithCtrl(Key::Digit0)) {
        settings.textScale = 1.0f;
    }
    if (frame.input.take(Key::F11) && !settings.kiosk) {
        settings.fullscreen = !settings.fullscreen;
    }
}

void ScreenHost::drawHeader(Frame& frame) {
    const Layout& layout = frame.layout;
    const float height = layout.unit * 3.0f;
    ImDrawList* drawList = ImGui::GetWindowDrawList();
    drawList->AddRectFilled(ImVec2(0, 0), ImVec2(layout.display.x, height), theme::kSurface);
    drawList->AddLine(ImVec2(0, height), ImVec2(layout.display.x, height), theme::kBorder, 1.0f);
    ImGui::SetCursorPos(ImVec2(layout.margin, (height - layout.unit * 2.2f) * 0.5f));
    if (stack_.size() > 1) {
        if (button(frame, "\xE2\x86\x90 Retour (Échap)", 0.0f, ButtonStyle::Quiet)) {
            backRequested_ = true;
        }
        ImGui::SameLine(0, layout.unit);
    }
    if (titled_ != stack_.back().get()) {
        // A screen's title stays what it was when it came up: asked once, an idle frame copies nothing.
        titled_ = stack_.back().get();
        title_ = titled_->title();
    }
    ImFont* font = services_.fonts.heading;
    ImGui::PushFont(font);
    ImGui::SetCursorPosY((height - font->FontSize) * 0.5f);
    ImGui::TextUnformatted(title_.c_str());
    ImGui::PopFont();
    ImGui::SetCursorPos(ImVec2(0, height));
}

namespace {

// What the save banner says, and a key that changes with each new problem (0: nothing to say).
struct SaveProblem {
    std::uint64_t key = 0;
    std::string text;
};

SaveProblem saveProblem(ProgressService& progress) {
    if (!progress.available()) {
        // A store asked for but not opened (read-only or full data folder): nothing of this game is saved.
        if (progress.dataDirectory().empty() || progress.notices().empty()) {
            return {};
        }
        return {1, progress.notices().back()};  // it says that nothing is saved, and why
    }
    const ProgressStore& store = *progress.store();
    if (store.saveFailures() > 0) {
        return {2 + store.saveFailures(),
                "Vos réponses ne sont pas enregistrées. " + store.lastSaveFailure()};
    }
    if (!store.journalWarning().empty()) {
        return {2, store.journalWarning()};
    }
    return {};
}

}  // namespace

// Between the header and the content, outside the scrolling area: it cannot scroll away, and it stays
// until dismissed (a new problem shows it again).
void ScreenHost::drawSaveBanner(Frame& frame, const Screen& screen) {
    SaveProblem problem = saveProblem(services_.progress);
    if (problem.key == 0 || problem.key == dismissedSaveProblem_ ||
        (problem.key == 1 && screen.kind() == "home")) {  // the home screen says it among its messages
        return;
    }
    const Layout& layout = frame.layout;
    const char* label = "Masquer ce message";
    ImGui::PushFont(services_.fonts.body);
    const float buttonWidth = ImGui::CalcTextSize(label).x + layout.unit * 2.0f;
    const float textWidth =
        std::max(layout.unit * 8.0f, layout.display.x - 2.0f * layout.margin - buttonWidth - layout.unit);
    const std::string text = frenchTypography(problem.text);  // no « : » alone at a line's start
    const float textHeight = ImGui::CalcTextSize(text.c_str(), nullptr, false, textWidth).y;
    const float height = std::max(textHeight, ImGui::GetFrameHeight()) + layout.unit;
    const float top = ImGui::GetCursorPosY();
    ImDrawList* drawList = ImGui::GetWindowDrawList();
    drawList->AddRectFilled(ImVec2(0, top), ImVec2(layout.display.x, top + height), theme::kWrongSoft);
    drawList->AddLine(ImVec2(0, top + height), ImVec2(layout.display.x, top + height), theme::kWrong, 2.0f);
    ImGui::SetCursorPos(ImVec2(layout.margin, top + layout.unit * 0.5f));
    ImGui::PushTextWrapPos(layout.margin + textWidth);
    ImGui::PushStyleColor(ImGuiCol_Text, theme::kWrong);
    ImGui::TextUnformatted(text.c_str());
    ImGui::PopStyleColor();
    ImGui::PopTextWrapPos();
    probe::recordText(problem.text);
    ImGui::SetCursorPos(ImVec2(layout.display.x - layout.margin - buttonWidth,
                               top + (height - ImGui::GetFrameHeight()) * 0.5f));
    if (button(frame, label, buttonWidth, ButtonStyle::Secondary)) {
        dismissedSaveProblem_ = problem.key;
    }
    ImGui::PopFont();
    ImGui::SetCursorPos(ImVec2(0, top + height));
}

void ScreenHost::drawGlossaryOverlay(Frame& frame) {
    const Layout& layout = frame.layout;
    // A copy: the expansions drawn below note their own acronyms, which may grow (and move) the list.
    const std::vector<const GlossaryEntry*> seen = services_.acronyms.seen();
    beginDialog(frame, "##glossary",
                ImVec2(std::min(layout.display.x * 0.9f, layout.unit * 36.0f), layout.display.y * 0.8f));
    heading(frame, "Sigles de cet écran", services_.fonts.title);
    verticalSpace(frame, 0.3f);
    if (seen.empty()) {
        mutedText(frame, "Aucun sigle à l’écran.");
    }
    for (const GlossaryEntry* entry : seen) {
        ImGui::PushFont(services_.fonts.bold);
        ImGui::TextUnformatted(entry->term.c_str());
        ImGui::PopFont();
        ImGui::SameLine();
        paragraph(frame, entry->expansion);
        if (!entry->note.empty()) {
            sourceLine(frame, entry->note);
        }
    }
    verticalSpace(frame, 0.5f);
    keyHints(frame, {{"G", "Fermer"}, {"Échap", "Fermer"}});
    endDialog();
}

void ScreenHost::drawQuitDialog(Frame& frame) {
    const Layout& layout = frame.layout;
    beginDialog(frame, "##quit",
                ImVec2(std::min(layout.display.x * 0.9f, layout.unit * 24.0f), layout.unit * 9.0f));
    heading(frame, "Quitter Passerelles ?", services_.fonts.title);
    verticalSpace(frame, 0.5f);
    if (button(frame, "Quitter (Entrée)") || frame.input.take(Key::Enter)) {
        navigator_.quit();
    }
    ImGui::SameLine();
    if (button(frame, "Rester (Échap)", 0.0f, ButtonStyle::Secondary)) {
        quitDialogOpen_ = false;
    }
    endDialog();
}

void ScreenHost::frame(FrameInput& input) {
    if (services_.pollContent) {
        services_.pollContent();
    }
    services_.acronyms.beginFrame();
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    Frame frame{services_, navigator_, input, computeLayout(display, services_.fonts)};
    Screen& screen = *stack_.back();
    if (&screen != shownTop_) {
        shownTop_ = &screen;
        screen.onShow(services_);
    }
    backRequested_ = false;

    ImGui::PushFont(services_.fonts.body);
    if (ImGui::GetIO().WantTextInput) {
        input.dropTypingKeys();  // letters typed into a field are not shortcuts
    }
    handleGlobalKeys(frame);
    // While an overlay is open it owns the keyboard: the screen behind it must not react.
    FrameInput noKeys;
    const bool overlayOpen = glossaryOpen_ || quitDialogOpen_;
    Frame screenFrame{services_, navigator_, overlayOpen ? noKeys : input, frame.layout};

    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(display);
    // No background of its own: the frame is cleared to the same colour before ImGui draws, and SDL's
    // software renderer blends a full-window rectangle pixel by pixel (a third of a frame's cost).
    ImGui::Begin("##root", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                     ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoScrollWithMouse |
                     ImGuiWindowFlags_NoBackground);
    if (screen.chrome() == Chrome::Standard) {
        drawHeader(frame);
    }
    drawSaveBanner(frame, screen);
    const float top = ImGui::GetCursorPosY();
    const bool room = screen.chrome() == Chrome::Room;
    // A room's screen (a projector) uses the whole width and never scrolls: it fits itself to the window.
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding,
                        room ? ImVec2(frame.layout.margin, frame.layout.unit * 0.6f)
                             : ImVec2(frame.layout.columnX, frame.layout.unit));
    ImGui::BeginChild("##content", ImVec2(display.x, display.y - top), false,
                      ImGuiWindowFlags_AlwaysUseWindowPadding | ImGuiWindowFlags_NoSavedSettings |
                          (room ? ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse : 0));
    ImGui::PopStyleVar();
    screen.draw(screenFrame);
    if (!overlayOpen && !room) {
        // Keyboard scrolling of long explanations, when the screen did not use these keys.
        const float step = frame.layout.unit * 3.0f;
        const float page = ImGui::GetWindowHeight() * 0.8f;
        if (input.take(Key::Down)) {
            ImGui::SetScrollY(ImGui::GetScrollY() + step);
        }
        if (input.take(Key::Up)) {
            ImGui::SetScrollY(ImGui::GetScrollY() - step);
        }
        if (input.take(Key::PageDown)) {
            ImGui::SetScrollY(ImGui::GetScrollY() + page);
        }
        if (input.take(Key::PageUp)) {
            ImGui::SetScrollY(ImGui::GetScrollY() - page);
        }
    }
    if (!room) {
        ImGui::Dummy(ImVec2(1.0f, frame.layout.unit));
    }
    ImGui::EndChild();
    ImGui::End();

    if (glossaryOpen_) {
        drawGlossaryOverlay(frame);
        if (input.take(Key::G) || input.take(Key::Escape)) {
            glossaryOpen_ = false;
        }
    } else if (quitDialogOpen_) {
        drawQuitDialog(frame);
        if (input.take(Key::Escape)) {
            quitDialogOpen_ = false;
        }
    } else {
        if (input.take(Key::G)) {
            glossaryOpen_ = true;
        }
        if (input.take(Key::Escape) || backRequested_) {
            if (!screen.handleBack(screenFrame)) {
                if (stack_.size() > 1) {
                    navigator_.pop();
                } else if (screen.chrome() == Chrome::Standard) {
                    quitDialogOpen_ = true;
                }
            }
        }
    }
    ImGui::PopFont();
    applyRequests();
}

void ScreenHost::applyRequests() {
    for (auto& request : navigator_.takeRequests()) {
        titled_ = nullptr;  // a new screen may come at the address of one that went
        switch (request.kind) {
            case Navigator::Request::Kind::Push:
                stack_.push_back(std::move(request.screen));
                break;
            case Navigator::Request::Kind::Pop:
                if (stack_.size() > 1) {
                    stack_.pop_back();
                }
                break;
            case Navigator::Request::Kind::Replace:
                stack_.back() = std::move(request.screen);
                break;
            case Navigator::Request::Kind::Reset:
                stack_.clear();
                stack_.push_back(std::move(request.screen));
                break;
        }
    }
}

}  // namespace passerelles::ui

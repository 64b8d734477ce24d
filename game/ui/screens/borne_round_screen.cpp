// A visitor's short round at the booth: big answers to touch, the right one shown at once, then the next,
// all on one screen: the layout shrinks to the window instead of ever scrolling.
//
// Sections: the type levels tried, largest first · the layout (measured once per item and phase) ·
// the screen (drawing from the layout, touches sent to the core's BorneRound).
#include <algorithm>
#include <array>
#include <cfloat>
#include <string>
#include <vector>

#include <imgui.h>

#include "core/base/text.hpp"
#include "ui/fills.hpp"
#include "ui/probe.hpp"
#include "ui/screens/borne_session.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

namespace passerelles::ui {

namespace {

// ---- Type levels -----------------------------------------------------------------------------------
// Tried in order until the whole item fits the window; the last ones keep body text (the floor: 18 px at
// 1024×768, 22 px at 1280×720) and shorten the explanation to fewer words instead of scrolling.
struct TypeLevel {
    ImFont* FontSet::*statement;
    ImFont* FontSet::*option;
    ImFont* FontSet::*letter;
    ImFont* FontSet::*verdict;
    int columns;
    std::size_t explanationBytes;  // the explanation's first sentence, cut on a word past this
};

constexpr std::array<TypeLevel, 10> kLevels = {{
    {&FontSet::title, &FontSet::heading, &FontSet::title, &FontSet::heading, 1, 320},
    {&FontSet::title, &FontSet::heading, &FontSet::title, &FontSet::heading, 2, 320},
    {&FontSet::heading, &FontSet::heading, &FontSet::title, &FontSet::heading, 1, 320},
    {&FontSet::heading, &FontSet::heading, &FontSet::title, &FontSet::heading, 2, 320},
    {&FontSet::heading, &FontSet::body, &FontSet::heading, &FontSet::heading, 1, 320},
    {&FontSet::heading, &FontSet::body, &FontSet::heading, &FontSet::heading, 2, 320},
    {&FontSet::bold, &FontSet::body, &FontSet::bold, &FontSet::bold, 2, 320},
    {&FontSet::bold, &FontSet::body, &FontSet::bold, &FontSet::bold, 2, 200},
    {&FontSet::bold, &FontSet::body, &FontSet::bold, &FontSet::bold, 2, 120},
    {&FontSet::bold, &FontSet::body, &FontSet::bold, &FontSet::bold, 2, 60},
}};

const char* kSeveralHint = "Plusieurs bonnes réponses\u00A0: touchez-les toutes, puis «\u00A0Valider\u00A0»";
const char* kCardPreface = "Idée reçue\u00A0? On l’entend souvent\u00A0:";
const char* kCardPrompt = "Quel argument y répond le mieux\u00A0?";

// ---- Layout ----------------------------------------------------------------------------------------
// Every height the screen draws, computed before drawing so that the level chosen is the one drawn.
struct RoundLayout {
    const TypeLevel* level = nullptr;
    float width = 0.0f;
    float unit = 0.0f;
    float headerHeight = 0.0f;
    float prefaceHeight = 0.0f;    // a card: « Idée reçue ? … »
    float statementHeight = 0.0f;  // the question, or the card's statement in guillemets
    float promptHeight = 0.0f;     // a card: « Quel argument… »
    float hintHeight = 0.0f;       // several answers, before the answer
    float rowWidth = 0.0f;
    float badge = 0.0f;
    std::vector<float> rowHeights;  // per displayed row
    float optionsHeight = 0.0f;
    float buttonWidth = 0.0f;
    float buttonHeight = 0.0f;
    float feedbackWidth = 0.0f;
    float verdictHeight = 0.0f;
    float explanationHeight = 0.0f;
    float bottomHeight = 0.0f;
    float total = 0.0f;

    float gap() const { return unit * 0.5f; }
    float rowGap() const { return unit * 0.4f; }
    float rowPadding() const { return unit * 0.5f; }
    float panelPadding() const { return unit * 0.7f; }
};

class BorneRoundScreen final : public Screen {
  public:
    BorneRoundScreen(std::shared_ptr<BorneSession> session, std::shared_ptr<BorneRound> round)
        : session_(std::move(session)),
          round_(round ? std::move(round)
                       : std::make_shared<BorneRound>(session_->pool, session_->settings, session_->random)) {
    }

    std::string title() const override { return "Borne"; }
    std::string kind() const override { return "borne-round"; }
    Chrome chrome() const override { return Chrome::Bare; }
    bool handleBack(Frame&) override { return true; }
    double secondsUntilWake(double now) const override { return session_->secondsUntilIdle(now) + 0.05; }

    void draw(Frame& frame) override {
        if (takeTrainerCombination(frame)) {
            frame.navigator.push(makeBorneTrainerScreen(session_));
            return;
        }
        if (session_->idle(frame)) {
            // The visitor walked away: the round is counted as abandoned and the booth invites again.
            if (session_->store) {
                session_->store->recordAbandoned(session_->today());
            }
            frame.navigator.resetTo(makeBorneAttractScreen(session_));
            return;
        }
        if (round_->finished()) {
            finish(frame);
            return;
        }
        prepare(frame);
        drawItem(frame);
    }

  private:
    // The texts of the current item and phase, kept so that their layouts stay cached between frames.
    // `phase`: the one on screen, or the longest feedback this item can give (to choose its type level
    // once, so that the type does not change size when the visitor answers).
    enum class Phase { Shown, Question, LongestAnswer };
    // For LongestAnswer on a card, `argument` is the argument chosen (each is measured in turn).
    void prepareTexts(const TypeLevel& level, Phase phase, int argument) {
        const BorneItem& item = round_->current();
        statement_ = item.card != nullptr ? guillemets(item.card->statement) : item.question->text;
        optionTexts_.clear();
        correct_.clear();
        order_ = round_->shownOrder();  // the round's shuffle: letters and touches follow what is shown
        for (const int index : order_) {
            const auto at = static_cast<std::size_t>(index);
            optionTexts_.push_back(item.card != nullptr ? item.card->arguments[at].text
                                                        : item.question->options[at].text);
            correct_.push_back(item.card != nullptr ? item.card->arguments[at].best
                                                    : item.question->options[at].correct);
        }
        verdict_.clear();
        explanation_.clear();
        answered_ = phase == Phase::LongestAnswer || (phase == Phase::Shown && round_->answered());
        if (!answered_) {
            return;
        }
        // The longest verdict and explanation stand for any answer the visitor may give.
        const bool longest = phase == Phase::LongestAnswer;
        const Outcome outcome = longest ? Outcome::Partial : round_->lastScore().outcome;
        if (item.card != nullptr) {
            verdict_ = outcome == Outcome::Right
                           ? "Oui\u00A0: c’est l’argument le plus solide."
                           : "Un autre argument est plus solide\u00A0: il est marqué\u00A0✓.";
            const int chosen = longest ? argument : round_->selection().empty() ? -1 : round_->selection()[0];
            if (chosen >= 0 && static_cast<std::size_t>(chosen) < item.card->arguments.size()) {
                explanation_ = firstSentence(item.card->arguments[static_cast<std::size_t>(chosen)].feedback,
                                             level.explanationBytes);
            }
        } else {
            verdict_ = outcome == Outcome::Right ? "Bravo, c’est exact\u00A0!"
                       : outcome == Outcome::Partial
                           ? "En partie\u00A0: les bonnes réponses sont marquées\u00A0✓."
                           : "Pas tout à fait\u00A0: la bonne réponse est marquée\u00A0✓.";
            explanation_ = firstSentence(item.question->explanation, level.explanationBytes);
        }
    }

    RoundLayout measure(Frame& frame, const TypeLevel& level, float width, Phase phase, int argument = -1) {
        prepareTexts(level, phase, argument);
        FontSet& fonts = frame.services.fonts;
        RichText& text = frame.services.text;
        RoundLayout layout;
        layout.level = &level;
        layout.width = width;
        layout.unit = frame.layout.unit;
        const float unit = layout.unit;
        const bool card = round_->current().card != nullptr;
        layout.headerHeight = fonts.small->FontSize;
        if (card) {
            layout.prefaceHeight = text.measure(kCardPreface, {fonts.body, 0, width}) + unit * 0.2f;
            layout.promptHeight = text.measure(kCardPrompt, {fonts.body, 0, width}) + unit * 0.3f;
        }
        layout.statementHeight = text.measure(statement_, {fonts.*level.statement, 0, width, 1.2f});
        if (!card && round_->current().question->isMultipleAnswer() && !answered_) {
            layout.hintHeight = fonts.small->FontSize + unit * 0.3f + unit * 0.4f;
        }
        const int columns = level.columns;
        layout.rowWidth = columns == 1 ? width : (width - unit * 0.6f) / 2.0f;
        ImFont* letter = fonts.*level.letter;
        layout.badge = letter->FontSize * 1.3f;
        const float textWidth = layout.rowWidth - layout.rowPadding() * 2.0f - layout.badge - unit * 0.7f;
        layout.optionsHeight = 0.0f;
        for (std::size_t i = 0; i < optionTexts_.size(); ++i) {
            const float height =
                std::max(layout.badge,
                         text.measure(optionTexts_[i], {fonts.*level.option, 0, textWidth, 1.2f})) +
                layout.rowPadding() * 2.0f;
            layout.rowHeights.push_back(height);
        }
        for (std::size_t i = 0; i < layout.rowHeights.size(); i += static_cast<std::size_t>(columns)) {
            float line = layout.rowHeights[i];
            if (columns == 2 && i + 1 < layout.rowHeights.size()) {
                line = std::max(line, layout.rowHeights[i + 1]);
                layout.rowHeights[i] = layout.rowHeights[i + 1] = line;  // a pair shares its height
            }
            layout.optionsHeight += line + (i == 0 ? 0.0f : layout.rowGap());
        }
        ImFont* buttonFont = fonts.*level.verdict;
        layout.buttonHeight = boothButtonHeight(frame, buttonFont);
        const bool several = !card && round_->current().question->isMultipleAnswer();
        if (answered_) {
            const char* label = nextLabel();
            layout.buttonWidth = std::max(
                unit * 8.0f,
                buttonFont->CalcTextSizeA(buttonFont->FontSize, FLT_MAX, 0.0f, label).x + unit * 2.0f);
            layout.feedbackWidth = width - layout.buttonWidth - unit * 0.8f;
            const float inner = layout.feedbackWidth - layout.panelPadding() * 2.0f;
            layout.verdictHeight = text.measure(verdict_, {fonts.*level.verdict, 0, inner, 1.2f});
            layout.explanationHeight = explanation_.empty()
                                           ? 0.0f
                                           : unit * 0.3f + text.measure(explanation_, {fonts.body, 0, inner});
            const float panel =
                layout.verdictHeight + layout.explanationHeight + layout.panelPadding() * 2.0f;
            layout.bottomHeight = layout.gap() + std::max(panel, layout.buttonHeight);
        } else if (several) {
            layout.buttonWidth = std::max(unit * 8.0f, width * 0.3f);
            layout.bottomHeight = layout.gap() + layout.buttonHeight;
        }
        layout.total = layout.headerHeight + layout.gap() + layout.prefaceHeight + layout.statementHeight +
                       layout.gap() + layout.promptHeight + layout.hintHeight + layout.optionsHeight +
                       layout.bottomHeight;
        return layout;
    }

    const char* nextLabel() const {
        return round_->position() + 1 >= round_->size() ? "Voir mon score" : "Suivant";
    }

    // The largest level at which the item fits the room left in the window, before and after the answer
    // (whatever the answer): chosen once per item and size, so the type keeps its size when answering.
    void prepare(Frame& frame) {
        const float width = availableWidth();
        const ImGuiStyle& style = ImGui::GetStyle();
        // Below this screen the host adds one line of space; a scrollbar would appear past the budget.
        const float budget =
            ImGui::GetContentRegionAvail().y - frame.layout.unit - style.ItemSpacing.y * 2.0f - 4.0f;
        const LayoutKey key{round_->position(), width, budget, frame.services.fonts.body};
        if (!(key == key_) || level_ == nullptr) {
            key_ = key;
            level_ = &kLevels.back();
            for (const TypeLevel& level : kLevels) {
                float tallest = measure(frame, level, width, Phase::Question).total;
                const BorneItem& item = round_->current();
                const int answers = item.card != nullptr ? static_cast<int>(item.card->arguments.size()) : 1;
                for (int argument = 0; argument < answers; ++argument) {
                    tallest =
                        std::max(tallest, measure(frame, level, width, Phase::LongestAnswer, argument).total);
                }
                if (tallest <= budget) {
                    level_ = &level;
                    break;
                }
            }
            shownAnswered_ = !round_->answered();  // forces the layout below
        }
        if (shownAnswered_ != round_->answered()) {
            shownAnswered_ = round_->answered();
            layout_ = measure(frame, *level_, width, Phase::Shown);
        }
    }

    void drawItem(Frame& frame) {
        const RoundLayout& layout = layout_;
        const TypeLevel& level = *layout.level;
        FontSet& fonts = frame.services.fonts;
        RichText& text = frame.services.text;
        const float unit = layout.unit;
        const ImVec2 origin = ImGui::GetCursorScreenPos();
        ImDrawList* drawList = ImGui::GetWindowDrawList();
        float y = origin.y;

        // Where the visitor is: « Question 2 sur 5 » and a thin bar.
        const BorneItem& item = round_->current();
        if (whereFor_ != round_->position()) {  // built once per item: an idle frame allocates nothing
            whereFor_ = round_->position();
            where_ = (item.card != nullptr ? "Idée reçue · " : "Question ") +
                     std::to_string(round_->position() + 1) + " sur " + std::to_string(round_->size());
        }
        const std::string& where = where_;
        drawList->AddText(fonts.small, fonts.small->FontSize, ImVec2(origin.x, y), theme::kTextMuted,
                          where.c_str());
        const float labelWidth =
            fonts.small->CalcTextSizeA(fonts.small->FontSize, FLT_MAX, 0.0f, where.c_str()).x;
        const float barX = origin.x + labelWidth + unit;
        const float barHeight = unit * 0.35f;
        const float barY = y + (layout.headerHeight - barHeight) * 0.5f;
        const float barWidth = std::max(0.0f, origin.x + layout.width - barX);
        const float fraction = static_cast<float>(round_->position()) / static_cast<float>(round_->size());
        fillRoundedRect(*drawList, ImVec2(barX, barY), ImVec2(barX + barWidth, barY + barHeight),
                        theme::kSurfaceMuted, barHeight * 0.5f);
        if (fraction > 0.0f) {
            fillRoundedRect(*drawList, ImVec2(barX, barY),
                            ImVec2(barX + std::max(barHeight, barWidth * fraction), barY + barHeight),
                            theme::kPrimary, barHeight * 0.5f);
        }
        y += layout.headerHeight + layout.gap();

        if (item.card != nullptr) {
            text.drawAt(ImVec2(origin.x, y), kCardPreface, {fonts.body, theme::kAccent, layout.width});
            y += layout.prefaceHeight;
        }
        probe::recordText(statement_);
        text.drawAt(ImVec2(origin.x, y), statement_,
                    {fonts.*level.statement, theme::kText, layout.width, 1.2f});
        y += layout.statementHeight + layout.gap();
        if (item.card != nullptr) {
            text.drawAt(ImVec2(origin.x, y), kCardPrompt, {fonts.body, theme::kText, layout.width});
            y += layout.promptHeight;
        }
        if (layout.hintHeight > 0.0f) {
            ImGui::SetCursorScreenPos(ImVec2(origin.x, y));
            chip(frame, kSeveralHint, theme::kPartialSoft, theme::kPartial);
            y += layout.hintHeight;
        }

        const int touched = drawRows(frame, ImVec2(origin.x, y));
        y += layout.optionsHeight;
        if (!round_->answered()) {
            int key = frame.input.takeOptionShortcut(static_cast<int>(order_.size()));
            if (key < 0) {
                key = touched;
            }
            answerTouch(frame, key, ImVec2(origin.x, y));
        } else {
            drawFeedback(frame, ImVec2(origin.x, y));
        }
        ImGui::SetCursorScreenPos(origin);
        ImGui::Dummy(ImVec2(layout.width, layout.total));
    }

    // One row per answer, the whole row a touch target; once answered, the right ones get a ✓ disc and
    // the visitor's wrong choice a ✗, so the answer never rests on colour alone. Returns the row touched.
    int drawRows(Frame& frame, ImVec2 origin) {
        const RoundLayout& layout = layout_;
        const TypeLevel& level = *layout.level;
        FontSet& fonts = frame.services.fonts;
        const float unit = layout.unit;
        const int columns = level.columns;
        const bool revealed = round_->answered();
        const auto& chosenList = revealed ? round_->selection() : ticked_;
        ImDrawList* drawList = ImGui::GetWindowDrawList();
        ImFont* letterFont = fonts.*level.letter;
        ImFont* check = fonts.bold;
        int touched = -1;
        float y = origin.y;
        for (std::size_t i = 0; i < order_.size(); ++i) {
            const int column = columns == 2 ? static_cast<int>(i % 2) : 0;
            if (column == 0 && i > 0) {
                y += layout.rowHeights[i - 1] + layout.rowGap();
            }
            const ImVec2 position(origin.x + static_cast<float>(column) * (layout.rowWidth + unit * 0.6f), y);
            const ImVec2 size(layout.rowWidth, layout.rowHeights[i]);
            const bool chosen =
                std::find(chosenList.begin(), chosenList.end(), order_[i]) != chosenList.end();
            const bool right = revealed && correct_[i];
            const bool wrongChoice = revealed && chosen && !correct_[i];
            ImGui::SetCursorScreenPos(position);
            ImGui::PushID(static_cast<int>(i));
            if (ImGui::InvisibleButton("##answer", size) && !revealed) {
                touched = static_cast<int>(i);
            }
            ImGui::PopID();
            if (probe::enabled()) {
                probe::record("answer:" + std::to_string(i), ImGui::GetItemRectMin(),
                              ImGui::GetItemRectMax());
            }
            ImU32 fill = right         ? theme::kRightSoft
                         : wrongChoice ? theme::kWrongSoft
                         : revealed    ? theme::kSurfaceMuted
                         : chosen      ? theme::kPrimarySoft
                                       : theme::kSurface;
            const ImU32 border = right         ? theme::kRight
                                 : wrongChoice ? theme::kWrong
                                 : chosen      ? theme::kPrimary
                                               : theme::kBorder;
            const ImVec2 end(position.x + size.x, position.y + size.y);
            fillRoundedRect(*drawList, position, end, fill, unit * 0.35f);
            outlineRoundedRect(*drawList, position, end, border, unit * 0.35f,
                               right || chosen ? std::max(3.0f, unit / 6.0f) : 1.5f);
            const float padding = layout.rowPadding();
            const ImVec2 badgeMin(position.x + padding, position.y + padding);
            const float badge = layout.badge;
            const ImU32 badgeColour = right         ? theme::kRight
                                      : wrongChoice ? theme::kWrong
                                      : revealed    ? theme::kTextMuted
                                                    : theme::kPrimary;
            const bool filled = chosen;  // the visitor's own choices keep a filled letter after the answer
            if (filled) {
                drawList->AddRectFilled(badgeMin, ImVec2(badgeMin.x + badge, badgeMin.y + badge), badgeColour,
                                        badge * 0.5f);
            } else {
                drawList->AddRectFilled(badgeMin, ImVec2(badgeMin.x + badge, badgeMin.y + badge),
                                        theme::kSurface, badge * 0.5f);
                drawList->AddCircle(ImVec2(badgeMin.x + badge * 0.5f, badgeMin.y + badge * 0.5f),
                                    badge * 0.5f - 1.0f, badgeColour, 0, std::max(2.0f, unit / 9.0f));
            }
            const char letter[2] = {static_cast<char>('A' + i), '\0'};
            const ImVec2 letterSize = letterFont->CalcTextSizeA(letterFont->FontSize, FLT_MAX, 0.0f, letter);
            drawList->AddText(letterFont, letterFont->FontSize,
                              ImVec2(badgeMin.x + (badge - letterSize.x) * 0.5f,
                                     badgeMin.y + (badge - letterSize.y) * 0.5f),
                              filled ? IM_COL32_WHITE : badgeColour, letter);
            if (right || wrongChoice) {
                const float radius = badge * 0.28f;
                const ImVec2 centre(badgeMin.x + badge - radius * 0.3f, badgeMin.y + radius * 0.3f);
                drawList->AddCircleFilled(centre, radius + 2.0f, IM_COL32_WHITE);
                drawList->AddCircleFilled(centre, radius, right ? theme::kRight : theme::kWrong);
                const char* mark = right ? "\xE2\x9C\x93" : "\xE2\x9C\x97";
                const float markSize = radius * 1.6f;
                const ImVec2 markExtent = check->CalcTextSizeA(markSize, FLT_MAX, 0.0f, mark);
                drawList->AddText(check, markSize,
                                  ImVec2(centre.x - markExtent.x * 0.5f, centre.y - markExtent.y * 0.5f),
                                  IM_COL32_WHITE, mark);
            }
            const float textX = position.x + padding + badge + unit * 0.7f;
            const TextStyle style{fonts.*level.option, revealed && !right ? theme::kTextMuted : theme::kText,
                                  layout.rowWidth - padding * 2.0f - badge - unit * 0.7f, 1.2f};
            const float textHeight = frame.services.text.measure(optionTexts_[i], style);
            const float textY = position.y + padding + std::max(0.0f, (badge - textHeight) * 0.5f);
            frame.services.text.drawAt(ImVec2(textX, textY), optionTexts_[i], style);
        }
        return touched;
    }

    // Before the answer: one touch answers a one-answer item; several answers are ticked, then « Valider ».
    void answerTouch(Frame& frame, int touched, ImVec2 at) {
        const BorneItem& item = round_->current();
        const bool several = item.question != nullptr && item.question->isMultipleAnswer();
        if (touched >= 0 && !several) {
            round_->answer({order_[static_cast<std::size_t>(touched)]});
            return;
        }
        if (touched >= 0) {
            const int index = order_[static_cast<std::size_t>(touched)];
            const auto found = std::find(ticked_.begin(), ticked_.end(), index);
            if (found == ticked_.end()) {
                ticked_.push_back(index);
            } else {
                ticked_.erase(found);
            }
        }
        if (!several) {
            return;
        }
        const RoundLayout& layout = layout_;
        ImGui::SetCursorScreenPos(ImVec2(at.x + layout.width - layout.buttonWidth, at.y + layout.gap()));
        const bool validate =
            boothButton(frame, "Valider", ImVec2(layout.buttonWidth, layout.buttonHeight),
                        frame.services.fonts.*layout.level->verdict, ButtonStyle::Primary, !ticked_.empty());
        if ((validate || frame.input.take(Key::Enter)) && !ticked_.empty()) {
            std::sort(ticked_.begin(), ticked_.end());
            round_->answer(ticked_);
        }
    }

    // After the answer: the verdict and one sentence of explanation, with « Suivant » beside them.
    void drawFeedback(Frame& frame, ImVec2 at) {
        const RoundLayout& layout = layout_;
        FontSet& fonts = frame.services.fonts;
        const Outcome outcome = round_->lastScore().outcome;
        const ImU32 colour = outcome == Outcome::Right     ? theme::kRight
                             : outcome == Outcome::Partial ? theme::kPartial
                                                           : theme::kWrong;
        const ImU32 soft = outcome == Outcome::Right     ? theme::kRightSoft
                           : outcome == Outcome::Partial ? theme::kPartialSoft
                                                         : theme::kWrongSoft;
        const float top = at.y + layout.gap();
        const float panel = layout.verdictHeight + layout.explanationHeight + layout.panelPadding() * 2.0f;
        ImDrawList* drawList = ImGui::GetWindowDrawList();
        fillRoundedRect(*drawList, ImVec2(at.x, top), ImVec2(at.x + layout.feedbackWidth, top + panel), soft,
                        layout.unit * 0.4f);
        outlineRoundedRect(*drawList, ImVec2(at.x, top), ImVec2(at.x + layout.feedbackWidth, top + panel),
                           colour, layout.unit * 0.4f, 2.0f);
        const float inner = layout.feedbackWidth - layout.panelPadding() * 2.0f;
        const ImVec2 textAt(at.x + layout.panelPadding(), top + layout.panelPadding());
        probe::recordText(verdict_);
        frame.services.text.drawAt(textAt, verdict_, {fonts.*layout.level->verdict, colour, inner, 1.2f});
        if (!explanation_.empty()) {
            probe::recordText(explanation_);
            frame.services.text.drawAt(ImVec2(textAt.x, textAt.y + layout.verdictHeight + layout.unit * 0.3f),
                                       explanation_, {fonts.body, theme::kText, inner});
        }
        ImGui::SetCursorScreenPos(ImVec2(at.x + layout.width - layout.buttonWidth, top));
        if (boothButton(frame, nextLabel(), ImVec2(layout.buttonWidth, layout.buttonHeight),
                        fonts.*layout.level->verdict) ||
            frame.input.take(Key::Enter) || frame.input.take(Key::Space)) {
            round_->next();
            ticked_.clear();
            key_ = LayoutKey{};
            if (round_->finished()) {
                finish(frame);  // the score comes with this very touch, not with the next one
            }
        }
    }

    void finish(Frame& frame) {
        if (finished_) {
            return;
        }
        finished_ = true;
        std::optional<std::int64_t> id;
        if (session_->store) {
            id = session_->store->recordRound(session_->today(), *round_);
        }
        ++session_->roundsThisRun;
        frame.navigator.replace(makeBorneEndScreen(session_, round_, id));
    }

    struct LayoutKey {
        std::size_t position = static_cast<std::size_t>(-1);
        float width = 0.0f;
        float budget = 0.0f;
        const ImFont* font = nullptr;
        bool operator==(const LayoutKey&) const = default;
    };

    std::shared_ptr<BorneSession> session_;
    std::shared_ptr<BorneRound> round_;
    std::vector<int> ticked_;  // option indices, before « Valider »
    std::vector<int> order_;   // display position → index into the item's options
    std::vector<std::string> optionTexts_;
    std::vector<bool> correct_;
    std::string statement_;
    std::string where_;  // « Question 2 sur 5 »
    std::size_t whereFor_ = static_cast<std::size_t>(-1);
    std::string verdict_;
    std::string explanation_;
    RoundLayout layout_;
    LayoutKey key_;
    const TypeLevel* level_ = nullptr;
    bool answered_ = false;       // the phase the texts above were prepared for
    bool shownAnswered_ = false;  // the phase layout_ was measured for
    bool finished_ = false;
};

}  // namespace

std::unique_ptr<Screen> makeBorneRoundScreen(std::shared_ptr<BorneSession> session,
                                             std::shared_ptr<BorneRound> round) {
    return std::make_unique<BorneRoundScreen>(std::move(session), std::move(round));
}

}  // namespace passerelles::ui

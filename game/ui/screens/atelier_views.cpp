// Workshop screen pieces: answer rows with their distribution, team chips, podium, countdown.
#include "ui/screens/atelier_views.hpp"

#include <algorithm>
#include <cfloat>
#include <cmath>

#include "core/base/text.hpp"
#include "ui/fills.hpp"
#include "ui/probe.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

namespace passerelles::ui {

namespace {

ImU32 fromRgb(unsigned rgb) {
    return IM_COL32((rgb >> 16) & 0xFF, (rgb >> 8) & 0xFF, rgb & 0xFF, 0xFF);
}

const TeamColour& colourOf(const AtelierTeam& team) {
    return kTeamColours[std::clamp(team.colour, 0, kMaxTeams - 1)];
}

}  // namespace

ImU32 teamFill(const AtelierTeam& team) {
    return fromRgb(colourOf(team).rgb);
}

ImU32 teamTextColour(const AtelierTeam& team) {
    const unsigned rgb = colourOf(team).rgb;
    // Relative luminance, roughly: light fills (yellow, sky blue, orange) take dark text.
    const double luminance =
        (0.2126 * ((rgb >> 16) & 0xFF) + 0.7152 * ((rgb >> 8) & 0xFF) + 0.0722 * (rgb & 0xFF)) / 255.0;
    return luminance > 0.5 ? theme::kText : IM_COL32_WHITE;
}

bool roomAnswerRow(Frame& frame, const RoomAnswerRow& row, const AtelierPlan& plan) {
    const float unit = frame.layout.unit;
    const float width = availableWidth();
    const float padding = unit * 0.6f;
    ImFont* letterFont = frame.services.fonts.title;
    const float badge = letterFont->FontSize * 1.35f;
    const float countWidth = row.count ? unit * 7.0f : 0.0f;
    const float textX = padding + badge + unit * 0.8f;
    const float textWidth = width - textX - padding - countWidth;
    const TextStyle body{frame.services.fonts.heading, row.locked ? theme::kTextMuted : theme::kText,
                         textWidth, 1.2f};
    const TextStyle note{frame.services.fonts.body, theme::kTextMuted, textWidth};
    float contentHeight = frame.services.text.measure(row.text, body);
    if (!row.note.empty()) {
        contentHeight += unit * 0.2f + frame.services.text.measure(row.note, note);
    }
    const bool showTeams = row.revealed && !row.teams.empty();
    if (showTeams) {
        contentHeight += unit * 0.3f + unit * 1.2f;
    }
    const float barHeight = row.count ? unit * 0.5f : 0.0f;
    // The count and its share stand one above the other at the right: the row must hold both above its
    // bar, or the bar covers the share (« 0 % » cut in half on a one-line answer).
    float countHeight = 0.0f;
    if (row.count) {
        countHeight = frame.services.fonts.title->FontSize +
                      (row.total > 0 ? frame.services.fonts.small->FontSize : 0.0f);
    }
    const float height = std::max({badge, contentHeight, countHeight}) + padding * 2.0f + barHeight;

    const ImVec2 position = ImGui::GetCursorScreenPos();
    ImGui::PushID(row.index);
    const bool clicked = ImGui::InvisibleButton("##answer", ImVec2(width, height)) && !row.locked;
    ImGui::PopID();
    if (probe::enabled()) {
        probe::record("answer:" + std::to_string(row.index), ImGui::GetItemRectMin(),
                      ImGui::GetItemRectMax());
    }
    const bool right = row.revealed && row.correct;
    const bool dimmed = (row.revealed && !row.correct) || row.locked;
    ImU32 fill = right ? theme::kRightSoft : dimmed ? theme::kSurfaceMuted : theme::kSurface;
    ImU32 border = right ? theme::kRight : row.chosen ? theme::kPrimary : theme::kBorder;
    if (row.chosen && !row.revealed) {
        fill = theme::kPrimarySoft;
    }
    const bool thick = right || row.chosen || row.focused;
    ImDrawList* drawList = ImGui::GetWindowDrawList();
    const ImVec2 end(position.x + width, position.y + height);
    fillRoundedRect(*drawList, position, end, fill, unit * 0.35f);
    outlineRoundedRect(*drawList, position, end, row.focused ? theme::kPrimary : border, unit * 0.35f,
                       thick ? std::max(3.0f, unit / 6.0f) : 1.0f);

    // The letter stays (the room says "c'était B"); once revealed a ✓ disc marks the right answers, so
    // the answer never rests on colour alone.
    const ImVec2 badgeMin(position.x + padding, position.y + padding);
    const ImU32 badgeColour = right ? theme::kRight : dimmed ? theme::kTextMuted : theme::kPrimary;
    drawList->AddRectFilled(badgeMin, ImVec2(badgeMin.x + badge, badgeMin.y + badge), badgeColour,
                            badge * 0.5f);
    const std::string letter =
        row.badge.empty() ? std::string(1, static_cast<char>('A' + row.index)) : row.badge;
    const ImVec2 letterSize = letterFont->CalcTextSizeA(letterFont->FontSize, FLT_MAX, 0.0f, letter.c_str());
    drawList->AddText(
        letterFont, letterFont->FontSize,
        ImVec2(badgeMin.x + (badge - letterSize.x) * 0.5f, badgeMin.y + (badge - letterSize.y) * 0.5f),
        IM_COL32_WHITE, letter.c_str());
    if (right) {
        ImFont* bold = frame.services.fonts.bold;
        const float radius = badge * 0.26f;
        const ImVec2 centre(badgeMin.x + badge - radius * 0.4f, badgeMin.y + radius * 0.4f);
        drawList->AddCircleFilled(centre, radius + 2.0f, IM_COL32_WHITE);
        drawList->AddCircleFilled(centre, radius, theme::kRight);
        const char* check = "\xE2\x9C\x93";
        const ImVec2 checkSize = bold->CalcTextSizeA(bold->FontSize, FLT_MAX, 0.0f, check);
        drawList->AddText(bold, bold->FontSize,
                          ImVec2(centre.x - checkSize.x * 0.5f, centre.y - checkSize.y * 0.5f),
                          IM_COL32_WHITE, check);
    }

    float y = position.y + padding;
    if (contentHeight < badge) {
        y += (badge - contentHeight) * 0.5f;
    }
    y += frame.services.text.drawAt(ImVec2(position.x + textX, y), row.text, body);
    if (!row.note.empty()) {
        y += unit * 0.2f;
        y += frame.services.text.drawAt(ImVec2(position.x + textX, y), row.note, note);
    }
    if (showTeams) {
        y += unit * 0.3f;
        float x = position.x + textX;
        ImFont* bold = frame.services.fonts.bold;
        for (const int team : row.teams) {
            const auto& info = plan.teams[static_cast<std::size_t>(team)];
            const std::string label = std::to_string(team + 1);
            const float chipWidth = unit * 1.6f;
            drawList->AddRectFilled(ImVec2(x, y), ImVec2(x + chipWidth, y + unit * 1.2f), teamFill(info),
                                    unit * 0.25f);
            const ImVec2 size = bold->CalcTextSizeA(bold->FontSize, FLT_MAX, 0.0f, label.c_str());
            drawList->AddText(bold, bold->FontSize,
                              ImVec2(x + (chipWidth - size.x) * 0.5f, y + (unit * 1.2f - size.y) * 0.5f),
                              teamTextColour(info), label.c_str());
            x += chipWidth + unit * 0.3f;
        }
    }

    if (row.count) {
        // The count, its share, and a bar across the bottom of the row scaled to the largest answer.
        ImFont* countFont = frame.services.fonts.title;
        const std::string count = std::to_string(*row.count);
        const ImVec2 countSize = countFont->CalcTextSizeA(countFont->FontSize, FLT_MAX, 0.0f, count.c_str());
        const float countRight = end.x - padding;
        const float countY = position.y + padding;
        drawList->AddText(countFont, countFont->FontSize, ImVec2(countRight - countSize.x, countY),
                          theme::kText, count.c_str());
        if (row.total > 0) {
            const std::string share = formatPercent(static_cast<double>(*row.count) / row.total);
            ImFont* small = frame.services.fonts.small;
            const ImVec2 shareSize = small->CalcTextSizeA(small->FontSize, FLT_MAX, 0.0f, share.c_str());
            drawList->AddText(small, small->FontSize, ImVec2(countRight - shareSize.x, countY + countSize.y),
                              theme::kTextMuted, share.c_str());
        }
        const float barWidth = row.largest > 0 ? (width - 2.0f * padding) * static_cast<float>(*row.count) /
                                                     static_cast<float>(row.largest)
                                               : 0.0f;
        const float barY = end.y - padding * 0.5f - barHeight;
        fillRoundedRect(*drawList, ImVec2(position.x + padding, barY),
                        ImVec2(end.x - padding, barY + barHeight), theme::kSurfaceMuted, barHeight * 0.5f);
        if (barWidth > 0.0f) {
            fillRoundedRect(*drawList, ImVec2(position.x + padding, barY),
                            ImVec2(position.x + padding + barWidth, barY + barHeight),
                            right ? theme::kRight : theme::kPrimary, barHeight * 0.5f);
        }
    }
    ImGui::Dummy(ImVec2(0.0f, unit * 0.3f));
    return clicked;
}

int teamStrip(Frame& frame, const AtelierPlan& plan, const std::vector<std::string>& statuses, int selected) {
    const float unit = frame.layout.unit;
    ImFont* font = frame.services.fonts.bold;
    int clicked = -1;
    const float right = ImGui::GetCursorScreenPos().x + availableWidth();
    for (std::size_t t = 0; t < plan.teams.size(); ++t) {
        const AtelierTeam& team = plan.teams[t];
        // One buffer for every chip and frame: once it is long enough, an idle frame allocates nothing.
        static std::string label;
        label.assign(std::to_string(t + 1)).append(" · ").append(team.name);
        if (t < statuses.size() && !statuses[t].empty()) {
            label.append("  ").append(statuses[t]);
        }
        const ImVec2 textSize = font->CalcTextSizeA(font->FontSize, FLT_MAX, 0.0f, label.c_str());
        const ImVec2 size(textSize.x + unit * 1.2f, textSize.y + unit * 0.6f);
        if (t > 0) {
            ImGui::SameLine(0.0f, unit * 0.5f);
            if (ImGui::GetCursorScreenPos().x + size.x > right) {
                ImGui::NewLine();
            }
        }
        const ImVec2 position = ImGui::GetCursorScreenPos();
        ImGui::PushID(static_cast<int>(t));
        if (ImGui::InvisibleButton("##team", size)) {
            clicked = static_cast<int>(t);
        }
        ImGui::PopID();
        if (probe::enabled()) {
            probe::record("team:" + std::to_string(t + 1), ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
        }
        ImDrawList* drawList = ImGui::GetWindowDrawList();
        const ImVec2 end(position.x + size.x, position.y + size.y);
        fillRoundedRect(*drawList, position, end, teamFill(team), size.y * 0.3f);
        if (static_cast<int>(t) == selected) {
            // A thick dark ring and a lift: visible from the back of the room.
            drawList->AddRect(ImVec2(position.x - 3, position.y - 3), ImVec2(end.x + 3, end.y + 3),
                              theme::kText, size.y * 0.3f, 0, std::max(3.0f, unit / 6.0f));
        }
        drawList->AddText(font, font->FontSize, ImVec2(position.x + unit * 0.6f, position.y + unit * 0.3f),
                          teamTextColour(team), label.c_str());
    }
    return clicked;
}

Podium makePodium(const AtelierPlan& plan, const std::vector<TeamStanding>& standings) {
    Podium podium;
    std::vector<TeamStanding> others;
    for (const auto& standing : standings) {
        // A team without points is thanked with the others, never put on a podium at 0.
        if (standing.rank <= plan.podiumSize && standing.points > 0.0) {
            podium.lines.push_back(
                {&plan.teams[static_cast<std::size_t>(standing.team)],
                 std::to_string(standing.rank) + (standing.rank == 1 ? "er" : "e"),
                 formatDecimal(standing.points) + (standing.points >= 2.0 ? " points" : " point")});
        } else {
            others.push_back(standing);
        }
    }
    if (!others.empty()) {
        std::sort(others.begin(), others.end(),
                  [](const TeamStanding& a, const TeamStanding& b) { return a.team < b.team; });
        std::vector<std::string> names;
        for (const auto& standing : others) {
            names.push_back(toName(plan.teams[static_cast<std::size_t>(standing.team)].name));
        }
        podium.others = "Et bravo aussi " + frenchList(names) + ".";
    }
    return podium;
}

void drawPodium(Frame& frame, const Podium& podium) {
    const float unit = frame.layout.unit;
    ImFont* big = frame.services.fonts.title;
    for (const auto& line : podium.lines) {
        const AtelierTeam& team = *line.team;
        const ImVec2 position = ImGui::GetCursorScreenPos();
        const float width = availableWidth();
        const float height = big->FontSize + unit * 1.0f;
        ImDrawList* drawList = ImGui::GetWindowDrawList();
        fillRoundedRect(*drawList, position, ImVec2(position.x + width, position.y + height), teamFill(team),
                        unit * 0.4f);
        const ImU32 text = teamTextColour(team);
        const float y = position.y + unit * 0.5f;
        drawList->AddText(big, big->FontSize, ImVec2(position.x + unit * 0.8f, y), text, line.rank.c_str());
        drawList->AddText(big, big->FontSize, ImVec2(position.x + unit * 4.5f, y), text, team.name.c_str());
        const float pointsWidth = big->CalcTextSizeA(big->FontSize, FLT_MAX, 0.0f, line.points.c_str()).x;
        drawList->AddText(big, big->FontSize, ImVec2(position.x + width - pointsWidth - unit * 0.8f, y), text,
                          line.points.c_str());
        ImGui::Dummy(ImVec2(width, height + unit * 0.4f));
    }
    if (!podium.others.empty()) {
        verticalSpace(frame, 0.3f);
        paragraph(frame, podium.others, frame.services.fonts.heading);
    }
}

void Countdown::toggle(double now, double lengthSeconds) {
    if (!visible_) {
        visible_ = true;
        running_ = true;
        endsAt_ = now + lengthSeconds;
    } else if (running_) {
        running_ = false;
        pausedRemaining_ = std::max(0.0, endsAt_ - now);
        if (pausedRemaining_ <= 0.0) {
            visible_ = false;  // already at zero: the next T hides it
        }
    } else if (pausedRemaining_ <= 0.0) {
        visible_ = false;
    } else {
        running_ = true;
        endsAt_ = now + pausedRemaining_;
    }
}

double Countdown::remaining(double now) const {
    if (!visible_) {
        return 0.0;
    }
    return running_ ? std::max(0.0, endsAt_ - now) : pausedRemaining_;
}

double Countdown::secondsUntilTick(double now) const {
    if (!visible_ || !running_) {
        return -1.0;
    }
    const double left = endsAt_ - now;
    if (left <= 0.0) {
        return -1.0;
    }
    const double fraction = left - std::floor(left);
    return fraction > 0.0 ? fraction : 1.0;
}

std::string formatCountdown(double seconds) {
    const int whole = static_cast<int>(std::ceil(std::max(0.0, seconds)));
    const int secondsPart = whole % 60;
    return std::to_string(whole / 60) + ":" + (secondsPart < 10 ? "0" : "") + std::to_string(secondsPart);
}

}  // namespace passerelles::ui

// Colours and spacing: a calm, high-contrast light theme that stays legible on a washed-out projector.
#pragma once

#include <imgui.h>

namespace passerelles::ui::theme {

// Text and surfaces (contrast of text on background above 12:1)
inline constexpr ImU32 kBackground = IM_COL32(0xF7, 0xF5, 0xF0, 0xFF);
inline constexpr ImU32 kSurface = IM_COL32(0xFF, 0xFF, 0xFF, 0xFF);
inline constexpr ImU32 kSurfaceMuted = IM_COL32(0xEE, 0xEB, 0xE4, 0xFF);
inline constexpr ImU32 kBorder = IM_COL32(0xC9, 0xC4, 0xB8, 0xFF);
inline constexpr ImU32 kText = IM_COL32(0x1B, 0x1B, 0x1B, 0xFF);
inline constexpr ImU32 kTextMuted = IM_COL32(0x55, 0x55, 0x55, 0xFF);
// Meaning
inline constexpr ImU32 kPrimary = IM_COL32(0x1F, 0x4E, 0x79, 0xFF);  // deep blue: actions, focus
inline constexpr ImU32 kPrimarySoft = IM_COL32(0xDC, 0xE8, 0xF4, 0xFF);
inline constexpr ImU32 kRight = IM_COL32(0x1E, 0x6B, 0x34, 0xFF);  // green, with a ✓ (not colour alone)
inline constexpr ImU32 kRightSoft = IM_COL32(0xDF, 0xF0, 0xE3, 0xFF);
inline constexpr ImU32 kWrong = IM_COL32(0xA8, 0x23, 0x1C, 0xFF);  // red, with a ✗
inline constexpr ImU32 kWrongSoft = IM_COL32(0xF8, 0xE0, 0xDE, 0xFF);
inline constexpr ImU32 kPartial = IM_COL32(0x8A, 0x5A, 0x00, 0xFF);  // amber
inline constexpr ImU32 kPartialSoft = IM_COL32(0xFB, 0xEE, 0xD2, 0xFF);
inline constexpr ImU32 kAccent = IM_COL32(0x6A, 0x3D, 0x9A, 0xFF);  // violet: idées reçues

ImVec4 toVec4(ImU32 colour);
void apply(ImGuiStyle& style, float baseSize);

}  // namespace passerelles::ui::theme

// Applies the Passerelles theme to ImGui's style; sizes follow the base text size.
#include "ui/theme.hpp"

namespace passerelles::ui::theme {

ImVec4 toVec4(ImU32 colour) {
    return ImGui::ColorConvertU32ToFloat4(colour);
}

void apply(ImGuiStyle& style, float baseSize) {
    style = ImGuiStyle();
    const float unit = baseSize / 22.0f;
    style.WindowPadding = ImVec2(0, 0);
    style.WindowBorderSize = 0.0f;
    style.WindowRounding = 0.0f;
    style.FramePadding = ImVec2(12 * unit, 8 * unit);
    style.ItemSpacing = ImVec2(10 * unit, 10 * unit);
    style.ItemInnerSpacing = ImVec2(8 * unit, 6 * unit);
    style.FrameRounding = 6 * unit;
    style.GrabRounding = 6 * unit;
    style.ScrollbarSize = 16 * unit;
    style.ScrollbarRounding = 8 * unit;
    style.ChildRounding = 8 * unit;
    style.PopupRounding = 6 * unit;
    style.PopupBorderSize = 1.0f;
    style.FrameBorderSize = 1.0f;
    style.TouchExtraPadding = ImVec2(4 * unit, 4 * unit);  // fingers on a booth screen
    // Textured anti-aliased lines break up under SDL's software renderer (seen as split card borders).
    style.AntiAliasedLinesUseTex = false;

    ImVec4* colours = style.Colors;
    colours[ImGuiCol_Text] = toVec4(kText);
    colours[ImGuiCol_TextDisabled] = toVec4(kTextMuted);
    colours[ImGuiCol_WindowBg] = toVec4(kBackground);
    colours[ImGuiCol_ChildBg] = ImVec4(0, 0, 0, 0);
    colours[ImGuiCol_PopupBg] = toVec4(kSurface);
    colours[ImGuiCol_Border] = toVec4(kBorder);
    colours[ImGuiCol_FrameBg] = toVec4(kSurface);
    colours[ImGuiCol_FrameBgHovered] = toVec4(kPrimarySoft);
    colours[ImGuiCol_FrameBgActive] = toVec4(kPrimarySoft);
    colours[ImGuiCol_Button] = toVec4(kPrimary);
    colours[ImGuiCol_ButtonHovered] = ImVec4(0.16f, 0.38f, 0.60f, 1.0f);
    colours[ImGuiCol_ButtonActive] = ImVec4(0.09f, 0.24f, 0.40f, 1.0f);
    colours[ImGuiCol_Header] = toVec4(kPrimarySoft);
    colours[ImGuiCol_HeaderHovered] = toVec4(kPrimarySoft);
    colours[ImGuiCol_HeaderActive] = toVec4(kPrimarySoft);
    colours[ImGuiCol_CheckMark] = toVec4(kPrimary);
    colours[ImGuiCol_SliderGrab] = toVec4(kPrimary);
    colours[ImGuiCol_SliderGrabActive] = toVec4(kPrimary);
    colours[ImGuiCol_ScrollbarBg] = toVec4(kSurfaceMuted);
    colours[ImGuiCol_ScrollbarGrab] = toVec4(kBorder);
    colours[ImGuiCol_ScrollbarGrabHovered] = toVec4(kTextMuted);
    colours[ImGuiCol_ScrollbarGrabActive] = toVec4(kText);
    colours[ImGuiCol_Separator] = toVec4(kBorder);
    colours[ImGuiCol_TextSelectedBg] = toVec4(kPrimarySoft);
    colours[ImGuiCol_ModalWindowDimBg] = ImVec4(0.1f, 0.1f, 0.1f, 0.45f);
}

}  // namespace passerelles::ui::theme

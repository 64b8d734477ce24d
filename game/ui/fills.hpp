// Filled shapes that SDL's software renderer draws cheaply: rounded boxes split into a plain rectangle and
// two rounded ends, and ImGui's other fans re-triangulated before drawing.
//
// ImGui fills a convex shape (a rounded panel, a button, a disc) as a fan: every triangle starts at the
// shape's first point. SDL's software renderer (no graphics driver, a remote desktop, the dummy driver)
// walks the bounding box of each triangle, so a fan over a rounded 920 × 157 panel walks the panel's area
// once per arc segment, about five times: on the bench machine that was half of the first frame's
// instructions (issue 19). A plain rectangle is drawn by SDL as one fill, and the same polygon cut by
// clipping its smallest ears first covers exactly the same pixels with triangles whose boxes add up to
// about twice its area. GPU renderers pay per pixel covered and gain nothing, and lose nothing either.
#pragma once

#include <vector>

#include <imgui.h>

namespace passerelles::ui {

// Fills the rounded box [min, max] with the very pixels ImGui's AddRectFilled gives under SDL's software
// renderer, corners moved to whole pixels: the two rounded ends as small fans with ImGui's own points and
// fringe, the middle's inside as a plain rectangle that SDL fills in one pass, and ImGui's fades along its
// top and bottom. Falls back to ImGui's own fill when the box is too small to split.
void fillRoundedRect(ImDrawList& drawList, ImVec2 min, ImVec2 max, ImU32 colour, float rounding);
// The border ImGui's AddRect would draw around the same whole-pixel box.
void outlineRoundedRect(ImDrawList& drawList, ImVec2 min, ImVec2 max, ImU32 colour, float rounding,
                        float thickness);

class FillTriangulation {
  public:
    // Rewrites, in place, every fan of at least `kMinimumFanTriangles` triangles whose vertices share one
    // colour and one texture coordinate and form a convex polygon; any other triangle is left alone.
    // Keeps its scratch space between frames, so a frame after the first allocates nothing.
    void rewrite(ImDrawData& drawData);

    // Fans rewritten by the last call, for tests.
    int fansRewritten() const { return fansRewritten_; }

    static constexpr int kMinimumFanTriangles = 3;

  private:
    void rewriteCommand(ImDrawList& drawList, const ImDrawCmd& command);
    bool rewriteFan(const ImDrawVert* vertices, ImDrawIdx* indices, int triangles);

    std::vector<ImDrawIdx> polygon_;
    std::vector<int> previous_;
    std::vector<int> next_;
    std::vector<float> earCost_;
    int fansRewritten_ = 0;
};

// The sum, over every triangle drawn by `drawList`, of the area of its bounding box in pixels: what SDL's
// software renderer walks (SDL fills two triangles that make an upright rectangle as one rectangle, and
// they count for nothing). Tests use it to show what the fills save.
double triangleBoundingBoxArea(const ImDrawList& drawList);

}  // namespace passerelles::ui

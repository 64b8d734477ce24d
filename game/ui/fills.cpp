// Rounded boxes as a rectangle and two ends, and ImGui's fans cut ear by ear (see the header for why).
#include "ui/fills.hpp"

#include <algorithm>
#include <cfloat>
#include <cmath>

namespace passerelles::ui {

namespace {

// The pixels SDL's software renderer visits for one triangle: its bounding box, rounded out to whole pixels
// and cut to the clipping rectangle.
float walkedPixels(ImVec2 a, ImVec2 b, ImVec2 c,
                   const ImVec4& clip = ImVec4(-FLT_MAX, -FLT_MAX, FLT_MAX, FLT_MAX)) {
    const float left = std::max(std::floor(std::min({a.x, b.x, c.x})), clip.x);
    const float right = std::min(std::ceil(std::max({a.x, b.x, c.x})), clip.z);
    const float top = std::max(std::floor(std::min({a.y, b.y, c.y})), clip.y);
    const float bottom = std::min(std::ceil(std::max({a.y, b.y, c.y})), clip.w);
    return right > left && bottom > top ? (right - left) * (bottom - top) : 0.0f;
}

float cross(ImVec2 origin, ImVec2 a, ImVec2 b) {
    return (a.x - origin.x) * (b.y - origin.y) - (a.y - origin.y) * (b.x - origin.x);
}

// The sign of `value`, zero within `tolerance`: float rounding on nearly straight runs is not a turn.
int sign(float value, float tolerance) {
    return value > tolerance ? 1 : (value < -tolerance ? -1 : 0);
}

// A convex polygon turns one way only, and goes round once: its edges change horizontal direction twice
// and vertical direction twice. A fan whose points wind twice, or turn both ways, is left as ImGui drew it,
// since another triangulation would not cover the same pixels.
bool convexAndSimple(const ImDrawVert* vertices, const std::vector<ImDrawIdx>& polygon) {
    const std::size_t count = polygon.size();
    int turn = 0;
    int xChanges = 0;
    int yChanges = 0;
    int lastX = 0;
    int lastY = 0;
    int firstX = 0;
    int firstY = 0;
    for (std::size_t i = 0; i < count; ++i) {
        const ImVec2 a = vertices[polygon[i]].pos;
        const ImVec2 b = vertices[polygon[(i + 1) % count]].pos;
        const ImVec2 c = vertices[polygon[(i + 2) % count]].pos;
        const int turnHere = sign(cross(a, b, c), 1e-4f);
        if (turnHere != 0) {
            if (turn != 0 && turnHere != turn) {
                return false;
            }
            turn = turnHere;
        }
        const int dx = sign(b.x - a.x, 1e-4f);
        const int dy = sign(b.y - a.y, 1e-4f);
        if (dx != 0) {
            xChanges += lastX != 0 && dx != lastX ? 1 : 0;
            lastX = dx;
            firstX = firstX == 0 ? dx : firstX;
        }
        if (dy != 0) {
            yChanges += lastY != 0 && dy != lastY ? 1 : 0;
            lastY = dy;
            firstY = firstY == 0 ? dy : firstY;
        }
    }
    xChanges += lastX != 0 && firstX != lastX ? 1 : 0;  // the edge that closes the polygon
    yChanges += lastY != 0 && firstY != lastY ? 1 : 0;
    return turn != 0 && xChanges <= 2 && yChanges <= 2;
}

// Whether triangles `first` and `second` share two corners and together make an upright rectangle of one
// colour: SDL's software renderer then draws them as one rectangle (SDL_SW_RenderGeometryRaw).
bool formsUprightRectangle(const ImDrawVert* vertices, const ImDrawIdx* first, const ImDrawIdx* second) {
    int shared = 0;
    for (int i = 0; i < 3; ++i) {
        shared += (first[i] == second[0] || first[i] == second[1] || first[i] == second[2]) ? 1 : 0;
    }
    if (shared != 2) {
        return false;
    }
    ImVec2 low(vertices[second[0]].pos);
    ImVec2 high(low);
    for (const ImDrawIdx* triangle : {first, second}) {
        for (int i = 0; i < 3; ++i) {
            const ImDrawVert& vertex = vertices[triangle[i]];
            if (vertex.col != vertices[second[0]].col) {
                return false;
            }
            low = ImVec2(std::min(low.x, vertex.pos.x), std::min(low.y, vertex.pos.y));
            high = ImVec2(std::max(high.x, vertex.pos.x), std::max(high.y, vertex.pos.y));
        }
    }
    // Every corner on the rectangle's corners: each coordinate is its low or its high.
    for (const ImDrawIdx* triangle : {first, second}) {
        for (int i = 0; i < 3; ++i) {
            const ImVec2 at = vertices[triangle[i]].pos;
            if ((at.x != low.x && at.x != high.x) || (at.y != low.y && at.y != high.y)) {
                return false;
            }
        }
    }
    return low.x != high.x && low.y != high.y;
}

// Whole pixels: a plain rectangle is only filled like ImGui's anti-aliased shape when its edges are whole.
ImVec2 snapped(ImVec2 point) {
    return ImVec2(std::round(point.x), std::round(point.y));
}

}  // namespace

void fillRoundedRect(ImDrawList& drawList, ImVec2 min, ImVec2 max, ImU32 colour, float rounding) {
    min = snapped(min);
    max = snapped(max);
    // ImGui's own limit (PathRect), so that the arcs are the very ones AddRectFilled draws.
    rounding =
        std::min({rounding, std::fabs(max.x - min.x) * 0.5f - 1.0f, std::fabs(max.y - min.y) * 0.5f - 1.0f});
    const float middleLeft = std::ceil(min.x + rounding);
    const float middleRight = std::floor(max.x - rounding);
    // The ends reach two pixels into the middle, which is drawn over them: SDL's software renderer fades a
    // shape's right edge over its last pixel inside and its left edge over the first pixel outside, and
    // both fall under the middle. Only an opaque colour hides the overlap.
    const bool opaque = (colour & IM_COL32_A_MASK) == IM_COL32_A_MASK;
    if (rounding < 1.0f || middleRight - middleLeft < 6.0f || !opaque) {
        drawList.AddRectFilled(min, max, colour, std::max(rounding, 0.0f));
        return;
    }
    // The left end: top-left arc, across into the middle, down, bottom-left arc.
    drawList.PathArcToFast(ImVec2(min.x + rounding, min.y + rounding), rounding, 6, 9);
    drawList.PathLineTo(ImVec2(middleLeft + 2.0f, min.y));
    drawList.PathLineTo(ImVec2(middleLeft + 2.0f, max.y));
    drawList.PathArcToFast(ImVec2(min.x + rounding, max.y - rounding), rounding, 3, 6);
    drawList.PathFillConvex(colour);
    // The right end, the same way round.
    drawList.PathArcToFast(ImVec2(max.x - rounding, min.y + rounding), rounding, 9, 12);
    drawList.PathArcToFast(ImVec2(max.x - rounding, max.y - rounding), rounding, 0, 3);
    drawList.PathLineTo(ImVec2(middleRight - 2.0f, max.y));
    drawList.PathLineTo(ImVec2(middleRight - 2.0f, min.y));
    drawList.PathFillConvex(colour);
    // The middle: a plain rectangle on whole pixels, which SDL fills exactly, in one pass. Its top and
    // bottom edges are sharp where ImGui's fade over one pixel: a difference of a few levels, on the
    // rows just outside the top and just inside the bottom, which a border covers anyway.
    drawList.AddRectFilled(ImVec2(middleLeft, min.y), ImVec2(middleRight, max.y), colour);
}

void outlineRoundedRect(ImDrawList& drawList, ImVec2 min, ImVec2 max, ImU32 colour, float rounding,
                        float thickness) {
    drawList.AddRect(snapped(min), snapped(max), colour, rounding, 0, thickness);
}

void FillTriangulation::rewrite(ImDrawData& drawData) {
    fansRewritten_ = 0;
    for (int i = 0; i < drawData.CmdListsCount; ++i) {
        ImDrawList& drawList = *drawData.CmdLists[i];
        for (const ImDrawCmd& command : drawList.CmdBuffer) {
            rewriteCommand(drawList, command);
        }
    }
}

void FillTriangulation::rewrite(ImDrawList& drawList) {
    fansRewritten_ = 0;
    for (const ImDrawCmd& command : drawList.CmdBuffer) {
        rewriteCommand(drawList, command);
    }
}

void FillTriangulation::rewriteCommand(ImDrawList& drawList, const ImDrawCmd& command) {
    if (command.UserCallback != nullptr || command.ElemCount < 3) {
        return;
    }
    ImDrawIdx* indices = drawList.IdxBuffer.Data + command.IdxOffset;
    const ImDrawVert* vertices = drawList.VtxBuffer.Data + command.VtxOffset;
    const unsigned int count = command.ElemCount - command.ElemCount % 3;
    unsigned int start = 0;
    while (start + 3 <= count) {
        // A fan: every triangle starts at the same point and continues from the previous one's last. The
        // anti-aliased fringe that ImGui draws right after its fan starts the same way, but reaches a
        // transparent outer point: a fan takes only points of its own colour.
        const ImDrawVert& apex = vertices[indices[start]];
        const auto sameLook = [&apex](const ImDrawVert& vertex) {
            return vertex.col == apex.col && vertex.uv.x == apex.uv.x && vertex.uv.y == apex.uv.y;
        };
        unsigned int end = start + 3;
        while (end + 3 <= count && indices[end] == indices[start] && indices[end + 1] == indices[end - 1] &&
               sameLook(vertices[indices[end + 2]])) {
            end += 3;
        }
        const int triangles = static_cast<int>((end - start) / 3);
        if (triangles >= kMinimumFanTriangles && rewriteFan(vertices, indices + start, triangles)) {
            ++fansRewritten_;
        }
        start = end;
    }
}

bool FillTriangulation::rewriteFan(const ImDrawVert* vertices, ImDrawIdx* indices, int triangles) {
    const int count = triangles + 2;
    polygon_.clear();
    polygon_.push_back(indices[0]);
    polygon_.push_back(indices[1]);
    for (int t = 0; t < triangles; ++t) {
        polygon_.push_back(indices[3 * t + 2]);
    }
    // One colour and one texture point: any triangulation then paints every covered pixel alike.
    const ImDrawVert& first = vertices[polygon_[0]];
    for (const ImDrawIdx index : polygon_) {
        const ImDrawVert& vertex = vertices[index];
        if (vertex.col != first.col || vertex.uv.x != first.uv.x || vertex.uv.y != first.uv.y) {
            return false;
        }
    }
    if (!convexAndSimple(vertices, polygon_)) {
        return false;
    }

    previous_.resize(static_cast<std::size_t>(count));
    next_.resize(static_cast<std::size_t>(count));
    earCost_.resize(static_cast<std::size_t>(count));
    const auto position = [&](int corner) {
        return vertices[polygon_[static_cast<std::size_t>(corner)]].pos;
    };
    const auto cost = [&](int corner) {
        return walkedPixels(position(previous_[static_cast<std::size_t>(corner)]), position(corner),
                            position(next_[static_cast<std::size_t>(corner)]));
    };
    for (int i = 0; i < count; ++i) {
        previous_[static_cast<std::size_t>(i)] = (i + count - 1) % count;
        next_[static_cast<std::size_t>(i)] = (i + 1) % count;
    }
    for (int i = 0; i < count; ++i) {
        earCost_[static_cast<std::size_t>(i)] = cost(i);
    }

    // Every ear of a convex polygon is a valid triangle; the smallest is cut first, so the long edges
    // are only joined once the arcs' many small steps are gone.
    ImDrawIdx* out = indices;
    int head = 0;
    for (int remaining = count; remaining > 3; --remaining) {
        int best = head;
        for (int corner = next_[static_cast<std::size_t>(head)]; corner != head;
             corner = next_[static_cast<std::size_t>(corner)]) {
            if (earCost_[static_cast<std::size_t>(corner)] < earCost_[static_cast<std::size_t>(best)]) {
                best = corner;
            }
        }
        const int before = previous_[static_cast<std::size_t>(best)];
        const int after = next_[static_cast<std::size_t>(best)];
        out[0] = polygon_[static_cast<std::size_t>(before)];
        out[1] = polygon_[static_cast<std::size_t>(best)];
        out[2] = polygon_[static_cast<std::size_t>(after)];
        out += 3;
        next_[static_cast<std::size_t>(before)] = after;
        previous_[static_cast<std::size_t>(after)] = before;
        head = after;
        earCost_[static_cast<std::size_t>(before)] = cost(before);
        earCost_[static_cast<std::size_t>(after)] = cost(after);
    }
    out[0] = polygon_[static_cast<std::size_t>(previous_[static_cast<std::size_t>(head)])];
    out[1] = polygon_[static_cast<std::size_t>(head)];
    out[2] = polygon_[static_cast<std::size_t>(next_[static_cast<std::size_t>(head)])];
    return true;
}

double triangleBoundingBoxArea(const ImDrawList& drawList) {
    double total = 0.0;
    for (const ImDrawCmd& command : drawList.CmdBuffer) {
        if (command.UserCallback != nullptr) {
            continue;
        }
        const ImDrawIdx* indices = drawList.IdxBuffer.Data + command.IdxOffset;
        const ImDrawVert* vertices = drawList.VtxBuffer.Data + command.VtxOffset;
        const auto boxOf = [&](unsigned int at) {
            return walkedPixels(vertices[indices[at]].pos, vertices[indices[at + 1]].pos,
                                vertices[indices[at + 2]].pos, command.ClipRect);
        };
        // As SDL pairs them (SDL_SW_RenderGeometryRaw): two triangles in a row that make one upright
        // rectangle of one colour are filled or copied as a rectangle, and walk nothing.
        bool pending = false;
        unsigned int previous = 0;
        for (unsigned int at = 0; at + 3 <= command.ElemCount; at += 3) {
            if (pending && formsUprightRectangle(vertices, indices + previous, indices + at)) {
                pending = false;
                continue;
            }
            if (pending) {
                total += boxOf(previous);
            }
            pending = true;
            previous = at;
        }
        if (pending) {
            total += boxOf(previous);
        }
    }
    return total;
}

}  // namespace passerelles::ui

// Rounded boxes as a rectangle and two ends, and ImGui's fans cut ear by ear (see the header for why).
#include "ui/fills.hpp"

#include <imgui_internal.h>

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

ImU32 transparentOf(ImU32 colour) {
    return colour & ~IM_COL32_A_MASK;
}

std::vector<ImVec2>& scratchNormals() {
    static std::vector<ImVec2> normals;  // kept: a frame after the first allocates nothing
    return normals;
}

// Whole pixels: a plain rectangle is only filled like ImGui's anti-aliased shape when its edges are whole.
ImVec2 snapped(ImVec2 point) {
    return ImVec2(std::round(point.x), std::round(point.y));
}

// ImGui's offset of a polygon's point for anti-aliasing: the mean of the normals of the edges on either
// side, lengthened at corners (IM_FIXNORMAL2F), then half the fringe.
ImVec2 fringeOffset(ImVec2 before, ImVec2 after, float halfFringe) {
    ImVec2 offset((before.x + after.x) * 0.5f, (before.y + after.y) * 0.5f);
    if (const float length2 = offset.x * offset.x + offset.y * offset.y; length2 > 0.000001f) {
        const float inverse2 = std::min(1.0f / length2, 100.0f);
        offset = ImVec2(offset.x * inverse2, offset.y * inverse2);
    }
    return ImVec2(offset.x * halfFringe, offset.y * halfFringe);
}

// A point of a fill and its two anti-aliasing points: `inner` at full colour, `outer` transparent.
struct FringePoint {
    ImVec2 inner;
    ImVec2 outer;
};

// Fills the convex polygon `points` anti-aliased exactly as ImGui's AddConvexPolyFilled does (the same
// inner and outer points, the same fringe), except along the edge from points[sharp] to the next point,
// which is not faded: another shape continues there. Each end of that edge is offset as if the polygon
// went on along `continues` (the normal of the edge ImGui's whole box has there), so that the two shapes
// together have ImGui's very points. SDL's software renderer truncates points to whole pixels: a sharp
// edge on a whole-pixel line is where one shape's pixels stop and the next one's start. Returns the
// sharp edge's two ends.
std::pair<FringePoint, FringePoint> fillWithOneSharpEdge(ImDrawList& drawList, const ImVector<ImVec2>& points,
                                                         ImU32 colour, int sharp, ImVec2 startContinues,
                                                         ImVec2 endContinues) {
    const int count = points.Size;
    const ImVec2 uv = drawList._Data->TexUvWhitePixel;
    const float halfFringe = drawList._FringeScale * 0.5f;
    std::vector<ImVec2>& normals = scratchNormals();
    normals.resize(static_cast<std::size_t>(count));
    for (int i = 0; i < count; ++i) {
        const ImVec2 from = points[i];
        const ImVec2 to = points[(i + 1) % count];
        float dx = to.x - from.x;
        float dy = to.y - from.y;
        if (const float length2 = dx * dx + dy * dy; length2 > 0.0f) {
            const float inverse = ImRsqrt(length2);  // ImGui's own, so that the points come out the same
            dx *= inverse;
            dy *= inverse;
        }
        normals[static_cast<std::size_t>(i)] = ImVec2(dy, -dx);
    }
    const int sharpEnd = (sharp + 1) % count;
    drawList.PrimReserve((count - 2) * 3 + (count - 1) * 6, count * 2);
    const auto first = static_cast<unsigned int>(drawList._VtxCurrentIdx);
    const auto inner = [first](int at) {
        return static_cast<ImDrawIdx>(first + static_cast<unsigned int>(at) * 2);
    };
    const auto outer = [first](int at) {
        return static_cast<ImDrawIdx>(first + static_cast<unsigned int>(at) * 2 + 1);
    };
    for (int i = 2; i < count; ++i) {
        drawList.PrimWriteIdx(inner(0));
        drawList.PrimWriteIdx(inner(i - 1));
        drawList.PrimWriteIdx(inner(i));
    }
    std::pair<FringePoint, FringePoint> ends;
    for (int i = 0; i < count; ++i) {
        const ImVec2 before =
            i == sharpEnd ? endContinues : normals[static_cast<std::size_t>((i + count - 1) % count)];
        const ImVec2 after = i == sharp ? startContinues : normals[static_cast<std::size_t>(i)];
        const ImVec2 offset = fringeOffset(before, after, halfFringe);
        const FringePoint point{ImVec2(points[i].x - offset.x, points[i].y - offset.y),
                                ImVec2(points[i].x + offset.x, points[i].y + offset.y)};
        drawList.PrimWriteVtx(point.inner, uv, colour);
        drawList.PrimWriteVtx(point.outer, uv, transparentOf(colour));
        if (i == sharp) {
            ends.first = point;
        } else if (i == sharpEnd) {
            ends.second = point;
        }
    }
    for (int i = 0; i < count; ++i) {
        if (i == sharp) {
            continue;
        }
        const int next = (i + 1) % count;
        drawList.PrimWriteIdx(inner(next));
        drawList.PrimWriteIdx(inner(i));
        drawList.PrimWriteIdx(outer(i));
        drawList.PrimWriteIdx(outer(i));
        drawList.PrimWriteIdx(outer(next));
        drawList.PrimWriteIdx(inner(next));
    }
    return ends;
}

// ImGui's fade along a straight edge, from one point to another: a quad from their inner points (full
// colour) to their outer points (transparent).
void fade(ImDrawList& drawList, const FringePoint& from, const FringePoint& to, ImU32 colour) {
    const ImVec2 uv = drawList._Data->TexUvWhitePixel;
    drawList.PrimReserve(6, 4);
    const auto first = static_cast<ImDrawIdx>(drawList._VtxCurrentIdx);
    drawList.PrimWriteVtx(from.inner, uv, colour);
    drawList.PrimWriteVtx(to.inner, uv, colour);
    drawList.PrimWriteVtx(to.outer, uv, transparentOf(colour));
    drawList.PrimWriteVtx(from.outer, uv, transparentOf(colour));
    for (const int corner : {0, 1, 2, 0, 2, 3}) {
        drawList.PrimWriteIdx(static_cast<ImDrawIdx>(first + corner));
    }
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
    const bool antiAliased = (drawList.Flags & ImDrawListFlags_AntiAliasedFill) != 0;
    if (rounding < 1.0f || middleRight - middleLeft < 1.0f || (colour & IM_COL32_A_MASK) == 0 ||
        !antiAliased) {
        drawList.AddRectFilled(min, max, colour, std::max(rounding, 0.0f));
        return;
    }
    const ImVec2 up(0.0f, -1.0f);  // the normals of the box's top and bottom edges
    const ImVec2 down(0.0f, 1.0f);
    // The left end: the top-left arc, along the top to the middle (unless the arc ends there already: a
    // point twice would make an edge of no direction), down the middle's edge, the bottom-left arc.
    const bool leftStraight = middleLeft > min.x + rounding;
    drawList.PathArcToFast(ImVec2(min.x + rounding, min.y + rounding), rounding, 6, 9);
    if (leftStraight) {
        drawList.PathLineTo(ImVec2(middleLeft, min.y));
    }
    const int leftSharp = drawList._Path.Size - 1;
    if (leftStraight) {
        drawList.PathLineTo(ImVec2(middleLeft, max.y));
    }
    drawList.PathArcToFast(ImVec2(min.x + rounding, max.y - rounding), rounding, 3, 6);
    const auto [topLeft, bottomLeft] =
        fillWithOneSharpEdge(drawList, drawList._Path, colour, leftSharp, up, down);
    drawList.PathClear();
    // The right end, the same way round: up the middle's edge from the bottom.
    drawList.PathArcToFast(ImVec2(max.x - rounding, min.y + rounding), rounding, 9, 12);
    drawList.PathArcToFast(ImVec2(max.x - rounding, max.y - rounding), rounding, 0, 3);
    const bool rightStraight = middleRight < max.x - rounding;
    if (rightStraight) {
        drawList.PathLineTo(ImVec2(middleRight, max.y));
    }
    const int rightSharp = drawList._Path.Size - 1;  // to the first point, when the arcs meet the middle
    if (rightStraight) {
        drawList.PathLineTo(ImVec2(middleRight, min.y));
    }
    const auto [bottomRight, topRight] =
        fillWithOneSharpEdge(drawList, drawList._Path, colour, rightSharp, down, up);
    drawList.PathClear();
    // The middle: ImGui's fades along the top and the bottom, between the ends' points, and inside a plain
    // rectangle on whole pixels, which SDL fills exactly and in one pass. It covers what the ends' insides
    // leave, as SDL sees them: SDL truncates each point to a whole pixel, so an inner point at 224.95
    // takes column 224 into the right end, and the top and bottom rows go to the fades.
    const auto pixel = [](float coordinate) { return static_cast<float>(static_cast<int>(coordinate)); };
    drawList.AddRectFilled(ImVec2(pixel(topLeft.inner.x), pixel(topLeft.inner.y)),
                           ImVec2(pixel(topRight.inner.x), pixel(bottomRight.inner.y)), colour);
    fade(drawList, topLeft, topRight, colour);
    fade(drawList, bottomLeft, bottomRight, colour);
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

void FillTriangulation::rewriteCommand(ImDrawList& drawList, const ImDrawCmd& command) {
    if (command.UserCallback != nullptr || command.ElemCount < 3) {
        return;
    }
    ImDrawIdx* indices = drawList.IdxBuffer.Data + command.IdxOffset;
    const ImDrawVert* vertices = drawList.VtxBuffer.Data + command.VtxOffset;
    const unsigned int count = command.ElemCount - command.ElemCount % 3;
    unsigned int start = 0;
    while (start + 3 <= count) {
        // A fan: every triangle starts at the same point and continues from the previous one's last, and all
        // its points share one colour and one texture point. The anti-aliased fringe that ImGui draws right
        // after its fan starts the same way, but reaches a transparent outer point, where the fan stops.
        const ImDrawVert& apex = vertices[indices[start]];
        const auto sameLook = [&apex](const ImDrawVert& vertex) {
            return vertex.col == apex.col && vertex.uv.x == apex.uv.x && vertex.uv.y == apex.uv.y;
        };
        unsigned int end = start + 3;
        const bool ofOneLook =
            sameLook(vertices[indices[start + 1]]) && sameLook(vertices[indices[start + 2]]);
        while (ofOneLook && end + 3 <= count && indices[end] == indices[start] &&
               indices[end + 1] == indices[end - 1] && sameLook(vertices[indices[end + 2]])) {
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
    // Its points share one colour and one texture point (rewriteCommand takes no other), so any
    // triangulation of the same convex polygon paints every covered pixel alike.
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

    // SDL fills two triangles in a row that make an upright rectangle of one colour as a rectangle, cut to
    // whole pixels otherwise than its triangles are: the last triangle goes first to part such a pair, and
    // if one is still there the fan is put back as ImGui made it.
    const auto pairedAnywhere = [&] {
        for (int t = 0; t + 1 < triangles; ++t) {
            if (formsUprightRectangle(vertices, indices + 3 * t, indices + 3 * t + 3)) {
                return true;
            }
        }
        return false;
    };
    if (pairedAnywhere()) {
        std::rotate(indices, indices + 3 * (triangles - 1), indices + 3 * triangles);
        if (pairedAnywhere()) {
            for (int t = 0; t < triangles; ++t) {
                indices[3 * t] = polygon_[0];
                indices[3 * t + 1] = polygon_[static_cast<std::size_t>(t) + 1];
                indices[3 * t + 2] = polygon_[static_cast<std::size_t>(t) + 2];
            }
            return false;
        }
    }
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

// Rounded boxes and re-triangulated fans: the same pixels as ImGui's own fills under SDL's software
// renderer, for a fraction of the pixels walked (issue 19).
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include <SDL.h>
#include <imgui.h>
#include <imgui_impl_sdlrenderer.h>

#include "support/test_support.hpp"
#include "ui/fills.hpp"
#include "ui/headless.hpp"
#include "ui/screen_host.hpp"

using namespace passerelles::ui;

namespace {

constexpr int kWidth = 640;
constexpr int kHeight = 360;
const ImU32 kPanel = IM_COL32(255, 255, 255, 255);
const ImU32 kBackdrop = IM_COL32(0xF4, 0xF2, 0xEE, 0xFF);

// A frame drawn by `draw` into the foreground draw list of a fresh ImGui context, then by SDL's software
// renderer into pixels (after `beforeDrawing`, which may rewrite the draw data), as the game draws without
// a graphics driver.
struct Picture {
    std::vector<std::uint32_t> pixels;
    double walked = 0.0;
    int fansRewritten = 0;
};

Picture render(const std::function<void(ImDrawList&)>& draw, bool rewrite) {
    ImGuiContext* previous = ImGui::GetCurrentContext();
    ImGuiContext* context = ImGui::CreateContext();
    ImGui::SetCurrentContext(context);
    ImGui::GetIO().IniFilename = nullptr;
    ImGui::GetIO().DisplaySize = ImVec2(kWidth, kHeight);
    SDL_Surface* surface = SDL_CreateRGBSurfaceWithFormat(0, kWidth, kHeight, 32, SDL_PIXELFORMAT_ARGB8888);
    REQUIRE(surface != nullptr);
    SDL_Renderer* renderer = SDL_CreateSoftwareRenderer(surface);
    REQUIRE(renderer != nullptr);
    ImGui_ImplSDLRenderer_Init(renderer);
    ImGui_ImplSDLRenderer_NewFrame();
    ImGui::NewFrame();
    draw(*ImGui::GetForegroundDrawList());
    ImGui::Render();
    Picture picture;
    FillTriangulation fills;
    if (rewrite) {
        fills.rewrite(*ImGui::GetDrawData());
        picture.fansRewritten = fills.fansRewritten();
    }
    picture.walked = triangleBoundingBoxArea(*ImGui::GetDrawData()->CmdLists[0]);
    SDL_SetRenderDrawColor(renderer, 0xF4, 0xF2, 0xEE, 0xFF);
    SDL_RenderClear(renderer);
    ImGui_ImplSDLRenderer_RenderDrawData(ImGui::GetDrawData());
    SDL_RenderFlush(renderer);
    const auto* row = static_cast<const std::uint8_t*>(surface->pixels);
    for (int y = 0; y < kHeight; ++y, row += surface->pitch) {
        const auto* pixel = reinterpret_cast<const std::uint32_t*>(row);
        picture.pixels.insert(picture.pixels.end(), pixel, pixel + kWidth);
    }
    ImGui_ImplSDLRenderer_Shutdown();
    ImGui::DestroyContext(context);
    ImGui::SetCurrentContext(previous);
    SDL_DestroyRenderer(renderer);
    SDL_FreeSurface(surface);
    return picture;
}

// How many pixels differ between two pictures, and by how much at most in one colour channel.
struct Difference {
    int largest = 0;
    int pixels = 0;
};

Difference compare(const Picture& a, const Picture& b) {
    Difference difference;
    for (std::size_t i = 0; i < a.pixels.size(); ++i) {
        int largest = 0;
        for (int shift = 0; shift < 32; shift += 8) {
            const int x = static_cast<int>((a.pixels[i] >> shift) & 0xFFu);
            const int y = static_cast<int>((b.pixels[i] >> shift) & 0xFFu);
            largest = std::max(largest, std::abs(x - y));
        }
        difference.largest = std::max(difference.largest, largest);
        difference.pixels += largest > 0 ? 1 : 0;
    }
    return difference;
}

int pixelsOf(const Picture& picture, std::uint32_t colour) {
    return static_cast<int>(std::count(picture.pixels.begin(), picture.pixels.end(), colour));
}

struct Box {
    ImVec2 min;
    ImVec2 max;
    float rounding;
};

}  // namespace

TEST_CASE(
    "a rounded box drawn as a rectangle and two ends has ImGui's very pixels, for a fifth of the walk") {
    // A panel, a button, a pill-shaped progress bar (rounding half its height), a box at fractions of a
    // pixel (both drawn on whole pixels), in white, a strong colour and a see-through one, with and
    // without the border the screens draw over them.
    const Box boxes[] = {{ImVec2(20, 20), ImVec2(600, 177), 8.8f},
                         {ImVec2(40, 200), ImVec2(230, 248), 5.0f},
                         {ImVec2(260, 210), ImVec2(600, 226), 8.0f},
                         {ImVec2(40.4f, 270.6f), ImVec2(330.5f, 340.2f), 7.3f}};
    const ImU32 colours[] = {kPanel, IM_COL32(0xE6, 0x9F, 0x00, 0xFF), IM_COL32(0x1F, 0x4E, 0x79, 0x80)};
    const ImU32 border = IM_COL32(0xC8, 0xC4, 0xBC, 0xFF);
    for (const Box& box : boxes) {
        for (const ImU32 colour : colours) {
            CAPTURE(box.min.x);
            CAPTURE(box.min.y);
            CAPTURE(colour);
            const ImVec2 min(std::round(box.min.x), std::round(box.min.y));
            const ImVec2 max(std::round(box.max.x), std::round(box.max.y));
            const Picture imgui =
                render([&](ImDrawList& list) { list.AddRectFilled(min, max, colour, box.rounding); }, false);
            const Picture split = render(
                [&](ImDrawList& list) { fillRoundedRect(list, box.min, box.max, colour, box.rounding); },
                false);
            const Difference difference = compare(imgui, split);
            CHECK(difference.pixels == 0);
            CHECK(difference.largest == 0);
            const Picture imguiWithBorder = render(
                [&](ImDrawList& list) {
                    list.AddRectFilled(min, max, colour, box.rounding);
                    list.AddRect(min, max, border, box.rounding, 0, 1.5f);
                },
                false);
            const Picture splitWithBorder = render(
                [&](ImDrawList& list) {
                    fillRoundedRect(list, box.min, box.max, colour, box.rounding);
                    outlineRoundedRect(list, box.min, box.max, border, box.rounding, 1.5f);
                },
                false);
            CHECK(compare(imguiWithBorder, splitWithBorder).pixels == 0);
            // SDL fills the middle rectangle in one pass; only the ends' triangles are walked box by box.
            const double area = (max.x - min.x) * (max.y - min.y);
            CHECK(imgui.walked > 2.0 * area);
            CHECK(split.walked < imgui.walked / 5.0);
        }
    }
    // The box is really drawn: its middle band is panel-white.
    const Picture panel = render(
        [&](ImDrawList& list) { fillRoundedRect(list, ImVec2(20, 20), ImVec2(600, 177), kPanel, 8.8f); },
        false);
    CHECK(pixelsOf(panel, 0xFFFFFFFFu) > (580 - 20) * (157 - 2));
}

TEST_CASE(
    "ImGui's fans re-triangulated: the same pixels, a fraction of the walk, other triangles untouched") {
    const auto shapes = [](ImDrawList& list) {
        list.AddRectFilled(ImVec2(20, 20), ImVec2(600, 177), kPanel, 8.8f);
        list.AddRectFilled(ImVec2(40.3f, 200.6f), ImVec2(230.2f, 248.7f), IM_COL32(0x1F, 0x4E, 0x79, 0xFF),
                           6.0f);
        list.AddCircleFilled(ImVec2(420, 260), 60.0f, IM_COL32(0x2E, 0x7D, 0x32, 0xFF));
        list.AddRectFilled(ImVec2(300, 200), ImVec2(340, 220), IM_COL32(0x99, 0x33, 0x33, 0x80), 4.0f);
        list.AddText(ImVec2(30, 300), IM_COL32(0, 0, 0, 255), "Une ligne de texte n'est pas un éventail.");
    };
    const Picture fan = render(shapes, false);
    const Picture rewritten = render(shapes, true);
    CHECK(rewritten.fansRewritten == 4);
    CHECK(compare(fan, rewritten).pixels == 0);
    CHECK(rewritten.walked < fan.walked / 2.0);
    CHECK(pixelsOf(rewritten, 0xFF2E7D32u) > 10000);  // the disc is there
}

TEST_CASE("re-triangulated rounded boxes at every fraction of a pixel keep ImGui's pixels") {
    // The workshop's team chips sit at fractions of a pixel. Two triangles in a row that make an upright
    // rectangle are filled by SDL as a rectangle cut to whole pixels, which loses a row there: the
    // re-triangulation never leaves such a pair.
    for (int step = 0; step < 10; ++step) {
        const float fraction = static_cast<float>(step) / 10.0f;
        for (const float rounding : {3.0f, 6.5f, 9.0f, 12.25f}) {
            CAPTURE(fraction);
            CAPTURE(rounding);
            const auto chip = [&](ImDrawList& list) {
                list.AddRectFilled(ImVec2(30.0f + fraction, 40.0f + fraction),
                                   ImVec2(260.0f + fraction * 0.5f, 84.0f + fraction * 0.7f),
                                   IM_COL32(0xE6, 0x9F, 0x00, 0xFF), rounding);
            };
            const Picture fan = render(chip, false);
            const Picture rewritten = render(chip, true);
            CHECK(rewritten.fansRewritten == 1);
            CHECK(compare(fan, rewritten).pixels == 0);
        }
        // A rectangle given with points midway along its top and bottom: its last two ears make the
        // rectangle that SDL would fill a column short here (its right edge's fraction below its left's).
        const auto band = [&](ImDrawList& list) {
            const ImVec2 points[] = {{30.7f + fraction, 100.2f}, {115.0f, 100.2f},
                                     {200.3f, 100.2f},           {200.3f, 150.6f},
                                     {115.0f, 150.6f},           {30.7f + fraction, 150.6f}};
            list.AddConvexPolyFilled(points, 6, IM_COL32(0x2E, 0x7D, 0x32, 0xFF));
        };
        CHECK(compare(render(band, false), render(band, true)).pixels == 0);
    }
}

TEST_CASE("a fan that is not one convex shape of one colour is left as ImGui made it") {
    ImGuiContext* previous = ImGui::GetCurrentContext();
    ImGuiContext* context = ImGui::CreateContext();
    ImGui::SetCurrentContext(context);
    ImGui::GetIO().DisplaySize = ImVec2(kWidth, kHeight);
    ImGui::GetIO().IniFilename = nullptr;
    unsigned char* pixels = nullptr;
    int width = 0;
    int height = 0;
    ImGui::GetIO().Fonts->GetTexDataAsAlpha8(&pixels, &width, &height);
    ImGui::NewFrame();
    ImDrawList& list = *ImGui::GetForegroundDrawList();
    // A star drawn as a fan (AddConvexPolyFilled on a shape that is not convex): another triangulation
    // would paint other pixels. Then a fan whose points do not share one colour (a gradient).
    const ImVec2 star[] = {{100, 20},  {120, 80}, {180, 80}, {130, 110}, {150, 170},
                           {100, 130}, {50, 170}, {70, 110}, {20, 80},   {80, 80}};
    list.Flags &= ~ImDrawListFlags_AntiAliasedFill;
    list.AddConvexPolyFilled(star, 10, kPanel);
    const int gradientStart = list.VtxBuffer.Size;
    list.AddConvexPolyFilled(
        std::vector<ImVec2>{{300, 20}, {400, 20}, {420, 80}, {400, 140}, {300, 140}}.data(), 5, kPanel);
    list.VtxBuffer[gradientStart + 2].col = IM_COL32(255, 0, 0, 255);
    ImGui::Render();
    const std::vector<ImDrawIdx> before(list.IdxBuffer.begin(), list.IdxBuffer.end());
    FillTriangulation fills;
    fills.rewrite(*ImGui::GetDrawData());
    CHECK(fills.fansRewritten() == 0);
    const std::vector<ImDrawIdx> after(list.IdxBuffer.begin(), list.IdxBuffer.end());
    CHECK(after == before);
    ImGui::DestroyContext(context);
    ImGui::SetCurrentContext(previous);
}

// What SDL's software renderer walks box by box for one frame, after the rewrite the game makes.
double walkedAfterRewrite(HeadlessUi& ui) {
    REQUIRE(ui.drawData() != nullptr);
    FillTriangulation fills;
    fills.rewrite(*ui.drawData());
    double walked = 0.0;
    for (int i = 0; i < ui.drawData()->CmdListsCount; ++i) {
        walked += triangleBoundingBoxArea(*ui.drawData()->CmdLists[i]);
    }
    return walked;
}

TEST_CASE("a screen of panels, option cards, buttons and a field walks a quarter of its window or less") {
    // ImGui's fans alone made the first screen's one panel walk three quarters of a 1280 × 720 window.
    const double window = 1280.0 * 720.0;
    SUBCASE("the first screen: who is playing") {
        SessionOptions options;
        options.contentRoots = {{passerelles::testing::fixturesDir() / "packs", "bundled"}};
        HeadlessUi ui(options, ImVec2(1280, 720));
        ui.frames(2);
        CHECK(walkedAfterRewrite(ui) < 0.25 * window);
    }
    SUBCASE("a quiz question and its options") {
        SessionOptions options;
        options.contentRoots = {{passerelles::testing::fixturesDir() / "packs", "bundled"}};
        options.open = "quiz:valid-minimal";
        HeadlessUi ui(options, ImVec2(1280, 720));
        ui.frames(2);
        REQUIRE(ui.screen().kind() == "quiz");
        CHECK(walkedAfterRewrite(ui) < 0.25 * window);
    }
}

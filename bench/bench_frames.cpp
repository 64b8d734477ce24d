// Frame build time (NewFrame … Render, no backend) of each screen at 1920×1080, against ImGui's demo window.
//
// Each screen is reached as a player would (an --open target, then keys), then held still while frames
// are timed in CPU time: what a frame costs while the learner reads or moves the mouse. The dashboard is
// timed over a history of 100,000 results on the generated pack's 10,000 questions and 1,000 cards. The
// screen with the highest p99 carries the budget; every screen is printed. The baseline is Dear ImGui's
// own demo window, drawn in a headless context with the same display size: "an ordinary ImGui frame".
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include <imgui.h>

#include "bench_support.hpp"
#include "core/loading/pack_loader.hpp"
#include "generated_pack.hpp"
#include "progress_history.hpp"
#include "support/progress_store_access.hpp"
#include "ui/headless.hpp"

namespace bench = passerelles::bench;
using passerelles::loadPack;
using passerelles::PackLoad;
using passerelles::ui::HeadlessUi;
using passerelles::ui::SessionOptions;

namespace {

const ImVec2 kDisplay(1920, 1080);

struct ScreenCase {
    std::string label;
    std::string open;
    std::vector<std::string> keys;
    bool withHistory = false;  // the generated pack and a profile with a long history, else bundled content
};

constexpr int kHistory = 100000;
constexpr const char* kProfile = "Banc d’essai";

struct Timing {
    double p50 = 0.0;
    double p99 = 0.0;
};

// p50 and p99 of `frames` timed calls, after a warm-up that lets layout and caches settle.
Timing timeFrames(const std::function<void()>& frame, int frames) {
    for (int i = 0; i < 30; ++i) {
        frame();
    }
    std::vector<double> samples;
    samples.reserve(static_cast<std::size_t>(frames));
    for (int i = 0; i < frames; ++i) {
        const double start = bench::threadCpuSeconds();
        frame();
        samples.push_back(bench::threadCpuSeconds() - start);
    }
    return {bench::percentile(samples, 0.50), bench::percentile(samples, 0.99)};
}

Timing medianOfRuns(const std::function<Timing()>& run, int runs) {
    std::vector<double> p50;
    std::vector<double> p99;
    for (int i = 0; i < runs; ++i) {
        const Timing timing = run();
        p50.push_back(timing.p50);
        p99.push_back(timing.p99);
    }
    return {bench::median(p50), bench::median(p99)};
}

// The generated pack without scenarios (its 6 files stay within the loader's default limits), and a
// profile that has answered 100,000 times over weeks, in `data`.
void prepareHistory(const std::filesystem::path& content, const std::filesystem::path& data,
                    bench::FakeTime& time) {
    bench::GeneratedPackSize size;
    size.scenarios = 0;
    std::filesystem::remove_all(content);
    bench::writeGeneratedPack(content / bench::kGeneratedPackId, size);
    const PackLoad load = loadPack(content / bench::kGeneratedPackId);
    if (!load.usable()) {
        std::fprintf(stderr, "bench_frames: the generated pack does not load\n");
        std::exit(1);
    }
    auto store = bench::openFreshStore(data / "progress.db", time);
    const auto profile = store->createProfile(kProfile);
    // Filling only: the rows are the same.
    passerelles::ProgressStoreAccess::database(*store).execute("PRAGMA synchronous = OFF");
    bench::playHistory(*store, *profile, *load.pack, kHistory, time);
}

struct Places {
    std::filesystem::path bundledContent;
    std::filesystem::path historyContent;
    std::filesystem::path historyData;
    bench::FakeTime* time = nullptr;
};

Timing timeScreen(const ScreenCase& screen, const Places& places, int frames) {
    SessionOptions options;
    options.open = screen.open;
    if (screen.withHistory) {
        options.contentRoots = {{places.historyContent, "bundled"}};
        options.dataDirectory = places.historyData;
        options.profile = kProfile;
        options.storeClock = [time = places.time] { return time->now; };
    } else {
        options.contentRoots = {{places.bundledContent, "bundled"}};
        options.profile = "guest";
    }
    HeadlessUi ui(options, kDisplay);
    ui.frames(3);
    for (const auto& key : screen.keys) {
        ui.press(key);
        ui.frames(2);
    }
    std::fprintf(stderr, "bench_frames: %s shows %s\n", screen.label.c_str(), ui.screen().kind().c_str());
    return timeFrames([&] { ui.frame(); }, frames);
}

Timing timeDemoWindow(int frames) {
    ImGuiContext* context = ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.DisplaySize = kDisplay;
    io.DeltaTime = 1.0f / 60.0f;
    unsigned char* pixels = nullptr;
    int width = 0;
    int height = 0;
    io.Fonts->GetTexDataAsRGBA32(&pixels, &width, &height);
    const Timing timing = timeFrames(
        [] {
            ImGui::NewFrame();
            ImGui::SetNextWindowPos(ImVec2(0, 0));
            ImGui::SetNextWindowSize(kDisplay);
            ImGui::ShowDemoWindow();
            ImGui::Render();
        },
        frames);
    ImGui::DestroyContext(context);
    return timing;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 3) {
        std::fprintf(stderr, "bench_frames CONTENT_DIR WORK_DIR [RUNS [FRAMES]]\n");
        return 2;
    }
    const std::filesystem::path work = argv[2];
    const int runs = argc > 3 ? std::max(1, std::atoi(argv[3])) : 5;
    const int frames = argc > 4 ? std::max(10, std::atoi(argv[4])) : 500;
    bench::FakeTime time;
    const Places places{argv[1], work / "frames-content", work / "frames-data", &time};
    prepareHistory(places.historyContent, places.historyData, time);

    const std::vector<ScreenCase> screens = {
        {"dashboard, 100,000 results", "home", {"P"}, true},
        {"home, generated pack", "home", {}, true},
        {"quiz, answer revealed", "quiz:cahier-ludique", {"A", "C", "Enter"}},
        {"idées reçues alone, answer", "myths:cahier-ludique", {"2", "B", "Enter"}},
        {"idées reçues in a room, arguments",
         "myths-room:cahier-ludique",
         {"Enter", "Enter", "Right", "Right"}},
        {"scenario, a choice", "scenario:cahier-ludique/cofinancement", {"Enter"}},
        {"self-diagnostic, a question", "diagnostic:acter-2024", {"Enter"}},
    };
    std::string busiest;
    Timing worst;
    for (const auto& screen : screens) {
        const Timing timing = medianOfRuns([&] { return timeScreen(screen, places, frames); }, runs);
        bench::printRow({"Frame build, " + screen.label + " (p50 / p99, information)",
                         bench::formatSeconds(timing.p50) + " / " + bench::formatSeconds(timing.p99), "",
                         std::nullopt, "", std::nullopt});
        if (timing.p99 > worst.p99) {
            worst = timing;
            busiest = screen.label;
        }
    }
    const Timing demo = medianOfRuns([&] { return timeDemoWindow(frames); }, runs);
    const std::string runsLabel = ", 1920×1080, CPU time, " + std::to_string(frames) + " frames, median of " +
                                  std::to_string(runs) + " runs)";
    bench::printRow({"Frame build p50, busiest screen (" + busiest + runsLabel,
                     bench::formatSeconds(worst.p50), bench::formatSeconds(demo.p50) + " (ImGui demo window)",
                     worst.p50 / demo.p50, "", std::nullopt});
    bench::printRow({"Frame build p99, busiest screen (" + busiest + runsLabel,
                     bench::formatSeconds(worst.p99), bench::formatSeconds(demo.p99) + " (ImGui demo window)",
                     worst.p99 / demo.p99, "≤ 1 ms", worst.p99 <= 1e-3});
    return 0;
}

// Start-up and frames with a great deal of content (issue 22, item 7): 10,000 small packs, and one
// explanation of 20,000 bullet points. Wall time to the first frame (the session built with its packs
// loading in the background, then one frame), the packs' full load, and the CPU time of a home-screen
// frame and of a frame of the long explanation, at 1280×720.
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include <imgui.h>

#include "bench_support.hpp"
#include "ui/headless.hpp"
#include "ui/session.hpp"

namespace bench = passerelles::bench;
using passerelles::ui::HeadlessUi;
using passerelles::ui::SessionOptions;

namespace {

const char* kManifest = R"({"format": 1, "id": "%s", "title": "Pack numéro %d", "language": "fr",
 "version": "1.0.0", "sources": [{"id": "s", "short": "Source", "citation": "Source."}],
 "activities": ["quiz.json"]})";

const char* kQuiz = R"({"kind": "quiz", "id": "quiz", "title": "Quiz", "questions": [{"id": "q01",
 "text": "Combien ?", "options": [{"id": "a", "text": "Beaucoup", "correct": true},
 {"id": "b", "text": "Peu", "correct": false}], "explanation": %s, "source": {"id": "s", "page": 1}}]})";

void write(const std::filesystem::path& file, const std::string& text) {
    std::FILE* out = std::fopen(file.string().c_str(), "wb");
    std::fwrite(text.data(), 1, text.size(), out);
    std::fclose(out);
}

std::string format(const char* pattern, const std::string& a, int b = 0) {
    std::vector<char> buffer(std::string(pattern).size() + a.size() + 64);
    std::snprintf(buffer.data(), buffer.size(), pattern, a.c_str(), b);
    return buffer.data();
}

void writePack(const std::filesystem::path& root, int number, const std::string& explanation) {
    const std::string id = "pack-" + std::to_string(number);
    std::filesystem::create_directories(root / id);
    write(root / id / "pack.json", format(kManifest, id, number));
    std::vector<char> quiz(std::string(kQuiz).size() + explanation.size() + 16);
    std::snprintf(quiz.data(), quiz.size(), kQuiz, explanation.c_str());
    write(root / id / "quiz.json", quiz.data());
}

double frameCpu(HeadlessUi& ui, int frames) {
    std::vector<double> samples;
    for (int i = 0; i < frames; ++i) {
        const double start = bench::threadCpuSeconds();
        ui.frame();
        samples.push_back(bench::threadCpuSeconds() - start);
    }
    return bench::median(samples);
}

}  // namespace

int main(int argc, char** argv) {
    const int packs = argc > 1 ? std::atoi(argv[1]) : 10000;
    const auto root = std::filesystem::temp_directory_path() / "passerelles-bench-many-packs";
    std::filesystem::remove_all(root);
    std::filesystem::create_directories(root / "packs");
    for (int i = 0; i < packs; ++i) {
        writePack(root / "packs", i, "\"Parce que.\"");
    }
    std::string bullets = "\"Les points :";
    for (int i = 0; i < 20000; ++i) {
        bullets += "\\n- point numéro " + std::to_string(i);
    }
    bullets += "\"";
    std::filesystem::create_directories(root / "puces");
    writePack(root / "puces", 0, bullets);

    SessionOptions options;
    options.contentRoots = {{root / "packs", "user"}};
    options.loadInBackground = true;
    const auto start = bench::Clock::now();
    HeadlessUi ui(options, ImVec2(1280, 720));
    ui.frame();
    const double firstFrame = bench::secondsSince(start);
    while (ui.session().services().contentLoading) {
        ui.frame();
    }
    const double allLoaded = bench::secondsSince(start);
    ui.frames(3);
    const double homeFrame = frameCpu(ui, 30);

    SessionOptions bulletOptions;
    bulletOptions.contentRoots = {{root / "puces", "user"}};
    bulletOptions.open = "quiz:pack-0";
    HeadlessUi bulletUi(bulletOptions, ImVec2(1280, 720));
    bulletUi.frames(2);
    bulletUi.press("A");
    bulletUi.press("Enter");
    bulletUi.frames(3);
    const std::size_t linesBefore = bulletUi.session().services().text.linesDrawn();
    const double bulletFrame = frameCpu(bulletUi, 30);
    std::fprintf(stderr,
                 "bench_many_packs: home screen « %s », %zu packs usable; « %s » drew %zu lines a frame\n",
                 ui.screen().kind().c_str(), ui.session().library().usablePacks().size(),
                 bulletUi.screen().kind().c_str(),
                 (bulletUi.session().services().text.linesDrawn() - linesBefore) / 30);

    const std::string count = std::to_string(packs);
    bench::printRow({"First frame with " + count + " packs (wall)",
                     bench::formatSeconds(firstFrame),
                     "",
                     {},
                     "< 1 s",
                     firstFrame < 1.0});
    bench::printRow({"All " + count + " packs loaded in the background (wall)",
                     bench::formatSeconds(allLoaded),
                     "",
                     {},
                     "",
                     {}});
    bench::printRow({"Home frame with " + count + " packs (CPU, median)",
                     bench::formatSeconds(homeFrame),
                     "",
                     {},
                     "",
                     {}});
    bench::printRow({"Frame of an explanation of 20,000 bullet points (CPU, median)",
                     bench::formatSeconds(bulletFrame),
                     "",
                     {},
                     "",
                     {}});
    std::filesystem::remove_all(root);
    return 0;
}

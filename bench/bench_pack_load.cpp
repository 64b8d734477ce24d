// Load + validate time of a generated pack against nlohmann::json::parse alone on the same bytes.
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "bench_support.hpp"
#include "core/loading/pack_loader.hpp"
#include "core/loading/scenario_checker.hpp"
#include "generated_pack.hpp"

namespace bench = passerelles::bench;

namespace {

std::string readBytes(const std::filesystem::path& path) {
    std::ifstream file(path, std::ios::binary);
    std::ostringstream bytes;
    bytes << file.rdbuf();
    return std::move(bytes).str();
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        std::fprintf(stderr, "bench_pack_load WORK_FOLDER [RUNS [DIVISOR]]\n");
        return 2;
    }
    const std::filesystem::path folder = std::filesystem::path(argv[1]) / bench::kGeneratedPackId;
    const int runs = argc > 2 ? std::atoi(argv[2]) : 5;
    bench::GeneratedPackSize size;
    if (argc > 3) {  // a smaller pack, for profiling under callgrind
        const int divisor = std::max(1, std::atoi(argv[3]));
        size.questions /= divisor;
        size.cards /= divisor;
        size.scenarios = std::max(1, size.scenarios / divisor);
    }
    std::filesystem::remove_all(folder);
    const auto files = bench::writeGeneratedPack(folder, size);

    std::vector<std::string> bytes;
    std::size_t totalBytes = 0;
    for (const auto& file : files) {
        bytes.push_back(readBytes(file));
        totalBytes += bytes.back().size();
    }
    passerelles::LoaderOptions options;
    options.maxActivities = bench::generatedActivityCount(size);  // 106 files: above the default 100

    const passerelles::PackLoad check = passerelles::loadPack(folder, options);
    if (!check.usable() || check.diagnostics.hasErrors()) {
        std::fprintf(stderr, "bench_pack_load: the generated pack does not load:\n");
        for (const auto& diagnostic : check.diagnostics.items()) {
            std::fprintf(stderr, "  %s\n", passerelles::formatDiagnostic(diagnostic).c_str());
        }
        return 1;
    }
    std::size_t questions = 0;
    std::size_t cards = 0;
    for (const auto& quiz : check.pack->quizzes) {
        questions += quiz.questions.size();
    }
    for (const auto& deck : check.pack->decks) {
        cards += deck.cards.size();
    }
    std::fprintf(
        stderr, "bench_pack_load: %zu files, %.1f MB, %zu questions, %zu cards, %zu scenarios, %d warnings\n",
        files.size(), static_cast<double>(totalBytes) / 1e6, questions, cards, check.pack->scenarios.size(),
        check.diagnostics.warningCount());

    std::vector<double> loadTimes;
    std::vector<double> parseTimes;
    std::vector<double> checkerTimes;
    for (int run = 0; run < runs; ++run) {
        double start = bench::threadCpuSeconds();
        std::size_t parsedValues = 0;
        for (const auto& text : bytes) {
            parsedValues += nlohmann::json::parse(text).size();
        }
        parseTimes.push_back(bench::threadCpuSeconds() - start);

        start = bench::threadCpuSeconds();
        const passerelles::PackLoad load = passerelles::loadPack(folder, options);
        loadTimes.push_back(bench::threadCpuSeconds() - start);

        start = bench::threadCpuSeconds();
        std::size_t states = 0;
        for (const auto& scenario : load.pack->scenarios) {
            states += passerelles::exploreScenario(scenario).stateCount;
        }
        checkerTimes.push_back(bench::threadCpuSeconds() - start);
        if (parsedValues == 0 || states == 0) {
            return 1;
        }
    }
    const double load = bench::median(loadTimes);
    const double parse = bench::median(parseTimes);
    char figure[256];
    std::snprintf(
        figure, sizeof figure,
        "Load + validate a generated pack (%zu questions, %zu cards, %zu scenarios × %d nodes; %.1f MB "
        "in %zu files), against `json::parse` of the same bytes (CPU time, median of %d)",
        questions, cards, check.pack->scenarios.size(), size.nodesPerScenario,
        static_cast<double>(totalBytes) / 1e6, files.size(), runs);
    bench::printRow({figure, bench::formatSeconds(load), bench::formatSeconds(parse), load / parse, "≤ 2.0×",
                     load / parse <= 2.0});
    bench::printRow({"… of which the scenario state exploration (information)",
                     bench::formatSeconds(bench::median(checkerTimes)), "", std::nullopt, "", std::nullopt});
    return 0;
}

// Medians, percentiles, units and the Markdown rows shared by the bench programs.
#include "bench_support.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <ctime>

namespace passerelles::bench {

double secondsSince(Clock::time_point start) {
    return std::chrono::duration<double>(Clock::now() - start).count();
}

double threadCpuSeconds() {
    timespec now{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return static_cast<double>(now.tv_sec) + static_cast<double>(now.tv_nsec) * 1e-9;
}

double median(std::vector<double> samples) {
    if (samples.empty()) {
        return 0.0;
    }
    std::sort(samples.begin(), samples.end());
    const std::size_t middle = samples.size() / 2;
    return samples.size() % 2 == 1 ? samples[middle] : (samples[middle - 1] + samples[middle]) / 2.0;
}

double percentile(std::vector<double> samples, double fraction) {
    if (samples.empty()) {
        return 0.0;
    }
    std::sort(samples.begin(), samples.end());
    const double rank = std::ceil(fraction * static_cast<double>(samples.size()));
    const std::size_t index =
        static_cast<std::size_t>(std::clamp(rank, 1.0, static_cast<double>(samples.size())));
    return samples[index - 1];
}

std::string formatFixed(double value, int decimals) {
    char text[64];
    std::snprintf(text, sizeof text, "%.*f", decimals, value);
    return text;
}

std::string formatSeconds(double seconds) {
    const auto significant = [](double value) { return value >= 100 ? 0 : value >= 10 ? 1 : 2; };
    if (seconds >= 1.0) {
        return formatFixed(seconds, significant(seconds)) + " s";
    }
    if (seconds >= 1e-3) {
        return formatFixed(seconds * 1e3, significant(seconds * 1e3)) + " ms";
    }
    return formatFixed(seconds * 1e6, significant(seconds * 1e6)) + " µs";
}

void printRow(const Row& row) {
    const std::string ratio = row.ratio ? formatFixed(*row.ratio, 2) : "—";
    const std::string verdict = !row.pass ? "—" : *row.pass ? "pass" : "**FAIL**";
    std::printf("| %s | %s | %s | %s | %s | %s |\n", row.figure.c_str(), row.value.c_str(),
                row.baseline.empty() ? "—" : row.baseline.c_str(), ratio.c_str(),
                row.budget.empty() ? "—" : row.budget.c_str(), verdict.c_str());
    std::fflush(stdout);
}

}  // namespace passerelles::bench

// Shared by the bench programs: clocks, medians and percentiles, and the Markdown rows tools/bench collects.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <vector>

namespace passerelles::bench {

using Clock = std::chrono::steady_clock;

double secondsSince(Clock::time_point start);

// CPU time of the calling thread. In-process figures use it: the bench machine may be shared, and a
// single-threaded computation takes this long on an idle machine whatever else runs beside it.
double threadCpuSeconds();

// Median of the samples (the mean of the two middle ones for an even count); 0 for none.
double median(std::vector<double> samples);
// The sample below which `fraction` (0…1) of the samples lie, nearest rank.
double percentile(std::vector<double> samples, double fraction);

// "12.3 ms", "1.24 s", "850 µs": three significant digits at a readable unit.
std::string formatSeconds(double seconds);
std::string formatFixed(double value, int decimals);

// One line of the results table. The ratio and the verdict are left empty for figures without them.
struct Row {
    std::string figure;
    std::string value;
    std::string baseline;
    std::optional<double> ratio;
    std::string budget;
    std::optional<bool> pass;
};

// Prints the row as Markdown on stdout, where tools/bench collects it (notes go to stderr).
void printRow(const Row& row);

}  // namespace passerelles::bench

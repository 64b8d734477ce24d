// The background pack loader: one thread, the packs in order, results handed over once at the end.
#include "core/loading/background_loader.hpp"

#include <chrono>

namespace passerelles {

BackgroundPackLoader::BackgroundPackLoader(std::vector<std::filesystem::path> folders, LoaderOptions options,
                                           bool held)
    : folders_(std::move(folders)), options_(std::move(options)), held_(held) {
    loads_.reserve(folders_.size());
    thread_ = std::thread([this] { run(); });
}

BackgroundPackLoader::~BackgroundPackLoader() {
    stop_ = true;
    held_ = false;
    if (thread_.joinable()) {
        thread_.join();
    }
}

void BackgroundPackLoader::release() {
    held_ = false;
}

void BackgroundPackLoader::run() {
    while (held_.load() && !stop_.load()) {
        std::this_thread::sleep_for(std::chrono::milliseconds(1));  // tests hold it to see the first frame
    }
    for (const auto& folder : folders_) {
        if (stop_.load()) {
            break;
        }
        loads_.push_back(loadPack(folder, options_));  // only this thread touches loads_ until finished_
        ++loaded_;
    }
    finished_ = true;
}

std::vector<PackLoad> BackgroundPackLoader::take() {
    release();
    if (thread_.joinable()) {
        thread_.join();
    }
    return std::move(loads_);
}

}  // namespace passerelles

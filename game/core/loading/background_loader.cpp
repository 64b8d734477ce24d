// The background pack loader: one thread, the packs in order, results handed over once at the end.
#include "core/loading/background_loader.hpp"

namespace passerelles {

BackgroundPackLoader::BackgroundPackLoader(std::vector<std::filesystem::path> folders, LoaderOptions options,
                                           bool held)
    : folders_(std::move(folders)), options_(std::move(options)) {
    loads_.reserve(folders_.size());
    if (!held) {
        release();
    }
}

BackgroundPackLoader::~BackgroundPackLoader() {
    stop_ = true;
    if (thread_.joinable()) {
        thread_.join();
    }
}

void BackgroundPackLoader::release() {
    // A held loader has no thread yet: nothing polls while the first frame is drawn.
    if (!started_) {
        started_ = true;
        thread_ = std::thread([this] { run(); });
    }
}

void BackgroundPackLoader::run() {
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

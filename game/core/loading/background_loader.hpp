// Loads a library's pending packs on a thread of their own, so that the game's first frame never waits
// on content (issue 22: 10,000 packs held the start for 6 s).
#pragma once

#include <atomic>
#include <filesystem>
#include <thread>
#include <vector>

#include "core/loading/pack_loader.hpp"

namespace passerelles {

class BackgroundPackLoader {
  public:
    // Starts loading `folders` at once; with `held`, only when release() is called (the game: after its
    // first frame; tests: to see the frames drawn before any pack). release() is for the owner's thread.
    BackgroundPackLoader(std::vector<std::filesystem::path> folders, LoaderOptions options,
                         bool held = false);
    // Stops between two packs and waits for the thread.
    ~BackgroundPackLoader();
    BackgroundPackLoader(const BackgroundPackLoader&) = delete;
    BackgroundPackLoader& operator=(const BackgroundPackLoader&) = delete;

    void release();
    bool finished() const { return finished_.load(); }
    std::size_t loaded() const { return loaded_.load(); }
    std::size_t total() const { return folders_.size(); }
    // Waits for the end (an --open target needs its pack), then gives the loads in the folders' order.
    std::vector<PackLoad> take();

  private:
    void run();

    std::vector<std::filesystem::path> folders_;
    LoaderOptions options_;
    std::vector<PackLoad> loads_;
    bool started_ = false;
    std::atomic<bool> stop_{false};
    std::atomic<bool> finished_{false};
    std::atomic<std::size_t> loaded_{0};
    std::thread thread_;
};

}  // namespace passerelles

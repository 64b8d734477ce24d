// The progress store as screens see it: who is playing (a profile or a guest), recorders, messages.
// Core, with no UI dependency: screens reach it through their Services (ui/screen.hpp).
#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/base/io_result.hpp"
#include "core/loading/pack_loader.hpp"
#include "core/progress/activity_recorder.hpp"
#include "core/progress/progress_store.hpp"

namespace passerelles {

class ProgressService {
  public:
    // Opens (or creates) DATA/progress.db; a failure leaves the service in guest-only mode with a message.
    ProgressService(const std::filesystem::path& dataDirectory, const ContentLibrary& library,
                    ProgressStore::Clock clock = {});
    // No store at all: everything is played as a guest (tests, the booth).
    ProgressService() = default;

    bool available() const { return store_ != nullptr; }
    // Marks stale the results whose items changed: at opening, or once packs loaded in the background
    // are all there (never on a partial library, which would mark every other pack's results stale).
    void contentLoaded(const ContentLibrary& library);
    ProgressStore* store() { return store_.get(); }
    const std::filesystem::path& dataDirectory() const { return dataDirectory_; }

    // Who plays. A guest records nothing.
    bool isGuest() const { return !profile_.has_value(); }
    const std::optional<ProfileInfo>& profile() const { return profile_; }
    void playAsGuest() { profile_.reset(); }
    bool chooseProfile(std::int64_t id);
    // Creates and selects a profile; on failure returns false with the reason in lastMessage().
    bool createProfile(const std::string& name);
    // Deletes the current profile and everything about it, then plays as a guest.
    bool deleteCurrentProfile();
    std::vector<ProfileInfo> profiles();
    // Renames a profile (the current one keeps playing under its new name); false with lastMessage().
    bool renameProfile(std::int64_t id, const std::string& name);

    // The current profile's settings and daily goal (defaults for a guest).
    ProfileSettings settings();
    bool setDesiredRetention(double retention);
    bool setDailyGoal(int goal);
    DailyGoalStatus dailyGoal();
    // Items seen per activity of the current profile: (pack, activity) → count.
    std::vector<std::pair<std::pair<std::string, std::string>, int>> itemsSeenPerActivity();

    // A recorder for one play of an activity (it records nothing for a guest).
    std::unique_ptr<ActivityRecorder> recorderFor(const Pack& pack, ActivityKind kind,
                                                  const std::string& activityId,
                                                  std::function<double()> clock);
    // Missed items due by the end of today, for the current profile.
    std::vector<ReviewEntry> dueToday();
    // How many: a count in the database, for screens that only show the number.
    std::size_t dueTodayCount();
    std::size_t dueTomorrowCount();
    // Writes the current profile's history to DATA/exports/…csv; returns the file. The error's message is
    // also lastMessage().
    IoResult<std::filesystem::path> exportHistory();
    // Writes all the data (every profile) to DATA/exports/passerelles-sauvegarde-DATE.db, one consistent
    // SQLite file even while results are still in progress.db-wal; returns the file. The error's message is
    // also lastMessage(). Restoring: copy it as DATA/progress.db while the game is closed.
    IoResult<std::filesystem::path> backupData();
    // backupData, then the sentence the screens show: where the file is and how to restore it, or why not.
    std::string backupAndSay();

    // Messages for the learner: a damaged file moved aside, a store that could not be opened, a failed save.
    const std::vector<std::string>& notices() const { return notices_; }
    const std::string& lastMessage() const { return lastMessage_; }
    // How many times screens asked the store something: tests check that an idle frame asks nothing.
    std::size_t queries() const { return queries_; }

  private:
    std::unique_ptr<ProgressStore> store_;
    // DATA/exports/PREFIX<date-time>EXTENSION, the folder created if needed.
    std::filesystem::path exportFile(const std::string& prefix, const std::string& extension);
    std::filesystem::path dataDirectory_;
    const ContentLibrary* library_ = nullptr;
    std::optional<ProfileInfo> profile_;
    std::vector<std::string> notices_;
    std::string lastMessage_;
    std::size_t queries_ = 0;
};

}  // namespace passerelles

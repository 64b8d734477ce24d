// Opening the store for the UI, choosing who plays, and the learner's data (export, erase).
#include "core/progress/progress_service.hpp"

#include <ctime>

#include "core/base/file_writing.hpp"
#include "core/base/platform.hpp"
#include "core/progress/progress_report.hpp"

namespace passerelles {

ProgressService::ProgressService(const std::filesystem::path& dataDirectory, const ContentLibrary& library,
                                 ProgressStore::Clock clock)
    : dataDirectory_(dataDirectory), library_(&library) {
    auto opened = ProgressStore::open(dataDirectory / "progress.db", std::move(clock));
    if (!opened.ok()) {
        std::string before;  // what was moved aside before the failure, said first as on success
        for (const std::string& notice : opened.error().notices) {
            before += (before.empty() ? "" : " ") + notice;
        }
        if (!before.empty()) {
            notices_.push_back(before);
        }
        notices_.push_back(opened.error().message);
        return;
    }
    if (!opened.value().notice.empty()) {
        notices_.push_back(opened.value().notice);
    }
    store_ = std::move(opened.value().store);
    if (!library.loading()) {
        contentLoaded(library);  // packs loading in the background: once they are all there
    }
}

void ProgressService::contentLoaded(const ContentLibrary& library) {
    if (!store_) {
        return;
    }
    // Results recorded on questions that have changed since are kept but no longer counted.
    std::vector<ItemFingerprint> current;
    for (const auto& pack : library.usablePacks()) {
        const auto items = fingerprintsOf(*pack);
        current.insert(current.end(), items.begin(), items.end());
    }
    store_->markStale(current);
}

bool ProgressService::chooseProfile(std::int64_t id) {
    if (!store_) {
        return false;
    }
    const auto found = store_->findProfile(id);
    if (!found) {
        return false;
    }
    store_->touchProfile(id);
    profile_ = found;
    return true;
}

bool ProgressService::createProfile(const std::string& name) {
    if (!store_) {
        lastMessage_ = "La progression ne peut pas être enregistrée sur cet ordinateur.";
        return false;
    }
    const auto id = store_->createProfile(name);
    if (!id) {
        lastMessage_ = store_->lastError();
        return false;
    }
    return chooseProfile(*id);
}

bool ProgressService::deleteCurrentProfile() {
    if (!store_ || !profile_) {
        return false;
    }
    if (!store_->deleteProfile(profile_->id)) {
        lastMessage_ = store_->lastError();
        return false;
    }
    profile_.reset();
    return true;
}

std::vector<ProfileInfo> ProgressService::profiles() {
    ++queries_;
    return store_ ? store_->profiles() : std::vector<ProfileInfo>{};
}

bool ProgressService::renameProfile(std::int64_t id, const std::string& name) {
    if (!store_) {
        return false;
    }
    if (!store_->renameProfile(id, name)) {
        lastMessage_ = store_->lastError();
        return false;
    }
    if (profile_ && profile_->id == id) {
        profile_ = store_->findProfile(id);
    }
    return true;
}

ProfileSettings ProgressService::settings() {
    ++queries_;
    return store_ && profile_ ? store_->settingsOf(profile_->id) : ProfileSettings{};
}

bool ProgressService::setDesiredRetention(double retention) {
    if (!store_ || !profile_) {
        return false;
    }
    if (!store_->setDesiredRetention(profile_->id, retention)) {
        lastMessage_ = store_->lastError();
        return false;
    }
    return true;
}

bool ProgressService::setDailyGoal(int goal) {
    if (!store_ || !profile_) {
        return false;
    }
    if (!store_->setDailyGoal(profile_->id, goal)) {
        lastMessage_ = store_->lastError();
        return false;
    }
    return true;
}

DailyGoalStatus ProgressService::dailyGoal() {
    ++queries_;
    return store_ && profile_ ? store_->dailyGoal(profile_->id) : DailyGoalStatus{};
}

std::vector<std::pair<std::pair<std::string, std::string>, int>> ProgressService::itemsSeenPerActivity() {
    ++queries_;
    if (!store_ || !profile_) {
        return {};
    }
    return store_->itemsSeenPerActivity(profile_->id);
}

std::unique_ptr<ActivityRecorder> ProgressService::recorderFor(const Pack& pack, ActivityKind kind,
                                                               const std::string& activityId,
                                                               std::function<double()> clock) {
    ProgressStore* store = profile_ ? store_.get() : nullptr;
    return std::make_unique<ActivityRecorder>(store, profile_ ? profile_->id : 0, pack, kind, activityId,
                                              std::move(clock));
}

std::vector<ReviewEntry> ProgressService::dueToday() {
    ++queries_;
    if (!store_ || !profile_) {
        return {};
    }
    return store_->dueReviews(profile_->id, store_->startOfToday() + 24 * 3600 - 1);
}

std::size_t ProgressService::dueTodayCount() {
    ++queries_;
    if (!store_ || !profile_) {
        return 0;
    }
    return store_->dueReviewCount(profile_->id, store_->startOfToday() + 24 * 3600 - 1);
}

std::size_t ProgressService::dueTomorrowCount() {
    ++queries_;
    if (!store_ || !profile_) {
        return 0;
    }
    const std::int64_t endOfTomorrow = store_->startOfToday() + 2 * 24 * 3600 - 1;
    return store_->dueReviewCount(profile_->id, endOfTomorrow) - dueTodayCount();
}

std::filesystem::path ProgressService::exportFile(const std::string& prefix, const std::string& extension) {
    const std::time_t now = static_cast<std::time_t>(store_->now());
    const std::tm local = platform::localTime(now);
    char date[32];
    std::strftime(date, sizeof date, "%Y-%m-%d-%H%M", &local);
    const std::filesystem::path folder = dataDirectory_ / "exports";
    std::error_code error;
    std::filesystem::create_directories(folder, error);
    return folder / (prefix + date + extension);
}

IoResult<std::filesystem::path> ProgressService::exportHistory() {
    if (!store_ || !profile_) {
        return IoError{lastMessage_};  // screens offer the export only with a profile: said as before
    }
    const std::filesystem::path file =
        exportFile("progression-" + fileNameSlug(profile_->name) + "-", ".csv");
    const auto written = writeFileAtomically(file, exportHistoryCsv(*library_, *store_, profile_->id));
    if (!written.ok()) {
        IoError error = written.error();
        error.message = lastMessage_ = "L’export n’a pas pu être écrit : " + error.message;
        return error;
    }
    return file;
}

IoResult<std::filesystem::path> ProgressService::backupData() {
    if (!store_) {
        return IoError{lastMessage_};
    }
    const std::filesystem::path file = exportFile("passerelles-sauvegarde-", ".db");
    if (const auto backup = store_->backupTo(file); !backup.ok()) {
        IoError error = backup.error();
        error.message = lastMessage_ = "La sauvegarde n’a pas pu être écrite : " + error.message;
        return error;
    }
    return file;
}

std::string ProgressService::backupAndSay() {
    const auto file = backupData();
    return file.ok() ? "Données sauvegardées dans " + file.value().string() +
                           ". Pour les retrouver plus tard : fermez Passerelles, puis copiez ce fichier à la "
                           "place de " +
                           store_->file().string() + "."
                     : file.error().message;
}

}  // namespace passerelles

// Joins the store's latest results with the loaded content to build the dashboard's figures.
#include "core/progress/progress_report.hpp"

#include <map>
#include <string_view>
#include <tuple>
#include <unordered_map>
#include <variant>

#include "core/content/fingerprint.hpp"

namespace passerelles {

namespace {

double outcomeValue(Outcome outcome) {
    return outcome == Outcome::Right ? 1.0 : outcome == Outcome::Partial ? 0.5 : 0.0;
}

// The questions and cards of the activities a report or a review touches, by id. Indexed on first use:
// a long history looks up thousands of items, and a search of the activity for each was the report's cost.
class ItemIndex {
  public:
    // The question or card `id` of an activity, when it is loaded.
    std::optional<ReviewItem> find(const Pack& pack, ActivityKind kind, const std::string& activityId,
                                   const std::string& id) {
        if (kind != ActivityKind::Quiz && kind != ActivityKind::Myths) {
            return std::nullopt;
        }
        auto [entry, added] = activities_.try_emplace({&pack, kind, activityId});
        if (added) {
            fill(entry->second, pack, kind, activityId);
        }
        const auto found = entry->second.find(id);
        if (found == entry->second.end()) {
            return std::nullopt;
        }
        return ReviewItem{&pack, activityId, found->second};
    }

  private:
    using Items = std::unordered_map<std::string_view, std::variant<const Question*, const MythCard*>>;

    static void fill(Items& items, const Pack& pack, ActivityKind kind, const std::string& activityId) {
        // emplace keeps the first of two equal ids, as the search it replaces did.
        if (kind == ActivityKind::Quiz) {
            if (const Quiz* quiz = pack.findQuiz(activityId)) {
                for (const auto& question : quiz->questions) {
                    items.emplace(question.id, &question);
                }
            }
        } else if (const MythDeck* deck = pack.findDeck(activityId)) {
            for (const auto& card : deck->cards) {
                items.emplace(card.id, &card);
            }
        }
    }

    std::map<std::tuple<const Pack*, ActivityKind, std::string>, Items> activities_;
};

const ItemTags* tagsOf(const ReviewItem& item) {
    return item.question() != nullptr ? &item.question()->tags : &item.card()->tags;
}

}  // namespace

ProfileReport buildProfileReport(const ContentLibrary& library, ProgressStore& store,
                                 std::int64_t profileId) {
    ProfileReport report;
    ItemIndex index;
    report.results = store.resultCount(profileId);
    std::map<std::pair<std::string, std::string>, ActivityTotals> totals;
    for (auto& entry : store.activityTotals(profileId)) {
        report.activeSeconds += entry.activeSeconds;
        totals[{entry.packId, entry.activityId}] = std::move(entry);
    }
    std::map<std::pair<std::string, std::string>, std::vector<ItemProgress>> latestByActivity;
    for (auto& item : store.latestResults(profileId)) {
        latestByActivity[{item.packId, item.activityId}].push_back(std::move(item));
    }
    // (pack, theme id) → (items, sum of values): the label is looked up once per theme, not per item.
    std::map<std::pair<const Pack*, std::string_view>, std::pair<int, double>> themeSums;
    for (const auto& pack : library.usablePacks()) {
        for (const auto& activity : pack->activities) {
            const auto key = std::make_pair(pack->id, activity.id);
            const auto latest = latestByActivity.find(key);
            const auto total = totals.find(key);
            if (latest == latestByActivity.end() && total == totals.end()) {
                continue;
            }
            ActivityReport entry;
            entry.pack = pack.get();
            entry.activity = &activity;
            if (activity.kind == ActivityKind::Quiz) {
                entry.itemsTotal = static_cast<int>(pack->quizzes[activity.index].questions.size());
            } else if (activity.kind == ActivityKind::Myths) {
                entry.itemsTotal = static_cast<int>(pack->decks[activity.index].cards.size());
            } else {
                entry.itemsTotal = 1;
            }
            if (total != totals.end()) {
                entry.activeSeconds = total->second.activeSeconds;
                entry.finishedSessions = total->second.finishedSessions;
                entry.bestRatio = total->second.bestRatio;
                entry.lastRatio = total->second.lastRatio;
            }
            if (latest != latestByActivity.end()) {
                for (const ItemProgress& progress : latest->second) {
                    ++entry.itemsSeen;
                    entry.itemsMastered += progress.outcome == Outcome::Right ? 1 : 0;
                    const auto item = index.find(*pack, activity.kind, activity.id, progress.itemId);
                    if (!item) {
                        continue;
                    }
                    if (progress.outcome != Outcome::Right) {
                        report.missed.push_back(*item);
                    }
                    for (const auto& theme : tagsOf(*item)->themes) {
                        auto& sum = themeSums[{pack.get(), theme}];
                        ++sum.first;
                        sum.second += outcomeValue(progress.outcome);
                    }
                }
            }
            report.activities.push_back(entry);
        }
    }
    std::map<std::string, std::pair<int, double>> byLabel;  // packs may share a theme's label
    for (const auto& [theme, sum] : themeSums) {
        auto& total = byLabel[theme.first->themeLabel(std::string(theme.second))];
        total.first += sum.first;
        total.second += sum.second;
    }
    for (const auto& [label, sum] : byLabel) {
        report.themes.push_back({label, sum.first, sum.second / sum.first});
    }
    return report;
}

std::vector<ReviewItem> resolveReviewItems(const ContentLibrary& library,
                                           const std::vector<ReviewEntry>& entries) {
    std::vector<ReviewItem> items;
    ItemIndex index;
    for (const auto& entry : entries) {
        const Pack* pack = library.findPack(entry.packId);
        if (pack == nullptr) {
            continue;
        }
        const auto item = index.find(*pack, entry.kind, entry.activityId, entry.itemId);
        if (!item) {
            continue;
        }
        const std::string now =
            item->question() != nullptr ? fingerprint(*item->question()) : fingerprint(*item->card());
        if (now == entry.fingerprint) {
            items.push_back(*item);
        }
    }
    return items;
}

}  // namespace passerelles

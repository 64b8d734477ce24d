// Joins the store's latest results with the loaded content to build the dashboard's figures.
#include "core/progress/progress_report.hpp"

#include <ctime>
#include <map>
#include <string_view>
#include <tuple>
#include <unordered_map>
#include <variant>

#include <nlohmann/json.hpp>

#include "core/base/collation.hpp"
#include "core/base/csv_writer.hpp"
#include "core/base/platform.hpp"
#include "core/base/text.hpp"
#include "core/content/fingerprint.hpp"
#include "core/play/myth_run.hpp"
#include "core/play/scenario_run.hpp"

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

nlohmann::json parseDetail(const std::string& text) {
    auto value = nlohmann::json::parse(text, nullptr, false);
    return value.is_object() ? value : nlohmann::json::object();
}

std::string stringField(const nlohmann::json& detail, const char* key) {
    const auto found = detail.find(key);
    return found != detail.end() && found->is_string() ? found->get<std::string>() : std::string();
}

const ScenarioNode* endingOf(const Scenario& scenario, const nlohmann::json& detail) {
    const int node = scenario.findNode(stringField(detail, "ending"));
    return node >= 0 ? &scenario.nodes[static_cast<std::size_t>(node)] : nullptr;
}

const Profile* profileOf(const SelfDiagnostic& diagnostic, const std::string& id) {
    for (const auto& profile : diagnostic.profiles) {
        if (!id.empty() && profile.id == id) {
            return &profile;
        }
    }
    return nullptr;
}

// « HUMANIS — Humanitaire et solidaire », with the hybrid when there is one.
std::string diagnosisText(const SelfDiagnostic& diagnostic, const nlohmann::json& detail) {
    const Profile* main = profileOf(diagnostic, stringField(detail, "profile"));
    if (main == nullptr) {
        return "aucun profil ne se dégageait des réponses";
    }
    const auto name = [](const Profile& profile) {
        return profile.subtitle.empty() ? profile.title : profile.title + " (" + profile.subtitle + ")";
    };
    std::string text = name(*main);
    if (const Profile* hybrid = profileOf(diagnostic, stringField(detail, "hybrid"))) {
        text += ", proche de " + name(*hybrid);
    }
    return text;
}

Outcome outcomeOfEnding(EndingRating rating) {
    return rating == EndingRating::Good    ? Outcome::Right
           : rating == EndingRating::Mixed ? Outcome::Partial
                                           : Outcome::Wrong;
}

// What the dashboard says of a scenario's or a self-diagnostic's latest result.
void describeLastPlay(ActivityReport& entry, const Pack& pack, const ActivityRef& activity,
                      const nlohmann::json& detail) {
    if (activity.kind == ActivityKind::Scenario) {
        const Scenario& scenario = pack.scenarios[activity.index];
        if (const ScenarioNode* ending = endingOf(scenario, detail)) {
            entry.lastOutcome = outcomeOfEnding(ending->rating);
            entry.lastOutcomeText = std::string(ratingLabel(ending->rating)) + " : " + ending->title;
        }
    } else if (activity.kind == ActivityKind::SelfDiagnostic) {
        entry.lastOutcomeText = "Profil trouvé : " + diagnosisText(pack.diagnostics[activity.index], detail);
    }
}

}  // namespace

std::string activityProgressLabel(const Pack& pack, const ActivityRef& activity, int itemsSeen) {
    std::string size = activityItemCount(pack, activity);
    if (itemsSeen <= 0) {
        return size;
    }
    switch (activity.kind) {
        case ActivityKind::Quiz:
        case ActivityKind::Myths:
            return std::to_string(itemsSeen) + " / " + size;
        case ActivityKind::Scenario:
            return size + " · jouée";
        case ActivityKind::SelfDiagnostic:
            return size + " · fait";
    }
    return size;
}

std::string frenchDateOf(std::int64_t unixSeconds) {
    const std::tm local = platform::localTime(static_cast<std::time_t>(unixSeconds));
    char iso[16];
    std::strftime(iso, sizeof iso, "%Y-%m-%d", &local);
    return formatFrenchDate(iso);
}

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
            if (latest != latestByActivity.end() &&
                (activity.kind == ActivityKind::Scenario || activity.kind == ActivityKind::SelfDiagnostic)) {
                // One item, the activity itself: its detail says which ending or profile (one read each).
                const ItemProgress& last = latest->second.back();
                entry.lastPlayedAt = last.recordedAt;
                describeLastPlay(entry, *pack, activity, parseDetail(store.resultDetail(last.resultId)));
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
    // Packs may share a theme's label; keyed by its French collation key, so « Égalité » sorts among the E's.
    std::map<std::string, std::pair<std::string, std::pair<int, double>>> byLabel;
    for (const auto& [theme, sum] : themeSums) {
        const std::string label = theme.first->themeLabel(std::string(theme.second));
        auto& total = byLabel[frenchCollationKey(label)];
        total.first = label;
        total.second.first += sum.first;
        total.second.second += sum.second;
    }
    for (const auto& [key, labelled] : byLabel) {
        const auto& [label, sum] = labelled;
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

// ---- The history as CSV ---------------------------------------------------------------------

namespace {

// The text of each option id, in the order given; an id no longer in the question stays as it was. No
// letters: the options' order changes from play to play (optionDisplayOrder).
std::string optionTexts(const Question& question, const nlohmann::json& ids) {
    std::string text;
    for (const auto& id : ids) {
        if (!id.is_string()) {
            continue;
        }
        std::string shown = id.get<std::string>();
        for (const auto& option : question.options) {
            if (option.id == shown) {
                shown = option.text;
                break;
            }
        }
        text += (text.empty() ? "" : " ; ") + shown;
    }
    return text;
}

std::string rightOptions(const Question& question) {
    std::string text;
    for (const auto& option : question.options) {
        if (option.correct) {
            text += (text.empty() ? "" : " ; ") + option.text;
        }
    }
    return text;
}

const MythArgument* argumentOf(const MythCard& card, const std::string& id) {
    for (const auto& argument : card.arguments) {
        if (argument.id == id) {
            return &argument;
        }
    }
    return nullptr;
}

// « Situation : choix → Situation : choix → fin réussie : titre ».
std::string scenarioPath(const Scenario& scenario, const nlohmann::json& detail) {
    std::string text;
    const auto path = detail.find("path");
    if (path != detail.end() && path->is_array()) {
        for (const auto& id : *path) {
            if (!id.is_string()) {
                continue;
            }
            std::string step = id.get<std::string>();
            for (const auto& node : scenario.nodes) {
                const auto choice = std::find_if(node.choices.begin(), node.choices.end(),
                                                 [&](const ScenarioChoice& c) { return c.id == step; });
                if (choice != node.choices.end()) {
                    step = (node.title.empty() ? "" : node.title + " : ") + choice->text;
                    break;
                }
            }
            text += (text.empty() ? "" : " → ") + step;
        }
    }
    if (const ScenarioNode* ending = endingOf(scenario, detail)) {
        text += std::string(text.empty() ? "" : " → ") + ratingLabel(ending->rating) + " : " + ending->title;
    }
    return text;
}

struct DescribedResult {
    std::string packTitle;
    std::string activityTitle;
    std::string item;
    std::string answer;
    std::string rightAnswer;
};

DescribedResult describe(const ContentLibrary& library, ItemIndex& index, const StoredResult& result) {
    DescribedResult described{result.packId, result.activityId, result.itemId, {}, {}};
    const Pack* pack = library.findPack(result.packId);
    if (pack == nullptr) {
        described.item += " (pack non chargé)";
        return described;
    }
    described.packTitle = pack->title;
    const nlohmann::json detail = parseDetail(result.detail);
    for (const auto& activity : pack->activities) {
        if (activity.kind == result.kind && activity.id == result.activityId) {
            described.activityTitle = activity.title;
        }
    }
    if (result.kind == ActivityKind::Scenario) {
        if (const Scenario* scenario = pack->findScenario(result.itemId)) {
            described.item = scenario->title;
            described.answer = scenarioPath(*scenario, detail);
        }
        return described;
    }
    if (result.kind == ActivityKind::SelfDiagnostic) {
        if (const SelfDiagnostic* diagnostic = pack->findDiagnostic(result.itemId)) {
            described.item = diagnostic->title;
            described.answer = "Profil trouvé : " + diagnosisText(*diagnostic, detail);
        }
        return described;
    }
    const auto item = index.find(*pack, result.kind, result.activityId, result.itemId);
    if (!item) {
        described.item += " (élément retiré du pack)";
        return described;
    }
    if (const Question* question = item->question()) {
        described.item = question->text;
        const auto selected = detail.find("selected");
        described.answer =
            selected != detail.end() && selected->is_array() ? optionTexts(*question, *selected) : "";
        described.rightAnswer = rightOptions(*question);
        return described;
    }
    const MythCard& card = *item->card();
    described.item = "« " + card.statement + " »";
    if (const MythArgument* argument = argumentOf(card, stringField(detail, "argument"))) {
        described.answer = argument->text;
    }
    const auto before = detail.find("before");
    const auto after = detail.find("after");
    if (before != detail.end() && after != detail.end() && before->is_number_integer() &&
        after->is_number_integer()) {
        const auto agreement = [](int value) {
            return agreementLabel(static_cast<Agreement>(std::clamp(value, 0, 3)));
        };
        described.answer += std::string(described.answer.empty() ? "" : " ; ") +
                            "avis : " + agreement(before->get<int>()) + " → " + agreement(after->get<int>());
    }
    if (const int best = card.bestArgumentIndex(); best >= 0) {
        described.rightAnswer = card.arguments[static_cast<std::size_t>(best)].text;
    }
    return described;
}

}  // namespace

std::string exportHistoryCsv(const ContentLibrary& library, ProgressStore& store, std::int64_t profileId) {
    CsvWriter csv;
    csv.row({"date", "profil", "pack", "version", "activité", "sorte", "élément", "réponse donnée",
             "bonne réponse", "résultat", "points", "points max", "durée (s)", "révision", "entraînement",
             "contenu modifié depuis"});
    ItemIndex index;
    store.forEachResult(profileId, [&](const StoredResult& result) {
        const std::tm local = platform::localTime(static_cast<std::time_t>(result.recordedAt));
        char date[32];
        std::strftime(date, sizeof date, "%d/%m/%Y %H:%M:%S", &local);
        const DescribedResult described = describe(library, index, result);
        const auto outcome = outcomeFromKeyword(result.outcome);
        csv.row({date, result.profileName, described.packTitle, result.packVersion, described.activityTitle,
                 activityKindLabel(result.kind), described.item, described.answer, described.rightAnswer,
                 outcome ? outcomeLabel(*outcome) : result.outcome, csvNumber(result.points),
                 csvNumber(result.maxPoints), std::to_string(result.activeSeconds),
                 result.review ? "oui" : "non", result.drill ? "oui" : "non", result.stale ? "oui" : "non"});
    });
    return csv.text();
}

}  // namespace passerelles

// What the dashboard shows for one profile: per activity, per theme, and the items still missed.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/loading/pack_loader.hpp"
#include "core/play/review_run.hpp"
#include "core/progress/progress_store.hpp"

namespace passerelles {

struct ActivityReport {
    const Pack* pack = nullptr;
    const ActivityRef* activity = nullptr;
    int itemsTotal = 0;
    int itemsSeen = 0;      // answered at least once (results on the current content only)
    int itemsMastered = 0;  // latest answer right
    std::int64_t activeSeconds = 0;
    int finishedSessions = 0;
    double bestRatio = 0.0;
    double lastRatio = 0.0;
    // Scenarios: the ending reached last time (« Fin réussie : … »); self-diagnostics: the profile found.
    // Empty for quizzes and decks, whose figures are items seen and mastered.
    std::string lastOutcomeText;
    Outcome lastOutcome = Outcome::Right;  // a scenario's ending: good, mixed or failed
    std::int64_t lastPlayedAt = 0;         // unix seconds of that result
};

struct ThemeMastery {
    std::string theme;     // label
    int items = 0;         // items of this theme answered at least once
    double mastery = 0.0;  // mean of the latest outcomes: right 1, partial 0.5, wrong 0
};

struct ProfileReport {
    std::vector<ActivityReport> activities;  // activities with at least one result, in library order
    std::vector<ThemeMastery> themes;        // by theme label, in French alphabetical order
    std::vector<ReviewItem> missed;          // latest answer not right, current content only
    std::int64_t activeSeconds = 0;
    std::int64_t results = 0;
};

ProfileReport buildProfileReport(const ContentLibrary& library, ProgressStore& store, std::int64_t profileId);

// The due review entries resolved to the questions and cards of the loaded packs (entries whose
// content is not loaded, or has changed, are left out).
std::vector<ReviewItem> resolveReviewItems(const ContentLibrary& library,
                                           const std::vector<ReviewEntry>& entries);

// The profile's history as CSV (UTF-8 with BOM, ";", CRLF) through the formula-safe CsvWriter: one row
// per result with the texts the learner saw (question, options ticked and the right ones, card and
// argument, scenario situations and choices, the profile found), not ids or JSON. A result whose pack is
// not loaded, or whose item is gone, keeps its identifiers, marked as such.
std::string exportHistoryCsv(const ContentLibrary& library, ProgressStore& store, std::int64_t profileId);

// What the home screen shows beside an activity: « 12 / 18 questions » once some were answered (a
// scenario « 6 décisions · jouée », a self-diagnostic « 11 questions · fait »), else its size.
std::string activityProgressLabel(const Pack& pack, const ActivityRef& activity, int itemsSeen);

// « 2 décembre 2026 », the local date of unix seconds.
std::string frenchDateOf(std::int64_t unixSeconds);

}  // namespace passerelles

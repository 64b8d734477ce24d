// Every playable item of a pack with its tags: for statistics, source checks and composing sessions.
#pragma once

#include <string>
#include <vector>

#include "core/content/content.hpp"

namespace passerelles {

struct InventoryItem {
    ActivityKind kind = ActivityKind::Quiz;
    std::string activityId;
    std::string itemId;  // question or card id; the scenario or diagnostic id for whole activities
    std::string label;   // "quiz « connaissances », question q07"
    const ItemTags* tags = nullptr;
};

// A place that states a fact but gives no source ("scénario « x », nœud « n3 », choix « c1 »").
struct MissingSource {
    std::string where;
};

struct PackInventory {
    std::vector<InventoryItem> items;
    std::vector<MissingSource> missingSources;
};

// Items are questions, idées reçues cards, scenarios and self-diagnostics. Places that need a
// source: every item, and inside them the best argument of a card, each choice that has a
// consequence, each debrief point, each profile's advice and each diagnostic question.
PackInventory inventoryOf(const Pack& pack);

}  // namespace passerelles

// Walks a pack's activities to list its items and the places that lack a source.
#include "core/loading/pack_inventory.hpp"

namespace passerelles {

namespace {

std::string quotedId(const std::string& id) {
    return "« " + id + " »";
}

void requireSource(PackInventory& inventory, bool hasSource, std::string where) {
    if (!hasSource) {
        inventory.missingSources.push_back({std::move(where)});
    }
}

void addKeyPoints(PackInventory& inventory, const std::vector<KeyPoint>& points, const std::string& where) {
    for (std::size_t i = 0; i < points.size(); ++i) {
        requireSource(inventory, points[i].source.has_value(), where + ", point " + std::to_string(i + 1));
    }
}

}  // namespace

PackInventory inventoryOf(const Pack& pack) {
    PackInventory inventory;
    for (const auto& activity : pack.activities) {
        switch (activity.kind) {
            case ActivityKind::Quiz: {
                const Quiz& quiz = pack.quizzes[activity.index];
                for (const auto& question : quiz.questions) {
                    const std::string label = "quiz " + quotedId(quiz.id) + ", question " + question.id;
                    inventory.items.push_back({activity.kind, quiz.id, question.id, label, &question.tags});
                    requireSource(inventory, question.tags.source.has_value(), label);
                }
                break;
            }
            case ActivityKind::Myths: {
                const MythDeck& deck = pack.decks[activity.index];
                for (const auto& card : deck.cards) {
                    const std::string label =
                        "idées reçues " + quotedId(deck.id) + ", carte " + quotedId(card.id);
                    inventory.items.push_back({activity.kind, deck.id, card.id, label, &card.tags});
                    requireSource(inventory, card.tags.source.has_value(), label);
                    const int best = card.bestArgumentIndex();
                    if (best >= 0) {
                        requireSource(inventory,
                                      card.arguments[static_cast<std::size_t>(best)].source.has_value(),
                                      label + ", meilleur argument");
                    }
                    addKeyPoints(inventory, card.keyPoints, label + ", points clés");
                }
                break;
            }
            case ActivityKind::Scenario: {
                const Scenario& scenario = pack.scenarios[activity.index];
                const std::string label = "scénario " + quotedId(scenario.id);
                inventory.items.push_back({activity.kind, scenario.id, scenario.id, label, &scenario.tags});
                for (const auto& node : scenario.nodes) {
                    const std::string nodeLabel = label + ", nœud " + quotedId(node.id);
                    for (const auto& choice : node.choices) {
                        if (!choice.consequence.empty()) {
                            requireSource(inventory, choice.source.has_value(),
                                          nodeLabel + ", choix " + quotedId(choice.id));
                        }
                    }
                    addKeyPoints(inventory, node.debrief, nodeLabel + ", débriefing");
                }
                break;
            }
            case ActivityKind::SelfDiagnostic: {
                const SelfDiagnostic& diagnostic = pack.diagnostics[activity.index];
                const std::string label = "autodiagnostic " + quotedId(diagnostic.id);
                inventory.items.push_back(
                    {activity.kind, diagnostic.id, diagnostic.id, label, &diagnostic.tags});
                for (const auto& question : diagnostic.questions) {
                    requireSource(inventory, question.source.has_value(),
                                  label + ", question " + question.id);
                }
                for (const auto& profile : diagnostic.profiles) {
                    addKeyPoints(inventory, profile.advice,
                                 label + ", profil " + quotedId(profile.id) + ", conseils");
                }
                break;
            }
        }
    }
    return inventory;
}

}  // namespace passerelles

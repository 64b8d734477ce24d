// Scenario checker: graph faults, then a breadth-first exploration of every reachable (node, values) state.
//
// Sections:
//   1. Exploring the state graph (memoised on node + variable values, with parent links for messages)
//   2. Best and worst totals over the explored graph
//   3. Graph checks that need no state (reachability ignoring conditions, nodes that lead to no ending)
//   4. checkScenario: turning both into messages for authors
#include "core/scenario_checker.hpp"

#include <algorithm>
#include <cstring>
#include <deque>
#include <limits>
#include <map>
#include <set>
#include <unordered_map>

#include "core/scenario_rules.hpp"
#include "core/text.hpp"

namespace passerelles {

namespace {

// ---------------------------------------------------------------------------------------------
// 1. Exploring the state graph
// ---------------------------------------------------------------------------------------------

struct StateKey {
    int node = -1;
    std::vector<double> values;
    bool operator==(const StateKey& other) const { return node == other.node && values == other.values; }
};

struct StateKeyHash {
    std::size_t operator()(const StateKey& key) const {
        std::size_t hash = std::hash<int>()(key.node);
        for (const double value : key.values) {
            std::uint64_t bits = 0;
            std::memcpy(&bits, &value, sizeof bits);
            hash ^= std::hash<std::uint64_t>()(bits) + 0x9e3779b97f4a7c15ULL + (hash << 6) + (hash >> 2);
        }
        return hash;
    }
};

struct Edge {
    int to = -1;
    int choice = -1;
    double weight = 0.0;
};

struct RangeProblem {
    int node = -1;
    std::string pointerSuffix;
    int variable = -1;
    double unclamped = 0.0;
    int state = -1;  // the state from which the step was taken, for the path in the message
};

struct StateGraph {
    std::vector<StateKey> states;
    std::vector<int> parent;
    std::vector<int> viaChoice;
    std::vector<std::vector<Edge>> edges;
    std::vector<int> deadEnds;  // states with no way out that are not endings
    std::vector<RangeProblem> rangeProblems;
    bool complete = true;
};

class Explorer {
  public:
    Explorer(const Scenario& scenario, std::size_t limit) : scenario_(scenario), limit_(limit) {}

    StateGraph run(ScenarioExploration& result) {
        result.nodeReached.assign(scenario_.nodes.size(), false);
        result.choiceEnabled.resize(scenario_.nodes.size());
        for (std::size_t n = 0; n < scenario_.nodes.size(); ++n) {
            result.choiceEnabled[n].assign(scenario_.nodes[n].choices.size(), false);
        }
        std::vector<double> start = initialValues(scenario_);
        arrive(scenario_.start, start, -1, -1);
        std::deque<int> queue{0};
        while (!queue.empty()) {
            const int current = queue.front();
            queue.pop_front();
            const std::size_t before = graph_.states.size();
            expand(current, result);
            for (std::size_t added = before; added < graph_.states.size(); ++added) {
                queue.push_back(static_cast<int>(added));
            }
            if (graph_.states.size() > limit_) {
                graph_.complete = false;
                break;
            }
        }
        result.stateCount = graph_.states.size();
        result.complete = graph_.complete;
        return std::move(graph_);
    }

  private:
    // Applies the node's arrival effects and returns the index of the resulting state.
    int arrive(int node, std::vector<double> values, int fromState, int viaChoice) {
        const auto& target = scenario_.nodes[static_cast<std::size_t>(node)];
        for (const auto& problem : applyEffects(scenario_, target.effects, values)) {
            recordRange(node, "/effects/" + std::to_string(problem.effectIndex), problem, fromState);
        }
        StateKey key{node, std::move(values)};
        const auto found = index_.find(key);
        if (found != index_.end()) {
            return found->second;
        }
        const int id = static_cast<int>(graph_.states.size());
        index_.emplace(key, id);
        graph_.states.push_back(std::move(key));
        graph_.parent.push_back(fromState);
        graph_.viaChoice.push_back(viaChoice);
        graph_.edges.emplace_back();
        return id;
    }

    void expand(int stateIndex, ScenarioExploration& result) {
        const int nodeIndex = graph_.states[static_cast<std::size_t>(stateIndex)].node;
        const ScenarioNode& node = scenario_.nodes[static_cast<std::size_t>(nodeIndex)];
        result.nodeReached[static_cast<std::size_t>(nodeIndex)] = true;
        if (node.type == NodeType::Ending) {
            return;
        }
        const std::vector<double> values = graph_.states[static_cast<std::size_t>(stateIndex)].values;
        if (node.type == NodeType::Narrative) {
            const int target = followRoutes(node, values);
            if (target < 0) {
                graph_.deadEnds.push_back(stateIndex);
                return;
            }
            const int next = arrive(target, values, stateIndex, -1);
            graph_.edges[static_cast<std::size_t>(stateIndex)].push_back({next, -1, 0.0});
            return;
        }
        bool anyAvailable = false;
        for (std::size_t c = 0; c < node.choices.size(); ++c) {
            const ScenarioChoice& choice = node.choices[c];
            if (!isChoiceAvailable(choice, values)) {
                continue;
            }
            anyAvailable = true;
            result.choiceEnabled[static_cast<std::size_t>(nodeIndex)][c] = true;
            std::vector<double> after = values;
            for (const auto& problem : applyEffects(scenario_, choice.effects, after)) {
                recordRange(
                    nodeIndex,
                    "/choices/" + std::to_string(c) + "/effects/" + std::to_string(problem.effectIndex),
                    problem, stateIndex);
            }
            const int next = arrive(choice.target, std::move(after), stateIndex, static_cast<int>(c));
            const double weight = scenario_.scoring == ScenarioScoring::Ending ? 0.0 : choice.score;
            graph_.edges[static_cast<std::size_t>(stateIndex)].push_back({next, static_cast<int>(c), weight});
        }
        if (!anyAvailable) {
            graph_.deadEnds.push_back(stateIndex);
        }
    }

    void recordRange(int node, std::string suffix, const EffectOutcome& problem, int fromState) {
        const std::string key = std::to_string(node) + suffix;
        if (!reportedRanges_.insert(key).second) {
            return;
        }
        graph_.rangeProblems.push_back(
            {node, std::move(suffix), problem.variable, problem.unclamped, fromState});
    }

    const Scenario& scenario_;
    std::size_t limit_;
    StateGraph graph_;
    std::unordered_map<StateKey, int, StateKeyHash> index_;
    std::set<std::string> reportedRanges_;
};

// ---------------------------------------------------------------------------------------------
// 2. Best and worst totals over the explored graph
// ---------------------------------------------------------------------------------------------

// Longest and shortest paths to an ending, when the state graph has no cycle (the usual case).
void computeBestPath(const Scenario& scenario, const StateGraph& graph, ScenarioExploration& result) {
    const std::size_t count = graph.states.size();
    std::vector<int> indegree(count, 0);
    for (const auto& edges : graph.edges) {
        for (const Edge& edge : edges) {
            ++indegree[static_cast<std::size_t>(edge.to)];
        }
    }
    std::vector<int> order;
    order.reserve(count);
    for (std::size_t s = 0; s < count; ++s) {
        if (indegree[s] == 0) {
            order.push_back(static_cast<int>(s));
        }
    }
    for (std::size_t head = 0; head < order.size(); ++head) {
        for (const Edge& edge : graph.edges[static_cast<std::size_t>(order[head])]) {
            if (--indegree[static_cast<std::size_t>(edge.to)] == 0) {
                order.push_back(edge.to);
            }
        }
    }
    if (order.size() != count) {
        return;  // cycles in the state graph: no single best path to show
    }
    constexpr double kNone = std::numeric_limits<double>::lowest();
    std::vector<double> best(count, kNone);
    std::vector<double> worst(count, std::numeric_limits<double>::max());
    std::vector<int> bestEdge(count, -1);
    for (auto it = order.rbegin(); it != order.rend(); ++it) {
        const auto s = static_cast<std::size_t>(*it);
        const ScenarioNode& node = scenario.nodes[static_cast<std::size_t>(graph.states[s].node)];
        if (node.type == NodeType::Ending) {
            best[s] = worst[s] = scenario.scoring == ScenarioScoring::Path ? 0.0 : node.score;
            continue;
        }
        const auto& edges = graph.edges[s];
        for (std::size_t e = 0; e < edges.size(); ++e) {
            const auto to = static_cast<std::size_t>(edges[e].to);
            if (best[to] == kNone) {
                continue;
            }
            if (edges[e].weight + best[to] > best[s]) {
                best[s] = edges[e].weight + best[to];
                bestEdge[s] = static_cast<int>(e);
            }
            worst[s] = std::min(worst[s], edges[e].weight + worst[to]);
        }
    }
    if (count == 0 || best[0] == kNone) {
        return;
    }
    result.hasBestPath = true;
    result.bestTotal = best[0];
    result.worstTotal = worst[0];
    std::size_t state = 0;
    while (true) {
        const int edgeIndex = bestEdge[state];
        const int node = graph.states[state].node;
        if (edgeIndex < 0) {
            result.bestPath.push_back({node, -1});
            break;
        }
        const Edge& edge = graph.edges[state][static_cast<std::size_t>(edgeIndex)];
        result.bestPath.push_back({node, edge.choice});
        state = static_cast<std::size_t>(edge.to);
    }
}

// ---------------------------------------------------------------------------------------------
// 3. Graph checks that need no state
// ---------------------------------------------------------------------------------------------

std::vector<std::vector<int>> successors(const Scenario& scenario) {
    std::vector<std::vector<int>> next(scenario.nodes.size());
    for (std::size_t n = 0; n < scenario.nodes.size(); ++n) {
        for (const auto& route : scenario.nodes[n].routes) {
            next[n].push_back(route.target);
        }
        for (const auto& choice : scenario.nodes[n].choices) {
            next[n].push_back(choice.target);
        }
    }
    return next;
}

std::vector<bool> reachableIgnoringConditions(const Scenario& scenario,
                                              const std::vector<std::vector<int>>& next) {
    std::vector<bool> seen(scenario.nodes.size(), false);
    std::vector<int> stack{scenario.start};
    seen[static_cast<std::size_t>(scenario.start)] = true;
    while (!stack.empty()) {
        const int node = stack.back();
        stack.pop_back();
        for (const int target : next[static_cast<std::size_t>(node)]) {
            if (target >= 0 && !seen[static_cast<std::size_t>(target)]) {
                seen[static_cast<std::size_t>(target)] = true;
                stack.push_back(target);
            }
        }
    }
    return seen;
}

std::vector<bool> canReachAnEnding(const Scenario& scenario, const std::vector<std::vector<int>>& next) {
    std::vector<std::vector<int>> previous(scenario.nodes.size());
    std::vector<int> stack;
    std::vector<bool> reaches(scenario.nodes.size(), false);
    for (std::size_t n = 0; n < scenario.nodes.size(); ++n) {
        for (const int target : next[n]) {
            if (target >= 0) {
                previous[static_cast<std::size_t>(target)].push_back(static_cast<int>(n));
            }
        }
        if (scenario.nodes[n].type == NodeType::Ending) {
            reaches[n] = true;
            stack.push_back(static_cast<int>(n));
        }
    }
    while (!stack.empty()) {
        const int node = stack.back();
        stack.pop_back();
        for (const int before : previous[static_cast<std::size_t>(node)]) {
            if (!reaches[static_cast<std::size_t>(before)]) {
                reaches[static_cast<std::size_t>(before)] = true;
                stack.push_back(before);
            }
        }
    }
    return reaches;
}

std::vector<Interval> declaredRanges(const Scenario& scenario) {
    std::vector<Interval> ranges;
    for (const auto& variable : scenario.variables) {
        ranges.push_back({variable.min, variable.max});
    }
    return ranges;
}

// "debut → rrma → mission" for messages, from the initial state to `state`.
std::string describePath(const Scenario& scenario, const StateGraph& graph, int state) {
    std::vector<std::string> steps;
    for (int s = state; s >= 0; s = graph.parent[static_cast<std::size_t>(s)]) {
        steps.push_back(
            scenario.nodes[static_cast<std::size_t>(graph.states[static_cast<std::size_t>(s)].node)].id);
    }
    std::reverse(steps.begin(), steps.end());
    constexpr std::size_t kMaxSteps = 12;
    std::string out;
    if (steps.size() > kMaxSteps) {
        steps.erase(steps.begin() + 1, steps.end() - static_cast<long>(kMaxSteps - 1));
        steps.insert(steps.begin() + 1, "…");
    }
    for (std::size_t i = 0; i < steps.size(); ++i) {
        out += (i == 0 ? "" : " → ") + steps[i];
    }
    return out;
}

}  // namespace

ScenarioExploration exploreScenario(const Scenario& scenario, std::size_t stateLimit) {
    ScenarioExploration result;
    if (scenario.start < 0 || scenario.nodes.empty()) {
        return result;
    }
    const StateGraph graph = Explorer(scenario, stateLimit).run(result);
    if (graph.complete) {
        computeBestPath(scenario, graph, result);
    }
    return result;
}

// ---------------------------------------------------------------------------------------------
// 4. checkScenario
// ---------------------------------------------------------------------------------------------

std::vector<ScenarioCheck> checkScenario(const Scenario& scenario, std::size_t stateLimit) {
    std::vector<ScenarioCheck> checks;
    if (scenario.start < 0 || scenario.nodes.empty()) {
        return checks;
    }
    const auto next = successors(scenario);
    const auto graphReachable = reachableIgnoringConditions(scenario, next);
    const auto leadsToEnding = canReachAnEnding(scenario, next);

    bool anyEnding = false;
    for (std::size_t n = 0; n < scenario.nodes.size(); ++n) {
        const ScenarioNode& node = scenario.nodes[n];
        anyEnding = anyEnding || node.type == NodeType::Ending;
        if (graphReachable[n] && !leadsToEnding[n]) {
            checks.push_back(
                {Severity::Error, static_cast<int>(n), "",
                 "aucune fin n'est atteignable depuis le nœud " + guillemets(node.id) +
                     " : le joueur y tourne en rond ou s'y retrouve bloqué (boucle sans issue)."});
        }
    }
    if (!anyEnding) {
        checks.push_back({Severity::Error, -1, "", "le scénario n'a aucune fin (nœud de type « ending »)."});
    }

    ScenarioExploration exploration;
    const StateGraph graph = Explorer(scenario, stateLimit).run(exploration);
    const std::vector<Interval> ranges = declaredRanges(scenario);

    for (std::size_t n = 0; n < scenario.nodes.size(); ++n) {
        const ScenarioNode& node = scenario.nodes[n];
        const bool isEnding = node.type == NodeType::Ending;
        if (!graphReachable[n]) {
            checks.push_back({Severity::Warning, static_cast<int>(n), "",
                              std::string(isEnding ? "la fin " : "le nœud ") + guillemets(node.id) +
                                  (isEnding ? " n'est atteinte" : " n'est atteint") +
                                  " par aucun chemin : aucun choix ni aucune suite n'y mène."});
        } else if (graph.complete && !exploration.nodeReached[n]) {
            checks.push_back({Severity::Warning, static_cast<int>(n), "",
                              std::string(isEnding ? "la fin " : "le nœud ") + guillemets(node.id) +
                                  (isEnding ? " n'est atteinte" : " n'est atteint") +
                                  " sur aucun chemin : les conditions qui y mènent ne sont jamais vraies."});
        }
        for (std::size_t c = 0; c < node.choices.size(); ++c) {
            const ScenarioChoice& choice = node.choices[c];
            if (!choice.condition) {
                continue;
            }
            const std::string suffix = "/choices/" + std::to_string(c) + "/condition";
            if (choice.condition->analyse(ranges) == Satisfiability::Never) {
                checks.push_back({Severity::Warning, static_cast<int>(n), suffix,
                                  "nœud " + guillemets(node.id) + ", choix " + guillemets(choice.id) +
                                      " : la condition " + guillemets(choice.condition->text()) +
                                      " ne peut jamais être vraie vu les plages des variables."});
            } else if (graph.complete && exploration.nodeReached[n] && !exploration.choiceEnabled[n][c]) {
                checks.push_back({Severity::Warning, static_cast<int>(n), suffix,
                                  "nœud " + guillemets(node.id) + ", choix " + guillemets(choice.id) +
                                      " : la condition " + guillemets(choice.condition->text()) +
                                      " n'est vraie sur aucun chemin ; ce choix n'est jamais proposé."});
            }
        }
        for (std::size_t r = 0; r < node.routes.size(); ++r) {
            const auto& condition = node.routes[r].condition;
            if (condition && condition->analyse(ranges) == Satisfiability::Never) {
                checks.push_back({Severity::Warning, static_cast<int>(n), "/routes/" + std::to_string(r),
                                  "nœud " + guillemets(node.id) + " : la condition " +
                                      guillemets(condition->text()) +
                                      " ne peut jamais être vraie vu les plages des variables."});
            }
        }
    }

    std::set<int> deadEndNodes;
    for (const int state : graph.deadEnds) {
        const int node = graph.states[static_cast<std::size_t>(state)].node;
        if (!deadEndNodes.insert(node).second) {
            continue;
        }
        const ScenarioNode& stuck = scenario.nodes[static_cast<std::size_t>(node)];
        const std::string why = stuck.type == NodeType::Choice
                                    ? "aucun choix n'est disponible (toutes les conditions sont fausses)"
                                    : "aucune suite n'a sa condition vraie";
        checks.push_back({Severity::Error, node, "",
                          "sur le chemin " + describePath(scenario, graph, state) + ", " + why + " au nœud " +
                              guillemets(stuck.id) +
                              " : le joueur est bloqué. Ajoutez un choix ou une suite sans "
                              "condition."});
    }

    for (const RangeProblem& problem : graph.rangeProblems) {
        const ScenarioVariable& variable = scenario.variables[static_cast<std::size_t>(problem.variable)];
        const std::string where =
            problem.state >= 0 ? describePath(scenario, graph, problem.state) : "le départ";
        checks.push_back({Severity::Warning, problem.node, problem.pointerSuffix,
                          "un effet ferait passer " + guillemets(variable.label) + " à " +
                              formatDecimal(problem.unclamped) + ", hors de sa plage [" +
                              formatDecimal(variable.min) + " ; " + formatDecimal(variable.max) +
                              "] (chemin " + where +
                              ") ; la valeur serait ramenée dans la plage. Ajustez l'effet ou la plage."});
    }

    if (!graph.complete) {
        checks.push_back(
            {Severity::Warning, -1, "",
             "le scénario a plus de " + formatInteger(static_cast<long long>(stateLimit)) +
                 " combinaisons d'états : la vérification des chemins est partielle (conditions, "
                 "blocages et plages). Réduisez le nombre ou la plage des variables."});
    }
    return checks;
}

}  // namespace passerelles

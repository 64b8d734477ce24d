// Scenario checker: graph faults, then a breadth-first exploration of every reachable (node, values) state.
//
// Sections:
//   1. Exploring the state graph (memoised on node + variable values, with parent links for messages)
//   2. Best and worst totals over the explored graph
//   3. Graph checks that need no state (reachability ignoring conditions, nodes that lead to no ending)
//   4. checkScenario: turning both into messages for authors
#include "core/loading/scenario_checker.hpp"

#include <algorithm>
#include <cstring>
#include <limits>
#include <map>
#include <set>
#include <span>

#include "core/base/text.hpp"
#include "core/play/scenario_rules.hpp"

namespace passerelles {

namespace {

// ---------------------------------------------------------------------------------------------
// 1. Exploring the state graph
// ---------------------------------------------------------------------------------------------

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
    std::vector<int> stateNodes;  // the node of each state; its values live in the Explorer
    std::vector<int> parent;
    std::vector<int> viaChoice;
    // Every state's edges, one state after another: states are expanded in order, so the edges of
    // state s are edges[edgeBegin[s] .. edgeBegin[s + 1]) (the last expanded state's run to the end; a
    // state left unexpanded at the limit has none). One array rather than one allocation per state.
    std::vector<Edge> edges;
    std::vector<std::size_t> edgeBegin;

    std::span<const Edge> edgesOf(std::size_t state) const {
        if (state >= edgeBegin.size()) {
            return {};
        }
        const std::size_t end = state + 1 < edgeBegin.size() ? edgeBegin[state + 1] : edges.size();
        return std::span<const Edge>(edges).subspan(edgeBegin[state], end - edgeBegin[state]);
    }
    std::vector<int> deadEnds;  // states with no way out that are not endings
    std::vector<RangeProblem> rangeProblems;
    bool complete = true;
};

// A state is a node and the variables' values. A scenario of 18 nodes can reach tens of thousands of
// states at each start, so they are stored flat, without an allocation each: values in one array (a
// row of `width_` per state), and the index an open-addressing table of state numbers (linear probing,
// at most half full) whose slots keep each state's hash. A candidate is appended as a new state, then
// dropped if the table already holds its twin.
class Explorer {
  public:
    Explorer(const Scenario& scenario, std::size_t limit)
        : scenario_(scenario), limit_(limit), width_(scenario.variables.size()), slots_(1024) {}

    StateGraph run(ScenarioExploration& result) {
        result.nodeReached.assign(scenario_.nodes.size(), false);
        result.choiceEnabled.resize(scenario_.nodes.size());
        for (std::size_t n = 0; n < scenario_.nodes.size(); ++n) {
            result.choiceEnabled[n].assign(scenario_.nodes[n].choices.size(), false);
        }
        std::vector<double> start = initialValues(scenario_);
        arrive(scenario_.start, start, -1, -1);
        // Breadth first: states are numbered in the order they are found, so the next one to expand is
        // always the next number.
        for (std::size_t current = 0; current < graph_.stateNodes.size(); ++current) {
            expand(static_cast<int>(current), result);
            if (graph_.stateNodes.size() > limit_) {
                graph_.complete = false;
                break;
            }
        }
        result.stateCount = graph_.stateNodes.size();
        result.complete = graph_.complete;
        return std::move(graph_);
    }

  private:
    // Eight bytes, so that the table of a large scenario stays within the processor's caches: looking
    // up a slot is most of the exploration's time.
    struct Slot {
        std::uint32_t hash = 0;
        std::int32_t state = -1;  // -1: empty
    };

    // Values are small whole numbers, whose bits are all in a double's exponent and top of mantissa:
    // each is mixed (the splitmix64 finaliser) so that every bit of it reaches the low bits that choose
    // a slot.
    static std::uint64_t mix(std::uint64_t x) {
        x += 0x9e3779b97f4a7c15ULL;
        x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
        x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
        return x ^ (x >> 31);
    }

    std::uint32_t hashOf(int state) const {
        std::uint64_t hash = static_cast<std::uint64_t>(graph_.stateNodes[static_cast<std::size_t>(state)]);
        const double* values = valuesOf(state);
        for (std::size_t v = 0; v < width_; ++v) {
            std::uint64_t bits = 0;
            std::memcpy(&bits, &values[v], sizeof bits);
            hash = mix(hash ^ bits);
        }
        return static_cast<std::uint32_t>(mix(hash));
    }

    bool sameState(int a, int b) const {
        return graph_.stateNodes[static_cast<std::size_t>(a)] ==
                   graph_.stateNodes[static_cast<std::size_t>(b)] &&
               std::equal(valuesOf(a), valuesOf(a) + width_, valuesOf(b));
    }

    // The state equal to `state` already in the table, or -1 after adding `state` to it.
    int findOrAdd(int state) {
        if ((used_ + 1) * 2 > slots_.size()) {
            std::vector<Slot> old(slots_.size() * 2);
            old.swap(slots_);
            for (const Slot& slot : old) {
                if (slot.state >= 0) {
                    place(slot);
                }
            }
        }
        const Slot candidate{hashOf(state), state};
        const std::size_t mask = slots_.size() - 1;
        for (std::size_t at = candidate.hash & mask;; at = (at + 1) & mask) {
            Slot& slot = slots_[at];
            if (slot.state < 0) {
                slot = candidate;
                ++used_;
                return -1;
            }
            if (slot.hash == candidate.hash && sameState(slot.state, state)) {
                return slot.state;
            }
        }
    }

    void place(const Slot& slot) {
        const std::size_t mask = slots_.size() - 1;
        std::size_t at = slot.hash & mask;
        while (slots_[at].state >= 0) {
            at = (at + 1) & mask;
        }
        slots_[at] = slot;
    }

    const double* valuesOf(int state) const {
        return values_.data() + static_cast<std::size_t>(state) * width_;
    }

    // Applies the node's arrival effects to `values` and returns the index of the resulting state.
    int arrive(int node, std::vector<double>& values, int fromState, int viaChoice) {
        const auto& target = scenario_.nodes[static_cast<std::size_t>(node)];
        for (const auto& problem : applyEffects(scenario_, target.effects, values)) {
            recordRange(node, "/effects/" + std::to_string(problem.effectIndex), problem, fromState);
        }
        const int id = static_cast<int>(graph_.stateNodes.size());
        graph_.stateNodes.push_back(node);
        values_.insert(values_.end(), values.begin(), values.end());
        if (const int existing = findOrAdd(id); existing >= 0) {
            graph_.stateNodes.pop_back();
            values_.resize(values_.size() - width_);
            return existing;
        }
        graph_.parent.push_back(fromState);
        graph_.viaChoice.push_back(viaChoice);
        return id;
    }

    void expand(int stateIndex, ScenarioExploration& result) {
        graph_.edgeBegin.push_back(graph_.edges.size());
        const int nodeIndex = graph_.stateNodes[static_cast<std::size_t>(stateIndex)];
        const ScenarioNode& node = scenario_.nodes[static_cast<std::size_t>(nodeIndex)];
        result.nodeReached[static_cast<std::size_t>(nodeIndex)] = true;
        if (node.type == NodeType::Ending) {
            return;
        }
        // A copy: arriving at the next states grows values_, which may move this state's row.
        current_.assign(valuesOf(stateIndex), valuesOf(stateIndex) + width_);
        if (node.type == NodeType::Narrative) {
            const int target = followRoutes(node, current_);
            if (target < 0) {
                graph_.deadEnds.push_back(stateIndex);
                return;
            }
            after_ = current_;
            const int next = arrive(target, after_, stateIndex, -1);
            graph_.edges.push_back({next, -1, 0.0});
            return;
        }
        bool anyAvailable = false;
        for (std::size_t c = 0; c < node.choices.size(); ++c) {
            const ScenarioChoice& choice = node.choices[c];
            if (!isChoiceAvailable(choice, current_)) {
                continue;
            }
            anyAvailable = true;
            result.choiceEnabled[static_cast<std::size_t>(nodeIndex)][c] = true;
            after_ = current_;
            for (const auto& problem : applyEffects(scenario_, choice.effects, after_)) {
                recordRange(
                    nodeIndex,
                    "/choices/" + std::to_string(c) + "/effects/" + std::to_string(problem.effectIndex),
                    problem, stateIndex);
            }
            const int next = arrive(choice.target, after_, stateIndex, static_cast<int>(c));
            const double weight = scenario_.scoring == ScenarioScoring::Ending ? 0.0 : choice.score;
            graph_.edges.push_back({next, static_cast<int>(c), weight});
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
    std::size_t width_;  // values per state: one per variable
    StateGraph graph_;
    std::vector<double> values_;
    std::vector<Slot> slots_;  // a power of two
    std::size_t used_ = 0;
    std::vector<double> current_;  // scratch rows, reused from one state to the next
    std::vector<double> after_;
    std::set<std::string> reportedRanges_;
};

// ---------------------------------------------------------------------------------------------
// 2. Best and worst totals over the explored graph
// ---------------------------------------------------------------------------------------------

// Longest and shortest paths to an ending, when the state graph has no cycle (the usual case).
void computeBestPath(const Scenario& scenario, const StateGraph& graph, ScenarioExploration& result) {
    const std::size_t count = graph.stateNodes.size();
    std::vector<int> indegree(count, 0);
    for (const Edge& edge : graph.edges) {
        ++indegree[static_cast<std::size_t>(edge.to)];
    }
    std::vector<int> order;
    order.reserve(count);
    for (std::size_t s = 0; s < count; ++s) {
        if (indegree[s] == 0) {
            order.push_back(static_cast<int>(s));
        }
    }
    for (std::size_t head = 0; head < order.size(); ++head) {
        for (const Edge& edge : graph.edgesOf(static_cast<std::size_t>(order[head]))) {
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
        const ScenarioNode& node = scenario.nodes[static_cast<std::size_t>(graph.stateNodes[s])];
        if (node.type == NodeType::Ending) {
            best[s] = worst[s] = scenario.scoring == ScenarioScoring::Path ? 0.0 : node.score;
            continue;
        }
        const auto edges = graph.edgesOf(s);
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
        const int node = graph.stateNodes[state];
        if (edgeIndex < 0) {
            result.bestPath.push_back({node, -1});
            break;
        }
        const Edge& edge = graph.edgesOf(state)[static_cast<std::size_t>(edgeIndex)];
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
            scenario.nodes[static_cast<std::size_t>(graph.stateNodes[static_cast<std::size_t>(s)])].id);
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
        const int node = graph.stateNodes[static_cast<std::size_t>(state)];
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

// Scenario checker: graph faults, then a breadth-first exploration of every reachable (node, values) state.
//
// Sections:
//   1. Exploring the state graph (memoised on node + variable values, with parent links for messages)
//   2. Best and worst totals over the explored graph
//   3. Graph checks that need no state (reachability ignoring conditions, nodes that lead to no ending)
//   4. checkScenario: turning both into messages for authors
#include "core/loading/scenario_checker.hpp"

#include <algorithm>
#include <atomic>
#include <cstring>
#include <limits>
#include <map>
#include <set>
#include <span>

#include "core/base/text.hpp"
#include "core/play/scenario_rules.hpp"

namespace passerelles {

namespace {

std::atomic<std::size_t> explorations{0};

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
        ++explorations;
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

// The strongly connected components of the state graph (Tarjan's algorithm, iterative: a scenario can
// have 200 000 states). component[s] numbers them in reverse topological order: every edge leads to a
// component of the same or a smaller number.
struct Components {
    std::vector<int> component;
    int count = 0;
    std::vector<bool>
        cyclic;  // the component holds a cycle: two states or more, or a state looping on itself
};

Components stronglyConnected(const StateGraph& graph) {
    const std::size_t count = graph.stateNodes.size();
    Components out;
    out.component.assign(count, -1);
    std::vector<int> index(count, -1);
    std::vector<int> low(count, 0);
    std::vector<bool> onStack(count, false);
    std::vector<int> stack;
    struct Frame {
        int state;
        std::size_t edge;
    };
    std::vector<Frame> calls;
    int counter = 0;
    for (std::size_t root = 0; root < count; ++root) {
        if (index[root] >= 0) {
            continue;
        }
        calls.push_back({static_cast<int>(root), 0});
        index[root] = low[root] = counter++;
        stack.push_back(static_cast<int>(root));
        onStack[root] = true;
        while (!calls.empty()) {
            Frame& frame = calls.back();
            const auto s = static_cast<std::size_t>(frame.state);
            const auto edges = graph.edgesOf(s);
            if (frame.edge < edges.size()) {
                const auto to = static_cast<std::size_t>(edges[frame.edge++].to);
                if (index[to] < 0) {
                    index[to] = low[to] = counter++;
                    stack.push_back(static_cast<int>(to));
                    onStack[to] = true;
                    calls.push_back({static_cast<int>(to), 0});
                } else if (onStack[to]) {
                    low[s] = std::min(low[s], index[to]);
                }
                continue;
            }
            if (low[s] == index[s]) {
                bool selfLoop = false;
                for (const Edge& edge : edges) {
                    selfLoop = selfLoop || static_cast<std::size_t>(edge.to) == s;
                }
                std::size_t members = 0;
                while (true) {
                    const int member = stack.back();
                    stack.pop_back();
                    onStack[static_cast<std::size_t>(member)] = false;
                    out.component[static_cast<std::size_t>(member)] = out.count;
                    ++members;
                    if (member == frame.state) {
                        break;
                    }
                }
                out.cyclic.push_back(selfLoop || members > 1);
                ++out.count;
            }
            calls.pop_back();
            if (!calls.empty()) {
                const auto parent = static_cast<std::size_t>(calls.back().state);
                low[parent] = std::min(low[parent], low[s]);
            }
        }
    }
    return out;
}

// Longest and shortest paths to an ending, when the state graph has no cycle (the usual case).
//
// With a cycle (a choice that leads back to a situation already met: same node, same values), a player
// could go round it for ever. The run then counts a choice's points only the first time it is taken in
// the same situation (ScenarioRun), so going round a cycle earns each of its choices' points at most
// once, and the best total is bounded: each cycle's component adds the sum of its positive choices (all
// of them can be taken in one walk round it), then the best way out. No single best path is shown
// (hasBestPath stays false), but bestTotal is that bound and scoreBounded is true. A graph with no cycle
// is never affected: no situation repeats, so every choice counts as before.
void computeBestPath(const Scenario& scenario, const StateGraph& graph, ScenarioExploration& result) {
    const std::size_t count = graph.stateNodes.size();
    if (count == 0) {
        return;
    }
    const Components components = stronglyConnected(graph);
    const auto componentCount = static_cast<std::size_t>(components.count);
    bool anyCycle = false;
    for (const bool cyclic : components.cyclic) {
        anyCycle = anyCycle || cyclic;
    }
    constexpr double kNone = std::numeric_limits<double>::lowest();
    // Per component: its own gains and losses (inside a cycle), then the best and worst ways out.
    std::vector<double> inside(componentCount, 0.0);
    std::vector<double> insideLoss(componentCount, 0.0);
    std::vector<double> best(componentCount, kNone);
    std::vector<double> worst(componentCount, std::numeric_limits<double>::max());
    std::vector<int> bestFrom(componentCount, -1);  // without cycles, a component is one state
    std::vector<int> bestEdge(componentCount, -1);
    std::vector<std::vector<int>> states(componentCount);
    for (std::size_t s = 0; s < count; ++s) {
        states[static_cast<std::size_t>(components.component[s])].push_back(static_cast<int>(s));
    }
    // Components are numbered so that edges lead to smaller numbers: compute from 0 upwards.
    for (std::size_t c = 0; c < componentCount; ++c) {
        for (const int member : states[c]) {
            const auto s = static_cast<std::size_t>(member);
            const ScenarioNode& node = scenario.nodes[static_cast<std::size_t>(graph.stateNodes[s])];
            if (node.type == NodeType::Ending) {
                const double score = scenario.scoring == ScenarioScoring::Path ? 0.0 : node.score;
                if (score > best[c]) {
                    best[c] = score;
                    bestFrom[c] = member;
                    bestEdge[c] = -1;
                }
                worst[c] = std::min(worst[c], score);
                continue;
            }
            const auto edges = graph.edgesOf(s);
            for (std::size_t e = 0; e < edges.size(); ++e) {
                const auto to =
                    static_cast<std::size_t>(components.component[static_cast<std::size_t>(edges[e].to)]);
                if (to == c) {
                    inside[c] += std::max(0.0, edges[e].weight);
                    insideLoss[c] += std::min(0.0, edges[e].weight);
                    continue;
                }
                if (best[to] == kNone) {
                    continue;
                }
                if (edges[e].weight + best[to] > best[c]) {
                    best[c] = edges[e].weight + best[to];
                    bestFrom[c] = member;
                    bestEdge[c] = static_cast<int>(e);
                }
                worst[c] = std::min(worst[c], edges[e].weight + worst[to]);
            }
        }
        if (best[c] != kNone) {
            best[c] += inside[c];
            worst[c] += insideLoss[c];
        }
    }
    const auto first = static_cast<std::size_t>(components.component[0]);
    if (best[first] == kNone) {
        return;
    }
    result.scoreBounded = true;
    result.bestTotal = best[first];
    result.worstTotal = worst[first];
    if (anyCycle) {
        return;  // no single best path to show
    }
    result.hasBestPath = true;
    std::size_t component = first;
    while (true) {
        const int edgeIndex = bestEdge[component];
        const auto state = static_cast<std::size_t>(bestFrom[component]);
        const int node = graph.stateNodes[state];
        if (edgeIndex < 0) {
            result.bestPath.push_back({node, -1});
            break;
        }
        const Edge& edge = graph.edgesOf(state)[static_cast<std::size_t>(edgeIndex)];
        result.bestPath.push_back({node, edge.choice});
        component = static_cast<std::size_t>(components.component[static_cast<std::size_t>(edge.to)]);
    }
}

// The scored choices that lead back to a situation already met (a positive edge inside a cycle of the
// state graph), once per node and choice, in node order.
std::vector<std::pair<int, int>> scoredCycleChoices(const Scenario& scenario, const StateGraph& graph) {
    std::set<std::pair<int, int>> found;
    if (scenario.scoring == ScenarioScoring::Ending) {
        return {};
    }
    const Components components = stronglyConnected(graph);
    for (std::size_t s = 0; s < graph.stateNodes.size(); ++s) {
        for (const Edge& edge : graph.edgesOf(s)) {
            if (edge.weight > 0.0 && edge.choice >= 0 &&
                components.component[static_cast<std::size_t>(edge.to)] == components.component[s]) {
                found.insert({graph.stateNodes[s], edge.choice});
            }
        }
    }
    return {found.begin(), found.end()};
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

std::size_t affordableStates(const Scenario& scenario, std::size_t stateLimit, std::size_t byteLimit) {
    std::size_t branching = 1;
    for (const ScenarioNode& node : scenario.nodes) {
        branching = std::max(branching, node.choices.size() + node.routes.size());
    }
    // Per state: its values, its node, parent and choice, its first edge, two table slots (the table is
    // at most half full), its edges; each array may have grown to twice what it holds.
    const std::size_t perState = 2 * (scenario.variables.size() * sizeof(double) + 3 * sizeof(int) +
                                      sizeof(std::size_t) + 2 * 8 + branching * sizeof(Edge));
    return std::min(stateLimit, std::max<std::size_t>(1, byteLimit / perState));
}

ScenarioExploration exploreScenario(const Scenario& scenario, std::size_t stateLimit, std::size_t byteLimit) {
    ScenarioExploration result;
    if (scenario.start < 0 || scenario.nodes.empty()) {
        return result;
    }
    const StateGraph graph =
        Explorer(scenario, affordableStates(scenario, stateLimit, byteLimit)).run(result);
    if (graph.complete) {
        computeBestPath(scenario, graph, result);
    }
    return result;
}

std::size_t scenarioExplorationCount() {
    return explorations.load();
}

ScenarioSummary summaryOf(const ScenarioExploration& exploration) {
    ScenarioSummary summary;
    summary.checked = exploration.complete;
    summary.stateCount = exploration.stateCount;
    summary.scoreBounded = exploration.scoreBounded;
    summary.hasBestPath = exploration.hasBestPath;
    summary.bestPath = exploration.bestPath;
    summary.bestTotal = exploration.bestTotal;
    summary.worstTotal = exploration.worstTotal;
    return summary;
}

// ---------------------------------------------------------------------------------------------
// 4. checkScenario
// ---------------------------------------------------------------------------------------------

std::vector<ScenarioCheck> checkScenario(const Scenario& scenario, std::size_t stateLimit,
                                         std::size_t byteLimit) {
    ScenarioBudget budget{stateLimit, byteLimit, stateLimit};
    return analyseScenario(scenario, budget).checks;
}

ScenarioAnalysis analyseScenario(const Scenario& scenario, ScenarioBudget& budget) {
    ScenarioAnalysis analysis;
    std::vector<ScenarioCheck>& checks = analysis.checks;
    if (scenario.start < 0 || scenario.nodes.empty()) {
        return analysis;
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

    ScenarioExploration& exploration = analysis.exploration;
    const std::size_t stateLimit = affordableStates(
        scenario, std::min(budget.statesPerScenario, budget.statesLeft), budget.bytesPerScenario);
    const StateGraph graph = Explorer(scenario, stateLimit).run(exploration);
    budget.statesLeft -= std::min(budget.statesLeft, exploration.stateCount);
    if (graph.complete) {
        computeBestPath(scenario, graph, exploration);  // once: kept on the Scenario by the loader
    }
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

    // A scored choice that leads back to a situation already met: without the once-per-situation rule a
    // player could farm points for ever. A warning, not an error: the run counts such points once, and
    // the best score shown is the real bound; the author is told so that the loop can be fixed.
    if (graph.complete) {
        const auto farmed = scoredCycleChoices(scenario, graph);
        if (!farmed.empty()) {
            const ScenarioExploration& bound = exploration;
            for (const auto& [node, choiceIndex] : farmed) {
                const ScenarioNode& from = scenario.nodes[static_cast<std::size_t>(node)];
                const ScenarioChoice& choice = from.choices[static_cast<std::size_t>(choiceIndex)];
                const ScenarioNode& to = scenario.nodes[static_cast<std::size_t>(choice.target)];
                const std::string back = choice.target == node
                                             ? "ramène au nœud " + guillemets(from.id) + " lui-même"
                                             : "mène au nœud " + guillemets(to.id) +
                                                   ", d'où l'on revient au nœud " + guillemets(from.id);
                std::string message =
                    "le choix " + guillemets(choice.id) + " du nœud " + guillemets(from.id) + " " + back +
                    " et rapporte des points à chaque passage : un joueur pourrait accumuler "
                    "un score sans limite. Ses points ne comptent qu'au premier passage";
                if (bound.scoreBounded) {
                    message += " (meilleur score possible : " + formatDecimal(bound.bestTotal) + ")";
                }
                message += " ; donnez-lui 0 point ou faites sortir la boucle.";
                checks.push_back(
                    {Severity::Warning, node, "/choices/" + std::to_string(choiceIndex), std::move(message)});
            }
        }
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
             "trop d'états à vérifier : le scénario a plus de " +
                 formatInteger(static_cast<long long>(stateLimit)) +
                 " combinaisons d'états (nœud et valeurs des variables) que le vérificateur peut parcourir"
                 " ici ; la vérification des chemins est partielle (conditions, blocages et plages) et le "
                 "meilleur score possible n'est pas connu (il n'est pas affiché en fin de partie). Le "
                 "scénario reste jouable. Réduisez le nombre ou la plage des variables."});
    }
    return analysis;
}

}  // namespace passerelles

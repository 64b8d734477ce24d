// passerelles-pack graph: a scenario as Graphviz DOT, for authors to see its shape and best path.
#include <set>
#include <tuple>

#include "core/base/text.hpp"
#include "core/loading/scenario_checker.hpp"
#include "tools/pack/command_support.hpp"

namespace passerelles::packtool {

namespace {

// DOT string literal contents: quotes and backslashes escaped, long labels shortened.
std::string dotText(const std::string& text, std::size_t maxLength = 60) {
    std::string out;
    std::size_t characters = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const unsigned char byte = static_cast<unsigned char>(text[i]);
        if ((byte & 0xC0) != 0x80 && ++characters > maxLength) {
            out += "…";
            break;
        }
        if (text[i] == '"' || text[i] == '\\') {
            out += '\\';
        }
        out += text[i] == '\n' ? ' ' : text[i];
    }
    return out;
}

const char* ratingColour(EndingRating rating) {
    switch (rating) {
        case EndingRating::Good:
            return "#DFF0E3";
        case EndingRating::Mixed:
            return "#FBEED2";
        case EndingRating::Poor:
            return "#F8E0DE";
    }
    return "white";
}

std::string scoreLabel(double score) {
    if (score == 0.0) {
        return {};
    }
    return std::string(score > 0 ? " (+" : " (") + formatDecimal(score) + ")";
}

}  // namespace

int graph(const Arguments& arguments, std::ostream& out, std::ostream& err) {
    if (arguments.size() != 2) {
        return usageError(err, "graph attend le dossier du pack et l'identifiant du scénario");
    }
    PackLoad load;
    if (!loadPlayablePack(arguments[0], load, err)) {
        return 1;
    }
    const Scenario* scenario = load.pack->findScenario(arguments[1]);
    if (scenario == nullptr) {
        err << "passerelles-pack : le pack n'a pas de scénario « " << arguments[1] << " » ; ses scénarios :";
        for (const auto& candidate : load.pack->scenarios) {
            err << " " << candidate.id;
        }
        err << "\n";
        return 1;
    }
    const ScenarioExploration exploration = exploreScenario(*scenario);
    std::set<std::tuple<int, int, int>> bestEdges;  // (node, choice or -1 for a route, next node)
    for (std::size_t i = 0; i + 1 < exploration.bestPath.size(); ++i) {
        bestEdges.insert(
            {exploration.bestPath[i].node, exploration.bestPath[i].choice, exploration.bestPath[i + 1].node});
    }
    out << "// " << scenario->title << " — généré par passerelles-pack graph\n";
    out << "// Rendre en image : dot -Tsvg scenario.dot > scenario.svg\n";
    out << "digraph \"" << dotText(scenario->id) << "\" {\n";
    out << "  rankdir=TB;\n  node [fontname=\"DejaVu Sans\", fontsize=11];\n  edge [fontname=\"DejaVu "
           "Sans\", fontsize=9];\n";
    out << "  label=\"" << dotText(scenario->title, 120) << "\";\n  labelloc=t;\n";
    for (std::size_t n = 0; n < scenario->nodes.size(); ++n) {
        const ScenarioNode& node = scenario->nodes[n];
        const bool reached = exploration.nodeReached.empty() || exploration.nodeReached[n];
        std::string label = node.id;
        const std::string heading = !node.title.empty() ? node.title : node.text;
        label += "\\n" + dotText(heading, 40);
        std::string shape = "box";
        std::string style = node.type == NodeType::Choice ? "bold" : "rounded";
        std::string extra;
        if (node.type == NodeType::Ending) {
            label += "\\nfin" + scoreLabel(node.score);
            shape = "doubleoctagon";
            style = "filled";
            extra = std::string(", fillcolor=\"") + ratingColour(node.rating) + "\"";
        }
        if (!reached) {
            style += ",dashed";
            extra += ", color=gray";
        }
        if (static_cast<int>(n) == scenario->start) {
            extra += ", penwidth=2";
        }
        const std::string attributes = "shape=" + shape + ", style=\"" + style + "\"" + extra;
        out << "  \"" << dotText(node.id) << "\" [label=\"" << label << "\", " << attributes << "];\n";
    }
    for (std::size_t n = 0; n < scenario->nodes.size(); ++n) {
        const ScenarioNode& node = scenario->nodes[n];
        for (std::size_t c = 0; c < node.choices.size(); ++c) {
            const ScenarioChoice& choice = node.choices[c];
            if (choice.target < 0) {
                continue;
            }
            std::string label = dotText(choice.text, 40) + scoreLabel(choice.score);
            if (choice.condition) {
                label += "\\nsi " + dotText(choice.condition->text(), 40);
            }
            const bool best = bestEdges.count({static_cast<int>(n), static_cast<int>(c), choice.target}) > 0;
            out << "  \"" << dotText(node.id) << "\" -> \""
                << dotText(scenario->nodes[static_cast<std::size_t>(choice.target)].id) << "\" [label=\""
                << label << "\"" << (best ? ", penwidth=3, color=\"#1F4E79\"" : "") << "];\n";
        }
        for (const auto& route : node.routes) {
            if (route.target < 0) {
                continue;
            }
            const bool best = bestEdges.count({static_cast<int>(n), -1, route.target}) > 0;
            out << "  \"" << dotText(node.id) << "\" -> \""
                << dotText(scenario->nodes[static_cast<std::size_t>(route.target)].id) << "\" [style=dashed"
                << (route.condition ? ", label=\"si " + dotText(route.condition->text(), 40) + "\""
                                    : std::string())
                << (best ? ", penwidth=3, color=\"#1F4E79\"" : "") << "];\n";
        }
    }
    out << "}\n";
    return 0;
}

}  // namespace passerelles::packtool

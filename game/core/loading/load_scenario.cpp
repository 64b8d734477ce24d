// Reads a scenario: variables, nodes, choices, conditions and effects; resolves node ids to indices.
// Graph-level checks (reachability, dead ends, ranges) live in scenario_checker.cpp.
#include <cmath>
#include <string_view>
#include <unordered_map>

#include "core/loading/activity_loaders.hpp"
#include "core/loading/scenario_analysis_cache.hpp"
#include "core/loading/scenario_checker.hpp"

namespace passerelles {

namespace {

struct ScenarioContext {
    const FileContext& file;
    Scenario& scenario;
    std::vector<VariableSignature> signatures;
};

void readVariables(ScenarioContext& context, ObjectReader& root) {
    IdRegistry variableIds("une autre variable");
    const auto* variables = root.array("variables", "la liste des variables", false);
    if (variables == nullptr) {
        return;
    }
    for (std::size_t i = 0; i < variables->size(); ++i) {
        ObjectReader reader(context.file, (*variables)[i], appendPointer(root.childPointer("variables"), i),
                            "Variable n° " + std::to_string(i + 1), fields::kVariable);
        if (!reader.isObject()) {
            continue;
        }
        ScenarioVariable variable;
        variable.id = reader.id("id", "l'identifiant", true);
        if (!variable.id.empty()) {
            reader.setSubject("Variable " + guillemets(variable.id));
        }
        variableIds.claim(reader, variable.id);
        variable.label = reader.text("label", "le nom affiché", true);
        variable.unit = reader.text("unit", "l'unité", false);
        variable.description = reader.text("description", "la description", false);
        variable.hidden = reader.boolean("hidden", "l'indication de variable cachée", false).value_or(false);
        const std::string kind = reader.string("kind", "la sorte de variable", true);
        if (kind == "gauge") {
            variable.kind = VariableKind::Gauge;
        } else if (kind == "number") {
            variable.kind = VariableKind::Number;
        } else if (kind == "flag") {
            variable.kind = VariableKind::Flag;
        } else if (!kind.empty()) {
            reader.error(reader.childPointer("kind"),
                         reader.subject() + " : la sorte " + guillemets(kind) +
                             " est inconnue ; écrivez « gauge » (jauge), « number » "
                             "(nombre) ou « flag » (oui/non).");
        }
        if (variable.kind == VariableKind::Flag) {
            variable.min = 0.0;
            variable.max = 1.0;
            if (const auto initial = reader.boolean("initial", "la valeur de départ", true)) {
                variable.initial = *initial ? 1.0 : 0.0;
            }
            if (reader.has("min") || reader.has("max")) {
                reader.warning(reader.pointer(), reader.subject() +
                                                     " : une variable oui/non n'a pas de minimum ni "
                                                     "de maximum ; « min » et « max » sont ignorés.");
            }
        } else {
            const auto min = reader.number("min", "le minimum", true, -1e9, 1e9);
            const auto max = reader.number("max", "le maximum", true, -1e9, 1e9);
            const auto initial = reader.number("initial", "la valeur de départ", true, -1e9, 1e9);
            if (min && max && *min >= *max) {
                reader.error(reader.childPointer("max"),
                             reader.subject() + " : le maximum (" + formatDecimal(*max) +
                                 ") doit être plus grand que le minimum (" + formatDecimal(*min) + ").");
            } else if (min && max && initial && (*initial < *min || *initial > *max)) {
                reader.error(reader.childPointer("initial"), reader.subject() + " : la valeur de départ " +
                                                                 formatDecimal(*initial) +
                                                                 " sort de la plage [" + formatDecimal(*min) +
                                                                 " ; " + formatDecimal(*max) + "].");
            }
            variable.min = min.value_or(0.0);
            variable.max = max.value_or(variable.min + 1.0);
            variable.initial = initial.value_or(variable.min);
        }
        reader.finish();
        context.signatures.push_back(
            {variable.id, variable.kind == VariableKind::Flag ? ValueType::Boolean : ValueType::Number,
             variable.min, variable.max});
        context.scenario.variables.push_back(std::move(variable));
    }
}

std::optional<Condition> readCondition(ScenarioContext& context, ObjectReader& reader) {
    const std::string text = reader.string("condition", "la condition", false);
    if (text.empty()) {
        return std::nullopt;
    }
    auto parsed = Condition::parse(text, context.signatures);
    if (!parsed.condition) {
        reader.error(reader.childPointer("condition"),
                     reader.subject() + " : condition " + guillemets(text) + " : " + parsed.error);
        return std::nullopt;
    }
    return std::move(parsed.condition);
}

std::vector<Effect> readEffects(ScenarioContext& context, ObjectReader& owner) {
    std::vector<Effect> effects;
    const auto* list = owner.array("effects", "la liste des effets", false);
    if (list == nullptr) {
        return effects;
    }
    const std::string listPointer = owner.childPointer("effects");
    for (std::size_t i = 0; i < list->size(); ++i) {
        ObjectReader reader(context.file, (*list)[i], appendPointer(listPointer, i),
                            owner.subject() + ", effet " + std::to_string(i + 1), fields::kEffect);
        if (!reader.isObject()) {
            continue;
        }
        Effect effect;
        const std::string name = reader.string("var", "la variable modifiée", true);
        effect.variable = context.scenario.findVariable(name);
        if (!name.empty() && effect.variable < 0) {
            std::vector<std::string> names;
            for (const auto& variable : context.scenario.variables) {
                names.push_back(variable.id);
            }
            std::string message =
                reader.subject() + " : la variable " + guillemets(name) + " n'est pas déclarée";
            if (const auto suggestion = closestMatch(name, names)) {
                message += " ; vouliez-vous dire " + guillemets(*suggestion) + " ?";
            } else {
                message += " dans « variables ».";
            }
            reader.error(reader.childPointer("var"), message);
        }
        const bool hasAdd = reader.has("add");
        const bool hasSet = reader.has("set");
        if (hasAdd == hasSet) {
            reader.error(reader.pointer(), reader.subject() +
                                               " : un effet doit avoir soit « add » (ajouter), soit "
                                               "« set » (fixer la valeur), et un seul des deux.");
        }
        const ScenarioVariable* variable =
            effect.variable >= 0 ? &context.scenario.variables[static_cast<std::size_t>(effect.variable)]
                                 : nullptr;
        if (hasAdd && !hasSet) {
            effect.mode = Effect::Mode::Add;
            effect.value = reader.number("add", "la quantité ajoutée", true, -1e9, 1e9).value_or(0.0);
            if (variable != nullptr && variable->kind == VariableKind::Flag) {
                reader.error(reader.childPointer("add"),
                             reader.subject() + " : " + guillemets(variable->id) +
                                 " est une variable oui/non ; utilisez « set » avec "
                                 "true ou false.");
            }
        } else if (hasSet && !hasAdd) {
            effect.mode = Effect::Mode::Set;
            const nlohmann::json& value = (*list)[i].at("set");
            const bool wantsFlag = variable != nullptr && variable->kind == VariableKind::Flag;
            if (wantsFlag && value.is_boolean()) {
                effect.value = value.get<bool>() ? 1.0 : 0.0;
            } else if (!wantsFlag && value.is_number()) {
                effect.value = value.get<double>();
            } else if (variable != nullptr) {
                reader.error(reader.childPointer("set"),
                             reader.subject() + " : " + guillemets(variable->id) +
                                 (wantsFlag ? " est une variable oui/non ; « set » doit "
                                              "valoir true ou false."
                                            : " est un nombre ; « set » doit être un "
                                              "nombre."));
            }
        }
        reader.finish();
        if (effect.variable >= 0) {
            effects.push_back(effect);
        }
    }
    return effects;
}

void readChoices(ScenarioContext& context, ObjectReader& nodeReader, ScenarioNode& node) {
    IdRegistry choiceIds("un autre choix de ce nœud");
    const auto* list = nodeReader.array("choices", "la liste des choix", true, 1, 6);
    if (list == nullptr) {
        return;
    }
    const std::string listPointer = nodeReader.childPointer("choices");
    for (std::size_t i = 0; i < list->size(); ++i) {
        ObjectReader reader(context.file, (*list)[i], appendPointer(listPointer, i),
                            nodeReader.subject() + ", choix n° " + std::to_string(i + 1), fields::kChoice);
        if (!reader.isObject()) {
            continue;
        }
        ScenarioChoice choice;
        choice.id = reader.id("id", "l'identifiant", true);
        if (!choice.id.empty()) {
            reader.setSubject(nodeReader.subject() + ", choix " + guillemets(choice.id));
        }
        choiceIds.claim(reader, choice.id);
        choice.text = reader.text("text", "le texte du choix", true);
        choice.targetId = reader.id("target", "le nœud visé", true);
        choice.condition = readCondition(context, reader);
        choice.lockedText =
            reader.text("lockedText", "le texte affiché quand le choix est verrouillé", false);
        if (!choice.lockedText.empty() && !reader.has("condition")) {
            reader.warning(reader.childPointer("lockedText"),
                           reader.subject() + " : « lockedText » ne sert que si le choix a une condition.");
        }
        choice.effects = readEffects(context, reader);
        choice.score = reader.number("score", "le score du choix", false, -1000, 1000).value_or(0.0);
        choice.consequence = reader.text("consequence", "la conséquence", false);
        choice.source = reader.sourceRef();
        reader.finish();
        node.choices.push_back(std::move(choice));
    }
}

void readRoutes(ScenarioContext& context, ObjectReader& nodeReader, ScenarioNode& node) {
    const bool hasNext = nodeReader.has("next");
    const bool hasRoutes = nodeReader.has("routes");
    if (hasNext == hasRoutes) {
        nodeReader.error(nodeReader.pointer(),
                         nodeReader.subject() +
                             " : un nœud narratif a besoin d'une suite : soit « next » (le "
                             "nœud suivant), soit « routes » (des suites conditionnelles), "
                             "pas les deux.");
    }
    if (hasNext && !hasRoutes) {
        ScenarioRoute route;
        route.targetId = nodeReader.id("next", "le nœud suivant", true);
        node.routes.push_back(std::move(route));
        return;
    }
    const auto* list = nodeReader.array("routes", "la liste des suites", hasRoutes, 1);
    if (list == nullptr) {
        return;
    }
    const std::string listPointer = nodeReader.childPointer("routes");
    for (std::size_t i = 0; i < list->size(); ++i) {
        ObjectReader reader(context.file, (*list)[i], appendPointer(listPointer, i),
                            nodeReader.subject() + ", suite n° " + std::to_string(i + 1), fields::kRoute);
        if (!reader.isObject()) {
            continue;
        }
        ScenarioRoute route;
        route.condition = readCondition(context, reader);
        route.targetId = reader.id("target", "le nœud visé", true);
        reader.finish();
        node.routes.push_back(std::move(route));
    }
}

void warnIgnored(ObjectReader& reader, std::initializer_list<const char*> keys, const char* nodeKind) {
    for (const char* key : keys) {
        if (reader.has(key)) {
            reader.warning(reader.childPointer(key), reader.subject() + " : le champ " + guillemets(key) +
                                                         " n'a pas d'effet sur " + nodeKind +
                                                         " ; il est ignoré.");
        }
    }
}

void readNode(ScenarioContext& context, const nlohmann::json& value, const std::string& pointer,
              std::size_t position, IdRegistry& nodeIds) {
    ObjectReader reader(context.file, value, pointer, "Nœud n° " + std::to_string(position + 1),
                        fields::kNode);
    if (!reader.isObject()) {
        return;
    }
    ScenarioNode node;
    node.id = reader.id("id", "l'identifiant", true);
    if (!node.id.empty()) {
        reader.setSubject("Nœud " + guillemets(node.id));
    }
    nodeIds.claim(reader, node.id);
    node.title = reader.text("title", "le titre", false);
    node.text = reader.text("text", "le texte", true);
    node.image = reader.imagePath();
    node.source = reader.sourceRef();
    node.effects = readEffects(context, reader);
    const std::string type = reader.string("type", "le type de nœud", true);
    if (type == "narrative") {
        node.type = NodeType::Narrative;
        readRoutes(context, reader, node);
        warnIgnored(reader, {"choices", "score", "rating", "debrief"}, "un nœud narratif");
    } else if (type == "choice") {
        node.type = NodeType::Choice;
        readChoices(context, reader, node);
        warnIgnored(reader, {"next", "routes", "score", "rating", "debrief"}, "un nœud de choix");
    } else if (type == "ending") {
        node.type = NodeType::Ending;
        if (node.title.empty()) {
            reader.error(reader.pointer(),
                         reader.subject() + " : une fin a besoin d'un titre (champ « title »).");
        }
        const bool endingScored = context.scenario.scoring != ScenarioScoring::Path;
        node.score = reader.number("score", "le score de la fin", endingScored, -1000, 1000).value_or(0.0);
        const std::string rating = reader.string("rating", "l'appréciation de la fin", true);
        if (rating == "good") {
            node.rating = EndingRating::Good;
        } else if (rating == "mixed") {
            node.rating = EndingRating::Mixed;
        } else if (rating == "poor") {
            node.rating = EndingRating::Poor;
        } else if (!rating.empty()) {
            reader.error(reader.childPointer("rating"),
                         reader.subject() + " : l'appréciation " + guillemets(rating) +
                             " est inconnue ; écrivez « good » (réussie), « mixed » "
                             "(mitigée) ou « poor » (ratée).");
        }
        node.debrief = reader.keyPoints("debrief", "le débriefing", false);
        warnIgnored(reader, {"next", "routes", "choices"}, "une fin");
    } else if (!type.empty()) {
        reader.error(reader.childPointer("type"), reader.subject() + " : le type " + guillemets(type) +
                                                      " est inconnu ; écrivez « narrative », « choice » ou "
                                                      "« ending ».");
    }
    reader.finish();
    context.scenario.nodes.push_back(std::move(node));
}

// Turns every target id into a node index; a missing target is an error that names the closest id.
void resolveTargets(ScenarioContext& context, const std::string& nodesPointer) {
    Scenario& scenario = context.scenario;
    std::unordered_map<std::string_view, int> indexById;  // the first node with each id, as findNode
    for (std::size_t n = 0; n < scenario.nodes.size(); ++n) {
        indexById.emplace(scenario.nodes[n].id, static_cast<int>(n));
    }
    // The pointer and the subject are only built for a message: in a sound scenario every target resolves.
    const auto resolve = [&](const std::string& targetId, const auto& pointer, const auto& subject) {
        if (targetId.empty()) {
            return -1;
        }
        if (const auto found = indexById.find(targetId); found != indexById.end()) {
            return found->second;
        }
        std::vector<std::string> ids;
        for (const auto& node : scenario.nodes) {
            ids.push_back(node.id);
        }
        std::string message = subject() + " : le nœud " + guillemets(targetId) + " n'existe pas";
        if (const auto suggestion = closestMatch(targetId, ids)) {
            message += " ; vouliez-vous dire " + guillemets(*suggestion) + " ?";
        } else {
            message += ".";
        }
        context.file.error(pointer(), message);
        return -1;
    };
    for (std::size_t n = 0; n < scenario.nodes.size(); ++n) {
        ScenarioNode& node = scenario.nodes[n];
        const auto nodePointer = [&] { return appendPointer(nodesPointer, n); };
        const auto subject = [&] { return "Nœud " + guillemets(node.id); };
        for (std::size_t r = 0; r < node.routes.size(); ++r) {
            const auto pointer = [&] {
                const bool single = context.file.document.root.at("nodes").at(n).contains("next");
                return single
                           ? appendPointer(nodePointer(), std::string_view("next"))
                           : appendPointer(
                                 appendPointer(appendPointer(nodePointer(), std::string_view("routes")), r),
                                 std::string_view("target"));
            };
            node.routes[r].target = resolve(node.routes[r].targetId, pointer, subject);
        }
        for (std::size_t c = 0; c < node.choices.size(); ++c) {
            const auto pointer = [&] {
                return appendPointer(
                    appendPointer(appendPointer(nodePointer(), std::string_view("choices")), c),
                    std::string_view("target"));
            };
            const auto choiceSubject = [&] {
                return subject() + ", choix " + guillemets(node.choices[c].id);
            };
            node.choices[c].target = resolve(node.choices[c].targetId, pointer, choiceSubject);
        }
    }
}

}  // namespace

std::optional<Scenario> loadScenario(const FileContext& file, ObjectReader& root) {
    const int errorsBefore = file.out.errorCount();
    Scenario scenario;
    ScenarioContext context{file, scenario, {}};
    scenario.id = root.id("id", "l'identifiant du scénario", true);
    root.setSubject("Scénario « " + scenario.id + " »");
    scenario.title = root.text("title", "le titre", true);
    scenario.description = root.text("description", "la description", false);
    scenario.role = root.text("role", "le rôle du joueur", true);
    const std::string scoring = root.string("scoring", "la règle de score", true);
    if (scoring == "ending") {
        scenario.scoring = ScenarioScoring::Ending;
    } else if (scoring == "path") {
        scenario.scoring = ScenarioScoring::Path;
    } else if (scoring == "both") {
        scenario.scoring = ScenarioScoring::Both;
    } else if (!scoring.empty()) {
        root.error(root.childPointer("scoring"),
                   root.subject() + " : la règle de score " + guillemets(scoring) +
                       " est inconnue ; écrivez « ending » (score de la fin), « path » "
                       "(somme des choix) ou « both » (les deux).");
    }
    scenario.tags = root.tags();
    readVariables(context, root);
    scenario.startId = root.id("start", "le premier nœud", true);

    IdRegistry nodeIds("un autre nœud");
    if (const auto* nodes = root.array("nodes", "la liste des nœuds", true, 2)) {
        const std::string listPointer = root.childPointer("nodes");
        for (std::size_t i = 0; i < nodes->size(); ++i) {
            readNode(context, (*nodes)[i], appendPointer(listPointer, i), i, nodeIds);
        }
    }
    root.finish();
    if (file.out.errorCount() > errorsBefore) {
        return std::nullopt;  // graph checks on a half-read scenario would only add noise
    }
    resolveTargets(context, root.childPointer("nodes"));
    scenario.start = scenario.findNode(scenario.startId);
    if (scenario.start < 0) {
        root.error(root.childPointer("start"),
                   root.subject() + " : le premier nœud " + guillemets(scenario.startId) + " n'existe pas.");
    }
    if (file.out.errorCount() > errorsBefore) {
        return std::nullopt;
    }
    ScenarioBudget ownBudget;
    RememberedAnalysis analysis = analyseScenarioOnce(
        scenario, root.value(), file.scenarioBudget != nullptr ? *file.scenarioBudget : ownBudget,
        file.scenarioCache);
    scenario.summary = analysis.summary;
    for (const ScenarioCheck& check : analysis.checks) {
        const std::string pointer = check.node >= 0 ? appendPointer(root.childPointer("nodes"),
                                                                    static_cast<std::size_t>(check.node)) +
                                                          check.pointerSuffix
                                                    : root.pointer();
        if (check.severity == Severity::Error) {
            file.error(pointer, root.subject() + " : " + check.message);
        } else {
            file.warning(pointer, root.subject() + " : " + check.message);
        }
    }
    if (file.out.errorCount() > errorsBefore) {
        return std::nullopt;
    }
    return scenario;
}

}  // namespace passerelles

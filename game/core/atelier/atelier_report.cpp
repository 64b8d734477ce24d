// The workshop report: one self-contained HTML page (prints on A4, opens offline) and CSVs for the network.
#include "core/atelier/atelier_report.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <set>

#include "core/atelier/atelier_highlights.hpp"
#include "core/base/csv_writer.hpp"
#include "core/base/file_writing.hpp"
#include "core/base/text.hpp"
#include "core/play/option_order.hpp"
#include "core/play/quiz_scoring.hpp"

namespace passerelles {

namespace {

std::string escapeHtml(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (const char c : text) {
        switch (c) {
            case '&':
                out += "&amp;";
                break;
            case '<':
                out += "&lt;";
                break;
            case '>':
                out += "&gt;";
                break;
            case '"':
                out += "&quot;";
                break;
            default:
                out += c;
        }
    }
    return out;
}

// Display text: French typography, then escaped for HTML.
std::string html(std::string_view text) {
    return escapeHtml(frenchTypography(text));
}

std::string paragraphs(std::string_view text) {
    std::string out;
    for (const auto& paragraph : splitParagraphs(text)) {
        out += "<p>" + html(paragraph) + "</p>\n";
    }
    return out;
}

std::string hexColour(unsigned rgb) {
    static const char* digits = "0123456789abcdef";
    std::string out = "#";
    for (int shift = 20; shift >= 0; shift -= 4) {
        out += digits[(rgb >> static_cast<unsigned>(shift)) & 0xFu];
    }
    return out;
}

// A count the facilitator types at the end: « — » while it is 0 (not typed), for the HTML; empty in a CSV.
std::string typedCount(int count) {
    return count > 0 ? std::to_string(count) : std::string("—");
}
std::string typedCell(int count) {
    return count > 0 ? std::to_string(count) : std::string();
}

std::string percentOf(int part, int whole) {
    return whole > 0 ? formatPercent(static_cast<double>(part) / whole) : std::string("—");
}

// One horizontal bar per row; the widths are shares of the largest value so that small rooms still read.
struct BarRow {
    std::string label;
    int value = 0;
    std::string note;  // after the count: « bonne réponse », a share…
    bool highlight = false;
};

std::string barChart(const std::vector<BarRow>& rows) {
    int largest = 0;
    for (const auto& row : rows) {
        largest = std::max(largest, row.value);
    }
    std::string out = "<table class=\"bars\">\n";
    for (const auto& row : rows) {
        const int width = largest > 0 ? row.value * 100 / largest : 0;
        out += "<tr" + std::string(row.highlight ? " class=\"right\"" : "") + "><th>" + html(row.label) +
               "</th><td><div class=\"bar\" style=\"width:" + std::to_string(width) +
               "%\"></div></td><td class=\"n\">" + std::to_string(row.value) +
               (row.note.empty() ? "" : " <small>" + html(row.note) + "</small>") + "</td></tr>\n";
    }
    return out + "</table>\n";
}

const RoomCardResult& cardResult(const CardTally& tally) {
    return tally.run.results().empty() ? tally.run.current() : tally.run.results().front();
}

// A change of share in percentage points: « +35 points », « −1 point », « 0 point » (French keeps 0 and 1
// in the singular).
std::string sign(double points) {
    const double rounded = std::round(points * 100.0);
    return (rounded > 0 ? "+" : "") + formatDecimal(rounded, 0) +
           (std::abs(rounded) >= 2.0 ? " points" : " point");
}

std::string choiceText(const Scenario& scenario, int node, int choice) {
    return scenario.nodes[static_cast<std::size_t>(node)].choices[static_cast<std::size_t>(choice)].text;
}

const char* kStyle = R"(<style>
body{font-family:"DejaVu Sans",Arial,sans-serif;color:#1b1f24;max-width:52rem;margin:2rem auto;padding:0 1rem;line-height:1.45}
h1{font-size:1.7rem;margin-bottom:.2rem}h2{border-bottom:2px solid #1d4f91;padding-bottom:.2rem;margin-top:2rem;color:#1d4f91}
h3{font-size:1.05rem;margin:1.2rem 0 .4rem}.meta{color:#555}
.figures{display:flex;flex-wrap:wrap;gap:1rem}.figure{border:1px solid #ccd;border-radius:6px;padding:.6rem 1rem;min-width:9rem}
.figure b{display:block;font-size:1.6rem}
table{border-collapse:collapse}table.bars{width:100%}table.bars th{text-align:left;font-weight:normal;width:45%;padding:.15rem .5rem .15rem 0}
table.bars td{padding:.15rem 0}.bar{background:#8fa9cc;height:1rem;min-width:2px}tr.right .bar{background:#2e7d32}tr.right th{font-weight:bold}
td.n{width:9rem;padding-left:.5rem;white-space:nowrap}table.grid td,table.grid th{border:1px solid #ccd;padding:.3rem .6rem;text-align:left}
.swatch{display:inline-block;width:.9rem;height:.9rem;border-radius:2px;vertical-align:middle;margin-right:.4rem}
.muted{color:#666}footer{margin-top:3rem;color:#666;font-size:.85rem}
.item{break-inside:avoid}
@page{size:A4;margin:12mm}
@media print{body{margin:0;max-width:none;font-size:8.5pt;line-height:1.3}h1{font-size:15pt;margin:0}
h2{font-size:10.5pt;margin:9pt 0 4pt;break-after:avoid}h3{font-size:8.5pt;margin:5pt 0 2pt}p{margin:2pt 0}
.figures{gap:4pt}.figure{padding:2pt 6pt;min-width:0}.figure b{font-size:12pt}
.items{columns:2;column-gap:7mm}.bar{height:5pt}table.bars th,table.bars td{padding:0 3pt 0 0}td.n{width:auto}
table.grid td,table.grid th{padding:1pt 3pt}footer{margin-top:8pt;font-size:7pt}}
</style>
)";

class HtmlReport {
  public:
    HtmlReport(const AtelierRun& run, const AtelierFigures& figures) : run_(run), figures_(figures) {}

    std::string build(const std::string& generatedAt) {
        const AtelierPlan& plan = run_.plan();
        out_ = "<!DOCTYPE html>\n<html lang=\"fr\">\n<head>\n<meta charset=\"utf-8\">\n<title>" +
               html(plan.title) + "</title>\n" + kStyle + "</head>\n<body>\n";
        out_ += "<h1>" + html(plan.title) + "</h1>\n<p class=\"meta\">" + html(meta()) + "</p>\n";
        figuresSection();
        highlightsSection();
        questionsSection();
        cardsSection();
        scenariosSection();
        mapSection();
        teamsSection();
        textSection("Ce que la salle a dit", figures_.notes);
        textSection("Prochaines étapes", figures_.nextSteps);
        sourcesFooter(generatedAt);
        return out_ + "</body>\n</html>\n";
    }

  private:
    std::string meta() const {
        const AtelierPlan& plan = run_.plan();
        std::vector<std::string> parts;
        if (!plan.date.empty()) {
            parts.push_back(formatFrenchDate(plan.date));
        }
        if (!plan.place.empty()) {
            parts.push_back(plan.place);
        }
        if (!plan.audience.empty()) {
            parts.push_back(plan.audience);
        }
        std::string text;
        for (const auto& part : parts) {
            text += (text.empty() ? "" : " · ") + part;
        }
        return text;
    }

    void figuresSection() {
        const auto figure = [](const std::string& value, const std::string& label) {
            return "<div class=\"figure\"><b>" + html(value) + "</b>" + html(label) + "</div>\n";
        };
        out_ += "<section>\n<h2>La séance en chiffres</h2>\n<div class=\"figures\">\n";
        // A figure the facilitator did not type is « — », never a 0 that reads as an empty room.
        out_ += figure(typedCount(figures_.participants), "participants");
        out_ += figure(typedCount(figures_.collectivites), "collectivités représentées");
        out_ += figure(
            figures_.collectivites > 0 ? std::to_string(figures_.newCollectivites) : std::string("—"),
            "nouvelles collectivités (" + percentOf(figures_.newCollectivites, figures_.collectivites) + ")");
        out_ += figure(std::to_string(run_.playedCount()) + " / " + std::to_string(run_.stepCount()),
                       "étapes jouées");
        if (figures_.minutesPlayed > 0) {
            out_ += figure(std::to_string(figures_.minutesPlayed) + " min", "de séance");
        }
        if (run_.phonesUsed()) {
            int most = 0;
            for (std::size_t i = 0; i < run_.stepCount(); ++i) {
                most = std::max(most, run_.phoneParticipation(i).connected);
            }
            out_ += figure(std::to_string(most), "téléphones connectés au plus");
        }
        out_ += "</div>\n";
        if (!run_.plan().themes.empty()) {
            std::string themes;
            for (const auto& theme : run_.plan().themes) {
                themes += (themes.empty() ? "" : ", ") + themeLabel(theme);
            }
            out_ += "<p>Entrée par les intérêts locaux : " + html(themes) + ".</p>\n";
        }
        out_ += "</section>\n";
    }

    // The same highlights as the summary screen (the count of steps played is already among the figures).
    void highlightsSection() {
        const auto sentences = highlightSentences(run_, atelierHighlights(run_));
        if (sentences.size() <= 1) {
            return;
        }
        out_ += "<section>\n<h2>Les temps forts</h2>\n";
        for (std::size_t i = 1; i < sentences.size(); ++i) {
            out_ += "<p>" + html(sentences[i]) + "</p>\n";
        }
        out_ += "</section>\n";
    }

    std::string themeLabel(const std::string& theme) const {
        for (std::size_t i = 0; i < run_.stepCount(); ++i) {
            if (const Pack* pack = run_.step(i).pack) {
                const std::string label = pack->themeLabel(theme);
                if (!label.empty() && label != theme) {
                    return label;
                }
            }
        }
        return theme;
    }

    // Where the answers came from, when phones took part: « dont 19 téléphones sur 23 connectés ».
    std::string phoneLine(std::size_t index, const std::string& about = {}) const {
        const PhoneParticipation phones = run_.phoneParticipation(index);
        if (phones.connected == 0 && phones.answered == 0) {
            return {};
        }
        return "<p class=\"muted\">" +
               html((about.empty() ? std::string("Par téléphone : ") : about + " — par téléphone : ") +
                    countNoun(phones.answered, "réponse", "réponses") + " sur " +
                    countNoun(phones.connected, "téléphone connecté", "téléphones connectés") +
                    " ; le reste à main levée ou par équipe.") +
               "</p>\n";
    }

    template <typename Tally>
    std::vector<std::size_t> playedStepsWith() const {
        std::vector<std::size_t> list;
        for (std::size_t i = 0; i < run_.stepCount(); ++i) {
            if (run_.played(i) && std::holds_alternative<Tally>(run_.tally(i))) {
                list.push_back(i);
            }
        }
        return list;
    }

    void questionsSection() {
        const auto steps = playedStepsWith<QuestionTally>();
        if (steps.empty()) {
            return;
        }
        out_ += "<section>\n<h2>Questions</h2>\n<p class=\"muted\">" +
                html(run_.teamMode()
                         ? "Réponses des équipes, une barre par option ; en vert, les bonnes réponses."
                         : "Mains levées par option ; en vert, les bonnes réponses.") +
                "</p>\n<div class=\"items\">\n";
        for (const std::size_t index : steps) {
            const Question& question = *run_.step(index).question;
            const auto counts = run_.distribution(index);
            // In the order and with the letters the room saw (the workshop's shuffle).
            const auto& order = run_.optionOrder(index);
            std::vector<BarRow> rows;
            std::vector<int> correct;
            for (std::size_t shown = 0; shown < order.size(); ++shown) {
                const auto o = static_cast<std::size_t>(order[shown]);
                const bool right = question.options[o].correct;
                if (right) {
                    correct.push_back(static_cast<int>(shown));
                }
                rows.push_back(
                    {std::string(1, static_cast<char>('A' + shown)) + ". " + question.options[o].text,
                     counts[o], right ? "✓ la bonne réponse" : "", right});
            }
            const auto rate = run_.successRate(index);
            // One block per question that never splits across a page or a column of the printed sheet.
            out_ += "<div class=\"item\">\n<h3>" + html(question.text) + "</h3>\n" + barChart(rows);
            out_ += phoneLine(index);
            out_ += "<p>Bonne réponse : " + html(optionLetters(correct)) + ". " +
                    html(rate ? (run_.teamMode() ? "Équipes justes : " : "Mains sur une bonne réponse : ") +
                                    formatPercent(*rate)
                              : std::string("Pas de réponse enregistrée.")) +
                    "</p>\n";
            if (const auto& source = question.tags.source) {
                out_ +=
                    "<p class=\"muted\">Source : " + html(run_.step(index).pack->cite(*source)) + "</p>\n";
            }
            out_ += "</div>\n";
        }
        out_ += "</div>\n</section>\n";
    }

    void cardsSection() {
        const auto steps = playedStepsWith<CardTally>();
        if (steps.empty()) {
            return;
        }
        out_ += "<section>\n<h2>Idées reçues : la salle avant et après le débat</h2>\n";
        out_ +=
            "<table class=\"grid\">\n<tr><th>Idée reçue</th><th>D’accord avant</th><th>D’accord "
            "après</th><th>Évolution</th></tr>\n";
        for (const std::size_t index : steps) {
            const RoomCardResult& result = cardResult(std::get<CardTally>(run_.tally(index)));
            const auto share = [](const HandCount& count) {
                return count.total() > 0
                           ? std::to_string(count.agree) + " / " + std::to_string(count.total()) + " (" +
                                 formatPercent(count.agreeShare()) + ")"
                           : std::string("—");
            };
            const bool measured = result.before.total() > 0 && result.after.total() > 0;
            out_ += "<tr><td>" + html(guillemets(run_.step(index).card->statement)) + "</td><td>" +
                    html(share(result.before)) + "</td><td>" + html(share(result.after)) + "</td><td>" +
                    html(measured ? sign(-result.shift()) + " d’accord" : std::string("—")) + "</td></tr>\n";
        }
        out_ += "</table>\n";
        for (const std::size_t index : steps) {
            out_ += phoneLine(index, guillemets(run_.step(index).card->statement));
        }
        out_ += "<p class=\"muted\">" +
                html(
                    "Une évolution négative veut dire que moins de personnes partagent l’idée reçue après le "
                    "débat.") +
                "</p>\n</section>\n";
    }

    void scenariosSection() {
        const auto steps = playedStepsWith<ScenarioTally>();
        if (steps.empty()) {
            return;
        }
        out_ += "<section>\n<h2>Mises en situation : les décisions de la salle</h2>\n";
        for (const std::size_t index : steps) {
            const auto& tally = std::get<ScenarioTally>(run_.tally(index));
            const Scenario& scenario = *run_.step(index).scenario;
            out_ += "<h3>" + html(scenario.title) + "</h3>\n";
            if (tally.decisions.empty()) {
                out_ += "<p>Aucune décision prise.</p>\n";
            }
            for (const auto& decision : tally.decisions) {
                const ScenarioNode& node = scenario.nodes[static_cast<std::size_t>(decision.node)];
                std::vector<BarRow> rows;
                for (std::size_t c = 0; c < node.choices.size(); ++c) {
                    rows.push_back({node.choices[c].text, decision.votes[c],
                                    static_cast<int>(c) == decision.choice ? "retenu" : "",
                                    static_cast<int>(c) == decision.choice});
                }
                out_ += "<p><b>" + html(node.title.empty() ? std::string("Décision") : node.title) +
                        "</b></p>\n" + barChart(rows);
            }
            out_ += phoneLine(index);
            if (tally.run.phase() == ScenarioRun::Phase::Ended) {
                const ScenarioNode& ending = tally.run.currentNode();
                out_ += "<p>Fin atteinte : <b>" + html(ending.title) + "</b> (" +
                        html(ratingLabel(ending.rating)) + ").</p>\n";
            } else {
                out_ += "<p class=\"muted\">La mise en situation n’a pas été menée jusqu’à sa fin.</p>\n";
            }
        }
        out_ += "</section>\n";
    }

    void mapSection() {
        const auto steps = playedStepsWith<ProfileMapTally>();
        for (const std::size_t index : steps) {
            const SelfDiagnostic& diagnostic = *run_.step(index).diagnostic;
            const auto counts = run_.profileCounts(index);
            const int total = std::accumulate(counts.begin(), counts.end(), 0);
            out_ += "<section>\n<h2>Les collectivités de la salle</h2>\n<p>" + html(diagnostic.title) +
                    " — " + std::to_string(total) + " collectivité" + (total > 1 ? "s" : "") + " placée" +
                    (total > 1 ? "s" : "") + ".</p>\n";
            std::vector<BarRow> rows;
            for (std::size_t p = 0; p < diagnostic.profiles.size(); ++p) {
                rows.push_back({diagnostic.profiles[p].title, counts[p], percentOf(counts[p], total), false});
            }
            out_ += barChart(rows) + phoneLine(index) + "</section>\n";
        }
    }

    void teamsSection() {
        if (!run_.teamMode()) {
            return;
        }
        const AtelierPlan& plan = run_.plan();
        out_ +=
            "<section>\n<h2>Équipes</h2>\n<table "
            "class=\"grid\">\n<tr><th>Rang</th><th>Équipe</th><th>Points</th></tr>\n";
        for (const auto& standing : run_.standings()) {
            const auto& team = plan.teams[static_cast<std::size_t>(standing.team)];
            out_ += "<tr><td>" + std::to_string(standing.rank) +
                    "</td><td><span class=\"swatch\" style=\"background:" +
                    hexColour(kTeamColours[team.colour].rgb) + "\"></span>" +
                    html(teamLabel(plan, standing.team)) + "</td><td>" +
                    html(formatDecimal(standing.points)) + "</td></tr>\n";
        }
        out_ += "</table>\n<p class=\"muted\">" +
                html(
                    "Points des questions seulement, selon la règle de chaque question ; ni points de "
                    "rapidité ni séries.") +
                "</p>\n</section>\n";
    }

    void textSection(const std::string& title, const std::string& text) {
        if (text.empty()) {
            return;
        }
        out_ += "<section>\n<h2>" + html(title) + "</h2>\n" + paragraphs(text) + "</section>\n";
    }

    void sourcesFooter(const std::string& generatedAt) {
        std::set<std::string> seen;
        std::string list;
        for (std::size_t i = 0; i < run_.stepCount(); ++i) {
            const Pack* pack = run_.step(i).pack;
            if (pack == nullptr || !run_.played(i)) {
                continue;
            }
            for (const auto& source : pack->sources) {
                if (seen.insert(source.id).second) {
                    list += "<li>" + html(source.citation) + "</li>\n";
                }
            }
        }
        out_ += "<footer>\n";
        if (!list.empty()) {
            out_ += "<p>Sources des contenus joués :</p>\n<ul>\n" + list + "</ul>\n";
        }
        out_ += "<p>Compte rendu produit par Passerelles le " + html(generatedAt) +
                ". Il ne contient aucun nom de participant.</p>\n</footer>\n";
    }

    const AtelierRun& run_;
    const AtelierFigures& figures_;
    std::string out_;
};

std::string stepKindKeyword(const ResolvedStep& step) {
    return step.question != nullptr   ? "question"
           : step.card != nullptr     ? "idée reçue"
           : step.scenario != nullptr ? "mise en situation"
                                      : "carte de la salle";
}

std::vector<std::pair<std::string, std::string>> csvFiles(const AtelierRun& run,
                                                          const AtelierFigures& figures) {
    const AtelierPlan& plan = run.plan();
    std::vector<std::pair<std::string, std::string>> files;

    CsvWriter session;
    session.row({"titre", "date", "lieu", "public", "participants", "collectivités",
                 "nouvelles collectivités", "étapes prévues", "étapes jouées", "durée (min)", "équipes",
                 "ce que la salle a dit", "prochaines étapes"});
    const std::size_t played = run.playedCount();
    session.row({plan.title, plan.date, plan.place, plan.audience, typedCell(figures.participants),
                 typedCell(figures.collectivites),
                 figures.collectivites > 0 ? std::to_string(figures.newCollectivites) : std::string(),
                 std::to_string(run.stepCount()), std::to_string(played), typedCell(figures.minutesPlayed),
                 std::to_string(plan.teams.size()), figures.notes, figures.nextSteps});
    files.emplace_back("seance.csv", session.text());

    CsvWriter questions;
    questions.row({"étape", "pack", "question", "texte", "option", "texte de l’option", "correcte",
                   "réponses", "dont téléphones", "taux de réussite"});
    CsvWriter cards;
    cards.row({"étape", "pack", "idée reçue", "énoncé", "d’accord avant", "pas d’accord avant",
               "d’accord après", "pas d’accord après", "évolution de la part d’accord (points)"});
    CsvWriter scenarios;
    scenarios.row({"étape", "pack", "mise en situation", "décision", "choix", "texte du choix", "voix",
                   "retenu", "fin atteinte"});
    CsvWriter profiles;
    profiles.row({"étape", "pack", "questionnaire", "profil", "collectivités"});

    for (std::size_t i = 0; i < run.stepCount(); ++i) {
        if (!run.played(i)) {
            continue;  // a step passed through without playing it has no row: empty, never zeros
        }
        const ResolvedStep& step = run.step(i);
        const std::string number = std::to_string(i + 1);
        if (step.question != nullptr) {
            const auto counts = run.distribution(i);
            const auto rate = run.successRate(i);
            const auto phones = run.phoneDistribution(i);
            const auto& order = run.optionOrder(i);
            for (std::size_t shown = 0; shown < order.size(); ++shown) {
                const auto o = static_cast<std::size_t>(order[shown]);  // the letter the room saw
                questions.row({number, step.ref.packId, step.question->id, step.question->text,
                               std::string(1, static_cast<char>('A' + shown)), step.question->options[o].text,
                               step.question->options[o].correct ? "oui" : "non", std::to_string(counts[o]),
                               std::to_string(phones[o]), rate ? csvNumber(*rate * 100.0, 1) : ""});
            }
        } else if (step.card != nullptr) {
            const RoomCardResult& result = cardResult(std::get<CardTally>(run.tally(i)));
            const bool measured = result.before.total() > 0 && result.after.total() > 0;
            cards.row({number, step.ref.packId, step.card->id, step.card->statement,
                       std::to_string(result.before.agree), std::to_string(result.before.disagree),
                       std::to_string(result.after.agree), std::to_string(result.after.disagree),
                       measured ? csvNumber(-result.shift() * 100.0, 1) : ""});
        } else if (step.scenario != nullptr) {
            const auto& tally = std::get<ScenarioTally>(run.tally(i));
            const std::string ending = tally.run.phase() == ScenarioRun::Phase::Ended
                                           ? tally.run.currentNode().title
                                           : std::string();
            for (std::size_t d = 0; d < tally.decisions.size(); ++d) {
                const auto& decision = tally.decisions[d];
                const auto& node = step.scenario->nodes[static_cast<std::size_t>(decision.node)];
                for (std::size_t c = 0; c < node.choices.size(); ++c) {
                    scenarios.row({number, step.ref.packId, step.scenario->id, std::to_string(d + 1),
                                   node.choices[c].id,
                                   choiceText(*step.scenario, decision.node, static_cast<int>(c)),
                                   std::to_string(decision.votes[c]),
                                   static_cast<int>(c) == decision.choice ? "oui" : "non",
                                   d + 1 == tally.decisions.size() ? ending : ""});
                }
            }
        } else if (step.diagnostic != nullptr) {
            const auto counts = run.profileCounts(i);
            for (std::size_t p = 0; p < step.diagnostic->profiles.size(); ++p) {
                profiles.row({number, step.ref.packId, step.diagnostic->id,
                              step.diagnostic->profiles[p].title, std::to_string(counts[p])});
            }
        }
    }
    files.emplace_back("questions.csv", questions.text());
    files.emplace_back("idees-recues.csv", cards.text());
    files.emplace_back("mises-en-situation.csv", scenarios.text());
    files.emplace_back("carte-de-la-salle.csv", profiles.text());

    if (run.teamMode()) {
        CsvWriter teams;
        teams.row({"rang", "équipe", "couleur", "points"});
        for (const auto& standing : run.standings()) {
            teams.row({std::to_string(standing.rank), teamLabel(plan, standing.team),
                       kTeamColours[plan.teams[static_cast<std::size_t>(standing.team)].colour].name,
                       csvNumber(standing.points)});
        }
        files.emplace_back("equipes.csv", teams.text());
    }

    CsvWriter steps;
    steps.row({"étape", "sorte", "pack", "activité", "élément", "titre", "jouée", "téléphones connectés",
               "téléphones ayant répondu"});
    for (std::size_t i = 0; i < run.stepCount(); ++i) {
        const ResolvedStep& step = run.step(i);
        const PhoneParticipation phones = run.phoneParticipation(i);
        steps.row({std::to_string(i + 1), stepKindKeyword(step), step.ref.packId, step.ref.activityId,
                   step.ref.itemId, step.title(), run.played(i) ? "oui" : "non",
                   std::to_string(phones.connected), std::to_string(phones.answered)});
    }
    files.emplace_back("etapes.csv", steps.text());
    return files;
}

}  // namespace

std::string teamLabel(const AtelierPlan& plan, int team) {
    if (plan.teamNamesInReport && team >= 0 && team < static_cast<int>(plan.teams.size()) &&
        !plan.teams[static_cast<std::size_t>(team)].name.empty()) {
        return plan.teams[static_cast<std::size_t>(team)].name;
    }
    return "Équipe " + std::to_string(team + 1);
}

AtelierReportFiles buildAtelierReport(const AtelierRun& run, const AtelierFigures& figures,
                                      const std::string& generatedAt) {
    AtelierReportFiles files;
    files.html = HtmlReport(run, figures).build(generatedAt);
    files.csv = csvFiles(run, figures);
    return files;
}

IoResult<std::filesystem::path> writeAtelierReport(const AtelierReportFiles& files, const AtelierPlan& plan,
                                                   const std::filesystem::path& parent) {
    // The date is typed text (or a plan file's): only its slug names a folder, so "../..", an absolute
    // path, a NUL or 300 characters cannot leave the reports folder nor fail with a system message.
    std::string base = fileNameSlug(plan.date);
    if (base.empty()) {
        base = "atelier";
    }
    if (const std::string place = fileNameSlug(plan.place); !place.empty()) {
        base += "-" + place;
    }
    std::error_code code;
    std::filesystem::create_directories(parent, code);
    // A new folder each time: a second report of the same day never overwrites the first.
    std::filesystem::path folder = parent / base;
    for (int attempt = 2; std::filesystem::exists(folder, code); ++attempt) {
        folder = parent / (base + "-" + std::to_string(attempt));
    }
    if (!std::filesystem::create_directories(folder, code) || code) {
        return IoError{"Impossible de créer le dossier du compte rendu " + guillemets(folder.string()) +
                           " : " + code.message() + ".",
                       FileProblem::Unwritable, code};
    }
    const auto htmlPath = folder / "compte-rendu.html";
    if (auto written = writeFileAtomically(htmlPath, files.html); !written.ok()) {
        return written.error();
    }
    for (const auto& [name, content] : files.csv) {
        if (auto written = writeFileAtomically(folder / name, content); !written.ok()) {
            return written.error();
        }
    }
    return htmlPath;
}

}  // namespace passerelles

// One input through one fuzz target: the real loader or importer, then the checks that what it accepted can
// be used the way the game uses it (played to the end, fingerprinted, looked up) without surprises.
//
// Sections:
//   1. The scratch pack folder the pack targets write into
//   2. Invariants of loaded packs, and playing every activity through
//   3. Invariants of imported questions
//   4. The entry point
#include "fuzz/fuzz_harness.hpp"

#include <algorithm>
#include <fstream>
#include <set>

#include <unistd.h>

#include "core/base/file_writing.hpp"
#include "core/base/text.hpp"
#include "core/content/glossary.hpp"
#include "core/formats/trainer_formats.hpp"
#include "core/loading/json_document.hpp"
#include "core/loading/pack_loader.hpp"
#include "core/loading/pack_reader.hpp"
#include "core/play/diagnostic_run.hpp"
#include "core/play/myth_run.hpp"
#include "core/play/quiz_run.hpp"
#include "core/play/scenario_run.hpp"
#include "core/progress/activity_recorder.hpp"
#include "core/progress/progress_store.hpp"

namespace passerelles::fuzzing {

namespace {

// ---------------------------------------------------------------------------------------------
// 1. The scratch pack folder
// ---------------------------------------------------------------------------------------------

// Declares every source, theme and audience the shipped packs and the fixtures use, so that seeds taken
// from them load as far as their own content allows.
constexpr const char* kManifest = R"json({
  "format": 1, "id": "fuzz", "title": "Pack du fuzzer", "language": "fr", "version": "1.0.0",
  "sources": [
    {"id": "cahier2020", "short": "Cahier ludique DAECT 2020", "citation": "DAECT, Cahier ludique, 2020."},
    {"id": "guide-strategie", "short": "Guide stratégie", "citation": "CUF, AFD, CDC, guide."},
    {"id": "cuf2015", "short": "Journée CUF 2015", "citation": "Cités Unies France, 2015."},
    {"id": "acter2024", "short": "ACTER 2024", "citation": "CIRRMA, étude ACTER, 2024."}
  ],
  "themes": [
    {"id": "jumelage", "label": "Jumelage"}, {"id": "cooperation", "label": "Coopération"},
    {"id": "cadre-juridique", "label": "Cadre juridique"}, {"id": "financements", "label": "Financements"},
    {"id": "acteurs", "label": "Acteurs"}, {"id": "odd", "label": "ODD"}, {"id": "eau", "label": "Eau"},
    {"id": "dechets", "label": "Déchets"}, {"id": "energie", "label": "Énergie"},
    {"id": "jeunesse", "label": "Jeunesse"}, {"id": "culture", "label": "Culture"},
    {"id": "mobilites", "label": "Mobilités"}, {"id": "developpement-economique", "label": "Économie"},
    {"id": "solidarite", "label": "Solidarité"}, {"id": "egalite", "label": "Égalité"},
    {"id": "outre-mer", "label": "Outre-mer"}, {"id": "expertise", "label": "Expertise"},
    {"id": "europe", "label": "Europe"}, {"id": "methode", "label": "Méthode"}
  ],
  "audiences": [
    {"id": "elus", "label": "Élus"}, {"id": "elus-ruraux", "label": "Élus ruraux"},
    {"id": "agents", "label": "Agents"}, {"id": "associations", "label": "Associations"},
    {"id": "grand-public", "label": "Grand public"}
  ],
  "glossary": [{"term": "AECT", "expansion": "action extérieure des collectivités territoriales"}],
  "activities": ["activity.json"]
})json";

constexpr const char* kActivity = R"json({
  "kind": "quiz", "id": "quiz-fuzz", "title": "Quiz",
  "questions": [{
    "id": "q01", "text": "Quelle est la forme la plus ancienne de l'AECT ?",
    "options": [{"id": "a", "text": "Les jumelages", "correct": true},
                {"id": "b", "text": "Les chartes", "correct": false}],
    "explanation": "Les jumelages datent de l'après-guerre.",
    "source": {"id": "cahier2020", "page": 4}
  }]
})json";

void writeText(const std::filesystem::path& path, std::string_view text) {
    std::ofstream stream(path, std::ios::binary | std::ios::trunc);
    stream.write(text.data(), static_cast<std::streamsize>(text.size()));
}

// A pack folder with a valid manifest and activity, an image, and links that lead out of the folder (so
// that inputs naming them exercise the path checks). Built once per process, removed at exit.
class ScratchPack {
  public:
    ScratchPack()
        : root_(std::filesystem::temp_directory_path() / ("passerelles-fuzz-" + std::to_string(::getpid()))) {
        std::filesystem::remove_all(root_);
        std::filesystem::create_directories(folder() / "images");
        writeText(root_ / "outside.json", kActivity);
        writeText(root_ / "outside.png", "\x89PNG\r\n\x1a\n");
        writeText(folder() / "images" / "carte.png", "\x89PNG\r\n\x1a\n");
        // Links where the system has them (Windows gives them to administrators only): without them the
        // same names are plain missing files, still handled.
        std::error_code noLinks;
        std::filesystem::create_symlink("../outside.json", folder() / "escape.json", noLinks);
        std::filesystem::create_symlink("../../outside.png", folder() / "images" / "dehors.png", noLinks);
        std::filesystem::create_symlink("nowhere.json", folder() / "dangling.json", noLinks);
        std::filesystem::create_directories(folder() / "folder.json");
        restore();
    }
    ~ScratchPack() {
        std::error_code error;
        std::filesystem::remove_all(root_, error);
    }
    ScratchPack(const ScratchPack&) = delete;
    ScratchPack& operator=(const ScratchPack&) = delete;

    std::filesystem::path folder() const { return root_ / "pack"; }
    std::filesystem::path glossary() const { return root_ / "glossaire.json"; }
    // Puts back the valid files an input may have replaced.
    void restore() const {
        writeText(folder() / "pack.json", kManifest);
        writeText(folder() / "activity.json", kActivity);
    }

  private:
    std::filesystem::path root_;
};

ScratchPack& scratch() {
    static ScratchPack pack;
    return pack;
}

class Findings {
  public:
    void check(bool holds, const std::string& what) {
        if (!holds) {
            broken_.push_back(what);
        }
    }
    std::vector<std::string> take() { return std::move(broken_); }

  private:
    std::vector<std::string> broken_;
};

// ---------------------------------------------------------------------------------------------
// 2. Loaded packs
// ---------------------------------------------------------------------------------------------

void checkDiagnostics(const Diagnostics& diagnostics, Findings& findings) {
    for (const auto& diagnostic : diagnostics.items()) {
        findings.check(!diagnostic.message.empty(), "a diagnostic has no message");
        findings.check(!diagnostic.file.empty(), "a diagnostic names no file");
        findings.check(!findInvalidUtf8(diagnostic.message), "a diagnostic message is not UTF-8");
        findings.check(diagnostic.line >= 0 && diagnostic.column >= 0,
                       "a diagnostic has a negative position");
    }
}

void playQuiz(const Quiz& quiz, Findings& findings) {
    findings.check(!quiz.questions.empty(), "a loaded quiz has no question");
    for (const auto& question : quiz.questions) {
        findings.check(question.options.size() >= 2 && question.options.size() <= 6,
                       "a loaded question has fewer than 2 or more than 6 options");
        findings.check(question.correctCount() >= 1, "a loaded question has no correct option");
    }
    QuizRun run = QuizRun::forQuiz(quiz);
    // Tick the first and the last option of each question: right, wrong and partial answers all happen.
    for (std::size_t step = 0; step < quiz.questions.size() && run.phase() != QuizRun::Phase::Finished;
         ++step) {
        const int options = static_cast<int>(run.currentQuestion().options.size());
        run.toggle(0);
        run.toggle(options - 1);
        findings.check(run.confirm(), "a quiz answer cannot be confirmed");
        const QuizRun::Snapshot snapshot = run.snapshot();
        const auto parsed = parseQuizSnapshot(serializeQuizSnapshot(snapshot));
        findings.check(parsed.has_value(), "a quiz resume state does not read back");
        if (parsed) {
            findings.check(QuizRun::restore(*parsed, run.questions()).has_value(),
                           "a quiz resume state does not restore on its own questions");
        }
        run.next();
    }
    findings.check(run.phase() == QuizRun::Phase::Finished, "a quiz does not finish after its last question");
    findings.check(run.score() >= 0.0 && run.score() <= run.maxScore() + 1e-9,
                   "a quiz score is out of range");
}

void playDeck(const MythDeck& deck, Findings& findings) {
    findings.check(!deck.cards.empty(), "a loaded deck has no card");
    for (const auto& card : deck.cards) {
        findings.check(card.bestArgumentIndex() >= 0, "a loaded card has no best argument");
    }
    SoloMythRun run = SoloMythRun::forDeck(deck);
    for (std::size_t step = 0; step < deck.cards.size() && run.phase() != SoloMythRun::Phase::Finished;
         ++step) {
        const bool played = run.setPosition(Agreement::Agree) &&
                            run.chooseArgument(static_cast<int>(step % run.currentCard().arguments.size())) &&
                            run.continueToPositionAfter() && run.setPosition(Agreement::Disagree);
        findings.check(played, "a card cannot be played through");
    }
    findings.check(run.phase() == SoloMythRun::Phase::Finished, "a deck does not finish after its last card");
    findings.check(run.score() >= 0.0 && run.score() <= run.maxScore() + 1e-9,
                   "a deck score is out of range");
}

void playScenario(const Scenario& scenario, Findings& findings) {
    const int nodeCount = static_cast<int>(scenario.nodes.size());
    findings.check(scenario.start >= 0 && scenario.start < nodeCount,
                   "a loaded scenario starts outside its nodes");
    for (const auto& node : scenario.nodes) {
        for (const auto& choice : node.choices) {
            findings.check(choice.target >= 0 && choice.target < nodeCount,
                           "a choice leads outside the nodes");
        }
        for (const auto& route : node.routes) {
            findings.check(route.target >= 0 && route.target < nodeCount, "a route leads outside the nodes");
        }
    }
    if (scenario.start < 0 || scenario.start >= nodeCount) {
        return;
    }
    // Always the last choice offered: cycles with an exit may loop, hence the step limit; the checker
    // refuses scenarios where some path has no way out, so the run must never be stuck.
    ScenarioRun run(scenario);
    for (int step = 0; step < 2000 && run.phase() != ScenarioRun::Phase::Ended; ++step) {
        if (run.proceed()) {
            continue;
        }
        bool chosen = false;
        const auto choices = run.visibleChoices();
        for (auto choice = choices.rbegin(); choice != choices.rend() && !chosen; ++choice) {
            chosen = choice->available && run.choose(choice->index);
        }
        if (!chosen) {
            findings.check(false, "a scenario run is stuck on node « " + run.currentNode().id + " »");
            return;
        }
    }
    const auto replayed = ScenarioRun::replay(scenario, run.choiceIds());
    findings.check(replayed.has_value(), "a scenario path does not replay");
}

void playDiagnostic(const SelfDiagnostic& diagnostic, Findings& findings) {
    findings.check(!diagnostic.questions.empty() && !diagnostic.profiles.empty(),
                   "a loaded self-diagnostic has no question or no profile");
    DiagnosticRun run(diagnostic);
    for (std::size_t step = 0;
         step < diagnostic.questions.size() && run.phase() == DiagnosticRun::Phase::Answering; ++step) {
        const int options = static_cast<int>(run.currentQuestion().options.size());
        findings.check(options > 0 && run.toggle(static_cast<int>(step) % options),
                       "a self-diagnostic answer cannot be given");
        run.next();
    }
    findings.check(run.phase() == DiagnosticRun::Phase::Result,
                   "a self-diagnostic does not reach its result");
    const DiagnosticResult& result = run.result();
    const int profiles = static_cast<int>(diagnostic.profiles.size());
    if (result.main == -1) {
        // No profile is announced only when the answers gave none of them any evidence (issue 24).
        findings.check(std::all_of(result.ranking.begin(), result.ranking.end(),
                                   [](const ProfileScore& score) { return score.score == 0.0; }),
                       "a self-diagnostic announces no profile although one has points");
        findings.check(result.hybrid == -1, "a self-diagnostic without a profile names a hybrid");
    } else {
        findings.check(result.main >= 0 && result.main < profiles,
                       "a self-diagnostic result names no profile");
        findings.check(result.hybrid >= -1 && result.hybrid < profiles && result.hybrid != result.main,
                       "a self-diagnostic hybrid is out of range");
    }
    for (const auto& score : result.ranking) {
        findings.check(score.score >= 0.0 && score.score <= 1.0 + 1e-9, "a profile score is out of 0 to 1");
    }
}

// Text for a finding: bytes other than printable ASCII and UTF-8 shown as \xNN, cut at 80 bytes.
std::string shown(std::string_view text) {
    std::string out = "\"";
    for (const char c : text.substr(0, 80)) {
        const auto byte = static_cast<unsigned char>(c);
        if (byte < 0x20 || byte == 0x7F) {
            const char* hex = "0123456789ABCDEF";
            out += std::string("\\x") + hex[byte >> 4] + hex[byte & 0xF];
        } else {
            out += c;
        }
    }
    return out + (text.size() > 80 ? "\"…" : "\"");
}

// Importers trim the spaces around a cell or an answer, which carry no meaning: compared without them.
std::string_view trimmed(std::string_view text) {
    const auto first = text.find_first_not_of(" \t");
    return first == std::string_view::npos ? std::string_view()
                                           : text.substr(first, text.find_last_not_of(" \t") - first + 1);
}

// A quiz written out for a spreadsheet (CSV) or for Moodle (GIFT) reads back as the same questions, options
// and answers: trainers edit a quiz outside Passerelles and import it again. Tools tests cover the shipped
// quizzes; this covers whatever text the fuzzer puts in a statement or an option.
void checkRoundTrip(const Pack& pack, const Quiz& quiz, Findings& findings) {
    for (const TrainerFormat format : {TrainerFormat::Csv, TrainerFormat::Gift}) {
        const std::string text =
            format == TrainerFormat::Csv ? exportCsv(quiz).text : exportGift(pack, quiz).text;
        const ImportResult back = importQuestions(format, text, ImportOptions{});
        const std::string through = std::string(" through ") + trainerFormatLabel(format) + ": ";
        if (back.questions.size() != quiz.questions.size()) {
            findings.check(false, "a quiz of " + std::to_string(quiz.questions.size()) +
                                      " questions reads back" + through +
                                      std::to_string(back.questions.size()));
            continue;
        }
        for (std::size_t i = 0; i < back.questions.size(); ++i) {
            const Question& original = quiz.questions[i];
            const ImportedQuestion& read = back.questions[i];
            findings.check(
                trimmed(read.text) == trimmed(original.text),
                "a statement changes" + through + shown(original.text) + " -> " + shown(read.text));
            findings.check(read.options.size() == original.options.size(), "options are lost" + through);
            for (std::size_t j = 0; j < std::min(read.options.size(), original.options.size()); ++j) {
                findings.check(trimmed(read.options[j].text) == trimmed(original.options[j].text),
                               "an option changes" + through + shown(original.options[j].text) + " -> " +
                                   shown(read.options[j].text));
                findings.check(read.options[j].correct == original.options[j].correct,
                               "a right answer changes" + through + shown(original.options[j].text));
            }
        }
    }
}

void checkPack(const PackLoad& load, Findings& findings) {
    checkDiagnostics(load.diagnostics, findings);
    for (const auto& diagnostic : load.diagnostics.items()) {
        if (diagnostic.file == "fuzz-harness") {
            findings.check(false, diagnostic.message.substr(std::string("INVARIANT ").size()));
        }
    }
    if (!load.usable()) {
        return;
    }
    const Pack& pack = *load.pack;
    findings.check(!pack.activities.empty(), "a usable pack has no activity");
    std::set<std::string> ids;
    for (const auto& activity : pack.activities) {
        findings.check(ids.insert(activity.id).second, "two activities share an id");
        const std::size_t count = activity.kind == ActivityKind::Quiz       ? pack.quizzes.size()
                                  : activity.kind == ActivityKind::Myths    ? pack.decks.size()
                                  : activity.kind == ActivityKind::Scenario ? pack.scenarios.size()
                                                                            : pack.diagnostics.size();
        findings.check(activity.index < count, "an activity points past its list");
        findings.check(!activityItemCount(pack, activity).empty(), "an activity has no item count");
    }
    for (const auto& quiz : pack.quizzes) {
        playQuiz(quiz, findings);
        checkRoundTrip(pack, quiz, findings);
    }
    for (const auto& deck : pack.decks) {
        playDeck(deck, findings);
    }
    for (const auto& scenario : pack.scenarios) {
        playScenario(scenario, findings);
    }
    for (const auto& diagnostic : pack.diagnostics) {
        playDiagnostic(diagnostic, findings);
    }
    const auto fingerprints = fingerprintsOf(pack);
    for (const auto& item : fingerprints) {
        findings.check(!item.fingerprint.empty(), "an item has an empty fingerprint");
    }
    const Glossary glossary(pack.glossary);
    for (const auto& quiz : pack.quizzes) {
        for (const auto& question : quiz.questions) {
            glossary.termsIn(question.text);
        }
    }
}

// Every name the content could lend a file: the path rule holds for its slug.
void checkNamesFromContent(const Pack& pack, Findings& findings) {
    std::vector<std::string_view> names = {pack.id, pack.title};
    for (const auto& activity : pack.activities) {
        names.push_back(activity.id);
        names.push_back(activity.title);
    }
    for (const auto& name : names) {
        for (const auto& broken : slugPathRuleViolations(name)) {
            findings.check(false, "a file name from content text breaks the path rule: " + broken);
        }
    }
}

// Linear cost: locating diagnostics indexes each file at most once (a rescan per diagnostic made 16,000
// questions take 611 s), and the scenario checker stays within the pack's budget of states.
void checkLoadCost(const PackLoad& load, std::uint64_t bytesIndexed, std::size_t bytesInPack,
                   Findings& findings) {
    findings.check(bytesIndexed <= bytesInPack, "diagnostics indexed " + std::to_string(bytesIndexed) +
                                                    " bytes of a pack of " + std::to_string(bytesInPack) +
                                                    ": a file was indexed more than once");
    if (!load.pack) {
        return;
    }
    const LoaderOptions defaults;
    std::size_t states = 0;
    std::size_t widest = 1;
    for (const auto& scenario : load.pack->scenarios) {
        states += scenario.summary.stateCount;
        for (const auto& node : scenario.nodes) {
            widest = std::max(widest, node.choices.size() + node.routes.size());
        }
    }
    findings.check(states <= defaults.packScenarioStates + load.pack->scenarios.size() * widest,
                   "the scenario checker explored " + std::to_string(states) + " states, past its budget");
}

PackLoad loadWith(const std::filesystem::path& file, std::string_view bytes) {
    ScratchPack& pack = scratch();
    writeText(file, bytes);
    const std::uint64_t indexedBefore = jsonBytesIndexed();
    PackLoad load = loadPack(pack.folder());
    const std::size_t bytesInPack =
        bytes.size() + (file.filename() == "pack.json" ? std::string_view(kActivity).size()
                                                       : std::string_view(kManifest).size());
    pack.restore();
    Findings cost;
    checkLoadCost(load, jsonBytesIndexed() - indexedBefore, bytesInPack, cost);
    if (load.pack) {
        checkNamesFromContent(*load.pack, cost);
    }
    for (auto& broken : cost.take()) {
        load.diagnostics.add({Severity::Error, "fuzz-harness", "", 0, 0, "INVARIANT " + broken});
    }
    return load;
}

// ---------------------------------------------------------------------------------------------
// 3. Imported questions
// ---------------------------------------------------------------------------------------------

void checkImport(const ImportResult& result, const ImportOptions& options, Findings& findings) {
    checkDiagnostics(result.problems, findings);
    std::set<std::string> ids;
    for (const auto& question : result.questions) {
        findings.check(!question.text.empty(), "an imported question has no statement");
        findings.check(question.options.size() >= 2 && question.options.size() <= 6,
                       "an imported question has fewer than 2 or more than 6 options");
        findings.check(!question.correctIndices().empty(), "an imported question has no correct option");
        findings.check(isValidId(question.id), "an imported question has an invalid id");
        findings.check(ids.insert(question.id).second, "two imported questions share an id");
        findings.check(question.idFromFile || !options.takenIds.contains(question.id),
                       "a generated id collides with an id of the quiz being updated");
        findings.check(!findInvalidUtf8(question.text), "an imported statement is not UTF-8");
        for (const auto& option : question.options) {
            findings.check(!findInvalidUtf8(option.text), "an imported option is not UTF-8");
        }
        findings.check(!question.difficulty || (*question.difficulty >= 0 && *question.difficulty <= 3),
                       "an imported difficulty is out of range");
        for (const auto& broken : slugPathRuleViolations(question.text)) {
            findings.check(false, "a file name from an imported statement breaks the path rule: " + broken);
        }
    }
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// 4. The entry point
// ---------------------------------------------------------------------------------------------

std::vector<std::string> pathRuleViolations(std::string_view fileName, std::size_t maxLength) {
    std::vector<std::string> broken;
    if (fileName.empty()) {
        return broken;  // the callers then use a default name (« atelier »)
    }
    if (fileName.size() > maxLength + 2) {  // "-1" may follow a device name
        broken.push_back("longer than " + std::to_string(maxLength) + " characters");
    }
    if (fileName.find('/') != std::string_view::npos || fileName.find('\\') != std::string_view::npos) {
        broken.push_back("a path separator");
    }
    if (fileName.find("..") != std::string_view::npos || fileName == ".") {
        broken.push_back("a dot path");
    }
    if (!std::all_of(fileName.begin(), fileName.end(),
                     [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'; })) {
        broken.push_back("a character other than a-z, 0-9 and -");
    }
    std::string stem(fileName.substr(0, fileName.find('.')));
    std::transform(stem.begin(), stem.end(), stem.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    static const std::set<std::string> kDevices = {
        "con",  "prn",  "aux",  "nul",  "com1", "com2", "com3", "com4", "com5", "com6", "com7",
        "com8", "com9", "lpt1", "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7", "lpt8", "lpt9"};
    if (kDevices.contains(stem)) {
        broken.push_back("a device name");
    }
    return broken;
}

std::vector<std::string> slugPathRuleViolations(std::string_view text) {
    return pathRuleViolations(fileNameSlug(text));
}

const std::vector<Target>& allTargets() {
    static const std::vector<Target> targets = {Target::Activity, Target::Manifest, Target::Glossary,
                                                Target::Gift,     Target::Aiken,    Target::Csv};
    return targets;
}

const char* targetName(Target target) {
    switch (target) {
        case Target::Activity:
            return "activity";
        case Target::Manifest:
            return "manifest";
        case Target::Glossary:
            return "glossary";
        case Target::Gift:
            return "gift";
        case Target::Aiken:
            return "aiken";
        case Target::Csv:
            return "csv";
    }
    return "unknown";
}

std::vector<std::string> runInput(Target target, std::string_view bytes) {
    Findings findings;
    switch (target) {
        case Target::Activity:
            checkPack(loadWith(scratch().folder() / "activity.json", bytes), findings);
            break;
        case Target::Manifest:
            checkPack(loadWith(scratch().folder() / "pack.json", bytes), findings);
            break;
        case Target::Glossary: {
            writeText(scratch().glossary(), bytes);
            std::vector<GlossaryEntry> entries;
            Diagnostics diagnostics;
            loadGlossaryFile(scratch().glossary(), "glossaire.json", JsonLimits{}, entries, diagnostics);
            checkDiagnostics(diagnostics, findings);
            const Glossary glossary(entries);
            for (const auto& entry : entries) {
                findings.check(!entry.term.empty() && !entry.expansion.empty(), "a glossary entry is empty");
                findings.check(glossary.lookupWord("(" + entry.term + "),") != nullptr ||
                                   acronymCandidate(entry.term) != entry.term,
                               "a glossary term is not found in running text");
                glossary.termsIn("L’" + entry.term + " et la " + entry.expansion + " ?");
            }
            break;
        }
        case Target::Gift:
        case Target::Aiken:
        case Target::Csv: {
            const TrainerFormat format = target == Target::Gift    ? TrainerFormat::Gift
                                         : target == Target::Aiken ? TrainerFormat::Aiken
                                                                   : TrainerFormat::Csv;
            ImportOptions options;
            options.label = "fuzz";
            options.takenIds = {"q01", "q03"};
            checkImport(importQuestions(format, bytes, options), options, findings);
            break;
        }
    }
    return findings.take();
}

}  // namespace passerelles::fuzzing

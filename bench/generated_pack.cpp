// Writes the benchmark's generated pack: a manifest, quiz files, idées reçues decks and scenarios.
#include "generated_pack.hpp"

#include <cstdio>
#include <fstream>
#include <random>
#include <stdexcept>

#include <nlohmann/json.hpp>

namespace passerelles::bench {

namespace {

using Json = nlohmann::ordered_json;  // fields in the order an author writes them

const std::vector<std::string> kThemes = {
    "jumelage", "cooperation", "cadre-juridique", "financements", "acteurs",
    "odd",      "eau",         "jeunesse",        "culture",      "europe"};
const std::vector<std::string> kAudiences = {"elus", "agents", "grand-public"};
const std::vector<std::string> kSources = {"cahier2020", "guide2019", "etude2024"};

// Words and phrases of the subject, with what typography touches: apostrophes, « », ; : ? %, €.
const std::vector<std::string> kWords = {
    "la commune",
    "le département",
    "la région",
    "l'intercommunalité",
    "un jumelage",
    "la coopération",
    "décentralisée",
    "avec",
    "son partenaire",
    "au Sénégal",
    "en Allemagne",
    "au Québec",
    "finance",
    "soutient",
    "engage",
    "un projet",
    "d'eau potable",
    "pour la jeunesse",
    "et la culture",
    "selon la loi",
    "du 7 juillet 2014",
    "l'AECT",
    "la DAECT",
    "l'AFD",
    "Cités Unies France",
    "les ODD",
    "à hauteur de 30 %",
    "pour 12 500 €",
    "les élus",
    "les agents",
    "les associations",
    "du territoire",
    "une convention",
    "signée",
    "depuis 1957",
    "entre villes",
    "« jumelles »",
    "au conseil municipal",
    "qui vote",
    "le budget",
    "de solidarité",
    "internationale",
    "en Europe",
    "hors d'Europe",
    "avec l'appui",
    "d'un réseau",
    "régional",
    "multi-acteurs",
};

class TextMaker {
  public:
    explicit TextMaker(unsigned seed) : random_(seed) {}

    std::string sentence(int minWords, int maxWords, const char* end = ".") {
        const int count = pick(minWords, maxWords);
        std::string text;
        for (int i = 0; i < count; ++i) {
            std::string word = kWords[static_cast<std::size_t>(pick(0, static_cast<int>(kWords.size()) - 1))];
            if (i == 0) {
                word[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(word[0])));
            } else if (i == count / 2 && count > 6) {
                text += pick(0, 1) == 0 ? " :" : " ;";
            }
            text += (i == 0 ? "" : " ") + word;
        }
        return text + (std::string(end) == "?" ? " ?" : end);
    }

    std::string paragraph(int sentences, int minWords, int maxWords) {
        std::string text;
        for (int i = 0; i < sentences; ++i) {
            text += (i == 0 ? "" : " ") + sentence(minWords, maxWords);
        }
        return text;
    }

    int pick(int low, int high) { return std::uniform_int_distribution<int>(low, high)(random_); }

    Json source(int page) {
        return Json{{"id", kSources[static_cast<std::size_t>(page) % kSources.size()]},
                    {"page", 1 + page % 60},
                    {"section", "partie " + std::to_string(1 + page % 9)}};
    }

    Json themes() {
        Json list = Json::array();
        const int first = pick(0, static_cast<int>(kThemes.size()) - 1);
        list.push_back(kThemes[static_cast<std::size_t>(first)]);
        if (pick(0, 1) == 1) {
            list.push_back(kThemes[static_cast<std::size_t>(first + 1) % kThemes.size()]);
        }
        return list;
    }

  private:
    std::mt19937 random_;
};

std::string numbered(const char* prefix, int number, int digits) {
    char text[32];
    std::snprintf(text, sizeof text, "%s%0*d", prefix, digits, number);
    return text;
}

void writeJson(const std::filesystem::path& path, const Json& value,
               std::vector<std::filesystem::path>& out) {
    std::ofstream file(path, std::ios::binary);
    file << value.dump(2) << '\n';
    if (!file) {
        throw std::runtime_error("cannot write " + path.string());
    }
    out.push_back(path);
}

Json question(TextMaker& text, int number) {
    const int optionCount = 3 + (number + 3) % 4;  // 6, 3, 4, 5, 6…: the first one has six
    const int correct = number % optionCount;
    const bool twoCorrect = number % 4 == 1;
    Json options = Json::array();
    for (int i = 0; i < optionCount; ++i) {
        const bool isCorrect = i == correct || (twoCorrect && i == (correct + 1) % optionCount);
        options.push_back({{"id", std::string(1, static_cast<char>('a' + i))},
                           {"text", text.sentence(2, 7, "")},
                           {"correct", isCorrect},
                           {"feedback", text.sentence(5, 12)}});
    }
    return Json{
        {"id", numbered("q", number, 5)},
        {"text", text.sentence(6, 14, "?")},
        {"options", options},
        {"explanation", text.paragraph(3, 5, 10)},
        {"source", text.source(number)},
        {"themes", text.themes()},
        {"audiences", Json::array({kAudiences[static_cast<std::size_t>(number) % kAudiences.size()]})},
        {"difficulty", 1 + number % 3}};
}

Json card(TextMaker& text, int number) {
    const int argumentCount = 3 + number % 2;
    const int best = number % argumentCount;
    Json arguments = Json::array();
    for (int i = 0; i < argumentCount; ++i) {
        Json argument{{"id", std::string(1, static_cast<char>('a' + i))},
                      {"text", text.sentence(7, 14)},
                      {"best", i == best},
                      {"feedback", text.sentence(8, 16)}};
        if (i == best) {
            argument["source"] = text.source(number + i);
        }
        arguments.push_back(argument);
    }
    Json keyPoints = Json::array();
    for (int i = 0; i < 2 + number % 2; ++i) {
        keyPoints.push_back({{"text", text.sentence(8, 16)}, {"source", text.source(number + i)}});
    }
    return Json{
        {"id", numbered("c", number, 4)},
        {"statement", text.sentence(6, 12)},
        {"arguments", arguments},
        {"answer", text.paragraph(2, 6, 12)},
        {"keyPoints", keyPoints},
        {"source", text.source(number)},
        {"themes", text.themes()},
        {"audiences", Json::array({kAudiences[static_cast<std::size_t>(number) % kAudiences.size()]})},
        {"difficulty", 1 + number % 3}};
}

// A chain of choice nodes with routers every tenth node, then a router to three endings. Credibility
// (0…3) and an ally flag give at most eight value combinations per node; every choice is guarded so
// that no effect leaves its range, and "attendre" is always open so that no path is a dead end.
Json scenario(TextMaker& text, int number, int nodeCount) {
    const int routerIndex = nodeCount - 4;  // then the three endings
    const auto nodeId = [](int index) { return numbered("n", index, 3); };
    const auto step = [&](int from, int distance) { return nodeId(std::min(from + distance, routerIndex)); };
    Json nodes = Json::array();
    nodes.push_back({{"id", nodeId(0)},
                     {"type", "narrative"},
                     {"title", text.sentence(3, 6, "")},
                     {"text", text.paragraph(2, 12, 20)},
                     {"next", nodeId(1)}});
    for (int index = 1; index < routerIndex; ++index) {
        if (index % 10 == 0) {
            nodes.push_back({{"id", nodeId(index)},
                             {"type", "narrative"},
                             {"text", text.paragraph(2, 10, 18)},
                             {"routes", Json::array({{{"condition", "allie et credibilite >= 2"},
                                                      {"target", step(index, 2)}},
                                                     {{"target", step(index, 1)}}})}});
            continue;
        }
        Json choices = Json::array();
        choices.push_back({{"id", "renforcer"},
                           {"text", text.sentence(3, 8)},
                           {"target", step(index, 1)},
                           {"condition", "credibilite < 3"},
                           {"lockedText", "Votre crédibilité est déjà au plus haut."},
                           {"effects", Json::array({{{"var", "credibilite"}, {"add", 1}}})},
                           {"score", 2},
                           {"consequence", text.sentence(6, 12)},
                           {"source", text.source(index)}});
        choices.push_back({{"id", "allier"},
                           {"text", text.sentence(3, 8)},
                           {"target", step(index, 1)},
                           {"condition", "non allie"},
                           {"effects", Json::array({{{"var", "allie"}, {"set", true}}})},
                           {"score", 1},
                           {"consequence", text.sentence(6, 12)}});
        choices.push_back({{"id", "risquer"},
                           {"text", text.sentence(3, 8)},
                           {"target", step(index, 2)},
                           {"condition", "credibilite > 0"},
                           {"effects", Json::array({{{"var", "credibilite"}, {"add", -1}}})},
                           {"score", -1},
                           {"consequence", text.sentence(6, 12)}});
        choices.push_back(
            {{"id", "attendre"}, {"text", text.sentence(4, 10)}, {"target", step(index, 1)}, {"score", 0}});
        nodes.push_back({{"id", nodeId(index)},
                         {"type", "choice"},
                         {"title", text.sentence(3, 6, "")},
                         {"text", text.paragraph(2, 6, 12)},
                         {"source", text.source(index)},
                         {"choices", choices}});
    }
    nodes.push_back(
        {{"id", nodeId(routerIndex)},
         {"type", "narrative"},
         {"text", text.sentence(10, 18)},
         {"routes", Json::array({{{"condition", "credibilite >= 3 et allie"}, {"target", "fin-bonne"}},
                                 {{"condition", "credibilite >= 1"}, {"target", "fin-mitigee"}},
                                 {{"target", "fin-ratee"}}})}});
    const std::vector<std::pair<const char*, const char*>> endings = {
        {"fin-bonne", "good"}, {"fin-mitigee", "mixed"}, {"fin-ratee", "poor"}};
    for (std::size_t i = 0; i < endings.size(); ++i) {
        Json debrief = Json::array();
        for (int point = 0; point < 3; ++point) {
            debrief.push_back({{"text", text.sentence(12, 24)}, {"source", text.source(point)}});
        }
        nodes.push_back({{"id", endings[i].first},
                         {"type", "ending"},
                         {"title", text.sentence(3, 6, "")},
                         {"text", text.paragraph(2, 12, 20)},
                         {"score", 10 - 5 * static_cast<int>(i)},
                         {"rating", endings[i].second},
                         {"debrief", debrief}});
    }
    return Json{
        {"kind", "scenario"},
        {"id", numbered("scenario-", number, 3)},
        {"title", text.sentence(3, 7, "")},
        {"description", text.paragraph(2, 12, 20)},
        {"role", text.sentence(12, 20)},
        {"scoring", "both"},
        {"themes", text.themes()},
        {"difficulty", 1 + number % 3},
        {"source", text.source(number)},
        {"variables",
         Json::array(
             {{{"id", "credibilite"},
               {"label", "Crédibilité"},
               {"kind", "gauge"},
               {"initial", 1},
               {"min", 0},
               {"max", 3}},
              {{"id", "allie"}, {"label", "A trouvé un allié"}, {"kind", "flag"}, {"initial", false}}})},
        {"start", nodeId(0)},
        {"nodes", nodes}};
}

int filesFor(int items, int perFile) {
    return items <= 0 ? 0 : (items + perFile - 1) / perFile;
}

}  // namespace

std::size_t generatedActivityCount(const GeneratedPackSize& size) {
    return static_cast<std::size_t>(filesFor(size.questions, size.questionsPerQuiz) +
                                    filesFor(size.cards, size.cardsPerDeck) + size.scenarios);
}

std::vector<std::filesystem::path> writeGeneratedPack(const std::filesystem::path& folder,
                                                      const GeneratedPackSize& size) {
    std::filesystem::create_directories(folder);
    std::vector<std::filesystem::path> written;
    TextMaker text(20240611);
    Json activities = Json::array();

    for (int file = 0; file < filesFor(size.questions, size.questionsPerQuiz); ++file) {
        Json questions = Json::array();
        for (int n = file * size.questionsPerQuiz;
             n < std::min(size.questions, (file + 1) * size.questionsPerQuiz); ++n) {
            questions.push_back(question(text, n + 1));
        }
        const std::string name = numbered("quiz-", file + 1, 2);
        writeJson(folder / (name + ".json"),
                  Json{{"kind", "quiz"},
                       {"id", name},
                       {"title", "Quiz de charge n° " + std::to_string(file + 1)},
                       {"description", text.paragraph(2, 10, 16)},
                       {"scoring", "partial"},
                       {"questions", questions}},
                  written);
        activities.push_back(name + ".json");
    }
    for (int file = 0; file < filesFor(size.cards, size.cardsPerDeck); ++file) {
        Json cards = Json::array();
        for (int n = file * size.cardsPerDeck; n < std::min(size.cards, (file + 1) * size.cardsPerDeck);
             ++n) {
            cards.push_back(card(text, n + 1));
        }
        const std::string name = numbered("idees-recues-", file + 1, 2);
        writeJson(folder / (name + ".json"),
                  Json{{"kind", "myths"},
                       {"id", name},
                       {"title", "Idées reçues de charge n° " + std::to_string(file + 1)},
                       {"cards", cards}},
                  written);
        activities.push_back(name + ".json");
    }
    for (int n = 0; n < size.scenarios; ++n) {
        const std::string name = numbered("scenario-", n + 1, 3);
        writeJson(folder / (name + ".json"), scenario(text, n + 1, std::max(size.nodesPerScenario, 8)),
                  written);
        activities.push_back(name + ".json");
    }

    Json sources = Json::array();
    for (std::size_t i = 0; i < kSources.size(); ++i) {
        sources.push_back({{"id", kSources[i]},
                           {"short", "Source de charge " + std::to_string(i + 1)},
                           {"citation", text.sentence(12, 20)},
                           {"year", 2019 + static_cast<int>(i)}});
    }
    const auto vocabulary = [](const std::vector<std::string>& ids) {
        Json list = Json::array();
        for (const auto& id : ids) {
            list.push_back({{"id", id}, {"label", "Thème " + id}});
        }
        return list;
    };
    writeJson(folder / "pack.json",
              Json{{"format", 1},
                   {"id", kGeneratedPackId},
                   {"title", "Pack de charge (généré pour le banc d'essai)"},
                   {"description", text.paragraph(2, 10, 16)},
                   {"order", 900},
                   {"language", "fr"},
                   {"version", "1.0.0"},
                   {"authors", Json::array({"tools/bench"})},
                   {"sources", sources},
                   {"themes", vocabulary(kThemes)},
                   {"audiences", vocabulary(kAudiences)},
                   {"activities", activities}},
              written);
    return written;
}

}  // namespace passerelles::bench

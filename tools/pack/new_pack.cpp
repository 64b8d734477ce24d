// passerelles-pack new: writes a small, valid pack to start from (one quiz, one card, one scenario).
#include <filesystem>

#include "tools/pack/command_support.hpp"
#include "tools/pack/pack_files.hpp"

namespace passerelles::packtool {

namespace {

Json source(const char* section) {
    return Json{{"id", "ma-source"}, {"page", 1}, {"section", section}};
}

Json vocabulary(std::initializer_list<std::pair<const char*, const char*>> entries) {
    Json list = Json::array();
    for (const auto& [id, label] : entries) {
        list.push_back(Json{{"id", id}, {"label", label}});
    }
    return list;
}

Json manifest(const std::string& id, const std::string& schema) {
    return Json{
        {"$schema", schema + "/pack.schema.json"},
        {"format", 1},
        {"id", id},
        {"title", "Mon pack"},
        {"description", "À compléter : de quoi parle ce pack, pour qui."},
        {"language", "fr"},
        {"version", "1.0.0"},
        {"authors", Json::array({"À compléter"})},
        {"license", "CC BY-SA 4.0"},
        {"sources",
         Json::array({Json{{"id", "ma-source"},
                           {"short", "Ma source 2024"},
                           {"citation", "Auteur, titre du document, éditeur, date de publication."},
                           {"year", 2024}}})},
        {"themes", vocabulary({{"jumelage", "Jumelages"},
                               {"cooperation", "Coopération décentralisée"},
                               {"cadre-juridique", "Cadre juridique"},
                               {"financements", "Financements"},
                               {"acteurs", "Acteurs et réseaux d'appui"},
                               {"odd", "Objectifs de développement durable"},
                               {"eau", "Eau et assainissement"},
                               {"dechets", "Déchets"},
                               {"energie", "Énergie et climat"},
                               {"jeunesse", "Jeunesse et mobilité"},
                               {"culture", "Culture et patrimoine"},
                               {"mobilites", "Mobilités et transports"},
                               {"developpement-economique", "Développement économique et attractivité"},
                               {"solidarite", "Solidarité internationale"},
                               {"methode", "Méthode de projet et stratégie"}})},
        {"audiences", vocabulary({{"elus", "Élus"},
                                  {"elus-ruraux", "Élus de communes rurales"},
                                  {"agents", "Agents territoriaux"},
                                  {"associations", "Associations, dont comités de jumelage"},
                                  {"grand-public", "Grand public"}})},
        {"activities", Json::array({"quiz.json", "idees-recues.json", "scenario.json"})},
    };
}

Json quiz(const std::string& schema) {
    const auto option = [](const char* id, const char* text, bool correct, const char* feedback) {
        return Json{{"id", id}, {"text", text}, {"correct", correct}, {"feedback", feedback}};
    };
    return Json{
        {"$schema", schema + "/quiz.schema.json"},
        {"kind", "quiz"},
        {"id", "mon-quiz"},
        {"title", "Mon quiz"},
        {"scoring", "partial"},
        {"questions",
         Json::array({
             Json{{"id", "q01"},
                  {"text", "Une question à une seule bonne réponse : laquelle ?"},
                  {"options",
                   Json::array(
                       {option("a", "La bonne réponse", true, "Pourquoi elle est juste."),
                        option("b", "Une réponse plausible mais fausse", false, "Pourquoi elle est fausse."),
                        option("c", "Une autre réponse fausse", false, "Pourquoi elle est fausse.")})},
                  {"explanation",
                   "L'explication, en deux à quatre phrases, avec le chiffre ou le texte de loi."},
                  {"source", source("question 1")},
                  {"themes", Json::array({"cooperation"})},
                  {"audiences", Json::array({"elus"})},
                  {"difficulty", 1}},
             Json{{"id", "q02"},
                  {"text", "Une question à plusieurs bonnes réponses : lesquelles ?"},
                  {"options", Json::array({option("a", "Une bonne réponse", true, "Pourquoi."),
                                           option("b", "Une autre bonne réponse", true, "Pourquoi."),
                                           option("c", "Une réponse fausse", false, "Pourquoi.")})},
                  {"scoring", "all-or-nothing"},
                  {"explanation",
                   "Cette question est notée en tout ou rien : retirez « scoring » pour le crédit partiel."},
                  {"source", source("question 2")},
                  {"themes", Json::array({"financements"})},
                  {"audiences", Json::array({"agents"})},
                  {"difficulty", 2},
                  {"verifiedOn", "2024-01-01"}},
         })},
    };
}

Json myths(const std::string& schema) {
    const auto argument = [](const char* id, const char* text, bool best, const char* feedback) {
        Json value{{"id", id}, {"text", text}, {"best", best}, {"feedback", feedback}};
        if (best) {
            value["source"] = source("idée reçue 1");
        }
        return value;
    };
    return Json{
        {"$schema", schema + "/myths.schema.json"},
        {"kind", "myths"},
        {"id", "mes-idees-recues"},
        {"title", "Mes idées reçues"},
        {"cards",
         Json::array({Json{
             {"id", "exemple"},
             {"statement", "L'idée reçue, telle qu'on l'entend."},
             {"arguments",
              Json::array(
                  {argument("a", "Un argument plausible mais faible", false, "Pourquoi il porte peu."),
                   argument("b", "L'argument tiré de la source", true, "Pourquoi il répond le mieux."),
                   argument("c", "Un argument faux", false, "Pourquoi il est faux.")})},
             {"answer", "La réponse en une ou deux phrases."},
             {"keyPoints",
              Json::array({Json{{"text", "Un point clé chiffré."}, {"source", source("idée reçue 1")}}})},
             {"source", source("idée reçue 1")},
             {"themes", Json::array({"cooperation"})},
             {"audiences", Json::array({"elus"})},
             {"difficulty", 1}}})},
    };
}

Json scenario(const std::string& schema) {
    const auto point = [](const char* text) {
        return Json{{"text", text}, {"source", source("mise en situation")}};
    };
    return Json{
        {"$schema", schema + "/scenario.schema.json"},
        {"kind", "scenario"},
        {"id", "mon-scenario"},
        {"title", "Mon scénario"},
        {"role", "Vous êtes une commune qui…"},
        {"scoring", "both"},
        {"variables", Json::array({Json{{"id", "appuis"},
                                        {"label", "Appuis"},
                                        {"kind", "gauge"},
                                        {"initial", 5},
                                        {"min", 0},
                                        {"max", 10}},
                                   Json{{"id", "reseau"},
                                        {"label", "A contacté le réseau"},
                                        {"kind", "flag"},
                                        {"initial", false},
                                        {"hidden", true}}})},
        {"start", "debut"},
        {"nodes",
         Json::array({
             Json{{"id", "debut"},
                  {"type", "choice"},
                  {"text", "La situation de départ. Que faites-vous ?"},
                  {"choices",
                   Json::array({Json{{"id", "reseau"},
                                     {"text", "Je contacte le réseau régional multi-acteurs"},
                                     {"target", "suite"},
                                     {"effects", Json::array({Json{{"var", "appuis"}, {"add", 2}},
                                                              Json{{"var", "reseau"}, {"set", true}}})},
                                     {"score", 2},
                                     {"consequence", "Ce qui se passe, et pourquoi, selon la source."},
                                     {"source", source("mise en situation")}},
                                Json{{"id", "seul"},
                                     {"text", "Je me lance seul"},
                                     {"target", "suite"},
                                     {"effects", Json::array({Json{{"var", "appuis"}, {"add", -2}}})},
                                     {"score", -1},
                                     {"consequence", "Ce qui se passe, et pourquoi, selon la source."},
                                     {"source", source("mise en situation")}}})}},
             Json{{"id", "suite"},
                  {"type", "narrative"},
                  {"text", "Quelques mois plus tard…"},
                  {"routes",
                   Json::array({Json{{"condition", "reseau et appuis >= 6"}, {"target", "fin-reussie"}},
                                Json{{"target", "fin-ratee"}}})}},
             Json{{"id", "fin-reussie"},
                  {"type", "ending"},
                  {"title", "Un projet bien accompagné"},
                  {"text", "La fin réussie."},
                  {"score", 10},
                  {"rating", "good"},
                  {"debrief", Json::array({point("Ce qu'il faut retenir, avec sa source.")})}},
             Json{{"id", "fin-ratee"},
                  {"type", "ending"},
                  {"title", "Un projet isolé"},
                  {"text", "La fin ratée, et pourquoi."},
                  {"score", 0},
                  {"rating", "poor"},
                  {"debrief", Json::array({point("Ce qu'il aurait fallu faire, avec sa source.")})}},
         })},
    };
}

}  // namespace

int newPack(const Arguments& arguments, std::ostream& out, std::ostream& err) {
    if (arguments.size() != 1) {
        return usageError(err, "new attend le dossier du pack à créer");
    }
    const std::filesystem::path folder = arguments[0];
    std::error_code error;
    if (std::filesystem::exists(folder, error) && !std::filesystem::is_empty(folder, error)) {
        err << "passerelles-pack : le dossier " << folder.string()
            << " existe déjà et n'est pas vide ; choisissez un nouveau dossier.\n";
        return 1;
    }
    std::filesystem::create_directories(folder, error);
    if (error) {
        err << "passerelles-pack : impossible de créer " << folder.string() << " (" << error.message()
            << ")\n";
        return 1;
    }
    const std::string schema = schemaReference(folder);
    const std::string id = idFromName(folderName(folder), "mon-pack");
    const bool written = writeJsonFile(folder / "pack.json", manifest(id, schema), err) &&
                         writeJsonFile(folder / "quiz.json", quiz(schema), err) &&
                         writeJsonFile(folder / "idees-recues.json", myths(schema), err) &&
                         writeJsonFile(folder / "scenario.json", scenario(schema), err);
    if (!written) {
        return 1;
    }
    out << "Pack créé dans " << folder.string()
        << " : pack.json, quiz.json, idees-recues.json, scenario.json.\n"
        << "Ouvrez-le dans un éditeur (VS Code complète et vérifie les champs grâce au schéma), remplacez "
           "les textes,\n"
        << "puis vérifiez-le : passerelles-pack validate " << folder.string() << "\n";
    return 0;
}

}  // namespace passerelles::packtool

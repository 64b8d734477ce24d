// Reads an idées reçues deck: cards, their arguments (exactly one best), answer and key points.
#include "core/loading/activity_loaders.hpp"

namespace passerelles {

namespace {

std::optional<MythCard> readCard(const FileContext& context, const nlohmann::json& value, std::string pointer,
                                 std::size_t position, IdRegistry& cardIds) {
    ObjectReader reader(context, value, pointer, "Carte n° " + std::to_string(position + 1), fields::kCard);
    if (!reader.isObject()) {
        return std::nullopt;
    }
    const int errorsBefore = context.out.errorCount();
    MythCard card;
    card.id = reader.id("id", "l'identifiant", true);
    if (!card.id.empty()) {
        reader.setSubject("Carte « " + card.id + " »");
    }
    cardIds.claim(reader, card.id);
    card.statement = reader.text("statement", "l'idée reçue", true);
    card.answer = reader.text("answer", "la réponse", true);
    card.keyPoints = reader.keyPoints("keyPoints", "la liste des points clés", true);
    card.points = reader.number("points", "le nombre de points", false, 0.01, 100).value_or(1.0);
    card.tags = reader.tags();
    if (!reader.has("source")) {
        reader.warning(reader.pointer(), reader.subject() +
                                             " : pas de source (champ « source ») ; indiquez d'où "
                                             "vient la réponse.");
    }

    IdRegistry argumentIds("un autre argument de cette carte");
    if (const auto* arguments = reader.array("arguments", "la liste des arguments", true, 3, 4)) {
        const std::string listPointer = reader.childPointer("arguments");
        for (std::size_t i = 0; i < arguments->size(); ++i) {
            ObjectReader argumentReader(context, (*arguments)[i], appendPointer(listPointer, i),
                                        reader.subject() + ", argument " + std::to_string(i + 1),
                                        fields::kArgument);
            if (!argumentReader.isObject()) {
                continue;
            }
            MythArgument argument;
            argument.id = argumentReader.id("id", "l'identifiant", true);
            argumentIds.claim(argumentReader, argument.id);
            argument.text = argumentReader.text("text", "le texte", true);
            argument.best =
                argumentReader.boolean("best", "l'indication du meilleur argument", true).value_or(false);
            argument.feedback = argumentReader.text("feedback", "le commentaire", true);
            argument.source = argumentReader.sourceRef();
            argumentReader.finish();
            card.arguments.push_back(std::move(argument));
        }
        int bestCount = 0;
        for (const auto& argument : card.arguments) {
            bestCount += argument.best ? 1 : 0;
        }
        if (!card.arguments.empty() && bestCount == 0) {
            reader.error(
                reader.childPointer("arguments"),
                reader.subject() + " : aucun argument n'est marqué comme le meilleur (\"best\": true).");
        } else if (bestCount > 1) {
            reader.error(reader.childPointer("arguments"),
                         reader.subject() + " : " + std::to_string(bestCount) +
                             " arguments sont marqués comme le meilleur ; un seul doit l'être.");
        }
    }
    reader.finish();
    if (context.out.errorCount() > errorsBefore) {
        return std::nullopt;
    }
    return card;
}

}  // namespace

std::optional<MythDeck> loadMythDeck(const FileContext& context, ObjectReader& root) {
    const int errorsBefore = context.out.errorCount();
    MythDeck deck;
    deck.id = root.id("id", "l'identifiant du jeu de cartes", true);
    root.setSubject("Idées reçues « " + deck.id + " »");
    deck.title = root.text("title", "le titre", true);
    deck.description = root.text("description", "la description", false);
    deck.tags = root.tags();
    IdRegistry cardIds("une autre carte");
    if (const auto* cards = root.array("cards", "la liste des cartes", true, 1)) {
        const std::string listPointer = root.childPointer("cards");
        for (std::size_t i = 0; i < cards->size(); ++i) {
            if (auto card = readCard(context, (*cards)[i], appendPointer(listPointer, i), i, cardIds)) {
                deck.cards.push_back(std::move(*card));
            }
        }
    }
    root.finish();
    if (context.out.errorCount() > errorsBefore) {
        return std::nullopt;
    }
    return deck;
}

}  // namespace passerelles

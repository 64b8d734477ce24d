// Tests of the text utilities: UTF-8 checks, positions, French typography, number formats, suggestions.
#include <doctest/doctest.h>

#include <limits>

#include "core/base/file_writing.hpp"
#include "core/base/text.hpp"

using namespace passerelles;

namespace {
const std::string nbsp = "\xC2\xA0";
const std::string nnbsp = "\xE2\x80\xAF";
}  // namespace

TEST_CASE("invalid UTF-8 is found at its byte offset") {
    CHECK_FALSE(findInvalidUtf8("Élus, œuvre, « citation », 500 €").has_value());
    CHECK(findInvalidUtf8("abc\xE9"
                          "def") == std::optional<std::size_t>(3));  // Latin-1 é
    CHECK(findInvalidUtf8("\xC0\x80").has_value());                  // overlong NUL
    CHECK(findInvalidUtf8("\xED\xA0\x80").has_value());              // UTF-16 surrogate
    CHECK(findInvalidUtf8("ok\xE2\x82").value() == 2);               // truncated sequence
}

TEST_CASE("line and column count characters, not bytes") {
    const std::string text = "{\n  \"é\": 1,\n  \"x\"";
    const auto position = lineColumnAt(text, text.find("\"x\""));
    CHECK(position.line == 3);
    CHECK(position.column == 3);
    CHECK(lineColumnAt("ééx", 4).column == 3);
}

TEST_CASE("French typography adds no-break spaces where French requires them") {
    CHECK(frenchTypography("Pourquoi ?") == "Pourquoi" + nnbsp + "?");
    CHECK(frenchTypography("Pourquoi?") == "Pourquoi" + nnbsp + "?");
    CHECK(frenchTypography("Réponse : B") == "Réponse" + nbsp + ": B");
    CHECK(frenchTypography("« texte »") == "«" + nbsp + "texte" + nbsp + "»");
    CHECK(frenchTypography("«texte»") == "«" + nbsp + "texte" + nbsp + "»");
    CHECK(frenchTypography("4 700 collectivités") == "4" + nnbsp + "700 collectivités");
    CHECK(frenchTypography("22 % et 500 000 €") ==
          "22" + nbsp + "%" + " et 500" + nnbsp + "000" + nbsp + "€");
    CHECK(frenchTypography("l'AECT") ==
          "l\xE2\x80\x99"
          "AECT");
    CHECK(frenchTypography("etc...") == "etc\xE2\x80\xA6");
}

TEST_CASE("French typography leaves addresses, times and existing no-break spaces alone") {
    CHECK(frenchTypography("https://www.diplomatie.gouv.fr/cncd") == "https://www.diplomatie.gouv.fr/cncd");
    CHECK(frenchTypography("à 10:30") == "à 10:30");
    CHECK(frenchTypography("Pourquoi" + nnbsp + "?") == "Pourquoi" + nnbsp + "?");
    CHECK(frenchTypography("en 2018 et 300 projets") == "en 2018 et 300 projets");
}

TEST_CASE("numbers are written the French way") {
    CHECK(formatDecimal(0.5) == "0,5");
    CHECK(formatDecimal(1.0 / 3.0) == "0,33");
    CHECK(formatDecimal(2.0) == "2");
    // Huge numbers in a hostile pack's message (issue 22, item 15): once a wrong 63-digit number.
    CHECK(formatDecimal(1e308) == "1 × 10³⁰⁸");
    CHECK(formatDecimal(-2.5e20) ==
          "\xE2\x88\x92"
          "2,5 × 10²⁰");
    CHECK(formatDecimal(123456789012345.0) == "123456789012345");
    CHECK(formatDecimal(std::numeric_limits<double>::infinity()) == "∞");
    CHECK(formatDecimal(-0.0001) == "0");
    CHECK(formatDecimal(-1.5) ==
          "\xE2\x88\x92"
          "1,5");
    CHECK(formatInteger(10440) == "10" + nnbsp + "440");
    CHECK(formatInteger(999) == "999");
    CHECK(formatPercent(0.806) == "81" + nbsp + "%");
}

TEST_CASE("a likely typo gets a suggestion, an unrelated word does not") {
    const std::vector<std::string> fields = {"explanation", "options", "source", "themes"};
    CHECK(closestMatch("explaination", fields) == std::optional<std::string>("explanation"));
    CHECK(closestMatch("thèmes", fields) == std::optional<std::string>("themes"));
    CHECK_FALSE(closestMatch("zzzzzzzz", fields).has_value());
    CHECK(editDistance("kitten", "sitting") == 3);
}

TEST_CASE("paragraphs are split on blank lines and trimmed") {
    const auto paragraphs = splitParagraphs("Un.\n\n  Deux.\n\n\n");
    REQUIRE(paragraphs.size() == 2);
    CHECK(paragraphs[1] == "Deux.");
}

TEST_CASE("file-name slugs keep letters and digits, fold accents, and never end with a hyphen") {
    CHECK(fileNameSlug("Bourges, salle des fêtes") == "bourges-salle-des-fetes");
    CHECK(fileNameSlug("  Été 2026 !  ") == "ete-2026");
    CHECK(fileNameSlug("«»") == "");
    CHECK(fileNameSlug("abc def ghi", 4) == "abc");
}

TEST_CASE("file-name slugs write the ligatures out and never give a name Windows reserves") {
    CHECK(fileNameSlug("Cœur de ville, Œuvre commune") == "coeur-de-ville-oeuvre-commune");
    CHECK(fileNameSlug("Lætitia, L’Haÿ-les-Roses") == "laetitia-l-hay-les-roses");
    CHECK(fileNameSlug("Aux") == "aux-1");
    CHECK(fileNameSlug("NUL") == "nul-1");
    CHECK(fileNameSlug("COM1") == "com1-1");
    CHECK(fileNameSlug("Auxerre") == "auxerre");
    CHECK(foldForSearch("Œuvre") == foldForSearch("oeuvre"));
}

TEST_CASE("ISO dates are written the French way, and anything else is left as typed") {
    CHECK(formatFrenchDate("2026-11-22") == "22 novembre 2026");
    CHECK(formatFrenchDate("2024-02-01") == "1er février 2024");
    CHECK(formatFrenchDate("2025-08-09") == "9 août 2025");
    CHECK(formatFrenchDate("le 3 mars") == "le 3 mars");
    CHECK(formatFrenchDate("2026-13-02") == "2026-13-02");
}

TEST_CASE("text from outside is printed with its control characters and stray bytes escaped") {
    CHECK(printableForTerminal("Bourges, salle des fêtes « œ » €") == "Bourges, salle des fêtes « œ » €");
    CHECK(printableForTerminal("a\x1B[31mb") == "a\\x1B[31mb");
    CHECK(printableForTerminal("ligne\nretour\r\x7F") == "ligne\\x0Aretour\\x0D\\x7F");
    CHECK(printableForTerminal("csi \xC2\x9B"
                               "2J") == "csi \\xC2\\x9B2J");  // the one-character CSI
    CHECK(printableForTerminal("caf\xE9") == "caf\\xE9");     // Latin-1, not UTF-8
    CHECK(printableForTerminal("\xE2\x82") == "\\xE2\\x82");  // a cut character
}

TEST_CASE("French line breaking: nothing starts a line with « : » or « ? », a date stays whole") {
    CHECK(keepOnSameLine("Égalité", ":"));
    CHECK(keepOnSameLine("connue", "?"));
    CHECK(keepOnSameLine("texte", "»"));
    CHECK(keepOnSameLine("«", "texte"));
    CHECK(keepOnSameLine("81", "%"));
    CHECK(keepOnSameLine("2", "décembre"));
    CHECK(keepOnSameLine("1er", "février"));
    CHECK(keepOnSameLine("décembre", "2026"));
    CHECK_FALSE(keepOnSameLine("2", "équipes"));
    CHECK_FALSE(keepOnSameLine("décembre", "prochain"));
    CHECK_FALSE(keepOnSameLine("Égalité", "entre"));
    CHECK_FALSE(keepOnSameLine("", ":"));
}

TEST_CASE("« à » before a team's name contracts and agrees as French does") {
    CHECK(toName("Les Castors") == "aux Castors");
    CHECK(toName("Le Havre") == "au Havre");
    CHECK(toName("La Réunion") == "à la Réunion");
    CHECK(toName("L’Isle-d’Abeau") == "à l’Isle-d’Abeau");
    CHECK(toName("Équipe verte") == "à l’équipe verte");
    CHECK(toName("Vierzon") == "à Vierzon");
    CHECK(frenchList({}).empty());
    CHECK(frenchList({"aux Castors"}) == "aux Castors");
    CHECK(frenchList({"aux Castors", "à Vierzon"}) == "aux Castors et à Vierzon");
    CHECK(frenchList({"A", "B", "C"}) == "A, B et C");
}

TEST_CASE("singular and plural in generated counts: 0 and 1 in the singular") {
    CHECK(countNoun(0, "équipe", "équipes") == "0 équipe");
    CHECK(countNoun(1, "équipe", "équipes") == "1 équipe");
    CHECK(countNoun(3, "bonne réponse", "bonnes réponses") == "3 bonnes réponses");
    CHECK(countNoun(1, "bonne réponse", "bonnes réponses") == "1 bonne réponse");
}

TEST_CASE("a date is typed and shown as JJ/MM/AAAA and kept as ISO; other text is kept as typed") {
    CHECK(isoDateToNumeric("2026-12-02") == "02/12/2026");
    CHECK(numericDateToIso("02/12/2026") == "2026-12-02");
    CHECK(numericDateToIso(isoDateToNumeric("2024-02-01")) == "2024-02-01");
    CHECK(isoDateToNumeric("le 3 mars") == "le 3 mars");
    CHECK(numericDateToIso("31/13/2026") == "31/13/2026");
    CHECK(numericDateToIso("2/12/2026") == "2/12/2026");
}

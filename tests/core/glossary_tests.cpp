// Tests of acronym look-up in running French text.
#include <doctest/doctest.h>

#include "core/base/text.hpp"
#include "core/content/glossary.hpp"

using namespace passerelles;

TEST_CASE("acronyms are found through punctuation, elision and no-break spaces") {
    const Glossary glossary({{"AECT", "action extérieure des collectivités territoriales", ""},
                             {"RRMA", "réseau régional multi-acteurs", ""},
                             {"EXPE-CT", "programme d'expertise", ""}});
    CHECK(glossary.lookupWord("(AECT),") != nullptr);
    CHECK(glossary.lookupWord("l\xE2\x80\x99"
                              "AECT") != nullptr);
    CHECK(glossary.lookupWord(frenchTypography("RRMA ?")) != nullptr);
    CHECK(glossary.lookupWord("«\xC2\xA0"
                              "EXPE-CT\xC2\xA0»") != nullptr);
    CHECK(glossary.lookupWord("RRMAs") != nullptr);
    CHECK(glossary.lookupWord("aect") == nullptr);  // case matters: "aect" is not the acronym
    CHECK(glossary.lookupWord("Réseau") == nullptr);
    const auto found = glossary.termsIn("Le RRMA aide l'AECT ; le RRMA encore.");
    REQUIRE(found.size() == 2);
    CHECK(found[0]->term == "RRMA");
}

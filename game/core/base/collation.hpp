// Sorting French words as a French reader expects: « Égalité » and « Énergie » among the E's.
#pragma once

#include <string>
#include <string_view>

namespace passerelles {

// A key whose byte order is French alphabetical order: letters compared without case or accents first
// (É with E, Œ as OE, Ç with C), then, between words equal that way, the exact text (the unaccented word
// before the accented one: « cote » < « côte »), so that the order is total and stable.
std::string frenchCollationKey(std::string_view text);

// a before b in French alphabetical order.
bool frenchLess(std::string_view a, std::string_view b);

}  // namespace passerelles

// The French collation key: accents and case folded first, the exact text as the tie-break.
#include "core/base/collation.hpp"

#include "core/base/text.hpp"

namespace passerelles {

std::string frenchCollationKey(std::string_view text) {
    // foldForSearch lowers ASCII and strips French accents (É → e, œ → oe). Byte 0x01 sorts below every
    // printable character, so a word that is a prefix of another still comes first.
    std::string key = foldForSearch(text);
    key += '\x01';
    key.append(text);
    return key;
}

bool frenchLess(std::string_view a, std::string_view b) {
    return frenchCollationKey(a) < frenchCollationKey(b);
}

}  // namespace passerelles

// Acronym look-up over words of display text.
#include "core/content/glossary.hpp"

#include <algorithm>

namespace passerelles {

namespace {

// Bytes that can surround an acronym in French text: ASCII punctuation, and the UTF-8 forms of
// « » ’ and the no-break spaces (trimmed byte-wise below as whole sequences).
constexpr std::string_view kSurrounding[] = {"\xC2\xAB",
                                             "\xC2\xBB",
                                             "\xE2\x80\x99",
                                             "\xC2\xA0",
                                             "\xE2\x80\xAF",
                                             "\xE2\x80\xA6",
                                             "(",
                                             ")",
                                             ",",
                                             ".",
                                             ";",
                                             ":",
                                             "!",
                                             "?",
                                             "\"",
                                             "'",
                                             "[",
                                             "]",
                                             "/"};

}  // namespace

Glossary::Glossary(std::vector<GlossaryEntry> entries) : entries_(std::move(entries)) {
    for (std::size_t i = 0; i < entries_.size(); ++i) {
        byTerm_.emplace(entries_[i].term, i);  // the first definition of a term wins
    }
}

std::string_view acronymCandidate(std::string_view word) {
    // Elision: l’AECT, d’EXPE-CT, qu’ODD
    for (const std::string_view apostrophe : {std::string_view("\xE2\x80\x99"), std::string_view("'")}) {
        const auto at = word.find(apostrophe);
        if (at != std::string_view::npos && at <= 3) {
            word.remove_prefix(at + apostrophe.size());
        }
    }
    bool trimmed = true;
    while (trimmed && !word.empty()) {
        trimmed = false;
        for (const auto piece : kSurrounding) {
            if (word.starts_with(piece)) {
                word.remove_prefix(piece.size());
                trimmed = true;
            }
            if (word.ends_with(piece)) {
                word.remove_suffix(piece.size());
                trimmed = true;
            }
        }
    }
    return word;
}

const GlossaryEntry* Glossary::lookupWord(std::string_view word) const {
    if (byTerm_.empty()) {
        return nullptr;
    }
    const std::string_view candidate = acronymCandidate(word);
    if (candidate.empty()) {
        return nullptr;
    }
    const auto found = byTerm_.find(std::string(candidate));
    if (found != byTerm_.end()) {
        return &entries_[found->second];
    }
    // Plural forms in running text: "les RRMA" is common, but "ODDs" or "CTF" variants also appear.
    if (candidate.size() > 2 && candidate.back() == 's') {
        const auto singular = byTerm_.find(std::string(candidate.substr(0, candidate.size() - 1)));
        if (singular != byTerm_.end()) {
            return &entries_[singular->second];
        }
    }
    return nullptr;
}

std::vector<const GlossaryEntry*> Glossary::termsIn(std::string_view text) const {
    std::vector<const GlossaryEntry*> found;
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = text.find_first_of(" \n\t", start);
        if (end == std::string_view::npos) {
            end = text.size();
        }
        if (const GlossaryEntry* entry = lookupWord(text.substr(start, end - start))) {
            if (std::find(found.begin(), found.end(), entry) == found.end()) {
                found.push_back(entry);
            }
        }
        start = end + 1;
    }
    return found;
}

}  // namespace passerelles

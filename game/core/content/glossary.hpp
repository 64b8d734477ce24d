// Finds acronyms in display text so that their long form is always at hand (tooltips, glossary overlay).
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/content/content.hpp"

namespace passerelles {

class Glossary {
  public:
    Glossary() = default;
    explicit Glossary(std::vector<GlossaryEntry> entries);

    // The entry for one word as it appears in text ("(DAECT),", "l’AECT", "RRMA ?"), or nullptr.
    const GlossaryEntry* lookupWord(std::string_view word) const;
    // Every distinct entry whose term appears in `text`, in order of first appearance.
    std::vector<const GlossaryEntry*> termsIn(std::string_view text) const;
    const std::vector<GlossaryEntry>& entries() const { return entries_; }
    bool empty() const { return entries_.empty(); }

  private:
    std::vector<GlossaryEntry> entries_;
    std::unordered_map<std::string, std::size_t> byTerm_;
};

// The part of a word that could be an acronym: elisions (l’, d’) and surrounding punctuation removed.
std::string_view acronymCandidate(std::string_view word);

}  // namespace passerelles

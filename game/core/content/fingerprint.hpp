// Fingerprints of playable items: a stored result is applied only to the item it was recorded on.
#pragma once

#include <string>

#include "core/content/content.hpp"

namespace passerelles {

// What changes the meaning of an answer: statement, options and which are right, rule, points; for a
// card its statement and arguments; for a scenario its nodes, choices and endings. Wording-only changes to
// explanations do not count. 16 hexadecimal digits (FNV-1a, 64 bits).
std::string fingerprint(const Question& question);
std::string fingerprint(const MythCard& card);
std::string fingerprint(const Scenario& scenario);
std::string fingerprint(const SelfDiagnostic& diagnostic);

}  // namespace passerelles

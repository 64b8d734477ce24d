// Reading of each activity kind from its JSON file (called by the pack loader, one function per kind).
#pragma once

#include <optional>

#include "core/content/content.hpp"
#include "core/loading/pack_reader.hpp"

namespace passerelles {

// Each returns the activity when it can be played correctly; every problem is reported through `context`.
std::optional<Quiz> loadQuiz(const FileContext& context, ObjectReader& root);
std::optional<MythDeck> loadMythDeck(const FileContext& context, ObjectReader& root);
std::optional<Scenario> loadScenario(const FileContext& context, ObjectReader& root);
std::optional<SelfDiagnostic> loadSelfDiagnostic(const FileContext& context, ObjectReader& root);

}  // namespace passerelles

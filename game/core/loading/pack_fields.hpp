// The fields each kind of pack object accepts; a test keeps these lists equal to content/schema/.
#pragma once

#include <string>
#include <vector>

namespace passerelles::fields {

using List = std::vector<std::string>;

inline const List kManifest = {"$schema", "format",   "id",        "title",    "description",
                               "order",   "language", "version",   "authors",  "license",
                               "sources", "themes",   "audiences", "glossary", "activities"};
inline const List kSource = {"id", "short", "citation", "year", "url"};
inline const List kVocabulary = {"id", "label"};
inline const List kGlossaryEntry = {"term", "expansion", "note"};
inline const List kGlossaryFile = {"$schema", "terms"};
inline const List kSourceRef = {"id", "page", "section", "lines"};
inline const List kKeyPoint = {"text", "source"};

inline const List kQuiz = {"$schema", "kind",   "id",        "title",    "description",
                           "scoring", "themes", "audiences", "questions"};
inline const List kQuestion = {"id",         "text",        "options", "scoring", "points",
                               "shuffle",    "explanation", "source",  "themes",  "audiences",
                               "difficulty", "verifiedOn",  "image"};
inline const List kOption = {"id", "text", "correct", "feedback"};

inline const List kMyths = {"$schema", "kind", "id", "title", "description", "themes", "audiences", "cards"};
inline const List kCard = {"id",     "statement", "arguments", "answer",     "keyPoints",  "points",
                           "source", "themes",    "audiences", "difficulty", "verifiedOn", "image"};
inline const List kArgument = {"id", "text", "best", "feedback", "source"};

inline const List kScenario = {"$schema", "kind",       "id",        "title",     "description",
                               "role",    "scoring",    "themes",    "audiences", "difficulty",
                               "source",  "verifiedOn", "variables", "start",     "nodes"};
inline const List kVariable = {"id",  "label", "kind",        "initial", "min",
                               "max", "unit",  "description", "hidden"};
inline const List kEffect = {"var", "add", "set"};
inline const List kChoice = {"id",      "text",  "target",      "condition", "lockedText",
                             "effects", "score", "consequence", "source"};
inline const List kRoute = {"condition", "target"};
inline const List kNode = {"id",   "type",   "title",   "text",  "image",  "source", "effects",
                           "next", "routes", "choices", "score", "rating", "debrief"};

inline const List kDiagnostic = {"$schema",    "kind",         "id",       "title",     "description",
                                 "intro",      "hybridMargin", "themes",   "audiences", "source",
                                 "verifiedOn", "profiles",     "questions"};
inline const List kProfile = {"id",     "title",  "subtitle",   "description",
                              "traits", "advice", "standalone", "source"};
inline const List kDiagnosticOption = {"id", "text", "weights"};
inline const List kDiagnosticQuestion = {"id", "text", "multiple", "options", "source"};

}  // namespace passerelles::fields

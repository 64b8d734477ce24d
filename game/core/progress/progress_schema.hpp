// The schema of progress.db: its version, its id, and its kind for the shared opening (the steps from
// each older version). Callers see the version and id through progress_store.hpp.
#pragma once

#include <cstdint>

#include "core/base/sqlite_file.hpp"

namespace passerelles {

inline constexpr int kProgressSchemaVersion = 4;
// PRAGMA application_id of progress.db ("PASP"): a file without it that holds other tables is another
// program's, moved aside rather than adopted.
inline constexpr std::int32_t kProgressApplicationId = 0x50415350;

// The file's kind for openSqliteFile: its id, the tables it held before it had one, and the steps from
// each older version. A new version is one more step (and kProgressSchemaVersion bumped).
SqliteFileKind progressFileKind();

// The columns of item_latest, in order, from a group of results: with MAX(id), SQLite takes the other
// columns from the row that holds the maximum, the latest result (the migration to version 3 and stale
// marking both rebuild item_latest with it).
extern const char* const kLatestOfResults;

}  // namespace passerelles

// Opening one of the program's SQLite files safely, for every store (progress, booth counters).
//
// One helper so that every store gets the same rules: the file must be a regular file; a damaged file is
// moved aside with its journals; a file that belongs to another program (another application id, tables
// of its own) is moved aside, never adopted; a newer schema is refused before anything is written; a
// journal (-wal) that disappeared is reported; schema creation and migration run in one BEGIN IMMEDIATE
// transaction that reads the version again, so that several processes starting at once migrate once.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/base/io_result.hpp"
#include "core/base/sqlite.hpp"

namespace passerelles {

// One schema step: from version `from` straight to version `to`, inside the opening transaction.
struct SchemaStep {
    int from = 0;
    int to = 0;
    std::function<bool(sql::Database&)> apply;
};

struct SqliteFileKind {
    // « Le fichier de progression », « Le fichier des compteurs de la borne »: the start of a sentence.
    std::string what;
    std::int32_t applicationId = 0;
    // Tables a file of this kind held before it had an application id: such a file is adopted (and
    // given the id) when it has no other table; a file with any other table is another program's.
    std::vector<std::string> knownTables;
    // The lowest version a file without an application id may have and still be ours (0: an empty file
    // from an old version counts too).
    int oldestVersion = 0;
    // Steps from version 0 (a new file) or an older version up to the newest `to`, the version this
    // build writes. Adding a migration is adding a step here.
    std::vector<SchemaStep> steps;
    // PRAGMA synchronous once in WAL: "FULL" (every commit on disk) or "NORMAL".
    std::string synchronous = "FULL";
    // Extra pragmas for every connection (foreign keys, secure delete), run before the schema.
    std::vector<std::string> pragmas;
};

struct SqliteFile {
    std::unique_ptr<sql::Database> database;  // never null
    std::vector<std::string> notices;         // French: a file moved aside, a journal that disappeared
};

// The clock gives unix seconds, for the names of files moved aside. The error is one French sentence or
// two naming the file; its notices say what was moved aside before the failure.
IoResult<SqliteFile> openSqliteFile(const std::filesystem::path& file, const SqliteFileKind& kind,
                                    const std::function<std::int64_t()>& clock);

// The newest version `kind.steps` lead to.
int newestVersion(const SqliteFileKind& kind);

// After a commit: when FILE-wal is no longer there (deleted while the program runs), folds the journal
// into the file itself so that what was just committed survives a kill; returns true when it did (say
// it once). Cheap (one stat) when the journal is there.
bool keepJournalSafe(sql::Database& database, const std::filesystem::path& file);

// What an SQLite error code means, in French, for a learner (SQLite's own messages are English).
std::string explainSqliteError(int code);

}  // namespace passerelles

// The shared opening of SQLite files: checks, moving aside, identification, one-transaction migration.
//
// Sections:
//   1. Words: SQLite's codes and the file system's errors in French
//   2. Identifying the file: ours, new, another program's, or newer
//   3. The journal: missing at open, deleted while running
//   4. openSqliteFile
#include "core/base/sqlite_file.hpp"

#include <sqlite3.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <ctime>
#include <fstream>
#include <set>
#include <thread>

#include "core/base/file_reading.hpp"
#include "core/base/file_writing.hpp"
#include "core/base/platform.hpp"
#include "core/base/text.hpp"

namespace passerelles {

// ---------------------------------------------------------------------------------------------
// 1. Words
// ---------------------------------------------------------------------------------------------

std::string explainSqliteError(int code) {
    switch (code & 0xFF) {
        case SQLITE_BUSY:
        case SQLITE_LOCKED:
            return "le fichier est occupé par un autre programme depuis trop longtemps (une autre fenêtre de "
                   "Passerelles ?)";
        case SQLITE_FULL:
            return "le disque est plein";
        case SQLITE_READONLY:
        case SQLITE_PERM:
        case SQLITE_AUTH:
            return "le fichier ou son dossier est en lecture seule";
        case SQLITE_CANTOPEN:
            return "le fichier ne peut pas être ouvert (dossier absent, droits d’accès, ou ce n’est pas un "
                   "fichier)";
        case SQLITE_IOERR:
            return "erreur de lecture ou d’écriture sur le disque";
        case SQLITE_CORRUPT:
        case SQLITE_NOTADB:
            return "le fichier est endommagé";
        case SQLITE_NOMEM:
            return "mémoire insuffisante";
        case SQLITE_CONSTRAINT:
            return "une donnée existe déjà ou contredit une autre";
        case SQLITE_TOOBIG:
            return "une donnée est trop grande";
        default:
            return "erreur interne de la base de données (code " + std::to_string(code) + ")";
    }
}

namespace {

std::string quoted(const std::filesystem::path& file) {
    return guillemets(file.string());
}

std::filesystem::path withSuffix(const std::filesystem::path& file, const char* suffix) {
    std::filesystem::path out = file;
    out += suffix;
    return out;
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// 2. Identifying the file
// ---------------------------------------------------------------------------------------------

namespace {

enum class Identity { Ours, Fresh, Foreign, Newer, Unreadable };

struct Identified {
    Identity identity = Identity::Unreadable;
    int version = 0;
};

// The id, the version and the tables read in one snapshot (one read transaction): read one by one, another
// process starting at the same moment could create the schema between two reads, and a file seen with
// no version but with tables would be taken for another program's and moved aside with what it held.
Identified identify(sql::Database& database, const SqliteFileKind& kind) {
    Identified out;
    if (!database.execute("BEGIN")) {
        return out;
    }
    struct EndRead {
        sql::Database& database;
        ~EndRead() {
            database.execute("COMMIT");  // a read: nothing to write, the snapshot is let go
        }
    } endRead{database};
    const auto id = database.queryInteger("PRAGMA application_id");
    const auto version = database.queryInteger("PRAGMA user_version");
    if (!id || !version) {
        return out;
    }
    out.version = static_cast<int>(*version);
    std::set<std::string> tables;
    {
        sql::Statement list(
            database, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'");
        while (list.step()) {
            tables.insert(list.text(0));
        }
        if (!list.ok()) {
            return out;
        }
    }
    if (*id == kind.applicationId) {
        out.identity = out.version > newestVersion(kind) ? Identity::Newer : Identity::Ours;
        return out;
    }
    if (*id != 0) {
        out.identity = Identity::Foreign;
        return out;
    }
    if (tables.empty() && out.version == 0) {
        out.identity = Identity::Fresh;
        return out;
    }
    const bool onlyKnown = std::all_of(tables.begin(), tables.end(), [&](const std::string& table) {
        return std::find(kind.knownTables.begin(), kind.knownTables.end(), table) != kind.knownTables.end();
    });
    if (!onlyKnown || out.version < kind.oldestVersion) {
        out.identity = Identity::Foreign;
    } else {
        out.identity = out.version > newestVersion(kind) ? Identity::Newer : Identity::Ours;
    }
    return out;
}

// Every step from the version read inside the transaction, then the id and the version: all or nothing.
// The error is the reason alone (the caller names the file); FileProblem::Malformed for a newer schema.
IoResult<void> migrate(sql::Database& database, const SqliteFileKind& kind) {
    const int newest = newestVersion(kind);
    sql::Transaction transaction(database);
    if (!transaction.begun()) {
        return IoError{explainSqliteError(database.errorCode())};
    }
    // Read again under the write lock: another process may have created or migrated the file meanwhile.
    int version = static_cast<int>(database.queryInteger("PRAGMA user_version").value_or(-1));
    const auto id = database.queryInteger("PRAGMA application_id").value_or(-1);
    if (version < 0 || id < 0) {
        return IoError{explainSqliteError(database.errorCode())};
    }
    if (version > newest) {
        return IoError{"", FileProblem::Malformed};
    }
    if (version == newest && id == kind.applicationId) {
        return {};  // rolled back: nothing to write
    }
    while (version < newest) {
        const auto step =
            std::find_if(kind.steps.begin(), kind.steps.end(),
                         [&](const SchemaStep& candidate) { return candidate.from == version; });
        if (step == kind.steps.end()) {
            return IoError{"aucune migration connue depuis la version " + std::to_string(version)};
        }
        if (!step->apply(database)) {
            return IoError{explainSqliteError(database.errorCode())};
        }
        version = step->to;
    }
    if (!database.execute("PRAGMA application_id = " + std::to_string(kind.applicationId)) ||
        !database.execute("PRAGMA user_version = " + std::to_string(newest)) || !transaction.commit()) {
        return IoError{explainSqliteError(database.errorCode())};
    }
    return {};
}

// ---------------------------------------------------------------------------------------------
// 3. The journal
// ---------------------------------------------------------------------------------------------

// True when the file's header says it was in WAL mode (bytes 18 and 19 are 2).
bool headerSaysWal(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    char header[20] = {};
    in.read(header, sizeof header);
    return in.gcount() == sizeof header && header[18] == 2 && header[19] == 2;
}

// "5 décembre 2026 à 21 h 40": when the file was last written, that is when the journal was last folded in.
std::string lastWritten(const std::filesystem::path& file) {
    std::error_code error;
    const auto written = std::filesystem::last_write_time(file, error);
    if (error) {
        return {};
    }
    // g++ 12 has no clock_cast: the file clock's distance from now, applied to the system clock.
    const auto system =
        std::chrono::system_clock::now() + std::chrono::duration_cast<std::chrono::system_clock::duration>(
                                               written - std::filesystem::file_time_type::clock::now());
    const std::time_t time = std::chrono::system_clock::to_time_t(system);
    const std::tm local = platform::localTime(time);
    char iso[16];
    char clock[16];
    std::strftime(iso, sizeof iso, "%Y-%m-%d", &local);
    std::strftime(clock, sizeof clock, "%H h %M", &local);
    return formatFrenchDate(iso) + " à " + clock;
}

}  // namespace

bool keepJournalSafe(sql::Database& database, const std::filesystem::path& file) {
    std::error_code error;
    if (std::filesystem::exists(withSuffix(file, "-wal"), error) || error) {
        return false;
    }
    // The journal was deleted under us: SQLite still writes to the deleted file, which a kill would lose.
    // Folding it into the file after each commit keeps every committed result in the file itself.
    database.execute("PRAGMA wal_checkpoint(FULL)");
    database.clearError();
    return true;
}

namespace {

// Why SQLite failed, in French; a nearly full disk is named as such, whatever SQLite's code (creating
// the journal's index on a full disk fails as a plain I/O error).
std::string failureReason(const sql::Database& database, const std::filesystem::path& file) {
    const int primary = database.errorCode() & 0xFF;
    const bool writeFailed = primary == SQLITE_FULL || primary == SQLITE_IOERR || primary == SQLITE_CANTOPEN;
    std::error_code error;
    const auto space = std::filesystem::space(file.parent_path(), error);
    const bool nearlyFull = !error && space.available < (std::uintmax_t{1} << 20);
    if (writeFailed && nearlyFull) {
        return "le disque est plein : il reste " +
               formatInteger(static_cast<long long>(space.available / 1024)) + " Ko";
    }
    if (writeFailed && (database.systemError() == ENOSPC || database.systemError() == EFBIG)) {
        return "le disque est plein";
    }
    return explainSqliteError(database.errorCode());
}

}  // namespace

namespace {

// Switching a file to WAL needs it to itself for a moment, and SQLite answers « busy » at once instead of
// waiting (its busy handler is not called for this lock): a second game opening the same new file at the
// same instant failed to start its progress. Retried here in 1 ms steps, within the usual wait for a lock.
bool switchToWal(sql::Database& database) {
    const auto deadline =
        std::chrono::steady_clock::now() + std::chrono::milliseconds(sql::Database::kBusyTimeoutMilliseconds);
    while (true) {
        if (database.queryText("PRAGMA journal_mode = WAL").value_or("") == "wal") {
            return true;
        }
        if ((database.errorCode() & 0xFF) != SQLITE_BUSY || std::chrono::steady_clock::now() >= deadline) {
            return false;
        }
        database.clearError();
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
}

}  // namespace

int newestVersion(const SqliteFileKind& kind) {
    int newest = 0;
    for (const SchemaStep& step : kind.steps) {
        newest = std::max(newest, step.to);
    }
    return newest;
}

// ---------------------------------------------------------------------------------------------
// 4. openSqliteFile
// ---------------------------------------------------------------------------------------------

IoResult<SqliteFile> openSqliteFile(const std::filesystem::path& file, const SqliteFileKind& kind,
                                    const std::function<std::int64_t()>& clock) {
    std::vector<std::string> notices;
    // What was moved aside before a failure is said too.
    const auto fail = [&notices](std::string message, FileProblem problem, std::error_code code = {}) {
        return IoError{std::move(message), problem, code, notices};
    };
    std::error_code error;
    std::filesystem::create_directories(file.parent_path(), error);
    if (error) {
        return fail(kind.what + " ne peut pas être créé : le dossier " + quoted(file.parent_path()) +
                        " ne peut pas être créé (" + explainFileSystemError(error) + ").",
                    FileProblem::Unwritable, error);
    }
    const auto status = std::filesystem::status(file, error);
    if (error && error != std::errc::no_such_file_or_directory) {
        return fail(kind.what + " " + quoted(file) + " ne peut pas être ouvert (" +
                        explainFileSystemError(error) + ").",
                    FileProblem::Unreadable, error);
    }
    if (std::filesystem::exists(status) && !std::filesystem::is_regular_file(status)) {
        // A folder, a FIFO or a device: SQLite would wait on it or read it for ever.
        return fail(
            kind.what + " " + quoted(file) +
                " ne peut pas être ouvert : ce n’est pas un fichier ordinaire (un dossier, un tube ou "
                "un périphérique porte ce nom).",
            FileProblem::NotRegular);
    }
    // Read before SQLite opens the file: it creates a fresh journal at once.
    const bool journalLost = std::filesystem::exists(status) && headerSaysWal(file) &&
                             std::filesystem::exists(withSuffix(file, "-shm"), error) &&
                             !std::filesystem::exists(withSuffix(file, "-wal"), error);
    const std::string lastFolded = journalLost ? lastWritten(file) : std::string();

    auto database = std::make_unique<sql::Database>(file);
    if (database->isOpen() && database->isReadOnly()) {
        // Every write would fail: say it once, at start, and leave the file untouched.
        return fail(kind.what + " " + quoted(file) +
                        " est en lecture seule (droits d’accès du fichier ou de son dossier) ; il n’est pas "
                        "effacé pour autant.",
                    FileProblem::Unwritable);
    }
    if (database->isOpen()) {
        const auto check = database->queryText("PRAGMA quick_check");
        if (!check || *check != "ok") {
            const bool damaged = database->errorMeansCorruption() || database->errorCode() == 0;
            if (!damaged) {
                return fail(kind.what + " " + quoted(file) + " ne peut pas être ouvert (" +
                                failureReason(*database, file) + ").",
                            FileProblem::Unreadable);
            }
            // Closed first: Windows does not rename a file that is open.
            database.reset();
            const auto aside = moveFileAside(file, "endommage", clock());
            if (!aside) {
                return fail(kind.what + " " + quoted(file) + " est endommagé et ne peut pas être déplacé.",
                            FileProblem::Other);
            }
            notices.push_back(kind.what + " était endommagé : il a été mis de côté sous le nom « " +
                              aside->filename().string() +
                              " » (rien n’a été effacé) et un nouveau fichier a été créé.");
            database = std::make_unique<sql::Database>(file);
        }
    }
    if (!database->isOpen()) {
        return fail(kind.what + " " + quoted(file) + " ne peut pas être ouvert (" +
                        (!platform::folderIsWritable(file.parent_path())
                             ? std::string("le dossier n’est pas accessible en écriture : droits d’accès, ou "
                                           "support en lecture seule")
                             : failureReason(*database, file)) +
                        ").",
                    FileProblem::Unreadable);
    }
    Identified identified = identify(*database, kind);
    if (identified.identity == Identity::Foreign) {
        database.reset();
        const auto aside = moveFileAside(file, "autre-programme", clock());
        if (!aside) {
            return fail(kind.what + " " + quoted(file) +
                            " appartient à un autre programme et ne peut pas être déplacé : déplacez-le "
                            "vous-même.",
                        FileProblem::Other);
        }
        notices.push_back(
            kind.what + " " + quoted(file) +
            " n’était pas un fichier de Passerelles (il appartient à un autre programme) : il a été mis de "
            "côté, intact, sous le nom « " +
            aside->filename().string() + " », et un nouveau fichier a été créé.");
        database = std::make_unique<sql::Database>(file);
        identified = identify(*database, kind);
    }
    const std::string newer =
        kind.what + " " + quoted(file) + " vient d’une version plus récente de Passerelles (schéma " +
        std::to_string(identified.version) + ") : mettez Passerelles à jour. Le fichier n’a pas été modifié.";
    if (identified.identity == Identity::Newer) {
        // Refused before the journal mode or anything else is written.
        return fail(newer, FileProblem::Malformed);
    }
    if (identified.identity == Identity::Unreadable) {
        return fail(
            kind.what + " " + quoted(file) + " ne peut pas être lu (" + failureReason(*database, file) + ").",
            FileProblem::Unreadable);
    }
    bool configured = true;
    for (const std::string& pragma : kind.pragmas) {
        configured = configured && database->execute(pragma);
    }
    configured =
        configured && switchToWal(*database) && database->execute("PRAGMA synchronous = " + kind.synchronous);
    if (!configured) {
        return fail(kind.what + " " + quoted(file) + " ne peut pas être préparé (" +
                        failureReason(*database, file) + ").",
                    FileProblem::Unreadable);
    }
    if (const auto migrated = migrate(*database, kind); !migrated.ok()) {
        const IoError& why = migrated.error();
        return fail(why.problem == FileProblem::Malformed
                        ? newer
                        : kind.what + " " + quoted(file) + " ne peut pas être mis à jour (" + why.message +
                              "). Il n’a pas été modifié.",
                    why.problem);
    }
    if (journalLost) {
        notices.push_back(
            kind.what + " avait perdu son journal (" + file.filename().string() +
            "-wal, effacé pendant que Passerelles était ouvert, puis Passerelles arrêté sans se fermer) : "
            "ce qui a été enregistré après " +
            (lastFolded.empty() ? std::string("sa dernière mise à jour") : "le " + lastFolded) +
            " (dernier report dans le fichier) est perdu ; le reste est là.");
    }
    return SqliteFile{std::move(database), std::move(notices)};
}

}  // namespace passerelles

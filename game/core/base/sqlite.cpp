// SQLite wrapper: every failure becomes an error code and message on the Database object.
#include "core/base/sqlite.hpp"

#include <sqlite3.h>

#include <chrono>

namespace passerelles::sql {

namespace {

// SQLite's own busy handler sleeps up to 100 ms between tries: against a process that writes without
// pause, almost every try lands inside its next transaction and a profile could not be created in 2 s.
// Short sleeps catch the gaps between its transactions; the deadline is long enough for a human.
int waitForLock(void* context, int calls) {
    auto* deadline = static_cast<std::chrono::steady_clock::time_point*>(context);
    const auto now = std::chrono::steady_clock::now();
    if (calls == 0) {
        *deadline = now + std::chrono::milliseconds(Database::kBusyTimeoutMilliseconds);
    } else if (now >= *deadline) {
        return 0;
    }
    sqlite3_sleep(1);
    return 1;
}

}  // namespace

Database::Database(const std::filesystem::path& file) {
    // NOMUTEX: a connection is only ever used by the thread that opened it, so SQLite need not lock its
    // mutex around every call (reading a column included), which was a tenth of a long query's time.
    // SQLite takes UTF-8 names on every system (Windows' paths are UTF-16 inside std::filesystem).
    const std::u8string name = file.u8string();
    const int code =
        sqlite3_open_v2(reinterpret_cast<const char*>(name.c_str()), &handle_,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nullptr);
    if (code != SQLITE_OK) {
        recordError(code);
        sqlite3_close(handle_);
        handle_ = nullptr;
        return;
    }
    sqlite3_extended_result_codes(handle_, 1);
    // A second window on the same file waits rather than fails.
    sqlite3_busy_handler(handle_, waitForLock, &busyDeadline_);
}

Database::~Database() {
    if (handle_ != nullptr) {
        sqlite3_close_v2(handle_);
    }
}

void Database::recordError(int code) {
    lastCode_ = code;
    systemError_ = handle_ != nullptr ? sqlite3_system_errno(handle_) : 0;
    error_ = handle_ != nullptr ? sqlite3_errmsg(handle_) : sqlite3_errstr(code);
}

void Database::clearError() {
    lastCode_ = 0;
    systemError_ = 0;
    error_.clear();
}

bool Database::errorMeansCorruption() const {
    const int primary = lastCode_ & 0xFF;
    return primary == SQLITE_CORRUPT || primary == SQLITE_NOTADB;
}

bool Database::errorMeansNoSpace() const {
    const int primary = lastCode_ & 0xFF;
    return primary == SQLITE_FULL || primary == SQLITE_READONLY || primary == SQLITE_IOERR ||
           primary == SQLITE_CANTOPEN || primary == SQLITE_PERM;
}

bool Database::isReadOnly() {
    return handle_ != nullptr && sqlite3_db_readonly(handle_, "main") == 1;
}

bool Database::execute(std::string_view sql) {
    if (handle_ == nullptr) {
        return false;
    }
    char* message = nullptr;
    const std::string text(sql);
    const int code = sqlite3_exec(handle_, text.c_str(), nullptr, nullptr, &message);
    if (code != SQLITE_OK) {
        lastCode_ = code;
        systemError_ = sqlite3_system_errno(handle_);
        error_ = message != nullptr ? message : sqlite3_errstr(code);
        sqlite3_free(message);
        return false;
    }
    return true;
}

std::optional<std::int64_t> Database::queryInteger(std::string_view sql) {
    Statement statement(*this, sql);
    if (!statement.ok() || !statement.step()) {
        return std::nullopt;
    }
    return statement.integer(0);
}

std::optional<std::string> Database::queryText(std::string_view sql) {
    Statement statement(*this, sql);
    if (!statement.ok() || !statement.step()) {
        return std::nullopt;
    }
    return statement.text(0);
}

std::int64_t Database::lastInsertId() const {
    return handle_ != nullptr ? sqlite3_last_insert_rowid(handle_) : 0;
}
int Database::changes() const {
    return handle_ != nullptr ? sqlite3_changes(handle_) : 0;
}

Statement::Statement(Database& database, std::string_view sql) : database_(database) {
    if (database.handle() == nullptr) {
        return;
    }
    const int code =
        sqlite3_prepare_v2(database.handle(), sql.data(), static_cast<int>(sql.size()), &statement_, nullptr);
    if (code != SQLITE_OK) {
        database.recordError(code);
        sqlite3_finalize(statement_);
        statement_ = nullptr;
    }
}

Statement::~Statement() {
    sqlite3_finalize(statement_);
}

Statement& Statement::bind(int index, std::int64_t value) {
    if (statement_ != nullptr) {
        sqlite3_bind_int64(statement_, index, value);
    }
    return *this;
}

Statement& Statement::bind(int index, double value) {
    if (statement_ != nullptr) {
        sqlite3_bind_double(statement_, index, value);
    }
    return *this;
}

Statement& Statement::bind(int index, std::string_view value) {
    if (statement_ != nullptr) {
        sqlite3_bind_text(statement_, index, value.data(), static_cast<int>(value.size()), SQLITE_TRANSIENT);
    }
    return *this;
}

Statement& Statement::bindNull(int index) {
    if (statement_ != nullptr) {
        sqlite3_bind_null(statement_, index);
    }
    return *this;
}

bool Statement::step() {
    if (statement_ == nullptr) {
        return false;
    }
    const int code = sqlite3_step(statement_);
    if (code == SQLITE_ROW) {
        return true;
    }
    if (code != SQLITE_DONE) {
        database_.recordError(code);
    }
    return false;
}

bool Statement::run() {
    if (statement_ == nullptr) {
        return false;
    }
    int code = SQLITE_ROW;
    while (code == SQLITE_ROW) {
        code = sqlite3_step(statement_);
    }
    if (code != SQLITE_DONE) {
        database_.recordError(code);
        return false;
    }
    return true;
}

void Statement::reset() {
    if (statement_ != nullptr) {
        sqlite3_reset(statement_);
        sqlite3_clear_bindings(statement_);
    }
}

std::int64_t Statement::integer(int column) const {
    return sqlite3_column_int64(statement_, column);
}
double Statement::real(int column) const {
    return sqlite3_column_double(statement_, column);
}
bool Statement::isNull(int column) const {
    return sqlite3_column_type(statement_, column) == SQLITE_NULL;
}

std::string Statement::text(int column) const {
    const auto* bytes = sqlite3_column_text(statement_, column);
    return bytes != nullptr ? std::string(reinterpret_cast<const char*>(bytes),
                                          static_cast<std::size_t>(sqlite3_column_bytes(statement_, column)))
                            : std::string();
}

Transaction::Transaction(Database& database) : database_(database) {
    begun_ = database_.execute("BEGIN IMMEDIATE");
    if (!begun_ && (database_.errorCode() & 0xFF) == SQLITE_BUSY) {
        // Another process held the file for the whole wait: one more wait before giving up.
        database_.clearError();
        begun_ = database_.execute("BEGIN IMMEDIATE");
    }
}

Transaction::~Transaction() {
    if (begun_ && !done_) {
        database_.execute("ROLLBACK");
    }
}

bool Transaction::commit() {
    if (!begun_ || done_) {
        return false;
    }
    done_ = database_.execute("COMMIT");
    if (!done_) {
        // Keep the reason of the failed commit (disk full…) rather than the rollback's.
        const int code = database_.errorCode();
        database_.execute("ROLLBACK");
        database_.recordError(code);
        done_ = true;
        return false;
    }
    return true;
}

}  // namespace passerelles::sql

// A thin RAII layer over SQLite: open, prepared statements, transactions; errors as values, never aborts.
#pragma once

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

struct sqlite3;
struct sqlite3_stmt;

namespace passerelles::sql {

class Database;

class Statement {
  public:
    Statement(Database& database, std::string_view sql);
    ~Statement();
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;

    bool ok() const { return statement_ != nullptr; }
    Statement& bind(int index, std::int64_t value);
    Statement& bind(int index, int value) { return bind(index, static_cast<std::int64_t>(value)); }
    Statement& bind(int index, double value);
    Statement& bind(int index, std::string_view value);
    Statement& bindNull(int index);
    // Steps once: true while a row is available. Errors are kept on the database.
    bool step();
    // Runs to completion; false on error.
    bool run();
    void reset();

    std::int64_t integer(int column) const;
    double real(int column) const;
    std::string text(int column) const;
    bool isNull(int column) const;

  private:
    Database& database_;
    sqlite3_stmt* statement_ = nullptr;
};

class Database {
  public:
    // How long a statement waits for another process's write to end before failing with SQLITE_BUSY
    // (a transaction then tries once more).
    static constexpr int kBusyTimeoutMilliseconds = 10000;

    // Opens (or creates) the file; check ok() and error().
    explicit Database(const std::filesystem::path& file);
    ~Database();
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    bool ok() const { return handle_ != nullptr && lastCode_ == 0; }
    bool isOpen() const { return handle_ != nullptr; }
    // Runs statements with no result; false on error.
    bool execute(std::string_view sql);
    std::optional<std::int64_t> queryInteger(std::string_view sql);
    std::optional<std::string> queryText(std::string_view sql);
    std::int64_t lastInsertId() const;
    int changes() const;

    const std::string& error() const { return error_; }
    int errorCode() const { return lastCode_; }
    // The system's error number behind the last error (ENOSPC for a full disk), 0 when none.
    int systemError() const { return systemError_; }
    // True when the last error says the file is not a database or is damaged.
    bool errorMeansCorruption() const;
    // True when the last error says the disk or the file system is full or read-only.
    bool errorMeansNoSpace() const;
    // True when SQLite could only open the file for reading (no write permission on it or its folder).
    bool isReadOnly();
    void clearError();

    sqlite3* handle() { return handle_; }
    void recordError(int code);

  private:
    sqlite3* handle_ = nullptr;
    std::string error_;
    int lastCode_ = 0;
    int systemError_ = 0;
    std::chrono::steady_clock::time_point busyDeadline_;
};

// Commits on commit(); rolls back if destroyed before.
class Transaction {
  public:
    explicit Transaction(Database& database);
    ~Transaction();
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;
    bool begun() const { return begun_; }
    bool commit();

  private:
    Database& database_;
    bool begun_ = false;
    bool done_ = false;
};

}  // namespace passerelles::sql

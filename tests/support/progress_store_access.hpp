// Test-only access to a progress store's own connection, for what another connection cannot see (its
// per-connection pragmas) and for benchmarks that fill a history without a sync per result.
#pragma once

#include "core/progress/progress_store.hpp"

namespace passerelles {

struct ProgressStoreAccess {
    static sql::Database& database(ProgressStore& store) { return *store.database_; }
};

}  // namespace passerelles

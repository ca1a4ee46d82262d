#pragma once
// The embedded Store: one SQLite file (WAL journal, foreign keys on, versioned migrations).

#include <filesystem>
#include <memory>

#include "store/store.h"

namespace rasso {

struct SqliteStoreOptions {
  /// Create the file (and apply migrations) if it does not exist.
  bool create_if_missing = true;
};

/// Opens the store at `path`, bringing its schema up to date. Error codes: "store_open" when the
/// file cannot be opened or is not a store, "store_version" when it is newer than this program.
Result<std::unique_ptr<Store>> open_sqlite_store(const std::filesystem::path& path, SqliteStoreOptions options = {});

}  // namespace rasso

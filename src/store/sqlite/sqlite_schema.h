#pragma once
// The SQLite schema as a list of numbered migrations, applied in order and recorded in the
// schema_migrations table. A migration, once released, never changes: a change to the data model
// (core/field_spec) is a new migration.

#include <string>
#include <vector>

#include "core/entity.h"
#include "core/result.h"
#include "store/sqlite/sqlite_handle.h"

namespace rasso::sqlite {

struct Migration {
  int version;
  std::string description;
  std::string sql;
};

/// Every migration, in version order.
const std::vector<Migration>& migrations();

/// The version the newest migration brings a store to.
int latest_schema_version();

/// Applies every migration newer than the store's version, each in its own transaction.
Status migrate(Connection& connection);

/// Column list of an entity table in spec order, e.g. "crime_ref, force_code, ...".
std::string entity_columns(Entity entity);

}  // namespace rasso::sqlite

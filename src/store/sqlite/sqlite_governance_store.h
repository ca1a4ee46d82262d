#pragma once
// The SQLite side of GovernanceStore (store/governance_records.h): its schema migration and the
// implementation the SqliteStore hands out, sharing the store's connection and audit chain.

#include <memory>

#include "store/governance_records.h"
#include "store/sqlite/sqlite_handle.h"

namespace rasso::sqlite {

/// Appends an audit event chained to the last one; the caller holds the write transaction.
using AuditAppender = Result<std::int64_t> (*)(Connection& connection, const AuditEvent& event);

/// The SQL of schema migration 4: governance tables, history tables and the triggers that keep
/// versions and refuse deletes.
const char* governance_schema_sql();

/// A GovernanceStore on `connection` (which must outlive it). Each write runs in its own
/// transaction, or in the caller's when one is open, with its audit event appended by `append_audit`.
std::unique_ptr<GovernanceStore> make_sqlite_governance_store(Connection& connection, AuditAppender append_audit);

}  // namespace rasso::sqlite

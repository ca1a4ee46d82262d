#pragma once
// Loading what the engines read from the store: the typed extract tables and the resolved-person
// assignment. The CLI loads once per command and the server once at start; engines never see the
// store. Each load reads the store's snapshot file (store/snapshot_file.h) when the part it needs
// is fresh there — one sequential file read — and scans the store otherwise; either way it
// returns the same tables.

#include <initializer_list>
#include <optional>

#include "core/extract_records.h"
#include "core/result.h"
#include "store/snapshot_file.h"
#include "store/store.h"

namespace rasso {

/// The extract tables the engines read, typed; only `entities` are loaded (the others stay
/// empty), so a caller reads no more of the store than it needs.
Result<ExtractTables> load_extract_tables(Store& store, std::initializer_list<Entity> entities);

/// Every extract table, typed.
Result<ExtractTables> load_all_extract_tables(Store& store);

/// person_ref -> resolved id of the latest linkage run (empty before `rasso link` has run).
Result<ResolvedAssignment> load_resolved(Store& store);

/// Extract tables with the resolved id of each involvement's person record.
struct ResolvedTables {
  ExtractTables tables;
  InvolvementResolution involvement_resolution;  // one per row of tables.involvements
  bool linked = false;  // a linkage run has resolved some of the involvements' records
};

/// The tables `entities` (Involvements is always among them) and the involvement resolution: from
/// the snapshot when both its stamps are fresh (no assignment map is built), otherwise from the
/// store, looking each involvement's record up in the resolved assignment.
Result<ResolvedTables> load_resolved_tables(Store& store, std::initializer_list<Entity> entities);

/// Every table and the resolved assignment, and where each part came from.
struct StoreContents {
  ExtractTables tables;
  ResolvedAssignment resolved;
  bool tables_from_snapshot = false;
  bool resolution_from_snapshot = false;
  bool snapshot_written = false;
  std::optional<Error> snapshot_problem;  // the snapshot file could not be written; the load stands
};

/// Loads everything: each part whose snapshot is fresh from the file, the others from the store;
/// then, when any part came from the store, writes a fresh snapshot file so that the next load is
/// a file read. A failure to write the file does not fail the load (it is a cache): it is in
/// `snapshot_problem`. The server loads with it at start, and the commands that change the store
/// (import, link) call it to leave the file fresh.
Result<StoreContents> load_store_contents(Store& store);

}  // namespace rasso

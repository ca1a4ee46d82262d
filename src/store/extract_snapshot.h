#pragma once
// Loading what the engines read from the store: the typed extract tables and the resolved-person
// assignment. The CLI loads once per command and the server once at start; engines never see the
// store.

#include <cstdint>
#include <initializer_list>
#include <string>
#include <unordered_map>

#include "core/extract_records.h"
#include "core/result.h"
#include "store/store.h"

namespace rasso {

/// The extract tables the engines read, typed; only `entities` are loaded (the others stay
/// empty), so a caller reads no more of the store than it needs.
Result<ExtractTables> load_extract_tables(Store& store, std::initializer_list<Entity> entities);

/// Every extract table, typed.
Result<ExtractTables> load_all_extract_tables(Store& store);

/// person_ref -> resolved id of the latest linkage run (empty before `rasso link` has run).
Result<std::unordered_map<std::string, std::uint64_t>> load_resolved(Store& store);

}  // namespace rasso

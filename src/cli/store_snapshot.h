#pragma once
// Loading what the engines read from the store: the typed extract tables, the resolved-person
// assignment and the offence facts. The CLI loads once per command; engines never see the store.

#include <cstdint>
#include <initializer_list>
#include <map>
#include <string>
#include <unordered_map>

#include "analytics/repeat_suspects.h"
#include "core/code_table.h"
#include "core/result.h"
#include "store/store.h"
#include "core/extract_records.h"

namespace rasso::cli {

/// The extract tables the engines read, typed; only `entities` are loaded (the others stay
/// empty), so a command reads no more of the store than it needs.
Result<ExtractTables> load_extract_tables(Store& store, std::initializer_list<Entity> entities);

/// person_ref -> resolved id of the latest linkage run (empty before `rasso link` has run).
Result<std::unordered_map<std::string, std::uint64_t>> load_resolved(Store& store);

/// Offence code -> label, group, child flag and harm weight, from the offence code table.
std::map<std::string, OffenceInfo, std::less<>> offence_facts(const CodeTables& codes);

}  // namespace rasso::cli

#pragma once
// Converting store rows into ExtractTables. A row is one record's values in the column order of
// entity_spec(entity).fields, already normalised by the import: dates ISO 8601, booleans "1"/"0"
// (Y/N and true/false are accepted too), blank = null, reference lists separated by ';'.

#include <map>
#include <string>
#include <vector>

#include "core/entity.h"
#include "core/result.h"
#include "core/extract_records.h"

namespace rasso {

/// The rows of one entity, each in entity_spec(entity).fields order.
using EntityRows = std::vector<std::vector<std::string>>;

/// Builds the worklist tables from the rows of each entity. Entities the worklists do not read
/// (units, training) and entities absent from `rows` are ignored or left empty. Error
/// "invalid_input" naming the entity, the row (1-based), its key and the field, for a row with the
/// wrong number of values, a missing required value, or a date, whole number or boolean that does
/// not parse.
Result<ExtractTables> extract_tables_from_rows(const std::map<Entity, EntityRows>& rows);

}  // namespace rasso

#pragma once
// Converting store rows into ExtractTables. A row is one record's values in the column order of
// entity_spec(entity).fields, already normalised by the import: dates ISO 8601, booleans "1"/"0"
// (Y/N and true/false are accepted too), blank = null, reference lists separated by ';'.

#include <functional>
#include <map>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/entity.h"
#include "core/result.h"
#include "core/extract_records.h"

namespace rasso {

/// The rows of one entity, each in entity_spec(entity).fields order.
using EntityRows = std::vector<std::vector<std::string>>;

/// One row's values, in entity_spec(entity).fields order, valid only during the visit.
using RowValues = std::span<const std::string_view>;
/// Called once per row; a failed status stops the visit.
using RowVisitor = std::function<Status(RowValues)>;
/// Visits every row of an entity (none if it has no rows) and returns the first failure.
using RowSource = std::function<Status(Entity, const RowVisitor&)>;

/// How many rows an entity has (an estimate is fine): lets each table be allocated once.
using RowCounter = std::function<std::size_t(Entity)>;

/// Builds the tables by streaming each entity's rows from `rows`, so no copy of the rows is held:
/// the way to load a large store. `count`, if given, sizes each table before its rows arrive.
/// Same errors as extract_tables_from_rows.
Result<ExtractTables> extract_tables_from_source(const RowSource& rows, const RowCounter& count = {});

/// Builds the typed tables from the rows of each entity; entities absent from `rows` are left
/// empty. Error
/// "invalid_input" naming the entity, the row (1-based), its key and the field, for a row with the
/// wrong number of values, a missing required value, or a date, whole number or boolean that does
/// not parse.
Result<ExtractTables> extract_tables_from_rows(const std::map<Entity, EntityRows>& rows);

}  // namespace rasso

#pragma once
// FieldSpec and EntitySpec: the columns of each extract file and store table, with their types,
// whether they are required, and the code table or entity each one draws its values from.
// One description drives validation (ingest), the tables (store) and docs/data-formats.md.

#include <cstddef>
#include <optional>
#include <span>
#include <string_view>

#include "core/entity.h"

namespace rasso {

enum class FieldType {
  Text,           // free text, trimmed; at most max_length bytes of UTF-8
  Date,           // ISO 8601 YYYY-MM-DD
  Time,           // HH:MM, 24-hour clock
  Integer,        // whole number within [min_value, max_value]
  Boolean,        // Y/N (also true/false, 1/0); stored as 1/0
  Code,           // one code of the code table named by `detail`
  Reference,      // the key of a row of the entity named by `detail`
  ReferenceList,  // semicolon-separated keys of rows of the entity named by `detail`
  Postcode,       // letters, digits and at most one space; stored upper case
  PncId,          // Police National Computer ID shape: YY/NNNNNNNL or YYYY/NNNNNNNL
  CroNumber,      // Criminal Records Office number shape: NNNNNN/YYL
  Identifier,     // a record key: letters, digits and - _ . / only
};

struct FieldSpec {
  std::string_view name;
  FieldType type;
  bool required;
  std::string_view detail;       // code table (Code) or entity name (Reference, ReferenceList)
  std::string_view description;  // for docs/data-formats.md and error messages
  std::size_t max_length = 200;  // Text only
  long long min_value = 0;       // Integer only
  long long max_value = 1000000; // Integer only
};

struct EntitySpec {
  Entity entity;
  std::span<const FieldSpec> fields;  // fields[0] is the key
  std::string_view description;

  std::string_view name() const { return entity_name(entity); }
  const FieldSpec& key() const { return fields[0]; }
  /// Index of the field called `field_name`, or nullopt.
  std::optional<std::size_t> index_of(std::string_view field_name) const;
};

/// The specification of an entity's extract file and table.
const EntitySpec& entity_spec(Entity entity);

/// Human-readable name of a field type, as used in docs and errors ("date", "code").
std::string_view field_type_name(FieldType type);

}  // namespace rasso

#pragma once
// Cross-field rules of each extract row: checks that need more than one field of the same row
// (date order, fields that only make sense together). Single-field checks (types, codes, shapes)
// are made before these run, on normalised values (dates ISO, booleans "1"/"0", empty = absent).

#include <span>
#include <string>
#include <vector>

#include "core/field_spec.h"

namespace rasso {

struct RowRuleViolation {
  std::string field;  // the field the violation is reported against
  std::string value;  // that field's value
  std::string rule;   // the rule broken, in plain English
};

/// Checks every cross-field rule of `spec` against one row whose `values` are in spec field
/// order and already normalised. Returns every violation (none when the row is consistent).
std::vector<RowRuleViolation> check_row_rules(const EntitySpec& spec, std::span<const std::string> values);

}  // namespace rasso

#pragma once
// Checks one raw extract value against its FieldSpec and returns it in normal form: trimmed,
// codes in their canonical case, booleans as "1"/"0", postcodes upper case. The error message is
// the rule the value broke, phrased for the person who must fix the extract.

#include <string>
#include <string_view>

#include "core/code_table.h"
#include "core/field_spec.h"
#include "core/result.h"

namespace rasso {

/// The normalised value (empty when an optional field is blank), or an Error whose code is
/// "invalid_value" and whose message is the rule broken.
Result<std::string> normalise_field(const FieldSpec& field, std::string_view raw, const CodeTables& codes);

/// `value` made safe and short for an error message: control bytes escaped, at most 60 bytes.
std::string displayable_value(std::string_view value);

}  // namespace rasso

#pragma once
// What the engines need to know of each Home Office offence code, read from the offence code table.

#include <map>
#include <string>

#include "analytics/repeat_suspects.h"
#include "core/code_table.h"

namespace rasso {

/// Offence code -> label, group, child flag and harm weight, from the offence code table
/// (empty when the table is missing).
std::map<std::string, OffenceInfo, std::less<>> offence_facts(const CodeTables& codes);

}  // namespace rasso

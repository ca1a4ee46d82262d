#pragma once
// Reading an inspection's recommendations from CSV for the tracker. The columns are those of
// data/reference/governance/hmicfrs-2024-recommendations.csv (from ../shared/data): number, due
// (YYYY-MM-DD, may be blank), for (the audience), area, summary; an optional for_forces column
// (Y/N) overrides the rule that a recommendation is for forces when its audience is "All forces"
// or starts with "Chief constables".

#include <filesystem>
#include <string>
#include <vector>

#include "core/result.h"
#include "store/governance_records.h"

namespace rasso {

/// The shipped HMICFRS 2024 file, under the reference data folder.
std::filesystem::path default_recommendations_file();

/// True when the audience text names forces as a whole ("All forces", "Chief constables ...").
bool audience_is_forces(std::string_view audience);

/// Reads `path`: one Recommendation per row, with rec_id = `id_prefix` + "-" + number (two digits
/// when numeric, e.g. HMICFRS-2024-03) and `source`. Error "invalid_input" naming the file, line
/// and column for a missing column, a blank number or summary, a repeated number, a bad date or a
/// for_forces value other than Y/N; "io" when the file cannot be read. Nothing is returned unless
/// every row is good.
Result<std::vector<Recommendation>> read_recommendations_csv(const std::filesystem::path& path, const std::string& source,
                                                             const std::string& id_prefix);

}  // namespace rasso

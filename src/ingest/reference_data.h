#pragma once
// Finding and loading the reference data the product reads at run time: code tables
// (data/reference/codes/*.csv), bank holidays and the names tables used by the generator.

#include <filesystem>

#include "core/code_table.h"
#include "core/result.h"

namespace rasso {

/// The reference data folder: $RASSO_DATA_DIR if set, else the folder the build was configured
/// with (the source tree's data/reference).
std::filesystem::path reference_data_dir();

/// Loads every codes/*.csv under `data_dir` as a code table named for its file stem. Each file
/// needs `code` and `label` columns; other columns become attributes. Error code "reference_data"
/// naming the file on a missing folder, a malformed file or a duplicate code.
Result<CodeTables> load_code_tables(const std::filesystem::path& data_dir);

}  // namespace rasso

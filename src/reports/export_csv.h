#pragma once
// Writing an ExportTable as CSV through CsvWriter with formula neutralisation on.

#include <filesystem>

#include "core/result.h"
#include "reports/export_table.h"

namespace rasso {

/// Writes the header and rows of `table` to `path` (notes are not written: CSV has no place for
/// them). Error "io" naming the file when it cannot be written.
Status write_export_csv(const ExportTable& table, const std::filesystem::path& path);

}  // namespace rasso

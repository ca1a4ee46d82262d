#pragma once
// Writing ExportTables as one XLSX workbook (libxlsxwriter), a sheet per table. Text is always
// written with worksheet_write_string after neutralise_spreadsheet_text, never as a formula;
// numbers as numbers.

#include <filesystem>
#include <vector>

#include "core/result.h"
#include "reports/export_table.h"

namespace rasso {

/// Writes `tables` to `path`, each as a sheet named for it (cut to 31 characters; characters
/// XLSX forbids in sheet names replaced by "_"), its notes first, then a bold header row, then the
/// rows. Error "io" naming the file when libxlsxwriter cannot write it.
Status write_export_xlsx(const std::vector<ExportTable>& tables, const std::filesystem::path& path);

}  // namespace rasso

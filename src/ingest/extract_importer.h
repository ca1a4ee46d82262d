#pragma once
// import_extract: loads an RMS extract folder into the store, all or nothing. Every row is read,
// validated field by field and across fields, checked for duplicate keys and for references to
// rows in this extract or already in the store; if anything is wrong nothing is written and every
// problem (up to a limit) is reported. Re-importing the same extract changes nothing; a changed
// row is updated and its previous version kept by the store.

#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "core/code_table.h"
#include "core/result.h"
#include "ingest/import_problem.h"
#include "store/store.h"

namespace rasso {

struct FileImportCounts {
  std::string file;
  std::size_t rows_read = 0;
  std::size_t added = 0;
  std::size_t changed = 0;
  std::size_t unchanged = 0;
};

struct ImportReport {
  bool committed = false;
  std::int64_t import_id = 0;  // 0 when nothing was committed
  std::vector<FileImportCounts> files;
  std::vector<ImportProblem> problems;  // at most ImportOptions::max_problems
  bool stopped_early = false;           // problems reached the limit before the end of the extract
  std::vector<std::string> ignored_files;

  std::size_t rows_read() const;
  /// The report as one JSON object (files, counts, problems), as stored with the import.
  std::string to_json() const;
};

struct ImportOptions {
  std::size_t max_problems = 50;
  /// Returns the current time as ISO 8601; injected so tests control it.
  std::function<std::string()> now;
  /// Who runs the import and why, for the audit log.
  std::string actor = "system:import";
  std::string purpose = "load RMS extract";
  std::string correlation_id;
  /// Called now and then with bytes processed and total bytes of the extract; may be empty.
  std::function<void(std::size_t done, std::size_t total)> progress;
};

/// Imports the extract in `folder` (files named <entity>.csv or <entity>.jsonl; any entity's file
/// may be absent; other files are ignored and listed). Returns the report (committed or not) or
/// an Error for a failure of the store itself ("store", "busy") or an unusable folder ("io").
Result<ImportReport> import_extract(Store& store, const std::filesystem::path& folder, const CodeTables& codes,
                                    const ImportOptions& options);

}  // namespace rasso

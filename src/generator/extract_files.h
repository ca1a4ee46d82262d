#pragma once
// ExtractFiles: one CsvWriter per extract file (units.csv ... training.csv, in entity order)
// plus truth.csv, each opened with its header row — the field names of entity_spec() in order.

#include <array>
#include <filesystem>
#include <map>
#include <memory>
#include <string>

#include "core/entity.h"
#include "core/result.h"
#include "ingest/csv_writer.h"

namespace rasso {

class ExtractFiles {
 public:
  /// Creates `dir` if needed and opens every file in it. Error code "io" on failure.
  static Result<std::unique_ptr<ExtractFiles>> open(const std::filesystem::path& dir);

  CsvWriter& operator[](Entity entity) { return *writers_[static_cast<std::size_t>(entity)]; }
  CsvWriter& truth() { return *truth_; }

  /// Closes every file; the first write error if any. Adds data rows per file to `rows`.
  Status close(std::map<std::string, std::size_t>& rows);

 private:
  std::array<std::unique_ptr<CsvWriter>, kEntitiesInLoadOrder.size()> writers_;
  std::unique_ptr<CsvWriter> truth_;
};

}  // namespace rasso

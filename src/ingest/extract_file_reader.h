#pragma once
// ExtractFileReader: reads one extract file (CSV with a header row, or JSON Lines with one object
// per line) and yields its rows as raw strings in the entity's field order, so validation is the
// same whatever the file format.

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/field_spec.h"
#include "ingest/import_problem.h"

namespace rasso {

struct ExtractRow {
  std::vector<std::string> values;  // raw values in entity_spec() field order ("" when absent)
  std::size_t line = 0;
  /// Set when this row cannot be read as a row (wrong number of fields, malformed JSON object);
  /// the row is then skipped but reading goes on.
  std::optional<ImportProblem> problem;
};

class ExtractFileReader {
 public:
  virtual ~ExtractFileReader() = default;

  enum class Next { Row, End, Fatal };
  /// Reads the next row. On Fatal (unreadable file, CSV syntax broken, bad header), `fatal`
  /// says why and nothing more can be read from the file.
  virtual Next next(ExtractRow& row, ImportProblem& fatal) = 0;

  virtual std::size_t bytes_read() const = 0;
  virtual std::size_t file_size() const = 0;
};

/// Opens `path` (".csv" or ".jsonl") as the extract file of `spec`. A problem with the header
/// (missing required column, unknown or repeated column, empty file) is returned as the first
/// Fatal of next().
std::unique_ptr<ExtractFileReader> open_extract_file(const std::filesystem::path& path, const EntitySpec& spec);

}  // namespace rasso

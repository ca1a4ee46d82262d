#pragma once
// CsvReader: streams an RFC 4180 CSV file (UTF-8, header row, fields optionally quoted, quoted
// fields may hold commas, quotes and line breaks) record by record with bounded memory, using
// libcsv in strict mode. Each record carries the physical line it started on, for error messages.

#include <cstdio>
#include <deque>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "core/result.h"

struct csv_parser;

namespace rasso {

struct CsvRecord {
  std::vector<std::string> fields;
  std::size_t line = 0;  // 1-based physical line on which the record starts
};

class CsvReader {
 public:
  /// Opens `path` for reading. Error code "io" if it cannot be opened.
  static Result<std::unique_ptr<CsvReader>> open(const std::filesystem::path& path);
  ~CsvReader();
  CsvReader(const CsvReader&) = delete;
  CsvReader& operator=(const CsvReader&) = delete;

  /// Reads the next record into `record`. Returns true if a record was read, false at end of
  /// file. Blank lines are skipped. Error code "csv_syntax" (with the line) for malformed CSV,
  /// such as a quote left open or a stray quote inside an unquoted field; "io" on a read error.
  Result<bool> next(CsvRecord& record);

  /// Bytes consumed so far (for progress reporting).
  std::size_t bytes_read() const { return bytes_read_; }
  /// Total size of the file in bytes, or 0 if unknown.
  std::size_t file_size() const { return file_size_; }

 private:
  CsvReader(std::FILE* file, std::filesystem::path path, std::size_t file_size);
  Result<bool> fill();
  static void on_field(void* data, std::size_t length, void* self);
  static void on_record(int terminator, void* self);

  std::FILE* file_;
  std::filesystem::path path_;
  std::unique_ptr<csv_parser> parser_;
  std::deque<CsvRecord> ready_;
  CsvRecord building_;
  bool record_open_ = false;
  std::size_t line_ = 1;
  std::size_t bytes_read_ = 0;
  std::size_t file_size_ = 0;
  bool finished_ = false;
  std::vector<char> buffer_;
};

/// Reads a whole (small) CSV file: the header and the records after it. For reference tables,
/// not for extracts (use CsvReader to stream those).
struct CsvTable {
  std::vector<std::string> header;
  std::vector<CsvRecord> rows;
  /// Index of the column named `name`, or -1.
  int column(std::string_view name) const;
};
Result<CsvTable> read_csv_table(const std::filesystem::path& path);

}  // namespace rasso

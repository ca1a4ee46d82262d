#pragma once
// CsvWriter: writes an RFC 4180 CSV file (UTF-8, "\n" line endings) through a large buffer.
// A field is quoted only when it must be: when it holds a comma, a double quote, CR or LF
// (quotes inside are doubled). Used by the synthetic-data generator and by exports; exports turn
// on formula neutralisation so that a spreadsheet never evaluates a cell that came from data.

#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <span>
#include <string>
#include <string_view>

#include "core/civil_date.h"
#include "core/result.h"

namespace rasso {

struct CsvWriterOptions {
  /// Prefix "'" to any text field that starts with = + - @ TAB or CR, so spreadsheet programs
  /// show it as text instead of evaluating it (OWASP "CSV injection"). Numbers written with
  /// the integer overload are never altered.
  bool neutralise_formulas = false;
  /// Bytes gathered in memory before each write to the file.
  std::size_t buffer_bytes = std::size_t{1} << 20;
};

class CsvWriter {
 public:
  /// Creates (or truncates) `path`. Error code "io" if it cannot be opened for writing.
  static Result<std::unique_ptr<CsvWriter>> open(const std::filesystem::path& path, CsvWriterOptions options = {});
  ~CsvWriter();
  CsvWriter(const CsvWriter&) = delete;
  CsvWriter& operator=(const CsvWriter&) = delete;

  /// Appends one text field to the current row (an empty view is a blank field).
  void field(std::string_view value);
  /// Appends an integer field.
  void field(std::int64_t value);
  /// Appends a date as YYYY-MM-DD.
  void field(CivilDate date);
  /// Appends a blank field.
  void blank() { field(std::string_view{}); }
  /// Ends the current row with "\n".
  void end_row();
  /// Writes a whole row of text fields.
  void write_row(std::span<const std::string_view> fields);
  void write_row(std::span<const std::string> fields);

  /// Rows ended so far (the header counts as a row).
  std::size_t rows() const { return rows_; }

  /// Writes out everything buffered and closes the file. Error code "io" (naming the file) if
  /// any write failed, e.g. a full disk. Further calls after close() do nothing.
  Status close();

 private:
  CsvWriter(std::FILE* file, std::filesystem::path path, CsvWriterOptions options);
  void separate();
  void flush_if_full();
  void flush();

  std::FILE* file_;
  std::filesystem::path path_;
  CsvWriterOptions options_;
  std::string buffer_;
  bool row_started_ = false;
  bool write_failed_ = false;
  std::size_t rows_ = 0;
};

/// `value` as a single CSV field: quoted (inner quotes doubled) only if it holds , " CR or LF.
/// With `neutralise_formulas`, a leading = + - @ TAB or CR is first prefixed with "'".
std::string csv_escape(std::string_view value, bool neutralise_formulas = false);

}  // namespace rasso

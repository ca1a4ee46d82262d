#pragma once
// ExportTable: a table ready to leave the product as CSV or XLSX. Every exporter (KPIs, the case
// list, repeat suspects, worklists) builds one, so formula neutralisation and file writing live in
// one place each (export_csv.h, export_xlsx.h).

#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace rasso {

struct ExportCell {
  enum class Kind { Text, Number, Blank };
  Kind kind = Kind::Blank;
  std::string text;
  double number = 0;

  static ExportCell of_text(std::string value) { return {Kind::Text, std::move(value), 0}; }
  static ExportCell of_number(double value) { return {Kind::Number, {}, value}; }
  static ExportCell blank() { return {}; }
};

struct ExportTable {
  std::string name;                  // sheet name (at most 31 characters in XLSX)
  std::vector<std::string> columns;  // header row
  std::vector<std::vector<ExportCell>> rows;
  /// Lines written above the table in XLSX (and as a separate "notes" sheet): the definition of
  /// repeat suspects in force, the suppression rule, whether names were included.
  std::vector<std::string> notes;
};

/// How an export fills a person column from a person_ref: with a stable pseudonym ("Person
/// P-7F3A2C01"), or with the name when the caller may see names. The caller decides and audits.
using PersonLabel = std::function<std::string(std::string_view person_ref)>;

/// `text` made safe for a spreadsheet: prefixed with "'" when it starts with = + - @ TAB or CR,
/// the same rule as CsvWriter's formula neutralisation, so no cell is ever evaluated as a formula.
std::string neutralise_spreadsheet_text(std::string_view text);

}  // namespace rasso

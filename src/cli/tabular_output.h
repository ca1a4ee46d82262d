#pragma once
// TabularOutput: rows of named columns printed the three ways every listing command offers — an
// aligned table for people, CSV (formula-neutralised, for spreadsheets) and JSON (for scripts).

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace rasso::cli {

struct TabularOutput {
  std::vector<std::string> columns;
  std::vector<std::vector<std::string>> rows;  // each as many cells as columns

  void add(std::vector<std::string> row) { rows.push_back(std::move(row)); }
  /// Prints CSV with a header row; cells starting with = + - @ are neutralised.
  void print_csv() const;
  /// Prints an aligned table (at most `limit` rows, then how many more).
  void print_table(std::size_t limit = 1000000) const;
  /// The rows as an array of objects keyed by column; cells in `numeric_columns` become numbers
  /// when they parse as one.
  nlohmann::json items(const std::vector<std::string>& numeric_columns = {}) const;
};

}  // namespace rasso::cli

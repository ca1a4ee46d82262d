#include "cli/tabular_output.h"

#include <algorithm>
#include <charconv>

#include <fmt/format.h>

#include "ingest/csv_writer.h"

namespace rasso::cli {

void TabularOutput::print_csv() const {
  std::string line;
  for (std::size_t i = 0; i < columns.size(); ++i) line += (i ? "," : "") + csv_escape(columns[i], true);
  fmt::print("{}\n", line);
  for (const auto& row : rows) {
    line.clear();
    for (std::size_t i = 0; i < row.size(); ++i) line += (i ? "," : "") + csv_escape(row[i], true);
    fmt::print("{}\n", line);
  }
}

void TabularOutput::print_table(std::size_t limit) const {
  std::vector<std::size_t> widths(columns.size());
  for (std::size_t i = 0; i < columns.size(); ++i) widths[i] = columns[i].size();
  for (std::size_t r = 0; r < rows.size() && r < limit; ++r) {
    for (std::size_t i = 0; i < rows[r].size() && i < widths.size(); ++i) widths[i] = std::max(widths[i], std::min<std::size_t>(rows[r][i].size(), 60));
  }
  auto print_row = [&](const std::vector<std::string>& cells) {
    std::string line;
    for (std::size_t i = 0; i < cells.size(); ++i) {
      const bool last = i + 1 == cells.size();
      line += last ? cells[i] : fmt::format("{:<{}}  ", cells[i], widths[i]);
    }
    fmt::print("{}\n", line);
  };
  print_row(columns);
  for (std::size_t r = 0; r < rows.size() && r < limit; ++r) print_row(rows[r]);
  if (rows.size() > limit) fmt::print("... and {} more (--limit, --json or --csv for all)\n", rows.size() - limit);
}

nlohmann::json TabularOutput::items(const std::vector<std::string>& numeric_columns) const {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& row : rows) {
    nlohmann::json item = nlohmann::json::object();
    for (std::size_t i = 0; i < columns.size() && i < row.size(); ++i) {
      const bool numeric = std::find(numeric_columns.begin(), numeric_columns.end(), columns[i]) != numeric_columns.end();
      const char* first = row[i].data();
      const char* last = first + row[i].size();
      long long whole = 0;
      double real = 0;
      if (numeric && !row[i].empty()) {
        if (const auto parsed = std::from_chars(first, last, whole); parsed.ec == std::errc() && parsed.ptr == last) {
          item[columns[i]] = whole;
          continue;
        }
        if (const auto parsed = std::from_chars(first, last, real); parsed.ec == std::errc() && parsed.ptr == last) {
          item[columns[i]] = real;
          continue;
        }
      }
      item[columns[i]] = row[i];
    }
    out.push_back(std::move(item));
  }
  return out;
}

}  // namespace rasso::cli

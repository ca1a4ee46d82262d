#include "ingest/reference_data.h"

#include <algorithm>
#include <cstdlib>
#include <set>

#include "ingest/csv_reader.h"

namespace rasso {

std::filesystem::path reference_data_dir() {
  if (const char* overridden = std::getenv("RASSO_DATA_DIR"); overridden != nullptr && *overridden != '\0') {
    return overridden;
  }
  return RASSO_DEFAULT_DATA_DIR;
}

Result<CodeTables> load_code_tables(const std::filesystem::path& data_dir) {
  const std::filesystem::path codes_dir = data_dir / "codes";
  std::error_code error;
  if (!std::filesystem::is_directory(codes_dir, error)) {
    return Error{"reference_data", codes_dir.string() + ": code tables folder not found (set RASSO_DATA_DIR)"};
  }
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(codes_dir)) {
    if (entry.path().extension() == ".csv") files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  CodeTables tables;
  for (const auto& file : files) {
    auto table = read_csv_table(file);
    if (!table) return Error{"reference_data", table.error().message};
    const int code_column = table->column("code");
    const int label_column = table->column("label");
    if (code_column < 0 || label_column < 0) {
      return Error{"reference_data", file.string() + ": needs 'code' and 'label' columns"};
    }
    std::vector<CodeEntry> entries;
    for (const CsvRecord& row : table->rows) {
      if (row.fields.size() != table->header.size()) {
        return Error{"reference_data", file.string() + ": line " + std::to_string(row.line) + " has " +
                                           std::to_string(row.fields.size()) + " fields, the header has " +
                                           std::to_string(table->header.size())};
      }
      CodeEntry entry{row.fields[static_cast<std::size_t>(code_column)], row.fields[static_cast<std::size_t>(label_column)], {}};
      for (std::size_t i = 0; i < row.fields.size(); ++i) {
        if (static_cast<int>(i) != code_column && static_cast<int>(i) != label_column) {
          entry.attributes.emplace(table->header[i], row.fields[i]);
        }
      }
      entries.push_back(std::move(entry));
    }
    std::set<std::string> seen;
    for (const CodeEntry& entry : entries) {
      if (!seen.insert(ascii_upper(entry.code)).second) {
        return Error{"reference_data", file.string() + ": code '" + entry.code + "' appears twice"};
      }
    }
    tables.add(CodeTable(file.stem().string(), std::move(entries)));
  }
  return tables;
}

}  // namespace rasso

#include "reports/export_csv.h"

#include <cmath>
#include <cstdio>

#include "ingest/csv_writer.h"

namespace rasso {

Status write_export_csv(const ExportTable& table, const std::filesystem::path& path) {
  auto writer = CsvWriter::open(path, CsvWriterOptions{true});
  if (!writer) return writer.error();
  for (const std::string& column : table.columns) (*writer)->field(column);
  (*writer)->end_row();
  for (const auto& row : table.rows) {
    for (const ExportCell& cell : row) {
      switch (cell.kind) {
        case ExportCell::Kind::Text: (*writer)->field(cell.text); break;
        case ExportCell::Kind::Blank: (*writer)->blank(); break;
        case ExportCell::Kind::Number:
          if (cell.number == std::floor(cell.number) && std::fabs(cell.number) < 9e15) {
            (*writer)->field(static_cast<std::int64_t>(cell.number));
          } else {
            char text[32];
            std::snprintf(text, sizeof text, "%.6g", cell.number);
            (*writer)->field(std::string_view(text));
          }
          break;
      }
    }
    (*writer)->end_row();
  }
  return (*writer)->close();
}

}  // namespace rasso

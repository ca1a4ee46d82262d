#include "reports/export_xlsx.h"

#include <xlsxwriter.h>

#include <string>

namespace rasso {
namespace {

std::string sheet_name(const std::string& name, std::size_t index) {
  std::string out;
  for (char c : name) out += (c == '[' || c == ']' || c == ':' || c == '*' || c == '?' || c == '/' || c == '\\') ? '_' : c;
  if (out.empty()) out = "Sheet" + std::to_string(index + 1);
  if (out.size() > 31) out.resize(31);
  return out;
}

}  // namespace

Status write_export_xlsx(const std::vector<ExportTable>& tables, const std::filesystem::path& path) {
  lxw_workbook* workbook = workbook_new(path.c_str());
  if (workbook == nullptr) return Error{"io", "cannot create " + path.string()};
  lxw_format* bold = workbook_add_format(workbook);
  format_set_bold(bold);
  for (std::size_t t = 0; t < tables.size(); ++t) {
    const ExportTable& table = tables[t];
    lxw_worksheet* sheet = workbook_add_worksheet(workbook, sheet_name(table.name, t).c_str());
    if (sheet == nullptr) {
      workbook_close(workbook);
      return Error{"io", path.string() + ": cannot add sheet '" + table.name + "'"};
    }
    lxw_row_t row = 0;
    for (const std::string& note : table.notes) {
      worksheet_write_string(sheet, row++, 0, neutralise_spreadsheet_text(note).c_str(), nullptr);
    }
    if (!table.notes.empty()) ++row;
    for (std::size_t c = 0; c < table.columns.size(); ++c) {
      worksheet_write_string(sheet, row, static_cast<lxw_col_t>(c), neutralise_spreadsheet_text(table.columns[c]).c_str(), bold);
    }
    ++row;
    for (const auto& cells : table.rows) {
      for (std::size_t c = 0; c < cells.size(); ++c) {
        const ExportCell& cell = cells[c];
        const auto col = static_cast<lxw_col_t>(c);
        if (cell.kind == ExportCell::Kind::Text) {
          worksheet_write_string(sheet, row, col, neutralise_spreadsheet_text(cell.text).c_str(), nullptr);
        } else if (cell.kind == ExportCell::Kind::Number) {
          worksheet_write_number(sheet, row, col, cell.number, nullptr);
        }
      }
      ++row;
    }
  }
  const lxw_error closed = workbook_close(workbook);
  if (closed != LXW_NO_ERROR) return Error{"io", "cannot write " + path.string() + ": " + lxw_strerror(closed)};
  return ok_status();
}

}  // namespace rasso

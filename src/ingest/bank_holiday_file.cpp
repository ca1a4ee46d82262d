#include "ingest/bank_holiday_file.h"

#include "ingest/csv_reader.h"

namespace rasso {

Result<std::vector<CivilDate>> load_bank_holidays(const std::filesystem::path& data_dir) {
  const auto path = data_dir / "bank_holidays_england_wales.csv";
  auto table = read_csv_table(path);
  if (!table) return table.error();
  const int column = table->column("date");
  if (column < 0) return Error{"reference_data", path.string() + ": needs a date column"};
  std::vector<CivilDate> dates;
  for (const CsvRecord& row : table->rows) {
    const auto date = CivilDate::parse_iso(row.fields.at(static_cast<std::size_t>(column)));
    if (!date) return Error{"reference_data", path.string() + ":" + std::to_string(row.line) + ": not a date"};
    dates.push_back(*date);
  }
  return dates;
}

}  // namespace rasso

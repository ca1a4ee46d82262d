#include "ingest/recommendation_file.h"

#include <set>

#include "core/code_table.h"
#include "ingest/csv_reader.h"
#include "ingest/reference_data.h"

namespace rasso {

std::filesystem::path default_recommendations_file() {
  return reference_data_dir() / "governance" / "hmicfrs-2024-recommendations.csv";
}

bool audience_is_forces(std::string_view audience) {
  const std::string lower = ascii_lower(audience);
  return lower == "all forces" || lower.starts_with("chief constables");
}

Result<std::vector<Recommendation>> read_recommendations_csv(const std::filesystem::path& path, const std::string& source,
                                                             const std::string& id_prefix) {
  auto table = read_csv_table(path);
  if (!table) return table.error();
  const std::string file = path.filename().string();
  const int number = table->column("number"), due = table->column("due"), audience = table->column("for"),
            area = table->column("area"), summary = table->column("summary"), for_forces = table->column("for_forces");
  for (const auto& [name, index] : {std::pair{"number", number}, {"summary", summary}, {"for", audience}}) {
    if (index < 0) return Error{"invalid_input", file + ": needs a '" + std::string(name) + "' column (number, due, for, area, summary)"};
  }
  auto cell = [](const CsvRecord& row, int index) {
    return index < 0 || static_cast<std::size_t>(index) >= row.fields.size() ? std::string() : row.fields[static_cast<std::size_t>(index)];
  };
  std::vector<Recommendation> out;
  std::set<std::string> seen;
  for (const CsvRecord& row : table->rows) {
    const std::string where = file + ":" + std::to_string(row.line) + ": ";
    Recommendation rec;
    rec.number = cell(row, number);
    rec.summary = cell(row, summary);
    if (rec.number.empty()) return Error{"invalid_input", where + "the number is blank"};
    if (rec.summary.empty()) return Error{"invalid_input", where + "the summary is blank"};
    if (!seen.insert(rec.number).second) return Error{"invalid_input", where + "recommendation " + rec.number + " appears twice"};
    const bool numeric = rec.number.find_first_not_of("0123456789") == std::string::npos;
    rec.rec_id = id_prefix + "-" + (numeric && rec.number.size() == 1 ? "0" + rec.number : rec.number);
    rec.source = source;
    rec.audience = cell(row, audience);
    rec.area = cell(row, area);
    const std::string due_text = cell(row, due);
    if (!due_text.empty()) {
      rec.due_date = CivilDate::parse_iso(due_text);
      if (!rec.due_date) return Error{"invalid_input", where + "due '" + due_text + "': " + CivilDate::parse_iso_problem(due_text)};
    }
    const std::string flag = ascii_upper(cell(row, for_forces));
    if (flag.empty()) {
      rec.for_forces = audience_is_forces(rec.audience);
    } else if (flag == "Y" || flag == "N") {
      rec.for_forces = flag == "Y";
    } else {
      return Error{"invalid_input", where + "for_forces '" + flag + "' must be Y or N"};
    }
    out.push_back(std::move(rec));
  }
  return out;
}

}  // namespace rasso

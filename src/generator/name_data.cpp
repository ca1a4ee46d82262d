#include "generator/name_data.h"

#include <algorithm>
#include <charconv>

#include <fmt/format.h>

#include "ingest/csv_reader.h"

namespace rasso {
namespace {

Error data_error(const std::filesystem::path& file, std::string_view problem) {
  return Error{"reference_data", fmt::format("{}: {}", file.string(), problem)};
}

// Reads a names table and finds the named columns; error if any is missing or there are no rows.
struct LoadedTable {
  CsvTable table;
  std::vector<int> columns;
};

Result<LoadedTable> load_table(const std::filesystem::path& file, std::initializer_list<std::string_view> names) {
  auto table = read_csv_table(file);
  if (!table) return data_error(file, table.error().message);
  LoadedTable loaded{std::move(*table), {}};
  for (std::string_view name : names) {
    const int column = loaded.table.column(name);
    if (column < 0) return data_error(file, fmt::format("no column '{}'", name));
    loaded.columns.push_back(column);
  }
  if (loaded.table.rows.empty()) return data_error(file, "no rows");
  return loaded;
}

bool parse_number(std::string_view text, std::uint64_t& value) {
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  return ec == std::errc() && end == text.data() + text.size();
}

const std::string& cell(const CsvRecord& row, int column) {
  static const std::string kEmpty;
  const auto index = static_cast<std::size_t>(column);
  return index < row.fields.size() ? row.fields[index] : kEmpty;
}

Status load_forenames(const std::filesystem::path& dir, NameData& data) {
  const auto file = dir / "forenames.csv";
  auto loaded = load_table(file, {"name", "sex", "count"});
  if (!loaded) return loaded.error();
  for (const CsvRecord& row : loaded->table.rows) {
    NameWeight entry{cell(row, loaded->columns[0]), 0};
    if (!parse_number(cell(row, loaded->columns[2]), entry.weight)) {
      return data_error(file, fmt::format("line {}: count is not a whole number", row.line));
    }
    const std::string& sex = cell(row, loaded->columns[1]);
    if (sex == "M") {
      data.male_forenames.push_back(std::move(entry));
    } else if (sex == "F") {
      data.female_forenames.push_back(std::move(entry));
    } else {
      return data_error(file, fmt::format("line {}: sex must be M or F", row.line));
    }
  }
  if (data.male_forenames.empty() || data.female_forenames.empty()) return data_error(file, "needs names of both sexes");
  return ok_status();
}

Status load_historic(const std::filesystem::path& dir, NameData& data) {
  const auto file = dir / "forenames_historic_top100.csv";
  auto loaded = load_table(file, {"year", "sex", "rank", "name"});
  if (!loaded) return loaded.error();
  struct Ranked {
    std::uint64_t year, rank;
    bool male;
    std::string name;
  };
  std::vector<Ranked> rows;
  for (const CsvRecord& row : loaded->table.rows) {
    Ranked entry{0, 0, cell(row, loaded->columns[1]) == "M", cell(row, loaded->columns[3])};
    if (!parse_number(cell(row, loaded->columns[0]), entry.year) || !parse_number(cell(row, loaded->columns[2]), entry.rank)) {
      return data_error(file, fmt::format("line {}: year and rank must be whole numbers", row.line));
    }
    rows.push_back(std::move(entry));
  }
  std::stable_sort(rows.begin(), rows.end(), [](const Ranked& a, const Ranked& b) {
    return a.year != b.year ? a.year < b.year : a.rank < b.rank;
  });
  for (Ranked& entry : rows) {
    if (data.historic.empty() || data.historic.back().year != static_cast<int>(entry.year)) {
      data.historic.push_back({static_cast<int>(entry.year), {}, {}});
    }
    (entry.male ? data.historic.back().male : data.historic.back().female).push_back(std::move(entry.name));
  }
  for (const HistoricForenames& year : data.historic) {
    if (year.male.empty() || year.female.empty()) return data_error(file, fmt::format("year {} lacks one sex", year.year));
  }
  return ok_status();
}

Status load_surnames(const std::filesystem::path& dir, NameData& data) {
  const auto file = dir / "surnames.csv";
  auto loaded = load_table(file, {"name", "count"});
  if (!loaded) return loaded.error();
  for (const CsvRecord& row : loaded->table.rows) {
    NameWeight entry{cell(row, loaded->columns[0]), 0};
    if (!parse_number(cell(row, loaded->columns[1]), entry.weight)) {
      return data_error(file, fmt::format("line {}: count is not a whole number", row.line));
    }
    data.surnames.push_back(std::move(entry));
  }
  return ok_status();
}

Status load_nicknames(const std::filesystem::path& dir, NameData& data) {
  auto loaded = load_table(dir / "nicknames.csv", {"nickname", "formal"});
  if (!loaded) return loaded.error();
  for (const CsvRecord& row : loaded->table.rows) {
    const std::string& nickname = cell(row, loaded->columns[0]);
    const std::string& formal = cell(row, loaded->columns[1]);
    // Nicknames with dots ("k.c.") are initials, not names a record would carry as a forename.
    if (nickname.empty() || formal.empty() || nickname.find('.') != std::string::npos) continue;
    data.nicknames_by_formal[formal].push_back(nickname);
  }
  return ok_status();
}

Status load_districts(const std::filesystem::path& dir, NameData& data) {
  const auto file = dir / "postcode_districts.csv";
  auto loaded = load_table(file, {"district", "area", "region", "local_authority", "postcode_count"});
  if (!loaded) return loaded.error();
  for (const CsvRecord& row : loaded->table.rows) {
    PostcodeDistrict district{cell(row, loaded->columns[0]), cell(row, loaded->columns[1]),
                              cell(row, loaded->columns[2]), cell(row, loaded->columns[3]), 0};
    if (!parse_number(cell(row, loaded->columns[4]), district.postcode_count)) {
      return data_error(file, fmt::format("line {}: postcode_count is not a whole number", row.line));
    }
    data.districts.push_back(std::move(district));
  }
  return ok_status();
}

}  // namespace

Result<NameData> load_name_data(const std::filesystem::path& names_dir) {
  NameData data;
  for (auto loader : {load_forenames, load_historic, load_surnames, load_nicknames, load_districts}) {
    if (Status status = loader(names_dir, data); !status) return status.error();
  }
  return data;
}

}  // namespace rasso

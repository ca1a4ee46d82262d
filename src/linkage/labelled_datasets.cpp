#include "linkage/labelled_datasets.h"

#include <algorithm>
#include <string_view>

#include <fmt/format.h>

namespace rasso::linkage {
namespace {

std::string trimmed(std::string_view text) {
  const auto first = text.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return {};
  const auto last = text.find_last_not_of(" \t\r\n");
  return std::string(text.substr(first, last - first + 1));
}

// Cell access by column name; "" when the column or the cell is absent.
class Columns {
 public:
  explicit Columns(const std::vector<std::string>& header) {
    for (const std::string& name : header) names_.push_back(trimmed(name));
  }
  std::string get(const std::vector<std::string>& row, std::string_view name) const {
    const auto found = std::find(names_.begin(), names_.end(), name);
    const auto column = static_cast<std::size_t>(found - names_.begin());
    return found == names_.end() || column >= row.size() ? std::string() : trimmed(row[column]);
  }

 private:
  std::vector<std::string> names_;
};

bool all_digits(std::string_view text) {
  return std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::string iso_from_compact(const std::string& yyyymmdd) {
  if (yyyymmdd.size() != 8 || !all_digits(yyyymmdd)) return {};
  return yyyymmdd.substr(0, 4) + "-" + yyyymmdd.substr(4, 2) + "-" + yyyymmdd.substr(6, 2);
}

std::string iso_from_parts(const std::string& year, const std::string& month, const std::string& day) {
  if (year.empty() || month.empty() || day.empty() || !all_digits(year) || !all_digits(month) || !all_digits(day)) {
    return {};
  }
  return fmt::format("{:0>4}-{:0>2}-{:0>2}", year, month, day);
}

// "rec-12-dup-3" and "rec-12-org" -> "12".
std::string febrl_entity(const std::string& rec_id) {
  const std::size_t start = rec_id.find('-');
  if (start == std::string::npos) return rec_id;
  const std::size_t end = rec_id.find('-', start + 1);
  return rec_id.substr(start + 1, end == std::string::npos ? std::string::npos : end - start - 1);
}

std::string joined(const std::string& first, const std::string& second) {
  if (second.empty()) return first;
  if (first.empty()) return second;
  return first + " " + second;
}

}  // namespace

LabelledPersons labelled_from_febrl(const std::vector<std::string>& header,
                                    const std::vector<std::vector<std::string>>& rows) {
  const Columns columns(header);
  LabelledPersons labelled;
  labelled.records.reserve(rows.size());
  for (const auto& row : rows) {
    PersonRecord record;
    record.person_ref = columns.get(row, "rec_id");
    record.forename = columns.get(row, "given_name");
    record.surname = columns.get(row, "surname");
    record.postcode = columns.get(row, "postcode");
    record.dob = iso_from_compact(columns.get(row, "date_of_birth"));
    labelled.true_id_by_ref[record.person_ref] = febrl_entity(record.person_ref);
    labelled.records.push_back(std::move(record));
  }
  return labelled;
}

LabelledPersons labelled_from_rldata(const std::vector<std::string>& header,
                                     const std::vector<std::vector<std::string>>& rows) {
  const Columns columns(header);
  LabelledPersons labelled;
  labelled.records.reserve(rows.size());
  for (const auto& row : rows) {
    PersonRecord record;
    record.person_ref = columns.get(row, "rec_id");
    record.forename = columns.get(row, "fname_c1");
    record.middle_names = columns.get(row, "fname_c2");
    record.surname = joined(columns.get(row, "lname_c1"), columns.get(row, "lname_c2"));
    record.dob = iso_from_parts(columns.get(row, "by"), columns.get(row, "bm"), columns.get(row, "bd"));
    labelled.true_id_by_ref[record.person_ref] = columns.get(row, "ent_id");
    labelled.records.push_back(std::move(record));
  }
  return labelled;
}

LabelledPersons labelled_from_splink_fake(const std::vector<std::string>& header,
                                          const std::vector<std::vector<std::string>>& rows) {
  const Columns columns(header);
  LabelledPersons labelled;
  labelled.records.reserve(rows.size());
  for (const auto& row : rows) {
    PersonRecord record;
    record.person_ref = columns.get(row, "unique_id");
    record.forename = columns.get(row, "first_name");
    record.surname = columns.get(row, "surname");
    record.dob = columns.get(row, "dob");
    labelled.true_id_by_ref[record.person_ref] = columns.get(row, "cluster");
    labelled.records.push_back(std::move(record));
  }
  return labelled;
}

void append_labelled(LabelledPersons& into, LabelledPersons more) {
  into.records.insert(into.records.end(), std::make_move_iterator(more.records.begin()),
                      std::make_move_iterator(more.records.end()));
  into.true_id_by_ref.merge(more.true_id_by_ref);
}

}  // namespace rasso::linkage

#include "linkage/person_record.h"

#include <array>
#include <optional>
#include <string_view>

#include "core/entity.h"
#include "core/field_spec.h"

namespace rasso::linkage {
namespace {

// The PersonRecord members in the order they are looked up in the persons field spec.
constexpr std::array<std::string_view, 10> kColumns = {
    "person_ref", "force_code", "forename", "middle_names", "surname", "dob", "sex", "postcode", "pnc_id", "cro_number",
};

std::string* member_for(PersonRecord& record, std::size_t column) {
  std::array<std::string*, kColumns.size()> members = {
      &record.person_ref, &record.force_code, &record.forename, &record.middle_names, &record.surname,
      &record.dob,        &record.sex,        &record.postcode, &record.pnc_id,       &record.cro_number,
  };
  return members[column];
}

}  // namespace

std::vector<PersonRecord> person_records_from_rows(const std::vector<std::vector<std::string>>& rows) {
  const EntitySpec& spec = entity_spec(Entity::Persons);
  std::array<std::optional<std::size_t>, kColumns.size()> cell_of{};
  for (std::size_t column = 0; column < kColumns.size(); ++column) cell_of[column] = spec.index_of(kColumns[column]);

  std::vector<PersonRecord> records;
  records.reserve(rows.size());
  for (const std::vector<std::string>& row : rows) {
    PersonRecord& record = records.emplace_back();
    for (std::size_t column = 0; column < kColumns.size(); ++column) {
      const std::optional<std::size_t> cell = cell_of[column];
      if (cell && *cell < row.size()) *member_for(record, column) = row[*cell];
    }
  }
  return records;
}

}  // namespace rasso::linkage

#pragma once
// PersonRecord: one person record as written in one source record (DESIGN.md §3), the input to
// identity resolution. Plain strings, exactly as the store or an extract file holds them; every
// cleaning step happens later, in the linkage engine, so the original text is always available
// for explanations and review.

#include <string>
#include <vector>

namespace rasso::linkage {

struct PersonRecord {
  std::string person_ref;  // the record's key; must be unique within one linkage run
  std::string force_code;
  std::string forename;  // as written; may hold "Mr Robert James" or be blank
  std::string middle_names;
  std::string surname;     // as written; may hold "SMITH, Robert James"
  std::string dob;         // YYYY-MM-DD or empty
  std::string sex;         // M, F, U or empty
  std::string postcode;    // full ("B15 2TT") or outward code only ("B15"), or empty
  std::string pnc_id;      // YYYY/NNNNNNNL or YY/NNNNNNNL, or empty
  std::string cro_number;  // NNNNNN/YYL, or empty
};

/// Maps rows whose cells are in the column order of entity_spec(Entity::Persons).fields (the
/// persons.csv / persons table order) to PersonRecords. Columns the linkage does not use
/// (ethnicity, disability, address) are skipped; a row shorter than the spec leaves the missing
/// trailing fields empty. Never fails.
std::vector<PersonRecord> person_records_from_rows(const std::vector<std::vector<std::string>>& rows);

}  // namespace rasso::linkage

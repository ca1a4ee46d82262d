#pragma once
// Data quality of person records (DOMAIN.md §9; HMICFRS 2024 rec 12 asks for lower error rates on
// national systems): missing fields by source, PNC IDs whose check character fails, one PNC ID
// carried with different dates of birth, and likely duplicates within one source system (records
// identity resolution put in one person that the same force holds more than once). Pure.

#include <cstdint>
#include <map>
#include <string>
#include <unordered_map>
#include <vector>

namespace rasso {

struct FieldCompleteness {
  std::string field;
  std::size_t missing = 0;
  std::size_t total = 0;
  double missing_rate() const { return total == 0 ? 0.0 : static_cast<double>(missing) / static_cast<double>(total); }
};

struct SourceQuality {
  std::string source;  // force code, or "(none)"
  std::size_t records = 0;
  std::vector<FieldCompleteness> fields;  // forename, surname, dob, sex, ethnicity, postcode, pnc_id
  std::size_t invalid_pnc_check = 0;
  std::size_t likely_duplicates = 0;  // records beyond the first of one resolved person in this source
};

struct PncConflict {
  std::string pnc_id;
  std::vector<std::string> dates_of_birth;  // distinct, sorted
  std::vector<std::string> person_refs;
};

struct DataQualityReport {
  std::size_t person_records = 0;
  std::vector<SourceQuality> sources;  // by source code
  std::vector<PncConflict> pnc_conflicts;
  std::size_t invalid_pnc_check = 0;
  std::size_t likely_duplicates = 0;
  bool resolution_available = false;
};

/// Assesses person rows (entity_spec(Persons) column order) with the latest resolution
/// (person_ref -> resolved id; may be empty, then duplicates are not counted).
DataQualityReport assess_person_data_quality(const std::vector<std::vector<std::string>>& person_rows,
                                             const std::unordered_map<std::string, std::uint64_t>& resolved);

}  // namespace rasso

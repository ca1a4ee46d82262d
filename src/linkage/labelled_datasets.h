#pragma once
// Conversion of the labelled public record-linkage data sets in ../shared/data/linkage/ (their
// READMEs describe them) to PersonRecords plus the truth (person_ref -> true id), so accuracy
// can be measured on data nobody here generated. Pure: the caller reads the CSV files.
//
//   FEBRL dataset1-4   rec_id, given_name, surname, postcode (Australian, kept as a district),
//                      date_of_birth YYYYMMDD; truth = the N of rec-N-org / rec-N-dup-k.
//                      Addresses and soc_sec_id are not person-record fields here and are left out.
//   RLdata500/10000    fname_c1 (+ fname_c2 as middle name), lname_c1 (+ lname_c2 as a second
//                      surname word), by/bm/bd; truth = ent_id.
//   Splink fake_1000   first_name, surname, dob; truth = cluster. City and e-mail are left out.
// Values are trimmed (FEBRL pads them with a space). Missing columns leave fields blank.

#include <string>
#include <unordered_map>
#include <vector>

#include "linkage/person_record.h"

namespace rasso::linkage {

struct LabelledPersons {
  std::vector<PersonRecord> records;
  std::unordered_map<std::string, std::string> true_id_by_ref;
};

/// Each takes the header row and the data rows of one file, as read from CSV.
LabelledPersons labelled_from_febrl(const std::vector<std::string>& header,
                                    const std::vector<std::vector<std::string>>& rows);
LabelledPersons labelled_from_rldata(const std::vector<std::string>& header,
                                     const std::vector<std::vector<std::string>>& rows);
LabelledPersons labelled_from_splink_fake(const std::vector<std::string>& header,
                                          const std::vector<std::vector<std::string>>& rows);

/// Appends `more` to `into` (e.g. FEBRL dataset4a + dataset4b, linked as one set).
void append_labelled(LabelledPersons& into, LabelledPersons more);

}  // namespace rasso::linkage

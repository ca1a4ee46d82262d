#pragma once
// TableLinks: the row each reference in the extract tables points at (an involvement's crime and
// person, an arrest's crime, a breach's bail period or order, ...), worked out once for a state of
// the tables and then read by any number of passes, so those passes compare no strings. A link
// is kNoRow when the reference is blank or names no row (a partial extract).
//
// Pure: no I/O. The links are rows of the tables they were made from; they go stale as soon as a
// table is reordered or a row added (fits() catches only a change in a table's size).

#include <cstddef>
#include <vector>

#include "core/extract_records.h"
#include "core/ref_index.h"

namespace rasso {

struct TableLinks {
  // Each vector has one entry per row of the table its name starts with.
  std::vector<RowIndex> crime_officer;       // crimes[i].officer_ref -> officers
  std::vector<RowIndex> involvement_crime;   // involvements[i].crime_ref -> crimes
  std::vector<RowIndex> involvement_person;  // involvements[i].person_ref -> persons
  std::vector<RowIndex> arrest_crime;        // arrests[i].crime_ref -> crimes
  std::vector<RowIndex> bail_arrest;         // bail_periods[i].arrest_ref -> arrests
  std::vector<RowIndex> order_crime;         // orders[i].crime_ref -> crimes
  std::vector<RowIndex> breach_bail;         // breaches[i].bail_ref -> bail_periods
  std::vector<RowIndex> breach_order;        // breaches[i].order_ref -> orders
  std::vector<RowIndex> contact_crime;       // victim_contacts[i].crime_ref -> crimes
  std::vector<RowIndex> biometric_arrest;    // biometrics[i].arrest_ref -> arrests
  std::vector<RowIndex> training_officer;    // training[i].officer_ref -> officers
  /// Non-blank references that named no row.
  std::size_t unresolved_references = 0;

  /// Whether every vector has one entry per row of the matching table of `tables`.
  bool fits(const ExtractTables& tables) const;
};

/// Links every reference of `tables`. Uses two threads; extracts list child rows grouped and in
/// their parents' order, so most references are found by trying the rows after the last one found
/// before any hash index is built.
TableLinks link_tables(const ExtractTables& tables);

}  // namespace rasso

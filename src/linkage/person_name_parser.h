#pragma once
// Splitting of the name fields of a person record into forename, middle names and surname as
// they would have been entered by a careful clerk, in folded form (fold_to_ascii_upper):
//   forename "Mr Robert James", surname "Smith"     -> ROBERT / JAMES / SMITH
//   forename "",  surname "SMITH, Robert James"     -> ROBERT / JAMES / SMITH
//   forename "Zoë", surname "O'Brien-Smith Jnr"     -> ZOE / "" / OBRIEN SMITH

#include <string>
#include <string_view>

namespace rasso::linkage {

struct ParsedName {
  std::string forename;      // first forename, folded; "" when none
  std::string middle_names;  // remaining forenames, folded and space-separated; "" when none
  std::string surname;       // whole surname, folded; a double-barrelled name keeps both parts
                             // separated by one space ("SMITH JONES"); "" when none
};

/// Parses the three name fields as written. Rules, in order:
///  - a comma in the surname field means "SURNAME, Forenames": the text before the comma is the
///    surname, and the text after it supplies the forenames when the forename field is blank;
///  - titles (Mr, Mrs, Ms, Miss, Mx, Dr, Prof, Rev, Sir, Dame, Lord, Lady, Fr, Master) are removed
///    from the start of the forename and surname fields, and generational suffixes (Jr, Jnr, Sr,
///    Snr, II, III, IV) from the end of the surname field;
///  - the first word of the forenames is the forename; the other words come before the middle
///    names field's words in middle_names. A blank forename stays blank even when middle names
///    are present.
/// Never fails.
ParsedName parse_person_name(std::string_view forename, std::string_view middle_names, std::string_view surname);

}  // namespace rasso::linkage

#pragma once
// PreparedPerson: a person record cleaned and reduced, once, to the compact form every blocking
// rule and comparison reads (names as interned ids, date of birth as numbers, identifiers in
// one canonical spelling), so that comparing millions of pairs allocates nothing.
// PreparedPeople holds them with the tables their ids refer to.

#include <cstdint>
#include <memory>
#include <span>
#include <string_view>
#include <vector>

#include "linkage/name_table.h"
#include "linkage/person_record.h"
#include "linkage/string_interner.h"

namespace rasso::linkage {

/// A date of birth as recorded (not necessarily a real calendar date: 1985-02-30 is kept so
/// that a typo can still be compared); year 0 = missing.
struct BirthDate {
  std::uint16_t year = 0;
  std::uint8_t month = 0;
  std::uint8_t day = 0;

  bool known() const { return year != 0; }
  bool operator==(const BirthDate&) const = default;
};

/// Parses "YYYY-MM-DD" with year 1800-2199, month 1-12 and day 1-31; anything else is missing.
BirthDate parse_birth_date(std::string_view text);

enum class RecordedSex : std::uint8_t { Unknown, Male, Female };

/// "M"/"MALE" and "F"/"FEMALE" (any case); anything else, including "U", is Unknown.
RecordedSex parse_recorded_sex(std::string_view text);

/// A PNC ID in one spelling for matching: "YY/NNNNNNNL" (a YYYY/ year is cut to its last two
/// digits, as the check character only depends on those). Returns "" for a value that is not
/// PNC-shaped or whose check character is wrong — a mistyped PNC ID must not split or join
/// people, so it counts as missing (data quality reports it).
std::string canonical_pnc_id(std::string_view text);

/// A CRO number upper-cased and trimmed, or "" if it is not CRO-shaped.
std::string canonical_cro_number(std::string_view text);

/// A postcode normalised (normalise_postcode) and its district (outward code): "b15 2tt" ->
/// {"B15 2TT", "B15"}; an outward code alone gives {"", "B15"}; unusable text gives {"", ""}.
struct PostcodeParts {
  std::string full;
  std::string district;
};
PostcodeParts split_postcode(std::string_view text);

struct PreparedPerson {
  NameId forename = kNoName;
  NameId middle = kNoName;   // first middle name
  NameId surname = kNoName;  // whole surname; its words are NameTable::parts()
  BirthDate dob;
  RecordedSex sex = RecordedSex::Unknown;
  std::uint32_t postcode = 0;  // ids in PreparedPeople::codes(); 0 = missing
  std::uint32_t district = 0;
  std::uint32_t pnc = 0;
  std::uint32_t cro = 0;
};

class PreparedPeople {
 public:
  explicit PreparedPeople(std::shared_ptr<const NicknameIndex> nicknames);

  /// Cleans `records` (parse_person_name, fold_to_ascii_upper, the parsers above) on `threads`
  /// threads and appends them, so that people()[size() before + k] is records[k]. The result
  /// does not depend on `threads`. Not thread-safe.
  void append(std::span<const PersonRecord> records, std::size_t threads = 2);

  std::span<const PreparedPerson> people() const { return people_; }
  const PreparedPerson& operator[](std::size_t index) const { return people_[index]; }
  std::size_t size() const { return people_.size(); }

  const NameTable& names() const { return names_; }
  /// Postcodes, districts, PNC IDs and CRO numbers share one table of ids.
  const StringInterner& codes() const { return codes_; }

 private:
  struct CleanedRecord;
  static CleanedRecord clean(const PersonRecord& record);
  void intern(const CleanedRecord& record);

  NameTable names_;
  StringInterner codes_;
  std::vector<PreparedPerson> people_;
};

}  // namespace rasso::linkage

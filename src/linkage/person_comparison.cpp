#include "linkage/person_comparison.h"

#include <array>

#include "linkage/jaro_winkler.h"
#include "linkage/parallel_ranges.h"
#include "linkage/record_pair.h"

namespace rasso::linkage {
namespace {

constexpr double kHighSimilarity = 0.92;
constexpr double kMediumSimilarity = 0.80;
constexpr double kSwappedSimilarity = 0.90;

bool similar_names(NameId x, NameId y, const NameTable& names) {
  return x == y || jaro_winkler(names.text(x), names.text(y)) >= kSwappedSimilarity;
}

// Forename and surname entered in each other's fields, possibly with a typo as well.
bool names_swapped(const PreparedPerson& a, const PreparedPerson& b, const NameTable& names) {
  if (a.forename == kNoName || a.surname == kNoName || b.forename == kNoName || b.surname == kNoName) return false;
  return similar_names(a.forename, b.surname, names) && similar_names(a.surname, b.forename, names);
}

ForenameLevel compare_forenames(const PreparedPerson& a, const PreparedPerson& b, const NameTable& names) {
  if (a.forename == kNoName || b.forename == kNoName) return ForenameLevel::Missing;
  if (a.forename == b.forename) return ForenameLevel::Exact;
  if (names.nickname_equivalent(a.forename, b.forename)) return ForenameLevel::Nickname;
  const double similarity = jaro_winkler(names.text(a.forename), names.text(b.forename));
  if (similarity >= kHighSimilarity) return ForenameLevel::JaroWinkler92;
  if (similarity >= kMediumSimilarity) return ForenameLevel::JaroWinkler80;
  return ForenameLevel::Different;
}

bool contains(std::span<const NameId> words, NameId name) {
  for (NameId word : words) {
    if (word == name) return true;
  }
  return false;
}

bool share_a_word(NameId a, NameId b, const NameTable& names) {
  const std::span<const NameId> words_a = names.parts(a);
  const std::span<const NameId> words_b = names.parts(b);
  if (contains(words_a, b) || contains(words_b, a)) return true;
  for (NameId word : words_a) {
    if (contains(words_b, word)) return true;
  }
  return false;
}

SurnameLevel compare_surnames(const PreparedPerson& a, const PreparedPerson& b, const NameTable& names) {
  if (a.surname == kNoName || b.surname == kNoName) return SurnameLevel::Missing;
  if (a.surname == b.surname) return SurnameLevel::Exact;
  if (share_a_word(a.surname, b.surname, names)) return SurnameLevel::DoubleBarrelPart;
  const double similarity = jaro_winkler(names.text(a.surname), names.text(b.surname));
  if (similarity >= kHighSimilarity) return SurnameLevel::JaroWinkler92;
  if (similarity >= kMediumSimilarity) return SurnameLevel::JaroWinkler80;
  return SurnameLevel::Different;
}

std::array<std::uint8_t, 8> digits_of(const BirthDate& date) {
  return {static_cast<std::uint8_t>(date.year / 1000 % 10), static_cast<std::uint8_t>(date.year / 100 % 10),
          static_cast<std::uint8_t>(date.year / 10 % 10),   static_cast<std::uint8_t>(date.year % 10),
          static_cast<std::uint8_t>(date.month / 10),       static_cast<std::uint8_t>(date.month % 10),
          static_cast<std::uint8_t>(date.day / 10),         static_cast<std::uint8_t>(date.day % 10)};
}

// One digit substituted, or two adjacent digits transposed, in YYYYMMDD.
bool one_digit_apart(const BirthDate& a, const BirthDate& b) {
  const auto digits_a = digits_of(a);
  const auto digits_b = digits_of(b);
  std::size_t first = digits_a.size();
  std::size_t differing = 0;
  for (std::size_t k = 0; k < digits_a.size(); ++k) {
    if (digits_a[k] == digits_b[k]) continue;
    if (differing == 0) first = k;
    ++differing;
  }
  if (differing == 1) return true;
  return differing == 2 && first + 1 < digits_a.size() && digits_a[first] == digits_b[first + 1] &&
         digits_a[first + 1] == digits_b[first] && digits_a[first + 1] != digits_b[first + 1];
}

PostcodeLevel compare_postcodes(const PreparedPerson& a, const PreparedPerson& b) {
  if (a.district == 0 || b.district == 0) return PostcodeLevel::Missing;
  if (a.postcode != 0 && a.postcode == b.postcode) return PostcodeLevel::Exact;
  if (a.district == b.district) return PostcodeLevel::SameDistrict;
  return PostcodeLevel::Different;
}

IdentifierLevel compare_identifiers(std::uint32_t a, std::uint32_t b) {
  if (a == 0 || b == 0) return IdentifierLevel::Missing;
  return a == b ? IdentifierLevel::Exact : IdentifierLevel::Different;
}

SexLevel compare_sexes(RecordedSex a, RecordedSex b) {
  if (a == RecordedSex::Unknown || b == RecordedSex::Unknown) return SexLevel::Missing;
  return a == b ? SexLevel::Same : SexLevel::Different;
}

}  // namespace

DobLevel compare_birth_dates(const BirthDate& a, const BirthDate& b) {
  if (!a.known() || !b.known()) return DobLevel::Missing;
  if (a == b) return DobLevel::Exact;
  if (a.year == b.year && a.month == b.day && a.day == b.month) return DobLevel::DayMonthSwapped;
  if (one_digit_apart(a, b)) return DobLevel::OneDigit;
  if (a.year == b.year) return DobLevel::SameYear;
  return DobLevel::Different;
}

ComparisonVector compare_people(const PreparedPerson& a, const PreparedPerson& b, const NameTable& names) {
  ComparisonVector vector;
  const ForenameLevel forename = compare_forenames(a, b, names);
  const SurnameLevel surname = compare_surnames(a, b, names);
  // Swapped names are only looked for when the names disagree as entered.
  const bool forenames_disagree = forename == ForenameLevel::JaroWinkler80 || forename == ForenameLevel::Different;
  const bool surnames_disagree = surname == SurnameLevel::JaroWinkler80 || surname == SurnameLevel::Different;
  if (forenames_disagree && surnames_disagree && names_swapped(a, b, names)) {
    vector[Field::Forename] = static_cast<Level>(ForenameLevel::SwappedWithSurname);
    vector[Field::Surname] = static_cast<Level>(SurnameLevel::SwappedWithForename);
  } else {
    vector[Field::Forename] = static_cast<Level>(forename);
    vector[Field::Surname] = static_cast<Level>(surname);
  }
  vector[Field::DateOfBirth] = static_cast<Level>(compare_birth_dates(a.dob, b.dob));
  vector[Field::Sex] = static_cast<Level>(compare_sexes(a.sex, b.sex));
  vector[Field::Postcode] = static_cast<Level>(compare_postcodes(a, b));
  vector[Field::PncId] = static_cast<Level>(compare_identifiers(a.pnc, b.pnc));
  vector[Field::CroNumber] = static_cast<Level>(compare_identifiers(a.cro, b.cro));
  return vector;
}

std::vector<std::uint32_t> comparison_patterns(const PreparedPeople& people, std::span<const std::uint64_t> pairs,
                                               std::size_t threads) {
  std::vector<std::uint32_t> patterns(pairs.size());
  run_in_parallel_ranges(pairs.size(), threads, [&](std::size_t begin, std::size_t end, std::size_t) {
    for (std::size_t k = begin; k < end; ++k) {
      const PreparedPerson& a = people[pair_first(pairs[k])];
      const PreparedPerson& b = people[pair_second(pairs[k])];
      patterns[k] = pattern_index(compare_people(a, b, people.names()));
    }
  });
  return patterns;
}

}  // namespace rasso::linkage

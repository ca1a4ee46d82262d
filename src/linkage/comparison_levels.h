#pragma once
// The comparison levels of the Fellegi-Sunter model: for each field, the ordered ways two
// records can agree or disagree on it. Level 0 of every field is "missing" (either record has
// no value), which carries no evidence either way. A ComparisonVector holds one level per field;
// its pattern index packs the levels into one integer so that pairs can be counted by pattern.

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace rasso::linkage {

enum class Field : std::uint8_t { Forename, Surname, DateOfBirth, Sex, Postcode, PncId, CroNumber };
inline constexpr std::size_t kFieldCount = 7;
inline constexpr std::array<Field, kFieldCount> kFields = {
    Field::Forename, Field::Surname, Field::DateOfBirth, Field::Sex, Field::Postcode, Field::PncId, Field::CroNumber,
};

using Level = std::uint8_t;
inline constexpr Level kMissingLevel = 0;

enum class ForenameLevel : Level {
  Missing,
  Exact,
  Nickname,
  SwappedWithSurname,
  JaroWinkler92,
  JaroWinkler80,
  Different,
  Count
};
enum class SurnameLevel : Level {
  Missing,
  Exact,
  SwappedWithForename,
  DoubleBarrelPart,
  JaroWinkler92,
  JaroWinkler80,
  Different,
  Count
};
enum class DobLevel : Level { Missing, Exact, DayMonthSwapped, OneDigit, SameYear, Different, Count };
enum class SexLevel : Level { Missing, Same, Different, Count };
enum class PostcodeLevel : Level { Missing, Exact, SameDistrict, Different, Count };
enum class IdentifierLevel : Level { Missing, Exact, Different, Count };  // PNC ID and CRO number

/// Number of levels of each field, "missing" included, in kFields order.
inline constexpr std::array<std::size_t, kFieldCount> kLevelCounts = {
    static_cast<std::size_t>(ForenameLevel::Count),   static_cast<std::size_t>(SurnameLevel::Count),
    static_cast<std::size_t>(DobLevel::Count),        static_cast<std::size_t>(SexLevel::Count),
    static_cast<std::size_t>(PostcodeLevel::Count),   static_cast<std::size_t>(IdentifierLevel::Count),
    static_cast<std::size_t>(IdentifierLevel::Count),
};
inline constexpr std::size_t level_count(Field field) { return kLevelCounts[static_cast<std::size_t>(field)]; }
/// Most levels of any field; per-level tables are sized by it.
inline constexpr std::size_t kMaxLevels = 8;
static_assert(static_cast<std::size_t>(SurnameLevel::Count) <= kMaxLevels &&
              static_cast<std::size_t>(ForenameLevel::Count) <= kMaxLevels);

/// False for the levels that carry no evidence of their own: "missing", and the surname's
/// swapped_with_forename — a swap is one event, and its evidence (the pair agrees on both names)
/// is counted once, on the forename's swapped_with_surname level. Such levels weigh 0 and EM
/// skips them.
inline constexpr bool carries_evidence(Field field, Level level) {
  if (level == kMissingLevel) return false;
  return !(field == Field::Surname && level == static_cast<Level>(SurnameLevel::SwappedWithForename));
}

/// Stable snake_case names, as shown in explanations and JSON ("forename", "nickname").
std::string_view field_name(Field field);
std::string_view level_name(Field field, Level level);

/// Level of the last ("else") rung of a field: the values are present and disagree.
Level different_level(Field field);

struct ComparisonVector {
  std::array<Level, kFieldCount> levels{};

  Level operator[](Field field) const { return levels[static_cast<std::size_t>(field)]; }
  Level& operator[](Field field) { return levels[static_cast<std::size_t>(field)]; }
  bool operator==(const ComparisonVector&) const = default;
};

/// Number of distinct comparison vectors (the product of the level counts).
inline constexpr std::size_t pattern_count() {
  std::size_t count = 1;
  for (std::size_t levels : kLevelCounts) count *= levels;
  return count;
}

/// A comparison vector packed into [0, pattern_count()) (mixed radix, first field most
/// significant), and back.
inline std::uint32_t pattern_index(const ComparisonVector& vector) {
  std::uint32_t index = 0;
  for (std::size_t k = 0; k < kFieldCount; ++k) {
    index = index * static_cast<std::uint32_t>(kLevelCounts[k]) + vector.levels[k];
  }
  return index;
}
ComparisonVector pattern_levels(std::uint32_t pattern);

}  // namespace rasso::linkage

#include "linkage/comparison_levels.h"

#include <span>

namespace rasso::linkage {
namespace {

constexpr std::string_view kForenameLevels[] = {
    "missing", "exact", "nickname", "swapped_with_surname", "jaro_winkler_0.92", "jaro_winkler_0.80", "different"};
constexpr std::string_view kSurnameLevels[] = {
    "missing",           "exact",    "swapped_with_forename", "double_barrel_part", "jaro_winkler_0.92",
    "jaro_winkler_0.80", "different"};
constexpr std::string_view kDobLevels[] = {"missing",   "exact",     "day_month_swapped",
                                           "one_digit", "same_year", "different"};
constexpr std::string_view kSexLevels[] = {"missing", "same", "different"};
constexpr std::string_view kPostcodeLevels[] = {"missing", "exact", "same_district", "different"};
constexpr std::string_view kIdentifierLevels[] = {"missing", "exact", "different"};

static_assert(std::size(kForenameLevels) == static_cast<std::size_t>(ForenameLevel::Count));
static_assert(std::size(kSurnameLevels) == static_cast<std::size_t>(SurnameLevel::Count));
static_assert(std::size(kDobLevels) == static_cast<std::size_t>(DobLevel::Count));
static_assert(std::size(kSexLevels) == static_cast<std::size_t>(SexLevel::Count));
static_assert(std::size(kPostcodeLevels) == static_cast<std::size_t>(PostcodeLevel::Count));
static_assert(std::size(kIdentifierLevels) == static_cast<std::size_t>(IdentifierLevel::Count));

std::span<const std::string_view> level_names(Field field) {
  switch (field) {
    case Field::Forename: return kForenameLevels;
    case Field::Surname: return kSurnameLevels;
    case Field::DateOfBirth: return kDobLevels;
    case Field::Sex: return kSexLevels;
    case Field::Postcode: return kPostcodeLevels;
    case Field::PncId:
    case Field::CroNumber: return kIdentifierLevels;
  }
  return {};
}

}  // namespace

std::string_view field_name(Field field) {
  switch (field) {
    case Field::Forename: return "forename";
    case Field::Surname: return "surname";
    case Field::DateOfBirth: return "dob";
    case Field::Sex: return "sex";
    case Field::Postcode: return "postcode";
    case Field::PncId: return "pnc_id";
    case Field::CroNumber: return "cro_number";
  }
  return "unknown";
}

std::string_view level_name(Field field, Level level) {
  const std::span<const std::string_view> names = level_names(field);
  return level < names.size() ? names[level] : "unknown";
}

Level different_level(Field field) { return static_cast<Level>(level_count(field) - 1); }

ComparisonVector pattern_levels(std::uint32_t pattern) {
  ComparisonVector vector;
  for (std::size_t k = kFieldCount; k-- > 0;) {
    const auto radix = static_cast<std::uint32_t>(kLevelCounts[k]);
    vector.levels[k] = static_cast<Level>(pattern % radix);
    pattern /= radix;
  }
  return vector;
}

}  // namespace rasso::linkage

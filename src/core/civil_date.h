#pragma once
// CivilDate: a calendar date with no time zone, as recorded in police systems (ISO 8601
// YYYY-MM-DD). Stored as days since 1970-01-01 so that arithmetic and comparison are cheap.

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace rasso {

class CivilDate {
 public:
  /// The date `days` after 1970-01-01 (negative before it).
  static constexpr CivilDate from_days(int32_t days) { return CivilDate(days); }

  /// The date for year/month/day, or nullopt if no such date exists (e.g. 2023-02-29).
  static std::optional<CivilDate> from_ymd(int year, int month, int day);

  /// Parses exactly "YYYY-MM-DD" (years 1800-2199). Returns nullopt for any other shape or an
  /// impossible date. Use parse_iso_problem() to learn why a string was refused.
  static std::optional<CivilDate> parse_iso(std::string_view text);

  /// Why `text` is not a valid ISO date ("expected YYYY-MM-DD", "no such date"), or empty when it is.
  static std::string parse_iso_problem(std::string_view text);

  constexpr int32_t days_since_epoch() const { return days_; }
  int year() const;
  int month() const;
  int day() const;
  /// ISO weekday: 1 = Monday ... 7 = Sunday.
  int iso_weekday() const;

  std::string to_iso() const;

  constexpr CivilDate plus_days(int32_t n) const { return CivilDate(days_ + n); }
  /// Adds calendar months, clamping to the last day of the target month (31 Jan + 1 month =
  /// 28/29 Feb), which is how statutory "3 months" periods are counted here.
  CivilDate plus_months(int months) const;
  /// Whole days from this date to `other` (positive when `other` is later).
  constexpr int32_t days_until(CivilDate other) const { return other.days_ - days_; }

  constexpr auto operator<=>(const CivilDate&) const = default;

 private:
  constexpr explicit CivilDate(int32_t days) : days_(days) {}
  int32_t days_;
};

/// True for a Gregorian leap year.
bool is_leap_year(int year);
/// Number of days in a month of a year (1-12).
int days_in_month(int year, int month);

}  // namespace rasso

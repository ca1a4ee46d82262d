#include "core/civil_date.h"

#include <cstdio>

namespace rasso {
namespace {

// Howard Hinnant's days_from_civil / civil_from_days algorithms (public domain description).
int32_t days_from_civil(int y, unsigned m, unsigned d) {
  y -= m <= 2;
  const int era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<int>(doe) - 719468;
}

struct Ymd {
  int year;
  int month;
  int day;
};

Ymd civil_from_days(int32_t z) {
  z += 719468;
  const int era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int y = static_cast<int>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;
  return {y + (m <= 2), static_cast<int>(m), static_cast<int>(d)};
}

bool all_digits(std::string_view s) {
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

int to_int(std::string_view s) {
  int v = 0;
  for (char c : s) v = v * 10 + (c - '0');
  return v;
}

}  // namespace

bool is_leap_year(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int days_in_month(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month == 2 && is_leap_year(year)) return 29;
  return kDays[month - 1];
}

std::optional<CivilDate> CivilDate::from_ymd(int year, int month, int day) {
  if (month < 1 || month > 12 || day < 1 || day > days_in_month(year, month)) return std::nullopt;
  return CivilDate(days_from_civil(year, static_cast<unsigned>(month), static_cast<unsigned>(day)));
}

std::string CivilDate::parse_iso_problem(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-' || !all_digits(text.substr(0, 4)) ||
      !all_digits(text.substr(5, 2)) || !all_digits(text.substr(8, 2))) {
    return "expected an ISO 8601 date YYYY-MM-DD";
  }
  const int year = to_int(text.substr(0, 4));
  if (year < 1800 || year > 2199) return "year outside 1800-2199";
  if (!from_ymd(year, to_int(text.substr(5, 2)), to_int(text.substr(8, 2)))) return "no such calendar date";
  return {};
}

std::optional<CivilDate> CivilDate::parse_iso(std::string_view text) {
  if (!parse_iso_problem(text).empty()) return std::nullopt;
  return from_ymd(to_int(text.substr(0, 4)), to_int(text.substr(5, 2)), to_int(text.substr(8, 2)));
}

int CivilDate::year() const { return civil_from_days(days_).year; }
int CivilDate::month() const { return civil_from_days(days_).month; }
int CivilDate::day() const { return civil_from_days(days_).day; }

int CivilDate::iso_weekday() const {
  // 1970-01-01 was a Thursday (ISO 4).
  const int mod = ((days_ % 7) + 7) % 7;
  return (mod + 3) % 7 + 1;
}

std::string CivilDate::to_iso() const {
  const Ymd ymd = civil_from_days(days_);
  char buffer[40];
  std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", ymd.year, ymd.month, ymd.day);
  return buffer;
}

CivilDate CivilDate::plus_months(int months) const {
  const Ymd ymd = civil_from_days(days_);
  const int total = ymd.year * 12 + (ymd.month - 1) + months;
  const int year = total / 12;
  const int month = total % 12 + 1;
  const int day = ymd.day < days_in_month(year, month) ? ymd.day : days_in_month(year, month);
  return *from_ymd(year, month, day);
}

}  // namespace rasso

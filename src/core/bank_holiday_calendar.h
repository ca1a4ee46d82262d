#pragma once
// BankHolidayCalendar: the England and Wales bank holidays, for counting working days (DOMAIN.md
// §7). The dates are data (data/reference/bank_holidays_england_wales.csv, including one-off
// holidays such as the 2022 state funeral and the 2023 coronation); the caller loads them and
// passes them in, so this class does no I/O.

#include <cstdint>
#include <span>
#include <vector>

#include "core/civil_date.h"

namespace rasso {

class BankHolidayCalendar {
 public:
  /// A calendar with no bank holidays: only weekends are non-working days.
  BankHolidayCalendar() = default;

  /// A calendar of `bank_holidays` (any order; duplicates are harmless). It covers every whole
  /// calendar year from the year of the earliest date to the year of the latest.
  explicit BankHolidayCalendar(std::span<const CivilDate> bank_holidays);

  /// True when `date` is a listed bank holiday.
  bool is_bank_holiday(CivilDate date) const;

  /// True when `date` falls in a year the list covers. Outside those years no bank holiday is
  /// known, so a working-day deadline computed there may come a day or two early.
  bool covers(CivilDate date) const;

 private:
  int32_t first_day_ = 0;           // 1 January of the first covered year, days since epoch
  int32_t last_day_ = -1;           // 31 December of the last covered year
  std::vector<bool> is_holiday_;    // indexed by days since first_day_
};

}  // namespace rasso

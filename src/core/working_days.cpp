#include "core/working_days.h"

#include <cassert>

namespace rasso {

bool is_working_day(CivilDate date, const BankHolidayCalendar& calendar) {
  return date.iso_weekday() <= 5 && !calendar.is_bank_holiday(date);
}

CivilDate add_working_days(CivilDate date, int n, const BankHolidayCalendar& calendar) {
  assert(n >= 0 && "add_working_days counts forwards only");
  while (n > 0) {
    date = date.plus_days(1);
    if (is_working_day(date, calendar)) --n;
  }
  return date;
}

CivilDate next_working_day(CivilDate date, const BankHolidayCalendar& calendar) {
  return add_working_days(date, 1, calendar);
}

CivilDate working_day_on_or_after(CivilDate date, const BankHolidayCalendar& calendar) {
  return is_working_day(date, calendar) ? date : next_working_day(date, calendar);
}

}  // namespace rasso

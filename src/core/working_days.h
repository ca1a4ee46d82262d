#pragma once
// Working days in England and Wales: Monday to Friday except bank holidays. The Victims' Code
// sets its deadlines in working days (DOMAIN.md §7); a deadline of "within n working days of D"
// is add_working_days(D, n).

#include "core/bank_holiday_calendar.h"
#include "core/civil_date.h"

namespace rasso {

/// True when `date` is a Monday to Friday that is not a bank holiday.
bool is_working_day(CivilDate date, const BankHolidayCalendar& calendar);

/// The n-th working day after `date` (n >= 0), counting only days after it; `date` itself when n
/// is 0. The count is the same whether `date` is a working day or not: Friday + 1 and Saturday + 1
/// are both the Monday (the Tuesday when the Monday is a bank holiday).
CivilDate add_working_days(CivilDate date, int n, const BankHolidayCalendar& calendar);

/// The first working day after `date` (never `date` itself).
CivilDate next_working_day(CivilDate date, const BankHolidayCalendar& calendar);

/// `date` when it is a working day, otherwise the next working day. Used to move a deadline that
/// falls on a weekend or bank holiday to the day the work can be done.
CivilDate working_day_on_or_after(CivilDate date, const BankHolidayCalendar& calendar);

}  // namespace rasso

#include "core/bank_holiday_calendar.h"

#include <algorithm>

namespace rasso {

BankHolidayCalendar::BankHolidayCalendar(std::span<const CivilDate> bank_holidays) {
  if (bank_holidays.empty()) return;
  const auto [earliest, latest] = std::minmax_element(bank_holidays.begin(), bank_holidays.end());
  first_day_ = CivilDate::from_ymd(earliest->year(), 1, 1)->days_since_epoch();
  last_day_ = CivilDate::from_ymd(latest->year(), 12, 31)->days_since_epoch();
  is_holiday_.assign(static_cast<std::size_t>(last_day_ - first_day_ + 1), false);
  for (CivilDate holiday : bank_holidays) {
    is_holiday_[static_cast<std::size_t>(holiday.days_since_epoch() - first_day_)] = true;
  }
}

bool BankHolidayCalendar::is_bank_holiday(CivilDate date) const {
  return covers(date) && is_holiday_[static_cast<std::size_t>(date.days_since_epoch() - first_day_)];
}

bool BankHolidayCalendar::covers(CivilDate date) const {
  const int32_t day = date.days_since_epoch();
  return day >= first_day_ && day <= last_day_;
}

}  // namespace rasso

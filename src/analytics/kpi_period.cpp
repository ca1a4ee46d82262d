#include "analytics/kpi_period.h"

#include <charconv>

namespace rasso {
namespace {

int months_in(PeriodGranularity granularity) {
  switch (granularity) {
    case PeriodGranularity::Month: return 1;
    case PeriodGranularity::Quarter: return 3;
    case PeriodGranularity::Year: return 12;
  }
  return 1;
}

KpiPeriod from_month_index(std::int32_t month, PeriodGranularity granularity) {
  const int year = month / 12;
  const int month_of_year = month % 12 + 1;
  switch (granularity) {
    case PeriodGranularity::Month: return {granularity, year, month_of_year};
    case PeriodGranularity::Quarter: return {granularity, year, (month_of_year - 1) / 3 + 1};
    case PeriodGranularity::Year: return {granularity, year, 1};
  }
  return {granularity, year, month_of_year};
}

std::optional<int> whole_number(std::string_view text) {
  int value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || error != std::errc{} || end != text.data() + text.size()) return std::nullopt;
  return value;
}

}  // namespace

std::string_view granularity_name(PeriodGranularity granularity) {
  switch (granularity) {
    case PeriodGranularity::Month: return "month";
    case PeriodGranularity::Quarter: return "quarter";
    case PeriodGranularity::Year: return "year";
  }
  return "month";
}

Result<PeriodGranularity> parse_granularity(std::string_view text) {
  if (text == "month") return PeriodGranularity::Month;
  if (text == "quarter") return PeriodGranularity::Quarter;
  if (text == "year") return PeriodGranularity::Year;
  return Error{"invalid_input", "granularity '" + std::string(text) + "' is not one of month, quarter, year"};
}

std::int32_t month_index(CivilDate date) { return month_index(date.year(), date.month()); }

std::int32_t KpiPeriod::first_month() const {
  switch (granularity) {
    case PeriodGranularity::Month: return month_index(year, index);
    case PeriodGranularity::Quarter: return month_index(year, (index - 1) * 3 + 1);
    case PeriodGranularity::Year: return month_index(year, 1);
  }
  return month_index(year, 1);
}

std::int32_t KpiPeriod::last_month() const { return first_month() + months_in(granularity) - 1; }

CivilDate KpiPeriod::first_day() const {
  const std::int32_t month = first_month();
  return *CivilDate::from_ymd(month / 12, month % 12 + 1, 1);
}

CivilDate KpiPeriod::last_day() const {
  const std::int32_t month = last_month();
  const int y = month / 12, m = month % 12 + 1;
  return *CivilDate::from_ymd(y, m, days_in_month(y, m));
}

KpiPeriod KpiPeriod::previous() const { return from_month_index(first_month() - months_in(granularity), granularity); }
KpiPeriod KpiPeriod::next() const { return from_month_index(last_month() + 1, granularity); }

std::string KpiPeriod::label() const {
  const std::string y = std::to_string(year);
  switch (granularity) {
    case PeriodGranularity::Month: return y + (index < 10 ? "-0" : "-") + std::to_string(index);
    case PeriodGranularity::Quarter: return y + "Q" + std::to_string(index);
    case PeriodGranularity::Year: return y;
  }
  return y;
}

Result<KpiPeriod> parse_kpi_period(std::string_view text) {
  const Error problem{"invalid_input", "period '" + std::string(text) +
                                           "' is not a month (2025-03), a quarter (2025Q1) or a year (2025)"};
  if (text.size() < 4) return problem;
  const auto year = whole_number(text.substr(0, 4));
  if (!year || *year < 1800 || *year > 2199) return problem;
  std::string_view rest = text.substr(4);
  if (rest.empty()) return KpiPeriod{PeriodGranularity::Year, *year, 1};
  if (rest == "Q1" || rest == "Q2" || rest == "Q3" || rest == "Q4" || rest == "-Q1" || rest == "-Q2" || rest == "-Q3" ||
      rest == "-Q4" || rest == "q1" || rest == "q2" || rest == "q3" || rest == "q4") {
    return KpiPeriod{PeriodGranularity::Quarter, *year, rest.back() - '0'};
  }
  if (rest.size() == 3 && rest[0] == '-') {
    const auto month = whole_number(rest.substr(1));
    if (month && *month >= 1 && *month <= 12) return KpiPeriod{PeriodGranularity::Month, *year, *month};
  }
  return problem;
}

KpiPeriod period_containing(CivilDate date, PeriodGranularity granularity) {
  return from_month_index(month_index(date), granularity);
}

std::vector<KpiPeriod> periods_between(CivilDate from, CivilDate to, PeriodGranularity granularity) {
  std::vector<KpiPeriod> periods;
  if (to < from) return periods;
  const KpiPeriod last = period_containing(to, granularity);
  for (KpiPeriod period = period_containing(from, granularity); period <= last; period = period.next()) {
    periods.push_back(period);
  }
  return periods;
}

}  // namespace rasso

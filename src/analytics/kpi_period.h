#pragma once
// KpiPeriod: the reporting period of a KPI, a calendar month ("2025-03"), quarter ("2025Q1") or
// year ("2025"), with the period before it for the change column. Calendar quarters and years
// (January-March is Q1) rather than financial years, because the extract carries dates, not
// reporting years; a force that reports by financial year picks the four quarters.

#include <compare>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/civil_date.h"
#include "core/result.h"

namespace rasso {

enum class PeriodGranularity : std::uint8_t { Month, Quarter, Year };

/// "month", "quarter" or "year".
std::string_view granularity_name(PeriodGranularity granularity);
/// Parses "month", "quarter" or "year"; error "invalid_input" otherwise.
Result<PeriodGranularity> parse_granularity(std::string_view text);

/// Months counted from year 0: year * 12 + (month - 1). Months of different years compare in order.
constexpr std::int32_t month_index(int year, int month) { return year * 12 + (month - 1); }
/// The month index of `date`.
std::int32_t month_index(CivilDate date);

struct KpiPeriod {
  PeriodGranularity granularity = PeriodGranularity::Month;
  int year = 2000;
  int index = 1;  // month 1-12, quarter 1-4, 1 for a year

  CivilDate first_day() const;
  CivilDate last_day() const;
  /// The month indexes the period spans, first and last inclusive.
  std::int32_t first_month() const;
  std::int32_t last_month() const;
  bool contains(CivilDate date) const { return date >= first_day() && date <= last_day(); }
  /// The period of the same granularity just before (just after) this one.
  KpiPeriod previous() const;
  KpiPeriod next() const;
  /// "2025-03", "2025Q1" or "2025".
  std::string label() const;

  auto operator<=>(const KpiPeriod&) const = default;
};

/// Parses "YYYY-MM", "YYYYQn" (or "YYYY-Qn") or "YYYY". Error "invalid_input" naming the forms.
Result<KpiPeriod> parse_kpi_period(std::string_view text);
/// The period of `granularity` that contains `date`.
KpiPeriod period_containing(CivilDate date, PeriodGranularity granularity);
/// Every period of `granularity` from the one containing `from` to the one containing `to`,
/// oldest first (empty when `to` is before `from`).
std::vector<KpiPeriod> periods_between(CivilDate from, CivilDate to, PeriodGranularity granularity);

}  // namespace rasso

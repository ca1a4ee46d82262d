#pragma once
// The KPI engine: every flight-deck measure for any set of periods, in total and broken down by
// any dimensions (one or a cross-tabulation of several), with small numbers suppressed. It reads
// KpiFacts only. Flows are summed into arrays indexed by (month, cell, measure) in one pass over
// the facts, then each period adds up its months; stocks (open investigations, orders in force,
// training) are counted once per distinct period end. Pure and deterministic.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "analytics/kpi_dimension.h"
#include "analytics/kpi_facts.h"
#include "analytics/kpi_measure.h"
#include "analytics/kpi_period.h"
#include "analytics/kpi_suppression.h"

namespace rasso {

struct KpiValue {
  double value = 0;
  bool available = false;   // false when there is nothing to measure (no denominator, no cases)
  bool suppressed = false;  // hidden by small-number suppression
  std::int64_t numerator = 0;    // Count: the count; Rate/Average: the numerator; Days: unused
  std::int64_t denominator = 0;  // Rate/Average: the denominator; Days: the number of cases
  std::string display;      // "123", "23.4%", "381", "<5", "n/a"
};

struct KpiCell {
  std::vector<std::string> categories;  // one label per dimension of the breakdown
  KpiValue value;
};

struct KpiBreakdown {
  std::vector<KpiDimension> dimensions;
  bool applicable = true;  // false: the measure does not split this way (no cells)
  std::vector<KpiCell> cells;  // every combination of categories with anything in it
};

struct KpiMeasureValues {
  KpiMeasureId id = KpiMeasureId::RecordedCrimes;
  KpiValue total;
  std::vector<KpiBreakdown> breakdowns;  // in KpiQuery::breakdowns order
};

struct KpiCompleteness {
  std::string field;  // a dimension id ("victim_ethnicity") or "committed_time"
  std::int64_t recorded = 0;
  std::int64_t total = 0;  // crimes reported in the period
};

struct KpiPeriodValues {
  KpiPeriod period;
  CivilDate stock_date = CivilDate::from_days(0);  // the day stocks are counted: period end or as-of
  std::vector<KpiMeasureValues> measures;         // one per KpiMeasureId, in order
  std::vector<KpiCompleteness> completeness;
};

struct KpiQuery {
  std::vector<KpiPeriod> periods;
  std::vector<std::vector<KpiDimension>> breakdowns;
  SuppressionRule suppression;
};

/// Every measure for every period of `query`, in the order asked. A period wholly after the
/// facts' as-of date has no data (its stocks are counted on the as-of date).
std::vector<KpiPeriodValues> compute_kpis(const KpiFacts& facts, const KpiQuery& query);

struct KpiMeasureReport {
  KpiMeasureId id = KpiMeasureId::RecordedCrimes;
  KpiValue value;
  KpiValue previous;
  /// value - previous (rates in proportion points), when both are shown.
  std::optional<double> change;
  std::vector<KpiBreakdown> breakdowns;  // for the period itself
};

struct KpiFlightDeck {
  KpiPeriod period;
  KpiPeriod previous_period;
  CivilDate as_of = CivilDate::from_days(0);
  SuppressionRule suppression;
  std::vector<KpiMeasureReport> measures;
  std::vector<KpiCompleteness> completeness;
};

/// The flight deck for `period` with the change against the period before it.
KpiFlightDeck compute_flight_deck(const KpiFacts& facts, KpiPeriod period,
                                  const std::vector<std::vector<KpiDimension>>& breakdowns,
                                  const SuppressionRule& suppression);

struct KpiSeriesPoint {
  KpiPeriod period;
  KpiValue value;
};

/// One measure's total for each of `periods`.
std::vector<KpiSeriesPoint> compute_kpi_series(const KpiFacts& facts, KpiMeasureId measure,
                                               const std::vector<KpiPeriod>& periods,
                                               const SuppressionRule& suppression);

/// How a value of `unit` is shown: "123", "23.4%", "381" / "380.5", "12.3"; "n/a" when not
/// available and the rule's "<5" when suppressed.
std::string format_kpi_value(const KpiValue& value, KpiUnit unit, const SuppressionRule& rule);

}  // namespace rasso

#pragma once
// The flight-deck measures: what each counts, over what, in which period, from which fields.
// docs/kpi-definitions.md explains each in prose (a test checks that every id here is there).

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace rasso {

/// How a measure's value is formed and shown. Count: a number of things. Rate: numerator over
/// denominator (0-1, shown as a percentage). Days: a median or 90th percentile of day counts.
/// Average: numerator over denominator shown as a number (investigations per investigator).
enum class KpiUnit : std::uint8_t { Count, Rate, Days, Average };

/// Which date places a thing in a period. Flow: the date of an event inside the period (a crime
/// reported, an outcome assigned). Stock: the state on the period's last day (or the as-of date
/// when that is earlier): open investigations, orders in force.
enum class KpiPeriodRule : std::uint8_t { Flow, Stock };

/// Which breakdowns make sense: a crime's measure splits by every dimension; a workforce measure
/// by force and unit only; a count of people (repeat suspects) by none.
enum class KpiBreakdownScope : std::uint8_t { AllDimensions, ForceAndUnit, TotalOnly };

enum class KpiMeasureId : std::uint8_t {
  RecordedCrimes,
  OutcomesAssigned,
  ChargeSummonsRate,  // outcome 1
  Outcome2Rate, Outcome3Rate, Outcome4Rate, Outcome5Rate, Outcome6Rate, Outcome7Rate, Outcome8Rate,
  Outcome9Rate, Outcome10Rate, Outcome11Rate, Outcome12Rate, Outcome13Rate, Outcome14Rate, Outcome15Rate,
  VictimWithdrawalRate,  // outcome 16
  Outcome17Rate, Outcome18Rate, Outcome19Rate, Outcome20Rate, Outcome21Rate, Outcome22Rate,
  OpenInvestigations,
  OpenInvestigationAgeMedian,
  OpenInvestigationAgeP90,
  DaysToFirstArrestMedian,
  DaysToFirstArrestP90,
  DaysToChargeMedian,
  DaysToChargeP90,
  NamedSuspectsArrestedRate,
  RepeatSuspects,
  RepeatSuspectCrimeShare,
  Arrests,
  PreChargeBailReleases,
  RuiReleases,
  PreChargeBailShare,
  BreachesReported,
  BreachesAnsweredRate,
  BreachResponseDaysMedian,
  OrdersAppliedFor,
  OrdersInForce,
  S63gApplications,
  S63gSuccessRate,
  VictimUpdateComplianceRate,
  NfaExplainedRate,
  IsvaReferralRate,
  IsvaReferralOnTimeRate,
  TrainingComplianceRate,
  InvestigatorCaseloadMean,
};
inline constexpr std::size_t kKpiMeasureCount = static_cast<std::size_t>(KpiMeasureId::InvestigatorCaseloadMean) + 1;

struct KpiMeasureSpec {
  KpiMeasureId id;
  std::string_view key;    // "charge_summons_rate": the id in JSON, URLs and docs
  std::string_view name;   // "Charge/summons rate"
  std::string_view theme;  // "Outcomes": the flight-deck section
  KpiUnit unit;
  KpiPeriodRule period_rule;
  KpiBreakdownScope scope;
  /// True when a rise is good news (charge rate) and false when it is bad (withdrawal rate);
  /// nullopt when neither (volumes).
  std::optional<bool> higher_is_better;
};

/// Every measure, in flight-deck order (the order of KpiMeasureId).
const std::vector<KpiMeasureSpec>& kpi_measures();
/// The spec of `id`.
const KpiMeasureSpec& kpi_measure(KpiMeasureId id);
/// The measure whose key is `key`, or nullptr.
const KpiMeasureSpec* find_kpi_measure(std::string_view key);
/// The outcome-rate measure for Home Office outcome `code` (1-22); nullopt for any other code.
std::optional<KpiMeasureId> outcome_rate_measure(int code);
/// "count", "rate", "days" or "average".
std::string_view kpi_unit_name(KpiUnit unit);

}  // namespace rasso

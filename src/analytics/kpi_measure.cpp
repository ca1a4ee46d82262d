#include "analytics/kpi_measure.h"

namespace rasso {
namespace {

using U = KpiUnit;
using P = KpiPeriodRule;
using S = KpiBreakdownScope;
using M = KpiMeasureId;
constexpr std::optional<bool> kUp = true, kDown = false, kNeither = std::nullopt;

std::vector<KpiMeasureSpec> build_measures() {
  std::vector<KpiMeasureSpec> measures = {
      {M::RecordedCrimes, "recorded_crimes", "Recorded RASSO crimes", "Volume", U::Count, P::Flow, S::AllDimensions, kNeither},
      {M::OutcomesAssigned, "outcomes_assigned", "Outcomes assigned", "Outcomes", U::Count, P::Flow, S::AllDimensions, kNeither},
  };
  static constexpr std::string_view kOutcomeKeys[] = {
      "charge_summons_rate", "outcome_2_rate",  "outcome_3_rate",  "outcome_4_rate",  "outcome_5_rate",
      "outcome_6_rate",      "outcome_7_rate",  "outcome_8_rate",  "outcome_9_rate",  "outcome_10_rate",
      "outcome_11_rate",     "outcome_12_rate", "outcome_13_rate", "outcome_14_rate", "outcome_15_rate",
      "victim_withdrawal_rate", "outcome_17_rate", "outcome_18_rate", "outcome_19_rate", "outcome_20_rate",
      "outcome_21_rate",     "outcome_22_rate"};
  static constexpr std::string_view kOutcomeNames[] = {
      "Charge/summons rate (outcome 1)",
      "Youth caution rate (outcome 2)",
      "Adult caution rate (outcome 3)",
      "Taken into consideration rate (outcome 4)",
      "Offender died rate (outcome 5)",
      "Penalty notice rate (outcome 6)",
      "Cannabis/khat warning rate (outcome 7)",
      "Community resolution rate (outcome 8)",
      "CPS public interest rate (outcome 9)",
      "Police public interest rate (outcome 10)",
      "Suspect under age rate (outcome 11)",
      "Suspect too ill rate (outcome 12)",
      "Victim or witness dead or too ill rate (outcome 13)",
      "Evidential difficulties, no suspect identified rate (outcome 14)",
      "Evidential difficulties, victim supports rate (outcome 15)",
      "Victim withdrawal rate (outcome 16)",
      "Time limit expired rate (outcome 17)",
      "No suspect identified rate (outcome 18)",
      "NFIB filed rate (outcome 19)",
      "Transferred rate (outcome 20)",
      "Not in the public interest to investigate rate (outcome 21)",
      "Diversionary activity rate (outcome 22)"};
  for (int code = 1; code <= 22; ++code) {
    const std::optional<bool> direction = code == 1 ? kUp : (code == 14 || code == 15 || code == 16 || code == 18) ? kDown : kNeither;
    measures.push_back({static_cast<M>(static_cast<int>(M::ChargeSummonsRate) + code - 1), kOutcomeKeys[code - 1],
                        kOutcomeNames[code - 1], "Outcomes", U::Rate, P::Flow, S::AllDimensions, direction});
  }
  const std::vector<KpiMeasureSpec> rest = {
      {M::OpenInvestigations, "open_investigations", "Open investigations", "Timeliness", U::Count, P::Stock, S::AllDimensions, kNeither},
      {M::OpenInvestigationAgeMedian, "open_investigation_age_median", "Open investigations: median age (days)", "Timeliness", U::Days, P::Stock, S::AllDimensions, kDown},
      {M::OpenInvestigationAgeP90, "open_investigation_age_p90", "Open investigations: 90th percentile age (days)", "Timeliness", U::Days, P::Stock, S::AllDimensions, kDown},
      {M::DaysToFirstArrestMedian, "days_to_first_arrest_median", "Days from report to first arrest: median", "Timeliness", U::Days, P::Flow, S::AllDimensions, kDown},
      {M::DaysToFirstArrestP90, "days_to_first_arrest_p90", "Days from report to first arrest: 90th percentile", "Timeliness", U::Days, P::Flow, S::AllDimensions, kDown},
      {M::DaysToChargeMedian, "days_to_charge_median", "Days from report to charge: median", "Timeliness", U::Days, P::Flow, S::AllDimensions, kDown},
      {M::DaysToChargeP90, "days_to_charge_p90", "Days from report to charge: 90th percentile", "Timeliness", U::Days, P::Flow, S::AllDimensions, kDown},
      {M::NamedSuspectsArrestedRate, "named_suspects_arrested_rate", "Named suspects arrested", "Suspects", U::Rate, P::Flow, S::AllDimensions, kUp},
      {M::RepeatSuspects, "repeat_suspects", "Repeat suspects", "Suspects", U::Count, P::Stock, S::TotalOnly, kNeither},
      {M::RepeatSuspectCrimeShare, "repeat_suspect_crime_share", "Crimes naming a repeat suspect", "Suspects", U::Rate, P::Flow, S::AllDimensions, kNeither},
      {M::Arrests, "arrests", "Arrests", "Bail and RUI", U::Count, P::Flow, S::AllDimensions, kNeither},
      {M::PreChargeBailReleases, "pre_charge_bail_releases", "Released on pre-charge bail", "Bail and RUI", U::Count, P::Flow, S::AllDimensions, kNeither},
      {M::RuiReleases, "rui_releases", "Released under investigation", "Bail and RUI", U::Count, P::Flow, S::AllDimensions, kNeither},
      {M::PreChargeBailShare, "pre_charge_bail_share", "Pre-charge bail as a share of bail and RUI", "Bail and RUI", U::Rate, P::Flow, S::AllDimensions, kUp},
      {M::BreachesReported, "breaches_reported", "Breaches reported", "Breaches and orders", U::Count, P::Flow, S::AllDimensions, kNeither},
      {M::BreachesAnsweredRate, "breaches_answered_rate", "Breaches answered", "Breaches and orders", U::Rate, P::Flow, S::AllDimensions, kUp},
      {M::BreachResponseDaysMedian, "breach_response_days_median", "Days to answer a breach: median", "Breaches and orders", U::Days, P::Flow, S::AllDimensions, kDown},
      {M::OrdersAppliedFor, "orders_applied_for", "Orders applied for", "Breaches and orders", U::Count, P::Flow, S::AllDimensions, kNeither},
      {M::OrdersInForce, "orders_in_force", "Orders in force", "Breaches and orders", U::Count, P::Stock, S::AllDimensions, kNeither},
      {M::S63gApplications, "s63g_applications", "s63G applications", "Biometrics", U::Count, P::Flow, S::AllDimensions, kNeither},
      {M::S63gSuccessRate, "s63g_success_rate", "s63G applications granted", "Biometrics", U::Rate, P::Flow, S::AllDimensions, kUp},
      {M::VictimUpdateComplianceRate, "victim_update_compliance_rate", "Victims told of key decisions on time", "Victims", U::Rate, P::Flow, S::AllDimensions, kUp},
      {M::NfaExplainedRate, "nfa_explained_rate", "No-further-action decisions explained", "Victims", U::Rate, P::Flow, S::AllDimensions, kUp},
      {M::IsvaReferralRate, "isva_referral_rate", "Victims referred to an ISVA", "Victims", U::Rate, P::Flow, S::AllDimensions, kUp},
      {M::IsvaReferralOnTimeRate, "isva_referral_on_time_rate", "ISVA referral offered on time", "Victims", U::Rate, P::Flow, S::AllDimensions, kUp},
      {M::TrainingComplianceRate, "training_compliance_rate", "RASSO officers with required training", "Workforce", U::Rate, P::Stock, S::ForceAndUnit, kUp},
      {M::InvestigatorCaseloadMean, "investigator_caseload_mean", "Open investigations per investigator", "Workforce", U::Average, P::Stock, S::ForceAndUnit, kDown},
  };
  measures.insert(measures.end(), rest.begin(), rest.end());
  return measures;
}

}  // namespace

const std::vector<KpiMeasureSpec>& kpi_measures() {
  static const std::vector<KpiMeasureSpec> measures = build_measures();
  return measures;
}

const KpiMeasureSpec& kpi_measure(KpiMeasureId id) { return kpi_measures()[static_cast<std::size_t>(id)]; }

const KpiMeasureSpec* find_kpi_measure(std::string_view key) {
  for (const KpiMeasureSpec& spec : kpi_measures()) {
    if (spec.key == key) return &spec;
  }
  return nullptr;
}

std::optional<KpiMeasureId> outcome_rate_measure(int code) {
  if (code < 1 || code > 22) return std::nullopt;
  return static_cast<KpiMeasureId>(static_cast<int>(KpiMeasureId::ChargeSummonsRate) + code - 1);
}

std::string_view kpi_unit_name(KpiUnit unit) {
  switch (unit) {
    case KpiUnit::Count: return "count";
    case KpiUnit::Rate: return "rate";
    case KpiUnit::Days: return "days";
    case KpiUnit::Average: return "average";
  }
  return "count";
}

}  // namespace rasso

// The KPI engine on small tables built in code: suppression in breakdowns, rates with hidden
// denominators, periods and breakdown scopes. The full set of measures is checked against a
// hand-worked extract in tests/integration/kpi_handbuilt_test.cpp.

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <random>
#include <set>
#include <stdexcept>

#include "analytics/kpi_engine.h"

namespace rasso {
namespace {

CivilDate day(const char* iso) { return *CivilDate::parse_iso(iso); }

// `per_unit[i]` crimes in unit U<i+1>, reported on 2025-01-15, of which `referred[i]` have an ISVA
// referral the same day.
ExtractTables crimes_in_units(const std::vector<int>& per_unit, const std::vector<int>& referred) {
  ExtractTables tables;
  int number = 0;
  for (std::size_t u = 0; u < per_unit.size(); ++u) {
    for (int i = 0; i < per_unit[u]; ++i) {
      CrimeRecord crime;
      crime.crime_ref = "C" + std::to_string(++number);
      crime.force_code = "WD";
      crime.offence_code = "19C";
      crime.reported_date = day("2025-01-15");
      crime.unit_ref = "U" + std::to_string(u + 1);
      tables.crimes.push_back(crime);
      if (i < referred[u]) {
        VictimContactRecord contact;
        contact.crime_ref = crime.crime_ref;
        contact.person_ref = "P" + std::to_string(number);
        contact.contact_date = crime.reported_date;
        contact.purpose = ContactPurpose::IsvaReferral;
        tables.victim_contacts.push_back(contact);
      }
    }
  }
  return tables;
}

KpiFacts facts_for(const ExtractTables& tables, const char* as_of = "2025-03-31") {
  KpiInputs inputs;
  inputs.tables = &tables;
  return build_kpi_facts(inputs, day(as_of));
}

const KpiMeasureReport& measure(const KpiFlightDeck& deck, KpiMeasureId id) {
  return deck.measures[static_cast<std::size_t>(id)];
}

const KpiCell& cell(const KpiBreakdown& breakdown, const std::string& category) {
  for (const KpiCell& c : breakdown.cells) {
    if (c.categories.front() == category) return c;
  }
  throw std::runtime_error("no cell " + category);
}

TEST(KpiEngineTest, OneSmallCellInABreakdownHidesTheNextSmallestToo) {
  const ExtractTables tables = crimes_in_units({8, 3, 6}, {8, 3, 5});
  const KpiFacts facts = facts_for(tables);
  const KpiFlightDeck deck = compute_flight_deck(facts, *parse_kpi_period("2025-01"), {{KpiDimension::Unit}}, {});
  const KpiMeasureReport& recorded = measure(deck, KpiMeasureId::RecordedCrimes);
  EXPECT_EQ(recorded.value.display, "17");
  const KpiBreakdown& by_unit = recorded.breakdowns.at(0);
  EXPECT_EQ(cell(by_unit, "U1").value.display, "8");
  EXPECT_TRUE(cell(by_unit, "U2").value.suppressed);  // primary: 3
  EXPECT_EQ(cell(by_unit, "U2").value.display, "<5");
  EXPECT_TRUE(cell(by_unit, "U3").value.suppressed);  // secondary: else 17 - 8 - 6 = 3
}

TEST(KpiEngineTest, ARateWithASmallDenominatorIsHiddenAndProtectedBySecondary) {
  const ExtractTables tables = crimes_in_units({8, 3, 6}, {8, 3, 5});
  const KpiFacts facts = facts_for(tables);
  const KpiFlightDeck deck = compute_flight_deck(facts, *parse_kpi_period("2025-01"), {{KpiDimension::Unit}}, {});
  const KpiMeasureReport& isva = measure(deck, KpiMeasureId::IsvaReferralRate);
  EXPECT_NEAR(isva.value.value, 16.0 / 17.0, 1e-9);
  EXPECT_EQ(isva.value.display, "94.1%");
  const KpiBreakdown& by_unit = isva.breakdowns.at(0);
  EXPECT_EQ(cell(by_unit, "U1").value.display, "100.0%");
  EXPECT_TRUE(cell(by_unit, "U2").value.suppressed);  // 3 of 3
  EXPECT_TRUE(cell(by_unit, "U3").value.suppressed);  // 5 of 6: secondary on the numerators
}

TEST(KpiEngineTest, ARateWhoseDenominatorAloneIsSmallIsHidden) {
  // 20 crimes of which 4 have a named suspect... here: 4 crimes in total, 0 referred: numerator 0
  // (shown) but denominator 4 (hidden) hides the rate.
  const ExtractTables tables = crimes_in_units({4}, {0});
  const KpiFacts facts = facts_for(tables);
  const KpiFlightDeck deck = compute_flight_deck(facts, *parse_kpi_period("2025-01"), {}, {});
  const KpiMeasureReport& isva = measure(deck, KpiMeasureId::IsvaReferralRate);
  EXPECT_TRUE(isva.value.suppressed);
  EXPECT_EQ(isva.value.display, "<5");
}

TEST(KpiEngineTest, ChangeAgainstThePreviousPeriodAndNothingAfterTheAsOfDate) {
  ExtractTables tables = crimes_in_units({10}, {0});
  for (int i = 0; i < 6; ++i) {
    CrimeRecord crime = tables.crimes.front();
    crime.crime_ref = "D" + std::to_string(i);
    crime.reported_date = day("2025-02-10");
    tables.crimes.push_back(crime);
  }
  CrimeRecord late = tables.crimes.front();
  late.crime_ref = "LATE";
  late.reported_date = day("2025-02-25");
  tables.crimes.push_back(late);
  const KpiFacts facts = facts_for(tables, "2025-02-20");
  const KpiFlightDeck deck = compute_flight_deck(facts, *parse_kpi_period("2025-02"), {}, {});
  const KpiMeasureReport& recorded = measure(deck, KpiMeasureId::RecordedCrimes);
  EXPECT_EQ(recorded.value.numerator, 6);  // LATE is after the as-of date
  EXPECT_EQ(recorded.previous.numerator, 10);
  ASSERT_TRUE(recorded.change);
  EXPECT_DOUBLE_EQ(*recorded.change, -4.0);
  // Open investigations are counted on the as-of date, the end of the data.
  EXPECT_EQ(measure(deck, KpiMeasureId::OpenInvestigations).value.numerator, 16);
}

TEST(KpiEngineTest, WorkforceMeasuresDoNotSplitByVictimCharacteristics) {
  const ExtractTables tables = crimes_in_units({10}, {0});
  const KpiFacts facts = facts_for(tables);
  const KpiFlightDeck deck = compute_flight_deck(facts, *parse_kpi_period("2025-01"),
                                                 {{KpiDimension::VictimSex}, {KpiDimension::Unit}}, {});
  EXPECT_FALSE(measure(deck, KpiMeasureId::TrainingComplianceRate).breakdowns[0].applicable);
  EXPECT_TRUE(measure(deck, KpiMeasureId::TrainingComplianceRate).breakdowns[1].applicable);
  EXPECT_FALSE(measure(deck, KpiMeasureId::RepeatSuspects).breakdowns[1].applicable);
  EXPECT_FALSE(measure(deck, KpiMeasureId::RepeatSuspects).value.available);  // no repeat-suspect list given
  const KpiBreakdown& by_sex = measure(deck, KpiMeasureId::RecordedCrimes).breakdowns[0];
  ASSERT_EQ(by_sex.cells.size(), 1u);
  EXPECT_EQ(by_sex.cells[0].categories[0], "Not recorded");  // no victims recorded at all
}

TEST(KpiEngineTest, SeriesGivesOneTotalPerPeriod) {
  const ExtractTables tables = crimes_in_units({12}, {12});
  const KpiFacts facts = facts_for(tables);
  const auto periods = periods_between(day("2024-12-01"), day("2025-03-31"), PeriodGranularity::Month);
  const auto points = compute_kpi_series(facts, KpiMeasureId::RecordedCrimes, periods, {});
  ASSERT_EQ(points.size(), 4u);
  EXPECT_EQ(points[0].value.display, "0");
  EXPECT_EQ(points[1].value.display, "12");
  EXPECT_EQ(points[2].value.display, "0");
}

// The open-age median and 90th percentile are read off each cell's open crimes in age order; here
// they are checked against each cell's ages sorted, for odd and even counts, ties and one crime.
TEST(KpiEngineTest, OpenInvestigationAgeQuantilesOfEveryCellMatchItsSortedAges) {
  const CivilDate as_of = day("2025-03-31");
  ExtractTables tables;
  std::map<std::string, std::vector<int>> ages;
  std::mt19937 random(20251207);
  int number = 0;
  for (int open : {1, 2, 3, 10, 11, 40}) {
    const std::string unit = "U" + std::to_string(open);
    for (int i = 0; i <= open; ++i) {
      CrimeRecord crime;
      crime.crime_ref = "C" + std::to_string(++number);
      crime.force_code = "WD";
      crime.unit_ref = unit;
      const int age = static_cast<int>(random() % 60) * 7;  // weekly steps: ties in the larger cells
      crime.reported_date = as_of.plus_days(-age);
      if (i == open) {  // one closed crime per unit, which must not count
        crime.outcome_code = 1;
        crime.outcome_date = crime.reported_date;
      } else {
        ages[unit].push_back(age);
      }
      tables.crimes.push_back(crime);
    }
  }
  const KpiFacts facts = facts_for(tables);
  const KpiFlightDeck deck = compute_flight_deck(facts, *parse_kpi_period("2025Q1"), {{KpiDimension::Unit}}, {1, false});
  std::vector<int> everyone;
  for (auto& [unit, unit_ages] : ages) {
    std::sort(unit_ages.begin(), unit_ages.end());
    everyone.insert(everyone.end(), unit_ages.begin(), unit_ages.end());
    const std::size_t n = unit_ages.size();
    const double median = (unit_ages[(n + 1) / 2 - 1] + unit_ages[n / 2]) / 2.0;
    const double p90 = unit_ages[(n * 9 + 9) / 10 - 1];
    EXPECT_EQ(cell(measure(deck, KpiMeasureId::OpenInvestigationAgeMedian).breakdowns.at(0), unit).value.value, median) << unit;
    EXPECT_EQ(cell(measure(deck, KpiMeasureId::OpenInvestigationAgeP90).breakdowns.at(0), unit).value.value, p90) << unit;
    EXPECT_EQ(cell(measure(deck, KpiMeasureId::OpenInvestigations).breakdowns.at(0), unit).value.value, static_cast<double>(n)) << unit;
  }
  std::sort(everyone.begin(), everyone.end());
  const std::size_t n = everyone.size();
  EXPECT_EQ(measure(deck, KpiMeasureId::OpenInvestigationAgeMedian).value.value, (everyone[(n + 1) / 2 - 1] + everyone[n / 2]) / 2.0);
  EXPECT_EQ(measure(deck, KpiMeasureId::OpenInvestigationAgeP90).value.value, everyone[(n * 9 + 9) / 10 - 1]);
}

TEST(KpiEngineTest, MeasureCatalogueIsInIdOrderWithUniqueKeys) {
  std::set<std::string_view> keys;
  for (std::size_t i = 0; i < kpi_measures().size(); ++i) {
    EXPECT_EQ(static_cast<std::size_t>(kpi_measures()[i].id), i);
    EXPECT_TRUE(keys.insert(kpi_measures()[i].key).second) << kpi_measures()[i].key;
  }
  EXPECT_EQ(kpi_measures().size(), kKpiMeasureCount);
  EXPECT_EQ(kpi_measure(*outcome_rate_measure(16)).key, "victim_withdrawal_rate");
}

}  // namespace
}  // namespace rasso

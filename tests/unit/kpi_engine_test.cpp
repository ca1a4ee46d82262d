// The KPI engine on small tables built in code: suppression in breakdowns, rates with hidden
// denominators, periods and breakdown scopes. The full set of measures is checked against a
// hand-worked extract in tests/integration/kpi_handbuilt_test.cpp.

#include <gtest/gtest.h>

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

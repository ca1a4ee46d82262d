// The flight deck of tests/data/extracts/kpi-handbuilt, whose every figure was worked out by hand
// (the working is in the folder's README.md), compared with expected-2025Q2.json.

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "analytics/kpi_engine.h"
#include "analytics/offence_facts.h"
#include "ingest/bank_holiday_file.h"
#include "ingest/reference_data.h"
#include "store/extract_snapshot.h"
#include "support/test_workspace.h"

namespace rasso {
namespace {

using testing_support::TestWorkspace;

struct Loaded {
  ExtractTables tables;
  std::unordered_map<std::string, std::uint64_t> resolved;
  std::map<std::string, OffenceInfo, std::less<>> offences;
  BankHolidayCalendar calendar;
  std::vector<RepeatSuspect> repeat_suspects;
};

KpiFacts facts_of(const TestWorkspace& workspace, Loaded& loaded, CivilDate as_of) {
  workspace.import(workspace.copy_extract("kpi-handbuilt", "extract"));
  auto store = open_sqlite_store(workspace.store_path());
  EXPECT_TRUE(store);
  auto tables = load_all_extract_tables(**store);
  EXPECT_TRUE(tables) << tables.error().message;
  loaded.tables = std::move(*tables);
  loaded.offences = offence_facts(testing_support::code_tables());
  loaded.calendar = BankHolidayCalendar(*load_bank_holidays(reference_data_dir()));
  RepeatSuspectInputs repeat;
  repeat.crimes = &loaded.tables.crimes;
  repeat.involvements = &loaded.tables.involvements;
  repeat.resolved = &loaded.resolved;
  repeat.offences = &loaded.offences;
  loaded.repeat_suspects = find_repeat_suspects(repeat, RepeatSuspectDefinition{}, RankingWeights{}, as_of);
  KpiInputs inputs;
  inputs.tables = &loaded.tables;
  inputs.offences = &loaded.offences;
  inputs.repeat_suspects = &loaded.repeat_suspects;
  inputs.calendar = &loaded.calendar;
  return build_kpi_facts(inputs, as_of);
}

void expect_value(const nlohmann::json& expected, const KpiValue& actual, const std::string& what) {
  if (expected.is_null()) {
    EXPECT_FALSE(actual.available) << what << " should have no value, has " << actual.value;
    return;
  }
  ASSERT_TRUE(actual.available) << what << " has no value";
  EXPECT_NEAR(actual.value, expected.get<double>(), 1e-6) << what;
}

TEST(KpiHandbuiltTest, EveryMeasureMatchesTheHandWorkedAnswers) {
  const auto expected = nlohmann::json::parse(
      testing_support::read_file(std::filesystem::path(RASSO_TEST_DATA_DIR) / "extracts/kpi-handbuilt/expected-2025Q2.json"));
  TestWorkspace workspace;
  Loaded loaded;
  const KpiFacts facts = facts_of(workspace, loaded, *CivilDate::parse_iso(expected["as_of"].get<std::string>()));
  std::vector<std::vector<KpiDimension>> breakdowns;
  for (KpiDimension d : all_kpi_dimensions()) breakdowns.push_back({d});
  const SuppressionRule rule{expected["suppress_below"].get<int>(), true};
  const KpiFlightDeck deck =
      compute_flight_deck(facts, *parse_kpi_period(expected["period"].get<std::string>()), breakdowns, rule);
  ASSERT_EQ(deck.measures.size(), kKpiMeasureCount);

  for (const auto& [key, values] : expected["measures"].items()) {
    const KpiMeasureSpec* spec = find_kpi_measure(key);
    ASSERT_NE(spec, nullptr) << key;
    const KpiMeasureReport& report = deck.measures[static_cast<std::size_t>(spec->id)];
    expect_value(values[0], report.value, key + " " + deck.period.label());
    expect_value(values[1], report.previous, key + " " + deck.previous_period.label());
  }
  for (const auto& [key, by_dimension] : expected["breakdowns"].items()) {
    const KpiMeasureReport& report = deck.measures[static_cast<std::size_t>(find_kpi_measure(key)->id)];
    for (const auto& [dimension_name, cells] : by_dimension.items()) {
      const auto dimension = parse_dimension_list(dimension_name);
      ASSERT_TRUE(dimension);
      const KpiBreakdown& breakdown = report.breakdowns[static_cast<std::size_t>(dimension->front())];
      ASSERT_TRUE(breakdown.applicable) << key << " by " << dimension_name;
      EXPECT_EQ(breakdown.cells.size(), cells.size()) << key << " by " << dimension_name;
      for (const auto& [category, value] : cells.items()) {
        const auto cell = std::find_if(breakdown.cells.begin(), breakdown.cells.end(),
                                       [&](const KpiCell& c) { return c.categories.front() == category; });
        ASSERT_NE(cell, breakdown.cells.end()) << key << " by " << dimension_name << ": no " << category;
        expect_value(value, cell->value, key + " " + dimension_name + "=" + category);
      }
    }
  }
  for (const auto& [field, counts] : expected["completeness"].items()) {
    const auto found = std::find_if(deck.completeness.begin(), deck.completeness.end(),
                                    [&](const KpiCompleteness& c) { return c.field == field; });
    ASSERT_NE(found, deck.completeness.end()) << field;
    EXPECT_EQ(found->recorded, counts[0].get<std::int64_t>()) << field;
    EXPECT_EQ(found->total, counts[1].get<std::int64_t>()) << field;
  }
}

TEST(KpiHandbuiltTest, DefaultSuppressionHidesTheSmallCountsOfThisForce) {
  TestWorkspace workspace;
  Loaded loaded;
  const KpiFacts facts = facts_of(workspace, loaded, *CivilDate::parse_iso("2025-06-30"));
  const KpiFlightDeck deck = compute_flight_deck(facts, *parse_kpi_period("2025Q2"), {{KpiDimension::Unit}}, {});
  const KpiMeasureReport& recorded = deck.measures[static_cast<std::size_t>(KpiMeasureId::RecordedCrimes)];
  EXPECT_FALSE(recorded.value.suppressed);  // 5 is shown
  EXPECT_EQ(recorded.value.display, "5");
  EXPECT_TRUE(recorded.previous.suppressed);  // 2
  EXPECT_EQ(recorded.previous.display, "<5");
  EXPECT_FALSE(recorded.change.has_value());  // never computed from a hidden value
  for (const KpiCell& cell : recorded.breakdowns[0].cells) EXPECT_TRUE(cell.value.suppressed) << cell.categories[0];
  // A rate whose numerator (3) and denominator (5) ... the numerator is small: hidden.
  const KpiMeasureReport& isva = deck.measures[static_cast<std::size_t>(KpiMeasureId::IsvaReferralRate)];
  EXPECT_TRUE(isva.value.suppressed);
  EXPECT_EQ(isva.value.display, "<5");
}

}  // namespace
}  // namespace rasso

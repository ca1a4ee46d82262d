#include <gtest/gtest.h>

#include "analytics/kpi_period.h"

namespace rasso {
namespace {

TEST(KpiPeriodTest, ParsesMonthsQuartersAndYears) {
  EXPECT_EQ(parse_kpi_period("2025-03")->label(), "2025-03");
  EXPECT_EQ(parse_kpi_period("2025Q1")->label(), "2025Q1");
  EXPECT_EQ(parse_kpi_period("2025-Q4")->label(), "2025Q4");
  EXPECT_EQ(parse_kpi_period("2025")->label(), "2025");
  EXPECT_FALSE(parse_kpi_period("2025-13"));
  EXPECT_FALSE(parse_kpi_period("2025Q5"));
  EXPECT_FALSE(parse_kpi_period("25Q1"));
  EXPECT_EQ(parse_kpi_period("March").error().code, "invalid_input");
}

TEST(KpiPeriodTest, FirstAndLastDaysAndThePreviousPeriod) {
  const KpiPeriod q1 = *parse_kpi_period("2024Q1");
  EXPECT_EQ(q1.first_day().to_iso(), "2024-01-01");
  EXPECT_EQ(q1.last_day().to_iso(), "2024-03-31");
  EXPECT_EQ(q1.previous().label(), "2023Q4");
  EXPECT_EQ(parse_kpi_period("2024-02")->last_day().to_iso(), "2024-02-29");
  EXPECT_EQ(parse_kpi_period("2025-01")->previous().label(), "2024-12");
  EXPECT_EQ(parse_kpi_period("2025")->previous().label(), "2024");
  EXPECT_EQ(parse_kpi_period("2024-12")->next().label(), "2025-01");
  EXPECT_TRUE(q1.contains(*CivilDate::parse_iso("2024-03-31")));
  EXPECT_FALSE(q1.contains(*CivilDate::parse_iso("2024-04-01")));
}

TEST(KpiPeriodTest, PeriodsBetweenTwoDates) {
  const auto months = periods_between(*CivilDate::parse_iso("2024-11-15"), *CivilDate::parse_iso("2025-02-01"),
                                      PeriodGranularity::Month);
  ASSERT_EQ(months.size(), 4u);
  EXPECT_EQ(months.front().label(), "2024-11");
  EXPECT_EQ(months.back().label(), "2025-02");
  EXPECT_EQ(periods_between(*CivilDate::parse_iso("2024-01-01"), *CivilDate::parse_iso("2024-12-31"),
                            PeriodGranularity::Quarter).size(), 4u);
  EXPECT_TRUE(periods_between(*CivilDate::parse_iso("2025-01-01"), *CivilDate::parse_iso("2024-01-01"),
                              PeriodGranularity::Year).empty());
}

}  // namespace
}  // namespace rasso

#include "core/civil_date.h"

#include <gtest/gtest.h>

namespace rasso {
namespace {

TEST(CivilDate, ParsesAndPrintsIsoDates) {
  const auto date = CivilDate::parse_iso("2024-02-29");
  ASSERT_TRUE(date);
  EXPECT_EQ(date->year(), 2024);
  EXPECT_EQ(date->month(), 2);
  EXPECT_EQ(date->day(), 29);
  EXPECT_EQ(date->to_iso(), "2024-02-29");
  EXPECT_EQ(CivilDate::from_days(0).to_iso(), "1970-01-01");
}

struct BadDate {
  const char* text;
  const char* problem;
};

void PrintTo(const BadDate& c, std::ostream* out) { *out << c.text; }

class CivilDateRejects : public testing::TestWithParam<BadDate> {};

TEST_P(CivilDateRejects, WithTheReason) {
  EXPECT_FALSE(CivilDate::parse_iso(GetParam().text));
  EXPECT_EQ(CivilDate::parse_iso_problem(GetParam().text), GetParam().problem);
}

INSTANTIATE_TEST_SUITE_P(Table, CivilDateRejects,
                         testing::Values(BadDate{"2023-02-29", "no such calendar date"},
                                         BadDate{"2024-13-01", "no such calendar date"},
                                         BadDate{"2024-04-31", "no such calendar date"},
                                         BadDate{"2024-00-10", "no such calendar date"},
                                         BadDate{"1900-02-29", "no such calendar date"},
                                         BadDate{"03/04/1985", "expected an ISO 8601 date YYYY-MM-DD"},
                                         BadDate{"2024-1-01", "expected an ISO 8601 date YYYY-MM-DD"},
                                         BadDate{"2024-01-01T10:00", "expected an ISO 8601 date YYYY-MM-DD"},
                                         BadDate{"", "expected an ISO 8601 date YYYY-MM-DD"},
                                         BadDate{"1066-10-14", "year outside 1800-2199"}));

TEST(CivilDate, AcceptsCenturyLeapYear) { EXPECT_TRUE(CivilDate::parse_iso("2000-02-29")); }

TEST(CivilDate, WeekdaysAreIso) {
  EXPECT_EQ(CivilDate::parse_iso("2024-01-01")->iso_weekday(), 1);  // Monday
  EXPECT_EQ(CivilDate::parse_iso("2024-03-31")->iso_weekday(), 7);  // Sunday
  EXPECT_EQ(CivilDate::parse_iso("1969-12-31")->iso_weekday(), 3);  // Wednesday, before the epoch
}

TEST(CivilDate, AddsMonthsClampingToMonthEnd) {
  EXPECT_EQ(CivilDate::parse_iso("2024-01-31")->plus_months(1).to_iso(), "2024-02-29");
  EXPECT_EQ(CivilDate::parse_iso("2023-01-31")->plus_months(1).to_iso(), "2023-02-28");
  EXPECT_EQ(CivilDate::parse_iso("2024-11-30")->plus_months(3).to_iso(), "2025-02-28");
  EXPECT_EQ(CivilDate::parse_iso("2024-05-15")->plus_months(-6).to_iso(), "2023-11-15");
}

TEST(CivilDate, CountsDaysBetween) {
  const auto a = *CivilDate::parse_iso("2024-02-28");
  const auto b = *CivilDate::parse_iso("2024-03-01");
  EXPECT_EQ(a.days_until(b), 2);
  EXPECT_EQ(b.days_until(a), -2);
  EXPECT_LT(a, b);
}

}  // namespace
}  // namespace rasso

// Breaches: response times and overdue responses, the repeat-breach window, and breaches dated
// before the order they breach.

#include "core/breach_timeline.h"

#include <gtest/gtest.h>

namespace rasso {
namespace {

CivilDate d(const char* iso) { return *CivilDate::parse_iso(iso); }

TEST(BreachTimeline, ResponseIsDueTwoCalendarDaysAfterTheReport) {
  EXPECT_EQ(breach_response_due(d("2024-03-01"), 2).to_iso(), "2024-03-03");  // a Sunday: police work weekends
  EXPECT_EQ(breach_response_due(d("2024-02-28"), 2).to_iso(), "2024-03-01");  // across a leap day
  EXPECT_EQ(breach_response_due(d("2023-02-28"), 2).to_iso(), "2023-03-02");
  EXPECT_EQ(breach_response_due(d("2024-12-31"), 2).to_iso(), "2025-01-02");
}

struct OverdueCase {
  const char* as_of;
  bool overdue;
};

class BreachResponseOverdue : public testing::TestWithParam<OverdueCase> {};

TEST_P(BreachResponseOverdue, AfterTheDueDay) {
  EXPECT_EQ(breach_response_overdue(d("2024-03-01"), d(GetParam().as_of), 2), GetParam().overdue) << GetParam().as_of;
}

INSTANTIATE_TEST_SUITE_P(Table, BreachResponseOverdue,
                         testing::Values(OverdueCase{"2024-03-01", false}, OverdueCase{"2024-03-02", false},
                                         OverdueCase{"2024-03-03", false},  // due day
                                         OverdueCase{"2024-03-04", true}));  // day after

TEST(BreachTimeline, DaysToResponse) {
  EXPECT_EQ(days_to_breach_response(d("2024-02-28"), d("2024-02-28")), 0);
  EXPECT_EQ(days_to_breach_response(d("2024-02-28"), d("2024-03-01")), 2);
  EXPECT_EQ(days_to_breach_response(d("2023-02-28"), d("2023-03-01")), 1);
}

struct WindowCase {
  const char* occurred;
  const char* as_of;
  int months;
  bool within;
};

class RepeatBreachWindow : public testing::TestWithParam<WindowCase> {};

TEST_P(RepeatBreachWindow, CountsBackFromTheAsOfDate) {
  const auto& c = GetParam();
  EXPECT_EQ(within_repeat_breach_window(d(c.occurred), d(c.as_of), c.months), c.within) << c.occurred << " " << c.as_of;
}

INSTANTIATE_TEST_SUITE_P(Table, RepeatBreachWindow,
                         testing::Values(WindowCase{"2023-06-14", "2024-06-15", 12, false},  // a day too early
                                         WindowCase{"2023-06-15", "2024-06-15", 12, true},   // first day of the window
                                         WindowCase{"2024-06-15", "2024-06-15", 12, true},   // the as-of date
                                         WindowCase{"2024-06-16", "2024-06-15", 12, false},  // after the as-of date
                                         WindowCase{"2023-02-27", "2024-02-29", 12, false},  // from a leap day
                                         WindowCase{"2023-02-28", "2024-02-29", 12, true},
                                         WindowCase{"2001-01-01", "2024-06-15", 0, true}));  // 0 = all time

TEST(BreachTimeline, BreachBeforeTheOrderStarted) {
  const OrderTerms order{OrderStatus::Made, d("2024-07-20"), d("2026-07-19"), false};
  EXPECT_TRUE(breach_predates_order(d("2024-07-19"), order));
  EXPECT_FALSE(breach_predates_order(d("2024-07-20"), order));
  EXPECT_FALSE(breach_predates_order(d("2024-09-10"), order));
  const OrderTerms applied{OrderStatus::Applied, std::nullopt, std::nullopt, false};
  EXPECT_TRUE(breach_predates_order(d("2024-09-10"), applied));
}

}  // namespace
}  // namespace rasso

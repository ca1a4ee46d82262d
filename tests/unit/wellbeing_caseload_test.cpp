// Well-being check-in schedule (due the day before, on and after) and monthly caseload snapshots
// (open from report to outcome, median and maximum, idle investigators counted as zero).

#include <gtest/gtest.h>

#include "analytics/caseload.h"
#include "worklists/wellbeing_schedule.h"

namespace rasso {
namespace {

CivilDate d(const char* iso) { return *CivilDate::parse_iso(iso); }

OfficerRecord officer(const char* ref, const char* role, const char* start, const char* unit = "U1") {
  OfficerRecord out;
  out.officer_ref = ref;
  out.force_code = "WD";
  out.unit_ref = unit;
  out.role = role;
  out.start_date = d(start);
  return out;
}

TEST(WellbeingSchedule, DueSixMonthsAfterTheLastCheckInOrJoining) {
  const std::vector<OfficerRecord> officers = {officer("A", "investigator", "2020-01-01"),
                                               officer("B", "investigator", "2025-01-10"),
                                               officer("C", "analyst", "2020-01-01")};
  const std::vector<WellbeingCheckinDate> checkins = {{"A", d("2024-06-30")}, {"A", d("2024-12-31")}, {"A", d("2026-01-01")}};
  auto at = [&](const char* as_of) { return wellbeing_schedule(officers, checkins, d(as_of)); };
  const auto before = at("2025-06-29");
  ASSERT_EQ(before.size(), 2u);  // the analyst's role does not need check-ins by default
  EXPECT_EQ(*before[0].last_checkin, d("2024-12-31"));  // the 2026 one is after the as-of date
  EXPECT_EQ(before[0].due_date, d("2025-06-30"));
  EXPECT_EQ(before[0].days_overdue, -1);
  EXPECT_FALSE(at("2025-06-30")[0].overdue());
  EXPECT_TRUE(at("2025-07-01")[0].overdue());
  EXPECT_EQ(at("2025-07-01")[0].days_overdue, 1);
  // B has never had one: due six months after joining.
  EXPECT_FALSE(before[1].last_checkin);
  EXPECT_EQ(before[1].due_date, d("2025-07-10"));
  // Interval and roles are configuration.
  WellbeingRules rules;
  rules.interval_months = 3;
  rules.roles = {"investigator", "analyst"};
  const auto quarterly = wellbeing_schedule(officers, checkins, d("2025-06-29"), rules);
  ASSERT_EQ(quarterly.size(), 3u);
  EXPECT_EQ(quarterly[0].due_date, d("2025-03-31"));
  // The worklist holds those overdue or due within the warning days, most overdue first.
  const auto items = wellbeing_worklist(quarterly, d("2025-06-29"), rules);
  ASSERT_EQ(items.size(), 3u);
  EXPECT_EQ(items[0].officer_ref, "C");
  EXPECT_EQ(item_kind_code(items[0].kind), "wellbeing_checkin_due");
  EXPECT_EQ(wellbeing_worklist(before, d("2025-06-29")).size(), 2u);
  rules.warning_days = 0;
  EXPECT_EQ(wellbeing_worklist(wellbeing_schedule(officers, checkins, d("2025-06-29")), d("2025-06-29"), rules).size(), 0u);
}

CrimeRecord crime(const char* ref, const char* officer_ref, const char* reported, const char* outcome_date = nullptr,
                  const char* unit = "U1") {
  CrimeRecord out;
  out.crime_ref = ref;
  out.officer_ref = officer_ref;
  out.unit_ref = unit;
  out.reported_date = d(reported);
  if (outcome_date != nullptr) {
    out.outcome_code = 16;
    out.outcome_date = d(outcome_date);
  }
  return out;
}

TEST(Caseload, SnapshotDatesAreMonthEndsThenTheAsOfDate) {
  EXPECT_EQ(caseload_snapshot_dates(d("2025-03-15"), 3), (std::vector<CivilDate>{d("2025-01-31"), d("2025-02-28"), d("2025-03-15")}));
  EXPECT_EQ(caseload_snapshot_dates(d("2025-01-10"), 2), (std::vector<CivilDate>{d("2024-12-31"), d("2025-01-10")}));
  EXPECT_EQ(caseload_snapshot_dates(d("2025-01-10"), 0).size(), 1u);
}

TEST(Caseload, OpenFromReportUntilOutcomeWithMedianAndMaximum) {
  const std::vector<OfficerRecord> officers = {officer("A", "investigator", "2020-01-01", "U1"),
                                               officer("B", "investigator", "2020-01-01", "U1"),
                                               officer("C", "investigator", "2020-01-01", "U2"),
                                               officer("S", "supervisor", "2020-01-01", "U2")};
  const std::vector<CrimeRecord> crimes = {
      crime("1", "A", "2025-01-05"),                // open throughout
      crime("2", "A", "2025-01-20", "2025-02-28"),  // closed on the last day of February
      crime("3", "A", "2025-02-01", "2025-03-01"),
      crime("4", "B", "2025-02-10"),
      crime("5", "", "2025-01-01"),                 // no officer in charge: nobody's caseload
      crime("6", "X", "2025-01-01", nullptr, "U3"), // an officer not in the officers table
  };
  const auto rows = caseload_series(crimes, officers, d("2025-03-10"), 3, CaseloadGrouping::Unit);
  // 2025-01-31: A 2, B 0, C 0, X 1 -> U1 {2, 0}, U2 {0}, U3 {1}; ALL {0, 0, 1, 2}.
  ASSERT_EQ(rows.size(), 12u);
  EXPECT_EQ(rows[0].date, d("2025-01-31"));
  EXPECT_EQ(rows[0].group, "U1");
  EXPECT_EQ(rows[0].officers, 2);
  EXPECT_EQ(rows[0].open_crimes, 2);
  EXPECT_DOUBLE_EQ(rows[0].median, 1.0);
  EXPECT_EQ(rows[0].maximum, 2);
  EXPECT_EQ(rows[2].group, "U3");
  EXPECT_EQ(rows[3].group, "ALL");
  EXPECT_EQ(rows[3].officers, 4);  // the supervisor holds nothing and is not an investigator
  EXPECT_DOUBLE_EQ(rows[3].median, 0.5);
  // 2025-02-28: crime 2 closed that day (not open), so A holds 1 and 3: 2; B 1.
  EXPECT_EQ(rows[4].date, d("2025-02-28"));
  EXPECT_EQ(rows[4].open_crimes, 3);
  // 2025-03-10: A holds 1; B holds 4.
  EXPECT_EQ(rows[8].date, d("2025-03-10"));
  EXPECT_EQ(rows[8].open_crimes, 2);
  EXPECT_EQ(rows[8].maximum, 1);

  const auto by_officer = caseload_series(crimes, officers, d("2025-03-10"), 1, CaseloadGrouping::Officer);
  ASSERT_EQ(by_officer.size(), 5u);  // A, B, C, X, ALL
  EXPECT_EQ(by_officer[0].group, "A");
  EXPECT_EQ(by_officer[0].open_crimes, 1);
  EXPECT_EQ(by_officer[3].group, "X");
  EXPECT_EQ(by_officer[3].unit_ref, "U3");
  EXPECT_EQ(by_officer[4].group, "ALL");
  EXPECT_EQ(by_officer[4].maximum, 1);
}

}  // namespace
}  // namespace rasso

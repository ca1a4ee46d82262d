// Victims' Code deadlines: key decision updates in working days (enhanced or not), the agreed
// contact frequency, the ISVA referral offer, the right-to-review window and the NFA outcomes.

#include "core/victim_contact_deadline.h"

#include <gtest/gtest.h>

#include <vector>

namespace rasso {
namespace {

CivilDate d(const char* iso) { return *CivilDate::parse_iso(iso); }

// The holidays the cases below cross.
const BankHolidayCalendar& holidays() {
  static const std::vector<CivilDate> dates = {d("2022-09-19"), d("2023-05-08"), d("2024-03-29"), d("2024-04-01"),
                                               d("2024-12-25"), d("2024-12-26"), d("2025-01-01")};
  static const BankHolidayCalendar calendar(dates);
  return calendar;
}

struct DecisionCase {
  const char* decided;
  bool enhanced;
  const char* due;
  const char* why;
};

class KeyDecisionUpdate : public testing::TestWithParam<DecisionCase> {};

TEST_P(KeyDecisionUpdate, IsDueInWorkingDays) {
  const SafeguardingConfig config;
  EXPECT_EQ(key_decision_update_due(d(GetParam().decided), GetParam().enhanced, holidays(), config).to_iso(),
            GetParam().due)
      << GetParam().why;
}

INSTANTIATE_TEST_SUITE_P(
    Table, KeyDecisionUpdate,
    testing::Values(DecisionCase{"2024-03-05", true, "2024-03-06", "Tuesday, enhanced: next working day"},
                    DecisionCase{"2024-03-05", false, "2024-03-12", "Tuesday, standard: 5 working days"},
                    DecisionCase{"2024-03-08", true, "2024-03-11", "Friday: Monday"},
                    DecisionCase{"2024-03-09", true, "2024-03-11", "decided on a Saturday: Monday"},
                    DecisionCase{"2024-03-10", true, "2024-03-11", "decided on a Sunday: Monday"},
                    DecisionCase{"2024-03-28", true, "2024-04-02", "over Good Friday and Easter Monday"},
                    DecisionCase{"2024-03-29", true, "2024-04-02", "decided on Good Friday"},
                    DecisionCase{"2024-03-28", false, "2024-04-08", "standard over Easter"},
                    DecisionCase{"2022-09-16", true, "2022-09-20", "over the state funeral"},
                    DecisionCase{"2023-05-05", true, "2023-05-09", "over the coronation"},
                    DecisionCase{"2024-12-24", true, "2024-12-27", "over Christmas"},
                    DecisionCase{"2024-02-28", true, "2024-02-29", "onto a leap day"}));

TEST(VictimContactDeadline, EnhancedRightsByDefaultForEveryRassoVictim) {
  SafeguardingConfig config;
  EXPECT_TRUE(has_enhanced_rights(false, false, config));
  config.all_victims_enhanced = false;
  EXPECT_FALSE(has_enhanced_rights(false, false, config));
  EXPECT_TRUE(has_enhanced_rights(true, false, config));
  EXPECT_TRUE(has_enhanced_rights(false, true, config));
}

TEST(VictimContactDeadline, ConfiguredWorkingDaysAreUsed) {
  SafeguardingConfig config;
  config.enhanced_update_working_days = 2;
  EXPECT_EQ(key_decision_update_due(d("2024-03-05"), true, holidays(), config).to_iso(), "2024-03-07");
}

struct FrequencyCase {
  const char* last_contact;
  int frequency;
  const char* due;
  const char* why;
};

class AgreedUpdate : public testing::TestWithParam<FrequencyCase> {};

TEST_P(AgreedUpdate, FallsOnAWorkingDay) {
  EXPECT_EQ(next_agreed_update_due(d(GetParam().last_contact), GetParam().frequency, holidays()).to_iso(),
            GetParam().due)
      << GetParam().why;
}

INSTANTIATE_TEST_SUITE_P(
    Table, AgreedUpdate,
    testing::Values(FrequencyCase{"2024-03-05", 28, "2024-04-02", "28 days lands on Tuesday 2 April"},
                    FrequencyCase{"2024-03-04", 28, "2024-04-02", "28 days lands on Easter Monday: next working day"},
                    FrequencyCase{"2024-02-03", 28, "2024-03-04", "contact on a Saturday; due Saturday 2 March: Monday"},
                    FrequencyCase{"2024-02-01", 28, "2024-02-29", "onto the leap day"},
                    FrequencyCase{"2024-01-31", 30, "2024-03-01", "across a month end"},
                    FrequencyCase{"2024-03-05", 7, "2024-03-12", "weekly"}));

TEST(VictimContactDeadline, IsvaReferralWithinTwoWorkingDays) {
  const SafeguardingConfig config;
  EXPECT_EQ(isva_referral_due(d("2024-03-05"), holidays(), config).to_iso(), "2024-03-07");
  EXPECT_EQ(isva_referral_due(d("2024-03-08"), holidays(), config).to_iso(), "2024-03-12");  // Friday
  EXPECT_EQ(isva_referral_due(d("2024-03-09"), holidays(), config).to_iso(), "2024-03-12");  // Saturday report
  EXPECT_EQ(isva_referral_due(d("2024-03-27"), holidays(), config).to_iso(), "2024-04-02");  // Easter
}

struct ReviewCase {
  const char* told;
  const char* as_of;
  bool open;
};

class RightToReviewWindow : public testing::TestWithParam<ReviewCase> {};

TEST_P(RightToReviewWindow, LastsThreeMonthsFromBeingTold) {
  const SafeguardingConfig config;
  EXPECT_EQ(is_right_to_review_window_open(d(GetParam().told), d(GetParam().as_of), config), GetParam().open)
      << GetParam().told << " " << GetParam().as_of;
}

INSTANTIATE_TEST_SUITE_P(Table, RightToReviewWindow,
                         testing::Values(ReviewCase{"2024-07-02", "2024-07-01", false},  // before being told
                                         ReviewCase{"2024-07-02", "2024-07-02", true},
                                         ReviewCase{"2024-07-02", "2024-10-01", true},
                                         ReviewCase{"2024-07-02", "2024-10-02", true},   // last day
                                         ReviewCase{"2024-07-02", "2024-10-03", false},  // day after
                                         ReviewCase{"2023-11-30", "2024-02-29", true},   // month end, leap year
                                         ReviewCase{"2023-11-30", "2024-03-01", false}));

TEST(VictimContactDeadline, RightToReviewWindowCloses) {
  const SafeguardingConfig config;
  EXPECT_EQ(right_to_review_window_closes(d("2024-07-02"), config).to_iso(), "2024-10-02");
  EXPECT_EQ(right_to_review_window_closes(d("2022-11-30"), config).to_iso(), "2023-02-28");
}

TEST(VictimContactDeadline, NfaAndReviewableOutcomes) {
  const SafeguardingConfig config;
  for (int code : {9, 10, 14, 15, 16, 18, 21}) EXPECT_TRUE(is_nfa_outcome(code, config)) << code;
  for (int code : {0, 1, 2, 3, 8, 13, 17, 20, 22}) EXPECT_FALSE(is_nfa_outcome(code, config)) << code;
  for (int code : {15, 16, 21}) EXPECT_TRUE(is_reviewable_outcome(code, config)) << code;
  for (int code : {9, 10, 14, 18, 1}) EXPECT_FALSE(is_reviewable_outcome(code, config)) << code;
}

}  // namespace
}  // namespace rasso

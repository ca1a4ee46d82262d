// PACE s63G: eligibility for an application, its deadline, retention if granted and the window for
// an extension.

#include "core/s63g_eligibility.h"

#include <gtest/gtest.h>

namespace rasso {
namespace {

CivilDate d(const char* iso) { return *CivilDate::parse_iso(iso); }

S63gFacts eligible_facts() {
  S63gFacts facts;
  facts.qualifying_offence = true;
  facts.no_charge_date = d("2024-02-01");
  facts.samples_taken = true;
  facts.previous_convictions = false;
  facts.grounds.victim_associated = true;
  return facts;
}

TEST(S63gEligibility, EligibleWithADeadline) {
  const auto result = assess_s63g_eligibility(eligible_facts(), SafeguardingConfig{});
  EXPECT_TRUE(result.eligible);
  EXPECT_EQ(result.not_eligible_because, "");
  ASSERT_TRUE(result.application_deadline);
  EXPECT_EQ(result.application_deadline->to_iso(), "2024-02-29");  // 28 days, onto the leap day
  EXPECT_FALSE(result.previous_convictions_unrecorded);
  EXPECT_EQ(result.grounds.in_words(), "victim associated with the person");
}

struct NotEligibleCase {
  const char* because;
  void (*change)(S63gFacts&);
};

class S63gNotEligible : public testing::TestWithParam<NotEligibleCase> {};

TEST_P(S63gNotEligible, SaysWhy) {
  S63gFacts facts = eligible_facts();
  GetParam().change(facts);
  const auto result = assess_s63g_eligibility(facts, SafeguardingConfig{});
  EXPECT_FALSE(result.eligible);
  EXPECT_EQ(result.not_eligible_because, GetParam().because);
  EXPECT_FALSE(result.application_deadline);
}

INSTANTIATE_TEST_SUITE_P(
    Table, S63gNotEligible,
    testing::Values(
        NotEligibleCase{"not arrested for a qualifying offence", [](S63gFacts& f) { f.qualifying_offence = false; }},
        NotEligibleCase{"charged or cautioned", [](S63gFacts& f) { f.charged = true; }},
        NotEligibleCase{"no decision not to charge recorded yet", [](S63gFacts& f) { f.no_charge_date.reset(); }},
        NotEligibleCase{"no DNA or fingerprints taken", [](S63gFacts& f) { f.samples_taken = false; }},
        NotEligibleCase{"has previous convictions (retention does not need s63G consent)",
                        [](S63gFacts& f) { f.previous_convictions = true; }},
        NotEligibleCase{"no s63G ground applies", [](S63gFacts& f) { f.grounds = {}; }}));

TEST(S63gEligibility, UnrecordedConvictionsAreFlaggedNotRefused) {
  S63gFacts facts = eligible_facts();
  facts.previous_convictions.reset();
  const auto result = assess_s63g_eligibility(facts, SafeguardingConfig{});
  EXPECT_TRUE(result.eligible);
  EXPECT_TRUE(result.previous_convictions_unrecorded);
}

TEST(S63gEligibility, EachGroundIsEnough) {
  for (S63gGround ground : {S63gGround::VictimUnder18, S63gGround::VictimVulnerable, S63gGround::VictimAssociated,
                            S63gGround::PreventDetect}) {
    S63gFacts facts = eligible_facts();
    facts.grounds = {};
    facts.grounds.add(ground);
    EXPECT_TRUE(assess_s63g_eligibility(facts, SafeguardingConfig{}).eligible) << s63g_ground_code(ground);
  }
}

TEST(S63gEligibility, GroundCodesRoundTrip) {
  for (S63gGround ground : {S63gGround::VictimUnder18, S63gGround::VictimVulnerable, S63gGround::VictimAssociated,
                            S63gGround::PreventDetect}) {
    EXPECT_EQ(parse_s63g_ground(s63g_ground_code(ground)), ground);
  }
  EXPECT_EQ(parse_s63g_ground("VICTIM_UNDER_18"), S63gGround::VictimUnder18);
  EXPECT_FALSE(parse_s63g_ground(""));
  EXPECT_FALSE(parse_s63g_ground("victim_old"));
  S63gGrounds all{true, true, true, true};
  EXPECT_EQ(all.in_words(),
            "victim under 18; victim vulnerable; victim associated with the person; to prevent or detect crime");
  EXPECT_EQ(S63gGrounds{}.in_words(), "");
}

TEST(S63gEligibility, QualifyingOffences) {
  SafeguardingConfig config;
  EXPECT_TRUE(is_s63g_qualifying_offence("19C", config));  // default: every offence
  EXPECT_TRUE(is_s63g_qualifying_offence("88E", config));
  config.s63g_qualifying_offences = {"19C", "19d"};
  EXPECT_TRUE(is_s63g_qualifying_offence("19c", config));
  EXPECT_TRUE(is_s63g_qualifying_offence("19D", config));
  EXPECT_FALSE(is_s63g_qualifying_offence("88E", config));
}

struct DeadlineCase {
  const char* no_charge;
  int days;
  const char* deadline;
};

class S63gDeadline : public testing::TestWithParam<DeadlineCase> {};

TEST_P(S63gDeadline, IsDaysAfterTheNoChargeDecision) {
  SafeguardingConfig config;
  config.s63g_application_deadline_days = GetParam().days;
  EXPECT_EQ(s63g_application_deadline(d(GetParam().no_charge), config).to_iso(), GetParam().deadline);
}

INSTANTIATE_TEST_SUITE_P(Table, S63gDeadline,
                         testing::Values(DeadlineCase{"2024-02-01", 28, "2024-02-29"},
                                         DeadlineCase{"2023-02-01", 28, "2023-03-01"},
                                         DeadlineCase{"2024-12-20", 28, "2025-01-17"},
                                         DeadlineCase{"2024-06-30", 14, "2024-07-14"}));

TEST(S63gRetention, ThreeYearsFromTheSamples) {
  const SafeguardingConfig config;
  EXPECT_EQ(s63g_retention_end(d("2024-01-08"), config).to_iso(), "2027-01-08");
  EXPECT_EQ(s63g_retention_end(d("2020-02-29"), config).to_iso(), "2023-02-28");
  EXPECT_EQ(s63g_extension_window_opens(d("2024-01-08"), config).to_iso(), "2026-10-08");
  EXPECT_EQ(s63g_extension_window_opens(d("2021-05-31"), config).to_iso(), "2024-02-29");
}

struct WindowCase {
  const char* as_of;
  bool open;
};

class S63gExtensionWindow : public testing::TestWithParam<WindowCase> {};

TEST_P(S63gExtensionWindow, IsTheLastThreeMonths) {
  EXPECT_EQ(is_s63g_extension_window_open(d("2024-01-08"), d(GetParam().as_of), SafeguardingConfig{}), GetParam().open)
      << GetParam().as_of;
}

INSTANTIATE_TEST_SUITE_P(Table, S63gExtensionWindow,
                         testing::Values(WindowCase{"2026-10-07", false},   // day before it opens
                                         WindowCase{"2026-10-08", true},    // opens
                                         WindowCase{"2027-01-08", true},    // last day of retention
                                         WindowCase{"2027-01-09", false}));  // retention over

}  // namespace
}  // namespace rasso

// Pre-charge bail periods (PACE ss47ZA-47ZM from 28 October 2022) and release under investigation.

#include "core/bail_period.h"

#include <gtest/gtest.h>

#include "core/released_under_investigation.h"
#include "ingest/reference_data.h"

namespace rasso {
namespace {

CivilDate d(const char* iso) { return *CivilDate::parse_iso(iso); }

const BailAuthorityRanks& shipped_ranks() {
  static const BailAuthorityRanks ranks = [] {
    const auto tables = load_code_tables(RASSO_DEFAULT_DATA_DIR);
    EXPECT_TRUE(tables.ok());
    return *BailAuthorityRanks::from_code_table(*tables->table("bail_authority"));
  }();
  return ranks;
}

TEST(BailPeriod, RequiredAuthorityClimbsTheLadder) {
  EXPECT_EQ(required_bail_authority(1), "PS");
  EXPECT_EQ(required_bail_authority(2), "INSP");
  EXPECT_EQ(required_bail_authority(3), "SUPT");
  EXPECT_EQ(required_bail_authority(4), "COURT");
  EXPECT_EQ(required_bail_authority(7), "COURT");
  EXPECT_EQ(required_bail_authority_in_words(2), "an inspector or above");
}

struct LimitCase {
  const char* bail_start;
  int period;
  const char* limit;  // nullptr: set by the court
  const char* why;
};

class StatutoryLimit : public testing::TestWithParam<LimitCase> {};

TEST_P(StatutoryLimit, CountsMonthsFromTheBailStart) {
  const auto limit = statutory_bail_limit(d(GetParam().bail_start), GetParam().period);
  if (GetParam().limit == nullptr) {
    EXPECT_FALSE(limit) << GetParam().why;
  } else {
    ASSERT_TRUE(limit) << GetParam().why;
    EXPECT_EQ(limit->to_iso(), GetParam().limit) << GetParam().why;
  }
}

INSTANTIATE_TEST_SUITE_P(
    Table, StatutoryLimit,
    testing::Values(LimitCase{"2024-01-09", 1, "2024-04-09", "initial 3 months"},
                    LimitCase{"2024-01-09", 2, "2024-07-09", "inspector: to 6 months"},
                    LimitCase{"2024-01-09", 3, "2024-10-09", "superintendent: to 9 months"},
                    LimitCase{"2024-01-09", 4, "2025-01-09", "first court extension: to 12 months"},
                    LimitCase{"2024-01-09", 5, nullptr, "later court extensions: the court sets the end"},
                    LimitCase{"2023-11-30", 1, "2024-02-29", "into a leap February"},
                    LimitCase{"2022-11-30", 1, "2023-02-28", "into an ordinary February"},
                    LimitCase{"2024-08-31", 2, "2025-02-28", "31st to a short month"},
                    LimitCase{"2024-02-29", 4, "2025-02-28", "from a leap day, a year on"}));

TEST(BailPeriod, ExpiryIsTheEarlierOfRecordedEndAndStatutoryLimit) {
  BailPeriodTerms terms{2, d("2024-01-09"), d("2024-07-08"), "INSP"};
  EXPECT_EQ(bail_period_expiry(terms).to_iso(), "2024-07-08");  // recorded end earlier: held to it
  terms.recorded_end = d("2024-08-01");
  EXPECT_EQ(bail_period_expiry(terms).to_iso(), "2024-07-09");  // recorded past the law: the law wins
  terms.bail_start = std::nullopt;
  EXPECT_EQ(bail_period_expiry(terms).to_iso(), "2024-08-01");  // no initial period on record
  terms = {5, d("2024-01-09"), d("2025-04-09"), "COURT"};
  EXPECT_EQ(bail_period_expiry(terms).to_iso(), "2025-04-09");  // the court set it
}

struct ExpiryCase {
  const char* as_of;
  int32_t days_left;
  bool lapsed;
  bool expiring_soon;
};

class BailExpiryBoundaries : public testing::TestWithParam<ExpiryCase> {};

TEST_P(BailExpiryBoundaries, AroundTheExpiryAndTheWarning) {
  const BailPeriodTerms terms{1, d("2024-01-09"), d("2024-04-09"), "PS"};
  const BailPeriodStatus status = assess_bail_period(terms, d(GetParam().as_of), shipped_ranks(), 14);
  EXPECT_EQ(status.expiry.to_iso(), "2024-04-09");
  EXPECT_EQ(status.days_left, GetParam().days_left) << GetParam().as_of;
  EXPECT_EQ(status.lapsed, GetParam().lapsed) << GetParam().as_of;
  EXPECT_EQ(status.expiring_soon, GetParam().expiring_soon) << GetParam().as_of;
  EXPECT_FALSE(status.authorised_below_required_rank);
}

INSTANTIATE_TEST_SUITE_P(Table, BailExpiryBoundaries,
                         testing::Values(ExpiryCase{"2024-03-25", 15, false, false},  // day before the warning
                                         ExpiryCase{"2024-03-26", 14, false, true},   // first day of the warning
                                         ExpiryCase{"2024-04-08", 1, false, true},    // day before expiry
                                         ExpiryCase{"2024-04-09", 0, false, true},    // expiry day: still on bail
                                         ExpiryCase{"2024-04-10", -1, true, false},   // day after: lapsed
                                         ExpiryCase{"2024-06-01", -53, true, false}));

struct RankCase {
  int period;
  const char* authorised_by;
  bool below_required;
};

class BailAuthorisationRank : public testing::TestWithParam<RankCase> {};

TEST_P(BailAuthorisationRank, ComparesSeniority) {
  const BailPeriodTerms terms{GetParam().period, d("2024-01-09"), d("2024-04-09"), GetParam().authorised_by};
  EXPECT_EQ(assess_bail_period(terms, d("2024-01-10"), shipped_ranks(), 14).authorised_below_required_rank,
            GetParam().below_required)
      << "period " << GetParam().period << " by " << GetParam().authorised_by;
}

INSTANTIATE_TEST_SUITE_P(Table, BailAuthorisationRank,
                         testing::Values(RankCase{1, "PS", false}, RankCase{1, "ps", false}, RankCase{1, "INSP", false},
                                         RankCase{2, "PS", true}, RankCase{2, "INSP", false}, RankCase{2, "CI", false},
                                         RankCase{3, "INSP", true}, RankCase{3, "CI", true}, RankCase{3, "SUPT", false},
                                         RankCase{3, "CSUPT", false}, RankCase{4, "SUPT", true}, RankCase{4, "CC", true},
                                         RankCase{4, "COURT", false}, RankCase{6, "COURT", false},
                                         RankCase{2, "PC", true}, RankCase{2, "", true}));

TEST(BailAuthorityRanks, LoadsFromTheCodeTable) {
  EXPECT_EQ(shipped_ranks().seniority("PS"), 2);
  EXPECT_EQ(shipped_ranks().seniority("COURT"), 100);
  EXPECT_FALSE(shipped_ranks().seniority("PC"));
  EXPECT_TRUE(shipped_ranks().at_least("SUPT", "INSP"));
  EXPECT_FALSE(shipped_ranks().at_least("INSP", "SUPT"));
  EXPECT_FALSE(shipped_ranks().at_least("UNKNOWN", "PS"));
}

TEST(BailAuthorityRanks, RefusesATableWithoutUsableSeniority) {
  const CodeTable bad_number("bail_authority", {{"PS", "Sergeant", {{"seniority", "two"}}}});
  const auto refused = BailAuthorityRanks::from_code_table(bad_number);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().code, "invalid_input");
  EXPECT_EQ(refused.error().message, "bail_authority code 'PS': seniority 'two' is not a whole number");

  const CodeTable missing("bail_authority", {{"PS", "Sergeant", {{"seniority", "2"}}},
                                             {"INSP", "Inspector", {{"seniority", "3"}}},
                                             {"COURT", "Court", {{"seniority", "100"}}}});
  const auto incomplete = BailAuthorityRanks::from_code_table(missing);
  ASSERT_FALSE(incomplete.ok());
  EXPECT_EQ(incomplete.error().message, "bail_authority table has no code 'SUPT', which the PACE bail ladder requires");
}

TEST(BailPeriod, ConditionsNeedTheVictimsViews) {
  EXPECT_TRUE(conditions_without_victim_views(true, false));
  EXPECT_TRUE(conditions_without_victim_views(true, std::nullopt));
  EXPECT_FALSE(conditions_without_victim_views(true, true));
  EXPECT_FALSE(conditions_without_victim_views(false, false));
  EXPECT_FALSE(conditions_without_victim_views(false, std::nullopt));
}

struct RuiCase {
  const char* start;
  const char* as_of;
  bool too_long;
};

class RuiThreshold : public testing::TestWithParam<RuiCase> {};

TEST_P(RuiThreshold, IsLongerThanSixMonths) {
  EXPECT_EQ(rui_open_too_long(d(GetParam().start), d(GetParam().as_of), 6), GetParam().too_long)
      << GetParam().start << " on " << GetParam().as_of;
}

INSTANTIATE_TEST_SUITE_P(Table, RuiThreshold,
                         testing::Values(RuiCase{"2024-01-15", "2024-07-14", false},  // day before six months
                                         RuiCase{"2024-01-15", "2024-07-15", false},  // exactly six months
                                         RuiCase{"2024-01-15", "2024-07-16", true},   // day after
                                         RuiCase{"2024-08-31", "2025-02-28", false},  // month end clamps
                                         RuiCase{"2024-08-31", "2025-03-01", true},
                                         RuiCase{"2023-08-29", "2024-02-29", false},  // leap day is the review date
                                         RuiCase{"2023-08-29", "2024-03-01", true}));

TEST(ReleasedUnderInvestigation, ReviewDateUsesTheThreshold) {
  EXPECT_EQ(rui_review_date(d("2024-01-31"), 1).to_iso(), "2024-02-29");
  EXPECT_EQ(rui_review_date(d("2024-01-15"), 3).to_iso(), "2024-04-15");
}

}  // namespace
}  // namespace rasso

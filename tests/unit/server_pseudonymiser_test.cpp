#include <gtest/gtest.h>

#include <regex>
#include <set>

#include "server/pseudonymiser.h"

namespace rasso::server {
namespace {

const std::string kKey(64, 'a');

TEST(ServerPseudonymiser, StableForAKeyAndDifferentAcrossKeys) {
  const Pseudonymiser first(kKey);
  const Pseudonymiser again(kKey);
  const Pseudonymiser other(std::string(64, 'b'));
  EXPECT_EQ(first.pseudonym(42, "P1"), again.pseudonym(42, "P1"));
  EXPECT_EQ(first.pseudonym(42, "P1"), first.pseudonym(42, "P2")) << "records of one resolved person share a pseudonym";
  EXPECT_NE(first.pseudonym(42, "P1"), other.pseudonym(42, "P1"));
  EXPECT_TRUE(std::regex_match(first.pseudonym(42, ""), std::regex("Person P-[0-9A-F]{8}")));
  EXPECT_NE(first.pseudonym(0, "P1"), first.pseudonym(0, "P2")) << "unresolved records are told apart by reference";
}

TEST(ServerPseudonymiser, FewCollisionsAcrossManyPeople) {
  const Pseudonymiser pseudonymiser(kKey);
  std::set<std::string> seen;
  for (std::uint64_t id = 1; id <= 20000; ++id) seen.insert(pseudonymiser.pseudonym(id, ""));
  EXPECT_GE(seen.size(), 19990u);
}

TEST(ServerPseudonymiser, RejectsABadKey) {
  EXPECT_THROW(Pseudonymiser("abc"), std::invalid_argument);
  EXPECT_THROW(Pseudonymiser(std::string(64, 'z')), std::invalid_argument);
  const std::string generated = Pseudonymiser::generate_key_hex();
  EXPECT_EQ(generated.size(), 64u);
  EXPECT_NO_THROW(Pseudonymiser{generated});
}

TEST(ServerPseudonymiser, AgeBandsAndPostcodeDistricts) {
  const CivilDate as_of = *CivilDate::parse_iso("2025-06-15");
  EXPECT_EQ(age_band(CivilDate::parse_iso("1990-06-16"), as_of), "30-39");  // 34 the day before the birthday
  EXPECT_EQ(age_band(CivilDate::parse_iso("1985-06-15"), as_of), "40-49");
  EXPECT_EQ(age_band(CivilDate::parse_iso("2010-01-01"), as_of), "under 18");
  EXPECT_EQ(age_band(CivilDate::parse_iso("2006-01-01"), as_of), "18-19");
  EXPECT_EQ(age_band(std::nullopt, as_of), "unknown");
  EXPECT_EQ(postcode_district("LS1 4AB"), "LS1");
  EXPECT_EQ(postcode_district("SW1A1AA"), "SW1A");
  EXPECT_EQ(postcode_district("M1"), "M1");
  EXPECT_EQ(postcode_district(""), "");
}

}  // namespace
}  // namespace rasso::server

#include "analytics/data_quality.h"

#include <gtest/gtest.h>

#include <map>

#include "core/field_spec.h"

namespace rasso {
namespace {

std::vector<std::string> person(const std::map<std::string, std::string>& fields) {
  const EntitySpec& spec = entity_spec(Entity::Persons);
  std::vector<std::string> row(spec.fields.size());
  for (const auto& [name, value] : fields) row[*spec.index_of(name)] = value;
  return row;
}

TEST(DataQuality, CountsMissingFieldsBadAndConflictingPncIdsAndDuplicates) {
  // 2003/0123456L has a valid check character; ...456M does not.
  const std::vector<std::vector<std::string>> rows = {
      person({{"person_ref", "P1"}, {"force_code", "WD"}, {"forename", "Robert"}, {"surname", "Smith"}, {"dob", "1985-04-03"},
              {"pnc_id", "2003/0123456L"}}),
      person({{"person_ref", "P2"}, {"force_code", "WD"}, {"forename", "Bob"}, {"surname", "Smith"}, {"dob", "1985-03-04"},
              {"pnc_id", "03/0123456L"}}),
      person({{"person_ref", "P3"}, {"force_code", "WM"}, {"surname", "Smith"}, {"pnc_id", "2003/0123456M"}}),
      person({{"person_ref", "P4"}, {"force_code", "WM"}, {"forename", "Ann"}}),
  };
  const std::unordered_map<std::string, std::uint64_t> resolved = {{"P1", 1}, {"P2", 1}, {"P3", 1}, {"P4", 2}};
  const DataQualityReport report = assess_person_data_quality(rows, resolved);
  EXPECT_EQ(report.person_records, 4u);
  ASSERT_EQ(report.sources.size(), 2u);
  EXPECT_EQ(report.sources[0].source, "WD");
  EXPECT_EQ(report.sources[1].records, 2u);
  EXPECT_EQ(report.sources[1].fields[0].field, "forename");
  EXPECT_EQ(report.sources[1].fields[0].missing, 1u);
  EXPECT_DOUBLE_EQ(report.sources[1].fields[2].missing_rate(), 1.0);  // dob blank for both WM records
  EXPECT_EQ(report.invalid_pnc_check, 1u);
  ASSERT_EQ(report.pnc_conflicts.size(), 1u);  // the long and short forms are one PNC ID
  EXPECT_EQ(report.pnc_conflicts[0].dates_of_birth, (std::vector<std::string>{"1985-03-04", "1985-04-03"}));
  EXPECT_EQ(report.likely_duplicates, 1u);  // P2 duplicates P1 within WD; P3 is the only one in WM
  EXPECT_EQ(report.sources[0].likely_duplicates, 1u);
}

TEST(DataQuality, WithoutResolutionNoDuplicatesAreClaimed) {
  const auto report = assess_person_data_quality({person({{"person_ref", "P1"}, {"surname", "Lee"}})}, {});
  EXPECT_FALSE(report.resolution_available);
  EXPECT_EQ(report.likely_duplicates, 0u);
  EXPECT_EQ(report.sources[0].source, "(none)");
}

}  // namespace
}  // namespace rasso

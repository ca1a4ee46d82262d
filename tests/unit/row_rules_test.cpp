#include "core/row_rules.h"

#include <gtest/gtest.h>

#include <map>

namespace rasso {
namespace {

// Builds a row of `entity` from field=value pairs; unspecified fields are empty.
std::vector<std::string> row_of(Entity entity, const std::map<std::string, std::string>& fields) {
  const EntitySpec& spec = entity_spec(entity);
  std::vector<std::string> values(spec.fields.size());
  for (const auto& [name, value] : fields) values[*spec.index_of(name)] = value;
  return values;
}

struct RuleCase {
  const char* name;
  Entity entity;
  std::map<std::string, std::string> fields;
  const char* violated_field;  // nullptr: the row is consistent
};

void PrintTo(const RuleCase& c, std::ostream* out) { *out << c.name; }

class RowRulesTable : public testing::TestWithParam<RuleCase> {};

TEST_P(RowRulesTable, ReportsExactlyTheBrokenField) {
  const RuleCase& c = GetParam();
  const auto violations = check_row_rules(entity_spec(c.entity), row_of(c.entity, c.fields));
  if (c.violated_field == nullptr) {
    EXPECT_TRUE(violations.empty()) << violations.front().rule;
  } else {
    ASSERT_EQ(violations.size(), 1u);
    EXPECT_EQ(violations[0].field, c.violated_field);
    EXPECT_FALSE(violations[0].rule.empty());
  }
}

INSTANTIATE_TEST_SUITE_P(
    Table, RowRulesTable,
    testing::Values(
        RuleCase{"crime_ok", Entity::Crimes, {{"committed_date", "2024-01-01"}, {"reported_date", "2024-01-02"}, {"recorded_date", "2024-01-02"}, {"outcome_code", "0"}}, nullptr},
        RuleCase{"crime_reported_before_committed", Entity::Crimes, {{"committed_date", "2024-01-03"}, {"reported_date", "2024-01-02"}, {"recorded_date", "2024-01-03"}, {"outcome_code", "0"}}, "reported_date"},
        RuleCase{"crime_recorded_before_reported", Entity::Crimes, {{"reported_date", "2024-01-02"}, {"recorded_date", "2024-01-01"}, {"outcome_code", "0"}}, "recorded_date"},
        RuleCase{"crime_outcome_without_date", Entity::Crimes, {{"reported_date", "2024-01-02"}, {"recorded_date", "2024-01-02"}, {"outcome_code", "16"}}, "outcome_date"},
        RuleCase{"crime_open_with_outcome_date", Entity::Crimes, {{"reported_date", "2024-01-02"}, {"recorded_date", "2024-01-02"}, {"outcome_code", "0"}, {"outcome_date", "2024-02-01"}}, "outcome_date"},
        RuleCase{"crime_outcome_before_report", Entity::Crimes, {{"reported_date", "2024-01-02"}, {"recorded_date", "2024-01-02"}, {"outcome_code", "1"}, {"outcome_date", "2024-01-01"}}, "outcome_date"},
        RuleCase{"person_nameless", Entity::Persons, {{"dob", "1985-04-03"}}, "surname"},
        RuleCase{"person_pnc_only", Entity::Persons, {{"pnc_id", "1985/0012345A"}}, nullptr},
        RuleCase{"victim_with_suspect_status", Entity::Involvements, {{"role", "victim"}, {"suspect_status", "named"}}, "suspect_status"},
        RuleCase{"witness_with_relationship", Entity::Involvements, {{"role", "witness"}, {"relationship_to_victim", "stranger"}}, "relationship_to_victim"},
        RuleCase{"suspect_ok", Entity::Involvements, {{"role", "suspect"}, {"suspect_status", "named"}, {"relationship_to_victim", "partner"}}, nullptr},
        RuleCase{"bail_ends_on_start", Entity::Bail, {{"start_date", "2024-01-01"}, {"end_date", "2024-01-01"}}, "end_date"},
        RuleCase{"order_made_without_start", Entity::Orders, {{"status", "made"}}, "start_date"},
        RuleCase{"order_ends_before_start", Entity::Orders, {{"status", "made"}, {"start_date", "2024-01-02"}, {"end_date", "2024-01-01"}}, "end_date"},
        RuleCase{"order_ufo_with_end", Entity::Orders, {{"status", "made"}, {"start_date", "2024-01-02"}, {"end_date", "2029-01-01"}, {"until_further_order", "1"}}, "end_date"},
        RuleCase{"breach_of_bail_without_bail", Entity::Breaches, {{"breach_of", "bail"}, {"occurred_date", "2024-01-01"}, {"reported_date", "2024-01-01"}}, "bail_ref"},
        RuleCase{"breach_of_order_with_bail", Entity::Breaches, {{"breach_of", "order"}, {"order_ref", "O1"}, {"bail_ref", "B1"}, {"occurred_date", "2024-01-01"}, {"reported_date", "2024-01-01"}}, "bail_ref"},
        RuleCase{"breach_reported_before_occurred", Entity::Breaches, {{"breach_of", "order"}, {"order_ref", "O1"}, {"occurred_date", "2024-01-02"}, {"reported_date", "2024-01-01"}}, "reported_date"},
        RuleCase{"breach_response_without_date", Entity::Breaches, {{"breach_of", "order"}, {"order_ref", "O1"}, {"occurred_date", "2024-01-01"}, {"reported_date", "2024-01-01"}, {"response", "arrest"}}, "response_date"},
        RuleCase{"breach_ok", Entity::Breaches, {{"breach_of", "order"}, {"order_ref", "O1"}, {"occurred_date", "2024-01-01"}, {"reported_date", "2024-01-02"}, {"response", "arrest"}, {"response_date", "2024-01-02"}}, nullptr},
        RuleCase{"biometric_nothing_taken", Entity::Biometrics, {{"dna_taken", "0"}, {"fingerprints_taken", "0"}, {"samples_taken_date", "2024-01-01"}}, "dna_taken"},
        RuleCase{"biometric_decision_without_application", Entity::Biometrics, {{"dna_taken", "1"}, {"samples_taken_date", "2024-01-01"}, {"decision", "granted"}}, "application_date"},
        RuleCase{"biometric_not_applied_ok", Entity::Biometrics, {{"dna_taken", "1"}, {"samples_taken_date", "2024-01-01"}, {"decision", "not_applied"}}, nullptr},
        RuleCase{"training_expires_on_completion", Entity::Training, {{"completed_date", "2024-01-01"}, {"expiry_date", "2024-01-01"}}, "expiry_date"},
        RuleCase{"officer_left_before_start", Entity::Officers, {{"start_date", "2024-01-01"}, {"leave_date", "2023-01-01"}}, "leave_date"}),
    [](const testing::TestParamInfo<RuleCase>& param_info) { return std::string(param_info.param.name); });

}  // namespace
}  // namespace rasso

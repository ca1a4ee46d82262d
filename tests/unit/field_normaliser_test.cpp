#include "ingest/field_normaliser.h"

#include <gtest/gtest.h>

#include "ingest/reference_data.h"

namespace rasso {
namespace {

const CodeTables& codes() {
  static const CodeTables tables = *load_code_tables(reference_data_dir());
  return tables;
}

const FieldSpec& field(Entity entity, std::string_view name) {
  const EntitySpec& spec = entity_spec(entity);
  return spec.fields[*spec.index_of(name)];
}

struct NormaliseCase {
  const char* name;
  Entity entity;
  const char* field;
  std::string raw;
  const char* expected;   // normalised value, or nullptr when refused
  const char* rule_part;  // part of the rule text when refused
};

void PrintTo(const NormaliseCase& c, std::ostream* out) { *out << c.name; }

class NormaliseTable : public testing::TestWithParam<NormaliseCase> {};

TEST_P(NormaliseTable, NormalisesOrRefusesWithTheRule) {
  const NormaliseCase& c = GetParam();
  auto result = normalise_field(field(c.entity, c.field), c.raw, codes());
  if (c.expected != nullptr) {
    ASSERT_TRUE(result) << result.error().message;
    EXPECT_EQ(*result, c.expected);
  } else {
    ASSERT_FALSE(result) << "accepted as " << *result;
    EXPECT_EQ(result.error().code, "invalid_value");
    EXPECT_NE(result.error().message.find(c.rule_part), std::string::npos) << result.error().message;
  }
}

INSTANTIATE_TEST_SUITE_P(
    Table, NormaliseTable,
    testing::Values(
        NormaliseCase{"offence_lower_case", Entity::Crimes, "offence_code", "19c", "19C", nullptr},
        NormaliseCase{"offence_unknown", Entity::Crimes, "offence_code", "99Z", nullptr, "is not a code of table 'offence'"},
        NormaliseCase{"outcome_known", Entity::Crimes, "outcome_code", "16", "16", nullptr},
        NormaliseCase{"outcome_out_of_range", Entity::Crimes, "outcome_code", "23", nullptr, "table 'outcome'"},
        NormaliseCase{"ethnicity_known", Entity::Persons, "ethnicity", "w1", "W1", nullptr},
        NormaliseCase{"ethnicity_unknown", Entity::Persons, "ethnicity", "White", nullptr, "table 'ethnicity'"},
        NormaliseCase{"rank_known", Entity::Officers, "rank", "insp", "INSP", nullptr},
        NormaliseCase{"rank_unknown", Entity::Officers, "rank", "General", nullptr, "table 'rank'"},
        NormaliseCase{"order_type_known", Entity::Orders, "order_type", "shpo", "SHPO", nullptr},
        NormaliseCase{"order_type_unknown", Entity::Orders, "order_type", "ASBO", nullptr, "table 'order_type'"},
        NormaliseCase{"role_unknown", Entity::Involvements, "role", "offender", nullptr, "table 'involvement_role'"},
        NormaliseCase{"required_empty", Entity::Crimes, "reported_date", "  ", nullptr, "is required but empty"},
        NormaliseCase{"optional_empty", Entity::Crimes, "committed_date", "", "", nullptr},
        NormaliseCase{"date_trimmed", Entity::Crimes, "reported_date", " 2024-02-29 ", "2024-02-29", nullptr},
        NormaliseCase{"date_impossible", Entity::Crimes, "reported_date", "2023-02-29", nullptr, "no such calendar date"},
        NormaliseCase{"date_british", Entity::Crimes, "reported_date", "29/02/2024", nullptr, "YYYY-MM-DD"},
        NormaliseCase{"time_ok", Entity::Crimes, "committed_time", "23:59", "23:59", nullptr},
        NormaliseCase{"time_bad", Entity::Crimes, "committed_time", "24:00", nullptr, "no such time"},
        NormaliseCase{"boolean_yes", Entity::Crimes, "domestic_abuse", "yes", "1", nullptr},
        NormaliseCase{"boolean_n", Entity::Crimes, "domestic_abuse", "N", "0", nullptr},
        NormaliseCase{"boolean_bad", Entity::Crimes, "domestic_abuse", "maybe", nullptr, "Y or N"},
        NormaliseCase{"integer_ok", Entity::Involvements, "age_at_offence", "34", "34", nullptr},
        NormaliseCase{"integer_too_big", Entity::Involvements, "age_at_offence", "121", nullptr, "between 0 and 120"},
        NormaliseCase{"integer_not_number", Entity::Involvements, "age_at_offence", "3x", nullptr, "whole number"},
        NormaliseCase{"formula_in_name", Entity::Persons, "surname", "=HYPERLINK(\"x\")", nullptr, "spreadsheet formula"},
        NormaliseCase{"at_formula_in_name", Entity::Persons, "forename", "@SUM(A1)", nullptr, "spreadsheet formula"},
        NormaliseCase{"hyphenated_name", Entity::Persons, "surname", "Smith-Jones", "Smith-Jones", nullptr},
        NormaliseCase{"accented_name", Entity::Persons, "forename", "Zo\xC3\xAB", "Zo\xC3\xAB", nullptr},
        NormaliseCase{"bad_utf8", Entity::Persons, "forename", "Zo\xC3", nullptr, "not valid UTF-8"},
        NormaliseCase{"nul_byte", Entity::Persons, "forename", std::string("Ann\0e", 5), nullptr, "NUL byte"},
        NormaliseCase{"control_char", Entity::Persons, "forename", "Ann\x07", nullptr, "control character"},
        NormaliseCase{"too_long", Entity::Persons, "forename", std::string(101, 'a'), nullptr, "at most 100"},
        NormaliseCase{"postcode_normalised", Entity::Persons, "postcode", "b15 2tt", "B15 2TT", nullptr},
        NormaliseCase{"postcode_bad", Entity::Persons, "postcode", "B15_2TT", nullptr, "postcode"},
        NormaliseCase{"pnc_upper", Entity::Persons, "pnc_id", "2001/0123456f", "2001/0123456F", nullptr},
        NormaliseCase{"pnc_bad", Entity::Persons, "pnc_id", "12345", nullptr, "PNC ID"},
        NormaliseCase{"cro_bad", Entity::Persons, "cro_number", "12/3", nullptr, "CRO number"},
        NormaliseCase{"identifier_bad", Entity::Crimes, "crime_ref", "WD C 1", nullptr, "letters, digits"},
        NormaliseCase{"reference_list_ok", Entity::Orders, "protected_person_refs", "P1; P2", "P1;P2", nullptr},
        NormaliseCase{"reference_list_empty_item", Entity::Orders, "protected_person_refs", "P1;;P2", nullptr, "separated by ';'"},
        NormaliseCase{"conditions_multiline", Entity::Bail, "conditions", "Not to contact\nthe victim", "Not to contact\nthe victim", nullptr}),
    [](const testing::TestParamInfo<NormaliseCase>& param_info) { return std::string(param_info.param.name); });

TEST(DisplayableValue, EscapesAndShortens) {
  EXPECT_EQ(displayable_value(std::string("a\0b", 3)), "a\\x00b");
  const std::string shown = displayable_value(std::string(10'000'000, 'x'));
  EXPECT_LT(shown.size(), 100u);
  EXPECT_NE(shown.find("10000000 bytes"), std::string::npos);
}

TEST(CodeTables, EveryFieldsCodeTableIsInstalled) {
  for (Entity entity : kEntitiesInLoadOrder) {
    for (const FieldSpec& spec_field : entity_spec(entity).fields) {
      if (spec_field.type == FieldType::Code) {
        EXPECT_NE(codes().table(spec_field.detail), nullptr) << spec_field.detail;
      }
    }
  }
}

TEST(CodeTables, OffenceTableCarriesGroupAndHarmWeight) {
  const CodeEntry* rape = codes().table("offence")->find("19E");
  ASSERT_NE(rape, nullptr);
  EXPECT_EQ(rape->attribute("group"), "rape");
  EXPECT_GT(std::stoi(std::string(rape->attribute("harm_weight_days"))),
            std::stoi(std::string(codes().table("offence")->find("19C")->attribute("harm_weight_days"))));
  EXPECT_EQ(codes().table("outcome")->entries().size(), 23u);
  EXPECT_EQ(codes().table("ethnicity")->entries().size(), 19u);
}

}  // namespace
}  // namespace rasso

// Converting store rows (entity_spec field order, normalised values) into worklist tables, and the
// errors for rows that do not fit.

#include "core/extract_record_rows.h"

#include <gtest/gtest.h>

#include "core/field_spec.h"

namespace rasso {
namespace {

// A row of `entity` with every field blank except those named.
std::vector<std::string> row(Entity entity, std::initializer_list<std::pair<std::string_view, std::string>> values) {
  const EntitySpec& spec = entity_spec(entity);
  std::vector<std::string> out(spec.fields.size());
  for (const auto& [field, value] : values) out[*spec.index_of(field)] = value;
  return out;
}

TEST(WorklistRows, ConvertsEveryEntityTheWorklistsRead) {
  std::map<Entity, EntityRows> rows;
  rows[Entity::Crimes] = {row(Entity::Crimes, {{"crime_ref", "C1"}, {"force_code", "WD"}, {"offence_code", "19C"},
                                               {"reported_date", "2024-01-07"}, {"recorded_date", "2024-01-07"},
                                               {"child_victim", "1"}, {"outcome_code", "16"},
                                               {"outcome_date", "2024-06-30"}, {"officer_ref", "O1"}})};
  rows[Entity::Persons] = {row(Entity::Persons, {{"person_ref", "P1"}, {"force_code", "WD"}, {"disability", "Y"}})};
  rows[Entity::Involvements] = {row(Entity::Involvements, {{"involvement_ref", "I1"}, {"crime_ref", "C1"},
                                                           {"person_ref", "P1"}, {"role", "suspect"},
                                                           {"suspect_status", "arrested"}, {"age_at_offence", "38"},
                                                           {"relationship_to_victim", "family"}})};
  rows[Entity::Arrests] = {row(Entity::Arrests, {{"arrest_ref", "A1"}, {"crime_ref", "C1"}, {"person_ref", "P1"},
                                                 {"arrest_date", "2024-01-08"}, {"disposal", "pre_charge_bail"},
                                                 {"disposal_date", "2024-01-09"}})};
  rows[Entity::Bail] = {row(Entity::Bail, {{"bail_ref", "B1"}, {"arrest_ref", "A1"}, {"period_number", "2"},
                                           {"start_date", "2024-04-08"}, {"end_date", "2024-07-08"},
                                           {"authorised_by", "insp"}, {"conditions", "No contact"},
                                           {"victim_views_sought", "0"}, {"ended_date", "2024-06-30"},
                                           {"end_reason", "no_further_action"}})};
  rows[Entity::Orders] = {row(Entity::Orders, {{"order_ref", "R1"}, {"order_type", "SRO"},
                                               {"subject_person_ref", "P1"}, {"protected_person_refs", "P3;P5"},
                                               {"status", "made"}, {"start_date", "2024-07-20"},
                                               {"until_further_order", "1"}})};
  rows[Entity::Breaches] = {row(Entity::Breaches, {{"breach_ref", "X1"}, {"breach_of", "order"}, {"order_ref", "R1"},
                                                   {"person_ref", "P1"}, {"occurred_date", "2024-09-10"},
                                                   {"reported_date", "2024-09-11"}})};
  rows[Entity::VictimContacts] = {row(Entity::VictimContacts, {{"contact_ref", "V1"}, {"crime_ref", "C1"},
                                                               {"person_ref", "P3"}, {"contact_date", "2024-07-02"},
                                                               {"method", "phone"}, {"purpose", "nfa_explained"},
                                                               {"agreed_frequency_days", "28"}})};
  rows[Entity::Biometrics] = {row(Entity::Biometrics, {{"biometric_ref", "G1"}, {"person_ref", "P1"},
                                                       {"arrest_ref", "A1"}, {"samples_taken_date", "2024-01-08"},
                                                       {"dna_taken", "1"}, {"fingerprints_taken", "0"},
                                                       {"decision", "granted"}, {"ground", "Victim_Associated"}})};
  rows[Entity::Officers] = {row(Entity::Officers, {{"officer_ref", "O1"}, {"force_code", "WD"}, {"unit_ref", "U1"}})};
  rows[Entity::Units] = {row(Entity::Units, {{"unit_ref", "U1"}, {"force_code", "WD"}, {"name", "North RASSO team"},
                                             {"unit_type", "rasso"}})};

  const auto converted = extract_tables_from_rows(rows);
  ASSERT_TRUE(converted.ok()) << converted.error().message;
  const ExtractTables& in = *converted;
  ASSERT_EQ(in.units.size(), 1u);
  EXPECT_EQ(in.units[0].name, "North RASSO team");
  EXPECT_EQ(in.units[0].unit_type, "rasso");
  ASSERT_EQ(in.crimes.size(), 1u);
  EXPECT_TRUE(in.crimes[0].child_victim);
  EXPECT_EQ(in.crimes[0].outcome_code, 16);
  EXPECT_EQ(in.crimes[0].outcome_date->to_iso(), "2024-06-30");
  EXPECT_EQ(in.crimes[0].unit_ref, "");
  EXPECT_TRUE(in.persons[0].disabled);
  EXPECT_EQ(in.involvements[0].role, InvolvementRole::Suspect);
  EXPECT_EQ(in.involvements[0].suspect_status, "arrested");
  EXPECT_EQ(in.involvements[0].age_at_offence, 38);
  EXPECT_EQ(in.involvements[0].relationship_to_victim, "family");
  EXPECT_EQ(in.arrests[0].disposal, ArrestDisposal::PreChargeBail);
  EXPECT_EQ(in.bail_periods[0].period_number, 2);
  EXPECT_EQ(in.bail_periods[0].authorised_by, "INSP");
  EXPECT_FALSE(in.bail_periods[0].authorised_date);
  EXPECT_EQ(in.bail_periods[0].victim_views_sought, false);
  EXPECT_EQ(in.bail_periods[0].end_reason, BailEndReason::NoFurtherAction);
  EXPECT_EQ(in.orders[0].protected_person_refs, (std::vector<std::string>{"P3", "P5"}));
  EXPECT_TRUE(in.orders[0].until_further_order);
  EXPECT_FALSE(in.orders[0].end_date);
  EXPECT_EQ(in.orders[0].status, OrderStatus::Made);
  EXPECT_EQ(in.breaches[0].breach_of, BreachOf::Order);
  EXPECT_EQ(in.breaches[0].response, "");
  EXPECT_EQ(in.victim_contacts[0].purpose, ContactPurpose::NfaExplained);
  EXPECT_EQ(in.victim_contacts[0].agreed_frequency_days, 28);
  EXPECT_TRUE(in.biometrics[0].dna_taken);
  EXPECT_FALSE(in.biometrics[0].fingerprints_taken);
  EXPECT_FALSE(in.biometrics[0].previous_convictions);
  EXPECT_EQ(in.biometrics[0].decision, S63gDecision::Granted);
  EXPECT_EQ(in.biometrics[0].ground, "victim_associated");
  EXPECT_EQ(in.officers[0].unit_ref, "U1");
}

TEST(WorklistRows, MissingEntitiesAreEmpty) {
  const auto converted = extract_tables_from_rows({});
  ASSERT_TRUE(converted.ok());
  EXPECT_TRUE(converted->crimes.empty());
  EXPECT_TRUE(converted->victim_contacts.empty());
}

struct BadRow {
  Entity entity;
  std::vector<std::string> values;
  const char* message;
};

class WorklistRowsRefuse : public testing::TestWithParam<BadRow> {};

TEST_P(WorklistRowsRefuse, NamingTheRowAndField) {
  std::map<Entity, EntityRows> rows;
  rows[GetParam().entity] = {GetParam().values};
  const auto converted = extract_tables_from_rows(rows);
  ASSERT_FALSE(converted.ok());
  EXPECT_EQ(converted.error().code, "invalid_input");
  EXPECT_EQ(converted.error().message, GetParam().message);
}

INSTANTIATE_TEST_SUITE_P(
    Table, WorklistRowsRefuse,
    testing::Values(
        BadRow{Entity::Crimes, {"C1", "WD"}, "crimes row 1 (C1) has 2 values; expected 16 (the fields of crimes)"},
        BadRow{Entity::Crimes,
               row(Entity::Crimes, {{"crime_ref", "C1"}, {"reported_date", "2024-02-30"}, {"outcome_code", "0"}}),
               "crimes row 1 (C1): reported_date '2024-02-30' is not a date (no such calendar date)"},
        BadRow{Entity::Crimes, row(Entity::Crimes, {{"crime_ref", "C1"}, {"outcome_code", "0"}}),
               "crimes row 1 (C1): reported_date is required"},
        BadRow{Entity::Crimes,
               row(Entity::Crimes, {{"crime_ref", "C1"}, {"reported_date", "2024-02-03"}, {"outcome_code", "x1"}}),
               "crimes row 1 (C1): outcome_code 'x1' is not a whole number"},
        BadRow{Entity::Bail,
               row(Entity::Bail, {{"bail_ref", "B1"}, {"arrest_ref", "A1"}, {"period_number", "1"},
                                  {"start_date", "2024-01-01"}, {"end_date", "2024-04-01"}, {"authorised_by", "PS"},
                                  {"victim_views_sought", "maybe"}}),
               "bail row 1 (B1): victim_views_sought 'maybe' is not a boolean (expected 1 or 0)"},
        BadRow{Entity::Arrests, row(Entity::Arrests, {{"crime_ref", "C1"}}), "arrests row 1: arrest_ref is required"}));

}  // namespace
}  // namespace rasso

// The s63G worklist on small hand-built inputs: who is eligible and on which ground, the
// application deadline, cases already decided or applied for, and the extension window.

#include "worklists/s63g_worklist.h"

#include <gtest/gtest.h>

namespace rasso {
namespace {

CivilDate d(const char* iso) { return *CivilDate::parse_iso(iso); }

struct Case {
  const char* ref;                // used for crime, arrest, biometric and person: C-<ref> etc.
  ArrestDisposal disposal = ArrestDisposal::NoFurtherAction;
  const char* disposed = "2024-06-30";
  const char* no_charge = "2024-06-30";
  const char* relationship = "stranger";
  std::optional<int> victim_age = 30;
  bool child_victim = false;
  std::optional<bool> previous_convictions = false;
  const char* ground = "";
  const char* samples = "2024-06-01";
  const char* applied = nullptr;
  S63gDecision decision = S63gDecision::None;
  const char* decided = nullptr;
  const char* suspect_status = "no_further_action";
};

void add_case(ExtractTables& in, const Case& c) {
  const std::string ref = c.ref;
  CrimeRecord crime;
  crime.crime_ref = "C-" + ref;
  crime.force_code = "WD";
  crime.offence_code = "19C";
  crime.reported_date = d("2024-05-01");
  crime.child_victim = c.child_victim;
  crime.officer_ref = "O1";
  crime.unit_ref = "U1";
  in.crimes.push_back(crime);
  in.involvements.push_back({crime.crime_ref, "V-" + ref, InvolvementRole::Victim, "", c.victim_age, ""});
  in.involvements.push_back(
      {crime.crime_ref, "P-" + ref, InvolvementRole::Suspect, c.suspect_status, 40, c.relationship});
  in.arrests.push_back({"A-" + ref, crime.crime_ref, "P-" + ref, d("2024-06-01"), c.disposal, d(c.disposed)});
  BiometricRecord bio;
  bio.biometric_ref = "G-" + ref;
  bio.person_ref = "P-" + ref;
  bio.arrest_ref = "A-" + ref;
  bio.samples_taken_date = d(c.samples);
  bio.dna_taken = true;
  bio.fingerprints_taken = true;
  bio.previous_convictions = c.previous_convictions;
  if (c.no_charge) bio.no_charge_date = d(c.no_charge);
  bio.ground = c.ground;
  if (c.applied) bio.application_date = d(c.applied);
  bio.decision = c.decision;
  if (c.decided) bio.decision_date = d(c.decided);
  in.biometrics.push_back(bio);
}

ExtractTables inputs() {
  ExtractTables in;
  add_case(in, {.ref = "associated", .relationship = "family"});
  add_case(in, {.ref = "convicted", .relationship = "partner", .previous_convictions = true});
  add_case(in, {.ref = "charged", .disposal = ArrestDisposal::Charged, .no_charge = nullptr, .relationship = "partner",
                .suspect_status = "charged"});
  add_case(in, {.ref = "child", .disposed = "2024-07-01", .no_charge = nullptr, .victim_age = 15,
                .previous_convictions = std::nullopt});
  add_case(in, {.ref = "flagged_child", .victim_age = std::nullopt, .child_victim = true});
  add_case(in, {.ref = "applied", .relationship = "family", .applied = "2024-07-10", .decision = S63gDecision::Pending});
  add_case(in, {.ref = "granted_window", .relationship = "family", .samples = "2021-09-01", .applied = "2021-10-01",
                .decision = S63gDecision::Granted, .decided = "2021-11-01"});
  add_case(in, {.ref = "granted_early", .relationship = "family", .samples = "2021-12-01", .applied = "2022-01-01",
                .decision = S63gDecision::Granted, .decided = "2022-02-01"});
  add_case(in, {.ref = "refused", .relationship = "family", .applied = "2024-07-01", .decision = S63gDecision::Refused,
                .decided = "2024-07-05"});
  add_case(in, {.ref = "no_ground"});
  add_case(in, {.ref = "prevent", .ground = "prevent_detect"});
  add_case(in, {.ref = "not_applied", .relationship = "family", .decision = S63gDecision::NotApplied});
  add_case(in, {.ref = "on_bail", .disposal = ArrestDisposal::PreChargeBail, .no_charge = nullptr,
                .relationship = "family", .suspect_status = "arrested"});
  add_case(in, {.ref = "later_nfa", .disposal = ArrestDisposal::PreChargeBail, .no_charge = "2024-07-20",
                .relationship = "ex_partner"});
  return in;
}

TEST(S63gWorklist, ListsEligiblePeopleAndOpenExtensionWindows) {
  const WorklistSnapshot snapshot(inputs());
  const auto items = s63g_worklist(snapshot, WorklistRules{}, d("2024-07-15"));
  std::vector<std::tuple<std::string, std::string, std::string, int32_t>> got;
  for (const auto& item : items) {
    got.emplace_back(std::string(item_kind_code(item.kind)), item.record_ref, item.due_date.to_iso(), item.days_overdue);
  }
  using Row = std::tuple<std::string, std::string, std::string, int32_t>;
  EXPECT_EQ(got, (std::vector<Row>{Row{"s63g_application_due", "G-associated", "2024-07-28", -13},
                                   Row{"s63g_application_due", "G-flagged_child", "2024-07-28", -13},
                                   Row{"s63g_application_due", "G-prevent", "2024-07-28", -13},
                                   Row{"s63g_application_due", "G-child", "2024-07-29", -14},
                                   Row{"s63g_extension_window_open", "G-granted_window", "2024-09-01", -48}}));
  EXPECT_EQ(items[0].reason,
            "Eligible for s63G retention (victim associated with the person); no application or decision recorded; "
            "apply by 2024-07-28 (28 days after the no-charge decision on 2024-06-30)");
  EXPECT_EQ(items[0].crime_ref, "C-associated");
  EXPECT_EQ(items[0].person_ref, "P-associated");
  EXPECT_EQ(items[0].officer_ref, "O1");
  EXPECT_EQ(items[3].reason,
            "Eligible for s63G retention (victim under 18); no application or decision recorded; apply by 2024-07-29 "
            "(28 days after the no-charge decision on 2024-07-01); previous convictions not recorded: check the PNC");
  EXPECT_EQ(items[4].reason,
            "Retention with the Commissioner's consent ends on 2024-09-01; an application to extend it can be made "
            "from 2024-06-01 until then");
}

TEST(S63gWorklist, DeadlineBoundary) {
  const WorklistSnapshot snapshot(inputs());
  auto overdue_of = [&](const char* as_of) {
    for (const auto& item : s63g_worklist(snapshot, WorklistRules{}, d(as_of))) {
      if (item.record_ref == "G-associated") return item.days_overdue;
    }
    return -999;
  };
  EXPECT_EQ(overdue_of("2024-07-27"), -1);
  EXPECT_EQ(overdue_of("2024-07-28"), 0);
  EXPECT_EQ(overdue_of("2024-07-29"), 1);
}

TEST(S63gWorklist, NothingBeforeTheNoChargeDecisionOrAfterAnApplication) {
  const WorklistSnapshot snapshot(inputs());
  auto has = [&](const char* as_of, const char* ref) {
    for (const auto& item : s63g_worklist(snapshot, WorklistRules{}, d(as_of))) {
      if (item.record_ref == ref) return true;
    }
    return false;
  };
  EXPECT_FALSE(has("2024-07-19", "G-later_nfa"));  // no decision not to charge yet
  EXPECT_TRUE(has("2024-07-20", "G-later_nfa"));
  EXPECT_TRUE(has("2024-07-09", "G-applied"));     // before the application was made
  EXPECT_FALSE(has("2024-07-10", "G-applied"));
  EXPECT_FALSE(has("2024-05-31", "G-granted_window"));  // window opens 2024-06-01
  EXPECT_TRUE(has("2024-06-01", "G-granted_window"));
  EXPECT_TRUE(has("2024-09-01", "G-granted_window"));
  EXPECT_FALSE(has("2024-09-02", "G-granted_window"));
}

TEST(S63gWorklist, ConfiguredDeadlineAndRelationships) {
  WorklistRules rules;
  rules.config.s63g_application_deadline_days = 14;
  rules.config.associated_relationships = {"partner"};
  const WorklistSnapshot snapshot(inputs());
  const auto items = s63g_worklist(snapshot, rules, d("2024-07-15"));
  for (const auto& item : items) {
    EXPECT_NE(item.record_ref, "G-associated");  // family no longer counts
    if (item.record_ref == "G-prevent") {
      EXPECT_EQ(item.due_date.to_iso(), "2024-07-14");
    }
  }
}

TEST(S63gFacts, FromTheRecords) {
  const WorklistSnapshot snapshot(inputs());
  const RowIndex bio = snapshot.find_biometric("G-child");
  const RowIndex arrest = snapshot.arrest_of_biometric(bio);
  const RowIndex crime = snapshot.crime_of_arrest(arrest);
  const auto facts = s63g_facts(snapshot.tables().biometrics[bio], &snapshot.tables().arrests[arrest],
                                &snapshot.tables().crimes[crime], snapshot.involvements_of(crime), d("2024-07-15"),
                                SafeguardingConfig{});
  EXPECT_TRUE(facts.qualifying_offence);
  EXPECT_FALSE(facts.charged);
  ASSERT_TRUE(facts.no_charge_date);
  EXPECT_EQ(facts.no_charge_date->to_iso(), "2024-07-01");  // from the arrest's NFA disposal
  EXPECT_TRUE(facts.grounds.victim_under_18);
  EXPECT_FALSE(facts.grounds.victim_associated);
  const auto unknown = s63g_facts(snapshot.tables().biometrics[bio], nullptr, nullptr, {}, d("2024-07-15"),
                                  SafeguardingConfig{});
  EXPECT_FALSE(unknown.qualifying_offence);
}

}  // namespace
}  // namespace rasso

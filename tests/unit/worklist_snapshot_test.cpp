// WorklistSnapshot: linking references, grouping child rows under their parents whatever order
// they arrive in, tolerating references to records not in the tables, and finding owners.

#include "worklists/worklist_snapshot.h"

#include <gtest/gtest.h>

namespace rasso {
namespace {

CivilDate d(const char* iso) { return *CivilDate::parse_iso(iso); }

CrimeRecord crime(const char* ref, const char* officer, const char* unit) {
  CrimeRecord record;
  record.crime_ref = ref;
  record.force_code = "WD";
  record.reported_date = d("2024-01-01");
  record.officer_ref = officer;
  record.unit_ref = unit;
  return record;
}

BailPeriodRecord period(const char* ref, const char* arrest, int number) {
  BailPeriodRecord record;
  record.bail_ref = ref;
  record.arrest_ref = arrest;
  record.period_number = number;
  return record;
}

// Children deliberately out of parent order, with a few dangling references.
ExtractTables shuffled() {
  ExtractTables in;
  in.crimes = {crime("C1", "O1", "U1"), crime("C2", "O2", ""), crime("C3", "", "")};
  in.officers = {{"O1", "WD", "U1"}, {"O2", "WD", "U2"}};
  in.persons = {{"P1", "WD", false}, {"P2", "WM", true}};
  in.involvements = {{"C2", "P2", InvolvementRole::Victim, "", 20, ""},
                     {"C1", "P1", InvolvementRole::Victim, "", 30, ""},
                     {"C9", "P1", InvolvementRole::Victim, "", 30, ""},  // no such crime
                     {"C2", "P1", InvolvementRole::Suspect, "named", 40, "partner"},
                     {"C1", "P3", InvolvementRole::Suspect, "named", 40, ""}};  // no such person
  in.arrests = {{"A3", "C1", "P3", d("2024-03-01"), ArrestDisposal::PreChargeBail, d("2024-03-01")},
                {"A2", "C2", "P1", d("2024-02-01"), ArrestDisposal::PreChargeBail, d("2024-02-01")},
                {"A1", "C1", "P3", d("2024-01-15"), ArrestDisposal::ReleasedUnderInvestigation, d("2024-01-15")}};
  in.bail_periods = {period("B3-2", "A3", 2), period("B2-1", "A2", 1), period("B3-1", "A3", 1), period("BX", "A9", 1)};
  in.victim_contacts = {{"C2", "P2", d("2024-02-02"), ContactPurpose::Decision, std::nullopt},
                        {"C1", "P1", d("2024-01-02"), ContactPurpose::Initial, 28},
                        {"C2", "P2", d("2024-01-03"), ContactPurpose::Initial, 14},
                        {"C2", "P1", d("2024-01-04"), ContactPurpose::Update, std::nullopt}};  // a suspect
  return in;
}

TEST(WorklistSnapshot, GroupsChildrenUnderTheirParents) {
  const WorklistSnapshot snapshot(shuffled());
  const RowIndex c1 = snapshot.find_crime("C1"), c2 = snapshot.find_crime("C2"), c3 = snapshot.find_crime("C3");
  ASSERT_NE(c1, kNoRow);
  ASSERT_EQ(snapshot.involvements_of(c1).size(), 2u);
  EXPECT_EQ(snapshot.involvements_of(c1)[0].person_ref, "P1");  // input order kept within a crime
  EXPECT_EQ(snapshot.involvements_of(c1)[1].person_ref, "P3");
  ASSERT_EQ(snapshot.involvements_of(c2).size(), 2u);
  EXPECT_EQ(snapshot.victim_count(c2), 1u);
  EXPECT_TRUE(snapshot.involvements_of(c3).empty());
  EXPECT_EQ(snapshot.victim_count(c3), 0u);

  const RowRange arrests = snapshot.arrests_of(c1);
  ASSERT_EQ(arrests.size(), 2u);
  EXPECT_EQ(snapshot.tables().arrests[arrests.begin].arrest_ref, "A1");  // earliest first
  EXPECT_EQ(snapshot.tables().arrests[arrests.begin + 1].arrest_ref, "A3");
  EXPECT_EQ(snapshot.crime_of_arrest(arrests.begin), c1);

  const auto periods = snapshot.bail_periods_of(snapshot.find_arrest("A3"));
  ASSERT_EQ(periods.size(), 2u);
  EXPECT_EQ(periods[0].bail_ref, "B3-1");  // period order
  EXPECT_EQ(periods[1].bail_ref, "B3-2");
  EXPECT_EQ(snapshot.arrest_of_bail_period(snapshot.find_bail_period("B3-2")), snapshot.find_arrest("A3"));
  EXPECT_EQ(snapshot.arrest_of_bail_period(snapshot.find_bail_period("BX")), kNoRow);
}

TEST(WorklistSnapshot, ContactsAreGroupedByCrimeAndMatchedToVictims) {
  const WorklistSnapshot snapshot(shuffled());
  const RowIndex c2 = snapshot.find_crime("C2");
  const auto contacts = snapshot.contacts_of(c2);
  ASSERT_EQ(contacts.size(), 2u);  // the suspect's contact is not a victim contact
  EXPECT_EQ(snapshot.unmatched_contacts(), 1u);
  const RowIndex victim = snapshot.find_victim(c2, "P2");
  ASSERT_NE(victim, kNoRow);
  EXPECT_EQ(snapshot.tables().involvements[victim].person_ref, "P2");
  for (const ContactFact& contact : contacts) EXPECT_EQ(contact.involvement, victim);
  EXPECT_EQ(contacts[0].purpose, ContactPurpose::Decision);
  EXPECT_EQ(contacts[1].agreed_frequency_days, 14);
  EXPECT_EQ(snapshot.find_victim(c2, "P1"), kNoRow);  // a suspect there, not a victim
}

TEST(WorklistSnapshot, CountsReferencesToMissingRecords) {
  const WorklistSnapshot snapshot(shuffled());
  // C9 and P3 (involvements; arrests are not resolved to people) and A9 (bail period). C3's blank
  // officer is not a reference.
  EXPECT_EQ(snapshot.unresolved_references(), 3u);
  EXPECT_EQ(snapshot.person_of_involvement(snapshot.first_involvement_of(snapshot.find_crime("C2"))),
            snapshot.find_person("P2"));
}

TEST(WorklistSnapshot, OwnerComesFromTheCrimeOrItsOfficer) {
  const WorklistSnapshot snapshot(shuffled());
  const Owner c1 = snapshot.owner_of_crime(snapshot.find_crime("C1"));
  EXPECT_EQ(c1.officer_ref, "O1");
  EXPECT_EQ(c1.unit_ref, "U1");
  EXPECT_EQ(c1.force_code, "WD");
  EXPECT_EQ(snapshot.owner_of_crime(snapshot.find_crime("C2")).unit_ref, "U2");  // the officer's unit
  EXPECT_EQ(snapshot.owner_of_crime(snapshot.find_crime("C3")).unit_ref, "");
  EXPECT_EQ(snapshot.owner_of_crime(kNoRow).force_code, "");
}

TEST(WorklistSnapshot, SurvivesBeingMoved) {
  WorklistSnapshot first(shuffled());
  const WorklistSnapshot moved(std::move(first));
  EXPECT_EQ(moved.find_crime("C2"), 1u);
  EXPECT_EQ(moved.find_person("P2"), 1u);
  EXPECT_EQ(moved.find_crime("nope"), kNoRow);
  EXPECT_EQ(moved.find_crime(""), kNoRow);
}

TEST(RefIndex, FindsKeysAndCountsRepeats) {
  const std::vector<std::string> keys = {"A", "B", "", "A", "C"};
  std::vector<std::string_view> views(keys.begin(), keys.end());
  const RefIndex index(views);
  EXPECT_EQ(index.find("A"), 0u);  // first wins
  EXPECT_EQ(index.find("C"), 4u);
  EXPECT_EQ(index.find(""), kNoRow);
  EXPECT_EQ(index.find("D"), kNoRow);
  EXPECT_EQ(index.duplicates(), 1u);
  EXPECT_EQ(RefIndex().find("A"), kNoRow);
}

}  // namespace
}  // namespace rasso

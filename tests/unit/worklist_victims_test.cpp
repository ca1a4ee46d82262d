// The victims worklist on small hand-built inputs: key decisions not yet told (including decisions
// and contacts on weekends), ISVA referrals, regular updates, NFA outcomes not explained, the right
// to review not offered, a charge not told, and enhanced rights switched off.

#include "worklists/victims_worklist.h"

#include <gtest/gtest.h>

namespace rasso {
namespace {

CivilDate d(const char* iso) { return *CivilDate::parse_iso(iso); }

WorklistRules rules() {
  static const std::vector<CivilDate> holidays = {d("2024-03-29"), d("2024-04-01")};
  WorklistRules result;
  result.bank_holidays = BankHolidayCalendar(holidays);
  return result;
}

class Builder {
 public:
  Builder& crime(const char* ref, const char* reported, int outcome = 0, const char* outcome_date = nullptr) {
    CrimeRecord record;
    record.crime_ref = ref;
    record.force_code = "WD";
    record.offence_code = "19C";
    record.reported_date = d(reported);
    record.outcome_code = outcome;
    if (outcome_date) record.outcome_date = d(outcome_date);
    record.officer_ref = "O1";
    record.unit_ref = "U1";
    in_.crimes.push_back(record);
    return *this;
  }
  Builder& victim(const char* crime, const char* person, std::optional<int> age = 30) {
    in_.involvements.push_back({crime, person, InvolvementRole::Victim, "", age, ""});
    return *this;
  }
  Builder& contact(const char* crime, const char* person, const char* on, ContactPurpose purpose,
                   std::optional<int> frequency = std::nullopt) {
    in_.victim_contacts.push_back({crime, person, d(on), purpose, frequency});
    return *this;
  }
  Builder& arrest(const char* ref, const char* crime, const char* on, ArrestDisposal disposal, const char* disposed) {
    in_.arrests.push_back({ref, crime, "S", d(on), disposal, d(disposed)});
    return *this;
  }
  Builder& bail(const char* ref, const char* arrest, int number, const char* start, const char* authorised,
                const char* conditions) {
    in_.bail_periods.push_back({ref, arrest, number, d(start), d(start).plus_months(3), "INSP", d(authorised),
                                conditions, true, std::nullopt, BailEndReason::None});
    return *this;
  }
  ExtractTables take() { return std::move(in_); }

 private:
  ExtractTables in_;
};

ExtractTables inputs() {
  Builder b;
  // V1: all done, including a decision told on a Saturday.
  b.crime("V1", "2024-03-01").victim("V1", "P1");
  b.contact("V1", "P1", "2024-03-01", ContactPurpose::Initial).contact("V1", "P1", "2024-03-04", ContactPurpose::IsvaReferral);
  b.arrest("A1", "V1", "2024-03-08", ArrestDisposal::PreChargeBail, "2024-03-09").bail("B1", "A1", 1, "2024-03-09", "2024-03-09", "no contact");
  b.contact("V1", "P1", "2024-03-09", ContactPurpose::Decision);
  // V2: arrest and RUI not told, no ISVA referral, fortnightly update overdue.
  b.crime("V2", "2024-02-01").victim("V2", "P2").contact("V2", "P2", "2024-02-01", ContactPurpose::Initial, 14);
  b.arrest("A2", "V2", "2024-03-08", ArrestDisposal::ReleasedUnderInvestigation, "2024-03-08");
  // V3: NFA outcome not explained.
  b.crime("V3", "2024-01-05", 16, "2024-03-08").victim("V3", "P3").contact("V3", "P3", "2024-01-05", ContactPurpose::IsvaReferral);
  // V4: NFA explained on a Saturday, right to review not offered.
  b.crime("V4", "2024-01-05", 15, "2024-03-01").victim("V4", "P4").contact("V4", "P4", "2024-03-02", ContactPurpose::NfaExplained);
  // V5: NFA explained and review offered.
  b.crime("V5", "2024-01-05", 21, "2024-03-01").victim("V5", "P5");
  b.contact("V5", "P5", "2024-03-04", ContactPurpose::NfaExplained).contact("V5", "P5", "2024-03-04", ContactPurpose::RightToReview);
  // V6: charged; the last decision contact came before the charge.
  b.crime("V6", "2023-10-01", 1, "2024-03-07").victim("V6", "P6").contact("V6", "P6", "2024-03-06", ContactPurpose::Decision);
  // V7: update due in 3 days under the agreed 28 days; a contact with someone not recorded as a victim.
  b.crime("V7", "2024-01-10").victim("V7", "P7").contact("V7", "P7", "2024-01-10", ContactPurpose::IsvaReferral);
  b.contact("V7", "P7", "2024-02-15", ContactPurpose::Update, 28).contact("V7", "P-parent", "2024-03-10", ContactPurpose::Update);
  return b.take();
}

using Row = std::tuple<std::string, std::string, std::string, std::string, int32_t>;

std::vector<Row> rows_of(const std::vector<WorklistItem>& items) {
  std::vector<Row> rows;
  for (const auto& item : items) {
    rows.emplace_back(std::string(item_kind_code(item.kind)), item.crime_ref, item.person_ref, item.due_date.to_iso(),
                      item.days_overdue);
  }
  return rows;
}

TEST(VictimsWorklist, ListsWhatEachVictimIsOwed) {
  const WorklistSnapshot snapshot(inputs());
  EXPECT_EQ(snapshot.unmatched_contacts(), 1u);
  const auto items = victims_worklist(snapshot, rules(), d("2024-03-11"));
  EXPECT_EQ(rows_of(items), (std::vector<Row>{
                                Row{"victim_isva_referral_due", "V2", "P2", "2024-02-05", 35},
                                Row{"victim_update_due", "V2", "P2", "2024-02-15", 25},
                                Row{"victim_right_to_review_not_offered", "V4", "P4", "2024-03-04", 7},
                                Row{"victim_decision_update_due", "V6", "P6", "2024-03-08", 3},
                                Row{"victim_decision_update_due", "V2", "P2", "2024-03-11", 0},
                                Row{"victim_nfa_not_explained", "V3", "P3", "2024-03-11", 0},
                                Row{"victim_update_due", "V7", "P7", "2024-03-14", -3},
                            }));
  EXPECT_EQ(items[0].reason, "No ISVA referral offered; due within 2 working days of the report on 2024-02-01");
  EXPECT_EQ(items[1].reason, "Update due every 14 days as agreed with the victim; last contact 2024-02-01");
  EXPECT_EQ(items[2].reason,
            "No-further-action outcome 15 on 2024-03-01 explained on 2024-03-02 but the right to review was not "
            "offered; the victim may ask for a review until 2024-06-02");
  EXPECT_EQ(items[3].reason, "Victim not yet told of: charge on 2024-03-07 (due within 1 working day)");
  EXPECT_EQ(items[4].reason,
            "Victim not yet told of: arrest on 2024-03-08, release under investigation on 2024-03-08 (due within 1 "
            "working day of each)");
  EXPECT_EQ(items[5].reason, "No-further-action outcome 16 on 2024-03-08 not explained to the victim (due within 1 working day)");
  EXPECT_EQ(items[6].officer_ref, "O1");
  EXPECT_EQ(items[6].unit_ref, "U1");
}

TEST(VictimsWorklist, DecisionOnASaturdayIsDueOnMonday) {
  Builder b;
  b.crime("C1", "2024-03-01").victim("C1", "P1").contact("C1", "P1", "2024-03-01", ContactPurpose::IsvaReferral);
  b.arrest("A1", "C1", "2024-03-09", ArrestDisposal::Other, "2024-03-09");
  const WorklistSnapshot snapshot(b.take());
  const auto on_sunday = victims_worklist(snapshot, rules(), d("2024-03-10"));
  ASSERT_EQ(on_sunday.size(), 1u);
  EXPECT_EQ(on_sunday[0].kind, ItemKind::VictimDecisionUpdateDue);
  EXPECT_EQ(on_sunday[0].due_date.to_iso(), "2024-03-11");
  EXPECT_EQ(on_sunday[0].days_overdue, -1);
  EXPECT_EQ(victims_worklist(snapshot, rules(), d("2024-03-12"))[0].days_overdue, 1);
}

TEST(VictimsWorklist, ContactOnABankHolidayCountsAndTheNextUpdateSkipsHolidays) {
  Builder b;
  b.crime("C1", "2024-03-01").victim("C1", "P1").contact("C1", "P1", "2024-03-01", ContactPurpose::IsvaReferral);
  b.arrest("A1", "C1", "2024-03-28", ArrestDisposal::Other, "2024-03-28");
  b.contact("C1", "P1", "2024-03-29", ContactPurpose::Decision, 3);  // Good Friday
  const WorklistSnapshot snapshot(b.take());
  const auto items = victims_worklist(snapshot, rules(), d("2024-03-30"));
  ASSERT_EQ(items.size(), 1u);  // the decision was told on the holiday itself
  EXPECT_EQ(items[0].kind, ItemKind::VictimUpdateDue);
  EXPECT_EQ(items[0].due_date.to_iso(), "2024-04-02");  // 1 April (Easter Monday) moves to Tuesday
}

TEST(VictimsWorklist, ChangeOfBailConditionsIsAKeyDecision) {
  Builder b;
  b.crime("C1", "2023-12-20").victim("C1", "P1").contact("C1", "P1", "2023-12-20", ContactPurpose::IsvaReferral);
  b.arrest("A1", "C1", "2024-01-01", ArrestDisposal::PreChargeBail, "2024-01-01");
  b.bail("B1", "A1", 1, "2024-01-01", "2024-01-01", "not to contact the victim");
  b.bail("B2", "A1", 2, "2024-04-01", "2024-03-05", "not to contact the victim; curfew");
  b.contact("C1", "P1", "2024-01-02", ContactPurpose::Decision).contact("C1", "P1", "2024-03-04", ContactPurpose::Update);
  const WorklistSnapshot snapshot(b.take());
  const auto items = victims_worklist(snapshot, rules(), d("2024-03-11"));
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(items[0].reason,
            "Victim not yet told of: change of bail conditions on 2024-03-05 (due within 1 working day of each)");
  EXPECT_EQ(items[0].due_date.to_iso(), "2024-03-06");
}

TEST(VictimsWorklist, WithoutEnhancedRightsForAllAdultsGetFiveWorkingDays) {
  WorklistRules standard = rules();
  standard.config.all_victims_enhanced = false;
  Builder b;
  b.crime("C1", "2024-03-01").victim("C1", "P-adult").victim("C1", "P-child", 15);
  for (const char* person : {"P-adult", "P-child"}) b.contact("C1", person, "2024-03-01", ContactPurpose::IsvaReferral);
  b.arrest("A1", "C1", "2024-03-08", ArrestDisposal::Other, "2024-03-08");
  const WorklistSnapshot snapshot(b.take());
  const auto items = victims_worklist(snapshot, standard, d("2024-03-11"));
  ASSERT_EQ(items.size(), 2u);
  EXPECT_EQ(items[0].person_ref, "P-child");
  EXPECT_EQ(items[0].due_date.to_iso(), "2024-03-11");
  EXPECT_EQ(items[1].person_ref, "P-adult");
  EXPECT_EQ(items[1].due_date.to_iso(), "2024-03-15");
  EXPECT_EQ(items[1].reason, "Victim not yet told of: arrest on 2024-03-08 (due within 5 working days of each)");
}

TEST(VictimsWorklist, UpdateLookaheadBoundary) {
  const WorklistSnapshot snapshot(inputs());
  auto has_v7_update = [&](const char* as_of) {
    for (const auto& item : victims_worklist(snapshot, rules(), d(as_of))) {
      if (item.crime_ref == "V7" && item.kind == ItemKind::VictimUpdateDue) return true;
    }
    return false;
  };
  EXPECT_FALSE(has_v7_update("2024-03-06"));  // due 14 March: 8 days ahead
  EXPECT_TRUE(has_v7_update("2024-03-07"));   // 7 days ahead
}

TEST(VictimsWorklist, NothingBeforeTheCrimeIsReportedAndNoContactMeansAnUpdateFromTheReport) {
  Builder b;
  b.crime("C1", "2024-03-01").victim("C1", "P1");
  const WorklistSnapshot snapshot(b.take());
  EXPECT_TRUE(victims_worklist(snapshot, rules(), d("2024-02-29")).empty());
  const auto items = victims_worklist(snapshot, rules(), d("2024-03-26"));
  ASSERT_EQ(items.size(), 2u);
  EXPECT_EQ(items[0].kind, ItemKind::VictimIsvaReferralDue);
  EXPECT_EQ(items[1].kind, ItemKind::VictimUpdateDue);
  EXPECT_EQ(items[1].due_date.to_iso(), "2024-04-02");  // 29 March + Easter Monday
  EXPECT_EQ(items[1].reason, "Update due every 28 days (no frequency agreed); no contact since the report on 2024-03-01");
}

}  // namespace
}  // namespace rasso

// The bail worklist on small hand-built inputs: expiring and lapsed bail, wrong-rank extensions,
// conditions without victim views, RUI over six months, superseded arrests, closed crimes and
// the filters.

#include "worklists/bail_worklist.h"

#include <gtest/gtest.h>

#include "ingest/reference_data.h"

namespace rasso {
namespace {

CivilDate d(const char* iso) { return *CivilDate::parse_iso(iso); }

WorklistRules rules() {
  static const CodeTables codes = *load_code_tables(RASSO_DEFAULT_DATA_DIR);
  return *make_worklist_rules(codes, {});
}

CrimeRecord open_crime(const char* ref, const char* officer = "O1", const char* unit = "U1", const char* force = "WD") {
  CrimeRecord crime;
  crime.crime_ref = ref;
  crime.force_code = force;
  crime.offence_code = "19C";
  crime.reported_date = d("2023-06-01");
  crime.officer_ref = officer;
  crime.unit_ref = unit;
  return crime;
}

WorklistFilter filter(const char* force, const char* unit, const char* officer) { return {force, unit, officer}; }

ArrestRecord arrest(const char* ref, const char* crime, const char* person, const char* arrested,
                    ArrestDisposal disposal, const char* disposed) {
  return ArrestRecord{ref, crime, person, d(arrested), disposal, d(disposed)};
}

BailPeriodRecord period(const char* ref, const char* arrest_ref, int number, const char* start, const char* end,
                        const char* by, const char* authorised, const char* conditions = "",
                        std::optional<bool> views = true) {
  return BailPeriodRecord{ref, arrest_ref, number, d(start), d(end), by, d(authorised), conditions, views,
                          std::nullopt, BailEndReason::None};
}

BailPeriodRecord ended(BailPeriodRecord record, const char* on, BailEndReason reason) {
  record.ended_date = d(on);
  record.end_reason = reason;
  return record;
}

struct Expected {
  ItemKind kind;
  const char* record_ref;
  const char* due;
  int32_t days_overdue;
};

void expect_items(const std::vector<WorklistItem>& items, const std::vector<Expected>& expected) {
  ASSERT_EQ(items.size(), expected.size());
  for (std::size_t i = 0; i < items.size(); ++i) {
    SCOPED_TRACE("item " + std::to_string(i) + ": " + items[i].reason);
    EXPECT_EQ(item_kind_code(items[i].kind), item_kind_code(expected[i].kind));
    EXPECT_EQ(items[i].record_ref, expected[i].record_ref);
    EXPECT_EQ(items[i].due_date.to_iso(), expected[i].due);
    EXPECT_EQ(items[i].days_overdue, expected[i].days_overdue);
  }
}

ExtractTables force_inputs() {
  ExtractTables in;
  in.officers = {{"O1", "WD", "U1"}, {"O2", "WM", "U2"}, {"O3", "WD", "U3"}};
  for (const char* ref : {"C1", "C2", "C3", "C5", "C6", "C7", "C8", "C9"}) in.crimes.push_back(open_crime(ref));
  CrimeRecord closed = open_crime("C4");
  closed.outcome_code = 16;
  closed.outcome_date = d("2024-02-01");
  in.crimes.push_back(closed);
  in.crimes.push_back(open_crime("C10", "O2", "U2", "WM"));
  in.crimes.push_back(open_crime("C11", "O3", ""));  // unit from the officer

  // C1: initial bail expiring in 8 days.
  in.arrests.push_back(arrest("A1", "C1", "P1", "2024-01-08", ArrestDisposal::PreChargeBail, "2024-01-09"));
  in.bail_periods.push_back(period("B1", "A1", 1, "2024-01-09", "2024-04-09", "PS", "2024-01-09", "no contact"));
  // C2: extended to 6 months by a sergeant, then left to lapse.
  in.arrests.push_back(arrest("A2", "C2", "P2", "2023-09-01", ArrestDisposal::PreChargeBail, "2023-09-01"));
  in.bail_periods.push_back(
      period("B2-2", "A2", 2, "2023-12-01", "2024-03-01", "PS", "2023-11-28", "no contact", std::nullopt));
  in.bail_periods.push_back(
      ended(period("B2-1", "A2", 1, "2023-09-01", "2023-12-01", "PS", "2023-09-01"), "2023-12-01", BailEndReason::Extended));
  // C3: released under investigation over six months ago.
  in.arrests.push_back(arrest("A3", "C3", "P3", "2023-09-20", ArrestDisposal::ReleasedUnderInvestigation, "2023-09-21"));
  // C4: closed; its lapsed bail is not listed.
  in.arrests.push_back(arrest("A4", "C4", "P4", "2023-06-01", ArrestDisposal::PreChargeBail, "2023-06-01"));
  in.bail_periods.push_back(period("B4", "A4", 1, "2023-06-01", "2023-09-01", "PS", "2023-06-01"));
  // C5: conditions without views, but the suspect was re-arrested and released under investigation.
  in.arrests.push_back(arrest("A5", "C5", "P5", "2024-03-18", ArrestDisposal::PreChargeBail, "2024-03-18"));
  in.bail_periods.push_back(period("B5", "A5", 1, "2024-03-18", "2024-06-18", "PS", "2024-03-18", "curfew", false));
  in.arrests.push_back(arrest("A5b", "C5", "P5", "2024-03-25", ArrestDisposal::ReleasedUnderInvestigation, "2024-03-25"));
  // C6: conditions set without the victim's views.
  in.arrests.push_back(arrest("A6", "C6", "P6", "2024-03-18", ArrestDisposal::PreChargeBail, "2024-03-18"));
  in.bail_periods.push_back(period("B6", "A6", 1, "2024-03-18", "2024-06-18", "PS", "2024-03-18", "curfew", false));
  // C7: extended properly and ended by charge.
  in.arrests.push_back(arrest("A7", "C7", "P7", "2023-10-01", ArrestDisposal::PreChargeBail, "2023-10-01"));
  in.bail_periods.push_back(
      ended(period("B7-1", "A7", 1, "2023-10-01", "2024-01-01", "PS", "2023-10-01"), "2024-01-01", BailEndReason::Extended));
  in.bail_periods.push_back(
      ended(period("B7-2", "A7", 2, "2024-01-01", "2024-04-01", "CI", "2023-12-20"), "2024-02-02", BailEndReason::Charged));
  // C8: bail converted to RUI.
  in.arrests.push_back(arrest("A8", "C8", "P8", "2023-05-15", ArrestDisposal::PreChargeBail, "2023-05-15"));
  in.bail_periods.push_back(
      ended(period("B8", "A8", 1, "2023-05-15", "2023-08-15", "PS", "2023-05-15"), "2023-08-15",
            BailEndReason::ReleasedUnderInvestigation));
  // C9: bail recorded as lapsed.
  in.arrests.push_back(arrest("A9", "C9", "P9", "2023-11-10", ArrestDisposal::PreChargeBail, "2023-11-10"));
  in.bail_periods.push_back(
      ended(period("B9", "A9", 1, "2023-11-10", "2024-02-10", "PS", "2023-11-10"), "2024-02-10", BailEndReason::Lapsed));
  // C10: another force's bail, expiring in 9 days.
  in.arrests.push_back(arrest("A10", "C10", "P10", "2024-01-10", ArrestDisposal::PreChargeBail, "2024-01-10"));
  in.bail_periods.push_back(period("B10", "A10", 1, "2024-01-10", "2024-04-10", "PS", "2024-01-10"));
  // C11: arrested after the as-of date: nothing yet.
  in.arrests.push_back(arrest("A11", "C11", "P11", "2024-04-02", ArrestDisposal::PreChargeBail, "2024-04-02"));
  in.bail_periods.push_back(period("B11", "A11", 1, "2024-04-02", "2024-07-02", "PC", "2024-04-02"));
  return in;
}

TEST(BailWorklist, ListsEachProblemMostUrgentFirst) {
  const WorklistSnapshot snapshot(force_inputs());
  const auto items = bail_worklist(snapshot, rules(), d("2024-04-01"));
  expect_items(items, {{ItemKind::BailWrongRank, "B2-2", "2023-11-28", 125},
                       {ItemKind::BailLapsed, "B9", "2024-02-10", 51},
                       {ItemKind::RuiOpenTooLong, "A8", "2024-02-15", 46},
                       {ItemKind::BailLapsed, "B2-2", "2024-03-01", 31},
                       {ItemKind::BailConditionsWithoutVictimViews, "B6", "2024-03-18", 14},
                       {ItemKind::RuiOpenTooLong, "A3", "2024-03-21", 11},
                       {ItemKind::BailExpiring, "B1", "2024-04-09", -8},
                       {ItemKind::BailExpiring, "B10", "2024-04-10", -9}});
  const WorklistItem& wrong_rank = items[0];
  EXPECT_EQ(wrong_rank.reason, "Bail period 2 (to 6 months) was authorised by PS; the law requires an inspector or above");
  EXPECT_EQ(wrong_rank.crime_ref, "C2");
  EXPECT_EQ(wrong_rank.person_ref, "P2");
  EXPECT_EQ(wrong_rank.officer_ref, "O1");
  EXPECT_EQ(wrong_rank.unit_ref, "U1");
  EXPECT_EQ(wrong_rank.force_code, "WD");
  EXPECT_EQ(items[3].reason,
            "Pre-charge bail period 2 (to 6 months) expired on 2024-03-01 with no extension or decision recorded");
  EXPECT_EQ(items[6].reason,
            "Pre-charge bail period 1 (to 3 months) expires on 2024-04-09, in 8 days, with no extension or decision "
            "recorded; extending it (period 2 (to 6 months)) needs an inspector or above");
  EXPECT_EQ(items[2].reason,
            "Released under investigation since 2023-08-15, more than 6 months, and the investigation is still open");
}

TEST(BailWorklist, FiltersByForceUnitAndOfficer) {
  const WorklistSnapshot snapshot(force_inputs());
  const auto by_force = bail_worklist(snapshot, rules(), d("2024-04-01"), filter("WM", "", ""));
  ASSERT_EQ(by_force.size(), 1u);
  EXPECT_EQ(by_force[0].record_ref, "B10");
  EXPECT_EQ(bail_worklist(snapshot, rules(), d("2024-04-01"), filter("", "U2", "")).size(), 1u);
  EXPECT_EQ(bail_worklist(snapshot, rules(), d("2024-04-01"), filter("", "", "O1")).size(), 7u);
  EXPECT_TRUE(bail_worklist(snapshot, rules(), d("2024-04-01"), filter("", "", "nobody")).empty());
}

TEST(BailWorklist, UnitComesFromTheOfficerWhenTheCrimeHasNone) {
  const WorklistSnapshot snapshot(force_inputs());
  const auto items = bail_worklist(snapshot, rules(), d("2024-04-03"), filter("", "U3", ""));
  ASSERT_EQ(items.size(), 1u);  // PC authorised the initial period of A11
  EXPECT_EQ(items[0].kind, ItemKind::BailWrongRank);
  EXPECT_EQ(items[0].record_ref, "B11");
  EXPECT_EQ(items[0].reason,
            "Bail period 1 (to 3 months) was authorised by PC; the law requires a custody officer (sergeant) or above");
}

struct DayCase {
  const char* as_of;
  bool listed;
  ItemKind kind;
  int32_t days_overdue;
};

class BailWorklistBoundaries : public testing::TestWithParam<DayCase> {};

TEST_P(BailWorklistBoundaries, AroundWarningAndExpiry) {
  ExtractTables in;
  in.crimes.push_back(open_crime("C1"));
  in.arrests.push_back(arrest("A1", "C1", "P1", "2023-11-30", ArrestDisposal::PreChargeBail, "2023-11-30"));
  // Statutory expiry 29 February 2024 (30 November + 3 months, clamped); recorded end later.
  in.bail_periods.push_back(period("B1", "A1", 1, "2023-11-30", "2024-03-01", "PS", "2023-11-30"));
  const WorklistSnapshot snapshot(std::move(in));
  const auto items = bail_worklist(snapshot, rules(), d(GetParam().as_of));
  if (!GetParam().listed) {
    EXPECT_TRUE(items.empty()) << GetParam().as_of;
    return;
  }
  ASSERT_EQ(items.size(), 1u) << GetParam().as_of;
  EXPECT_EQ(items[0].kind, GetParam().kind) << GetParam().as_of;
  EXPECT_EQ(items[0].due_date.to_iso(), "2024-02-29");
  EXPECT_EQ(items[0].days_overdue, GetParam().days_overdue);
}

INSTANTIATE_TEST_SUITE_P(Table, BailWorklistBoundaries,
                         testing::Values(DayCase{"2024-02-14", false, ItemKind::BailExpiring, 0},   // 15 days left
                                         DayCase{"2024-02-15", true, ItemKind::BailExpiring, -14},  // 14 days left
                                         DayCase{"2024-02-28", true, ItemKind::BailExpiring, -1},
                                         DayCase{"2024-02-29", true, ItemKind::BailExpiring, 0},   // expiry day
                                         DayCase{"2024-03-01", true, ItemKind::BailLapsed, 1}));   // lapsed

TEST(BailWorklist, AnExtensionAuthorisedBeforeTheAsOfDateCounts) {
  ExtractTables in;
  in.crimes.push_back(open_crime("C1"));
  in.arrests.push_back(arrest("A1", "C1", "P1", "2024-01-09", ArrestDisposal::PreChargeBail, "2024-01-09"));
  in.bail_periods.push_back(period("B1", "A1", 1, "2024-01-09", "2024-04-09", "PS", "2024-01-09"));
  in.bail_periods.push_back(period("B2", "A1", 2, "2024-04-09", "2024-07-09", "INSP", "2024-04-02"));
  const WorklistSnapshot snapshot(std::move(in));
  EXPECT_EQ(bail_worklist(snapshot, rules(), d("2024-04-01"))[0].record_ref, "B1");  // extension not yet made
  EXPECT_TRUE(bail_worklist(snapshot, rules(), d("2024-04-02")).empty());            // extended in time
}

TEST(BailWorklist, RuiBoundaryAtSixMonths) {
  ExtractTables in;
  in.crimes.push_back(open_crime("C1"));
  in.arrests.push_back(arrest("A1", "C1", "P1", "2024-01-15", ArrestDisposal::ReleasedUnderInvestigation, "2024-01-15"));
  const WorklistSnapshot snapshot(std::move(in));
  EXPECT_TRUE(bail_worklist(snapshot, rules(), d("2024-07-15")).empty());
  const auto items = bail_worklist(snapshot, rules(), d("2024-07-16"));
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(items[0].days_overdue, 1);
}

TEST(BailWorklist, ConfiguredWarningAndThreshold) {
  WorklistRules configured = rules();
  configured.config.bail_expiry_warning_days = 7;
  configured.config.rui_threshold_months = 3;
  const WorklistSnapshot snapshot(force_inputs());
  const auto items = bail_worklist(snapshot, configured, d("2024-04-01"));
  int expiring = 0, rui = 0;
  for (const WorklistItem& item : items) {
    expiring += item.kind == ItemKind::BailExpiring;
    rui += item.kind == ItemKind::RuiOpenTooLong;
  }
  EXPECT_EQ(expiring, 0);  // 8 and 9 days left
  EXPECT_EQ(rui, 2);
}

}  // namespace
}  // namespace rasso

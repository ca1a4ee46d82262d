// The orders and breaches worklists on small hand-built inputs: orders expiring within 30 days,
// breaches awaiting a response, a breach recorded before its order started, repeat breaches, and
// the as-of date hiding what had not happened yet.

#include <gtest/gtest.h>

#include "worklists/breaches_worklist.h"
#include "worklists/orders_worklist.h"

namespace rasso {
namespace {

CivilDate d(const char* iso) { return *CivilDate::parse_iso(iso); }

CrimeRecord crime(const char* ref, const char* officer, const char* unit, const char* force) {
  CrimeRecord record;
  record.crime_ref = ref;
  record.force_code = force;
  record.offence_code = "19C";
  record.reported_date = d("2024-01-01");
  record.officer_ref = officer;
  record.unit_ref = unit;
  return record;
}

OrderRecord order(const char* ref, const char* type, const char* subject, const char* crime_ref, OrderStatus status,
                  const char* start, const char* end, bool until_further_order = false) {
  OrderRecord record;
  record.order_ref = ref;
  record.order_type = type;
  record.subject_person_ref = subject;
  record.crime_ref = crime_ref;
  record.status = status;
  if (start) record.start_date = d(start);
  if (end) record.end_date = d(end);
  record.until_further_order = until_further_order;
  return record;
}

BreachRecord breach(const char* ref, BreachOf of, const char* linked, const char* person, const char* occurred,
                    const char* reported, const char* response = "", const char* responded = nullptr) {
  BreachRecord record;
  record.breach_ref = ref;
  record.breach_of = of;
  (of == BreachOf::Bail ? record.bail_ref : record.order_ref) = linked;
  record.person_ref = person;
  record.occurred_date = d(occurred);
  record.reported_date = d(reported);
  record.response = response;
  if (responded) record.response_date = d(responded);
  return record;
}

ExtractTables inputs() {
  ExtractTables in;
  in.crimes = {crime("C1", "O1", "U1", "WD"), crime("C2", "O2", "U2", "WD")};
  in.persons = {{"P1", "WD", false}, {"P9", "WM", false}};
  in.arrests = {{"A1", "C1", "P1", d("2024-01-08"), ArrestDisposal::PreChargeBail, d("2024-01-09")}};
  BailPeriodRecord bail;
  bail.bail_ref = "B1";
  bail.arrest_ref = "A1";
  bail.start_date = d("2024-01-09");
  bail.end_date = d("2024-04-09");
  bail.authorised_by = "PS";
  in.bail_periods = {bail};
  in.orders = {order("R1", "SRO", "P1", "C1", OrderStatus::Made, "2024-07-20", "2024-08-15"),
               order("R2", "DVPO", "P9", "", OrderStatus::Made, "2024-07-18", "2024-08-14"),
               order("R3", "SHPO", "P1", "C1", OrderStatus::Made, "2019-01-01", nullptr, true),
               order("R4", "SPO", "P1", "C2", OrderStatus::Applied, nullptr, nullptr),
               order("R5", "RESTRAINING", "P1", "C2", OrderStatus::Made, "2024-01-01", "2024-08-20"),
               order("R6", "NON_MOLESTATION", "P1", "C2", OrderStatus::Made, "2024-01-01", "2024-07-19")};
  in.orders[0].protected_person_refs = {"P3", "P5"};
  return in;
}

TEST(OrdersWorklist, ListsOrdersInForceEndingWithinThirtyDays) {
  const WorklistSnapshot snapshot(inputs());
  const auto items = orders_worklist(snapshot, WorklistRules{}, d("2024-07-20"));
  ASSERT_EQ(items.size(), 2u);
  EXPECT_EQ(items[0].record_ref, "R2");  // 25 days left
  EXPECT_EQ(items[0].days_overdue, -25);
  EXPECT_EQ(items[0].force_code, "WM");  // no crime: the subject's force, no owner
  EXPECT_EQ(items[0].officer_ref, "");
  EXPECT_EQ(items[1].record_ref, "R1");  // 26 days left; R5 has 31
  EXPECT_EQ(items[1].kind, ItemKind::OrderExpiring);
  EXPECT_EQ(items[1].due_date.to_iso(), "2024-08-15");
  EXPECT_EQ(items[1].person_ref, "P1");
  EXPECT_EQ(items[1].crime_ref, "C1");
  EXPECT_EQ(items[1].officer_ref, "O1");
  EXPECT_EQ(items[1].reason, "SRO R1 against P1 ends on 2024-08-15, in 26 days; it protects 2 people");
}

TEST(OrdersWorklist, BoundaryOfTheWarning) {
  const WorklistSnapshot snapshot(inputs());
  auto refs = [&](const char* as_of) {
    std::string listed;
    for (const auto& item : orders_worklist(snapshot, WorklistRules{}, d(as_of))) listed.append(item.record_ref) += ' ';
    return listed;
  };
  EXPECT_EQ(refs("2024-07-21"), "R2 R1 R5 ");  // R5: 30 days left
  EXPECT_EQ(refs("2024-08-15"), "R1 R5 ");     // R1 on its last day, R2 ended yesterday
  EXPECT_EQ(refs("2024-08-16"), "R5 ");
  EXPECT_EQ(refs("2024-08-21"), "");
}

TEST(OrdersWorklist, Filters) {
  const WorklistSnapshot snapshot(inputs());
  EXPECT_EQ(orders_worklist(snapshot, WorklistRules{}, d("2024-07-20"), {"WM", "", ""}).size(), 1u);
  EXPECT_EQ(orders_worklist(snapshot, WorklistRules{}, d("2024-07-20"), {"", "U1", ""}).size(), 1u);
  EXPECT_EQ(orders_worklist(snapshot, WorklistRules{}, d("2024-07-20"), {"", "", "O2"}).size(), 0u);
}

ExtractTables breach_inputs() {
  ExtractTables in = inputs();
  in.orders.push_back(order("R7", "SPO", "P4", "C2", OrderStatus::Applied, nullptr, nullptr));
  in.breaches = {
      breach("X1", BreachOf::Bail, "B1", "P1", "2024-09-09", "2024-09-10"),
      breach("X2", BreachOf::Order, "R1", "P1", "2024-07-15", "2024-07-16", "arrest", "2024-07-16"),
      breach("X3", BreachOf::Order, "R1", "P1", "2024-09-12", "2024-09-12"),
      breach("X4", BreachOf::Order, "R3", "P2", "2024-09-11", "2024-09-11", "warning", "2024-09-20"),
      breach("X5", BreachOf::Order, "R3", "P2", "2024-09-13", "2024-09-14"),
      breach("X6", BreachOf::Order, "R3", "P3", "2023-01-01", "2023-01-02", "arrest", "2023-01-02"),
      breach("X7", BreachOf::Order, "R3", "P3", "2024-09-01", "2024-09-01", "court", "2024-09-02"),
      breach("X8", BreachOf::Order, "R7", "P4", "2024-08-01", "2024-08-01", "none", "2024-08-01"),
  };
  return in;
}

TEST(BreachesWorklist, ListsResponsesRepeatsAndBreachesBeforeTheOrder) {
  const WorklistSnapshot snapshot(breach_inputs());
  const auto items = breaches_worklist(snapshot, WorklistRules{}, d("2024-09-13"));
  std::vector<std::tuple<std::string, std::string, std::string, int32_t>> got;
  for (const auto& item : items) {
    got.emplace_back(std::string(item_kind_code(item.kind)), item.record_ref, item.due_date.to_iso(), item.days_overdue);
  }
  using Row = std::tuple<std::string, std::string, std::string, int32_t>;
  EXPECT_EQ(got, (std::vector<Row>{
                     Row{"breach_before_order_started", "X2", "2024-07-16", 59},
                     Row{"breach_before_order_started", "X8", "2024-08-01", 43},
                     Row{"breach_awaiting_response", "X1", "2024-09-12", 1},
                     Row{"repeat_breaches", "X3", "2024-09-12", 1},
                     Row{"breach_awaiting_response", "X4", "2024-09-13", 0},  // response dated after the as-of date
                     Row{"breach_awaiting_response", "X3", "2024-09-14", -1},
                 }));
  const WorklistItem& before = items[0];
  EXPECT_EQ(before.reason,
            "Breach on 2024-07-15 is dated before order R1 started on 2024-07-20; check the order linked and the dates");
  EXPECT_EQ(before.crime_ref, "C1");
  EXPECT_EQ(before.officer_ref, "O1");
  EXPECT_EQ(items[1].reason,
            "Breach on 2024-08-01 is linked to order R7, which has no start date; check the order linked and the dates");
  EXPECT_EQ(items[2].reason,
            "Breach of bail on 2024-09-09, reported on 2024-09-10, has no recorded response (due within 2 days of the "
            "report)");
  EXPECT_EQ(items[2].crime_ref, "C1");  // through the bail period's arrest
  EXPECT_EQ(items[3].reason,
            "3 breaches by P1 in the 12 months to 2024-09-13: X2 (order, 2024-07-15), X1 (bail, 2024-09-09), X3 "
            "(order, 2024-09-12)");
}

TEST(BreachesWorklist, ResponseDueBoundary) {
  ExtractTables in = inputs();
  in.breaches = {breach("X1", BreachOf::Bail, "B1", "P1", "2024-03-01", "2024-03-01")};
  const WorklistSnapshot snapshot(std::move(in));
  EXPECT_EQ(breaches_worklist(snapshot, WorklistRules{}, d("2024-03-02"))[0].days_overdue, -1);
  EXPECT_EQ(breaches_worklist(snapshot, WorklistRules{}, d("2024-03-03"))[0].days_overdue, 0);
  EXPECT_EQ(breaches_worklist(snapshot, WorklistRules{}, d("2024-03-04"))[0].days_overdue, 1);
  EXPECT_TRUE(breaches_worklist(snapshot, WorklistRules{}, d("2024-02-29")).empty());  // not yet reported
}

TEST(BreachesWorklist, RepeatThresholdAndWindowAreConfigurable) {
  WorklistRules rules;
  rules.config.repeat_breach_lookback_months = 0;  // all time: P3's two breaches now count
  const WorklistSnapshot snapshot(breach_inputs());
  int repeats = 0;
  for (const auto& item : breaches_worklist(snapshot, rules, d("2024-09-13"))) repeats += item.kind == ItemKind::RepeatBreaches;
  EXPECT_EQ(repeats, 2);
  rules.config.repeat_breach_threshold = 3;
  repeats = 0;
  for (const auto& item : breaches_worklist(snapshot, rules, d("2024-09-13"))) repeats += item.kind == ItemKind::RepeatBreaches;
  EXPECT_EQ(repeats, 1);
}

TEST(BreachesWorklist, FiltersOnTheBreachedRecordsOwner) {
  const WorklistSnapshot snapshot(breach_inputs());
  const auto items = breaches_worklist(snapshot, WorklistRules{}, d("2024-09-13"), {"", "U2", ""});
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(items[0].record_ref, "X8");
}

}  // namespace
}  // namespace rasso

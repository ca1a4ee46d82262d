// Protection orders: in force on a date, expiring soon, not yet started.

#include "core/protection_order.h"

#include <gtest/gtest.h>

namespace rasso {
namespace {

CivilDate d(const char* iso) { return *CivilDate::parse_iso(iso); }
std::optional<CivilDate> od(const char* iso) { return iso ? CivilDate::parse_iso(iso) : std::nullopt; }

TEST(ProtectionOrder, ParsesStatusCodes) {
  EXPECT_EQ(parse_order_status("made"), OrderStatus::Made);
  EXPECT_EQ(parse_order_status("APPLIED"), OrderStatus::Applied);
  EXPECT_EQ(parse_order_status("refused"), OrderStatus::Refused);
  EXPECT_EQ(parse_order_status("discharged"), OrderStatus::Discharged);
  EXPECT_EQ(parse_order_status("expired"), OrderStatus::Expired);
  EXPECT_EQ(parse_order_status("varied"), OrderStatus::Other);
}

struct InForceCase {
  OrderStatus status;
  const char* start;
  const char* end;
  bool until_further_order;
  const char* on;
  bool in_force;
  const char* why;
};

class OrderInForce : public testing::TestWithParam<InForceCase> {};

TEST_P(OrderInForce, OnADate) {
  const auto& c = GetParam();
  const OrderTerms order{c.status, od(c.start), od(c.end), c.until_further_order};
  EXPECT_EQ(is_order_in_force(order, d(c.on)), c.in_force) << c.why;
}

INSTANTIATE_TEST_SUITE_P(
    Table, OrderInForce,
    testing::Values(
        InForceCase{OrderStatus::Made, "2024-07-20", "2026-07-19", false, "2024-07-19", false, "day before start"},
        InForceCase{OrderStatus::Made, "2024-07-20", "2026-07-19", false, "2024-07-20", true, "start day"},
        InForceCase{OrderStatus::Made, "2024-07-20", "2026-07-19", false, "2026-07-19", true, "last day"},
        InForceCase{OrderStatus::Made, "2024-07-20", "2026-07-19", false, "2026-07-20", false, "day after the end"},
        InForceCase{OrderStatus::Made, "2019-03-01", nullptr, true, "2040-01-01", true, "until further order"},
        InForceCase{OrderStatus::Made, "2024-02-29", "2024-02-29", false, "2024-02-29", true, "one-day order on a leap day"},
        InForceCase{OrderStatus::Made, "2024-01-01", nullptr, false, "2025-01-01", true, "made, no end: runs on"},
        InForceCase{OrderStatus::Applied, "2024-07-20", "2026-07-19", false, "2024-08-01", false, "only applied for"},
        InForceCase{OrderStatus::Refused, "2024-07-20", nullptr, true, "2024-08-01", false, "refused"},
        InForceCase{OrderStatus::Made, nullptr, nullptr, true, "2024-08-01", false, "no start date"},
        InForceCase{OrderStatus::Discharged, "2024-01-01", "2024-06-30", false, "2024-06-30", true, "discharged: in force to its end"},
        InForceCase{OrderStatus::Discharged, "2024-01-01", "2024-06-30", false, "2024-07-01", false, "discharged: after its end"},
        InForceCase{OrderStatus::Discharged, "2024-01-01", nullptr, false, "2024-07-01", false, "discharged, no end recorded"},
        InForceCase{OrderStatus::Expired, "2024-01-01", nullptr, true, "2024-07-01", false, "expired, no end recorded"},
        InForceCase{OrderStatus::Other, "2024-01-01", "2024-12-31", false, "2024-07-01", true, "unknown status: by its dates"}));

struct ExpiringCase {
  const char* as_of;
  std::optional<int32_t> days_left;
  bool expiring;
};

class OrderExpiring : public testing::TestWithParam<ExpiringCase> {};

TEST_P(OrderExpiring, WithinThirtyDays) {
  const OrderTerms order{OrderStatus::Made, d("2024-03-01"), d("2024-03-31"), false};
  EXPECT_EQ(days_until_order_end(order, d(GetParam().as_of)), GetParam().days_left) << GetParam().as_of;
  EXPECT_EQ(is_order_expiring_within(order, d(GetParam().as_of), 30), GetParam().expiring) << GetParam().as_of;
}

INSTANTIATE_TEST_SUITE_P(Table, OrderExpiring,
                         testing::Values(ExpiringCase{"2024-02-29", 31, false},  // before it started
                                         ExpiringCase{"2024-03-01", 30, true},   // start day, 30 days left
                                         ExpiringCase{"2024-03-30", 1, true},
                                         ExpiringCase{"2024-03-31", 0, true},    // last day
                                         ExpiringCase{"2024-04-01", -1, false}));  // ended

TEST(ProtectionOrder, ThirtyOneDaysLeftIsNotYetExpiring) {
  const OrderTerms order{OrderStatus::Made, d("2024-01-01"), d("2024-05-31"), false};
  EXPECT_FALSE(is_order_expiring_within(order, d("2024-04-30"), 30));
  EXPECT_TRUE(is_order_expiring_within(order, d("2024-05-01"), 30));
}

TEST(ProtectionOrder, UntilFurtherOrderNeverExpires) {
  const OrderTerms order{OrderStatus::Made, d("2020-01-01"), std::nullopt, true};
  EXPECT_FALSE(days_until_order_end(order, d("2024-01-01")));
  EXPECT_FALSE(is_order_expiring_within(order, d("2024-01-01"), 30));
}

TEST(ProtectionOrder, NotStartedBy) {
  const OrderTerms order{OrderStatus::Made, d("2024-07-20"), d("2026-07-19"), false};
  EXPECT_TRUE(order_not_started_by(order, d("2024-07-19")));
  EXPECT_FALSE(order_not_started_by(order, d("2024-07-20")));
  EXPECT_TRUE(order_not_started_by(OrderTerms{OrderStatus::Applied, std::nullopt, std::nullopt, false}, d("2030-01-01")));
}

}  // namespace
}  // namespace rasso

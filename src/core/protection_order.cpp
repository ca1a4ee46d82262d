#include "core/protection_order.h"

#include "core/code_table.h"

namespace rasso {

OrderStatus parse_order_status(std::string_view code) {
  const std::string lower = ascii_lower(code);
  if (lower == "applied") return OrderStatus::Applied;
  if (lower == "made") return OrderStatus::Made;
  if (lower == "refused") return OrderStatus::Refused;
  if (lower == "discharged") return OrderStatus::Discharged;
  if (lower == "expired") return OrderStatus::Expired;
  return OrderStatus::Other;
}

bool is_order_in_force(const OrderTerms& order, CivilDate date) {
  if (order.status == OrderStatus::Applied || order.status == OrderStatus::Refused) return false;
  if (order_not_started_by(order, date)) return false;
  if (order.end) return date <= *order.end;
  const bool ended_without_date = order.status == OrderStatus::Discharged || order.status == OrderStatus::Expired;
  return !ended_without_date;
}

std::optional<int32_t> days_until_order_end(const OrderTerms& order, CivilDate as_of) {
  if (!order.end) return std::nullopt;
  return as_of.days_until(*order.end);
}

bool is_order_expiring_within(const OrderTerms& order, CivilDate as_of, int warning_days) {
  const auto days_left = days_until_order_end(order, as_of);
  return days_left && *days_left <= warning_days && is_order_in_force(order, as_of);
}

bool order_not_started_by(const OrderTerms& order, CivilDate date) { return !order.start || *order.start > date; }

}  // namespace rasso

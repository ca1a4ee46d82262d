#pragma once
// Protection orders and notices (SHPO, SRO, SPO, DVPN/DVPO, DAPN/DAPO, restraining, non-molestation;
// DOMAIN.md §5): whether one is in force on a date and whether it ends soon. An order runs from
// its start date to the end of its end date, or until further order when it has no end.

#include <cstdint>
#include <optional>
#include <string_view>

#include "core/civil_date.h"

namespace rasso {

/// The order_status code table: applied, made, refused, discharged, expired. Other stands for a
/// code an administrator added; such an order is judged by its dates alone.
enum class OrderStatus { Applied, Made, Refused, Discharged, Expired, Other };

/// The status for an order_status code (ASCII case ignored); Other for an unknown code.
OrderStatus parse_order_status(std::string_view code);

struct OrderTerms {
  OrderStatus status = OrderStatus::Made;
  std::optional<CivilDate> start;  // in force from
  std::optional<CivilDate> end;    // last day in force; none when until further order
  bool until_further_order = false;
};

/// True when the order is in force on `date`: it was made (not merely applied for or refused),
/// has started by `date`, and has not ended before it. A discharged or expired order with no end
/// date recorded is treated as no longer in force; a made order with neither an end date nor the
/// until-further-order flag is treated as running until further order.
bool is_order_in_force(const OrderTerms& order, CivilDate date);

/// Days from `as_of` to the order's last day (0 on it), or nullopt for an order with no end date.
std::optional<int32_t> days_until_order_end(const OrderTerms& order, CivilDate as_of);

/// True when the order is in force on `as_of` and its last day is at most `warning_days` away
/// (SafeguardingConfig::order_expiry_warning_days, default 30).
bool is_order_expiring_within(const OrderTerms& order, CivilDate as_of, int warning_days);

/// True when the order had not started on `date`: it has no start date (applied for, refused) or
/// starts after `date`.
bool order_not_started_by(const OrderTerms& order, CivilDate date);

}  // namespace rasso

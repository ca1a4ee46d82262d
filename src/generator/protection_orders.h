#pragma once
// Protection orders and notices that follow a crime (codes/order_type.csv): a Sexual Harm
// Prevention Order or restraining order on conviction, a restraining order on acquittal, a
// Sexual Risk Order applied for against a repeat suspect who was not charged, DVPN/DVPO (DAPN/
// DAPO from 27 November 2024) and non-molestation orders in domestic cases, Stalking Protection
// Orders. Each is dated and given the status it has on the as-of date.

#include <optional>
#include <string_view>
#include <vector>

#include "core/civil_date.h"
#include "generator/random_source.h"

namespace rasso {

enum class CourtKind { None, Crown, Magistrates, Family };

struct ProtectionOrder {
  std::string_view type;    // order_type code
  std::string_view basis;   // order_basis code
  std::string_view status;  // order_status code
  std::optional<CivilDate> applied;
  std::optional<CivilDate> start;
  std::optional<CivilDate> end;
  bool until_further_order = false;
  bool protects_victims = true;  // protected_person_refs lists the crime's victims
  CourtKind court = CourtKind::None;
  std::string_view conditions;

  /// True if the order was in force on `date`.
  bool in_force_on(CivilDate date) const;
};

struct OrderCase {
  CivilDate reported = CivilDate::from_days(0);
  CivilDate as_of = CivilDate::from_days(0);
  std::optional<CivilDate> outcome_date;
  bool charged = false;
  bool no_further_action = false;  // final outcome other than a charge
  bool repeat_suspect = false;     // named in two or more crimes in the data
  bool domestic = false;
  bool stalking_risk = false;      // former partner, acquaintance or online contact
  bool child_offence = false;
};

/// The orders made (or applied for) against one suspect of one crime; usually none.
std::vector<ProtectionOrder> plan_protection_orders(const OrderCase& c, RandomSource& random);

/// True if breaching an order of this type is a criminal offence (order_type.csv).
bool breach_is_offence(std::string_view order_type);

}  // namespace rasso

#include "generator/protection_orders.h"

#include <algorithm>

#include "generator/quantile_curve.h"

namespace rasso {
namespace {

// DAPN/DAPO replace DVPN/DVPO in pilot areas from this date; the generator uses them in every
// force from then on so that both generations of notice appear.
const CivilDate kDomesticAbuseOrdersFrom = CivilDate::from_days(20054);  // 2024-11-27

const QuantileCurve kDaysChargeToSentence({{0, 60}, {50, 300}, {90, 600}, {100, 1000}});

constexpr std::string_view kShpoConditions =
    "Not to have unsupervised contact with any child under 18; Not to delete internet history; "
    "To notify police of any device capable of accessing the internet";
constexpr std::string_view kChildShpoConditions =
    "Not to have any contact with any child under 16 unless approved by social services; Not to reside in a "
    "household with children";
constexpr std::string_view kNoContact = "Not to contact the named persons directly or indirectly; Not to attend their home address";
constexpr std::string_view kSroConditions = "Not to approach or communicate with any female under 18; To notify police of any change of address";
constexpr std::string_view kNoticeConditions = "Not to enter the premises of the protected person; Not to molest the protected person";
constexpr std::string_view kSpoConditions = "Not to contact the protected person by any means including social media; Not to enter the exclusion zone";

CivilDate after(CivilDate date, std::int64_t low, std::int64_t high, RandomSource& random) {
  return date.plus_days(static_cast<std::int32_t>(random.between(low, high)));
}

// Gives the order the status it has on as_of; false if nothing of it has happened yet.
bool settle_status(ProtectionOrder& order, CivilDate as_of, bool may_be_refused, RandomSource& random) {
  if (order.applied && *order.applied > as_of) return false;
  if (may_be_refused && order.applied && random.chance_ppm(70'000)) {
    order.status = "refused";
    order.start.reset();
    order.end.reset();
    order.until_further_order = false;
    return true;
  }
  if (!order.start || *order.start > as_of) {
    if (!order.applied) return false;
    order.status = "applied";
    order.start.reset();
    order.end.reset();
    order.until_further_order = false;
    return true;
  }
  order.status = "made";
  if (order.end && *order.end < as_of) {
    order.status = "expired";
  } else if (random.chance_ppm(30'000)) {
    // Discharged early on application; the end date becomes the discharge date.
    const std::int64_t latest = order.end ? order.end->days_since_epoch() : as_of.days_since_epoch();
    order.end = CivilDate::from_days(static_cast<std::int32_t>(random.between(order.start->days_since_epoch(),
                                                                               std::min<std::int64_t>(latest, as_of.days_since_epoch()))));
    order.until_further_order = false;
    order.status = "discharged";
  }
  return true;
}

void on_conviction(const OrderCase& c, RandomSource& random, std::vector<ProtectionOrder>& orders) {
  const CivilDate sentence = c.outcome_date->plus_days(kDaysChargeToSentence.sample(random));
  const bool convicted = random.chance_ppm(650'000);
  if (convicted && random.chance_ppm(550'000)) {
    ProtectionOrder shpo{"SHPO", "conviction", "", std::nullopt, sentence, std::nullopt, false, random.chance_ppm(500'000),
                         CourtKind::Crown, c.child_offence ? kChildShpoConditions : kShpoConditions};
    if (random.chance_ppm(300'000)) {
      shpo.until_further_order = true;
    } else {
      shpo.end = sentence.plus_days(static_cast<std::int32_t>(random.between(1826, 3652)));
    }
    orders.push_back(shpo);
  }
  if (random.chance_ppm(convicted ? 250'000 : 100'000)) {
    ProtectionOrder restraining{"RESTRAINING", convicted ? "conviction" : "acquittal", "", std::nullopt, sentence,
                                sentence.plus_days(static_cast<std::int32_t>(random.between(730, 1826))), false, true,
                                CourtKind::Crown, kNoContact};
    if (random.chance_ppm(200'000)) {
      restraining.end.reset();
      restraining.until_further_order = true;
    }
    orders.push_back(restraining);
  }
}

void domestic_notices(const OrderCase& c, RandomSource& random, std::vector<ProtectionOrder>& orders) {
  const CivilDate notice = after(c.reported, 0, 2, random);
  const bool new_scheme = notice >= kDomesticAbuseOrdersFrom;
  orders.push_back({new_scheme ? "DAPN" : "DVPN", "notice", "", std::nullopt, notice, notice.plus_days(2), false, true,
                    CourtKind::None, kNoticeConditions});
  if (!random.chance_ppm(850'000)) return;
  ProtectionOrder order{new_scheme ? "DAPO" : "DVPO", "police_application", "", notice.plus_days(1), notice.plus_days(2),
                        std::nullopt, false, true, CourtKind::Magistrates, kNoContact};
  order.end = order.start->plus_days(static_cast<std::int32_t>(new_scheme ? random.between(180, 730) : random.between(14, 28)));
  orders.push_back(order);
}

}  // namespace

bool ProtectionOrder::in_force_on(CivilDate date) const {
  if (!start || date < *start) return false;
  return until_further_order || !end || date <= *end;
}

bool breach_is_offence(std::string_view order_type) {
  return order_type != "DVPN" && order_type != "DVPO" && order_type != "DAPN";
}

std::vector<ProtectionOrder> plan_protection_orders(const OrderCase& c, RandomSource& random) {
  std::vector<ProtectionOrder> orders;
  if (c.charged && c.outcome_date) on_conviction(c, random, orders);
  if (c.no_further_action && c.repeat_suspect && c.outcome_date && random.chance_ppm(40'000)) {
    const CivilDate applied = after(*c.outcome_date, 30, 150, random);
    ProtectionOrder sro{"SRO", "police_application", "", applied, after(applied, 14, 60, random), std::nullopt, false,
                        false, CourtKind::Magistrates, kSroConditions};
    sro.end = sro.start->plus_days(static_cast<std::int32_t>(random.between(730, 1826)));
    orders.push_back(sro);
  }
  if (c.domestic && random.chance_ppm(50'000)) domestic_notices(c, random, orders);
  if (c.domestic && random.chance_ppm(40'000)) {
    const CivilDate applied = after(c.reported, 3, 60, random);
    orders.push_back({"NON_MOLESTATION", "victim_application", "", applied, after(applied, 1, 21, random), std::nullopt,
                      false, true, CourtKind::Family, kNoContact});
    orders.back().end = orders.back().start->plus_days(static_cast<std::int32_t>(random.between(180, 365)));
  }
  if (c.stalking_risk && random.chance_ppm(15'000)) {
    const CivilDate applied = after(c.reported, 20, 120, random);
    ProtectionOrder spo{"SPO", "police_application", "", applied, after(applied, 14, 60, random), std::nullopt, false,
                        true, CourtKind::Magistrates, kSpoConditions};
    if (random.chance_ppm(200'000)) {
      spo.until_further_order = true;
    } else {
      spo.end = spo.start->plus_days(static_cast<std::int32_t>(random.between(730, 1460)));
    }
    orders.push_back(spo);
  }
  std::vector<ProtectionOrder> settled;
  for (ProtectionOrder& order : orders) {
    const bool police_application = order.basis == "police_application";
    if (settle_status(order, c.as_of, police_application, random)) settled.push_back(order);
  }
  return settled;
}

}  // namespace rasso

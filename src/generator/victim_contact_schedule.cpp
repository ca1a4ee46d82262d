#include "generator/victim_contact_schedule.h"

#include <algorithm>

#include "generator/case_outcome.h"
#include "generator/quantile_curve.h"
#include "generator/weighted_choice.h"

namespace rasso {
namespace {

constexpr Weighted<std::string_view> kMethods[] = {{"phone", 50}, {"in_person", 20}, {"email", 12},
                                                   {"text", 8},   {"video", 5},      {"letter", 5}};
constexpr Weighted<int> kFrequencies[] = {{28, 70}, {14, 20}, {7, 5}, {42, 5}};

const QuantileCurve kDaysToFirstContact({{0, 0}, {70, 0}, {90, 1}, {100, 6}});
const QuantileCurve kDaysToIsvaOffer({{0, 0}, {60, 1}, {85, 3}, {100, 21}});
const QuantileCurve kDaysToDecisionContact({{0, 0}, {70, 1}, {90, 5}, {100, 21}});
const QuantileCurve kDaysToNfaExplained({{0, 0}, {50, 2}, {80, 7}, {100, 30}});

}  // namespace

int pick_agreed_frequency(RandomSource& random) { return pick_weighted<int>(random, kFrequencies); }

VictimContactPlan plan_victim_contacts(const VictimCase& c, const VictimContactRates& rates, RandomSource& random) {
  VictimContactPlan plan;
  auto add = [&](CivilDate date, std::string_view purpose) {
    if (date > c.as_of) return;
    plan.contacts.push_back({date, purpose, pick_weighted<std::string_view>(random, kMethods)});
  };
  const CivilDate first = c.reported.plus_days(kDaysToFirstContact.sample(random));
  add(first, "initial");
  if (random.chance(rates.isva_offered)) add(c.reported.plus_days(kDaysToIsvaOffer.sample(random)), "isva_referral");

  // Regular updates until the case closes; a withdrawing victim (outcome 16) stops them earlier.
  const CivilDate closes = c.outcome_date ? *c.outcome_date : c.as_of;
  CivilDate last = first;
  const int frequency = c.agreed_frequency_days;
  while (true) {
    const bool late = random.chance(rates.late_update);
    const int gap = late ? frequency + static_cast<int>(random.between(1, 45))
                         : frequency - static_cast<int>(random.below(static_cast<std::uint64_t>(frequency / 3 + 1)));
    const CivilDate next = last.plus_days(gap);
    if (next >= closes || next > c.as_of) break;
    if (late) ++plan.late_gaps;
    add(next, "update");
    last = next;
  }
  for (CivilDate decision : c.decisions) {
    if (random.chance(rates.decision_contact)) add(decision.plus_days(kDaysToDecisionContact.sample(random)), "decision");
  }
  if (c.outcome_date) {
    const CivilDate outcome = *c.outcome_date;
    if (c.outcome_code == 16) {
      add(std::max(c.reported, outcome.plus_days(-static_cast<std::int32_t>(random.below(8)))), "withdrawal");
    }
    if (c.outcome_code == 1) add(outcome.plus_days(kDaysToDecisionContact.sample(random)), "decision");
    plan.nfa_outcome = is_no_further_action_outcome(c.outcome_code);
    if (plan.nfa_outcome && random.chance(rates.nfa_explained)) {
      const CivilDate explained = outcome.plus_days(kDaysToNfaExplained.sample(random));
      add(explained, "nfa_explained");
      plan.nfa_explained = explained <= c.as_of;
      if (is_reviewable_outcome(c.outcome_code) && random.chance(rates.right_to_review)) add(explained, "right_to_review");
    }
  }
  std::stable_sort(plan.contacts.begin(), plan.contacts.end(),
                   [](const VictimContact& a, const VictimContact& b) { return a.date < b.date; });
  return plan;
}

}  // namespace rasso

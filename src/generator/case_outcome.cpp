#include "generator/case_outcome.h"

#include "generator/quantile_curve.h"
#include "generator/weighted_choice.h"

namespace rasso {
namespace {

// Outcomes when no suspect was named (default mix): mostly 14, some 18.
constexpr Weighted<int> kNoSuspectOutcomes[] = {{14, 600}, {18, 150}, {21, 50}, {20, 50}};

// Outcomes with a named suspect, per thousand, for adult offences; charge (1) is scaled up for
// child offences by the caller.
constexpr Weighted<int> kNamedSuspectOutcomes[] = {
    {1, 60},  {15, 300}, {16, 465}, {21, 30}, {10, 20}, {9, 20}, {13, 15}, {20, 30},
    {14, 20}, {3, 5},    {5, 5},    {12, 5},  {22, 5},
};

// Days from report to outcome, by outcome (default curves). Charging takes longest: national
// median days from report to charge for rape were 381 (2018/19) and 426 (year to Sept 2023).
// The curve is of all charges; those still to come on the as-of date are censored, so the median
// seen in the data comes out near 400 days.
const QuantileCurve kDaysToCharge({{0, 2}, {10, 110}, {25, 260}, {50, 440}, {75, 640}, {90, 870}, {100, 1600}});
const QuantileCurve kDaysToVictimWithdrawal({{0, 1}, {25, 30}, {50, 95}, {75, 200}, {90, 360}, {100, 1000}});
const QuantileCurve kDaysToEvidentialNfa({{0, 20}, {25, 130}, {50, 250}, {75, 420}, {90, 600}, {100, 1400}});
const QuantileCurve kDaysToNoSuspectClose({{0, 3}, {25, 25}, {50, 60}, {75, 120}, {90, 220}, {100, 700}});

int days_to_outcome(int code, RandomSource& random) {
  switch (code) {
    case 1: return kDaysToCharge.sample(random);
    case 16: return kDaysToVictimWithdrawal.sample(random);
    case 14: case 18: case 20: return kDaysToNoSuspectClose.sample(random);
    default: return kDaysToEvidentialNfa.sample(random);
  }
}

int pick_named_outcome(const OffenceProfile& offence, bool juvenile_suspect, RandomSource& random) {
  Weighted<int> table[std::size(kNamedSuspectOutcomes) + 1];
  std::size_t size = 0;
  for (const auto& option : kNamedSuspectOutcomes) {
    Weighted<int> entry = option;
    // Child offences are charged about twice as often as adult rape (default).
    if (entry.value == 1) entry.weight = offence.child_offence ? 110 : offence.group == OffenceGroup::Rape ? 50 : 70;
    // A caution for a child suspect is a youth caution (2), not an adult one (3).
    if (entry.value == 3 && juvenile_suspect) entry.value = 2;
    table[size++] = entry;
  }
  return pick_weighted<int>(random, std::span<const Weighted<int>>(table, size));
}

}  // namespace

CaseOutcome draw_case_outcome(const OffenceProfile& offence, bool suspect_named, bool juvenile_suspect,
                              CivilDate reported, CivilDate as_of, RandomSource& random) {
  CaseOutcome outcome;
  outcome.intended_code = suspect_named ? pick_named_outcome(offence, juvenile_suspect, random)
                                        : pick_weighted<int>(random, kNoSuspectOutcomes);
  const CivilDate decided = reported.plus_days(days_to_outcome(outcome.intended_code, random));
  if (decided <= as_of) {
    outcome.code = outcome.intended_code;
    outcome.date = decided;
  }
  return outcome;
}

bool is_no_further_action_outcome(int code) {
  switch (code) {
    case 9: case 10: case 14: case 15: case 16: case 18: case 21: return true;
    default: return false;
  }
}

bool is_reviewable_outcome(int code) { return code == 15 || code == 16 || code == 21; }

}  // namespace rasso

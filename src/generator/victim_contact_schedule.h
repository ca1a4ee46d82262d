#pragma once
// VictimContactSchedule: the contacts an officer records with one victim of one crime — an
// initial contact and needs assessment, an offer of an ISVA referral, updates at the frequency
// agreed with the victim (28 days by default), a contact after each key decision (arrest, bail,
// charge) and, when the case is closed with no further action, the decision explained and the
// right to review offered. Realistic faults are planted: updates that come late, decisions and
// NFA outcomes never explained.

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "core/civil_date.h"
#include "generator/random_source.h"

namespace rasso {

struct VictimContact {
  CivilDate date = CivilDate::from_days(0);
  std::string_view purpose;  // contact_purpose code
  std::string_view method;   // contact_method code
};

struct VictimContactRates {
  double late_update = 0.15;          // per update: made after the agreed interval
  double isva_offered = 0.85;
  double decision_contact = 0.85;     // per key decision
  double nfa_explained = 0.85;        // of victims whose case ended in no further action
  double right_to_review = 0.75;      // of victims of a reviewable NFA outcome
};

struct VictimCase {
  CivilDate reported = CivilDate::from_days(0);
  CivilDate as_of = CivilDate::from_days(0);
  std::optional<CivilDate> outcome_date;   // case closed on this date
  int outcome_code = 0;
  std::vector<CivilDate> decisions;        // arrests, bail and RUI decisions, in any order
  int agreed_frequency_days = 28;
};

struct VictimContactPlan {
  std::vector<VictimContact> contacts;  // in date order, none after as_of
  std::size_t late_gaps = 0;            // updates later than the agreed frequency
  bool nfa_outcome = false;             // the case closed with an NFA outcome
  bool nfa_explained = false;
};

/// The contacts recorded with one victim of one case.
VictimContactPlan plan_victim_contacts(const VictimCase& victim_case, const VictimContactRates& rates,
                                       RandomSource& random);

/// A contact frequency agreed with a victim: 28 days mostly, sometimes 14, 7 or 42.
int pick_agreed_frequency(RandomSource& random);

}  // namespace rasso

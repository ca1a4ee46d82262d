#pragma once
// The checks the recording services make before they write (DOMAIN.md §4-§7): a response to a
// breach, a contact with a victim, an extension of pre-charge bail and a s63G application or
// decision, each judged against the records as they stand. Pure: the caller loads the current
// records, calls the check, and writes only on success. A failure is Error{"invalid_input", ...}
// whose message names the field and the rule broken. Codes are checked against the code lists
// the rules know; a code an administrator added to a table is refused here until a rule knows it.

#include <optional>
#include <span>
#include <string>

#include "core/bail_period.h"
#include "core/civil_date.h"
#include "core/result.h"
#include "core/s63g_eligibility.h"
#include "core/safeguarding_config.h"
#include "core/extract_records.h"

namespace rasso {

struct BreachResponseRequest {
  std::string response;  // breach_response code: arrest, charge, warning, court, none
  CivilDate response_date = CivilDate::from_days(0);
};

/// Checks a response to `breach`: a known response code, the breach has no response yet, and the
/// date is neither before the breach was reported nor after `as_of`.
Status validate_breach_response(const BreachResponseRequest& request, const BreachRecord& breach, CivilDate as_of);

struct VictimContactRequest {
  std::string person_ref;  // the victim
  CivilDate contact_date = CivilDate::from_days(0);
  std::string method;      // contact_method code
  std::string purpose;     // contact_purpose code
  std::optional<int> agreed_frequency_days;
};

/// Checks a contact with a victim of `crime` (`crime_involvements` are its involvements): the
/// person is recorded as a victim of the crime, method and purpose are known codes, the date is
/// not before the report nor after `as_of` (weekends and bank holidays are allowed), an agreed
/// frequency is 1-365 days, an "nfa_explained" contact follows an NFA outcome and a
/// "right_to_review" contact a reviewable one, on or after the outcome date.
Status validate_victim_contact(const VictimContactRequest& request, const CrimeRecord& crime,
                               std::span<const InvolvementRecord> crime_involvements, CivilDate as_of,
                               const SafeguardingConfig& config);

struct BailExtensionRequest {
  std::string authorised_by;  // bail_authority code
  CivilDate authorised_date = CivilDate::from_days(0);
  CivilDate end_date = CivilDate::from_days(0);  // proposed last day of the new period
  std::string conditions;
  std::optional<bool> victim_views_sought;
};

/// Checks an extension of the bail made of `periods` (one arrest's periods, any order): bail is
/// running on the authorisation date (not ended, not lapsed), the authorisation is made before the
/// current period ends and not before it began nor after `as_of`, the authority is senior enough
/// for the new period (inspector to 6 months, superintendent to 9, then a court), and the new end
/// is after the current expiry and within the statutory limit. Returns the new period's number.
Result<int> validate_bail_extension(const BailExtensionRequest& request, std::span<const BailPeriodRecord> periods,
                                    CivilDate as_of, const BailAuthorityRanks& ranks);

struct S63gDecisionRequest {
  std::string ground;  // s63g_ground code; required when applying
  std::optional<CivilDate> application_date;
  std::string decision;  // s63g_decision code: pending, granted, refused, not_applied
  std::optional<CivilDate> decision_date;
};

/// Checks a s63G application or decision for `biometric`, whose eligibility on `as_of` is
/// `eligibility` (see s63g_facts and assess_s63g_eligibility): a known decision code; no final
/// decision already recorded; "not_applied" without an application date; otherwise an eligible
/// person, a known ground, an application date on or after the no-charge decision and not after
/// `as_of`; "pending" without a decision date; "granted"/"refused" with a decision date on or
/// after the application and not after `as_of`.
Status validate_s63g_decision(const S63gDecisionRequest& request, const BiometricRecord& biometric,
                              const S63gEligibility& eligibility, CivilDate as_of);

}  // namespace rasso

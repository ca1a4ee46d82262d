#pragma once
// The recording services of the safeguarding worklists, shared by `rasso record` and the API:
// each loads the records as they stand, validates the change with the pure rules
// (worklists/recording_validation.h) and writes it in one transaction with its audit event; a
// changed row keeps its previous version. Errors: "not_found" for an unknown record,
// "invalid_input" for a change the rules refuse (the message names the field and the rule), or
// the store's error.

#include <optional>
#include <string>

#include "core/bail_period.h"
#include "core/civil_date.h"
#include "core/result.h"
#include "store/store.h"
#include "worklists/recording_validation.h"

namespace rasso {

/// Who records, when and why: goes into the audit event.
struct RecordingContext {
  std::string actor;           // "cli:<login>" or the signed-in user's name
  std::string now;             // ISO 8601 UTC
  CivilDate as_of = CivilDate::from_days(0);  // today's date for the checks
  std::string reason;          // why (the audit purpose; "safeguarding" when empty)
  std::string correlation_id;  // empty: derived from the action and time
};

/// Records `request` as the response to breach `breach_ref`. Returns the breach ref.
Result<std::string> record_breach_response(Store& store, const RecordingContext& context, const std::string& breach_ref,
                                           const BreachResponseRequest& request);

/// Records a contact with victim request.person_ref of `crime_ref`, by `officer_ref` (may be
/// blank; must exist otherwise), under `contact_ref` (blank: generated from the crime and time).
/// Returns the contact's reference.
Result<std::string> record_victim_contact(Store& store, const RecordingContext& context, const std::string& crime_ref,
                                          const VictimContactRequest& request, const std::string& officer_ref,
                                          const std::string& contact_ref);

struct RecordedBailPeriod {
  std::string bail_ref;
  int period_number = 0;
};

/// Records an extension of the bail that followed `arrest_ref`: the current period ends
/// "extended" and a new period `bail_ref` (blank: arrest ref + "-P" + number) starts.
Result<RecordedBailPeriod> record_bail_extension(Store& store, const RecordingContext& context, const std::string& arrest_ref,
                                                 const BailExtensionRequest& request, const BailAuthorityRanks& ranks,
                                                 const std::string& bail_ref);

/// Records a s63G application or decision on biometric record `biometric_ref`.
Result<std::string> record_s63g_decision(Store& store, const RecordingContext& context, const std::string& biometric_ref,
                                         const S63gDecisionRequest& request);

}  // namespace rasso

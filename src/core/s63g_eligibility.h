#pragma once
// Retention of DNA and fingerprints under PACE s63G (DOMAIN.md §6). A person with no previous
// convictions, arrested for but not charged with a qualifying offence, has their biometrics
// destroyed when the investigation ends unless the Biometrics Commissioner consents to retention
// on a ground: the alleged victim was under 18, vulnerable or associated with the person, or
// retention is necessary to prevent or detect crime. Consent keeps them 3 years from when they
// were taken; a court may extend that on an application in the last 3 months.

#include <optional>
#include <string>
#include <string_view>

#include "core/civil_date.h"
#include "core/safeguarding_config.h"

namespace rasso {

/// The s63g_ground code table.
enum class S63gGround { VictimUnder18, VictimVulnerable, VictimAssociated, PreventDetect };

/// The code of a ground, e.g. "victim_under_18".
std::string_view s63g_ground_code(S63gGround ground);
/// The ground for a code (ASCII case ignored), or nullopt.
std::optional<S63gGround> parse_s63g_ground(std::string_view code);

/// Which grounds apply to one case.
struct S63gGrounds {
  bool victim_under_18 = false;
  bool victim_vulnerable = false;
  bool victim_associated = false;
  bool prevent_detect = false;

  void add(S63gGround ground);
  bool any() const { return victim_under_18 || victim_vulnerable || victim_associated || prevent_detect; }
  /// The grounds in words, separated by "; ", e.g. "victim under 18; victim associated with the
  /// person". Empty when none applies.
  std::string in_words() const;
};

/// What is known about one person's biometrics taken on one arrest.
struct S63gFacts {
  bool qualifying_offence = false;          // arrested for a qualifying offence
  bool charged = false;                     // charged or cautioned for it
  std::optional<CivilDate> no_charge_date;  // decision not to charge, if made
  bool samples_taken = false;               // DNA or fingerprints taken
  std::optional<bool> previous_convictions; // nullopt when not recorded
  S63gGrounds grounds;                      // grounds found in the case or recorded by an officer
};

struct S63gEligibility {
  bool eligible = false;
  /// Why not, in words ("charged or cautioned"), when not eligible; empty when eligible.
  std::string not_eligible_because;
  /// True when eligibility assumes no previous convictions because none are recorded.
  bool previous_convictions_unrecorded = false;
  S63gGrounds grounds;
  /// The day by which an application should be made; set when eligible.
  std::optional<CivilDate> application_deadline;
};

/// True when `offence_code` is a qualifying offence: listed in config.s63g_qualifying_offences, or
/// any offence when that list is empty (the default: all RASSO offences qualify).
bool is_s63g_qualifying_offence(std::string_view offence_code, const SafeguardingConfig& config);

/// Whether a s63G application can be made: a qualifying offence, not charged, a no-charge decision,
/// samples taken, no previous convictions recorded, and at least one ground. When eligible, the
/// application deadline is set.
S63gEligibility assess_s63g_eligibility(const S63gFacts& facts, const SafeguardingConfig& config);

/// The day by which an application should be made: config.s63g_application_deadline_days (default
/// 28) after the no-charge decision.
CivilDate s63g_application_deadline(CivilDate no_charge_date, const SafeguardingConfig& config);

/// The last day biometrics may be kept with the Commissioner's consent: 3 years (config) after the
/// samples were taken.
CivilDate s63g_retention_end(CivilDate samples_taken, const SafeguardingConfig& config);

/// The first day an extension may be applied for: the start of the last 3 months (config) of the
/// retention period.
CivilDate s63g_extension_window_opens(CivilDate samples_taken, const SafeguardingConfig& config);

/// True when, on `as_of`, retention granted for samples taken on `samples_taken` is in the window
/// for an extension application (from the window opening to the retention end, both included).
bool is_s63g_extension_window_open(CivilDate samples_taken, CivilDate as_of, const SafeguardingConfig& config);

}  // namespace rasso

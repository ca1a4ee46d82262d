#pragma once
// ExtractTables: the typed tables the engines (worklists, repeat suspects) read, one struct per
// extract entity with only the fields the rules use. Codes the rules interpret become enums (an unknown
// code, e.g. one an administrator added, becomes Other); references stay as the source system's
// reference strings and are linked by WorklistSnapshot. The worklists need neither units nor
// training (an item's owning unit comes from the crime, or from its officer in charge); the KPI
// engine reads them, with the descriptive fields (places, times, protected characteristics).

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/civil_date.h"
#include "core/protection_order.h"

namespace rasso {

enum class InvolvementRole : std::uint8_t { Victim, Suspect, Witness, Other };
enum class ArrestDisposal : std::uint8_t { PreChargeBail, ReleasedUnderInvestigation, Charged, NoFurtherAction, Cautioned, Other };
enum class BailEndReason : std::uint8_t { None, Extended, Charged, NoFurtherAction, ReleasedUnderInvestigation, Lapsed, Other };
enum class BreachOf : std::uint8_t { Bail, Order, Other };
enum class ContactPurpose : std::uint8_t { Initial, Update, Decision, NfaExplained, RightToReview, IsvaReferral, Withdrawal, Other };
enum class S63gDecision : std::uint8_t { None, Pending, Granted, Refused, NotApplied, Other };

// Each parse_* maps a code of the named code table (ASCII case ignored) to its enum value: Other
// for an unknown code and, where the field is optional, None for a blank one.
InvolvementRole parse_involvement_role(std::string_view code);      // involvement_role
ArrestDisposal parse_arrest_disposal(std::string_view code);        // arrest_disposal
BailEndReason parse_bail_end_reason(std::string_view code);         // bail_end_reason
BreachOf parse_breach_of(std::string_view code);                    // breach_of
ContactPurpose parse_contact_purpose(std::string_view code);        // contact_purpose
S63gDecision parse_s63g_decision(std::string_view code);            // s63g_decision

/// The code of a contact purpose ("nfa_explained"); empty for Other.
std::string_view contact_purpose_code(ContactPurpose purpose);
/// The code of a s63G decision ("granted"); empty for None and Other.
std::string_view s63g_decision_code(S63gDecision decision);

struct CrimeRecord {
  std::string crime_ref;
  std::string force_code;
  std::string offence_code;
  CivilDate reported_date = CivilDate::from_days(0);
  bool child_victim = false;  // blank = false
  int outcome_code = 0;       // 0 = not yet assigned
  std::optional<CivilDate> outcome_date;
  std::string officer_ref;    // officer in charge; may be blank
  std::string unit_ref;       // investigating unit; may be blank
  std::optional<CivilDate> recorded_date = std::nullopt;
  std::optional<CivilDate> committed_date = std::nullopt;
  int committed_minute = -1;       // minutes after midnight of committed_time; -1 = not recorded
  std::string postcode_district = {};  // outward code; may be blank
  std::string lsoa_code = {};          // may be blank
  std::optional<bool> domestic_abuse = std::nullopt;
  std::optional<bool> online = std::nullopt;

  /// True when the investigation is still open on `as_of`: no outcome, one assigned after `as_of`,
  /// or one with no date recorded (the import refuses those, so only hand-built inputs have them).
  bool open_on(CivilDate as_of) const { return outcome_code == 0 || !outcome_date || *outcome_date > as_of; }

  bool operator==(const CrimeRecord&) const = default;
};

struct PersonRecord {
  std::string person_ref;
  std::string force_code;
  bool disabled = false;  // disability code "Y"
  std::string sex = {};         // sex code (M, F, U); blank = not recorded
  std::string ethnicity = {};   // ethnicity code (ONS 18+1, NS); blank = not recorded
  std::string disability = {};  // disability code (Y, N, U); blank = not recorded
  std::optional<CivilDate> dob = std::nullopt;

  bool operator==(const PersonRecord&) const = default;
};

struct InvolvementRecord {
  std::string crime_ref;
  std::string person_ref;
  InvolvementRole role = InvolvementRole::Other;
  std::string suspect_status;          // suspect_status code, suspects only
  std::optional<int> age_at_offence;
  std::string relationship_to_victim;  // relationship code, suspects only
  std::optional<CivilDate> named_date = std::nullopt;

  bool operator==(const InvolvementRecord&) const = default;
};

struct ArrestRecord {
  std::string arrest_ref;
  std::string crime_ref;
  std::string person_ref;
  CivilDate arrest_date = CivilDate::from_days(0);
  ArrestDisposal disposal = ArrestDisposal::Other;
  std::optional<CivilDate> disposal_date;

  /// The day the person left custody: the disposal date, or the arrest date when none is recorded.
  CivilDate left_custody() const { return disposal_date.value_or(arrest_date); }

  bool operator==(const ArrestRecord&) const = default;
};

struct BailPeriodRecord {
  std::string bail_ref;
  std::string arrest_ref;
  int period_number = 1;
  CivilDate start_date = CivilDate::from_days(0);
  CivilDate end_date = CivilDate::from_days(0);
  std::string authorised_by;  // bail_authority code
  std::optional<CivilDate> authorised_date;
  std::string conditions;  // blank = no conditions
  std::optional<bool> victim_views_sought;
  std::optional<CivilDate> ended_date;
  BailEndReason end_reason = BailEndReason::None;

  /// The day the period was decided: its authorisation date, or its start when none is recorded.
  CivilDate decided_on() const { return authorised_date.value_or(start_date); }

  bool operator==(const BailPeriodRecord&) const = default;
};

struct OrderRecord {
  std::string order_ref;
  std::string order_type;  // order_type code
  std::string subject_person_ref;
  std::vector<std::string> protected_person_refs;
  std::string crime_ref;   // may be blank
  OrderStatus status = OrderStatus::Made;
  std::optional<CivilDate> start_date;
  std::optional<CivilDate> end_date;
  bool until_further_order = false;
  std::optional<CivilDate> applied_date = std::nullopt;
  std::string basis = {};  // order_basis code; may be blank

  OrderTerms terms() const { return {status, start_date, end_date, until_further_order}; }

  bool operator==(const OrderRecord&) const = default;
};

struct BreachRecord {
  std::string breach_ref;
  BreachOf breach_of = BreachOf::Other;
  std::string bail_ref;   // breach_of bail
  std::string order_ref;  // breach_of order
  std::string person_ref;
  CivilDate occurred_date = CivilDate::from_days(0);
  CivilDate reported_date = CivilDate::from_days(0);
  std::string response;   // breach_response code; blank = none recorded
  std::optional<CivilDate> response_date;
  std::string new_crime_ref;

  /// True when a response is on record by `as_of` (one with no date counts as on record).
  bool responded_by(CivilDate as_of) const {
    return !response.empty() && (!response_date || *response_date <= as_of);
  }

  bool operator==(const BreachRecord&) const = default;
};

struct VictimContactRecord {
  std::string crime_ref;
  std::string person_ref;
  CivilDate contact_date = CivilDate::from_days(0);
  ContactPurpose purpose = ContactPurpose::Other;
  std::optional<int> agreed_frequency_days;
  std::string officer_ref = {};  // who made the contact; may be blank

  bool operator==(const VictimContactRecord&) const = default;
};

struct BiometricRecord {
  std::string biometric_ref;
  std::string person_ref;
  std::string arrest_ref;
  CivilDate samples_taken_date = CivilDate::from_days(0);
  bool dna_taken = false;
  bool fingerprints_taken = false;
  std::optional<bool> previous_convictions;
  std::optional<CivilDate> no_charge_date;
  std::string ground;  // s63g_ground code recorded by an officer; may be blank
  std::optional<CivilDate> application_date;
  S63gDecision decision = S63gDecision::None;
  std::optional<CivilDate> decision_date;

  bool operator==(const BiometricRecord&) const = default;
};

struct OfficerRecord {
  std::string officer_ref;
  std::string force_code;
  std::string unit_ref;
  std::string rank = {};  // rank code
  std::string role = {};  // officer_role code
  std::optional<CivilDate> start_date = std::nullopt;
  std::optional<CivilDate> leave_date = std::nullopt;

  bool operator==(const OfficerRecord&) const = default;
};

struct UnitRecord {
  std::string unit_ref;
  std::string force_code;
  std::string name;
  std::string unit_type;  // unit_type code

  bool operator==(const UnitRecord&) const = default;
};

struct TrainingRecord {
  std::string training_ref;
  std::string officer_ref;
  std::string course_code;  // course code, upper case
  CivilDate completed_date = CivilDate::from_days(0);
  std::optional<CivilDate> expiry_date;

  bool operator==(const TrainingRecord&) const = default;
};

// Fields added after the worklists were written carry default member initialisers, so the
// positional aggregate initialisation in existing code and tests stays complete.

struct ExtractTables {
  std::vector<CrimeRecord> crimes;
  std::vector<PersonRecord> persons;
  std::vector<InvolvementRecord> involvements;
  std::vector<ArrestRecord> arrests;
  std::vector<BailPeriodRecord> bail_periods;
  std::vector<OrderRecord> orders;
  std::vector<BreachRecord> breaches;
  std::vector<VictimContactRecord> victim_contacts;
  std::vector<BiometricRecord> biometrics;
  std::vector<OfficerRecord> officers;
  std::vector<UnitRecord> units = {};
  std::vector<TrainingRecord> training = {};
};

}  // namespace rasso

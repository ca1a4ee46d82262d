#include "core/field_spec.h"

#include <array>

namespace rasso {
namespace {

using T = FieldType;
constexpr bool kRequired = true;
constexpr bool kOptional = false;

constexpr FieldSpec kUnits[] = {
    {"unit_ref", T::Identifier, kRequired, "", "Unique reference of the unit in the source system"},
    {"force_code", T::Code, kRequired, "force", "Force that owns the unit"},
    {"name", T::Text, kRequired, "", "Unit name, e.g. 'North RASSO team'"},
    {"unit_type", T::Code, kRequired, "unit_type", "Kind of unit"},
};

constexpr FieldSpec kOfficers[] = {
    {"officer_ref", T::Identifier, kRequired, "", "Unique reference of the officer or staff member"},
    {"force_code", T::Code, kRequired, "force", "Employing force"},
    {"unit_ref", T::Reference, kRequired, "units", "Current unit"},
    {"collar_number", T::Text, kOptional, "", "Collar or staff number", 16},
    {"rank", T::Code, kRequired, "rank", "Rank (police staff: STAFF)"},
    {"role", T::Code, kRequired, "officer_role", "Role in the RASSO response"},
    {"detective_status", T::Code, kOptional, "detective_status", "Detective accreditation (PIP2)"},
    {"start_date", T::Date, kRequired, "", "Date joined the unit"},
    {"leave_date", T::Date, kOptional, "", "Date left the unit, blank if still serving"},
};

constexpr FieldSpec kCrimes[] = {
    {"crime_ref", T::Identifier, kRequired, "", "Crime reference number (force code + RMS reference)"},
    {"force_code", T::Code, kRequired, "force", "Recording force"},
    {"offence_code", T::Code, kRequired, "offence", "Home Office offence code"},
    {"committed_date", T::Date, kOptional, "", "Date the offence was committed (first day if a range)"},
    {"committed_time", T::Time, kOptional, "", "Time the offence was committed, if known"},
    {"reported_date", T::Date, kRequired, "", "Date first reported to police"},
    {"recorded_date", T::Date, kRequired, "", "Date recorded as a crime"},
    {"postcode_district", T::Postcode, kOptional, "", "Postcode district (outward code) of the location"},
    {"lsoa_code", T::Identifier, kOptional, "", "Lower layer super output area code of the location"},
    {"domestic_abuse", T::Boolean, kOptional, "", "Domestic abuse flag"},
    {"online", T::Boolean, kOptional, "", "Online-enabled flag"},
    {"child_victim", T::Boolean, kOptional, "", "Victim under 18 at the time"},
    {"outcome_code", T::Code, kRequired, "outcome", "Current Home Office outcome code (0 = not yet assigned)"},
    {"outcome_date", T::Date, kOptional, "", "Date the current outcome was assigned"},
    {"officer_ref", T::Reference, kOptional, "officers", "Officer in charge"},
    {"unit_ref", T::Reference, kOptional, "units", "Investigating unit"},
};

constexpr FieldSpec kPersons[] = {
    {"person_ref", T::Identifier, kRequired, "", "Reference of this person record (one record as written in one source record)"},
    {"force_code", T::Code, kOptional, "force", "Force whose system holds the record"},
    {"forename", T::Text, kOptional, "", "First forename as written", 100},
    {"middle_names", T::Text, kOptional, "", "Other forenames as written", 100},
    {"surname", T::Text, kOptional, "", "Surname as written", 100},
    {"dob", T::Date, kOptional, "", "Date of birth"},
    {"sex", T::Code, kOptional, "sex", "Sex as recorded"},
    {"ethnicity", T::Code, kOptional, "ethnicity", "Self-defined ethnicity (ONS 18+1); blank = not recorded"},
    {"disability", T::Code, kOptional, "disability", "Disability as recorded"},
    {"address", T::Text, kOptional, "", "Address lines as written", 300},
    {"postcode", T::Postcode, kOptional, "", "Postcode of the address (full or outward code)"},
    {"pnc_id", T::PncId, kOptional, "", "Police National Computer ID"},
    {"cro_number", T::CroNumber, kOptional, "", "Criminal Records Office number"},
};

constexpr FieldSpec kInvolvements[] = {
    {"involvement_ref", T::Identifier, kRequired, "", "Reference of this person-in-crime link"},
    {"crime_ref", T::Reference, kRequired, "crimes", "The crime"},
    {"person_ref", T::Reference, kRequired, "persons", "The person record"},
    {"role", T::Code, kRequired, "involvement_role", "Role of the person in the crime"},
    {"suspect_status", T::Code, kOptional, "suspect_status", "Status of a suspect (suspects only)"},
    {"named_date", T::Date, kOptional, "", "Date first named in this role"},
    {"age_at_offence", T::Integer, kOptional, "", "Age in years when the offence was committed", 200, 0, 120},
    {"relationship_to_victim", T::Code, kOptional, "relationship", "Suspect's relationship to the victim (suspects only)"},
};

constexpr FieldSpec kArrests[] = {
    {"arrest_ref", T::Identifier, kRequired, "", "Custody or arrest reference"},
    {"crime_ref", T::Reference, kRequired, "crimes", "The crime the arrest was for"},
    {"person_ref", T::Reference, kRequired, "persons", "The person arrested"},
    {"arrest_date", T::Date, kRequired, "", "Date of arrest"},
    {"disposal", T::Code, kRequired, "arrest_disposal", "How the person left custody"},
    {"disposal_date", T::Date, kOptional, "", "Date of the disposal"},
};

constexpr FieldSpec kBail[] = {
    {"bail_ref", T::Identifier, kRequired, "", "Reference of this bail period (the initial period or one extension)"},
    {"arrest_ref", T::Reference, kRequired, "arrests", "The arrest the bail follows"},
    {"period_number", T::Integer, kRequired, "", "1 for the initial period, 2 for the first extension, ...", 200, 1, 20},
    {"start_date", T::Date, kRequired, "", "First day of this period"},
    {"end_date", T::Date, kRequired, "", "Day this period expires unless extended"},
    {"authorised_by", T::Code, kRequired, "bail_authority", "Rank (or court) that authorised this period"},
    {"authorised_date", T::Date, kOptional, "", "Date the period was authorised"},
    {"conditions", T::Text, kOptional, "", "Bail conditions", 2000},
    {"victim_views_sought", T::Boolean, kOptional, "", "Victim's views on conditions sought"},
    {"ended_date", T::Date, kOptional, "", "Date bail actually ended, if it has"},
    {"end_reason", T::Code, kOptional, "bail_end_reason", "Why bail ended"},
};

constexpr FieldSpec kOrders[] = {
    {"order_ref", T::Identifier, kRequired, "", "Reference of the order or notice"},
    {"order_type", T::Code, kRequired, "order_type", "Type of order or notice"},
    {"subject_person_ref", T::Reference, kRequired, "persons", "The person the order restricts"},
    {"protected_person_refs", T::ReferenceList, kOptional, "persons", "People the order protects, separated by ';'", 2000},
    {"crime_ref", T::Reference, kOptional, "crimes", "Crime the order arose from"},
    {"basis", T::Code, kOptional, "order_basis", "Basis on which it was made"},
    {"status", T::Code, kRequired, "order_status", "Status of the order"},
    {"applied_date", T::Date, kOptional, "", "Date applied for"},
    {"start_date", T::Date, kOptional, "", "Date in force from (required once made)"},
    {"end_date", T::Date, kOptional, "", "Date it ends, blank if until further order"},
    {"until_further_order", T::Boolean, kOptional, "", "Runs until further order"},
    {"court", T::Text, kOptional, "", "Court that made it"},
    {"conditions", T::Text, kOptional, "", "Prohibitions and requirements", 2000},
};

constexpr FieldSpec kBreaches[] = {
    {"breach_ref", T::Identifier, kRequired, "", "Reference of the breach"},
    {"breach_of", T::Code, kRequired, "breach_of", "What was breached: bail or an order"},
    {"bail_ref", T::Reference, kOptional, "bail", "The bail period breached (breach_of = bail)"},
    {"order_ref", T::Reference, kOptional, "orders", "The order breached (breach_of = order)"},
    {"person_ref", T::Reference, kRequired, "persons", "Person who breached"},
    {"occurred_date", T::Date, kRequired, "", "Date the breach happened"},
    {"reported_date", T::Date, kRequired, "", "Date the breach was reported to police"},
    {"response", T::Code, kOptional, "breach_response", "Police response; blank = none recorded yet"},
    {"response_date", T::Date, kOptional, "", "Date of the response"},
    {"new_crime_ref", T::Reference, kOptional, "crimes", "Crime recorded for the breach, if any"},
};

constexpr FieldSpec kVictimContacts[] = {
    {"contact_ref", T::Identifier, kRequired, "", "Reference of the contact"},
    {"crime_ref", T::Reference, kRequired, "crimes", "The crime"},
    {"person_ref", T::Reference, kRequired, "persons", "The victim contacted"},
    {"contact_date", T::Date, kRequired, "", "Date of the contact"},
    {"method", T::Code, kRequired, "contact_method", "How the victim was contacted"},
    {"purpose", T::Code, kRequired, "contact_purpose", "What the contact was about"},
    {"agreed_frequency_days", T::Integer, kOptional, "", "Contact frequency agreed with the victim, in days", 200, 1, 365},
    {"officer_ref", T::Reference, kOptional, "officers", "Officer who made the contact"},
};

constexpr FieldSpec kBiometrics[] = {
    {"biometric_ref", T::Identifier, kRequired, "", "Reference of the biometric record"},
    {"person_ref", T::Reference, kRequired, "persons", "Person the samples were taken from"},
    {"arrest_ref", T::Reference, kRequired, "arrests", "Arrest on which they were taken"},
    {"samples_taken_date", T::Date, kRequired, "", "Date DNA or fingerprints were taken"},
    {"dna_taken", T::Boolean, kRequired, "", "DNA sample taken"},
    {"fingerprints_taken", T::Boolean, kRequired, "", "Fingerprints taken"},
    {"previous_convictions", T::Boolean, kOptional, "", "Person had a previous recordable conviction"},
    {"no_charge_date", T::Date, kOptional, "", "Date of the decision not to charge"},
    {"ground", T::Code, kOptional, "s63g_ground", "s63G ground relied on"},
    {"application_date", T::Date, kOptional, "", "Date the s63G application was made"},
    {"decision", T::Code, kOptional, "s63g_decision", "Biometrics Commissioner's decision"},
    {"decision_date", T::Date, kOptional, "", "Date of the decision"},
};

constexpr FieldSpec kTraining[] = {
    {"training_ref", T::Identifier, kRequired, "", "Reference of the training record"},
    {"officer_ref", T::Reference, kRequired, "officers", "Officer trained"},
    {"course_code", T::Code, kRequired, "course", "Course completed"},
    {"completed_date", T::Date, kRequired, "", "Date completed"},
    {"expiry_date", T::Date, kOptional, "", "Date the qualification lapses, if it does"},
};

const std::array<EntitySpec, 12> kSpecs = {{
    {Entity::Units, kUnits, "Units (teams) of each force"},
    {Entity::Officers, kOfficers, "Officers and staff"},
    {Entity::Crimes, kCrimes, "Recorded RASSO crimes"},
    {Entity::Persons, kPersons, "Person records, each as written in one source record; never merged in place"},
    {Entity::Involvements, kInvolvements, "Person record x crime x role"},
    {Entity::Arrests, kArrests, "Arrests and how each ended"},
    {Entity::Bail, kBail, "Pre-charge bail periods, one row per period"},
    {Entity::Orders, kOrders, "Protection orders and notices"},
    {Entity::Breaches, kBreaches, "Breaches of bail or of an order"},
    {Entity::VictimContacts, kVictimContacts, "Each contact with a victim"},
    {Entity::Biometrics, kBiometrics, "DNA and fingerprints taken on arrest, and s63G retention"},
    {Entity::Training, kTraining, "Training completed by officers"},
}};

}  // namespace

std::optional<std::size_t> EntitySpec::index_of(std::string_view field_name) const {
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (fields[i].name == field_name) return i;
  }
  return std::nullopt;
}

const EntitySpec& entity_spec(Entity entity) { return kSpecs[static_cast<std::size_t>(entity)]; }

std::string_view field_type_name(FieldType type) {
  switch (type) {
    case T::Text: return "text";
    case T::Date: return "date";
    case T::Time: return "time";
    case T::Integer: return "integer";
    case T::Boolean: return "boolean";
    case T::Code: return "code";
    case T::Reference: return "reference";
    case T::ReferenceList: return "reference list";
    case T::Postcode: return "postcode";
    case T::PncId: return "PNC ID";
    case T::CroNumber: return "CRO number";
    case T::Identifier: return "identifier";
  }
  return "unknown";
}

}  // namespace rasso

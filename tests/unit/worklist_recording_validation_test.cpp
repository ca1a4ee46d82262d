// The checks made before recording a breach response, a victim contact, a bail extension and a
// s63G application or decision: each rule refused with a message naming the field.

#include "worklists/recording_validation.h"

#include <gtest/gtest.h>

#include "ingest/reference_data.h"

namespace rasso {
namespace {

CivilDate d(const char* iso) { return *CivilDate::parse_iso(iso); }

const BailAuthorityRanks& ranks() {
  static const BailAuthorityRanks loaded = [] {
    const auto tables = load_code_tables(RASSO_DEFAULT_DATA_DIR);
    return *BailAuthorityRanks::from_code_table(*tables->table("bail_authority"));
  }();
  return loaded;
}

template <typename T>
std::string message_of(const Result<T>& result) {
  if (result.ok()) return "ok";
  EXPECT_EQ(result.error().code, "invalid_input");
  return result.error().message;
}

// ---- breach response ----

BreachRecord open_breach() {
  BreachRecord breach;
  breach.breach_ref = "X1";
  breach.breach_of = BreachOf::Order;
  breach.order_ref = "R1";
  breach.person_ref = "P1";
  breach.occurred_date = d("2024-09-10");
  breach.reported_date = d("2024-09-11");
  return breach;
}

TEST(BreachResponseValidation, AcceptsAResponseOnOrAfterTheReport) {
  EXPECT_EQ(message_of(validate_breach_response({"arrest", d("2024-09-11")}, open_breach(), d("2024-09-12"))), "ok");
  EXPECT_EQ(message_of(validate_breach_response({"none", d("2024-09-12")}, open_breach(), d("2024-09-12"))), "ok");
}

TEST(BreachResponseValidation, RefusesEachBrokenRule) {
  EXPECT_EQ(message_of(validate_breach_response({"shout", d("2024-09-12")}, open_breach(), d("2024-09-12"))),
            "response: 'shout' is not a breach response (expected one of arrest, charge, warning, court, none)");
  EXPECT_EQ(message_of(validate_breach_response({"arrest", d("2024-09-10")}, open_breach(), d("2024-09-12"))),
            "response_date: 2024-09-10 is before the breach was reported (2024-09-11)");
  EXPECT_EQ(message_of(validate_breach_response({"arrest", d("2024-09-13")}, open_breach(), d("2024-09-12"))),
            "response_date: 2024-09-13 is after today (2024-09-12)");
  BreachRecord answered = open_breach();
  answered.response = "warning";
  answered.response_date = d("2024-09-11");
  EXPECT_EQ(message_of(validate_breach_response({"arrest", d("2024-09-12")}, answered, d("2024-09-12"))),
            "response: breach X1 already has a response recorded (warning on 2024-09-11)");
}

// ---- victim contact ----

CrimeRecord crime_with_outcome(int outcome, const char* on) {
  CrimeRecord crime;
  crime.crime_ref = "C1";
  crime.reported_date = d("2024-01-07");
  crime.outcome_code = outcome;
  if (on) crime.outcome_date = d(on);
  return crime;
}

const std::vector<InvolvementRecord> kInvolvements = {
    {"C1", "P3", InvolvementRole::Victim, "", 24, ""}, {"C1", "P1", InvolvementRole::Suspect, "arrested", 38, ""}};

std::string contact_message(VictimContactRequest request, const CrimeRecord& crime) {
  return message_of(validate_victim_contact(request, crime, kInvolvements, d("2024-07-08"), SafeguardingConfig{}));
}

TEST(VictimContactValidation, AcceptsContactsOnWeekendsAndBankHolidays) {
  const CrimeRecord open = crime_with_outcome(0, nullptr);
  EXPECT_EQ(contact_message({"P3", d("2024-07-06"), "phone", "update", 28}, open), "ok");        // Saturday
  EXPECT_EQ(contact_message({"P3", d("2024-05-27"), "in_person", "decision", {}}, open), "ok");  // bank holiday
  EXPECT_EQ(contact_message({"P3", d("2024-01-07"), "email", "initial", {}}, open), "ok");       // report day
}

TEST(VictimContactValidation, RefusesEachBrokenRule) {
  const CrimeRecord open = crime_with_outcome(0, nullptr);
  EXPECT_EQ(contact_message({"P1", d("2024-07-01"), "phone", "update", {}}, open),
            "person_ref: 'P1' is not recorded as a victim of crime C1");
  EXPECT_EQ(contact_message({"P3", d("2024-07-01"), "pigeon", "update", {}}, open),
            "method: 'pigeon' is not a contact method (expected one of phone, in_person, video, email, letter, text)");
  EXPECT_EQ(contact_message({"P3", d("2024-07-01"), "phone", "chat", {}}, open),
            "purpose: 'chat' is not a contact purpose (expected one of initial, update, decision, nfa_explained, "
            "right_to_review, isva_referral, withdrawal)");
  EXPECT_EQ(contact_message({"P3", d("2024-01-06"), "phone", "update", {}}, open),
            "contact_date: 2024-01-06 is before the crime was reported (2024-01-07)");
  EXPECT_EQ(contact_message({"P3", d("2024-07-09"), "phone", "update", {}}, open),
            "contact_date: 2024-07-09 is after today (2024-07-08)");
  EXPECT_EQ(contact_message({"P3", d("2024-07-01"), "phone", "update", 0}, open),
            "agreed_frequency_days: 0 is not between 1 and 365 days");
  EXPECT_EQ(contact_message({"P3", d("2024-07-01"), "phone", "update", 366}, open),
            "agreed_frequency_days: 366 is not between 1 and 365 days");
  EXPECT_EQ(contact_message({"P3", d("2024-07-01"), "phone", "nfa_explained", {}}, open),
            "purpose: nfa_explained needs a no-further-action outcome, but crime C1 has outcome 0");
}

TEST(VictimContactValidation, NfaAndReviewContactsFollowTheOutcome) {
  const CrimeRecord nfa_14 = crime_with_outcome(14, "2024-06-30");
  EXPECT_EQ(contact_message({"P3", d("2024-07-02"), "phone", "nfa_explained", {}}, nfa_14), "ok");
  EXPECT_EQ(contact_message({"P3", d("2024-07-02"), "phone", "right_to_review", {}}, nfa_14),
            "purpose: right_to_review needs a reviewable outcome, but crime C1 has outcome 14");
  const CrimeRecord nfa_16 = crime_with_outcome(16, "2024-06-30");
  EXPECT_EQ(contact_message({"P3", d("2024-06-30"), "phone", "right_to_review", {}}, nfa_16), "ok");
  EXPECT_EQ(contact_message({"P3", d("2024-06-29"), "phone", "nfa_explained", {}}, nfa_16),
            "contact_date: nfa_explained contact on 2024-06-29 is before the outcome on 2024-06-30");
}

// ---- bail extension ----

std::vector<BailPeriodRecord> initial_bail() {
  BailPeriodRecord first;
  first.bail_ref = "B1";
  first.arrest_ref = "A1";
  first.period_number = 1;
  first.start_date = d("2024-01-09");
  first.end_date = d("2024-04-09");
  first.authorised_by = "PS";
  first.authorised_date = d("2024-01-09");
  return {first};
}

std::string extension_message(BailExtensionRequest request, const std::vector<BailPeriodRecord>& periods,
                               const char* as_of = "2024-04-05") {
  return message_of(validate_bail_extension(request, periods, d(as_of), ranks()));
}

TEST(BailExtensionValidation, InspectorExtendsToSixMonthsBeforeExpiry) {
  const auto result = validate_bail_extension({"INSP", d("2024-04-05"), d("2024-07-09"), "", {}}, initial_bail(),
                                              d("2024-04-05"), ranks());
  ASSERT_TRUE(result.ok()) << result.error().message;
  EXPECT_EQ(*result, 2);
  EXPECT_EQ(extension_message({"CI", d("2024-04-09"), d("2024-07-01"), "", {}}, initial_bail(), "2024-04-09"), "ok");
}

TEST(BailExtensionValidation, RefusesTheWrongRank) {
  EXPECT_EQ(extension_message({"PS", d("2024-04-05"), d("2024-07-09"), "", {}}, initial_bail()),
            "authorised_by: extending bail to period 2 (6 months) needs an inspector or above; PS is not senior enough");
  auto extended = initial_bail();
  extended[0].end_reason = BailEndReason::Extended;
  extended[0].ended_date = d("2024-04-09");
  BailPeriodRecord second = extended[0];
  second.bail_ref = "B2";
  second.period_number = 2;
  second.start_date = d("2024-04-09");
  second.end_date = d("2024-07-09");
  second.authorised_by = "INSP";
  second.ended_date.reset();
  second.end_reason = BailEndReason::None;
  extended.push_back(second);
  EXPECT_EQ(extension_message({"CI", d("2024-07-01"), d("2024-10-09"), "", {}}, extended, "2024-07-01"),
            "authorised_by: extending bail to period 3 (9 months) needs a superintendent or above; CI is not senior "
            "enough");
  EXPECT_EQ(extension_message({"SUPT", d("2024-07-01"), d("2024-10-09"), "", {}}, extended, "2024-07-01"), "ok");
  EXPECT_EQ(extension_message({"SUPT", d("2024-07-01"), d("2024-10-10"), "", {}}, extended, "2024-07-01"),
            "end_date: 2024-10-10 is beyond the statutory limit for period 3 (2024-10-09, 9 months from the bail start "
            "on 2024-01-09)");
  EXPECT_EQ(extension_message({"XYZ", d("2024-07-01"), d("2024-10-09"), "", {}}, extended, "2024-07-01"),
            "authorised_by: 'XYZ' is not a bail authority");
}

TEST(BailExtensionValidation, MustBeMadeBeforeTheCurrentPeriodEnds) {
  EXPECT_EQ(extension_message({"INSP", d("2024-04-09"), d("2024-07-09"), "", {}}, initial_bail(), "2024-04-09"), "ok");
  EXPECT_EQ(extension_message({"INSP", d("2024-04-10"), d("2024-07-09"), "", {}}, initial_bail(), "2024-04-10"),
            "authorised_date: an extension must be made before the current period ends; period 1 ended on 2024-04-09 "
            "and bail has lapsed");
  EXPECT_EQ(extension_message({"INSP", d("2024-04-06"), d("2024-07-09"), "", {}}, initial_bail()),
            "authorised_date: 2024-04-06 is after today (2024-04-05)");
  EXPECT_EQ(extension_message({"INSP", d("2024-01-08"), d("2024-07-09"), "", {}}, initial_bail()),
            "authorised_date: 2024-01-08 is before the current period began (2024-01-09)");
  EXPECT_EQ(extension_message({"INSP", d("2024-04-05"), d("2024-04-09"), "", {}}, initial_bail()),
            "end_date: 2024-04-09 is not after the current expiry (2024-04-09)");
}

TEST(BailExtensionValidation, NothingToExtend) {
  EXPECT_EQ(extension_message({"INSP", d("2024-04-05"), d("2024-07-09"), "", {}}, {}),
            "arrest_ref: there is no pre-charge bail on record to extend");
  auto charged = initial_bail();
  charged[0].ended_date = d("2024-03-01");
  charged[0].end_reason = BailEndReason::Charged;
  EXPECT_EQ(extension_message({"INSP", d("2024-04-05"), d("2024-07-09"), "", {}}, charged),
            "arrest_ref: bail ended on 2024-03-01 and cannot be extended");
}

// ---- s63G ----

BiometricRecord biometric() {
  BiometricRecord record;
  record.biometric_ref = "G1";
  record.person_ref = "P1";
  record.arrest_ref = "A1";
  record.samples_taken_date = d("2024-01-08");
  record.dna_taken = true;
  record.previous_convictions = false;
  record.no_charge_date = d("2024-06-30");
  return record;
}

S63gEligibility eligible() {
  S63gEligibility result;
  result.eligible = true;
  result.application_deadline = d("2024-07-28");
  return result;
}

std::string s63g_message(S63gDecisionRequest request, const BiometricRecord& current = biometric(),
                         const S63gEligibility& eligibility = eligible()) {
  return message_of(validate_s63g_decision(request, current, eligibility, d("2024-08-20")));
}

TEST(S63gDecisionValidation, AcceptsApplicationsAndDecisions) {
  EXPECT_EQ(s63g_message({"victim_associated", d("2024-07-10"), "pending", {}}), "ok");
  EXPECT_EQ(s63g_message({"prevent_detect", d("2024-07-10"), "granted", d("2024-08-15")}), "ok");
  EXPECT_EQ(s63g_message({"", {}, "not_applied", d("2024-07-01")}), "ok");
  BiometricRecord pending = biometric();
  pending.decision = S63gDecision::Pending;
  pending.application_date = d("2024-07-10");
  EXPECT_EQ(s63g_message({"victim_associated", d("2024-07-10"), "refused", d("2024-08-15")}, pending), "ok");
}

TEST(S63gDecisionValidation, RefusesEachBrokenRule) {
  EXPECT_EQ(s63g_message({"victim_associated", d("2024-07-10"), "maybe", {}}),
            "decision: 'maybe' is not a s63G decision (expected one of pending, granted, refused, not_applied)");
  BiometricRecord granted = biometric();
  granted.decision = S63gDecision::Granted;
  EXPECT_EQ(s63g_message({"victim_associated", d("2024-07-10"), "refused", d("2024-08-01")}, granted),
            "decision: biometric record G1 already has a final decision (granted)");
  EXPECT_EQ(s63g_message({"", d("2024-07-10"), "not_applied", {}}),
            "application_date: must be blank when the decision is not_applied");
  S63gEligibility convicted;
  convicted.not_eligible_because = "has previous convictions (retention does not need s63G consent)";
  EXPECT_EQ(s63g_message({"victim_associated", d("2024-07-10"), "pending", {}}, biometric(), convicted),
            "application_date: the person is not eligible for a s63G application: has previous convictions "
            "(retention does not need s63G consent)");
  EXPECT_EQ(s63g_message({"victim_old", d("2024-07-10"), "pending", {}}),
            "ground: 'victim_old' is not a s63G ground (expected one of victim_under_18, victim_vulnerable, "
            "victim_associated, prevent_detect)");
  EXPECT_EQ(s63g_message({"victim_associated", {}, "pending", {}}), "application_date: is required for an application");
  EXPECT_EQ(s63g_message({"victim_associated", d("2024-06-29"), "pending", {}}),
            "application_date: 2024-06-29 is before the decision not to charge (2024-06-30)");
  EXPECT_EQ(s63g_message({"victim_associated", d("2024-08-21"), "pending", {}}),
            "application_date: 2024-08-21 is after today (2024-08-20)");
  EXPECT_EQ(s63g_message({"victim_associated", d("2024-07-10"), "pending", d("2024-08-01")}),
            "decision_date: must be blank while the decision is pending");
  EXPECT_EQ(s63g_message({"victim_associated", d("2024-07-10"), "granted", {}}),
            "decision_date: is required when the decision is granted or refused");
  EXPECT_EQ(s63g_message({"victim_associated", d("2024-07-10"), "granted", d("2024-07-09")}),
            "decision_date: 2024-07-09 is before the application (2024-07-10)");
}

}  // namespace
}  // namespace rasso

#include "worklists/recording_validation.h"

#include <algorithm>
#include <array>
#include <string_view>

#include "core/code_table.h"
#include "core/victim_contact_deadline.h"
#include "worklists/bail_state.h"

namespace rasso {
namespace {

constexpr std::array<std::string_view, 5> kBreachResponses = {"arrest", "charge", "warning", "court", "none"};
constexpr std::array<std::string_view, 6> kContactMethods = {"phone", "in_person", "video", "email", "letter", "text"};

Error invalid(std::string_view field, const std::string& rule) {
  return Error{"invalid_input", std::string(field) + ": " + rule};
}

template <std::size_t N>
bool is_one_of(std::string_view code, const std::array<std::string_view, N>& codes) {
  return std::find(codes.begin(), codes.end(), ascii_lower(code)) != codes.end();
}

template <std::size_t N>
std::string listed(const std::array<std::string_view, N>& codes) {
  std::string text;
  for (std::string_view code : codes) text += (text.empty() ? "" : ", ") + std::string(code);
  return text;
}

std::optional<Error> check_not_future(std::string_view field, CivilDate date, CivilDate as_of) {
  if (date > as_of) return invalid(field, date.to_iso() + " is after today (" + as_of.to_iso() + ")");
  return std::nullopt;
}

}  // namespace

Status validate_breach_response(const BreachResponseRequest& request, const BreachRecord& breach, CivilDate as_of) {
  if (!is_one_of(request.response, kBreachResponses)) {
    return invalid("response", "'" + request.response + "' is not a breach response (expected one of " +
                                   listed(kBreachResponses) + ")");
  }
  if (!breach.response.empty()) {
    return invalid("response", "breach " + breach.breach_ref + " already has a response recorded (" + breach.response +
                                   (breach.response_date ? " on " + breach.response_date->to_iso() : "") + ")");
  }
  if (request.response_date < breach.reported_date) {
    return invalid("response_date", request.response_date.to_iso() + " is before the breach was reported (" +
                                        breach.reported_date.to_iso() + ")");
  }
  if (auto error = check_not_future("response_date", request.response_date, as_of)) return *error;
  return ok_status();
}

Status validate_victim_contact(const VictimContactRequest& request, const CrimeRecord& crime,
                               std::span<const InvolvementRecord> crime_involvements, CivilDate as_of,
                               const SafeguardingConfig& config) {
  const bool is_victim = std::any_of(crime_involvements.begin(), crime_involvements.end(), [&](const InvolvementRecord& i) {
    return i.role == InvolvementRole::Victim && i.person_ref == request.person_ref;
  });
  if (!is_victim) {
    return invalid("person_ref", "'" + request.person_ref + "' is not recorded as a victim of crime " + crime.crime_ref);
  }
  if (!is_one_of(request.method, kContactMethods)) {
    return invalid("method", "'" + request.method + "' is not a contact method (expected one of " +
                                 listed(kContactMethods) + ")");
  }
  const ContactPurpose purpose = parse_contact_purpose(request.purpose);
  if (purpose == ContactPurpose::Other) {
    return invalid("purpose", "'" + request.purpose +
                                  "' is not a contact purpose (expected one of initial, update, decision, "
                                  "nfa_explained, right_to_review, isva_referral, withdrawal)");
  }
  if (request.contact_date < crime.reported_date) {
    return invalid("contact_date", request.contact_date.to_iso() + " is before the crime was reported (" +
                                       crime.reported_date.to_iso() + ")");
  }
  if (auto error = check_not_future("contact_date", request.contact_date, as_of)) return *error;
  if (request.agreed_frequency_days && (*request.agreed_frequency_days < 1 || *request.agreed_frequency_days > 365)) {
    return invalid("agreed_frequency_days",
                   std::to_string(*request.agreed_frequency_days) + " is not between 1 and 365 days");
  }
  if (purpose == ContactPurpose::NfaExplained || purpose == ContactPurpose::RightToReview) {
    const bool nfa = purpose == ContactPurpose::NfaExplained;
    const bool fits = nfa ? is_nfa_outcome(crime.outcome_code, config) : is_reviewable_outcome(crime.outcome_code, config);
    const std::string purpose_code(contact_purpose_code(purpose));
    if (!fits) {
      return invalid("purpose", purpose_code + " needs " + (nfa ? "a no-further-action" : "a reviewable") +
                                    " outcome, but crime " + crime.crime_ref + " has outcome " +
                                    std::to_string(crime.outcome_code));
    }
    if (crime.outcome_date && request.contact_date < *crime.outcome_date) {
      return invalid("contact_date", purpose_code + " contact on " + request.contact_date.to_iso() +
                                         " is before the outcome on " + crime.outcome_date->to_iso());
    }
  }
  return ok_status();
}

Result<int> validate_bail_extension(const BailExtensionRequest& request, std::span<const BailPeriodRecord> periods,
                                    CivilDate as_of, const BailAuthorityRanks& ranks) {
  const BailState state = bail_state_on(periods, as_of);
  if (!state.current) return invalid("arrest_ref", "there is no pre-charge bail on record to extend");
  const BailPeriodRecord& current = *state.current;
  if (state.ended) {
    return invalid("arrest_ref", "bail ended" + (current.ended_date ? " on " + current.ended_date->to_iso() : "") +
                                     " and cannot be extended");
  }
  if (auto error = check_not_future("authorised_date", request.authorised_date, as_of)) return *error;
  if (request.authorised_date < current.start_date) {
    return invalid("authorised_date", request.authorised_date.to_iso() + " is before the current period began (" +
                                          current.start_date.to_iso() + ")");
  }
  const CivilDate expiry = bail_period_expiry(state.terms());
  if (request.authorised_date > expiry) {
    return invalid("authorised_date", "an extension must be made before the current period ends; period " +
                                          std::to_string(current.period_number) + " ended on " + expiry.to_iso() +
                                          " and bail has lapsed");
  }
  const int next = current.period_number + 1;
  if (!ranks.seniority(request.authorised_by)) {
    return invalid("authorised_by", "'" + request.authorised_by + "' is not a bail authority");
  }
  if (!ranks.at_least(request.authorised_by, required_bail_authority(next))) {
    const auto months = statutory_bail_limit_months(next);
    return invalid("authorised_by", "extending bail to period " + std::to_string(next) +
                                        (months ? " (" + std::to_string(*months) + " months)" : std::string()) +
                                        " needs " + std::string(required_bail_authority_in_words(next)) + "; " +
                                        request.authorised_by + " is not senior enough");
  }
  if (request.end_date <= expiry) {
    return invalid("end_date", request.end_date.to_iso() + " is not after the current expiry (" + expiry.to_iso() + ")");
  }
  if (state.bail_start) {
    const auto limit = statutory_bail_limit(*state.bail_start, next);
    if (limit && request.end_date > *limit) {
      return invalid("end_date", request.end_date.to_iso() + " is beyond the statutory limit for period " +
                                     std::to_string(next) + " (" + limit->to_iso() + ", " +
                                     std::to_string(*statutory_bail_limit_months(next)) + " months from the bail start on " +
                                     state.bail_start->to_iso() + ")");
    }
  }
  return next;
}

Status validate_s63g_decision(const S63gDecisionRequest& request, const BiometricRecord& biometric,
                              const S63gEligibility& eligibility, CivilDate as_of) {
  const S63gDecision decision = parse_s63g_decision(request.decision);
  if (decision == S63gDecision::None || decision == S63gDecision::Other) {
    return invalid("decision", "'" + request.decision +
                                   "' is not a s63G decision (expected one of pending, granted, refused, not_applied)");
  }
  if (biometric.decision != S63gDecision::None && biometric.decision != S63gDecision::Pending) {
    return invalid("decision", "biometric record " + biometric.biometric_ref + " already has a final decision (" +
                                   std::string(s63g_decision_code(biometric.decision)) + ")");
  }
  if (decision == S63gDecision::NotApplied) {
    if (request.application_date) return invalid("application_date", "must be blank when the decision is not_applied");
    if (request.decision_date) {
      if (auto error = check_not_future("decision_date", *request.decision_date, as_of)) return *error;
    }
    return ok_status();
  }
  if (!eligibility.eligible) {
    return invalid("application_date", "the person is not eligible for a s63G application: " +
                                           eligibility.not_eligible_because);
  }
  if (!parse_s63g_ground(request.ground)) {
    return invalid("ground", "'" + request.ground +
                                 "' is not a s63G ground (expected one of victim_under_18, victim_vulnerable, "
                                 "victim_associated, prevent_detect)");
  }
  if (!request.application_date) return invalid("application_date", "is required for an application");
  if (biometric.no_charge_date && *request.application_date < *biometric.no_charge_date) {
    return invalid("application_date", request.application_date->to_iso() +
                                           " is before the decision not to charge (" +
                                           biometric.no_charge_date->to_iso() + ")");
  }
  if (auto error = check_not_future("application_date", *request.application_date, as_of)) return *error;
  if (decision == S63gDecision::Pending) {
    if (request.decision_date) return invalid("decision_date", "must be blank while the decision is pending");
    return ok_status();
  }
  if (!request.decision_date) return invalid("decision_date", "is required when the decision is granted or refused");
  if (*request.decision_date < *request.application_date) {
    return invalid("decision_date", request.decision_date->to_iso() + " is before the application (" +
                                        request.application_date->to_iso() + ")");
  }
  if (auto error = check_not_future("decision_date", *request.decision_date, as_of)) return *error;
  return ok_status();
}

}  // namespace rasso

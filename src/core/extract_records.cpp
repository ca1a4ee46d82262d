#include "core/extract_records.h"

#include <utility>

#include "core/code_table.h"

namespace rasso {
namespace {

template <typename Enum, std::size_t N>
Enum parse_code(std::string_view code, const std::pair<std::string_view, Enum> (&table)[N], Enum unknown) {
  const std::string lower = ascii_lower(code);
  for (const auto& [known, value] : table) {
    if (known == lower) return value;
  }
  return unknown;
}

template <typename Enum, std::size_t N>
std::string_view code_of(Enum value, const std::pair<std::string_view, Enum> (&table)[N]) {
  for (const auto& [code, known] : table) {
    if (known == value) return code;
  }
  return {};
}

constexpr std::pair<std::string_view, InvolvementRole> kRoles[] = {
    {"victim", InvolvementRole::Victim}, {"suspect", InvolvementRole::Suspect}, {"witness", InvolvementRole::Witness}};

constexpr std::pair<std::string_view, ArrestDisposal> kDisposals[] = {
    {"pre_charge_bail", ArrestDisposal::PreChargeBail},
    {"released_under_investigation", ArrestDisposal::ReleasedUnderInvestigation},
    {"charged", ArrestDisposal::Charged},
    {"no_further_action", ArrestDisposal::NoFurtherAction},
    {"cautioned", ArrestDisposal::Cautioned}};

constexpr std::pair<std::string_view, BailEndReason> kEndReasons[] = {
    {"", BailEndReason::None},
    {"extended", BailEndReason::Extended},
    {"charged", BailEndReason::Charged},
    {"no_further_action", BailEndReason::NoFurtherAction},
    {"released_under_investigation", BailEndReason::ReleasedUnderInvestigation},
    {"lapsed", BailEndReason::Lapsed}};

constexpr std::pair<std::string_view, BreachOf> kBreachOf[] = {{"bail", BreachOf::Bail}, {"order", BreachOf::Order}};

constexpr std::pair<std::string_view, ContactPurpose> kPurposes[] = {
    {"initial", ContactPurpose::Initial},
    {"update", ContactPurpose::Update},
    {"decision", ContactPurpose::Decision},
    {"nfa_explained", ContactPurpose::NfaExplained},
    {"right_to_review", ContactPurpose::RightToReview},
    {"isva_referral", ContactPurpose::IsvaReferral},
    {"withdrawal", ContactPurpose::Withdrawal}};

constexpr std::pair<std::string_view, S63gDecision> kDecisions[] = {{"", S63gDecision::None},
                                                                    {"pending", S63gDecision::Pending},
                                                                    {"granted", S63gDecision::Granted},
                                                                    {"refused", S63gDecision::Refused},
                                                                    {"not_applied", S63gDecision::NotApplied}};

}  // namespace

InvolvementRole parse_involvement_role(std::string_view code) { return parse_code(code, kRoles, InvolvementRole::Other); }
ArrestDisposal parse_arrest_disposal(std::string_view code) { return parse_code(code, kDisposals, ArrestDisposal::Other); }
BailEndReason parse_bail_end_reason(std::string_view code) { return parse_code(code, kEndReasons, BailEndReason::Other); }
BreachOf parse_breach_of(std::string_view code) { return parse_code(code, kBreachOf, BreachOf::Other); }
ContactPurpose parse_contact_purpose(std::string_view code) { return parse_code(code, kPurposes, ContactPurpose::Other); }
S63gDecision parse_s63g_decision(std::string_view code) { return parse_code(code, kDecisions, S63gDecision::Other); }

std::string_view contact_purpose_code(ContactPurpose purpose) { return code_of(purpose, kPurposes); }
std::string_view s63g_decision_code(S63gDecision decision) { return code_of(decision, kDecisions); }

}  // namespace rasso

#include "core/row_rules.h"

#include <string_view>

namespace rasso {
namespace {

// Reads one row's fields by name and collects violations.
class RowView {
 public:
  RowView(const EntitySpec& spec, std::span<const std::string> values) : spec_(spec), values_(values) {}

  const std::string& get(std::string_view field) const {
    static const std::string kEmpty;
    const auto index = spec_.index_of(field);
    return index ? values_[*index] : kEmpty;
  }
  bool has(std::string_view field) const { return !get(field).empty(); }

  // ISO dates compare correctly as strings; absent dates never violate an ordering rule.
  void require_not_before(std::string_view later, std::string_view earlier) {
    if (has(later) && has(earlier) && get(later) < get(earlier)) {
      fail(later, std::string(later) + " must not be before " + std::string(earlier) + " (" + get(earlier) + ")");
    }
  }
  void require_after(std::string_view later, std::string_view earlier) {
    if (has(later) && has(earlier) && get(later) <= get(earlier)) {
      fail(later, std::string(later) + " must be after " + std::string(earlier) + " (" + get(earlier) + ")");
    }
  }
  void require_with(std::string_view field, std::string_view needed, std::string_view why) {
    if (has(field) && !has(needed)) fail(needed, std::string(needed) + " is required " + std::string(why));
  }
  void fail(std::string_view field, std::string rule) {
    violations_.push_back({std::string(field), get(field), std::move(rule)});
  }
  std::vector<RowRuleViolation> take() { return std::move(violations_); }

 private:
  const EntitySpec& spec_;
  std::span<const std::string> values_;
  std::vector<RowRuleViolation> violations_;
};

void check_crime(RowView& row) {
  row.require_not_before("reported_date", "committed_date");
  row.require_not_before("recorded_date", "reported_date");
  row.require_not_before("outcome_date", "reported_date");
  if (row.get("outcome_code") == "0") {
    if (row.has("outcome_date")) row.fail("outcome_date", "outcome_date must be blank while outcome_code is 0 (not yet assigned)");
  } else if (!row.has("outcome_date")) {
    row.fail("outcome_date", "outcome_date is required when an outcome code other than 0 is assigned");
  }
}

void check_person(RowView& row) {
  if (!row.has("forename") && !row.has("surname") && !row.has("pnc_id") && !row.has("cro_number")) {
    row.fail("surname", "a person record needs at least one of forename, surname, pnc_id or cro_number");
  }
}

void check_involvement(RowView& row) {
  if (row.get("role") != "suspect") {
    if (row.has("suspect_status")) row.fail("suspect_status", "suspect_status is only for role 'suspect'");
    if (row.has("relationship_to_victim")) {
      row.fail("relationship_to_victim", "relationship_to_victim is only for role 'suspect'");
    }
  }
}

void check_order(RowView& row) {
  if (row.get("status") == "made" && !row.has("start_date")) {
    row.fail("start_date", "start_date is required once an order is made");
  }
  row.require_not_before("end_date", "start_date");
  row.require_not_before("start_date", "applied_date");
  if (row.get("until_further_order") == "1" && row.has("end_date")) {
    row.fail("end_date", "end_date must be blank when until_further_order is Y");
  }
}

void check_breach(RowView& row) {
  const std::string& of = row.get("breach_of");
  if (of == "bail") {
    if (!row.has("bail_ref")) row.fail("bail_ref", "bail_ref is required when breach_of is 'bail'");
    if (row.has("order_ref")) row.fail("order_ref", "order_ref must be blank when breach_of is 'bail'");
  } else if (of == "order") {
    if (!row.has("order_ref")) row.fail("order_ref", "order_ref is required when breach_of is 'order'");
    if (row.has("bail_ref")) row.fail("bail_ref", "bail_ref must be blank when breach_of is 'order'");
  }
  row.require_not_before("reported_date", "occurred_date");
  row.require_with("response", "response_date", "when a response is recorded");
  row.require_with("response_date", "response", "when a response_date is given");
  row.require_not_before("response_date", "reported_date");
}

void check_biometric(RowView& row) {
  if (row.get("dna_taken") != "1" && row.get("fingerprints_taken") != "1") {
    row.fail("dna_taken", "a biometric record needs dna_taken or fingerprints_taken to be Y");
  }
  row.require_not_before("no_charge_date", "samples_taken_date");
  const std::string& decision = row.get("decision");
  if (!decision.empty() && decision != "not_applied" && !row.has("application_date")) {
    row.fail("application_date", "application_date is required when the Commissioner's decision is recorded");
  }
  row.require_with("decision_date", "decision", "when a decision_date is given");
  row.require_not_before("decision_date", "application_date");
}

}  // namespace

std::vector<RowRuleViolation> check_row_rules(const EntitySpec& spec, std::span<const std::string> values) {
  RowView row(spec, values);
  switch (spec.entity) {
    case Entity::Officers: row.require_not_before("leave_date", "start_date"); break;
    case Entity::Crimes: check_crime(row); break;
    case Entity::Persons: check_person(row); break;
    case Entity::Involvements: check_involvement(row); break;
    case Entity::Arrests: row.require_not_before("disposal_date", "arrest_date"); break;
    case Entity::Bail:
      row.require_after("end_date", "start_date");
      row.require_not_before("ended_date", "start_date");
      break;
    case Entity::Orders: check_order(row); break;
    case Entity::Breaches: check_breach(row); break;
    case Entity::Biometrics: check_biometric(row); break;
    case Entity::Training: row.require_after("expiry_date", "completed_date"); break;
    case Entity::Units:
    case Entity::VictimContacts: break;
  }
  return row.take();
}

}  // namespace rasso

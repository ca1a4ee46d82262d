#include "core/victim_contact_deadline.h"

#include <algorithm>

#include "core/working_days.h"

namespace rasso {

bool has_enhanced_rights(bool under_18, bool disabled, const SafeguardingConfig& config) {
  return config.all_victims_enhanced || under_18 || disabled;
}

CivilDate key_decision_update_due(CivilDate decided, bool enhanced, const BankHolidayCalendar& calendar,
                                  const SafeguardingConfig& config) {
  const int working_days = enhanced ? config.enhanced_update_working_days : config.standard_update_working_days;
  return add_working_days(decided, working_days, calendar);
}

CivilDate next_agreed_update_due(CivilDate last_contact, int frequency_days, const BankHolidayCalendar& calendar) {
  return working_day_on_or_after(last_contact.plus_days(frequency_days), calendar);
}

CivilDate isva_referral_due(CivilDate reported, const BankHolidayCalendar& calendar, const SafeguardingConfig& config) {
  return add_working_days(reported, config.isva_offer_working_days, calendar);
}

CivilDate right_to_review_window_closes(CivilDate told, const SafeguardingConfig& config) {
  return told.plus_months(config.right_to_review_months);
}

bool is_right_to_review_window_open(CivilDate told, CivilDate as_of, const SafeguardingConfig& config) {
  return as_of >= told && as_of <= right_to_review_window_closes(told, config);
}

bool is_nfa_outcome(int outcome_code, const SafeguardingConfig& config) {
  return std::find(config.nfa_outcome_codes.begin(), config.nfa_outcome_codes.end(), outcome_code) !=
         config.nfa_outcome_codes.end();
}

bool is_reviewable_outcome(int outcome_code, const SafeguardingConfig& config) {
  return std::find(config.reviewable_outcome_codes.begin(), config.reviewable_outcome_codes.end(), outcome_code) !=
         config.reviewable_outcome_codes.end();
}

}  // namespace rasso

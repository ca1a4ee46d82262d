#pragma once
// Victim contact deadlines under the Victims' Code 2021 (DOMAIN.md §7): updates on key decisions
// (arrest, bail or RUI, change of bail conditions, charge, no further action) within 1 working day
// for victims with enhanced rights or 5 otherwise; regular updates at the frequency agreed with the
// victim; an ISVA referral offered soon after the report; a no-further-action decision explained;
// and the right to review a police NFA decision within 3 months of being told. Every figure comes
// from SafeguardingConfig.

#include "core/bank_holiday_calendar.h"
#include "core/civil_date.h"
#include "core/safeguarding_config.h"

namespace rasso {

/// True when the victim has enhanced rights: every victim when config.all_victims_enhanced
/// (the default, as victims of sexual offences are entitled to them), otherwise a victim under 18
/// or recorded as disabled.
bool has_enhanced_rights(bool under_18, bool disabled, const SafeguardingConfig& config);

/// The day by which a victim must be told of a key decision made on `decided`: 1 working day
/// (enhanced rights) or 5 working days later. A decision made on a weekend or bank holiday counts
/// from the next working day (a Saturday decision is due on the Monday for enhanced victims).
CivilDate key_decision_update_due(CivilDate decided, bool enhanced, const BankHolidayCalendar& calendar,
                                  const SafeguardingConfig& config);

/// The day the next regular update is due: `frequency_days` after the last contact, moved to the
/// next working day when that falls on a weekend or bank holiday. A contact made on a non-working
/// day counts from the day it was made.
CivilDate next_agreed_update_due(CivilDate last_contact, int frequency_days, const BankHolidayCalendar& calendar);

/// The day by which an ISVA referral must have been offered for a crime reported on `reported`
/// (config.isva_offer_working_days working days, default 2).
CivilDate isva_referral_due(CivilDate reported, const BankHolidayCalendar& calendar, const SafeguardingConfig& config);

/// The last day a victim told of an NFA decision on `told` may ask for it to be reviewed
/// (config.right_to_review_months after, default 3).
CivilDate right_to_review_window_closes(CivilDate told, const SafeguardingConfig& config);

/// True when a victim told on `told` may still ask for a review on `as_of`.
bool is_right_to_review_window_open(CivilDate told, CivilDate as_of, const SafeguardingConfig& config);

/// True when `outcome_code` is a decision to take no further action (config.nfa_outcome_codes).
bool is_nfa_outcome(int outcome_code, const SafeguardingConfig& config);

/// True when the victim may ask for `outcome_code` to be reviewed (config.reviewable_outcome_codes).
bool is_reviewable_outcome(int outcome_code, const SafeguardingConfig& config);

}  // namespace rasso

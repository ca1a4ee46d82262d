#pragma once
// SafeguardingConfig: every figure of the safeguarding rules that DOMAIN.md marks as a default,
// or that a force may set differently, with the value the product ships. Statutory figures that
// do not vary between forces (the PACE bail ladder) are constants in their rule's header.
// Plain data: copy it, change a field, pass it to the rules and worklist engines.

#include <string>
#include <vector>

namespace rasso {

struct SafeguardingConfig {
  // ---- Pre-charge bail and RUI (DOMAIN.md §4) ----
  /// Bail expiring within this many days with no extension or decision is listed. Default 14.
  int bail_expiry_warning_days = 14;
  /// A release under investigation open longer than this many months is listed. Default 6.
  int rui_threshold_months = 6;

  // ---- Protection orders and breaches (DOMAIN.md §5) ----
  /// An order in force that ends within this many days is listed. Default 30.
  int order_expiry_warning_days = 30;
  /// A breach with no recorded response this many calendar days after its report is overdue.
  /// Default 2.
  int breach_response_days = 2;
  /// A person with at least this many breaches in the look-back window is a repeat breacher.
  /// Product default 2 (DOMAIN.md names the measure but no figure).
  int repeat_breach_threshold = 2;
  /// Look-back window for repeat breaches, in months before the as-of date; 0 = all time.
  /// Product default 12 (not in DOMAIN.md).
  int repeat_breach_lookback_months = 12;

  // ---- Victim contact (Victims' Code 2021; DOMAIN.md §7) ----
  /// Victims of sexual offences are entitled to enhanced rights; default all RASSO victims. When
  /// false, only victims under 18 or recorded as disabled are treated as enhanced.
  bool all_victims_enhanced = true;
  /// Working days to tell an enhanced-rights victim of a key decision (Victims' Code: 1).
  int enhanced_update_working_days = 1;
  /// Working days to tell any other victim of a key decision (Victims' Code: 5).
  int standard_update_working_days = 5;
  /// Contact frequency used when none has been agreed and recorded. Default 28 days.
  int default_contact_frequency_days = 28;
  /// A regular update due within this many days is listed before it is overdue. Product default 7
  /// (not in DOMAIN.md); 0 lists only updates due today or overdue.
  int update_lookahead_days = 7;
  /// An ISVA referral is offered within this many working days of the report. Default 2.
  int isva_offer_working_days = 2;
  /// A victim may ask for a review of a police NFA decision within this many months of being
  /// told (Victims' Right to Review scheme: 3).
  int right_to_review_months = 3;
  /// Outcome codes that are a decision to take no further action, which the victim must have
  /// explained (Home Office outcomes 9, 10, 14, 15, 16, 18, 21).
  std::vector<int> nfa_outcome_codes = {9, 10, 14, 15, 16, 18, 21};
  /// NFA outcomes with a named suspect dealt with by police, which the victim may ask to have
  /// reviewed (15, 16, 21).
  std::vector<int> reviewable_outcome_codes = {15, 16, 21};

  // ---- Biometric retention, PACE s63G (DOMAIN.md §6) ----
  /// Days from the no-charge decision by which a s63G application should be made. Default 28
  /// (the real deadline is not public).
  int s63g_application_deadline_days = 28;
  /// Offence codes that are qualifying offences; empty = every offence code (all RASSO offences
  /// qualify under PACE s65A). Default empty.
  std::vector<std::string> s63g_qualifying_offences;
  /// Suspect-to-victim relationships that count as "associated with" the person. Default
  /// partner, ex_partner, family.
  std::vector<std::string> associated_relationships = {"partner", "ex_partner", "family"};
  /// Retention with the Commissioner's consent runs this many months from the samples being taken
  /// (PACE s63G: 3 years).
  int s63g_retention_months = 36;
  /// An extension may be sought in the last this-many months of the retention period (3).
  int s63g_extension_window_months = 3;
};

}  // namespace rasso

#pragma once
// Pre-charge bail periods under PACE ss47ZA-47ZM as amended from 28 October 2022 (DOMAIN.md §4):
// an initial 3 months from the bail start date authorised by the custody officer; extension to
// 6 months by an inspector or above; to 9 months by a superintendent or above; beyond that only
// by a magistrates' court (first to 12 months, then as the court sets). Each extension must be
// made before the current period ends.
//
// Months are counted with CivilDate::plus_months (31 January + 1 month = 28/29 February), the
// project's convention for statutory periods; a period expires at the end of its expiry day.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/civil_date.h"
#include "core/code_table.h"
#include "core/result.h"

namespace rasso {

/// How senior each bail authority is (data/reference/codes/bail_authority.csv, column
/// `seniority`): an authority may do anything a less senior one may. Immutable once built; safe to
/// share between threads.
class BailAuthorityRanks {
 public:
  BailAuthorityRanks() = default;
  /// From (code, seniority) pairs; codes compare ignoring ASCII case.
  explicit BailAuthorityRanks(std::vector<std::pair<std::string, int>> seniority_by_code);

  /// From the bail_authority code table. Error "invalid_input" when a row's seniority is not a
  /// whole number, or an authority the law names (PS, INSP, SUPT, COURT) is missing.
  static Result<BailAuthorityRanks> from_code_table(const CodeTable& bail_authority);

  /// The seniority of `code`, or nullopt for an unknown code.
  std::optional<int> seniority(std::string_view code) const;

  /// True when `code` is at least as senior as `required`; false when either is unknown.
  bool at_least(std::string_view code, std::string_view required) const;

 private:
  std::vector<std::pair<std::string, int>> seniority_by_code_;  // upper-cased codes
};

/// The least senior authority PACE allows to authorise bail period `period_number` (1 = the
/// initial period): "PS" (custody officer), "INSP" (to 6 months), "SUPT" (to 9 months), then
/// "COURT" for every later period.
std::string_view required_bail_authority(int period_number);

/// The same requirement in words for messages, e.g. "an inspector or above".
std::string_view required_bail_authority_in_words(int period_number);

/// Months from the bail start date to which period `period_number` may run: 3, 6, 9 and 12 (the
/// first court extension); nullopt for later court extensions, whose end the court sets.
std::optional<int> statutory_bail_limit_months(int period_number);

/// The last day period `period_number` may run to: the bail start date plus the statutory months;
/// nullopt where the court sets the end.
std::optional<CivilDate> statutory_bail_limit(CivilDate bail_start, int period_number);

/// One bail period as recorded.
struct BailPeriodTerms {
  int period_number = 1;
  std::optional<CivilDate> bail_start;               // first day of the initial period, if on record
  CivilDate recorded_end = CivilDate::from_days(0);  // the period's recorded end date
  std::string_view authorised_by;                    // bail_authority code
};

/// The day the period expires: the earlier of its recorded end and its statutory limit. Bail never
/// runs past what the law allows, and a force that recorded an earlier end is held to it. With no
/// bail start on record the recorded end stands.
CivilDate bail_period_expiry(const BailPeriodTerms& terms);

struct BailPeriodStatus {
  CivilDate expiry = CivilDate::from_days(0);
  int32_t days_left = 0;       // as-of date to expiry: 0 on the expiry day, negative once past
  bool lapsed = false;         // the as-of date is after the expiry (for bail still running)
  bool expiring_soon = false;  // 0 <= days_left <= the warning days
  bool authorised_below_required_rank = false;  // also true for an unknown authority code
};

/// The state of a bail period on `as_of`, with `expiry_warning_days` ahead counted as expiring
/// soon (SafeguardingConfig::bail_expiry_warning_days).
BailPeriodStatus assess_bail_period(const BailPeriodTerms& terms, CivilDate as_of, const BailAuthorityRanks& ranks,
                                    int expiry_warning_days);

/// True when bail conditions were set without the victim's views recorded as sought ("not sought"
/// and "not recorded" both count: DOMAIN.md §4 asks for views to be sought where practicable).
bool conditions_without_victim_views(bool has_conditions, std::optional<bool> victim_views_sought);

}  // namespace rasso

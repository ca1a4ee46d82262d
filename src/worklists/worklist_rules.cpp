#include "worklists/worklist_rules.h"

namespace rasso {

Result<WorklistRules> make_worklist_rules(const CodeTables& codes, std::span<const CivilDate> bank_holidays,
                                          SafeguardingConfig config) {
  const CodeTable* authorities = codes.table("bail_authority");
  if (authorities == nullptr) return Error{"invalid_input", "the bail_authority code table is not loaded"};
  auto ranks = BailAuthorityRanks::from_code_table(*authorities);
  if (!ranks) return ranks.error();
  WorklistRules rules;
  rules.config = std::move(config);
  rules.bank_holidays = BankHolidayCalendar(bank_holidays);
  rules.bail_authorities = std::move(ranks).value();
  return rules;
}

}  // namespace rasso

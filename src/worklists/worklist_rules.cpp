#include "worklists/worklist_rules.h"

namespace rasso {

Result<WorklistRules> make_worklist_rules(const CodeTables& codes, std::span<const CivilDate> bank_holidays,
                                          SafeguardingConfig config) {
  const CodeTable* authorities = codes.table("bail_authority");
  if (authorities == nullptr) return Error{"invalid_input", "the bail_authority code table is not loaded"};
  auto ranks = BailAuthorityRanks::from_code_table(*authorities);
  if (!ranks) return ranks.error();
  return WorklistRules{std::move(config), BankHolidayCalendar(bank_holidays), std::move(ranks).value()};
}

}  // namespace rasso

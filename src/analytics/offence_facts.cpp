#include "analytics/offence_facts.h"

namespace rasso {

std::map<std::string, OffenceInfo, std::less<>> offence_facts(const CodeTables& codes) {
  std::map<std::string, OffenceInfo, std::less<>> facts;
  const CodeTable* offences = codes.table("offence");
  if (offences == nullptr) return facts;
  for (const CodeEntry& entry : offences->entries()) {
    const std::string weight(entry.attribute("harm_weight_days"));
    facts[entry.code] = OffenceInfo{entry.label, std::string(entry.attribute("group")),
                                    entry.attribute("child_offence") == "Y", weight.empty() ? 0.0 : std::stod(weight)};
  }
  return facts;
}

}  // namespace rasso

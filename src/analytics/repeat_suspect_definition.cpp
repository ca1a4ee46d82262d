#include "analytics/repeat_suspect_definition.h"

namespace rasso {

std::string RepeatSuspectDefinition::describe() const {
  std::string text = "A resolved person named as suspect in " + std::to_string(min_crimes) +
                     " or more separate RASSO crimes (any outcome)";
  if (look_back_months) text += " reported in the " + std::to_string(*look_back_months) + " months before the as-of date";
  if (!offence_groups.empty()) {
    text += ", counting only offence groups ";
    for (std::size_t i = 0; i < offence_groups.size(); ++i) text += (i ? ", " : "") + offence_groups[i];
  }
  if (distinct_victims_required) text += ", against " + std::to_string(min_crimes) + " or more distinct victims";
  if (across_forces_only) text += ", in two or more forces";
  return text + ".";
}

}  // namespace rasso

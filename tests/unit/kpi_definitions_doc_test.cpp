// docs/kpi-definitions.md defines every measure the engine computes.

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "analytics/kpi_measure.h"

namespace rasso {
namespace {

TEST(KpiDefinitionsDocTest, EveryMeasureIdIsDocumented) {
  std::ifstream in(std::string(RASSO_SOURCE_DIR) + "/docs/kpi-definitions.md");
  ASSERT_TRUE(in) << "docs/kpi-definitions.md is missing";
  std::stringstream text;
  text << in.rdbuf();
  const std::string doc = text.str();
  for (const KpiMeasureSpec& spec : kpi_measures()) {
    const bool outcome_in_range = spec.key.rfind("outcome_", 0) == 0 && spec.key != "outcome_14_rate" &&
                                  spec.key != "outcome_15_rate" && spec.key != "outcome_18_rate";
    if (outcome_in_range) continue;  // documented as the range outcome_2_rate ... outcome_22_rate
    EXPECT_NE(doc.find("`" + std::string(spec.key) + "`"), std::string::npos) << spec.key;
  }
  EXPECT_NE(doc.find("`outcome_2_rate` … `outcome_15_rate`"), std::string::npos);
  EXPECT_NE(doc.find("`outcome_17_rate` … `outcome_22_rate`"), std::string::npos);
}

}  // namespace
}  // namespace rasso

// Public labelled data sets through the real path a force would use: written as an extract by
// `rasso labelled-set`, imported by `rasso import`, resolved and scored by `rasso link --evaluate`.

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "support/rasso_command.h"
#include "support/test_workspace.h"

namespace rasso {
namespace {

using testing_support::CommandResult;
using testing_support::run_rasso;
using testing_support::TestWorkspace;

struct SetCase {
  const char* name;
  std::size_t records;
  double f1_floor;
};

class LabelledSetLink : public testing::TestWithParam<SetCase> {};

TEST_P(LabelledSetLink, ImportsAndLinksAboveTheFloor) {
  const SetCase& set = GetParam();
  TestWorkspace workspace;
  const std::string folder = (workspace.root() / set.name).string();
  const std::string db = workspace.store_path().string();
  const std::string data = std::string(RASSO_SHARED_DATA_DIR) + "/linkage";

  const CommandResult written = run_rasso(std::string("labelled-set ") + set.name + " --out " + folder + " --data " + data);
  ASSERT_EQ(written.exit_code, 0) << written.output;
  EXPECT_NE(written.output.find("Wrote " + std::to_string(set.records) + " person records"), std::string::npos)
      << written.output;

  const CommandResult imported = run_rasso("import " + folder + " --db " + db);
  ASSERT_EQ(imported.exit_code, 0) << imported.output;

  const CommandResult linked = run_rasso("link --db " + db + " --json --evaluate " + folder + "/truth.csv", false);
  ASSERT_EQ(linked.exit_code, 0) << linked.output;
  const nlohmann::json result = nlohmann::json::parse(linked.output);
  EXPECT_EQ(result["records"], set.records);
  EXPECT_EQ(result["evaluation"]["records_without_truth"], 0);
  EXPECT_GE(result["f1"].get<double>(), set.f1_floor)
      << "precision " << result["precision"] << " recall " << result["recall"];
}

INSTANTIATE_TEST_SUITE_P(PublicSets, LabelledSetLink,
                         testing::Values(SetCase{"rldata500", 500, 0.93}, SetCase{"febrl1", 1000, 0.93}),
                         [](const testing::TestParamInfo<SetCase>& test_case) {
                           std::string name = test_case.param.name;
                           for (char& c : name) {
                             if (c == '-') c = '_';
                           }
                           return name;
                         });

TEST(LabelledSetCommand, RefusesAnUnknownSet) {
  const CommandResult result = run_rasso("labelled-set nosuchset --out /tmp/never-written");
  EXPECT_NE(result.exit_code, 0);
  EXPECT_NE(result.output.find("nosuchset"), std::string::npos) << result.output;
}

}  // namespace
}  // namespace rasso

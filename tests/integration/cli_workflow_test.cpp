// The rasso command end to end on one generated force: link and evaluate against the truth,
// repeat suspects, worklists whose counts match what the generator planted, a reviewer's
// decision and an unmerge overriding the model, the person view with its evidence, and the audit
// trail those leave.

#include <gtest/gtest.h>
#include <sys/wait.h>

#include <fstream>
#include <map>
#include <nlohmann/json.hpp>

#include "support/rasso_command.h"
#include "support/test_workspace.h"

namespace rasso {
namespace {

using testing_support::CommandResult;

CommandResult run(const std::string& arguments) { return testing_support::run_rasso(arguments, false); }

nlohmann::json run_json(const std::string& arguments) {
  const CommandResult result = run(arguments);
  EXPECT_EQ(result.exit_code, 0) << arguments << "\n" << result.output;
  return nlohmann::json::parse(result.output, nullptr, false);
}

class CliWorkflow : public testing::Test {
 protected:
  static void SetUpTestSuite() {
    root_ = std::filesystem::temp_directory_path() / ("rasso-cli-workflow-" + std::to_string(::getpid()));
    std::filesystem::remove_all(root_);
    std::filesystem::create_directories(root_);
    ASSERT_EQ(run("generate --crimes 1500 --seed 21 --out " + extract().string()).exit_code, 0);
    ASSERT_EQ(run("import " + extract().string() + " --db " + db()).exit_code, 0);
    std::ifstream planted(extract() / "planted.json");
    planted_ = nlohmann::json::parse(planted)["planted"];
    link_ = run_json("link --db " + db() + " --evaluate " + (extract() / "truth.csv").string() + " --json");
  }
  static void TearDownTestSuite() { std::filesystem::remove_all(root_); }

  static std::filesystem::path extract() { return root_ / "force"; }
  static std::string db() { return (root_ / "store.db").string(); }

  static std::map<std::string, int> kinds(const nlohmann::json& worklist) {
    std::map<std::string, int> counts;
    for (const auto& item : worklist["items"]) ++counts[item["kind"].get<std::string>()];
    return counts;
  }

  static inline std::filesystem::path root_;
  static inline nlohmann::json planted_;
  static inline nlohmann::json link_;
};

TEST_F(CliWorkflow, LinkageFindsThePeopleBehindTheRecords) {
  ASSERT_TRUE(link_.is_object());
  EXPECT_GE(link_["f1"].get<double>(), 0.97);
  EXPECT_GE(link_["precision"].get<double>(), 0.97);
  EXPECT_GE(link_["recall"].get<double>(), 0.97);
  const double people = link_["resolved_people"].get<double>();
  const double truth = planted_["true_people"].get<double>();
  EXPECT_NEAR(people, truth, truth * 0.03);
}

TEST_F(CliWorkflow, RepeatSuspectsMatchThePlantedOnesAndExplainThemselves) {
  const auto suspects = run_json("suspects --db " + db() + " --as-of 2025-09-30 --top 1000 --json");
  const double planted = planted_["repeat_suspects"].get<double>();
  EXPECT_NEAR(suspects["total"].get<double>(), planted, planted * 0.05);
  ASSERT_FALSE(suspects["items"].empty());
  const auto& top = suspects["items"][0];
  EXPECT_GE(top["frequency"].get<int>(), 2);
  EXPECT_FALSE(top["reasons"].empty());
  EXPECT_NE(suspects["definition"].get<std::string>().find("2 or more"), std::string::npos);
  // The ranking is by score.
  for (std::size_t i = 1; i < suspects["items"].size(); ++i) {
    EXPECT_GE(suspects["items"][i - 1]["score"].get<double>(), suspects["items"][i]["score"].get<double>());
  }
  const CommandResult csv = run("suspects --db " + db() + " --as-of 2025-09-30 --csv --top 5");
  EXPECT_EQ(csv.output.rfind("rank,resolved_id,", 0), 0u);
}

TEST_F(CliWorkflow, WorklistsFindWhatTheGeneratorPlanted) {
  const auto breaches = run_json("worklist breaches --db " + db() + " --as-of 2025-09-30 --json");
  EXPECT_EQ(kinds(breaches)["breach_awaiting_response"], planted_["breaches_without_response"].get<int>());
  const auto victims = run_json("worklist victims --db " + db() + " --as-of 2025-09-30 --json");
  EXPECT_EQ(kinds(victims)["victim_nfa_not_explained"], planted_["nfa_victims_unexplained"].get<int>());
  for (const char* name : {"bail", "orders", "s63g"}) {
    const auto worklist = run_json(std::string("worklist ") + name + " --db " + db() + " --as-of 2025-09-30 --json");
    ASSERT_TRUE(worklist["items"].is_array()) << name;
    for (const auto& item : worklist["items"]) EXPECT_FALSE(item["reason"].get<std::string>().empty());
  }
  const auto one_officer = run_json("worklist victims --db " + db() + " --as-of 2025-09-30 --officer " +
                                    victims["items"][0]["officer_ref"].get<std::string>() + " --json");
  EXPECT_LT(one_officer["total"].get<int>(), victims["total"].get<int>());
  for (const auto& item : one_officer["items"]) EXPECT_EQ(item["officer_ref"], victims["items"][0]["officer_ref"]);
}

TEST_F(CliWorkflow, AReviewerDecisionAndAnUnmergeOverrideTheModel) {
  const auto suspects = run_json("suspects --db " + db() + " --as-of 2025-09-30 --json");
  const auto& top = suspects["items"][0];
  ASSERT_GE(top["person_refs"].size(), 2u);
  const std::string id = "R" + std::to_string(top["resolved_id"].get<std::uint64_t>());
  const std::string taken_out = top["person_refs"][0].get<std::string>();

  const auto person = run_json("person " + id + " --db " + db() + " --json");
  EXPECT_EQ(person["records"].size(), top["person_refs"].size());
  ASSERT_FALSE(person["links"].empty());
  EXPECT_TRUE(person["links"][0]["evidence"]["fields"].is_array());
  const CommandResult explained = run("person " + id + " --db " + db() + " --explain");
  EXPECT_NE(explained.output.find("forename"), std::string::npos) << explained.output;

  ASSERT_EQ(run("review unmerge " + taken_out + " --db " + db() + " --reason 'different man, checked PNC'").exit_code, 0);
  ASSERT_EQ(run("link --db " + db() + " --json").exit_code, 0);
  const auto after = run_json("person " + taken_out + " --db " + db() + " --json");
  EXPECT_EQ(after["records"].size(), 1u) << "the record should stand alone after the unmerge";
  const auto still = run_json("person " + id + " --db " + db() + " --json");
  EXPECT_EQ(still["records"].size(), top["person_refs"].size() - 1) << "the rest keep their resolved id";

  // Withdrawing the decisions lets the model link them again.
  for (const auto& other : person["records"]) {
    const std::string ref = other["person_ref"].get<std::string>();
    if (ref == taken_out) continue;
    ASSERT_EQ(run("review decide " + taken_out + " " + ref + " withdrawn --db " + db() + " --reason 'mistake'").exit_code, 0);
  }
  ASSERT_EQ(run("link --db " + db() + " --json").exit_code, 0);
  EXPECT_EQ(run_json("person " + id + " --db " + db() + " --json")["records"].size(), top["person_refs"].size());

  const auto audit = run_json("audit list --db " + db() + " --limit 1000 --json");
  int decisions = 0;
  for (const auto& event : audit["items"]) decisions += event["action"] == "link.decide";
  EXPECT_GE(decisions, 2 * (static_cast<int>(top["person_refs"].size()) - 1));
  EXPECT_EQ(run("audit verify --db " + db()).exit_code, 0);
}

TEST_F(CliWorkflow, BadArgumentsGiveClearErrors) {
  EXPECT_EQ(run("worklist nonsense --db " + db()).exit_code, 2);
  EXPECT_EQ(run("suspects --db " + db() + " --as-of 2025-02-30").exit_code, 3);
  EXPECT_EQ(run("person R999999999 --db " + db()).exit_code, 1);
  EXPECT_EQ(run("status --db " + (root_ / "missing.db").string()).exit_code, 4);
}

}  // namespace
}  // namespace rasso

namespace rasso {
namespace {

TEST_F(CliWorkflow, RecordingABreachResponseTakesItOffTheWorklistAndKeepsHistory) {
  const auto before = run_json("worklist breaches --db " + db() + " --as-of 2025-09-30 --json");
  std::string breach;
  for (const auto& item : before["items"]) {
    if (item["kind"] == "breach_awaiting_response") breach = item["record_ref"].get<std::string>();
  }
  ASSERT_FALSE(breach.empty());
  const std::string record = "record breach-response " + breach + " --db " + db() + " --as-of 2025-09-30 ";
  const std::string store_before = testing_support::read_file(db());
  EXPECT_EQ(run(record + "--response shrug --date 2025-09-29").exit_code, 3);
  EXPECT_EQ(run(record + "--response arrest --date 2025-10-05").exit_code, 3) << "a response after the as-of date";
  EXPECT_EQ(run(record + "--response arrest --date 2000-01-01").exit_code, 3) << "a response before the report";
  EXPECT_EQ(testing_support::read_file(db()), store_before) << "a refused recording must change nothing";

  ASSERT_EQ(run(record + "--response arrest --date 2025-09-29 --reason 'arrested at address'").exit_code, 0);
  EXPECT_EQ(run(record + "--response arrest --date 2025-09-29").exit_code, 3) << "already answered";
  const auto after = run_json("worklist breaches --db " + db() + " --as-of 2025-09-30 --json");
  for (const auto& item : after["items"]) EXPECT_NE(item["record_ref"], breach);
  const auto status = run_json("status --db " + db() + " --json");
  EXPECT_GE(status["entities"]["breaches"]["previous_versions"].get<int>(), 1);
  const auto audit = run_json("audit list --db " + db() + " --subject " + breach + " --json");
  ASSERT_EQ(audit["items"].size(), 1u);
  EXPECT_EQ(audit["items"][0]["action"], "breach.respond");
  EXPECT_EQ(audit["items"][0]["processing"], "alteration");
}

TEST_F(CliWorkflow, RecordingAVictimContactExplainsTheNfa) {
  const auto victims = run_json("worklist victims --db " + db() + " --as-of 2025-09-30 --json");
  nlohmann::json item;
  for (const auto& candidate : victims["items"]) {
    if (candidate["kind"] == "victim_nfa_not_explained") item = candidate;
  }
  ASSERT_TRUE(item.is_object());
  const std::string crime = item["crime_ref"], person = item["person_ref"];
  EXPECT_EQ(run("record victim-contact " + crime + " NOT-A-VICTIM --date 2025-09-30 --method phone --purpose nfa_explained --db " +
                db() + " --as-of 2025-09-30").exit_code, 3);
  ASSERT_EQ(run("record victim-contact " + crime + " " + person + " --date 2025-09-30 --method phone --purpose nfa_explained --db " +
                db() + " --as-of 2025-09-30").exit_code, 0);
  const auto after = run_json("worklist victims --db " + db() + " --as-of 2025-09-30 --json");
  for (const auto& candidate : after["items"]) {
    EXPECT_FALSE(candidate["kind"] == "victim_nfa_not_explained" && candidate["crime_ref"] == crime &&
                 candidate["person_ref"] == person);
  }
}

}  // namespace
}  // namespace rasso

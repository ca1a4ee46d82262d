// The governance commands end to end on one generated force: the training catalogue and its
// audited changes, compliance agreeing with the training worklist, caseload and well-being, the
// recommendations tracker from import to closure and export, and scrutiny samples that redraw
// identically and whose summaries hold nothing that identifies anyone in the sampled cases.

#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <regex>
#include <set>

#include <nlohmann/json.hpp>

#include "ingest/csv_reader.h"
#include "support/rasso_command.h"
#include "support/test_workspace.h"

namespace rasso {
namespace {

using testing_support::CommandResult;

CommandResult run(const std::string& arguments) { return testing_support::run_rasso(arguments, true); }

nlohmann::json run_json(const std::string& arguments) {
  const CommandResult result = testing_support::run_rasso(arguments, false);
  EXPECT_EQ(result.exit_code, 0) << arguments << "\n" << result.output;
  return nlohmann::json::parse(result.output, nullptr, false);
}

class GovernanceCli : public testing::Test {
 protected:
  static void SetUpTestSuite() {
    root_ = std::filesystem::temp_directory_path() / ("rasso-governance-cli-" + std::to_string(::getpid()));
    std::filesystem::remove_all(root_);
    std::filesystem::create_directories(root_);
    ASSERT_EQ(run("generate --crimes 600 --seed 31 --forces WD --out " + extract().string()).exit_code, 0);
    ASSERT_EQ(run("import " + extract().string() + " " + db()).exit_code, 0);
  }
  static void TearDownTestSuite() { std::filesystem::remove_all(root_); }

  static std::filesystem::path extract() { return root_ / "force"; }
  static std::string db() { return "--db " + (root_ / "store.db").string(); }

  static std::vector<std::map<std::string, std::string>> read_rows(const char* file) {
    auto table = read_csv_table(extract() / file);
    EXPECT_TRUE(table) << file;
    std::vector<std::map<std::string, std::string>> rows;
    for (const CsvRecord& record : table->rows) {
      std::map<std::string, std::string> row;
      for (std::size_t i = 0; i < table->header.size() && i < record.fields.size(); ++i) row[table->header[i]] = record.fields[i];
      rows.push_back(std::move(row));
    }
    return rows;
  }

  static inline std::filesystem::path root_;
};

TEST_F(GovernanceCli, CourseCatalogueChangesAreValidatedAuditedAndVersioned) {
  const auto courses = run_json("training courses --json " + db());
  ASSERT_EQ(courses["items"].size(), 8u);
  const CommandResult refused = run("training course-set ABE --roles 'investigator;detective' " + db());
  EXPECT_EQ(refused.exit_code, 3);
  EXPECT_NE(refused.output.find("unknown role 'detective'"), std::string::npos) << refused.output;
  const CommandResult new_without_label = run("training course-set NEW_ONE " + db());
  EXPECT_EQ(new_without_label.exit_code, 3);
  EXPECT_NE(new_without_label.output.find("--label"), std::string::npos);
  EXPECT_EQ(run_json("training courses --history ABE --json " + db())["items"].size(), 1u);
  ASSERT_EQ(run("training course-set ABE --renewal-months 24 " + db()).exit_code, 0);
  EXPECT_EQ(run("training course-set ABE --renewal-months 24 " + db()).exit_code, 1);  // nothing would change
  ASSERT_EQ(run("training course-set RASSO_INDUCTION --label 'RASSO unit induction' --roles investigator "
                "--due-within-days 30 " + db()).exit_code, 0);
  const auto history = run_json("training courses --history ABE --json " + db());
  ASSERT_EQ(history["items"].size(), 2u);
  EXPECT_EQ(history["items"][0]["renewal_months"], 36);
  EXPECT_EQ(history["items"][1]["renewal_months"], 24);
  EXPECT_EQ(history["items"][1]["version"], 2);
  const auto audit = run_json("audit list --subject ABE --json " + db());
  ASSERT_EQ(audit["items"].size(), 1u);
  EXPECT_EQ(audit["items"][0]["action"], "training.course.change");
  EXPECT_EQ(audit["items"][0]["processing"], "alteration");
}

TEST_F(GovernanceCli, ComplianceAgreesWithTheTrainingWorklist) {
  const std::string as_of = " --as-of 2025-09-30 ";
  const auto by_unit = run_json("training compliance --json" + as_of + db());
  ASSERT_FALSE(by_unit["items"].empty());
  const auto& all = by_unit["items"].back();
  EXPECT_EQ(all["unit"], "ALL");
  EXPECT_GT(all["required"].get<int>(), 0);
  EXPECT_GT(all["overdue"].get<int>() + all["expired"].get<int>(), 0);  // the generator leaves gaps on purpose
  EXPECT_EQ(all["required"].get<int>(), all["held"].get<int>() + all["not_yet_due"].get<int>() + all["overdue"].get<int>() +
                                            all["expired"].get<int>());
  EXPECT_FALSE(by_unit["accreditation"].empty());
  const auto worklist = run_json("training worklist --json" + as_of + db());
  std::map<std::string, int> kinds;
  for (const auto& item : worklist["items"]) ++kinds[item["kind"].get<std::string>()];
  EXPECT_EQ(kinds["training_overdue"], all["overdue"].get<int>());
  EXPECT_EQ(kinds["training_expired"], all["expired"].get<int>());
  EXPECT_EQ(kinds["training_expiring"], all["expiring"].get<int>());
  for (std::size_t i = 1; i < worklist["items"].size(); ++i) {
    EXPECT_GE(worklist["items"][i - 1]["days_overdue"].get<int>(), worklist["items"][i]["days_overdue"].get<int>());
  }
  // Officers missing training, as CSV.
  const CommandResult missing = run("training compliance --by officer --missing --csv" + as_of + db());
  ASSERT_EQ(missing.exit_code, 0);
  EXPECT_EQ(missing.output.rfind("officer,unit,role,detective_status,", 0), 0u) << missing.output.substr(0, 200);
}

TEST_F(GovernanceCli, CaseloadAndWellbeing) {
  const auto caseload = run_json("caseload --months 6 --as-of 2025-06-30 --json " + db());
  int all_rows = 0;
  for (const auto& row : caseload["items"]) {
    if (row["unit"] != "ALL") continue;
    ++all_rows;
    EXPECT_LE(row["median"].get<double>(), row["maximum"].get<double>());
    EXPECT_GT(row["open_crimes"].get<int>(), 0);
  }
  EXPECT_EQ(all_rows, 6);
  EXPECT_EQ(run("caseload --by officer --csv --months 2 " + db()).exit_code, 0);

  const auto due = run_json("wellbeing overdue --as-of 2025-09-30 --json " + db());
  ASSERT_FALSE(due["items"].empty());
  const std::string officer = due["items"][0]["officer"].get<std::string>();
  EXPECT_EQ(run("wellbeing record " + officer + " --date 2025-13-01 " + db()).exit_code, 3);
  const CommandResult unknown = run("wellbeing record NOBODY --date 2025-09-01 " + db());
  EXPECT_NE(unknown.exit_code, 0);
  EXPECT_NE(unknown.output.find("no officer 'NOBODY'"), std::string::npos);
  ASSERT_EQ(run("wellbeing record " + officer + " --date 2025-09-29 " + db()).exit_code, 0);
  const auto after = run_json("wellbeing overdue --as-of 2025-09-30 --json " + db());
  EXPECT_EQ(after["items"].size(), due["items"].size() - 1);
  for (const auto& item : after["items"]) EXPECT_NE(item["officer"], officer);
}

TEST_F(GovernanceCli, RecommendationsFromImportToClosureAndExport) {
  const CommandResult imported = run("recommendations import " + db());
  ASSERT_EQ(imported.exit_code, 0) << imported.output;
  EXPECT_NE(imported.output.find("14 added"), std::string::npos);
  EXPECT_NE(run("recommendations import " + db()).output.find("14 unchanged"), std::string::npos);
  EXPECT_EQ(run_json("recommendations list --for-forces --json " + db())["total"], 5);
  const std::string id = "HMICFRS-2024-07";
  auto version = [&] { return run_json("recommendations show " + id + " --json " + db())["version"].get<int>(); };
  const int before = version();
  const CommandResult no_owner = run("recommendations status " + id + " in_progress " + db());
  EXPECT_EQ(no_owner.exit_code, 3);
  EXPECT_NE(no_owner.output.find("owner"), std::string::npos);
  EXPECT_EQ(version(), before);
  EXPECT_EQ(run("recommendations status " + id + " finished " + db()).exit_code, 3);
  ASSERT_EQ(run("recommendations owner " + id + " 'ACC Public Protection' " + db()).exit_code, 0);
  EXPECT_EQ(run("recommendations action-add " + id + " --description 'x' --owner y --due 2025-02-30 " + db()).exit_code, 3);
  ASSERT_EQ(run("recommendations action-add " + id + " --description '=HYPERLINK(\"http://x\")' --owner 'DCI Orders' "
                "--due 2025-01-31 " + db()).exit_code, 0);
  const auto overdue = run_json("recommendations overdue --as-of 2025-03-01 --json " + db());
  bool action_overdue = false;
  for (const auto& item : overdue["items"]) action_overdue |= item["kind"] == "action" && item["id"] == id;
  EXPECT_TRUE(action_overdue);
  const auto shown = run_json("recommendations show " + id + " --json " + db());
  ASSERT_EQ(shown["actions"].size(), 1u);
  const std::string action = std::to_string(shown["actions"][0]["action_id"].get<int>());
  ASSERT_EQ(run("recommendations status " + id + " in_progress " + db()).exit_code, 0);
  ASSERT_EQ(run("recommendations evidence-add " + id + " --description 'Breach tracker live' --reference PPU/17 " + db()).exit_code, 0);
  ASSERT_EQ(run("recommendations status " + id + " evidence_submitted " + db()).exit_code, 0);
  EXPECT_EQ(run("recommendations status " + id + " closed --note 'Met' " + db()).exit_code, 3);  // the action is open
  ASSERT_EQ(run("recommendations action-status " + id + " " + action + " closed --note 'Tracker in use' " + db()).exit_code, 0);
  ASSERT_EQ(run("recommendations status " + id + " closed --note 'Met: breaches tracked' " + db()).exit_code, 0);
  const auto closed = run_json("recommendations show " + id + " --json " + db());
  EXPECT_EQ(closed["status"], "closed");
  EXPECT_EQ(closed["history"].size(), 8u);
  // The export neutralises what a spreadsheet would run.
  const auto out = root_ / "tracker.csv";
  ASSERT_EQ(run("recommendations export --out " + out.string() + " " + db()).exit_code, 0);
  const std::string csv = testing_support::read_file(out);
  EXPECT_NE(csv.find("'=HYPERLINK"), std::string::npos);
  EXPECT_EQ(csv.find(",=HYPERLINK"), std::string::npos);
  EXPECT_NE(csv.find("HMICFRS-2024-14"), std::string::npos);
  const auto audit = run_json("audit list --subject " + id + " --limit 100 --json " + db());
  std::set<std::string> actions;
  for (const auto& event : audit["items"]) actions.insert(event["action"].get<std::string>());
  for (const char* expected : {"recommendation.owner", "recommendation.action.add", "recommendation.evidence.add",
                               "recommendation.action.status", "recommendation.status", "recommendation.view"}) {
    EXPECT_TRUE(actions.contains(expected)) << expected;
  }
}

TEST_F(GovernanceCli, ScrutinySamplesRedrawAndNameNobody) {
  const std::string spec = " --from 2023-01-01 --to 2025-09-30 --size 25 --seed 8675309 --json ";
  const auto first = run_json("panel sample" + spec + db());
  const auto second = run_json("panel sample" + spec + db());
  ASSERT_EQ(first["cases"].size(), 25u);
  const std::string first_id = std::to_string(first["sample_id"].get<int>());
  const std::string second_id = std::to_string(second["sample_id"].get<int>());
  const auto with_refs = run_json("panel show " + first_id + " --with-references --json " + db());
  const auto again_refs = run_json("panel show " + second_id + " --with-references --json " + db());
  std::set<std::string> sampled;
  for (std::size_t i = 0; i < with_refs["cases"].size(); ++i) {
    EXPECT_EQ(with_refs["cases"][i]["crime_ref"], again_refs["cases"][i]["crime_ref"]);
    sampled.insert(with_refs["cases"][i]["crime_ref"].get<std::string>());
  }
  EXPECT_EQ(sampled.size(), 25u);
  EXPECT_TRUE(run_json("panel redraw " + first_id + " --json " + db())["same"].get<bool>());
  const auto other = run_json("panel sample --from 2023-01-01 --to 2025-09-30 --size 25 --seed 1 --json " + db());
  const auto other_refs = run_json("panel show " + std::to_string(other["sample_id"].get<int>()) + " --with-references --json " + db());
  int overlap = 0;
  for (const auto& entry : other_refs["cases"]) overlap += sampled.contains(entry["crime_ref"].get<std::string>()) ? 1 : 0;
  EXPECT_LT(overlap, 25);

  // Everything that identifies someone in the sampled cases, from the extract itself.
  std::set<std::string> identifying(sampled.begin(), sampled.end());
  std::set<std::string> people, names;
  for (const auto& row : read_rows("involvements.csv")) {
    if (!sampled.contains(row.at("crime_ref"))) continue;
    people.insert(row.at("person_ref"));
    identifying.insert(row.at("person_ref"));
    identifying.insert(row.at("involvement_ref"));
  }
  for (const auto& row : read_rows("crimes.csv")) {
    if (!sampled.contains(row.at("crime_ref"))) continue;
    for (const char* field : {"reported_date", "recorded_date", "committed_date", "outcome_date", "postcode_district", "lsoa_code", "officer_ref"}) {
      if (!row.at(field).empty()) identifying.insert(row.at(field));
    }
  }
  for (const auto& row : read_rows("persons.csv")) {
    if (!people.contains(row.at("person_ref"))) continue;
    for (const char* field : {"forename", "middle_names", "surname"}) {
      if (row.at(field).size() >= 3) names.insert(row.at(field));
    }
    for (const char* field : {"dob", "address", "postcode", "pnc_id", "cro_number"}) {
      if (!row.at(field).empty()) identifying.insert(row.at(field));
    }
  }
  for (const auto& row : read_rows("arrests.csv")) {
    if (sampled.contains(row.at("crime_ref"))) identifying.insert(row.at("arrest_ref"));
  }
  ASSERT_GT(names.size(), 10u);
  const auto shown = run_json("panel show " + first_id + " --json " + db());
  const std::string summaries = shown["cases"].dump();
  EXPECT_EQ(summaries.find("crime_ref"), std::string::npos);
  for (const std::string& value : identifying) EXPECT_EQ(summaries.find(value), std::string::npos) << value;
  for (const std::string& name : names) {
    const std::regex word("\\b" + name + "\\b");
    EXPECT_FALSE(std::regex_search(summaries, word)) << name;
  }
  EXPECT_FALSE(std::regex_search(summaries, std::regex("\\d{4}-\\d{2}-\\d{2}")));
  const std::string text = run("panel show " + first_id + " " + db()).output;
  EXPECT_NE(text.find("day 0: reported"), std::string::npos) << text.substr(0, 400);

  // Findings: refused without a valid decision, then recorded and reported in the themes.
  EXPECT_EQ(run("panel finding " + first_id + " 1 --decision fine --panel-date 2025-10-01 " + db()).exit_code, 3);
  EXPECT_NE(run("panel finding " + first_id + " 99 --decision appropriate --panel-date 2025-10-01 " + db()).exit_code, 0);
  ASSERT_EQ(run("panel finding " + first_id + " 1 --decision appropriate_with_learning --panel-date 2025-10-01 "
                "--victim-care poor --themes 'victim care,early evidence' --learning 'Update the victim sooner' " + db()).exit_code, 0);
  ASSERT_EQ(run("panel finding " + first_id + " 2 --decision appropriate --panel-date 2025-10-01 --themes victim_care " + db()).exit_code, 0);
  const auto themes = run_json("panel themes --json " + db());
  EXPECT_EQ(themes["cases"], 2);
  EXPECT_EQ(themes["themes"][0]["theme"], "victim_care");
  EXPECT_EQ(themes["themes"][0]["cases"], 2);
  EXPECT_EQ(themes["learning"][0]["case"], "S" + first_id + "-C01");
  // A later finding on a case supersedes the earlier one, which `panel show` still lists, and the
  // themes count the standing finding only.
  ASSERT_EQ(run("panel finding " + first_id + " 1 --decision appropriate --panel-date 2025-11-05 " + db()).exit_code, 0);
  const auto revisited = run_json("panel show " + first_id + " --json " + db());
  const auto& case_one = revisited["cases"][0];
  EXPECT_EQ(case_one["finding"]["decision"], "appropriate");
  EXPECT_EQ(case_one["finding"]["panel_date"], "2025-11-05");
  ASSERT_EQ(case_one["earlier_findings"].size(), 1u);
  EXPECT_EQ(case_one["earlier_findings"][0]["decision"], "appropriate_with_learning");
  EXPECT_EQ(case_one["earlier_findings"][0]["learning"], "Update the victim sooner");
  EXPECT_TRUE(revisited["cases"][1]["earlier_findings"].empty());
  const std::string revisited_text = run("panel show " + first_id + " " + db()).output;
  EXPECT_NE(revisited_text.find("panel 2025-11-05: appropriate\n"), std::string::npos) << revisited_text;
  EXPECT_NE(revisited_text.find("superseded: panel 2025-10-01: appropriate_with_learning"), std::string::npos) << revisited_text;
  EXPECT_EQ(run_json("panel themes --json " + db())["cases"], 2);

  const auto audit = run_json("audit list --limit 100000 --json " + db());
  std::map<std::string, std::string> processing;
  for (const auto& event : audit["items"]) processing[event["action"].get<std::string>()] = event["processing"].get<std::string>();
  EXPECT_EQ(processing["scrutiny.sample.references"], "disclosure");
  EXPECT_EQ(processing["scrutiny.finding"], "alteration");
  EXPECT_EQ(run("audit verify " + db()).exit_code, 0);
}

}  // namespace
}  // namespace rasso

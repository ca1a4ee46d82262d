// `rasso link` after a later import links only the new person records against the people already
// resolved (incremental), keeps the earlier people's IDs, and is as accurate as a full run; a
// changed person record, a changed threshold or --full makes it re-link everything.

#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>

#include "support/rasso_command.h"
#include "support/test_workspace.h"

namespace rasso {
namespace {

using testing_support::CommandResult;
using testing_support::TestWorkspace;

nlohmann::json run_json(const std::string& arguments) {
  const CommandResult result = testing_support::run_rasso(arguments, false);
  EXPECT_EQ(result.exit_code, 0) << arguments << "\n" << result.output;
  return nlohmann::json::parse(result.output, nullptr, false);
}

// Splits the generated persons.csv into two persons-only extracts: the first `share` of the rows
// and the rest.
void split_persons(const std::filesystem::path& persons, const std::filesystem::path& first,
                   const std::filesystem::path& second, double share) {
  std::ifstream in(persons);
  std::string header;
  std::getline(in, header);
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  const auto cut = static_cast<std::size_t>(static_cast<double>(lines.size()) * share);
  std::filesystem::create_directories(first);
  std::filesystem::create_directories(second);
  std::ofstream a(first / "persons.csv");
  std::ofstream b(second / "persons.csv");
  a << header << "\n";
  b << header << "\n";
  for (std::size_t i = 0; i < lines.size(); ++i) (i < cut ? a : b) << lines[i] << "\n";
}

// The resolved id the store gives a person record, through `rasso person REF --json`.
std::int64_t resolved_id_of(const std::string& db, const std::string& person_ref) {
  const nlohmann::json person = run_json("person " + person_ref + " --db " + db + " --json");
  return person.value("resolved_id", std::int64_t{-1});
}

class IncrementalLink : public testing::Test {
 protected:
  void SetUp() override {
    extract_ = workspace_.root() / "force";
    ASSERT_EQ(testing_support::run_rasso("generate --crimes 800 --seed 33 --out " + extract_.string(), false).exit_code, 0);
    split_persons(extract_ / "persons.csv", workspace_.root() / "first", workspace_.root() / "second", 0.8);
    db_ = workspace_.store_path().string();
    truth_ = (extract_ / "truth.csv").string();
  }

  TestWorkspace workspace_;
  std::filesystem::path extract_;
  std::string db_;
  std::string truth_;
};

TEST_F(IncrementalLink, LinksOnlyTheNewRecordsAndKeepsTheEarlierPeople) {
  ASSERT_EQ(testing_support::run_rasso("import " + (workspace_.root() / "first").string() + " --db " + db_).exit_code, 0);
  const nlohmann::json first = run_json("link --db " + db_ + " --json");
  EXPECT_EQ(first["mode"], "full");
  EXPECT_EQ(first["full_run_reason"], "first run");

  // A person of the first import, and his resolved id before the second import.
  std::ifstream persons(workspace_.root() / "first" / "persons.csv");
  std::string line;
  std::getline(persons, line);
  std::getline(persons, line);
  const std::string early_ref = line.substr(0, line.find(','));
  const std::int64_t early_id = resolved_id_of(db_, early_ref);
  ASSERT_GT(early_id, 0);

  ASSERT_EQ(testing_support::run_rasso("import " + (workspace_.root() / "second").string() + " --db " + db_).exit_code, 0);
  const nlohmann::json second = run_json("link --db " + db_ + " --json --evaluate " + truth_);
  EXPECT_EQ(second["mode"], "incremental");
  EXPECT_GT(second["new_records"].get<std::size_t>(), 0u);
  EXPECT_LT(second["new_records"].get<std::size_t>(), second["records"].get<std::size_t>());
  EXPECT_EQ(second["records"], first["records"].get<std::size_t>() + second["new_records"].get<std::size_t>());
  EXPECT_EQ(resolved_id_of(db_, early_ref), early_id) << "an earlier person keeps his id";

  // As accurate as re-linking everything from scratch.
  const nlohmann::json full = run_json("link --db " + db_ + " --json --full --evaluate " + truth_);
  EXPECT_EQ(full["mode"], "full");
  EXPECT_EQ(full["full_run_reason"], "--full asked for");
  EXPECT_GE(second["f1"].get<double>(), 0.95);
  EXPECT_GE(second["f1"].get<double>(), full["f1"].get<double>() - 0.02);

  // Nothing new: the next run is incremental with no new record.
  const nlohmann::json again = run_json("link --db " + db_ + " --json");
  EXPECT_EQ(again["mode"], "incremental");
  EXPECT_EQ(again["new_records"], 0);
  EXPECT_EQ(again["resolved_people"], full["resolved_people"]);
}

TEST_F(IncrementalLink, AChangedRecordOrThresholdMeansAFullRun) {
  ASSERT_EQ(testing_support::run_rasso("import " + (workspace_.root() / "first").string() + " --db " + db_).exit_code, 0);
  ASSERT_EQ(run_json("link --db " + db_ + " --json")["mode"], "full");

  const nlohmann::json other_threshold = run_json("link --db " + db_ + " --json --threshold 0.95");
  EXPECT_EQ(other_threshold["mode"], "full");
  EXPECT_EQ(other_threshold["full_run_reason"], "the threshold changed");

  // Re-import the first file with one person's surname changed.
  const auto changed = workspace_.root() / "changed";
  std::filesystem::create_directories(changed);
  std::string content = testing_support::read_file(workspace_.root() / "first" / "persons.csv");
  const std::size_t second_line = content.find('\n') + 1;
  const std::size_t third_line = content.find('\n', second_line);
  std::string row = content.substr(second_line, third_line - second_line);
  // Fields: person_ref,force_code,forename,middle_names,surname,...: replace the surname.
  std::vector<std::size_t> commas;
  for (std::size_t i = 0; i < row.size() && commas.size() < 5; ++i) {
    if (row[i] == ',') commas.push_back(i);
  }
  ASSERT_EQ(commas.size(), 5u);
  row = row.substr(0, commas[3] + 1) + "Quillfeather" + row.substr(commas[4]);
  content.replace(second_line, third_line - second_line, row);
  testing_support::write_file(changed / "persons.csv", content);
  ASSERT_EQ(testing_support::run_rasso("import " + changed.string() + " --db " + db_).exit_code, 0);

  const nlohmann::json after_change = run_json("link --db " + db_ + " --json --threshold 0.95");
  EXPECT_EQ(after_change["mode"], "full");
  EXPECT_EQ(after_change["full_run_reason"], "1 person record(s) changed since the last run");
}

}  // namespace
}  // namespace rasso

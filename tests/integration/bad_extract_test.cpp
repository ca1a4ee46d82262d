// The bad-input table: each case breaks the hand-built minimal extract in one way. Every case
// must be refused with a problem naming the file, line, field and rule, and must leave the store
// (already holding the minimal extract) byte-for-byte as it was.

#include <gtest/gtest.h>

#include "support/test_workspace.h"

namespace rasso {
namespace {

using testing_support::read_file;
using testing_support::TestWorkspace;
using testing_support::write_file;

enum class Edit { AppendLine, ReplaceFile, ReplaceText, AddFile };

struct BadExtract {
  const char* name;
  const char* file;       // file of the minimal extract to edit (or add)
  Edit edit;
  std::string text;       // the appended line, the new content, or the replacement
  std::string find;       // for ReplaceText: the text replaced
  const char* expect_file;
  std::size_t expect_line;
  const char* expect_field;
  const char* expect_rule;  // part of the rule text
};

const std::string kPersonTail = ",WD,Ann,,Lee,1990-01-01,F,,,,,,";

std::vector<BadExtract> cases() {
  return {
      {"bad_utf8", "persons.csv", Edit::AppendLine, "WD-P-9,WD,Zo\xC3,,Lee,1990-01-01,F,,,,,,", "", "persons.csv", 7, "forename", "not valid UTF-8"},
      {"nul_byte", "persons.csv", Edit::AppendLine, std::string("WD-P-9,WD,An") + '\0' + "n,,Lee,1990-01-01,F,,,,,,", "", "persons.csv", 7, "forename", "NUL byte"},
      {"control_character", "persons.csv", Edit::AppendLine, "WD-P-9,WD,Ann\x1b,,Lee,1990-01-01,F,,,,,,", "", "persons.csv", 7, "forename", "control character"},
      {"formula_in_surname", "persons.csv", Edit::AppendLine, "WD-P-9,WD,Ann,,\"=HYPERLINK(\"\"http://x\"\")\",1990-01-01,F,,,,,,", "", "persons.csv", 7, "surname", "spreadsheet formula"},
      {"ten_megabyte_field", "persons.csv", Edit::AppendLine, "WD-P-9,WD," + std::string(10 * 1024 * 1024, 'a') + ",,Lee,1990-01-01,F,,,,,,", "", "persons.csv", 7, "forename", "at most 100"},
      {"quote_left_open", "persons.csv", Edit::AppendLine, "WD-P-9,WD,\"Ann,,Lee,1990-01-01,F,,,,,,", "", "persons.csv", 7, "", "never closed"},
      {"stray_quote", "persons.csv", Edit::AppendLine, "WD-P-9,WD,An\"n\",,Lee,1990-01-01,F,,,,,,", "", "persons.csv", 7, "", "quote"},
      {"missing_header", "units.csv", Edit::ReplaceFile, "WD-U-RASSO1,WD,North RASSO team,rasso\n", "", "units.csv", 1, "WD-U-RASSO1", "unknown column"},
      {"missing_required_column", "crimes.csv", Edit::ReplaceText, "postcode_district,lsoa_code", "reported_date,recorded_date,postcode_district,lsoa_code", "crimes.csv", 1, "reported_date", "required column is missing"},
      {"extra_column", "units.csv", Edit::ReplaceText, "unit_type,colour", "unit_type", "units.csv", 1, "colour", "unknown column"},
      {"repeated_column", "units.csv", Edit::ReplaceText, "name,name", "name", "units.csv", 1, "name", "more than once"},
      {"row_with_extra_field", "units.csv", Edit::AppendLine, "WD-U-X,WD,Extra team,rasso,surplus", "", "units.csv", 4, "", "row has 5 fields but the header has 4"},
      {"row_with_missing_field", "units.csv", Edit::AppendLine, "WD-U-X,WD,Short team", "", "units.csv", 4, "", "row has 3 fields"},
      {"empty_file", "crimes.csv", Edit::ReplaceFile, "", "", "crimes.csv", 1, "", "file is empty"},
      {"british_date", "crimes.csv", Edit::AppendLine, "WD-C-9,WD,19C,,,07/01/2024,2024-01-07,,,N,N,N,0,,,", "", "crimes.csv", 5, "reported_date", "YYYY-MM-DD"},
      {"impossible_date", "crimes.csv", Edit::AppendLine, "WD-C-9,WD,19C,,,2023-02-29,2023-03-01,,,N,N,N,0,,,", "", "crimes.csv", 5, "reported_date", "no such calendar date"},
      {"unknown_offence_code", "crimes.csv", Edit::AppendLine, "WD-C-9,WD,99Z,,,2024-01-07,2024-01-07,,,N,N,N,0,,,", "", "crimes.csv", 5, "offence_code", "table 'offence'"},
      {"unknown_outcome_code", "crimes.csv", Edit::AppendLine, "WD-C-9,WD,19C,,,2024-01-07,2024-01-07,,,N,N,N,23,2024-02-01,,", "", "crimes.csv", 5, "outcome_code", "table 'outcome'"},
      {"unknown_force", "crimes.csv", Edit::AppendLine, "WD-C-9,ZZ,19C,,,2024-01-07,2024-01-07,,,N,N,N,0,,,", "", "crimes.csv", 5, "force_code", "table 'force'"},
      {"required_value_empty", "crimes.csv", Edit::AppendLine, "WD-C-9,WD,19C,,,,2024-01-07,,,N,N,N,0,,,", "", "crimes.csv", 5, "reported_date", "required but empty"},
      {"reported_before_committed", "crimes.csv", Edit::AppendLine, "WD-C-9,WD,19C,2024-02-01,,2024-01-07,2024-01-07,,,N,N,N,0,,,", "", "crimes.csv", 5, "reported_date", "must not be before committed_date"},
      {"outcome_without_date", "crimes.csv", Edit::AppendLine, "WD-C-9,WD,19C,,,2024-01-07,2024-01-07,,,N,N,N,16,,,", "", "crimes.csv", 5, "outcome_date", "outcome_date is required"},
      {"bad_boolean", "crimes.csv", Edit::AppendLine, "WD-C-9,WD,19C,,,2024-01-07,2024-01-07,,,maybe,N,N,0,,,", "", "crimes.csv", 5, "domestic_abuse", "Y or N"},
      {"bad_time", "crimes.csv", Edit::AppendLine, "WD-C-9,WD,19C,,25:00,2024-01-07,2024-01-07,,,N,N,N,0,,,", "", "crimes.csv", 5, "committed_time", "no such time"},
      {"duplicate_key", "crimes.csv", Edit::AppendLine, "WD-C-1,WD,19C,,,2024-01-07,2024-01-07,,,N,N,N,0,,,", "", "crimes.csv", 5, "crime_ref", "already used on line 2"},
      {"dangling_officer", "crimes.csv", Edit::AppendLine, "WD-C-9,WD,19C,,,2024-01-07,2024-01-07,,,N,N,N,0,,WD-O-99,", "", "crimes.csv", 5, "officer_ref", "neither in this extract nor in the store"},
      {"unknown_ethnicity", "persons.csv", Edit::AppendLine, "WD-P-9,WD,Ann,,Lee,1990-01-01,F,White,,,,,", "", "persons.csv", 7, "ethnicity", "table 'ethnicity'"},
      {"bad_pnc_id", "persons.csv", Edit::AppendLine, "WD-P-9,WD,Ann,,Lee,1990-01-01,F,,,,,12345,", "", "persons.csv", 7, "pnc_id", "PNC ID"},
      {"nameless_person", "persons.csv", Edit::AppendLine, "WD-P-9,WD,,,,1990-01-01,F,,,,,,", "", "persons.csv", 7, "surname", "at least one of"},
      {"unknown_rank", "officers.csv", Edit::AppendLine, "WD-O-9,WD,WD-U-RASSO1,,General,investigator,,2020-01-01,", "", "officers.csv", 5, "rank", "table 'rank'"},
      {"unknown_role", "involvements.csv", Edit::AppendLine, "WD-I-9,WD-C-1,WD-P-2,offender,,,,", "", "involvements.csv", 8, "role", "table 'involvement_role'"},
      {"dangling_person", "involvements.csv", Edit::AppendLine, "WD-I-9,WD-C-1,WD-P-99,witness,,,,", "", "involvements.csv", 8, "person_ref", "neither in this extract nor in the store"},
      {"age_out_of_range", "involvements.csv", Edit::AppendLine, "WD-I-9,WD-C-1,WD-P-2,witness,,,150,", "", "involvements.csv", 8, "age_at_offence", "between 0 and 120"},
      {"victim_with_suspect_status", "involvements.csv", Edit::AppendLine, "WD-I-9,WD-C-1,WD-P-2,victim,named,,,", "", "involvements.csv", 8, "suspect_status", "only for role 'suspect'"},
      {"unknown_order_type", "orders.csv", Edit::AppendLine, "WD-R-9,ASBO,WD-P-1,,,,made,,2024-01-01,2025-01-01,N,,", "", "orders.csv", 3, "order_type", "table 'order_type'"},
      {"dangling_protected_person", "orders.csv", Edit::AppendLine, "WD-R-9,SHPO,WD-P-1,WD-P-3;WD-P-98,,,made,,2024-01-01,,Y,,", "", "orders.csv", 3, "protected_person_refs", "persons 'WD-P-98'"},
      {"breach_of_bail_without_bail", "breaches.csv", Edit::AppendLine, "WD-X-9,bail,,,WD-P-1,2024-02-01,2024-02-01,,,", "", "breaches.csv", 4, "bail_ref", "bail_ref is required"},
      {"bail_ends_before_start", "bail.csv", Edit::AppendLine, "WD-B-9,WD-A-1,3,2024-07-08,2024-07-01,SUPT,,,,,", "", "bail.csv", 4, "end_date", "must be after start_date"},
      {"training_unknown_course", "training.csv", Edit::AppendLine, "WD-T-9,WD-O-1,BASKET_WEAVING,2024-01-01,", "", "training.csv", 5, "course_code", "table 'course'"},
      {"both_csv_and_jsonl", "crimes.jsonl", Edit::AddFile, "{}\n", "", "crimes.csv", 0, "", "keep one"},
      {"jsonl_not_an_object", "training.jsonl", Edit::AddFile, "{\"training_ref\": \"WD-T-8\",\n", "", "training.jsonl", 1, "", "not a valid JSON object"},
      {"jsonl_unknown_field", "units.jsonl", Edit::AddFile, "{\"unit_ref\":\"WD-U-9\",\"force_code\":\"WD\",\"name\":\"A\",\"unit_type\":\"rasso\",\"colour\":\"red\"}\n", "", "units.jsonl", 1, "colour", "unknown field"},
  };
}

// Keeps ctest's test names short: the case name instead of the struct's bytes.
void PrintTo(const BadExtract& c, std::ostream* out) { *out << c.name; }

class BadExtractTable : public testing::TestWithParam<BadExtract> {};

void apply_edit(const std::filesystem::path& extract, const BadExtract& c) {
  const auto path = extract / c.file;
  switch (c.edit) {
    case Edit::AppendLine: write_file(path, read_file(path) + c.text + "\n"); break;
    case Edit::ReplaceFile: write_file(path, c.text); break;
    case Edit::ReplaceText: {
      std::string content = read_file(path);
      const auto at = content.find(c.find);
      ASSERT_NE(at, std::string::npos) << c.find;
      content.replace(at, c.find.size(), c.text);
      write_file(path, content);
      break;
    }
    case Edit::AddFile:
      // A JSON Lines file replaces its CSV twin unless the case is about having both.
      if (std::string(c.name) != "both_csv_and_jsonl") {
        std::filesystem::remove(extract / (path.stem().string() + ".csv"));
      }
      write_file(path, c.text);
      break;
  }
}

TEST_P(BadExtractTable, IsRefusedPreciselyAndLeavesTheStoreUnchanged) {
  const BadExtract& c = GetParam();
  TestWorkspace workspace;
  ASSERT_TRUE(workspace.import(workspace.copy_extract("minimal", "good")).committed);
  const std::string store_before = read_file(workspace.store_path());
  ASSERT_FALSE(store_before.empty());

  const auto extract = workspace.copy_extract("minimal", "bad");
  apply_edit(extract, c);
  const ImportReport report = workspace.import(extract);

  EXPECT_FALSE(report.committed);
  ASSERT_FALSE(report.problems.empty());
  const ImportProblem& problem = report.problems.front();
  EXPECT_EQ(problem.file, c.expect_file) << problem.to_string();
  EXPECT_EQ(problem.line, c.expect_line) << problem.to_string();
  EXPECT_EQ(problem.field, c.expect_field) << problem.to_string();
  EXPECT_NE(problem.rule.find(c.expect_rule), std::string::npos) << problem.to_string();
  EXPECT_LT(problem.to_string().size(), 1000u) << "an error message must stay readable";
  EXPECT_EQ(read_file(workspace.store_path()), store_before) << "the store changed";
}

INSTANTIATE_TEST_SUITE_P(Table, BadExtractTable, testing::ValuesIn(cases()),
                         [](const testing::TestParamInfo<BadExtract>& param_info) { return std::string(param_info.param.name); });

TEST(BadExtract, ListsEveryProblemUpToTheLimit) {
  TestWorkspace workspace;
  const auto extract = workspace.copy_extract("minimal", "bad");
  std::string persons = read_file(extract / "persons.csv");
  for (int i = 0; i < 10; ++i) persons += "WD-P-X" + std::to_string(i) + ",WD,Ann,,Lee,1990-13-01,F,,,,,,\n";
  write_file(extract / "persons.csv", persons);
  const ImportReport all = workspace.import(extract, 50);
  EXPECT_EQ(all.problems.size(), 10u);
  EXPECT_FALSE(all.stopped_early);
  EXPECT_EQ(all.problems[9].line, 16u);
  const ImportReport limited = workspace.import(extract, 3);
  EXPECT_EQ(limited.problems.size(), 3u);
  EXPECT_TRUE(limited.stopped_early);
  EXPECT_FALSE(std::filesystem::exists(workspace.store_path()) &&
               *(*open_sqlite_store(workspace.store_path()))->count(Entity::Persons) != 0);
}

}  // namespace
}  // namespace rasso

namespace rasso {
namespace {

// The first import into an empty table takes the plain-INSERT path; duplicates must still be
// caught there, with the line of the first use.
TEST(BadExtract, DuplicateKeyInAFirstImportIsRefused) {
  TestWorkspace workspace;
  const auto extract = workspace.copy_extract("minimal", "bad");
  write_file(extract / "units.csv", read_file(extract / "units.csv") + "WD-U-RASSO1,WD,Again,rasso\n");
  const ImportReport report = workspace.import(extract);
  EXPECT_FALSE(report.committed);
  ASSERT_EQ(report.problems.size(), 1u);
  EXPECT_EQ(report.problems[0].to_string(),
            "units.csv:4: field 'unit_ref' value 'WD-U-RASSO1': duplicate key: already used on line 2 of this file");
  auto store = open_sqlite_store(workspace.store_path());
  EXPECT_EQ(*(*store)->count(Entity::Units), 0);
}

}  // namespace
}  // namespace rasso

// The importer against the real SQLite store: counts, idempotent re-import, change history,
// JSON Lines equivalence and partial (persons-only) extracts.

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "core/field_spec.h"
#include "support/test_workspace.h"

namespace rasso {
namespace {

using testing_support::read_file;
using testing_support::TestWorkspace;
using testing_support::write_file;

std::int64_t count(const TestWorkspace& workspace, Entity entity) {
  auto store = open_sqlite_store(workspace.store_path());
  return *(*store)->count(entity);
}

const FileImportCounts& counts_for(const ImportReport& report, const std::string& file) {
  for (const FileImportCounts& counts : report.files) {
    if (counts.file == file) return counts;
  }
  throw std::runtime_error("no counts for " + file);
}

TEST(ImportRoundTrip, LoadsEveryFileOfTheMinimalExtract) {
  TestWorkspace workspace;
  const auto extract = workspace.copy_extract("minimal", "extract");
  const ImportReport report = workspace.import(extract);
  ASSERT_TRUE(report.committed) << (report.problems.empty() ? "" : report.problems[0].to_string());
  EXPECT_EQ(report.files.size(), 12u);
  EXPECT_EQ(report.rows_read(), 33u);
  EXPECT_EQ(count(workspace, Entity::Crimes), 3);
  EXPECT_EQ(count(workspace, Entity::Persons), 5);
  EXPECT_EQ(count(workspace, Entity::Involvements), 6);
  EXPECT_EQ(count(workspace, Entity::Bail), 2);
  EXPECT_EQ(count(workspace, Entity::Training), 3);
  EXPECT_EQ(counts_for(report, "persons.csv").added, 5u);
}

TEST(ImportRoundTrip, ReimportingTheSameExtractChangesNothing) {
  TestWorkspace workspace;
  const auto extract = workspace.copy_extract("minimal", "extract");
  ASSERT_TRUE(workspace.import(extract).committed);
  const ImportReport again = workspace.import(extract);
  ASSERT_TRUE(again.committed);
  for (const FileImportCounts& counts : again.files) {
    EXPECT_EQ(counts.added, 0u) << counts.file;
    EXPECT_EQ(counts.changed, 0u) << counts.file;
    EXPECT_EQ(counts.unchanged, counts.rows_read) << counts.file;
  }
  auto store = open_sqlite_store(workspace.store_path());
  EXPECT_EQ(*(*store)->history_count(Entity::Crimes), 0);
}

TEST(ImportRoundTrip, AChangedRowIsUpdatedAndItsPreviousVersionKept) {
  TestWorkspace workspace;
  const auto extract = workspace.copy_extract("minimal", "extract");
  ASSERT_TRUE(workspace.import(extract).committed);
  std::string crimes = read_file(extract / "crimes.csv");
  const std::string before = "WD-C-2,WD,20A,2024-03-01,,2024-03-02,2024-03-02,B29,,N,N,N,0,,";
  const std::string after = "WD-C-2,WD,20A,2024-03-01,,2024-03-02,2024-03-02,B29,,N,N,N,16,2024-10-01,";
  ASSERT_NE(crimes.find(before), std::string::npos);
  crimes.replace(crimes.find(before), before.size(), after);
  write_file(extract / "crimes.csv", crimes);

  const ImportReport report = workspace.import(extract);
  ASSERT_TRUE(report.committed);
  EXPECT_EQ(counts_for(report, "crimes.csv").changed, 1u);
  EXPECT_EQ(counts_for(report, "crimes.csv").unchanged, 2u);
  EXPECT_EQ(counts_for(report, "persons.csv").unchanged, 5u);
  auto store = open_sqlite_store(workspace.store_path());
  EXPECT_EQ(*(*store)->history_count(Entity::Crimes), 1);
  const auto rows = *(*store)->rows(Entity::Crimes);
  const auto outcome = *entity_spec(Entity::Crimes).index_of("outcome_code");
  EXPECT_EQ(rows[1][outcome], "16");
  EXPECT_EQ((*store)->imports()->size(), 2u);
}

TEST(ImportRoundTrip, JsonLinesLoadsTheSameRowsAsCsv) {
  TestWorkspace workspace;
  const auto extract = workspace.copy_extract("minimal", "extract");
  std::filesystem::remove(extract / "training.csv");
  write_file(extract / "training.jsonl",
             "{\"training_ref\":\"WD-T-1\",\"officer_ref\":\"WD-O-1\",\"course_code\":\"WORD_ON_WORD\",\"completed_date\":\"2024-10-01\",\"expiry_date\":null}\n"
             "\n"
             "{\"training_ref\":\"WD-T-2\",\"officer_ref\":\"WD-O-1\",\"course_code\":\"ABE\",\"completed_date\":\"2022-05-01\",\"expiry_date\":\"2025-05-01\"}\n"
             "{\"training_ref\":\"WD-T-3\",\"officer_ref\":\"WD-O-2\",\"course_code\":\"NOM_P21\",\"completed_date\":\"2024-11-15\"}\n");
  ASSERT_TRUE(workspace.import(extract).committed);
  // The CSV version of the same rows is now a no-op.
  const auto csv_extract = workspace.copy_extract("minimal", "csv");
  const ImportReport again = workspace.import(csv_extract);
  ASSERT_TRUE(again.committed);
  EXPECT_EQ(counts_for(again, "training.csv").unchanged, 3u);
}

TEST(ImportRoundTrip, APersonsOnlyFolderImports) {
  TestWorkspace workspace;
  const auto folder = workspace.root() / "people";
  std::filesystem::create_directories(folder);
  write_file(folder / "persons.csv",
             "person_ref,forename,surname,dob,sex,postcode,pnc_id\n"
             "rec-1,lachlan,berry,1999-02-19,,4814,\n"
             "rec-2,,waller,1912-08-09,,4011,\n");
  write_file(folder / "truth.csv", "person_ref,true_id\nrec-1,1\nrec-2,2\n");
  const ImportReport report = workspace.import(folder);
  ASSERT_TRUE(report.committed) << (report.problems.empty() ? "" : report.problems[0].to_string());
  EXPECT_EQ(count(workspace, Entity::Persons), 2);
  ASSERT_EQ(report.ignored_files.size(), 1u);
  EXPECT_EQ(report.ignored_files[0], "truth.csv");
}

TEST(ImportRoundTrip, ReferencesMayPointAtRowsOfAnEarlierImport) {
  TestWorkspace workspace;
  ASSERT_TRUE(workspace.import(workspace.copy_extract("minimal", "extract")).committed);
  const auto folder = workspace.root() / "later";
  std::filesystem::create_directories(folder);
  write_file(folder / "victim_contacts.csv",
             "contact_ref,crime_ref,person_ref,contact_date,method,purpose,agreed_frequency_days,officer_ref\n"
             "WD-V-9,WD-C-2,WD-P-5,2024-04-01,phone,update,28,WD-O-1\n");
  EXPECT_TRUE(workspace.import(folder).committed);
}

TEST(ImportRoundTrip, ReportJsonListsCountsAndProblems) {
  TestWorkspace workspace;
  const ImportReport report = workspace.import(workspace.copy_extract("minimal", "extract"));
  const auto json = nlohmann::json::parse(report.to_json());
  EXPECT_TRUE(json["committed"].get<bool>());
  EXPECT_EQ(json["files"].size(), 12u);
  EXPECT_TRUE(json["problems"].empty());
}

}  // namespace
}  // namespace rasso

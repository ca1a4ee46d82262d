// All five worklists over the minimal extract in tests/data/extracts/minimal, read as raw CSV rows
// (Y/N booleans) through extract_tables_from_rows, with the shipped code tables and bank holidays.

#include <gtest/gtest.h>

#include <filesystem>

#include "core/field_spec.h"
#include "ingest/csv_reader.h"
#include "ingest/reference_data.h"
#include "worklists/worklist.h"
#include "core/extract_record_rows.h"

namespace rasso {
namespace {

const std::filesystem::path kDataDir = RASSO_DEFAULT_DATA_DIR;
const std::filesystem::path kExtract = kDataDir.parent_path().parent_path() / "tests" / "data" / "extracts" / "minimal";

// The file's rows with their values put in entity_spec field order by header name.
EntityRows read_rows(Entity entity) {
  const EntitySpec& spec = entity_spec(entity);
  auto table = read_csv_table(kExtract / (std::string(spec.name()) + ".csv"));
  EXPECT_TRUE(table.ok()) << spec.name();
  EntityRows rows;
  for (const CsvRecord& record : table->rows) {
    std::vector<std::string> values(spec.fields.size());
    for (std::size_t column = 0; column < table->header.size(); ++column) {
      values[*spec.index_of(table->header[column])] = record.fields[column];
    }
    rows.push_back(std::move(values));
  }
  return rows;
}

WorklistRules shipped_rules() {
  const auto codes = load_code_tables(kDataDir);
  EXPECT_TRUE(codes.ok());
  auto holidays = read_csv_table(kDataDir / "bank_holidays_england_wales.csv");
  std::vector<CivilDate> dates;
  for (const CsvRecord& row : holidays->rows) dates.push_back(*CivilDate::parse_iso(row.fields[0]));
  return *make_worklist_rules(*codes, dates);
}

std::vector<std::string> summary(const std::vector<WorklistItem>& items) {
  std::vector<std::string> lines;
  for (const auto& item : items) {
    std::string line;
    for (std::string_view part : {item_kind_code(item.kind), item.record_ref, item.person_ref}) line.append(part) += ' ';
    line += item.due_date.to_iso() + " " + std::to_string(item.days_overdue) + " ";
    lines.push_back(line.append(item.officer_ref));
  }
  return lines;
}

TEST(WorklistMinimalExtract, EveryWorklistAsOfMidSeptember2024) {
  std::map<Entity, EntityRows> rows;
  for (Entity entity : kEntitiesInLoadOrder) rows[entity] = read_rows(entity);
  auto inputs = extract_tables_from_rows(rows);
  ASSERT_TRUE(inputs.ok()) << inputs.error().message;
  const WorklistSnapshot snapshot(std::move(inputs).value());
  EXPECT_EQ(snapshot.unresolved_references(), 0u);
  const WorklistRules rules = shipped_rules();
  const CivilDate as_of = *CivilDate::parse_iso("2024-09-15");

  EXPECT_TRUE(run_worklist(WorklistKind::Bail, snapshot, rules, as_of).empty());  // C1's bail ended with NFA
  EXPECT_TRUE(run_worklist(WorklistKind::Orders, snapshot, rules, as_of).empty());  // SRO runs to 2026
  EXPECT_TRUE(run_worklist(WorklistKind::S63g, snapshot, rules, as_of).empty());  // granted; window opens 2026
  EXPECT_EQ(summary(run_worklist(WorklistKind::Breaches, snapshot, rules, as_of)),
            (std::vector<std::string>{"repeat_breaches WD-X-2 WD-P-1 2024-09-11 4 WD-O-1",
                                      "breach_awaiting_response WD-X-2 WD-P-1 2024-09-13 2 WD-O-1"}));
  // C2 (reported Saturday 2 March) has no contact at all: ISVA due Tuesday 5 March, first update 30 March, a
  // Saturday, moved past Easter Monday to 2 April. C1's NFA (16) was explained but review not offered. C3's
  // charge on Sunday 1 September was due to be told on Monday 2 September.
  EXPECT_EQ(summary(run_worklist(WorklistKind::Victims, snapshot, rules, as_of)),
            (std::vector<std::string>{"victim_isva_referral_due WD-C-2 WD-P-5 2024-03-05 194 WD-O-1",
                                      "victim_update_due WD-C-2 WD-P-5 2024-04-02 166 WD-O-1",
                                      "victim_right_to_review_not_offered WD-C-1 WD-P-3 2024-07-01 76 WD-O-1",
                                      "victim_decision_update_due WD-C-3 WD-P-4 2024-09-02 13 WD-O-2"}));
}

TEST(WorklistMinimalExtract, WorklistNames) {
  for (WorklistKind kind : kAllWorklists) EXPECT_EQ(worklist_from_name(worklist_name(kind)), kind);
  EXPECT_EQ(worklist_from_name("training"), WorklistKind::Training);
  EXPECT_FALSE(worklist_from_name("trainings"));
  EXPECT_FALSE(worklist_from_name(""));
}

}  // namespace
}  // namespace rasso

// XLSX and CSV exports never carry a live formula: text that looks like one is stored as text.

#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <unistd.h>

#include "reports/export_csv.h"
#include "reports/export_xlsx.h"

namespace rasso {
namespace {

std::string shell_output(const std::string& command) {
  FILE* pipe = popen(command.c_str(), "r");
  std::string out;
  char buffer[4096];
  while (std::fgets(buffer, sizeof buffer, pipe) != nullptr) out += buffer;
  pclose(pipe);
  return out;
}

ExportTable dangerous_table() {
  ExportTable table;
  table.name = "Crimes";
  table.columns = {"crime_ref", "note", "count"};
  table.rows.push_back({ExportCell::of_text("C1"), ExportCell::of_text("=HYPERLINK(\"http://x\",\"y\")"), ExportCell::of_number(3)});
  table.rows.push_back({ExportCell::of_text("C2"), ExportCell::of_text("+1"), ExportCell::blank()});
  table.notes = {"@risk note"};
  return table;
}

std::filesystem::path temp_file(const std::string& name) {
  return std::filesystem::temp_directory_path() / ("rasso-export-" + std::to_string(::getpid()) + "-" + name);
}

TEST(ExportXlsxTest, FormulaLikeTextIsStoredAsNeutralisedText) {
  const auto path = temp_file("dangerous.xlsx");
  ASSERT_TRUE(write_export_xlsx({dangerous_table()}, path));
  const std::string listing = shell_output("unzip -l " + path.string());
  EXPECT_NE(listing.find("xl/worksheets/sheet1.xml"), std::string::npos);
  EXPECT_NE(shell_output("unzip -p " + path.string() + " xl/workbook.xml").find("name=\"Crimes\""), std::string::npos);
  const std::string sheet = shell_output("unzip -p " + path.string() + " xl/worksheets/sheet1.xml");
  EXPECT_EQ(sheet.find("<f>"), std::string::npos);  // no formula anywhere
  EXPECT_NE(sheet.find("t=\"s\""), std::string::npos);  // string cells
  EXPECT_NE(sheet.find("<v>3</v>"), std::string::npos);  // numbers stay numbers
  const std::string strings = shell_output("unzip -p " + path.string() + " xl/sharedStrings.xml");
  EXPECT_NE(strings.find("<t>'=HYPERLINK(\"http://x\",\"y\")</t>"), std::string::npos) << strings;
  EXPECT_NE(strings.find("<t>'+1</t>"), std::string::npos);
  EXPECT_NE(strings.find("<t>'@risk note</t>"), std::string::npos);
  std::filesystem::remove(path);
}

TEST(ExportXlsxTest, CsvNeutralisesTheSameWay) {
  const auto path = temp_file("dangerous.csv");
  ASSERT_TRUE(write_export_csv(dangerous_table(), path));
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  EXPECT_EQ(text.str(), "crime_ref,note,count\nC1,\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",3\nC2,'+1,\n");
  std::filesystem::remove(path);
  EXPECT_EQ(neutralise_spreadsheet_text("-5"), "'-5");
  EXPECT_EQ(neutralise_spreadsheet_text("Ash"), "Ash");
}

TEST(ExportXlsxTest, UnwritablePathIsAnIoError) {
  const Status written = write_export_xlsx({dangerous_table()}, "/nonexistent-folder/x.xlsx");
  ASSERT_FALSE(written);
  EXPECT_EQ(written.error().code, "io");
}

}  // namespace
}  // namespace rasso

#include "ingest/csv_writer.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "ingest/csv_reader.h"

namespace rasso {
namespace {

std::string slurp(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

std::filesystem::path temp_file(const std::string& name) { return std::filesystem::path(testing::TempDir()) / name; }

TEST(CsvWriterTest, QuotesOnlyWhereNeeded) {
  EXPECT_EQ(csv_escape("plain"), "plain");
  EXPECT_EQ(csv_escape(""), "");
  EXPECT_EQ(csv_escape("a,b"), "\"a,b\"");
  EXPECT_EQ(csv_escape("say \"hi\""), "\"say \"\"hi\"\"\"");
  EXPECT_EQ(csv_escape("two\nlines"), "\"two\nlines\"");
  EXPECT_EQ(csv_escape("cr\rhere"), "\"cr\rhere\"");
  EXPECT_EQ(csv_escape(" spaces kept "), " spaces kept ");
}

TEST(CsvWriterTest, NeutralisesFormulasOnlyWhenAsked) {
  for (std::string_view risky : {"=1+1", "+44 121", "-2", "@SUM(A1)", "\tx"}) {
    EXPECT_EQ(csv_escape(risky), std::string(risky)) << risky;
    EXPECT_EQ(csv_escape(risky, true), "'" + std::string(risky)) << risky;
  }
  EXPECT_EQ(csv_escape("\rx", true), "\"'\rx\"");
  EXPECT_EQ(csv_escape("=HYPERLINK(\"x\",\"y\")", true), "\"'=HYPERLINK(\"\"x\"\",\"\"y\"\")\"");
  EXPECT_EQ(csv_escape("a=b", true), "a=b");
}

TEST(CsvWriterTest, WritesRowsThatReadBack) {
  const auto path = temp_file("csv_writer_roundtrip.csv");
  {
    auto writer = CsvWriter::open(path, {.neutralise_formulas = false, .buffer_bytes = 16});
    ASSERT_TRUE(writer) << writer.error().message;
    (*writer)->write_row(std::vector<std::string_view>{"name", "count", "date"});
    (*writer)->field(std::string_view("Smith, Robert"));
    (*writer)->field(std::int64_t{-42});
    (*writer)->field(*CivilDate::from_ymd(2025, 9, 3));
    (*writer)->end_row();
    (*writer)->field(std::string_view("line\nbreak \"quoted\""));
    (*writer)->blank();
    (*writer)->field(*CivilDate::from_ymd(1901, 1, 31));
    (*writer)->end_row();
    EXPECT_EQ((*writer)->rows(), 3u);
    ASSERT_TRUE((*writer)->close());
  }
  EXPECT_EQ(slurp(path),
            "name,count,date\n\"Smith, Robert\",-42,2025-09-03\n\"line\nbreak \"\"quoted\"\"\",,1901-01-31\n");
  auto table = read_csv_table(path);
  ASSERT_TRUE(table) << table.error().message;
  ASSERT_EQ(table->rows.size(), 2u);
  EXPECT_EQ(table->rows[0].fields[0], "Smith, Robert");
  EXPECT_EQ(table->rows[1].fields[0], "line\nbreak \"quoted\"");
  EXPECT_EQ(table->rows[1].fields[1], "");
}

TEST(CsvWriterTest, ExportsNeutraliseTextButNotNumbers) {
  const auto path = temp_file("csv_writer_export.csv");
  auto writer = CsvWriter::open(path, {.neutralise_formulas = true});
  ASSERT_TRUE(writer);
  (*writer)->field(std::string_view("=cmd|' /C calc'!A0"));
  (*writer)->field(std::int64_t{-5});
  (*writer)->end_row();
  ASSERT_TRUE((*writer)->close());
  EXPECT_EQ(slurp(path), "'=cmd|' /C calc'!A0,-5\n");
}

TEST(CsvWriterTest, ReportsAFileThatCannotBeOpened) {
  auto writer = CsvWriter::open(temp_file("no_such_dir") / "x.csv");
  ASSERT_FALSE(writer);
  EXPECT_EQ(writer.error().code, "io");
}

}  // namespace
}  // namespace rasso

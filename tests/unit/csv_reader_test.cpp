#include "ingest/csv_reader.h"

#include <gtest/gtest.h>

#include <fstream>

namespace rasso {
namespace {

class CsvReaderTest : public testing::Test {
 protected:
  std::filesystem::path write(const std::string& content) {
    // One file per test: ctest runs tests in parallel processes.
    const auto path = std::filesystem::path(testing::TempDir()) /
                      (std::string("csv_reader_") + testing::UnitTest::GetInstance()->current_test_info()->name() + ".csv");
    std::ofstream(path, std::ios::binary) << content;
    return path;
  }

  Result<std::vector<CsvRecord>> read_all(const std::string& content) {
    auto reader = CsvReader::open(write(content));
    if (!reader) return reader.error();
    std::vector<CsvRecord> records;
    CsvRecord record;
    while (true) {
      auto got = (*reader)->next(record);
      if (!got) return got.error();
      if (!*got) break;
      records.push_back(record);
    }
    return records;
  }
};

TEST_F(CsvReaderTest, ReadsQuotedFieldsAndCountsPhysicalLines) {
  auto records = read_all("a,b\n\"x, y\",\"he said \"\"hi\"\"\"\n\"two\nlines\",z\r\n\nlast,row");
  ASSERT_TRUE(records) << records.error().message;
  ASSERT_EQ(records->size(), 4u);
  EXPECT_EQ((*records)[1].fields[0], "x, y");
  EXPECT_EQ((*records)[1].fields[1], "he said \"hi\"");
  EXPECT_EQ((*records)[1].line, 2u);
  EXPECT_EQ((*records)[2].fields[0], "two\nlines");
  EXPECT_EQ((*records)[2].line, 3u);
  EXPECT_EQ((*records)[3].line, 6u);  // after the blank line 5
}

TEST_F(CsvReaderTest, RefusesAQuoteLeftOpen) {
  auto records = read_all("a,b\n1,\"open\n2,3\n");
  ASSERT_FALSE(records);
  EXPECT_EQ(records.error().code, "csv_syntax");
  EXPECT_NE(records.error().message.find("never closed"), std::string::npos);
}

TEST_F(CsvReaderTest, RefusesAStrayQuote) {
  auto records = read_all("a,b\n1,ab\"c\"d\n");
  ASSERT_FALSE(records);
  EXPECT_EQ(records.error().code, "csv_syntax");
  EXPECT_NE(records.error().message.find("line 2"), std::string::npos) << records.error().message;
}

TEST_F(CsvReaderTest, ReadsSmallTables) {
  auto table = read_csv_table(write("code,label\nA,Alpha\n"));
  ASSERT_TRUE(table);
  EXPECT_EQ(table->column("label"), 1);
  EXPECT_EQ(table->column("missing"), -1);
  EXPECT_EQ(table->rows.at(0).fields.at(1), "Alpha");
}

}  // namespace
}  // namespace rasso

#pragma once
// TestWorkspace: a fresh temporary folder per test, with helpers to copy the hand-built extracts
// in tests/data, edit their files, and import them into a store in that folder.

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include <gtest/gtest.h>

#include "core/code_table.h"
#include "ingest/extract_importer.h"
#include "ingest/reference_data.h"
#include "store/sqlite/sqlite_store.h"

namespace rasso::testing_support {

inline std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

inline void write_file(const std::filesystem::path& path, const std::string& content) {
  std::ofstream(path, std::ios::binary | std::ios::trunc) << content;
}

inline const CodeTables& code_tables() {
  static const CodeTables tables = *load_code_tables(reference_data_dir());
  return tables;
}

class TestWorkspace {
 public:
  TestWorkspace() {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    std::string name = std::string(info->test_suite_name()) + "_" + info->name();
    for (char& c : name) {
      if (c == '/') c = '_';
    }
    root_ = std::filesystem::temp_directory_path() / ("rasso-test-" + name + "-" + std::to_string(::getpid()));
    std::filesystem::remove_all(root_);
    std::filesystem::create_directories(root_);
  }
  ~TestWorkspace() { std::filesystem::remove_all(root_); }

  const std::filesystem::path& root() const { return root_; }
  std::filesystem::path store_path() const { return root_ / "store.db"; }

  /// Copies tests/data/extracts/<name> to <root>/<as> and returns the copy's path.
  std::filesystem::path copy_extract(const std::string& name, const std::string& as) const {
    const auto target = root_ / as;
    std::filesystem::remove_all(target);
    std::filesystem::copy(std::filesystem::path(RASSO_TEST_DATA_DIR) / "extracts" / name, target);
    return target;
  }

  /// Imports `folder` into the workspace store with a fixed clock.
  ImportReport import(const std::filesystem::path& folder, std::size_t max_problems = 50) const {
    auto store = open_sqlite_store(store_path());
    EXPECT_TRUE(store) << store.error().message;
    ImportOptions options;
    options.max_problems = max_problems;
    options.now = [] { return std::string("2025-01-01T00:00:00Z"); };
    auto report = import_extract(**store, folder, code_tables(), options);
    EXPECT_TRUE(report) << report.error().message;
    return report ? *report : ImportReport{};
  }

 private:
  std::filesystem::path root_;
};

}  // namespace rasso::testing_support

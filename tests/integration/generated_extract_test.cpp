// The real rasso binary end to end: generate a synthetic force, import it, check the store holds
// every generated row, re-import as a no-op, and survive SIGKILL at random points of an import.

#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <fcntl.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <nlohmann/json.hpp>
#include <thread>

#include "ingest/csv_reader.h"
#include "support/rasso_command.h"
#include "support/test_workspace.h"

namespace rasso {
namespace {

using testing_support::read_file;
using testing_support::TestWorkspace;

using testing_support::CommandResult;

CommandResult run(const std::string& arguments) { return testing_support::run_rasso(arguments, true); }

std::size_t csv_records(const std::filesystem::path& path) {
  auto reader = CsvReader::open(path);
  EXPECT_TRUE(reader);
  CsvRecord record;
  std::size_t rows = 0;
  while (*(*reader)->next(record)) ++rows;
  return rows - 1;  // the header
}

TEST(GeneratedExtract, ImportsCompletelyAndReimportsAsANoOp) {
  TestWorkspace workspace;
  const auto extract = workspace.root() / "force";
  const auto store = workspace.store_path();
  const CommandResult generated = run("generate --crimes 400 --seed 11 --out " + extract.string());
  ASSERT_EQ(generated.exit_code, 0) << generated.output;

  const CommandResult imported = run("import " + extract.string() + " --db " + store.string() + " --json");
  ASSERT_EQ(imported.exit_code, 0) << imported.output;
  const auto report = nlohmann::json::parse(imported.output);
  ASSERT_EQ(report["files"].size(), 12u);
  for (const auto& file : report["files"]) {
    const auto rows = csv_records(extract / file["file"].get<std::string>());
    EXPECT_EQ(file["rows_read"].get<std::size_t>(), rows) << file["file"];
    EXPECT_EQ(file["added"].get<std::size_t>(), rows) << file["file"];
  }
  auto opened = open_sqlite_store(store);
  ASSERT_TRUE(opened);
  EXPECT_EQ(*(*opened)->count(Entity::Crimes), 400);
  EXPECT_EQ(static_cast<std::size_t>(*(*opened)->count(Entity::Persons)), csv_records(extract / "truth.csv"));

  const CommandResult again = run("import " + extract.string() + " --db " + store.string() + " --json");
  ASSERT_EQ(again.exit_code, 0) << again.output;
  const auto again_report = nlohmann::json::parse(again.output);  // kept alive for the loop
  for (const auto& file : again_report["files"]) {
    EXPECT_EQ(file["added"].get<std::size_t>() + file["changed"].get<std::size_t>(), 0u) << file["file"];
  }
}

TEST(GeneratedExtract, SameSeedSameBytes) {
  TestWorkspace workspace;
  ASSERT_EQ(run("generate --crimes 150 --seed 5 --out " + (workspace.root() / "a").string()).exit_code, 0);
  ASSERT_EQ(run("generate --crimes 150 --seed 5 --out " + (workspace.root() / "b").string()).exit_code, 0);
  for (const auto& entry : std::filesystem::directory_iterator(workspace.root() / "a")) {
    EXPECT_EQ(read_file(entry.path()), read_file(workspace.root() / "b" / entry.path().filename()))
        << entry.path().filename();
  }
}

TEST(GeneratedExtract, RefusedImportExitsWithInvalidInputAndNamesTheProblem) {
  TestWorkspace workspace;
  const auto extract = workspace.copy_extract("minimal", "bad");
  testing_support::write_file(extract / "units.csv", "unit_ref,force_code,name,unit_type\nWD-U-RASSO1,WD,North,nonsense\n");
  const CommandResult result = run("import " + extract.string() + " --db " + workspace.store_path().string());
  EXPECT_EQ(result.exit_code, 3) << result.output;
  EXPECT_NE(result.output.find("units.csv:2: field 'unit_type' value 'nonsense'"), std::string::npos) << result.output;
  EXPECT_NE(result.output.find("the store was not changed"), std::string::npos) << result.output;
}

// SIGKILL at random points of a large import: the store must always open, pass SQLite's
// integrity check and hold either the data from before the import or the whole import.
TEST(GeneratedExtract, KilledImportLeavesTheStoreAsBeforeOrAfter) {
  TestWorkspace workspace;
  const auto store = workspace.store_path();
  ASSERT_TRUE(workspace.import(workspace.copy_extract("minimal", "base")).committed);
  const auto big = workspace.root() / "big";
  ASSERT_EQ(run("generate --crimes 20000 --seed 3 --out " + big.string()).exit_code, 0);

  std::srand(20241122);
  int killed_mid_import = 0;
  for (int attempt = 0; attempt < 6; ++attempt) {
    const pid_t child = fork();
    ASSERT_GE(child, 0);
    if (child == 0) {
      const int devnull = open("/dev/null", O_WRONLY);
      dup2(devnull, STDOUT_FILENO);
      dup2(devnull, STDERR_FILENO);
      execl(RASSO_BINARY, RASSO_BINARY, "import", big.c_str(), "--db", store.c_str(), static_cast<char*>(nullptr));
      _exit(127);
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(50 + std::rand() % 1500));
    kill(child, SIGKILL);
    int status = 0;
    waitpid(child, &status, 0);
    if (WIFSIGNALED(status)) ++killed_mid_import;

    auto opened = open_sqlite_store(store);
    ASSERT_TRUE(opened) << opened.error().message;
    EXPECT_EQ(*(*opened)->integrity_check(), "ok");
    const auto crimes = *(*opened)->count(Entity::Crimes);
    EXPECT_TRUE(crimes == 3 || crimes == 20003) << "crimes after kill: " << crimes;
    const auto imports = (*opened)->imports()->size();
    EXPECT_EQ(imports, crimes == 3 ? 1u : 2u);
    if (crimes != 3) break;  // the import completed before the kill; nothing more to interrupt
  }
  EXPECT_GT(killed_mid_import, 0) << "no kill landed during an import";
}

}  // namespace
}  // namespace rasso

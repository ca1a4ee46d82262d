// The snapshot file: loading from it gives exactly the tables a scan of the store gives; it is
// used only while its stamps match the store's, part by part; a damaged, foreign or stale file is
// ignored; `rasso import` and `rasso link` leave it fresh, readable by its owner only.

#include <sys/stat.h>

#include <filesystem>
#include <algorithm>
#include <fstream>

#include <gtest/gtest.h>

#include "store/extract_snapshot.h"
#include "store/snapshot_file.h"
#include "support/rasso_command.h"
#include "support/test_workspace.h"

namespace rasso {
namespace {

using testing_support::run_rasso;
using testing_support::TestWorkspace;

// A generated force of 200 crimes, imported (through the CLI, which writes the snapshot) and
// linked into `store_path`.
std::filesystem::path imported_force(const std::filesystem::path& store_path) {
  const auto extract = store_path.parent_path() / "force";
  const std::string db = " --db " + store_path.string();
  EXPECT_EQ(run_rasso("generate --crimes 200 --seed 7 --out " + extract.string()).exit_code, 0);
  EXPECT_EQ(run_rasso("import " + extract.string() + db).exit_code, 0);
  EXPECT_EQ(run_rasso("link" + db).exit_code, 0);
  return extract;
}

std::unique_ptr<Store> open(const TestWorkspace& workspace) {
  auto store = open_sqlite_store(workspace.store_path());
  EXPECT_TRUE(store) << store.error().message;
  return std::move(*store);
}

// The tables as a scan of the store gives them (the snapshot moved out of the way meanwhile).
StoreContents scanned(Store& store) {
  const auto path = store.snapshot_path();
  const auto aside = path.string() + ".aside";
  std::filesystem::rename(path, aside);
  auto tables = load_all_extract_tables(store);
  auto resolved = load_resolved(store);
  std::filesystem::rename(aside, path);
  EXPECT_TRUE(tables && resolved);
  StoreContents contents;
  contents.tables = std::move(*tables);
  contents.resolved = std::move(*resolved);
  return contents;
}

void expect_same_tables(const ExtractTables& a, const ExtractTables& b) {
  EXPECT_EQ(a.units, b.units);
  EXPECT_EQ(a.officers, b.officers);
  EXPECT_EQ(a.crimes, b.crimes);
  EXPECT_EQ(a.persons, b.persons);
  EXPECT_EQ(a.involvements, b.involvements);
  EXPECT_EQ(a.arrests, b.arrests);
  EXPECT_EQ(a.bail_periods, b.bail_periods);
  EXPECT_EQ(a.orders, b.orders);
  EXPECT_EQ(a.breaches, b.breaches);
  EXPECT_EQ(a.victim_contacts, b.victim_contacts);
  EXPECT_EQ(a.biometrics, b.biometrics);
  EXPECT_EQ(a.training, b.training);
}

TEST(SnapshotFile, ImportAndLinkLeaveAFreshSnapshotThatLoadsTheSameTablesAsTheStore) {
  TestWorkspace workspace;
  imported_force(workspace.store_path());
  auto store = open(workspace);
  const auto path = store->snapshot_path();
  ASSERT_EQ(path, workspace.store_path().string() + ".snapshot");
  ASSERT_TRUE(std::filesystem::exists(path));
  struct stat status{};
  ASSERT_EQ(::stat(path.c_str(), &status), 0);
  EXPECT_EQ(status.st_mode & 0777, 0600u) << "the snapshot holds what the store holds: owner only";

  const StoreContents from_store = scanned(*store);
  ASSERT_FALSE(from_store.tables.crimes.empty());
  ASSERT_FALSE(from_store.tables.victim_contacts.empty());
  ASSERT_FALSE(from_store.tables.orders.empty());
  ASSERT_FALSE(from_store.resolved.empty());

  auto loaded = load_store_contents(*store);
  ASSERT_TRUE(loaded) << loaded.error().message;
  EXPECT_TRUE(loaded->tables_from_snapshot);
  EXPECT_TRUE(loaded->resolution_from_snapshot);
  EXPECT_FALSE(loaded->snapshot_written);
  expect_same_tables(loaded->tables, from_store.tables);
  EXPECT_EQ(loaded->resolved, from_store.resolved);

  // A partial load reads only what it asks for.
  auto crimes_only = load_extract_tables(*store, {Entity::Crimes, Entity::Orders});
  ASSERT_TRUE(crimes_only);
  EXPECT_EQ(crimes_only->crimes, from_store.tables.crimes);
  EXPECT_EQ(crimes_only->orders, from_store.tables.orders);
  EXPECT_TRUE(crimes_only->persons.empty());
  EXPECT_TRUE(crimes_only->victim_contacts.empty());

  // The involvement resolution read from the file is each involvement's record looked up in the
  // store's assignment, row by row.
  auto resolved_tables = load_resolved_tables(*store, {Entity::Crimes});
  ASSERT_TRUE(resolved_tables) << resolved_tables.error().message;
  EXPECT_TRUE(resolved_tables->linked);
  EXPECT_EQ(resolved_tables->tables.involvements, from_store.tables.involvements) << "involvements are always loaded";
  const InvolvementResolution expected = resolve_involvements(from_store.tables.involvements, from_store.resolved);
  ASSERT_EQ(expected.size(), from_store.tables.involvements.size());
  EXPECT_EQ(resolved_tables->involvement_resolution, expected);
  EXPECT_TRUE(std::ranges::none_of(expected, [](std::uint64_t id) { return id == 0; }))
      << "every record of a linked store is resolved";
}

TEST(SnapshotFile, AnImportMakesTheTablesStaleButKeepsTheResolution) {
  TestWorkspace workspace;
  const auto extract = imported_force(workspace.store_path());
  // An import through the library (which, unlike the CLI, does not refresh the snapshot): a new
  // import, so the file's tables no longer match the store.
  auto store = open(workspace);
  const auto before = store->snapshot_stamp();
  ASSERT_TRUE(before);
  workspace.import(extract);
  const auto after = store->snapshot_stamp();
  ASSERT_TRUE(after);
  EXPECT_NE(after->tables, before->tables);
  EXPECT_EQ(after->resolution, before->resolution);

  auto loaded = load_store_contents(*store);
  ASSERT_TRUE(loaded) << loaded.error().message;
  EXPECT_FALSE(loaded->tables_from_snapshot);
  EXPECT_TRUE(loaded->resolution_from_snapshot);
  EXPECT_TRUE(loaded->snapshot_written);
  auto again = load_store_contents(*store);
  ASSERT_TRUE(again);
  EXPECT_TRUE(again->tables_from_snapshot && again->resolution_from_snapshot);
  expect_same_tables(again->tables, loaded->tables);
}

TEST(SnapshotFile, ADamagedOrForeignSnapshotIsIgnored) {
  TestWorkspace workspace;
  imported_force(workspace.store_path());
  auto store = open(workspace);
  const auto path = store->snapshot_path();
  const StoreContents from_store = scanned(*store);
  const auto stamp = store->snapshot_stamp();
  ASSERT_TRUE(stamp);

  // Truncated: every section must lie inside the file.
  const auto size = std::filesystem::file_size(path);
  std::filesystem::resize_file(path, size / 2);
  EXPECT_FALSE(read_snapshot_file(path, *stamp, {.entities = kEntitiesInLoadOrder, .resolved = true}));
  auto loaded = load_store_contents(*store);
  ASSERT_TRUE(loaded);
  EXPECT_FALSE(loaded->tables_from_snapshot);
  expect_same_tables(loaded->tables, from_store.tables);
  EXPECT_EQ(std::filesystem::file_size(path), size) << "the load rewrote the damaged file";

  // Not a snapshot at all.
  testing_support::write_file(path, "this is not a snapshot");
  EXPECT_FALSE(snapshot_file_stamp(path));
  EXPECT_FALSE(read_snapshot_file(path, *stamp, {.entities = kEntitiesInLoadOrder, .resolved = true}));

  // Another store's snapshot, even at the same import and linkage numbers, is not this store's.
  const auto other_folder = workspace.root() / "other";
  std::filesystem::create_directories(other_folder);
  imported_force(other_folder / "store.db");
  auto other_store = open_sqlite_store(other_folder / "store.db");
  ASSERT_TRUE(other_store);
  std::filesystem::copy_file((*other_store)->snapshot_path(), path, std::filesystem::copy_options::overwrite_existing);
  auto from_other = load_store_contents(*store);
  ASSERT_TRUE(from_other);
  EXPECT_FALSE(from_other->tables_from_snapshot);
  EXPECT_FALSE(from_other->resolution_from_snapshot);
  expect_same_tables(from_other->tables, from_store.tables);
}

TEST(SnapshotFile, AFailedWriteLeavesThePreviousFileAndReportsThePath) {
  TestWorkspace workspace;
  const auto missing_folder = workspace.root() / "no-such-folder" / "store.db.snapshot";
  const Status written = write_snapshot_file(missing_folder, SnapshotStamp{"t", "r"}, ExtractTables{}, {});
  ASSERT_FALSE(written);
  EXPECT_EQ(written.error().code, "file");
  EXPECT_NE(written.error().message.find("no-such-folder"), std::string::npos) << written.error().message;

  // A write that succeeds replaces the file whole; the reader asks for the stamps it needs.
  const auto path = workspace.root() / "tiny.snapshot";
  ExtractTables tables;
  tables.units = {{"U1", "WD", "Unit one", "rasso"}};
  ASSERT_TRUE(write_snapshot_file(path, SnapshotStamp{"tables-1", "resolution-1"}, tables, {{"P1", 3}}));
  const std::vector<Entity> units{Entity::Units};
  auto read = read_snapshot_file(path, SnapshotStamp{"tables-1", "other"}, {.entities = units});
  ASSERT_TRUE(read);
  EXPECT_EQ(read->tables.units, tables.units);
  EXPECT_FALSE(read->resolved);
  EXPECT_FALSE(read_snapshot_file(path, SnapshotStamp{"tables-1", "other"}, {.entities = units, .resolved = true}));
  EXPECT_FALSE(read_snapshot_file(path, SnapshotStamp{"tables-2", "resolution-1"}, {.entities = units}));
  auto resolved = read_snapshot_file(path, SnapshotStamp{"x", "resolution-1"}, {.resolved = true});
  ASSERT_TRUE(resolved && resolved->resolved);
  EXPECT_EQ(resolved->resolved->at("P1"), 3u);
}

TEST(SnapshotFile, TheInvolvementResolutionIsFreshOnlyWhenTablesAndResolutionBothAre) {
  TestWorkspace workspace;
  const auto path = workspace.root() / "tiny.snapshot";
  ExtractTables tables;
  tables.involvements = {{"C1", "P1", InvolvementRole::Suspect, "", std::nullopt, "", std::nullopt},
                         {"C1", "P2", InvolvementRole::Victim, "", std::nullopt, "", std::nullopt},
                         {"C2", "P3", InvolvementRole::Suspect, "", std::nullopt, "", std::nullopt}};
  ASSERT_TRUE(write_snapshot_file(path, SnapshotStamp{"t1", "r1"}, tables, {{"P1", 7}, {"P3", 7}}));
  const SnapshotRequest request{.involvement_resolution = true};
  auto read = read_snapshot_file(path, SnapshotStamp{"t1", "r1"}, request);
  ASSERT_TRUE(read && read->involvement_resolution);
  EXPECT_EQ(*read->involvement_resolution, (InvolvementResolution{7, 0, 7})) << "P2 was never resolved";
  EXPECT_FALSE(read_snapshot_file(path, SnapshotStamp{"t2", "r1"}, request)) << "a new import";
  EXPECT_FALSE(read_snapshot_file(path, SnapshotStamp{"t1", "r2"}, request)) << "a new linkage run";
}

TEST(SnapshotFile, TheCliSaysItWroteTheSnapshot) {
  TestWorkspace workspace;
  const auto extract = workspace.root() / "force";
  ASSERT_EQ(run_rasso("generate --crimes 50 --seed 3 --out " + extract.string()).exit_code, 0);
  const auto result = run_rasso("import " + extract.string() + " --db " + workspace.store_path().string());
  ASSERT_EQ(result.exit_code, 0) << result.output;
  EXPECT_NE(result.output.find("Snapshot for fast loading written to"), std::string::npos) << result.output;
}

}  // namespace
}  // namespace rasso

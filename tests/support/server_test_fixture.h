#pragma once
// ServerTestStore: a small generated store (two forces, identities resolved) with one demo user
// per role, for the server's integration tests, plus the configuration that keeps them fast
// (low argon2 cost, short lockout). Each test builds its own in its own temporary folder.

#include <gtest/gtest.h>

#include <set>
#include <string>

#include "support/http_test_client.h"
#include "support/rasso_command.h"
#include "support/test_workspace.h"
#include "core/field_spec.h"
#include "store/sqlite/sqlite_store.h"

namespace rasso::testing_support {

inline constexpr const char* kTestPassword = "correct horse battery";

class ServerTestStore {
 public:
  /// Generates `crimes` crimes (seed 11) into the workspace, imports, links and adds the users.
  explicit ServerTestStore(const TestWorkspace& workspace, int crimes = 150, const std::string& extra_config = {})
      : workspace_(workspace) {
    const auto extract = workspace.root() / "extract";
    const std::string db = " --db " + workspace.store_path().string();
    EXPECT_EQ(run_rasso("generate --crimes " + std::to_string(crimes) + " --seed 11 --out " + extract.string()).exit_code, 0);
    EXPECT_EQ(run_rasso("import " + extract.string() + db).exit_code, 0);
    EXPECT_EQ(run_rasso("link" + db).exit_code, 0);
    config_ = (workspace.root() / "rasso.toml").string();
    write_file(config_,
               "[security]\nargon2_ops_limit = 1\nargon2_mem_limit_kib = 64\nlockout_after_failures = 3\n"
               "login_attempts_per_user = 20\nlogin_attempts_per_address = 200\n[audit]\nflush_interval_ms = 2\n" +
                   extra_config);
    auto store = open_sqlite_store(workspace.store_path());
    EXPECT_TRUE(store);
    auto units = (*store)->rows(Entity::Units);
    EXPECT_TRUE(units);
    for (const auto& row : *units) {
      if (row[1] == "WD" && unit_.empty()) unit_ = row[0];
    }
    add_user("admin", "administrator", "WD");
    add_user("ivy", "investigator", "WD");
    add_user("walt", "investigator", "WM");
    add_user("sue", "supervisor", "WD");
    add_user("ann", "analyst", "WD");
    add_user("scott", "scrutiny", "WD");
    add_user("olly", "offender_manager", "WD");
    add_user("una", "investigator", "WD", unit_);
  }

  void add_user(const std::string& name, const std::string& role, const std::string& force, const std::string& unit = {}) {
    const auto result = run_rasso("user add " + name + " --role " + role + " --force " + force +
                                  (unit.empty() ? "" : " --unit " + unit) + " --password '" + kTestPassword + "' --config " +
                                  config_ + " --db " + workspace_.store_path().string());
    EXPECT_EQ(result.exit_code, 0) << result.output;
  }

  /// Arguments for `rasso serve` on this store.
  std::string serve_arguments() const {
    return "--db " + workspace_.store_path().string() + " --config " + config_ + " --web-dir " +
           (workspace_.root() / "no-web").string();
  }

  const std::string& unit() const { return unit_; }
  const std::string& config() const { return config_; }

 private:
  const TestWorkspace& workspace_;
  std::string config_;
  std::string unit_;
};

/// Every surname of three letters or more among the store's person records.
inline std::set<std::string> surnames_in_store(const TestWorkspace& workspace) {
  auto store = open_sqlite_store(workspace.store_path());
  std::set<std::string> surnames;
  const auto surname = *entity_spec(Entity::Persons).index_of("surname");
  const auto rows = (*store)->rows(Entity::Persons);  // kept alive: never range over a temporary
  for (const auto& row : *rows) {
    if (row[surname].size() >= 3) surnames.insert(row[surname]);
  }
  return surnames;
}

/// Fails (naming `what`) for each surname of `surnames` that `body` contains.
inline void expect_no_surname(const std::string& body, const std::set<std::string>& surnames, const std::string& what) {
  for (const std::string& surname : surnames) {
    EXPECT_EQ(body.find(surname), std::string::npos) << what << " shows the surname " << surname;
  }
}

}  // namespace rasso::testing_support

#pragma once
// What every subcommand shares: the store path option, the reference-data folder, the clock,
// and helpers to open the store and load code tables with errors printed the same way.

#include <CLI/CLI.hpp>

#include <filesystem>
#include <memory>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "core/civil_date.h"
#include "core/code_table.h"
#include "core/result.h"
#include "store/store.h"

namespace rasso::cli {

/// The store used when --db is not given: $RASSO_DB, else var/demo.db under the working folder.
std::string default_store_path();

struct CommandContext {
  int exit_code = 0;

  /// Adds `--db PATH` to `command`, bound to `path`.
  static void add_db_option(CLI::App& command, std::string& path);

  /// Opens the store, printing the error and setting exit_code on failure (returns nullptr).
  std::unique_ptr<Store> open_store(const std::string& path, bool create);
  /// Loads the code tables, printing the error and setting exit_code on failure.
  bool load_codes(CodeTables& codes);
  /// Parses --as-of (YYYY-MM-DD); an empty value means today. Prints the error and returns
  /// nullopt on a bad date.
  std::optional<CivilDate> parse_as_of(const std::string& text);
  /// Appends an audit event for this command; a failure to audit fails the command.
  void audit(Store& store, const std::string& action, const std::string& processing, const std::string& subject_type,
             const std::string& subject_id, const std::string& purpose, const nlohmann::json& details);
  /// Who is running the command, for the audit log: "cli:<login name>".
  std::string actor() const;
  /// After a command changed the store (import, link): brings the store's snapshot file up to
  /// date so the next load is a file read (store/extract_snapshot.h), saying so on stderr. A
  /// store that cannot be read fails the command; a snapshot that cannot be written only warns.
  /// `quiet` (for --json output) leaves out all but the warning.
  void refresh_snapshot(Store& store, bool quiet);
  /// Prints `error` as "rasso: <message>" and sets the matching exit code.
  void fail(const Error& error);
};

/// The current UTC time as ISO 8601 (seconds), the one place the CLI reads the clock.
std::string now_iso();

}  // namespace rasso::cli

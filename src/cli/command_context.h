#pragma once
// What every subcommand shares: the store path option, the reference-data folder, the clock,
// and helpers to open the store and load code tables with errors printed the same way.

#include <CLI/CLI.hpp>

#include <filesystem>
#include <memory>
#include <string>

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
  /// Who is running the command, for the audit log: "cli:<login name>".
  std::string actor() const;
  /// Prints `error` as "rasso: <message>" and sets the matching exit code.
  void fail(const Error& error);
};

/// The current UTC time as ISO 8601 (seconds), the one place the CLI reads the clock.
std::string now_iso();

}  // namespace rasso::cli

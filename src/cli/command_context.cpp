#include "cli/command_context.h"

#include <chrono>
#include <cstdlib>
#include <fmt/chrono.h>
#include <fmt/format.h>

#include "cli/exit_codes.h"
#include "ingest/reference_data.h"
#include "store/sqlite/sqlite_store.h"

namespace rasso::cli {

std::string default_store_path() {
  if (const char* path = std::getenv("RASSO_DB"); path != nullptr && *path != '\0') return path;
  return "var/demo.db";
}

void CommandContext::add_db_option(CLI::App& command, std::string& path) {
  path = default_store_path();
  command.add_option("--db", path, "Store file (default: $RASSO_DB or var/demo.db)");
}

std::unique_ptr<Store> CommandContext::open_store(const std::string& path, bool create) {
  if (create) {
    const auto parent = std::filesystem::path(path).parent_path();
    std::error_code error;
    if (!parent.empty()) std::filesystem::create_directories(parent, error);
  }
  auto store = open_sqlite_store(path, SqliteStoreOptions{create});
  if (!store) {
    fail(store.error());
    return nullptr;
  }
  return std::move(*store);
}

bool CommandContext::load_codes(CodeTables& codes) {
  auto loaded = load_code_tables(reference_data_dir());
  if (!loaded) {
    fail(loaded.error());
    return false;
  }
  codes = std::move(*loaded);
  return true;
}

std::string CommandContext::actor() const {
  const char* user = std::getenv("USER");
  return std::string("cli:") + (user != nullptr && *user != '\0' ? user : "unknown");
}

void CommandContext::fail(const Error& error) {
  fmt::print(stderr, "rasso: {}\n", error.message);
  exit_code = exit_code_for(error.code);
}

std::string now_iso() {
  const auto now = std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
  return fmt::format("{:%Y-%m-%dT%H:%M:%SZ}", now);
}

}  // namespace rasso::cli

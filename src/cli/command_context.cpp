#include "cli/command_context.h"

#include <pwd.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <fmt/chrono.h>
#include <fmt/format.h>

#include "cli/exit_codes.h"
#include "ingest/reference_data.h"
#include "store/extract_snapshot.h"
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

void CommandContext::refresh_snapshot(Store& store, bool quiet) {
  if (!quiet) fmt::print(stderr, "Writing the snapshot for fast loading...\n");
  const auto started = std::chrono::steady_clock::now();
  auto contents = load_store_contents(store);
  if (!contents) return fail(contents.error());
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  if (contents->snapshot_problem) {
    fmt::print(stderr, "warning: {} (later commands read the store instead, more slowly)\n",
               contents->snapshot_problem->message);
  } else if (contents->snapshot_written && !quiet) {
    fmt::print(stderr, "Snapshot for fast loading written to {} ({:.1f} s).\n", store.snapshot_path().string(), seconds);
  }
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
  if (user == nullptr || *user == '\0') {
    const passwd* entry = getpwuid(geteuid());
    user = entry != nullptr ? entry->pw_name : "unknown";
  }
  return std::string("cli:") + user;
}

std::optional<CivilDate> CommandContext::parse_as_of(const std::string& text) {
  if (text.empty()) {
    const auto today = std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now());
    return CivilDate::from_days(static_cast<std::int32_t>(today.time_since_epoch().count()));
  }
  const auto date = CivilDate::parse_iso(text);
  if (!date) fail(Error{"invalid_input", "--as-of '" + text + "': " + CivilDate::parse_iso_problem(text)});
  return date;
}

void CommandContext::audit(Store& store, const std::string& action, const std::string& processing,
                           const std::string& subject_type, const std::string& subject_id, const std::string& purpose,
                           const nlohmann::json& details) {
  AuditEvent event;
  event.occurred_at = now_iso();
  event.actor = actor();
  event.action = action;
  event.processing = processing;
  event.subject_type = subject_type;
  event.subject_id = subject_id;
  event.purpose = purpose;
  event.correlation_id = "cli-" + std::to_string(getpid()) + "-" + event.occurred_at;
  event.details_json = details.dump();
  auto appended = store.append_audit_event(event);
  if (!appended) fail(appended.error());
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

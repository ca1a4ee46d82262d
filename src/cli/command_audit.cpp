#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "cli/command_context.h"
#include "cli/commands.h"
#include "cli/exit_codes.h"

namespace rasso::cli {
namespace {

nlohmann::json event_json(const AuditEvent& event) {
  return {{"event_id", event.event_id},         {"occurred_at", event.occurred_at}, {"actor", event.actor},
          {"action", event.action},             {"processing", event.processing},   {"subject_type", event.subject_type},
          {"subject_id", event.subject_id},     {"purpose", event.purpose},         {"correlation_id", event.correlation_id},
          {"details", nlohmann::json::parse(event.details_json, nullptr, false)}, {"event_hash", event.event_hash}};
}

}  // namespace

void register_audit_command(CLI::App& app, CommandContext& context) {
  CLI::App* audit = app.add_subcommand("audit", "The append-only, hash-chained audit log");
  audit->require_subcommand(1);

  auto verify_db = std::make_shared<std::string>();
  CLI::App* verify = audit->add_subcommand("verify", "Check the hash chain; names the first edited or deleted event");
  CommandContext::add_db_option(*verify, *verify_db);
  verify->callback([verify_db, &context] {
    auto store = context.open_store(*verify_db, false);
    if (!store) return;
    auto report = store->verify_audit_log();
    if (!report) return context.fail(report.error());
    if (report->intact) {
      fmt::print("audit log intact: {} event(s) checked\n", report->events_checked);
      return;
    }
    fmt::print(stderr, "rasso: audit log BROKEN at event {}: {}\n", report->first_bad_event_id, report->problem);
    context.exit_code = kExitStore;
  });

  struct ListOptions {
    std::string db;
    std::int64_t after = 0;
    std::size_t limit = 50;
    std::string actor;
    std::string subject;
    bool json = false;
  };
  auto list_options = std::make_shared<ListOptions>();
  CLI::App* list = audit->add_subcommand("list", "List audit events, oldest first");
  CommandContext::add_db_option(*list, list_options->db);
  list->add_option("--after", list_options->after, "Only events after this id");
  list->add_option("--limit", list_options->limit, "At most this many (default 50)");
  list->add_option("--actor", list_options->actor, "Only this actor");
  list->add_option("--subject", list_options->subject, "Only this subject id");
  list->add_flag("--json", list_options->json, "Print as JSON");
  list->callback([list_options, &context] {
    auto store = context.open_store(list_options->db, false);
    if (!store) return;
    auto events = store->audit_events(list_options->after, list_options->limit, list_options->actor, list_options->subject);
    if (!events) return context.fail(events.error());
    if (list_options->json) {
      nlohmann::json out = {{"items", nlohmann::json::array()}};
      for (const AuditEvent& event : *events) out["items"].push_back(event_json(event));
      fmt::print("{}\n", out.dump(2));
      return;
    }
    for (const AuditEvent& event : *events) {
      fmt::print("{:>6}  {}  {:<18} {:<14} {:<12} {}:{}  purpose: {}\n", event.event_id, event.occurred_at, event.actor,
                 event.action, event.processing, event.subject_type, event.subject_id, event.purpose);
    }
  });
}

}  // namespace rasso::cli

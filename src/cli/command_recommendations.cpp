// rasso recommendations: the inspection recommendations tracker — import, owners, actions,
// evidence, validated status changes, overdue actions and a CSV export. Every change is audited
// and keeps history; nothing is deleted.

#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "analytics/recommendation_progress.h"
#include "cli/cli_audit_event.h"
#include "cli/command_context.h"
#include "cli/commands.h"
#include "cli/tabular_output.h"
#include "ingest/recommendation_file.h"
#include "reports/export_csv.h"
#include "reports/recommendations_export.h"
#include "store/governance_loading.h"

namespace rasso::cli {
namespace {

constexpr const char* kPurpose = "inspection governance";

std::string date_text(const std::optional<CivilDate>& date) { return date ? date->to_iso() : ""; }

nlohmann::json recommendation_json(const Recommendation& rec) {
  return {{"id", rec.rec_id},         {"source", rec.source},       {"number", rec.number},
          {"summary", rec.summary},   {"area", rec.area},           {"audience", rec.audience},
          {"for_forces", rec.for_forces}, {"due_date", date_text(rec.due_date)}, {"owner", rec.owner},
          {"status", recommendation_status_code(rec.status)}, {"status_note", rec.status_note},
          {"version", rec.version},   {"updated_by", rec.updated_by}, {"updated_at", rec.updated_at}};
}

nlohmann::json action_json(const RecommendationAction& action, CivilDate as_of) {
  const bool overdue = action_overdue(action.status, action.due_date, as_of);
  return {{"action_id", action.action_id}, {"description", action.description}, {"owner", action.owner},
          {"due_date", action.due_date.to_iso()}, {"status", action_status_code(action.status)}, {"note", action.note},
          {"overdue", overdue}, {"days_overdue", overdue ? action.due_date.days_until(as_of) : 0},
          {"version", action.version}, {"updated_by", action.updated_by}, {"updated_at", action.updated_at}};
}

std::unique_ptr<Store> open(CommandContext& context, const std::string& db) { return context.open_store(db, false); }

void register_import(CLI::App& parent, CommandContext& context) {
  struct Options {
    std::string db, file, source = "HMICFRS 2024: progress to introduce a national operating model for RASSO investigations",
                           prefix = "HMICFRS-2024";
  };
  auto options = std::make_shared<Options>();
  CLI::App* command = parent.add_subcommand("import", "Load an inspection's recommendations from CSV (default: the HMICFRS 2024 fourteen)");
  command->add_option("file", options->file, "CSV with number, due, for, area, summary (default: the shipped 2024 file)");
  command->add_option("--source", options->source, "The report they come from");
  command->add_option("--prefix", options->prefix, "Id prefix, letters, digits and '-' (default HMICFRS-2024)");
  CommandContext::add_db_option(*command, options->db);
  command->callback([options, &context] {
    if (options->prefix.empty() || options->prefix.size() > 40 ||
        options->prefix.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-") != std::string::npos) {
      return context.fail(Error{"invalid_input", "--prefix '" + options->prefix + "' must be 1-40 letters, digits or '-'"});
    }
    const std::filesystem::path file = options->file.empty() ? default_recommendations_file() : std::filesystem::path(options->file);
    auto recommendations = read_recommendations_csv(file, options->source, options->prefix);
    if (!recommendations) return context.fail(recommendations.error());
    auto store = open(context, options->db);
    if (!store) return;
    auto count = store->governance().import_recommendations(
        *recommendations, cli_audit_event(context, "recommendations.import", "collection", "recommendation",
                                          options->prefix, kPurpose, {{"file", file.filename().string()},
                                                                      {"rows", recommendations->size()}}));
    if (!count) return context.fail(count.error());
    fmt::print("{} recommendation(s) from {}: {} added, {} changed (previous versions kept), {} unchanged.\n",
               recommendations->size(), file.filename().string(), count->added, count->changed, count->unchanged);
  });
}

void register_list(CLI::App& parent, CommandContext& context) {
  struct Options {
    std::string db, status, as_of;
    bool for_forces = false, json = false, csv = false;
  };
  auto options = std::make_shared<Options>();
  CLI::App* command = parent.add_subcommand("list", "Every tracked recommendation with its owner, status and actions");
  CommandContext::add_db_option(*command, options->db);
  command->add_option("--status", options->status, "Only this status: open, in_progress, evidence_submitted, closed");
  command->add_flag("--for-forces", options->for_forces, "Only those addressed to forces");
  command->add_option("--as-of", options->as_of, "Date overdue is judged on (default today)");
  command->add_flag("--json", options->json, "Print JSON");
  command->add_flag("--csv", options->csv, "Print CSV");
  command->callback([options, &context] {
    const auto as_of = context.parse_as_of(options->as_of);
    if (!as_of) return;
    std::optional<RecommendationStatus> wanted;
    if (!options->status.empty()) {
      wanted = parse_recommendation_status(options->status);
      if (!wanted) return context.fail(Error{"invalid_input", "--status '" + options->status + "': use open, in_progress, evidence_submitted or closed"});
    }
    auto store = open(context, options->db);
    if (!store) return;
    auto tracker = load_recommendation_tracker(*store);
    if (!tracker) return context.fail(tracker.error());
    const auto progress = recommendation_progress(tracker->recommendations, tracker->actions, tracker->evidence, *as_of);
    context.audit(*store, "recommendations.view", "consultation", "recommendation", "list", kPurpose, {{"status", options->status}});
    if (context.exit_code != 0) return;
    TabularOutput table;
    table.columns = {"id", "due_date", "for_forces", "status", "owner", "actions", "open_actions", "overdue_actions",
                     "evidence", "summary"};
    for (const Recommendation& rec : tracker->recommendations) {
      if (wanted && rec.status != *wanted) continue;
      if (options->for_forces && !rec.for_forces) continue;
      const RecommendationProgress& done = progress.at(rec.rec_id);
      table.add({rec.rec_id, date_text(rec.due_date), rec.for_forces ? "yes" : "no",
                 std::string(recommendation_status_code(rec.status)), rec.owner, std::to_string(done.actions),
                 std::to_string(done.open_actions), std::to_string(done.overdue_actions), std::to_string(done.evidence_items),
                 rec.summary});
    }
    if (options->csv) return table.print_csv();
    if (options->json) {
      fmt::print("{}\n", nlohmann::json({{"total", table.rows.size()},
                                         {"items", table.items({"actions", "open_actions", "overdue_actions", "evidence"})}})
                             .dump(2));
      return;
    }
    table.print_table();
  });
}

void register_show(CLI::App& parent, CommandContext& context) {
  struct Options {
    std::string db, id, as_of;
    bool json = false;
  };
  auto options = std::make_shared<Options>();
  CLI::App* command = parent.add_subcommand("show", "One recommendation: owner, status, actions, evidence and its history");
  command->add_option("id", options->id, "Recommendation id, e.g. HMICFRS-2024-03")->required();
  CommandContext::add_db_option(*command, options->db);
  command->add_option("--as-of", options->as_of, "Date overdue is judged on (default today)");
  command->add_flag("--json", options->json, "Print JSON");
  command->callback([options, &context] {
    const auto as_of = context.parse_as_of(options->as_of);
    if (!as_of) return;
    auto store = open(context, options->db);
    if (!store) return;
    GovernanceStore& governance = store->governance();
    auto rec = governance.recommendation(options->id);
    if (!rec) return context.fail(rec.error());
    auto actions = governance.recommendation_actions(options->id);
    auto evidence = governance.recommendation_evidence(options->id);
    auto events = governance.recommendation_events(options->id);
    if (!actions) return context.fail(actions.error());
    if (!evidence) return context.fail(evidence.error());
    if (!events) return context.fail(events.error());
    context.audit(*store, "recommendation.view", "consultation", "recommendation", options->id, kPurpose, nlohmann::json::object());
    if (context.exit_code != 0) return;
    nlohmann::json out = recommendation_json(*rec);
    out["actions"] = nlohmann::json::array();
    for (const RecommendationAction& action : *actions) out["actions"].push_back(action_json(action, *as_of));
    out["evidence"] = nlohmann::json::array();
    for (const EvidenceItem& item : *evidence) {
      out["evidence"].push_back({{"evidence_id", item.evidence_id}, {"description", item.description},
                                 {"reference", item.reference}, {"added_by", item.added_by}, {"added_at", item.added_at}});
    }
    out["history"] = nlohmann::json::array();
    for (const RecommendationEvent& event : *events) {
      out["history"].push_back({{"at", event.at}, {"by", event.by}, {"change", event.change}, {"note", event.note}});
    }
    if (options->json) {
      fmt::print("{}\n", out.dump(2));
      return;
    }
    fmt::print("{} ({}, recommendation {})\n{}\n", rec->rec_id, rec->source, rec->number, rec->summary);
    fmt::print("For: {}{}. Due: {}. Owner: {}. Status: {}{}\n", rec->audience, rec->for_forces ? " (forces)" : "",
               date_text(rec->due_date).empty() ? "-" : date_text(rec->due_date), rec->owner.empty() ? "(none)" : rec->owner,
               recommendation_status_code(rec->status), rec->status_note.empty() ? "" : " - " + rec->status_note);
    fmt::print("\nActions:\n");
    for (const auto& action : out["actions"]) {
      fmt::print("  [{}] {} (owner {}, due {}, {}{}) {}\n", action["action_id"].get<std::int64_t>(),
                 action["description"].get<std::string>(), action["owner"].get<std::string>(),
                 action["due_date"].get<std::string>(), action["status"].get<std::string>(),
                 action["overdue"].get<bool>() ? ", OVERDUE" : "", action["note"].get<std::string>());
    }
    fmt::print("\nEvidence:\n");
    for (const EvidenceItem& item : *evidence) fmt::print("  [{}] {} {}\n", item.evidence_id, item.description, item.reference);
    fmt::print("\nHistory:\n");
    for (const RecommendationEvent& event : *events) {
      fmt::print("  {} {}: {}{}\n", event.at, event.by, event.change, event.note.empty() ? "" : " (" + event.note + ")");
    }
  });
}

void register_owner(CLI::App& parent, CommandContext& context) {
  struct Options {
    std::string db, id, owner;
  };
  auto options = std::make_shared<Options>();
  CLI::App* command = parent.add_subcommand("owner", "Set a recommendation's owner (executive lead)");
  command->add_option("id", options->id, "Recommendation id")->required();
  command->add_option("owner", options->owner, "Executive lead, e.g. 'ACC Public Protection'")->required();
  CommandContext::add_db_option(*command, options->db);
  command->callback([options, &context] {
    auto store = open(context, options->db);
    if (!store) return;
    Status done = store->governance().set_recommendation_owner(
        options->id, options->owner,
        cli_audit_event(context, "recommendation.owner", "alteration", "recommendation", options->id, kPurpose,
                        {{"owner", options->owner}}));
    if (!done) return context.fail(done.error());
    fmt::print("{}: owner is now {}.\n", options->id, options->owner);
  });
}

void register_action_add(CLI::App& parent, CommandContext& context) {
  struct Options {
    std::string db, id, description, owner, due;
  };
  auto options = std::make_shared<Options>();
  CLI::App* command = parent.add_subcommand("action-add", "Add an action to a recommendation");
  command->add_option("id", options->id, "Recommendation id")->required();
  command->add_option("--description", options->description, "What will be done")->required();
  command->add_option("--owner", options->owner, "Who will do it")->required();
  command->add_option("--due", options->due, "By when, YYYY-MM-DD")->required();
  CommandContext::add_db_option(*command, options->db);
  command->callback([options, &context] {
    const auto due = CivilDate::parse_iso(options->due);
    if (!due) return context.fail(Error{"invalid_input", "--due '" + options->due + "': " + CivilDate::parse_iso_problem(options->due)});
    auto store = open(context, options->db);
    if (!store) return;
    RecommendationAction action;
    action.rec_id = options->id;
    action.description = options->description;
    action.owner = options->owner;
    action.due_date = *due;
    auto id = store->governance().add_recommendation_action(
        action, cli_audit_event(context, "recommendation.action.add", "alteration", "recommendation", options->id, kPurpose,
                                {{"description", options->description}, {"owner", options->owner}, {"due", options->due}}));
    if (!id) return context.fail(id.error());
    fmt::print("{}: action {} added.\n", options->id, *id);
  });
}

void register_action_status(CLI::App& parent, CommandContext& context) {
  struct Options {
    std::string db, id, status, note;
    std::int64_t action_id = 0;
  };
  auto options = std::make_shared<Options>();
  CLI::App* command = parent.add_subcommand("action-status", "Move an action to open, in_progress or closed (closing needs --note)");
  command->add_option("id", options->id, "Recommendation id")->required();
  command->add_option("action", options->action_id, "Action id")->required();
  command->add_option("status", options->status, "open, in_progress or closed")->required();
  command->add_option("--note", options->note, "What was done (closing) or why (reopening)");
  CommandContext::add_db_option(*command, options->db);
  command->callback([options, &context] {
    const auto to = parse_action_status(options->status);
    if (!to) return context.fail(Error{"invalid_input", "status '" + options->status + "': use open, in_progress or closed"});
    auto store = open(context, options->db);
    if (!store) return;
    Status done = store->governance().change_action_status(
        options->id, options->action_id, *to, options->note,
        cli_audit_event(context, "recommendation.action.status", "alteration", "recommendation", options->id, kPurpose,
                        {{"action_id", options->action_id}, {"status", options->status}, {"note", options->note}}));
    if (!done) return context.fail(done.error());
    fmt::print("{}: action {} is now {}.\n", options->id, options->action_id, action_status_code(*to));
  });
}

void register_evidence_add(CLI::App& parent, CommandContext& context) {
  struct Options {
    std::string db, id, description, reference;
  };
  auto options = std::make_shared<Options>();
  CLI::App* command = parent.add_subcommand("evidence-add", "Add an evidence item to a recommendation");
  command->add_option("id", options->id, "Recommendation id")->required();
  command->add_option("--description", options->description, "What the evidence shows")->required();
  command->add_option("--reference", options->reference, "Where it is held (document reference)");
  CommandContext::add_db_option(*command, options->db);
  command->callback([options, &context] {
    auto store = open(context, options->db);
    if (!store) return;
    EvidenceItem item;
    item.rec_id = options->id;
    item.description = options->description;
    item.reference = options->reference;
    auto id = store->governance().add_recommendation_evidence(
        item, cli_audit_event(context, "recommendation.evidence.add", "alteration", "recommendation", options->id, kPurpose,
                              {{"description", options->description}, {"reference", options->reference}}));
    if (!id) return context.fail(id.error());
    fmt::print("{}: evidence {} added.\n", options->id, *id);
  });
}

void register_status(CLI::App& parent, CommandContext& context) {
  struct Options {
    std::string db, id, status, note;
  };
  auto options = std::make_shared<Options>();
  CLI::App* command = parent.add_subcommand(
      "status", "Move a recommendation: open -> in_progress -> evidence_submitted -> closed (closing needs --note)");
  command->add_option("id", options->id, "Recommendation id")->required();
  command->add_option("status", options->status, "in_progress, evidence_submitted or closed")->required();
  command->add_option("--note", options->note, "Closure note, or the reason for going back");
  CommandContext::add_db_option(*command, options->db);
  command->callback([options, &context] {
    const auto to = parse_recommendation_status(options->status);
    if (!to) {
      return context.fail(Error{"invalid_input", "status '" + options->status + "': use open, in_progress, evidence_submitted or closed"});
    }
    auto store = open(context, options->db);
    if (!store) return;
    Status done = store->governance().change_recommendation_status(
        options->id, *to, options->note,
        cli_audit_event(context, "recommendation.status", "alteration", "recommendation", options->id, kPurpose,
                        {{"status", options->status}, {"note", options->note}}));
    if (!done) return context.fail(done.error());
    fmt::print("{} is now {}.\n", options->id, recommendation_status_code(*to));
  });
}

void register_overdue(CLI::App& parent, CommandContext& context) {
  struct Options {
    std::string db, as_of;
    bool json = false, csv = false;
  };
  auto options = std::make_shared<Options>();
  CLI::App* command = parent.add_subcommand("overdue", "Actions past their due date, and recommendations past theirs, not closed");
  CommandContext::add_db_option(*command, options->db);
  command->add_option("--as-of", options->as_of, "Date, YYYY-MM-DD (default today)");
  command->add_flag("--json", options->json, "Print JSON");
  command->add_flag("--csv", options->csv, "Print CSV");
  command->callback([options, &context] {
    const auto as_of = context.parse_as_of(options->as_of);
    if (!as_of) return;
    auto store = open(context, options->db);
    if (!store) return;
    auto recommendations = store->governance().recommendations();
    if (!recommendations) return context.fail(recommendations.error());
    auto actions = store->governance().recommendation_actions("");
    if (!actions) return context.fail(actions.error());
    context.audit(*store, "recommendations.overdue.view", "consultation", "recommendation", "overdue", kPurpose,
                  {{"as_of", as_of->to_iso()}});
    if (context.exit_code != 0) return;
    TabularOutput table;
    table.columns = {"kind", "id", "action_id", "due_date", "days_overdue", "owner", "status", "description"};
    for (const RecommendationAction& action : *actions) {
      if (!action_overdue(action.status, action.due_date, *as_of)) continue;
      table.add({"action", action.rec_id, std::to_string(action.action_id), action.due_date.to_iso(),
                 std::to_string(action.due_date.days_until(*as_of)), action.owner,
                 std::string(action_status_code(action.status)), action.description});
    }
    for (const Recommendation& rec : *recommendations) {
      if (!recommendation_overdue(rec.status, rec.due_date, *as_of)) continue;
      table.add({"recommendation", rec.rec_id, "", rec.due_date->to_iso(), std::to_string(rec.due_date->days_until(*as_of)),
                 rec.owner, std::string(recommendation_status_code(rec.status)), rec.summary});
    }
    std::stable_sort(table.rows.begin(), table.rows.end(),
                     [](const auto& a, const auto& b) { return std::stoi(a[4]) > std::stoi(b[4]); });
    if (options->csv) return table.print_csv();
    if (options->json) {
      fmt::print("{}\n", nlohmann::json({{"as_of", as_of->to_iso()}, {"total", table.rows.size()},
                                         {"items", table.items({"action_id", "days_overdue"})}})
                             .dump(2));
      return;
    }
    fmt::print("{} overdue as of {}, most overdue first.\n\n", table.rows.size(), as_of->to_iso());
    table.print_table();
  });
}

void register_export(CLI::App& parent, CommandContext& context) {
  struct Options {
    std::string db, out, as_of;
  };
  auto options = std::make_shared<Options>();
  CLI::App* command = parent.add_subcommand(
      "export", "Write the tracker as CSV: one row per recommendation (owner, status, overdue, counts) and per action");
  command->add_option("--out", options->out, "CSV file to write")->required();
  command->add_option("--as-of", options->as_of, "Date overdue is judged on (default today)");
  CommandContext::add_db_option(*command, options->db);
  command->callback([options, &context] {
    const auto as_of = context.parse_as_of(options->as_of);
    if (!as_of) return;
    auto store = open(context, options->db);
    if (!store) return;
    auto tracker = load_recommendation_tracker(*store);
    if (!tracker) return context.fail(tracker.error());
    const ExportTable table = recommendations_table(tracker->recommendations, tracker->actions, tracker->evidence, *as_of);
    if (Status written = write_export_csv(table, options->out); !written) return context.fail(written.error());
    context.audit(*store, "recommendations.export", "disclosure", "recommendation", "export", kPurpose,
                  {{"file", std::filesystem::path(options->out).filename().string()},
                   {"recommendations", tracker->recommendations.size()}, {"actions", tracker->actions.size()}});
    if (context.exit_code != 0) return;
    fmt::print("Wrote {} recommendation(s) and {} action(s) to {}.\n", tracker->recommendations.size(), tracker->actions.size(), options->out);
  });
}

}  // namespace

void register_recommendations_command(CLI::App& app, CommandContext& context) {
  CLI::App* recommendations = app.add_subcommand(
      "recommendations", "Inspection recommendations tracker: owners, actions, evidence, status, overdue actions, export");
  recommendations->require_subcommand(1);
  register_import(*recommendations, context);
  register_list(*recommendations, context);
  register_show(*recommendations, context);
  register_owner(*recommendations, context);
  register_action_add(*recommendations, context);
  register_action_status(*recommendations, context);
  register_evidence_add(*recommendations, context);
  register_status(*recommendations, context);
  register_overdue(*recommendations, context);
  register_export(*recommendations, context);
}

}  // namespace rasso::cli

#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "cli/command_context.h"
#include "cli/commands.h"
#include "analytics/offence_facts.h"
#include "store/extract_snapshot.h"
#include "ingest/bank_holiday_file.h"
#include "ingest/csv_writer.h"
#include "ingest/reference_data.h"
#include "worklists/worklist.h"

namespace rasso::cli {

void register_worklist_command(CLI::App& app, CommandContext& context) {
  struct Options {
    std::string name;
    std::string db;
    std::string as_of;
    WorklistFilter filter;
    std::size_t limit = 50;
    bool json = false;
    bool csv = false;
  };
  auto options = std::make_shared<Options>();
  CLI::App* command = app.add_subcommand("worklist", "Safeguarding worklists: what needs doing, by whom, by when, and why");
  command->add_option("name", options->name, "bail, orders, breaches, s63g or victims")
      ->required()
      ->check(CLI::IsMember({"bail", "orders", "breaches", "s63g", "victims"}));
  CommandContext::add_db_option(*command, options->db);
  command->add_option("--as-of", options->as_of, "Date the worklist is for, YYYY-MM-DD (default today)");
  command->add_option("--force", options->filter.force_code, "Only this force");
  command->add_option("--unit", options->filter.unit_ref, "Only this unit");
  command->add_option("--officer", options->filter.officer_ref, "Only this officer in charge");
  command->add_option("--limit", options->limit, "Table: show the first N (default 50); JSON and CSV list all");
  command->add_flag("--json", options->json, "Print one object with an items array");
  command->add_flag("--csv", options->csv, "Print as CSV");
  command->callback([options, &context] {
    const auto as_of = context.parse_as_of(options->as_of);
    if (!as_of) return;
    CodeTables codes;
    if (!context.load_codes(codes)) return;
    auto holidays = load_bank_holidays(reference_data_dir());
    if (!holidays) return context.fail(holidays.error());
    auto rules = make_worklist_rules(codes, *holidays);
    if (!rules) return context.fail(rules.error());
    auto store = context.open_store(options->db, false);
    if (!store) return;
    auto tables = load_extract_tables(*store, {Entity::Officers, Entity::Crimes, Entity::Persons, Entity::Involvements,
                                               Entity::Arrests, Entity::Bail, Entity::Orders, Entity::Breaches,
                                               Entity::VictimContacts, Entity::Biometrics});
    if (!tables) return context.fail(tables.error());
    const WorklistSnapshot snapshot(std::move(*tables));
    const WorklistKind kind = *worklist_from_name(options->name);
    const auto items = run_worklist(kind, snapshot, *rules, *as_of, options->filter);
    context.audit(*store, "worklist.view", "consultation", "worklist", options->name, "safeguarding",
                  {{"as_of", as_of->to_iso()}, {"items", items.size()}, {"force", options->filter.force_code},
                   {"unit", options->filter.unit_ref}, {"officer", options->filter.officer_ref}});
    if (options->json) {
      nlohmann::json out = {{"worklist", options->name}, {"as_of", as_of->to_iso()}, {"total", items.size()},
                            {"items", nlohmann::json::array()}};
      for (const WorklistItem& item : items) {
        nlohmann::json entry = nlohmann::json::object();
        for (const auto& [name, value] : worklist_item_fields(item)) {
          entry[std::string(name)] = name == "days_overdue" ? nlohmann::json(item.days_overdue) : nlohmann::json(value);
        }
        out["items"].push_back(std::move(entry));
      }
      fmt::print("{}\n", out.dump(2));
      return;
    }
    if (options->csv) {
      bool header = true;
      for (const WorklistItem& item : items) {
        const auto fields = worklist_item_fields(item);
        if (header) {
          std::string line;
          for (const auto& [name, value] : fields) line += (line.empty() ? "" : ",") + std::string(name);
          fmt::print("{}\n", line);
          header = false;
        }
        std::string line;
        for (std::size_t i = 0; i < fields.size(); ++i) line += (i ? "," : "") + csv_escape(fields[i].second, true);
        fmt::print("{}\n", line);
      }
      return;
    }
    fmt::print("{} worklist as of {}: {} item(s), most urgent first.\n\n", options->name, as_of->to_iso(), items.size());
    fmt::print("{:>8}  {:<10}  {:<34} {:<16} {:<16} {:<12} {}\n", "overdue", "due", "kind", "record", "person", "officer", "why");
    for (std::size_t i = 0; i < items.size() && i < options->limit; ++i) {
      const WorklistItem& item = items[i];
      fmt::print("{:>8}  {:<10}  {:<34} {:<16} {:<16} {:<12} {}\n",
                 item.days_overdue >= 0 ? fmt::format("{}d", item.days_overdue) : fmt::format("in {}d", -item.days_overdue),
                 item.due_date.to_iso(), item_kind_code(item.kind), item.record_ref, item.person_ref, item.officer_ref,
                 item.reason);
    }
    if (items.size() > options->limit) fmt::print("... and {} more (--limit, --json or --csv for all)\n", items.size() - options->limit);
  });
}

}  // namespace rasso::cli

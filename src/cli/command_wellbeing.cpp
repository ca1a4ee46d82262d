// rasso wellbeing record|overdue: well-being check-in dates (never their content) and who is due.

#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "cli/cli_audit_event.h"
#include "cli/command_context.h"
#include "cli/commands.h"
#include "cli/tabular_output.h"
#include "store/extract_snapshot.h"
#include "worklists/wellbeing_schedule.h"

namespace rasso::cli {
namespace {

void register_record(CLI::App& parent, CommandContext& context) {
  struct Options {
    std::string db, officer, date;
  };
  auto options = std::make_shared<Options>();
  CLI::App* command = parent.add_subcommand("record", "Record that an officer had a well-being check-in (the date only)");
  command->add_option("officer", options->officer, "Officer reference")->required();
  command->add_option("--date", options->date, "Date of the check-in, YYYY-MM-DD")->required();
  CommandContext::add_db_option(*command, options->db);
  command->callback([options, &context] {
    const auto date = CivilDate::parse_iso(options->date);
    if (!date) {
      return context.fail(Error{"invalid_input", "--date '" + options->date + "': " + CivilDate::parse_iso_problem(options->date)});
    }
    auto store = context.open_store(options->db, false);
    if (!store) return;
    auto id = store->governance().record_wellbeing_checkin(
        options->officer, *date,
        cli_audit_event(context, "wellbeing.record", "collection", "officer", options->officer, "officer well-being",
                        {{"checkin_date", date->to_iso()}}));
    if (!id) return context.fail(id.error());
    fmt::print("Check-in {} recorded for {} on {}.\n", *id, options->officer, date->to_iso());
  });
}

void register_overdue(CLI::App& parent, CommandContext& context) {
  struct Options {
    std::string db, as_of, roles = "investigator";
    WellbeingRules rules;
    WorklistFilter filter;
    bool all = false, json = false, csv = false;
  };
  auto options = std::make_shared<Options>();
  CLI::App* command = parent.add_subcommand("overdue", "Officers whose well-being check-in is overdue or due soon");
  CommandContext::add_db_option(*command, options->db);
  command->add_option("--as-of", options->as_of, "Date, YYYY-MM-DD (default today)");
  command->add_option("--interval-months", options->rules.interval_months, "Months between check-ins (default 6)")
      ->check(CLI::Range(1, 60));
  command->add_option("--roles", options->roles, "Roles that need check-ins, separated by ';' (default investigator)");
  command->add_option("--warning-days", options->rules.warning_days, "Also list those due within N days (default 30)")
      ->check(CLI::Range(0, 365));
  command->add_option("--unit", options->filter.unit_ref, "Only this unit");
  command->add_flag("--all", options->all, "List every officer's position, not only those due");
  command->add_flag("--json", options->json, "Print JSON");
  command->add_flag("--csv", options->csv, "Print CSV");
  command->callback([options, &context] {
    const auto as_of = context.parse_as_of(options->as_of);
    if (!as_of) return;
    options->rules.roles = parse_role_list(options->roles);
    auto store = context.open_store(options->db, false);
    if (!store) return;
    auto tables = load_extract_tables(*store, {Entity::Units, Entity::Officers});
    if (!tables) return context.fail(tables.error());
    auto stored = store->governance().wellbeing_checkins();
    if (!stored) return context.fail(stored.error());
    std::vector<WellbeingCheckinDate> checkins;
    for (const WellbeingCheckin& checkin : *stored) checkins.push_back({checkin.officer_ref, checkin.checkin_date});
    const auto statuses = wellbeing_schedule(tables->officers, checkins, *as_of, options->rules);
    context.audit(*store, "wellbeing.view", "consultation", "worklist", "wellbeing", "officer well-being",
                  {{"as_of", as_of->to_iso()}, {"interval_months", options->rules.interval_months}});
    if (context.exit_code != 0) return;
    TabularOutput table;
    table.columns = {"officer", "unit", "last_checkin", "due_date", "days_overdue"};
    for (const WellbeingStatus& status : statuses) {
      if (!options->filter.unit_ref.empty() && status.unit_ref != options->filter.unit_ref) continue;
      if (!options->all && -status.days_overdue > options->rules.warning_days) continue;
      table.add({std::string(status.officer_ref), std::string(status.unit_ref),
                 status.last_checkin ? status.last_checkin->to_iso() : "", status.due_date.to_iso(),
                 std::to_string(status.days_overdue)});
    }
    std::stable_sort(table.rows.begin(), table.rows.end(),
                     [](const auto& a, const auto& b) { return std::stoi(a[4]) > std::stoi(b[4]); });
    if (options->csv) return table.print_csv();
    if (options->json) {
      fmt::print("{}\n", nlohmann::json({{"as_of", as_of->to_iso()}, {"interval_months", options->rules.interval_months},
                                         {"total", table.rows.size()}, {"items", table.items({"days_overdue"})}})
                             .dump(2));
      return;
    }
    fmt::print("Well-being check-ins every {} months for {}: {} officer(s) overdue or due within {} days, as of {}.\n\n",
               options->rules.interval_months, options->roles, table.rows.size(), options->rules.warning_days,
               as_of->to_iso());
    table.print_table();
  });
}

}  // namespace

void register_wellbeing_command(CLI::App& app, CommandContext& context) {
  CLI::App* wellbeing = app.add_subcommand("wellbeing", "Well-being check-ins: record the date of one, list who is overdue");
  wellbeing->require_subcommand(1);
  register_record(*wellbeing, context);
  register_overdue(*wellbeing, context);
}

}  // namespace rasso::cli

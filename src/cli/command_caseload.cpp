// rasso caseload: open crimes per officer in charge, median and maximum, month by month.

#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "analytics/caseload.h"
#include "cli/command_context.h"
#include "cli/commands.h"
#include "cli/tabular_output.h"
#include "store/extract_snapshot.h"

namespace rasso::cli {

void register_caseload_command(CLI::App& app, CommandContext& context) {
  struct Options {
    std::string db, as_of, by = "unit", unit;
    int months = 12;
    bool json = false, csv = false;
    std::size_t limit = 200;
  };
  auto options = std::make_shared<Options>();
  CLI::App* command = app.add_subcommand(
      "caseload", "Investigator caseload: open crimes per officer on each month's last day, median and maximum");
  CommandContext::add_db_option(*command, options->db);
  command->add_option("--by", options->by, "unit (default) or officer")->check(CLI::IsMember({"unit", "officer"}));
  command->add_option("--months", options->months, "Months of snapshots, ending with the as-of date (default 12)")
      ->check(CLI::Range(1, 240));
  command->add_option("--as-of", options->as_of, "Last snapshot date, YYYY-MM-DD (default today)");
  command->add_option("--unit", options->unit, "Only this unit's rows (the ALL rows still cover every unit)");
  command->add_option("--limit", options->limit, "Table: show the first N rows (default 200)");
  command->add_flag("--json", options->json, "Print JSON");
  command->add_flag("--csv", options->csv, "Print CSV");
  command->callback([options, &context] {
    const auto as_of = context.parse_as_of(options->as_of);
    if (!as_of) return;
    auto store = context.open_store(options->db, false);
    if (!store) return;
    auto tables = load_extract_tables(*store, {Entity::Officers, Entity::Crimes});
    if (!tables) return context.fail(tables.error());
    const auto rows = caseload_series(tables->crimes, tables->officers, *as_of, options->months,
                                      options->by == "unit" ? CaseloadGrouping::Unit : CaseloadGrouping::Officer);
    context.audit(*store, "caseload.view", "consultation", "caseload", options->by, "workforce governance",
                  {{"as_of", as_of->to_iso()}, {"months", options->months}});
    if (context.exit_code != 0) return;
    TabularOutput table;
    const bool by_officer = options->by == "officer";
    table.columns = {"date", options->by};
    if (by_officer) table.columns.push_back("unit");
    for (const char* name : {"officers", "open_crimes", "median", "maximum"}) table.columns.push_back(name);
    for (const CaseloadRow& row : rows) {
      if (!options->unit.empty() && row.group != "ALL" && row.unit_ref != options->unit) continue;
      std::vector<std::string> cells = {row.date.to_iso(), row.group};
      if (by_officer) cells.push_back(row.unit_ref);
      for (std::string value : {std::to_string(row.officers), std::to_string(row.open_crimes), fmt::format("{:g}", row.median),
                                std::to_string(row.maximum)}) {
        cells.push_back(std::move(value));
      }
      table.add(std::move(cells));
    }
    if (options->csv) return table.print_csv();
    if (options->json) {
      fmt::print("{}\n", nlohmann::json({{"as_of", as_of->to_iso()}, {"by", options->by}, {"months", options->months},
                                         {"items", table.items({"officers", "open_crimes", "median", "maximum"})}})
                             .dump(2));
      return;
    }
    fmt::print("Open crimes per officer in charge (investigators in post with none count as 0), by {}.\n\n", options->by);
    table.print_table(options->limit);
  });
}

}  // namespace rasso::cli

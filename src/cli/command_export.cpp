// rasso export: KPI tables, the crime list, the repeat-suspect list and each worklist as CSV or
// XLSX, with spreadsheet formulas neutralised and people pseudonymised unless --names is given.
// Every export is audited as a disclosure.

#include <fmt/format.h>

#include <unordered_map>

#include "analytics/kpi_engine.h"
#include "cli/command_context.h"
#include "cli/commands.h"
#include "cli/kpi_snapshot.h"
#include "core/field_spec.h"
#include "ingest/bank_holiday_file.h"
#include "ingest/reference_data.h"
#include "reports/case_list_export.h"
#include "reports/export_csv.h"
#include "reports/export_xlsx.h"
#include "reports/kpi_export.h"
#include "server/pseudonymiser.h"
#include "store/extract_snapshot.h"
#include "worklists/worklist.h"
#include "worklists/worklist_rules.h"
#include "worklists/worklist_snapshot.h"

namespace rasso::cli {
namespace {

struct ExportOptions {
  std::string name;
  std::string db;
  std::string format = "csv";
  std::string out;
  std::string as_of;
  std::string force;
  std::string unit;
  std::string from;
  std::string to;
  std::string period;
  std::string by;
  std::string purpose = "case work";
  bool names = false;
  bool pseudonymise = true;
  int threshold = 5;
};

const std::vector<std::string>& export_names() {
  static const std::vector<std::string> names = {"kpis",           "crimes",          "repeat-suspects",   "worklist-bail",
                                                 "worklist-orders", "worklist-breaches", "worklist-s63g", "worklist-victims",
                                                 "worklist-training"};
  return names;
}

// person_ref -> "Forename Surname" from the persons rows of the store.
Result<std::unordered_map<std::string, std::string>> person_names(Store& store) {
  const EntitySpec& spec = entity_spec(Entity::Persons);
  const std::size_t ref = *spec.index_of("person_ref"), forename = *spec.index_of("forename"), surname = *spec.index_of("surname");
  auto rows = store.rows(Entity::Persons);
  if (!rows) return rows.error();
  std::unordered_map<std::string, std::string> names;
  for (const auto& row : *rows) {
    std::string name = row[forename];
    if (!row[surname].empty()) name += (name.empty() ? "" : " ") + row[surname];
    names.emplace(row[ref], name.empty() ? row[ref] : name);
  }
  return names;
}

Status write(const ExportTable& table, const ExportOptions& options) {
  return options.format == "xlsx" ? write_export_xlsx({table}, options.out) : write_export_csv(table, options.out);
}

}  // namespace

void register_export_command(CLI::App& app, CommandContext& context) {
  auto options = std::make_shared<ExportOptions>();
  CLI::App* command = app.add_subcommand("export", "Export KPIs, the crime list, repeat suspects or a worklist as CSV or XLSX");
  CommandContext::add_db_option(*command, options->db);
  command->add_option("name", options->name, "What to export")->required()->check(CLI::IsMember(export_names()));
  command->add_option("--format", options->format, "csv or xlsx (default csv)")->check(CLI::IsMember({"csv", "xlsx"}));
  command->add_option("--out", options->out, "File to write")->required();
  command->add_option("--as-of", options->as_of, "Date the data is taken as of, YYYY-MM-DD (default today)");
  command->add_option("--force", options->force, "Only this force (force code)");
  command->add_option("--unit", options->unit, "Only this unit (unit_ref)");
  command->add_option("--from", options->from, "crimes: first day reported (default: all)");
  command->add_option("--to", options->to, "crimes: last day reported (default: the as-of date)");
  command->add_option("--period", options->period, "kpis: 2025-03, 2025Q1 or 2025 (default the last complete month)");
  command->add_option("--by", options->by, "kpis: breakdowns, each its own set of rows (e.g. unit,victim_ethnicity)");
  command->add_option("--suppress-below", options->threshold, "kpis: hide counts from 1 to N-1 (default 5)")->check(CLI::Range(1, 1000));
  command->add_option("--purpose", options->purpose, "Why the data is exported, for the audit log");
  auto* names_flag = command->add_flag("--names", options->names, "Include people's names (audited as a disclosure of names)");
  command->add_flag("--pseudonymise,!--no-pseudonymise", options->pseudonymise,
                    "Show people as stable pseudonyms (the default; --names overrides)")->excludes(names_flag);
  command->callback([options, &context] {
    const auto as_of = context.parse_as_of(options->as_of);
    if (!as_of) return;
    auto store = context.open_store(options->db, false);
    if (!store) return;
    auto snapshot = load_kpi_snapshot(context, *store, *as_of, KpiScope{options->force, options->unit});
    if (!snapshot) return;
    const bool with_names = options->names || !options->pseudonymise;
    std::unordered_map<std::string, std::string> names;
    std::optional<server::Pseudonymiser> pseudonymiser;
    ResolvedAssignment resolved_ids;  // a pseudonym stands for the resolved person, not the record
    if (with_names) {
      auto loaded = person_names(*store);
      if (!loaded) return context.fail(loaded.error());
      names = std::move(*loaded);
    } else {
      auto key = store->setting_or_insert("pseudonym_key", server::Pseudonymiser::generate_key_hex());
      if (!key) return context.fail(key.error());
      pseudonymiser.emplace(*key);
      auto resolved = load_resolved(*store);
      if (!resolved) return context.fail(resolved.error());
      resolved_ids = std::move(*resolved);
    }
    const PersonLabel label = [&](std::string_view person_ref) -> std::string {
      const std::string ref(person_ref);
      if (with_names) {
        const auto found = names.find(ref);
        return found != names.end() ? found->second : ref;
      }
      const auto resolved = resolved_ids.find(ref);
      return pseudonymiser->pseudonym(resolved != resolved_ids.end() ? resolved->second : 0, ref);
    };

    ExportTable table;
    bool has_people = true;
    if (options->name == "kpis") {
      has_people = false;
      KpiPeriod period = period_containing(*as_of, PeriodGranularity::Month).previous();
      if (!options->period.empty()) {
        auto parsed = parse_kpi_period(options->period);
        if (!parsed) return context.fail(parsed.error());
        period = *parsed;
      }
      auto dimensions = parse_dimension_list(options->by);
      if (!dimensions) return context.fail(dimensions.error());
      std::vector<std::vector<KpiDimension>> breakdowns;
      for (KpiDimension d : *dimensions) breakdowns.push_back({d});
      table = flight_deck_table(compute_flight_deck(snapshot->facts, period, breakdowns, SuppressionRule{options->threshold, true}));
    } else if (options->name == "crimes") {
      const auto from = options->from.empty() ? std::optional<CivilDate>(CivilDate::from_days(-1000000)) : CivilDate::parse_iso(options->from);
      const auto to = options->to.empty() ? std::optional<CivilDate>(*as_of) : CivilDate::parse_iso(options->to);
      if (!from || !to) return context.fail(Error{"invalid_input", "--from and --to must be dates YYYY-MM-DD"});
      table = crime_list_table(snapshot->tables, snapshot->facts, snapshot->offences, *from, *to, label);
    } else if (options->name == "repeat-suspects") {
      table = repeat_suspects_table(snapshot->repeat_suspects, snapshot->definition.describe(), label);
    } else {
      const WorklistKind kind = *worklist_from_name(options->name.substr(std::string("worklist-").size()));
      auto holidays = load_bank_holidays(reference_data_dir());
      if (!holidays) return context.fail(holidays.error());
      auto rules = make_worklist_rules(snapshot->codes, *holidays);
      if (!rules) return context.fail(rules.error());
      const WorklistSnapshot worklists(std::move(snapshot->tables));
      const auto items = run_worklist(kind, worklists, *rules, *as_of, WorklistFilter{options->force, options->unit, ""});
      table = worklist_table(kind, items, label);
    }
    if (has_people) table.notes.push_back(with_names ? "People are named: handle as OFFICIAL-SENSITIVE personal data."
                                                     : "People are shown as pseudonyms.");
    const Status written = write(table, *options);
    if (!written) return context.fail(written.error());
    context.audit(*store, "export." + options->name, "disclosure", "export", options->name, options->purpose,
                  {{"file", options->out}, {"format", options->format}, {"rows", table.rows.size()},
                   {"names_included", has_people && with_names}, {"force", options->force}, {"unit", options->unit},
                   {"as_of", as_of->to_iso()}});
    fmt::print("Wrote {} ({} rows{})\n", options->out, table.rows.size(),
               has_people ? (with_names ? ", with names" : ", pseudonymised") : "");
  });
}

}  // namespace rasso::cli

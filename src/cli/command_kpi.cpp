// rasso kpi: the NOM flight deck for a period, with the change against the previous period,
// broken down by force, unit, offence group or protected characteristics on request.

#include <fmt/format.h>

#include <cmath>

#include "analytics/kpi_engine.h"
#include "cli/command_context.h"
#include "cli/commands.h"
#include "cli/kpi_snapshot.h"
#include "reports/export_csv.h"
#include "reports/export_xlsx.h"
#include "reports/kpi_export.h"
#include "reports/kpi_json.h"
#include "ingest/csv_writer.h"

namespace rasso::cli {
namespace {

struct KpiOptions {
  std::string db;
  std::string period;
  std::string by;
  std::string as_of;
  std::string force;
  std::string unit;
  bool json = false;
  bool csv = false;
  std::string xlsx;
  int threshold = 5;
  bool no_secondary = false;
};

std::string change_text(const KpiMeasureReport& report) {
  if (!report.change) return "";
  const double change = *report.change;
  switch (kpi_measure(report.id).unit) {
    case KpiUnit::Count: return fmt::format("{:+.0f}", change);
    case KpiUnit::Rate: return fmt::format("{:+.1f} pts", change * 100.0);
    case KpiUnit::Days: return fmt::format("{:+.1f} days", change);
    case KpiUnit::Average: return fmt::format("{:+.1f}", change);
  }
  return "";
}

void print_deck(const KpiFlightDeck& deck) {
  fmt::print("RASSO flight deck {} (change against {}), as of {}. {}.\n", deck.period.label(), deck.previous_period.label(),
             deck.as_of.to_iso(),
             deck.suppression.threshold <= 1
                 ? std::string("Small-number suppression off")
                 : fmt::format("Counts 1-{} shown as {}", deck.suppression.threshold - 1, deck.suppression.display()));
  std::string_view theme;
  for (const KpiMeasureReport& report : deck.measures) {
    const KpiMeasureSpec& spec = kpi_measure(report.id);
    if (spec.theme != theme) {
      theme = spec.theme;
      fmt::print("\n{:<66} {:>10} {:>10} {:>12}\n", theme, deck.period.label(), deck.previous_period.label(), "change");
    }
    fmt::print("  {:<64} {:>10} {:>10} {:>12}\n", spec.name, report.value.display, report.previous.display, change_text(report));
    for (const KpiBreakdown& breakdown : report.breakdowns) {
      if (!breakdown.applicable) continue;
      for (const KpiCell& cell : breakdown.cells) {
        std::string label;
        for (std::size_t i = 0; i < cell.categories.size(); ++i) {
          label += (i ? ", " : "") + std::string(dimension_id(breakdown.dimensions[i])) + "=" + cell.categories[i];
        }
        fmt::print("      {:<60} {:>10}\n", label, cell.value.display);
      }
    }
  }
  fmt::print("\nCompleteness of the crimes reported in {}:", deck.period.label());
  for (const KpiCompleteness& field : deck.completeness) {
    if (field.total == 0) continue;
    fmt::print(" {} {:.0f}%;", field.field, 100.0 * static_cast<double>(field.recorded) / static_cast<double>(field.total));
  }
  fmt::print("\n");
}

KpiPeriod default_period(CivilDate as_of) {
  const KpiPeriod month = period_containing(as_of, PeriodGranularity::Month);
  return as_of == month.last_day() ? month : month.previous();
}

}  // namespace

void register_kpi_command(CLI::App& app, CommandContext& context) {
  auto options = std::make_shared<KpiOptions>();
  CLI::App* command = app.add_subcommand("kpi", "NOM flight deck KPIs for a period, with the change against the previous one");
  CommandContext::add_db_option(*command, options->db);
  command->add_option("--period", options->period, "2025-03 (month), 2025Q1 (quarter) or 2025 (year); default the last complete month");
  command->add_option("--by", options->by,
                      "Break down by dimensions, comma-separated (a cross-tabulation): force, unit, offence_group, "
                      "victim_age_band, victim_sex, victim_ethnicity, victim_disability, suspect_age_band, suspect_sex, "
                      "suspect_ethnicity, suspect_disability");
  command->add_option("--as-of", options->as_of, "Date the data is taken as of, YYYY-MM-DD (default today)");
  command->add_option("--force", options->force, "Only this force's crimes (force code)");
  command->add_option("--unit", options->unit, "Only this unit's crimes (unit_ref)");
  command->add_option("--suppress-below", options->threshold, "Hide counts from 1 to N-1 (default 5; 1 = no suppression)")
      ->check(CLI::Range(1, 1000));
  command->add_flag("--no-secondary", options->no_secondary, "Turn off secondary suppression");
  auto* json = command->add_flag("--json", options->json, "Print as JSON");
  auto* csv = command->add_flag("--csv", options->csv, "Print as CSV (one row per measure and breakdown cell)");
  auto* xlsx = command->add_option("--xlsx", options->xlsx, "Write an XLSX workbook to FILE");
  json->excludes(csv)->excludes(xlsx);
  csv->excludes(xlsx);
  command->callback([options, &context] {
    const auto as_of = context.parse_as_of(options->as_of);
    if (!as_of) return;
    KpiPeriod period = default_period(*as_of);
    if (!options->period.empty()) {
      auto parsed = parse_kpi_period(options->period);
      if (!parsed) return context.fail(parsed.error());
      period = *parsed;
    }
    auto dimensions = parse_dimension_list(options->by);
    if (!dimensions) return context.fail(dimensions.error());
    auto store = context.open_store(options->db, false);
    if (!store) return;
    auto snapshot = load_kpi_snapshot(context, *store, *as_of, KpiScope{options->force, options->unit});
    if (!snapshot) return;
    std::vector<std::vector<KpiDimension>> breakdowns;
    if (!dimensions->empty()) breakdowns.push_back(*dimensions);
    const SuppressionRule rule{options->threshold, !options->no_secondary};
    const KpiFlightDeck deck = compute_flight_deck(snapshot->facts, period, breakdowns, rule);
    const nlohmann::json audit_details = {{"period", period.label()}, {"by", options->by}, {"force", options->force},
                                          {"unit", options->unit}, {"aggregates_only", true}};
    if (!options->xlsx.empty()) {
      const Status written = write_export_xlsx({flight_deck_table(deck)}, options->xlsx);
      if (!written) return context.fail(written.error());
      nlohmann::json details = audit_details;
      details["file"] = options->xlsx;
      details["format"] = "xlsx";
      context.audit(*store, "kpi.export", "disclosure", "kpi", period.label(), "performance monitoring", details);
      fmt::print("Wrote {}\n", options->xlsx);
      return;
    }
    context.audit(*store, "kpi.view", "consultation", "kpi", period.label(), "performance monitoring", audit_details);
    if (options->json) {
      fmt::print("{}\n", flight_deck_json(deck).dump(2));
    } else if (options->csv) {
      const ExportTable table = flight_deck_table(deck);
      std::string line;
      for (std::size_t i = 0; i < table.columns.size(); ++i) line += (i ? "," : "") + csv_escape(table.columns[i], true);
      fmt::print("{}\n", line);
      for (const auto& row : table.rows) {
        line.clear();
        for (std::size_t i = 0; i < row.size(); ++i) {
          if (i) line += ',';
          if (row[i].kind == ExportCell::Kind::Text) line += csv_escape(row[i].text, true);
          if (row[i].kind == ExportCell::Kind::Number) line += fmt::format("{}", row[i].number);
        }
        fmt::print("{}\n", line);
      }
    } else {
      print_deck(deck);
    }
  });
}

}  // namespace rasso::cli

// rasso report: printable reports as one self-contained HTML file (and a PDF when headless
// Chromium is installed): the RASSO problem profile and the flight-deck pack. Aggregates only.

#include <fmt/format.h>

#include <fstream>

#include "analytics/kpi_engine.h"
#include "cli/command_context.h"
#include "cli/commands.h"
#include "cli/kpi_snapshot.h"
#include "reports/flight_deck_report.h"
#include "reports/pdf_printer.h"
#include "reports/problem_profile.h"
#include "reports/report_html.h"

namespace rasso::cli {
namespace {

struct ReportOptions {
  std::string db;
  std::string as_of;
  std::string force;
  std::string unit;
  std::string out;
  std::string pdf;
  int threshold = 5;
  // problem-profile
  std::string from;
  std::string to;
  std::string recommendations;
  // flight-deck
  std::string period;
  std::string by;
};

Result<std::vector<std::string>> read_paragraphs(const std::string& path) {
  std::ifstream in(path);
  if (!in) return Error{"io", "cannot read " + path};
  std::vector<std::string> paragraphs;
  std::string line, paragraph;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.find_first_not_of(" \t") == std::string::npos) {
      if (!paragraph.empty()) paragraphs.push_back(std::move(paragraph));
      paragraph.clear();
      continue;
    }
    paragraph += (paragraph.empty() ? "" : " ") + line;
  }
  if (!paragraph.empty()) paragraphs.push_back(std::move(paragraph));
  return paragraphs;
}

std::string area_name(const KpiSnapshot& snapshot, const std::string& force, const std::string& unit) {
  std::string area = "All forces in the store";
  if (!force.empty()) {
    const CodeTable* forces = snapshot.codes.table("force");
    const CodeEntry* entry = forces ? forces->find(force) : nullptr;
    area = entry ? entry->label : force;
  }
  return unit.empty() ? area : area + ", unit " + unit;
}

// Writes the HTML (and the PDF when asked), audits, and reports what was written.
void write_report(CommandContext& context, Store& store, const ReportDocument& document, const ReportOptions& options,
                  const std::string& action, const std::string& subject) {
  {
    std::ofstream out(options.out, std::ios::binary | std::ios::trunc);
    out << render_report_html(document);
    if (!out) return context.fail(Error{"io", "cannot write " + options.out});
  }
  if (!options.pdf.empty()) {
    const Status printed = print_html_to_pdf(options.out, options.pdf);
    if (!printed) return context.fail(printed.error());
  }
  context.audit(store, action, "consultation", "report", subject, "strategic analysis",
                {{"file", options.out}, {"pdf", options.pdf}, {"force", options.force}, {"unit", options.unit},
                 {"aggregates_only", true}});
  fmt::print("Wrote {}{}\n", options.out, options.pdf.empty() ? "" : " and " + options.pdf);
}

void add_common(CLI::App& command, ReportOptions& options) {
  CommandContext::add_db_option(command, options.db);
  command.add_option("--out", options.out, "HTML file to write")->required();
  command.add_option("--pdf", options.pdf, "Also print to this PDF file (needs headless Chromium)");
  command.add_option("--as-of", options.as_of, "Date the data is taken as of, YYYY-MM-DD (default today)");
  command.add_option("--force", options.force, "Only this force's crimes (force code)");
  command.add_option("--unit", options.unit, "Only this unit's crimes (unit_ref)");
  command.add_option("--suppress-below", options.threshold, "Hide counts from 1 to N-1 (default 5)")->check(CLI::Range(1, 1000));
}

}  // namespace

void register_report_command(CLI::App& app, CommandContext& context) {
  CLI::App* command = app.add_subcommand("report", "Printable reports: the RASSO problem profile and the flight-deck pack");
  command->require_subcommand(1);

  auto profile = std::make_shared<ReportOptions>();
  CLI::App* problem = command->add_subcommand("problem-profile", "RASSO problem profile for crimes reported between two dates");
  add_common(*problem, *profile);
  problem->add_option("--from", profile->from, "First day reported, YYYY-MM-DD")->required();
  problem->add_option("--to", profile->to, "Last day reported, YYYY-MM-DD")->required();
  problem->add_option("--recommendations", profile->recommendations, "Text file of the analyst's recommendations to include");
  problem->callback([profile, &context] {
    const auto from = CivilDate::parse_iso(profile->from);
    const auto to = CivilDate::parse_iso(profile->to);
    if (!from || !to || *to < *from) {
      return context.fail(Error{"invalid_input", "--from and --to must be dates YYYY-MM-DD with --from not after --to"});
    }
    const auto as_of = profile->as_of.empty() ? std::optional<CivilDate>(*to) : context.parse_as_of(profile->as_of);
    if (!as_of) return;
    std::vector<std::string> recommendations;
    if (!profile->recommendations.empty()) {
      auto read = read_paragraphs(profile->recommendations);
      if (!read) return context.fail(read.error());
      recommendations = std::move(*read);
    }
    auto store = context.open_store(profile->db, false);
    if (!store) return;
    auto snapshot = load_kpi_snapshot(context, *store, std::max(*as_of, *to), KpiScope{profile->force, profile->unit});
    if (!snapshot) return;
    ProblemProfileInputs inputs;
    inputs.facts = &snapshot->facts;
    inputs.tables = &snapshot->tables;
    inputs.from = *from;
    inputs.to = *to;
    inputs.suppression = SuppressionRule{profile->threshold, true};
    inputs.area = area_name(*snapshot, profile->force, profile->unit);
    inputs.repeat_suspect_definition = snapshot->definition.describe();
    inputs.recommendations = std::move(recommendations);
    write_report(context, *store, build_problem_profile(inputs), *profile, "report.problem_profile",
                 profile->from + ".." + profile->to);
  });

  auto deck_options = std::make_shared<ReportOptions>();
  CLI::App* deck = command->add_subcommand("flight-deck", "The NOM flight deck for a period as a printable pack");
  add_common(*deck, *deck_options);
  deck->add_option("--period", deck_options->period, "2025-03, 2025Q1 or 2025")->required();
  deck->add_option("--by", deck_options->by, "Breakdowns to include, each its own table (e.g. unit,victim_ethnicity)");
  deck->callback([deck_options, &context] {
    auto period = parse_kpi_period(deck_options->period);
    if (!period) return context.fail(period.error());
    auto dimensions = parse_dimension_list(deck_options->by);
    if (!dimensions) return context.fail(dimensions.error());
    const auto as_of = deck_options->as_of.empty() ? std::optional<CivilDate>(period->last_day()) : context.parse_as_of(deck_options->as_of);
    if (!as_of) return;
    auto store = context.open_store(deck_options->db, false);
    if (!store) return;
    auto snapshot = load_kpi_snapshot(context, *store, *as_of, KpiScope{deck_options->force, deck_options->unit});
    if (!snapshot) return;
    std::vector<std::vector<KpiDimension>> breakdowns;
    for (KpiDimension d : *dimensions) breakdowns.push_back({d});
    const SuppressionRule rule{deck_options->threshold, true};
    const KpiFlightDeck flight_deck = compute_flight_deck(snapshot->facts, *period, breakdowns, rule);
    const auto months = periods_between(period->last_day().plus_months(-11), period->last_day(), PeriodGranularity::Month);
    const auto trend = compute_kpi_series(snapshot->facts, KpiMeasureId::RecordedCrimes, months, rule);
    write_report(context, *store,
                 build_flight_deck_report(flight_deck, trend, area_name(*snapshot, deck_options->force, deck_options->unit)),
                 *deck_options, "report.flight_deck", period->label());
  });
}

}  // namespace rasso::cli

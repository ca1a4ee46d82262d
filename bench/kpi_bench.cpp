// The KPI engine and the problem profile over `rasso generate` output, loaded through the extract
// file readers (loading is done once, outside the timings). The tables' references are linked at
// load too, as the server does once per state of its tables (link_tables, timed on its own in
// links_1m): the flight deck is then the facts and the aggregation. Targets (DESIGN.md §6, issue 5): the
// full flight deck - every measure, every single-dimension breakdown, one year of months,
// quarters and the year with the periods before them - in <= 1 s for 1,000,000 crimes; the problem
// profile for a force-year in <= 5 s.
//
// Data: $RASSO_BENCH_EXTRACT_100K and $RASSO_BENCH_EXTRACT_1M name extract folders written by
// `rasso generate` (default ../bench-data/ex100000 and ../bench-data/ex1000000 beside the source
// tree). A size whose folder is missing is skipped with a message.

#include <benchmark/benchmark.h>

#include <cstdlib>
#include <filesystem>
#include <map>
#include <memory>

#include "analytics/kpi_engine.h"
#include "analytics/offence_facts.h"
#include "core/extract_record_rows.h"
#include "core/field_spec.h"
#include "core/table_links.h"
#include "ingest/bank_holiday_file.h"
#include "ingest/extract_file_reader.h"
#include "ingest/reference_data.h"
#include "reports/problem_profile.h"
#include "reports/report_html.h"

namespace {

using namespace rasso;

std::filesystem::path extract_folder(const char* variable, const char* default_name) {
  if (const char* path = std::getenv(variable); path != nullptr && *path != '\0') return path;
  return std::filesystem::path(RASSO_SOURCE_DIR) / ".." / "bench-data" / default_name;
}

// Streams each entity's file through the extract readers into the typed tables.
Result<ExtractTables> load_extract(const std::filesystem::path& folder) {
  const RowSource source = [&](Entity entity, const RowVisitor& visit) -> Status {
    const EntitySpec& spec = entity_spec(entity);
    const auto path = folder / (std::string(spec.name()) + ".csv");
    if (!std::filesystem::exists(path)) return ok_status();
    auto reader = open_extract_file(path, spec);
    ExtractRow row;
    ImportProblem fatal;
    std::vector<std::string_view> views;
    for (;;) {
      const auto next = reader->next(row, fatal);
      if (next == ExtractFileReader::Next::End) return ok_status();
      if (next == ExtractFileReader::Next::Fatal) return Error{"invalid_input", path.string() + ": " + fatal.to_string()};
      if (row.problem) continue;
      views.assign(row.values.begin(), row.values.end());
      if (Status visited = visit(views); !visited) return visited;
    }
  };
  return extract_tables_from_source(source);
}

struct Dataset {
  ExtractTables tables;
  TableLinks links;
  std::unordered_map<std::string, std::uint64_t> resolved;
  std::map<std::string, OffenceInfo, std::less<>> offences;
  BankHolidayCalendar calendar;
  std::vector<RepeatSuspect> repeat_suspects;
  CivilDate as_of = CivilDate::from_days(0);
  KpiInputs inputs;
};

const CivilDate kAsOf = *CivilDate::parse_iso("2025-12-31");

Dataset* dataset(const char* variable, const char* default_name) {
  static std::map<std::string, std::unique_ptr<Dataset>> loaded;
  const std::string key = variable;
  if (loaded.contains(key)) return loaded[key].get();
  const auto folder = extract_folder(variable, default_name);
  if (!std::filesystem::exists(folder / "crimes.csv")) {
    loaded[key] = nullptr;
    return nullptr;
  }
  auto data = std::make_unique<Dataset>();
  auto tables = load_extract(folder);
  if (!tables) throw std::runtime_error(tables.error().message);
  data->tables = std::move(*tables);
  data->links = link_tables(data->tables);
  const auto codes = load_code_tables(reference_data_dir());
  data->offences = offence_facts(*codes);
  data->calendar = BankHolidayCalendar(*load_bank_holidays(reference_data_dir()));
  data->as_of = kAsOf;
  RepeatSuspectInputs repeat;
  repeat.crimes = &data->tables.crimes;
  repeat.involvements = &data->tables.involvements;
  repeat.resolved = &data->resolved;
  repeat.offences = &data->offences;
  data->repeat_suspects = find_repeat_suspects(repeat, RepeatSuspectDefinition{}, RankingWeights{}, kAsOf);
  data->inputs.tables = &data->tables;
  data->inputs.links = &data->links;
  data->inputs.offences = &data->offences;
  data->inputs.repeat_suspects = &data->repeat_suspects;
  data->inputs.calendar = &data->calendar;
  loaded[key] = std::move(data);
  return loaded[key].get();
}

// One year of periods (the twelve months, four quarters and the year of 2025) and the period
// before each, with every single-dimension breakdown.
KpiQuery full_flight_deck_query() {
  KpiQuery query;
  std::vector<KpiPeriod> periods;
  for (auto granularity : {PeriodGranularity::Month, PeriodGranularity::Quarter, PeriodGranularity::Year}) {
    for (const KpiPeriod& period : periods_between(*CivilDate::parse_iso("2025-01-01"), kAsOf, granularity)) {
      query.periods.push_back(period);
    }
    query.periods.push_back(period_containing(*CivilDate::parse_iso("2025-01-01"), granularity).previous());
  }
  for (KpiDimension dimension : all_kpi_dimensions()) query.breakdowns.push_back({dimension});
  return query;
}

void run_flight_deck(benchmark::State& state, const char* variable, const char* name) {
  Dataset* data = dataset(variable, name);
  if (data == nullptr) {
    state.SkipWithError("extract folder missing: generate it with rasso generate (see the comment at the top)");
    return;
  }
  const KpiQuery query = full_flight_deck_query();
  std::size_t cells = 0;
  for (auto _ : state) {
    const KpiFacts facts = build_kpi_facts(data->inputs, data->as_of);
    const auto results = compute_kpis(facts, query);
    cells = 0;
    for (const auto& period : results) {
      for (const auto& measure : period.measures) {
        for (const auto& breakdown : measure.breakdowns) cells += breakdown.cells.size();
      }
    }
    benchmark::DoNotOptimize(cells);
  }
  state.counters["crimes"] = static_cast<double>(data->tables.crimes.size());
  state.counters["periods"] = static_cast<double>(query.periods.size());
  state.counters["cells"] = static_cast<double>(cells);
}

void run_facts_only(benchmark::State& state, const char* variable, const char* name) {
  Dataset* data = dataset(variable, name);
  if (data == nullptr) {
    state.SkipWithError("extract folder missing");
    return;
  }
  for (auto _ : state) benchmark::DoNotOptimize(build_kpi_facts(data->inputs, data->as_of).crimes.size());
}

void run_link_tables(benchmark::State& state, const char* variable, const char* name) {
  Dataset* data = dataset(variable, name);
  if (data == nullptr) {
    state.SkipWithError("extract folder missing");
    return;
  }
  for (auto _ : state) benchmark::DoNotOptimize(link_tables(data->tables).unresolved_references);
}

// The facts as a caller with no links builds them (the CLI): linking included.
void run_facts_unlinked(benchmark::State& state, const char* variable, const char* name) {
  Dataset* data = dataset(variable, name);
  if (data == nullptr) {
    state.SkipWithError("extract folder missing");
    return;
  }
  KpiInputs inputs = data->inputs;
  inputs.links = nullptr;
  for (auto _ : state) benchmark::DoNotOptimize(build_kpi_facts(inputs, data->as_of).crimes.size());
}

void run_problem_profile(benchmark::State& state, const char* variable, const char* name) {
  Dataset* data = dataset(variable, name);
  if (data == nullptr) {
    state.SkipWithError("extract folder missing");
    return;
  }
  // A force-year: the generator's first force, crimes reported in 2025.
  KpiInputs inputs = data->inputs;
  inputs.force_code = data->tables.crimes.front().force_code;
  std::size_t bytes = 0;
  for (auto _ : state) {
    const KpiFacts facts = build_kpi_facts(inputs, data->as_of);
    ProblemProfileInputs profile;
    profile.facts = &facts;
    profile.tables = &data->tables;
    profile.from = *CivilDate::parse_iso("2025-01-01");
    profile.to = kAsOf;
    profile.area = inputs.force_code;
    profile.repeat_suspect_definition = RepeatSuspectDefinition{}.describe();
    bytes = render_report_html(build_problem_profile(profile)).size();
    benchmark::DoNotOptimize(bytes);
  }
  state.counters["html_bytes"] = static_cast<double>(bytes);
}

BENCHMARK_CAPTURE(run_facts_only, facts_100k, "RASSO_BENCH_EXTRACT_100K", "ex100000")->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(run_flight_deck, flight_deck_100k, "RASSO_BENCH_EXTRACT_100K", "ex100000")->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(run_problem_profile, problem_profile_force_year_100k, "RASSO_BENCH_EXTRACT_100K", "ex100000")
    ->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(run_link_tables, links_1m, "RASSO_BENCH_EXTRACT_1M", "ex1000000")->Unit(benchmark::kMillisecond)->Iterations(3);
BENCHMARK_CAPTURE(run_facts_unlinked, facts_unlinked_1m, "RASSO_BENCH_EXTRACT_1M", "ex1000000")
    ->Unit(benchmark::kMillisecond)->Iterations(3);
BENCHMARK_CAPTURE(run_facts_only, facts_1m, "RASSO_BENCH_EXTRACT_1M", "ex1000000")->Unit(benchmark::kMillisecond)->Iterations(3);
BENCHMARK_CAPTURE(run_flight_deck, flight_deck_1m, "RASSO_BENCH_EXTRACT_1M", "ex1000000")->Unit(benchmark::kMillisecond)->Iterations(3);
BENCHMARK_CAPTURE(run_problem_profile, problem_profile_force_year_1m, "RASSO_BENCH_EXTRACT_1M", "ex1000000")
    ->Unit(benchmark::kMillisecond)->Iterations(3);

}  // namespace

// Micro-benchmarks of the per-value work the importer does for every field of every row.

#include <benchmark/benchmark.h>

#include "core/civil_date.h"
#include "core/field_spec.h"
#include "core/row_fingerprint.h"
#include "ingest/field_normaliser.h"
#include "ingest/reference_data.h"

namespace {

void BM_ParseIsoDate(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(rasso::CivilDate::parse_iso("2024-02-29"));
}
BENCHMARK(BM_ParseIsoDate);

void BM_NormaliseCrimeRow(benchmark::State& state) {
  const auto codes = rasso::load_code_tables(rasso::reference_data_dir());
  const rasso::EntitySpec& spec = rasso::entity_spec(rasso::Entity::Crimes);
  const std::vector<std::string> raw = {"WD-C-0000001", "WD", "19C", "2024-01-02", "23:15", "2024-01-03", "2024-01-03",
                                        "B15", "E01009001", "Y", "N", "N", "15", "2024-06-30", "WD-O-0001", "WD-U-01"};
  for (auto _ : state) {
    std::vector<std::string> values;
    for (std::size_t i = 0; i < spec.fields.size(); ++i) values.push_back(*rasso::normalise_field(spec.fields[i], raw[i], *codes));
    benchmark::DoNotOptimize(rasso::row_fingerprint(values));
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_NormaliseCrimeRow);

}  // namespace

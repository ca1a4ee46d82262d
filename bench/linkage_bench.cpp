// Identity resolution benchmarks.
//
//   BM_LinkGenerated/N      time of link_records on N person records made by the project's
//                           generator (rasso_generator, seed 1, its documented error model), with
//                           pairwise and B-cubed F1 against the generator's truth and the peak
//                           RSS of the process. Generation and CSV reading are not timed.
//   BM_LinkIncremental/N    time of link_incremental adding the last 1% of those N records to a
//                           result for the first 99% (which is built untimed), with F1 after.
//   BM_LinkPublicSet/<set>  accuracy on every labelled public set in ../shared/data/linkage/
//                           (converted by linkage/labelled_datasets.h), as counters.
//
// Peak RSS is the whole process's high-water mark, so run one size per process for a clean
// figure:  rasso_micro_bench --benchmark_filter='BM_LinkGenerated/1000000'
// The public sets are found under $RASSO_SHARED_DATA_DIR, else the compile definition of that
// name, else ../shared/data beside the source tree.

#include <benchmark/benchmark.h>
#include <sys/resource.h>

#include <cstdlib>
#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "generator/force_data_generator.h"
#include "generator/name_data.h"
#include "ingest/csv_reader.h"
#include "ingest/reference_data.h"
#include "linkage/labelled_datasets.h"
#include "linkage/linkage_evaluation.h"
#include "linkage/record_linkage.h"

namespace {

namespace fs = std::filesystem;
using namespace rasso;
using namespace rasso::linkage;

// Person records per generated crime, measured on the generator's default options.
constexpr double kRecordsPerCrime = 2.154;

double peak_rss_mib() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<double>(usage.ru_maxrss) / 1024.0;  // ru_maxrss is in KiB on Linux
}

std::vector<std::vector<std::string>> data_rows(CsvTable table) {
  std::vector<std::vector<std::string>> rows;
  rows.reserve(table.rows.size());
  for (CsvRecord& row : table.rows) rows.push_back(std::move(row.fields));
  return rows;
}

std::shared_ptr<const NicknameIndex> reference_nicknames() {
  Result<CsvTable> table = read_csv_table(reference_data_dir() / "names" / "nicknames.csv");
  std::vector<std::pair<std::string, std::string>> pairs;
  if (table.ok()) {
    for (const CsvRecord& row : table->rows) {
      if (row.fields.size() >= 2) pairs.emplace_back(row.fields[0], row.fields[1]);
    }
  }
  return std::make_shared<const NicknameIndex>(NicknameIndex::from_pairs(pairs));
}

// Generated persons.csv and truth.csv of about `records` person records, read back.
LabelledPersons generated_people(std::size_t records, std::string& error) {
  const Result<NameData> names = load_name_data(reference_data_dir() / "names");
  if (!names.ok()) {
    error = names.error().message;
    return {};
  }
  GeneratorOptions options;
  options.crimes = static_cast<std::size_t>(static_cast<double>(records) / kRecordsPerCrime);
  options.seed = 1;
  const fs::path folder = fs::temp_directory_path() / ("rasso-linkage-bench-" + std::to_string(records));
  const Result<GeneratorSummary> summary = generate_force_data(options, *names, folder, {});
  if (!summary.ok()) {
    error = summary.error().message;
    return {};
  }

  LabelledPersons people;
  Result<std::unique_ptr<CsvReader>> persons = CsvReader::open(folder / "persons.csv");
  if (!persons.ok()) {
    error = persons.error().message;
    return {};
  }
  std::vector<std::vector<std::string>> rows;
  CsvRecord row;
  bool header = true;
  for (Result<bool> more = (*persons)->next(row); more.ok() && *more; more = (*persons)->next(row)) {
    if (!header) rows.push_back(std::move(row.fields));
    header = false;
  }
  people.records = person_records_from_rows(rows);
  Result<CsvTable> truth = read_csv_table(folder / "truth.csv");
  if (truth.ok()) {
    for (const CsvRecord& entry : truth->rows) people.true_id_by_ref[entry.fields.at(0)] = entry.fields.at(1);
  }
  fs::remove_all(folder);
  return people;
}

void report_accuracy(benchmark::State& state, const LinkageResult& result, const ClusteringEvaluation& evaluation) {
  state.counters["records"] = static_cast<double>(result.records.size());
  state.counters["candidate_pairs"] = static_cast<double>(result.compared_pairs);
  state.counters["people"] = static_cast<double>(result.resolved_person_count());
  state.counters["precision"] = evaluation.pairwise.precision;
  state.counters["recall"] = evaluation.pairwise.recall;
  state.counters["f1"] = evaluation.pairwise.f1;
  state.counters["b3_f1"] = evaluation.b_cubed.f1;
  state.counters["peak_rss_mib"] = peak_rss_mib();
}

// Generated people of each size, made once per process and shared by the benchmarks.
const LabelledPersons* cached_generated_people(std::size_t records, std::string& error) {
  static std::map<std::size_t, LabelledPersons> cache;
  if (const auto found = cache.find(records); found != cache.end()) return &found->second;
  LabelledPersons people = generated_people(records, error);
  if (!error.empty()) return nullptr;
  return &cache.emplace(records, std::move(people)).first->second;
}

void BM_LinkGenerated(benchmark::State& state) {
  std::string error;
  const LabelledPersons* generated = cached_generated_people(static_cast<std::size_t>(state.range(0)), error);
  if (generated == nullptr) {
    state.SkipWithError(error.c_str());
    return;
  }
  const LabelledPersons& people = *generated;
  const auto nicknames = reference_nicknames();
  LinkageResult result;
  for (auto _ : state) {
    state.PauseTiming();
    std::vector<PersonRecord> input = people.records;  // link_records takes its input by value
    state.ResumeTiming();
    result = link_records(std::move(input), nicknames, LinkageOptions{});
  }
  report_accuracy(state, result, evaluate_against_truth(result, people.true_id_by_ref));
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * people.records.size()));
}
BENCHMARK(BM_LinkGenerated)
    ->Arg(10'000)
    ->Arg(100'000)
    ->Arg(1'000'000)
    ->Iterations(1)
    ->Unit(benchmark::kSecond)
    ->UseRealTime();

void BM_LinkIncremental(benchmark::State& state) {
  std::string error;
  const LabelledPersons* generated = cached_generated_people(static_cast<std::size_t>(state.range(0)), error);
  if (generated == nullptr) {
    state.SkipWithError(error.c_str());
    return;
  }
  const std::vector<PersonRecord>& records = generated->records;
  const std::size_t old_count = records.size() - records.size() / 100;
  const auto nicknames = reference_nicknames();
  LinkageResult result;
  for (auto _ : state) {
    state.PauseTiming();
    LinkageResult base = link_records(
        std::vector<PersonRecord>(records.begin(), records.begin() + static_cast<std::ptrdiff_t>(old_count)), nicknames,
        LinkageOptions{});
    std::vector<PersonRecord> new_records(records.begin() + static_cast<std::ptrdiff_t>(old_count), records.end());
    state.ResumeTiming();
    result = link_incremental(std::move(base), std::move(new_records), LinkageOptions{});
  }
  report_accuracy(state, result, evaluate_against_truth(result, generated->true_id_by_ref));
  state.counters["new_records"] = static_cast<double>(records.size() - old_count);
}
BENCHMARK(BM_LinkIncremental)->Arg(100'000)->Arg(1'000'000)->Iterations(1)->Unit(benchmark::kSecond)->UseRealTime();

fs::path shared_data_dir() {
  if (const char* dir = std::getenv("RASSO_SHARED_DATA_DIR")) return dir;
#ifdef RASSO_SHARED_DATA_DIR
  return RASSO_SHARED_DATA_DIR;
#else
  return reference_data_dir() / ".." / ".." / ".." / "shared" / "data";
#endif
}

using Converter = LabelledPersons (*)(const std::vector<std::string>&, const std::vector<std::vector<std::string>>&);

struct PublicSet {
  const char* name;
  Converter convert;
  std::vector<const char*> files;  // relative to shared/data/linkage; several are linked as one set
};

const std::vector<PublicSet>& public_sets() {
  static const std::vector<PublicSet> sets = {
      {"febrl_dataset1", labelled_from_febrl, {"febrl/dataset1.csv"}},
      {"febrl_dataset2", labelled_from_febrl, {"febrl/dataset2.csv"}},
      {"febrl_dataset3", labelled_from_febrl, {"febrl/dataset3.csv"}},
      {"febrl_dataset4a_4b", labelled_from_febrl, {"febrl/dataset4a.csv", "febrl/dataset4b.csv"}},
      {"rldata500", labelled_from_rldata, {"rldata/RLdata500.csv"}},
      {"rldata10000", labelled_from_rldata, {"rldata/RLdata10000.csv"}},
      {"splink_fake_1000", labelled_from_splink_fake, {"splink_fake_1000/fake_1000.csv"}},
  };
  return sets;
}

void BM_LinkPublicSet(benchmark::State& state) {
  const PublicSet& set = public_sets()[static_cast<std::size_t>(state.range(0))];
  state.SetLabel(set.name);
  LabelledPersons people;
  for (const char* file : set.files) {
    Result<CsvTable> table = read_csv_table(shared_data_dir() / "linkage" / file);
    if (!table.ok()) {
      state.SkipWithError(table.error().message.c_str());
      return;
    }
    std::vector<std::string> header = table->header;
    append_labelled(people, set.convert(header, data_rows(std::move(*table))));
  }
  const auto nicknames = reference_nicknames();
  LinkageResult result;
  for (auto _ : state) result = link_records(people.records, nicknames, LinkageOptions{});
  report_accuracy(state, result, evaluate_against_truth(result, people.true_id_by_ref));
}
BENCHMARK(BM_LinkPublicSet)->DenseRange(0, 6)->Iterations(1)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace

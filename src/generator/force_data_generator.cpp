#include "generator/force_data_generator.h"

#include <algorithm>
#include <fstream>
#include <string>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "generator/case_writer.h"
#include "generator/crime_plan.h"
#include "generator/extract_files.h"

namespace rasso {
namespace {

Status write_planted_json(const std::filesystem::path& path, const GeneratorOptions& options,
                          const GeneratorSummary& summary) {
  nlohmann::json json;
  json["generator"] = {{"seed", options.seed},   {"crimes", options.crimes}, {"as_of", options.as_of.to_iso()},
                       {"years", options.years}, {"forces", options.forces}};
  json["planted"] = summary.planted;
  json["rows"] = summary.rows_per_file;
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << json.dump(2) << '\n';
  out.close();
  if (!out) return Error{"io", fmt::format("could not write {}", path.string())};
  return ok_status();
}

}  // namespace

Result<GeneratorSummary> generate_force_data(const GeneratorOptions& options, const NameData& names,
                                             const std::filesystem::path& out_dir, const GeneratorProgress& progress) {
  if (options.forces.empty()) return Error{"invalid_input", "at least one force is needed"};
  if (options.forces.size() > 64) return Error{"invalid_input", "at most 64 forces"};
  for (std::size_t i = 0; i < options.forces.size(); ++i) {
    const std::string& code = options.forces[i];
    const bool shape = !code.empty() && code.size() <= 8 &&
                       std::all_of(code.begin(), code.end(), [](char ch) { return (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9'); });
    if (!shape) return Error{"invalid_input", fmt::format("force code '{}' must be 1-8 capital letters or digits", code)};
    if (std::find(options.forces.begin(), options.forces.begin() + static_cast<std::ptrdiff_t>(i), code) !=
        options.forces.begin() + static_cast<std::ptrdiff_t>(i)) {
      return Error{"invalid_input", fmt::format("force code '{}' is given twice", code)};
    }
  }
  if (options.years < 1 || options.years > 50) return Error{"invalid_input", "years must be between 1 and 50"};
  if (names.districts.empty() || names.surnames.empty()) return Error{"invalid_input", "names data is empty"};

  auto files = ExtractFiles::open(out_dir);
  if (!files) return files.error();
  CrimePlan plan = plan_crimes(options);
  CaseWriter generator(options, names, **files, plan);
  generator.write_workforce();
  const std::size_t total = plan.crimes.size();
  for (std::size_t i = 0; i < total; ++i) {
    generator.write_crime(i);
    if (progress && (i + 1) % 4096 == 0) progress(i + 1, total);
  }
  if (progress) progress(total, total);

  GeneratorSummary summary;
  if (Status closed = (*files)->close(summary.rows_per_file); !closed) return closed.error();
  summary.planted = generator.planted();
  if (Status written = write_planted_json(out_dir / "planted.json", options, summary); !written) return written.error();
  return summary;
}

}  // namespace rasso

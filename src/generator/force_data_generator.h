#pragma once
// The synthetic RMS extract behind `rasso generate`: a complete, valid set of extract files for
// one or more forces (units, officers, crimes, person records, involvements, arrests, bail,
// orders, breaches, victim contacts, biometrics, training) with known truth — truth.csv maps
// every person record to the true person behind it, and planted.json counts what was planted
// for the worklists and analytics to find (repeat suspects, lapsed bail, breaches with no
// response, victims never told of an NFA decision, record errors by kind, ...).
//
// Output is a pure function of the options and the names data: the same options give
// byte-identical files on every platform. Rows are streamed to the files as they are made;
// memory grows with the number of true people (a few bytes each) and the crime plan.

#include <cstddef>
#include <filesystem>
#include <functional>

#include "core/result.h"
#include "generator/generator_options.h"
#include "generator/name_data.h"

namespace rasso {

/// Called with (crimes done, crimes in total) as generation proceeds.
using GeneratorProgress = std::function<void(std::size_t, std::size_t)>;

/// Writes units.csv ... training.csv (headers exactly entity_spec() field names), truth.csv
/// (person_ref,true_id) and planted.json into `out_dir`, creating it if needed; existing files
/// of those names are replaced. `progress` may be empty. Error code "invalid_input" for bad
/// options (no forces, years < 1), "io" when a file cannot be written.
Result<GeneratorSummary> generate_force_data(const GeneratorOptions& options, const NameData& names,
                                             const std::filesystem::path& out_dir, const GeneratorProgress& progress);

}  // namespace rasso

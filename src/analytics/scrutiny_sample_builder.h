#pragma once
// Building a scrutiny sample ready to store: draw it (scrutiny_sampler.h), summarise each case
// under its pseudonym (scrutiny_case_summary.h) and fill in the records the store keeps, so the
// CLI and the API draw samples the same way.

#include <string>
#include <vector>

#include "analytics/scrutiny_case_summary.h"
#include "analytics/scrutiny_sampler.h"
#include "core/code_table.h"
#include "core/extract_records.h"
#include "store/governance_records.h"

namespace rasso {

struct BuiltSample {
  ScrutinySample sample;                  // sample_id 0 until stored
  std::vector<ScrutinySampleCase> cases;  // case pseudonyms "C01", "C02", ... in panel order
  std::vector<SampleStratum> strata;
};

/// Draws `spec` from `tables` (crimes, persons, involvements, arrests, bail, orders and victim
/// contacts are read) and builds the records to store. Errors as draw_scrutiny_sample, and
/// "invalid_input" when no closed case falls in the period.
Result<BuiltSample> build_scrutiny_sample(const ExtractTables& tables, const CodeTables& codes, const SampleSpec& spec);

/// The spec a stored sample was drawn with, to draw it again.
SampleSpec spec_of_sample(const ScrutinySample& sample);

/// "S4-C07": how a case is named outside its sample.
std::string scrutiny_case_label(std::int64_t sample_id, int case_number);

/// The strata as stored: [{outcome_code, offence_group, population, sampled}].
nlohmann::json strata_json(const std::vector<SampleStratum>& strata);

}  // namespace rasso

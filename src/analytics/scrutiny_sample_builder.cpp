#include "analytics/scrutiny_sample_builder.h"

#include <charconv>

#include <fmt/format.h>

namespace rasso {
namespace {

std::string outcomes_text(const std::vector<int>& codes) {
  std::string text;
  for (int code : codes) text += (text.empty() ? "" : ",") + std::to_string(code);
  return text;
}

std::vector<int> outcomes_of(const std::string& text) {
  std::vector<int> codes;
  std::size_t start = 0;
  while (start < text.size()) {
    const std::size_t end = std::min(text.find(',', start), text.size());
    int code = 0;
    std::from_chars(text.data() + start, text.data() + end, code);
    codes.push_back(code);
    start = end + 1;
  }
  return codes;
}

}  // namespace

std::string scrutiny_case_label(std::int64_t sample_id, int case_number) {
  return fmt::format("S{}-C{:02}", sample_id, case_number);
}

nlohmann::json strata_json(const std::vector<SampleStratum>& strata) {
  nlohmann::json out = nlohmann::json::array();
  for (const SampleStratum& stratum : strata) {
    out.push_back({{"outcome_code", stratum.outcome_code}, {"offence_group", stratum.offence_group},
                   {"population", stratum.population}, {"sampled", stratum.sampled}});
  }
  return out;
}

Result<BuiltSample> build_scrutiny_sample(const ExtractTables& tables, const CodeTables& codes, const SampleSpec& spec) {
  const CodeTable* offences = codes.table("offence");
  if (offences == nullptr) return Error{"reference_data", "the offence code table is missing"};
  auto draw = draw_scrutiny_sample(tables.crimes, *offences, spec);
  if (!draw) return draw.error();
  if (draw->cases.empty()) {
    return Error{"invalid_input", "no closed case in scope has an outcome dated " + spec.from.to_iso() + " to " +
                                      spec.to.to_iso() + (spec.outcome_codes.empty() ? "" : " among outcomes " + outcomes_text(spec.outcome_codes)) +
                                      "; widen the period"};
  }
  std::vector<std::string> refs, pseudonyms;
  for (const SampledCase& sampled : draw->cases) {
    refs.push_back(sampled.crime_ref);
    pseudonyms.push_back(fmt::format("C{:02}", sampled.case_number));
  }
  const auto summaries = summarise_cases(tables, codes, refs, pseudonyms);
  BuiltSample built;
  ScrutinySample& sample = built.sample;
  sample.from = spec.from;
  sample.to = spec.to;
  sample.allocation = std::string(sample_allocation_code(spec.allocation));
  sample.size = spec.allocation == SampleAllocation::Proportional ? spec.size : 0;
  sample.per_stratum = spec.allocation == SampleAllocation::FixedPerStratum ? spec.per_stratum : 0;
  sample.seed = spec.seed;
  sample.outcome_codes = outcomes_text(spec.outcome_codes);
  sample.sampler_version = kScrutinySamplerVersion;
  sample.population = draw->population;
  sample.strata_json = strata_json(draw->strata).dump();
  sample.force_code = spec.force_code;
  sample.unit_ref = spec.unit_ref;
  for (std::size_t i = 0; i < draw->cases.size() && i < summaries.size(); ++i) {
    const SampledCase& sampled = draw->cases[i];
    built.cases.push_back({0, sampled.case_number, pseudonyms[i], sampled.crime_ref, sampled.outcome_code,
                           sampled.offence_group, case_summary_json(summaries[i]).dump()});
  }
  built.strata = std::move(draw->strata);
  return built;
}

SampleSpec spec_of_sample(const ScrutinySample& sample) {
  SampleSpec spec;
  spec.from = sample.from;
  spec.to = sample.to;
  spec.allocation = sample.allocation == "fixed" ? SampleAllocation::FixedPerStratum : SampleAllocation::Proportional;
  spec.size = sample.size;
  spec.per_stratum = sample.per_stratum;
  spec.seed = sample.seed;
  spec.outcome_codes = outcomes_of(sample.outcome_codes);
  spec.force_code = sample.force_code;
  spec.unit_ref = sample.unit_ref;
  return spec;
}

}  // namespace rasso

#pragma once
// KpiDimension: what a KPI can be broken down by (DOMAIN.md §8): force, unit, offence group, and
// the victim's and the suspect's age band, sex, ethnicity and disability. Each dimension has a
// fixed list of categories, "Not recorded" always among them (HMICFRS 2023 found victim ethnicity
// missing in 61% of records), and "Not applicable" for figures that are not about a crime (an
// officer's training). Force and unit categories come from the data.

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace rasso {

enum class KpiDimension : std::uint8_t {
  Force,
  Unit,
  OffenceGroup,
  VictimAgeBand,
  VictimSex,
  VictimEthnicity,
  VictimDisability,
  SuspectAgeBand,
  SuspectSex,
  SuspectEthnicity,
  SuspectDisability,
};
inline constexpr std::size_t kKpiDimensionCount = 11;

/// Every dimension, in the order above.
const std::array<KpiDimension, kKpiDimensionCount>& all_kpi_dimensions();
/// The identifier used in --by, JSON and URLs: "force", "unit", "offence_group", "victim_age_band",
/// "victim_sex", "victim_ethnicity", "victim_disability", "suspect_age_band", ...
std::string_view dimension_id(KpiDimension dimension);
/// A heading for people: "Victim ethnicity".
std::string_view dimension_label(KpiDimension dimension);
/// Parses a comma-separated list of dimension ids ("unit,victim_ethnicity"); an empty text is an
/// empty list. Error "invalid_input" naming the unknown id and the known ones.
Result<std::vector<KpiDimension>> parse_dimension_list(std::string_view text);

inline constexpr std::string_view kNotRecorded = "Not recorded";
inline constexpr std::string_view kNotApplicable = "Not applicable";

/// The fixed categories of a dimension (empty for force and unit, whose categories are the codes
/// in the data followed by kNotRecorded and kNotApplicable).
const std::vector<std::string_view>& fixed_categories(KpiDimension dimension);

/// Age band of an age in years: "0-12", "13-15", "16-17", "18-24", "25-34", "35-44", "45-54",
/// "55-64", "65+", or kNotRecorded.
std::string_view age_band(std::optional<int> age_years);
/// Headline ethnic group (ONS 5+1) of a self-defined code: "White", "Mixed", "Asian", "Black",
/// "Other", "Not stated" (NS), or kNotRecorded for a blank or unknown code.
std::string_view ethnicity_group(std::string_view code);
/// "Female", "Male", "Not known" (U) or kNotRecorded.
std::string_view sex_category(std::string_view code);
/// "Disabled", "Not disabled", "Not stated" (U) or kNotRecorded.
std::string_view disability_category(std::string_view code);
/// "Rape", "Sexual assault", "Child sexual offence", "Other sexual offence" for the offence code
/// table's group, or kNotRecorded.
std::string_view offence_group_category(std::string_view group);

}  // namespace rasso

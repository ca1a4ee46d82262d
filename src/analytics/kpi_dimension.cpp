#include "analytics/kpi_dimension.h"

namespace rasso {
namespace {

struct DimensionName {
  KpiDimension dimension;
  std::string_view id;
  std::string_view label;
};

constexpr DimensionName kNames[] = {
    {KpiDimension::Force, "force", "Force"},
    {KpiDimension::Unit, "unit", "Unit"},
    {KpiDimension::OffenceGroup, "offence_group", "Offence group"},
    {KpiDimension::VictimAgeBand, "victim_age_band", "Victim age band"},
    {KpiDimension::VictimSex, "victim_sex", "Victim sex"},
    {KpiDimension::VictimEthnicity, "victim_ethnicity", "Victim ethnicity"},
    {KpiDimension::VictimDisability, "victim_disability", "Victim disability"},
    {KpiDimension::SuspectAgeBand, "suspect_age_band", "Suspect age band"},
    {KpiDimension::SuspectSex, "suspect_sex", "Suspect sex"},
    {KpiDimension::SuspectEthnicity, "suspect_ethnicity", "Suspect ethnicity"},
    {KpiDimension::SuspectDisability, "suspect_disability", "Suspect disability"},
};

}  // namespace

const std::array<KpiDimension, kKpiDimensionCount>& all_kpi_dimensions() {
  static const std::array<KpiDimension, kKpiDimensionCount> all = [] {
    std::array<KpiDimension, kKpiDimensionCount> dimensions{};
    for (std::size_t i = 0; i < kKpiDimensionCount; ++i) dimensions[i] = kNames[i].dimension;
    return dimensions;
  }();
  return all;
}

std::string_view dimension_id(KpiDimension dimension) { return kNames[static_cast<std::size_t>(dimension)].id; }
std::string_view dimension_label(KpiDimension dimension) { return kNames[static_cast<std::size_t>(dimension)].label; }

Result<std::vector<KpiDimension>> parse_dimension_list(std::string_view text) {
  std::vector<KpiDimension> dimensions;
  std::size_t begin = 0;
  while (begin < text.size()) {
    std::size_t end = text.find(',', begin);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view id = text.substr(begin, end - begin);
    begin = end + 1;
    if (id.empty()) continue;
    bool found = false;
    for (const DimensionName& name : kNames) {
      if (name.id != id) continue;
      found = true;
      bool repeated = false;
      for (KpiDimension seen : dimensions) repeated = repeated || seen == name.dimension;
      if (!repeated) dimensions.push_back(name.dimension);
    }
    if (!found) {
      std::string known;
      for (const DimensionName& name : kNames) known += (known.empty() ? "" : ", ") + std::string(name.id);
      return Error{"invalid_input", "unknown breakdown '" + std::string(id) + "'; use one or more of " + known};
    }
  }
  return dimensions;
}

const std::vector<std::string_view>& fixed_categories(KpiDimension dimension) {
  static const std::vector<std::string_view> kNone;
  static const std::vector<std::string_view> kAges = {"0-12",  "13-15", "16-17", "18-24",      "25-34",         "35-44",
                                                      "45-54", "55-64", "65+",   kNotRecorded, kNotApplicable};
  static const std::vector<std::string_view> kSexes = {"Female", "Male", "Not known", kNotRecorded, kNotApplicable};
  static const std::vector<std::string_view> kEthnicities = {"White", "Mixed", "Asian", "Black", "Other",
                                                             "Not stated", kNotRecorded, kNotApplicable};
  static const std::vector<std::string_view> kDisabilities = {"Disabled", "Not disabled", "Not stated", kNotRecorded,
                                                              kNotApplicable};
  static const std::vector<std::string_view> kGroups = {"Rape", "Sexual assault", "Child sexual offence",
                                                        "Other sexual offence", kNotRecorded, kNotApplicable};
  switch (dimension) {
    case KpiDimension::Force:
    case KpiDimension::Unit: return kNone;
    case KpiDimension::OffenceGroup: return kGroups;
    case KpiDimension::VictimAgeBand:
    case KpiDimension::SuspectAgeBand: return kAges;
    case KpiDimension::VictimSex:
    case KpiDimension::SuspectSex: return kSexes;
    case KpiDimension::VictimEthnicity:
    case KpiDimension::SuspectEthnicity: return kEthnicities;
    case KpiDimension::VictimDisability:
    case KpiDimension::SuspectDisability: return kDisabilities;
  }
  return kNone;
}

std::string_view age_band(std::optional<int> age_years) {
  if (!age_years || *age_years < 0) return kNotRecorded;
  const int age = *age_years;
  if (age <= 12) return "0-12";
  if (age <= 15) return "13-15";
  if (age <= 17) return "16-17";
  if (age <= 24) return "18-24";
  if (age <= 34) return "25-34";
  if (age <= 44) return "35-44";
  if (age <= 54) return "45-54";
  if (age <= 64) return "55-64";
  return "65+";
}

std::string_view ethnicity_group(std::string_view code) {
  if (code.size() == 2 && (code == "NS" || code == "ns")) return "Not stated";
  if (code.size() != 2) return kNotRecorded;
  switch (code[0]) {
    case 'W': case 'w': return "White";
    case 'M': case 'm': return "Mixed";
    case 'A': case 'a': return "Asian";
    case 'B': case 'b': return "Black";
    case 'O': case 'o': return "Other";
    default: return kNotRecorded;
  }
}

std::string_view sex_category(std::string_view code) {
  if (code == "F" || code == "f") return "Female";
  if (code == "M" || code == "m") return "Male";
  if (code == "U" || code == "u") return "Not known";
  return kNotRecorded;
}

std::string_view disability_category(std::string_view code) {
  if (code == "Y" || code == "y") return "Disabled";
  if (code == "N" || code == "n") return "Not disabled";
  if (code == "U" || code == "u") return "Not stated";
  return kNotRecorded;
}

std::string_view offence_group_category(std::string_view group) {
  if (group == "rape") return "Rape";
  if (group == "sexual_assault") return "Sexual assault";
  if (group == "child_sexual_offence") return "Child sexual offence";
  if (group == "other") return "Other sexual offence";
  return kNotRecorded;
}

}  // namespace rasso

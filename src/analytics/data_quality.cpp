#include "analytics/data_quality.h"

#include <algorithm>
#include <set>

#include "core/field_spec.h"
#include "core/identifier_formats.h"

namespace rasso {
namespace {

constexpr const char* kAssessedFields[] = {"forename", "surname", "dob", "sex", "ethnicity", "postcode", "pnc_id"};

}  // namespace

DataQualityReport assess_person_data_quality(const std::vector<std::vector<std::string>>& person_rows,
                                             const std::unordered_map<std::string, std::uint64_t>& resolved) {
  const EntitySpec& spec = entity_spec(Entity::Persons);
  const std::size_t ref_index = *spec.index_of("person_ref");
  const std::size_t force_index = *spec.index_of("force_code");
  const std::size_t dob_index = *spec.index_of("dob");
  const std::size_t pnc_index = *spec.index_of("pnc_id");
  std::vector<std::size_t> assessed;
  for (const char* field : kAssessedFields) assessed.push_back(*spec.index_of(field));

  DataQualityReport report;
  report.person_records = person_rows.size();
  report.resolution_available = !resolved.empty();
  std::map<std::string, SourceQuality> sources;
  std::map<std::string, std::pair<std::set<std::string>, std::vector<std::string>>> by_pnc;  // pnc -> dobs, refs
  std::map<std::pair<std::string, std::uint64_t>, std::size_t> per_person_in_source;
  for (const auto& row : person_rows) {
    const std::string source = row[force_index].empty() ? "(none)" : row[force_index];
    SourceQuality& quality = sources[source];
    if (quality.fields.empty()) {
      quality.source = source;
      for (const char* field : kAssessedFields) quality.fields.push_back({field, 0, 0});
    }
    ++quality.records;
    for (std::size_t i = 0; i < assessed.size(); ++i) {
      ++quality.fields[i].total;
      if (row[assessed[i]].empty()) ++quality.fields[i].missing;
    }
    const std::string& pnc = row[pnc_index];
    if (!pnc.empty()) {
      if (!pnc_id_check_character_valid(pnc)) {
        ++quality.invalid_pnc_check;
        ++report.invalid_pnc_check;
      } else {
        // YYYY/NNNNNNNL and YY/NNNNNNNL are one identifier: key on the two-digit form.
        auto& [dobs, refs] = by_pnc[pnc.substr(pnc.find('/') - 2)];
        if (!row[dob_index].empty()) dobs.insert(row[dob_index]);
        refs.push_back(row[ref_index]);
      }
    }
    const auto person = resolved.find(row[ref_index]);
    if (person != resolved.end() && ++per_person_in_source[{source, person->second}] > 1) {
      ++quality.likely_duplicates;
      ++report.likely_duplicates;
    }
  }
  for (auto& [source, quality] : sources) report.sources.push_back(std::move(quality));
  for (auto& [pnc, entry] : by_pnc) {
    if (entry.first.size() < 2) continue;
    std::sort(entry.second.begin(), entry.second.end());
    report.pnc_conflicts.push_back({pnc, {entry.first.begin(), entry.first.end()}, std::move(entry.second)});
  }
  return report;
}

}  // namespace rasso

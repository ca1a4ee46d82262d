#include "reports/case_list_export.h"

#include <unordered_map>

namespace rasso {
namespace {

std::string joined(const std::vector<std::string>& values, const char* separator = "; ") {
  std::string out;
  for (const std::string& value : values) out += (out.empty() ? "" : separator) + value;
  return out;
}

ExportCell text(std::string value) { return ExportCell::of_text(std::move(value)); }
ExportCell optional_date(const std::optional<CivilDate>& date) {
  return date ? ExportCell::of_text(date->to_iso()) : ExportCell::blank();
}

}  // namespace

ExportTable crime_list_table(const ExtractTables& tables, const KpiFacts& facts,
                             const std::map<std::string, OffenceInfo, std::less<>>& offences, CivilDate from, CivilDate to,
                             const PersonLabel& label) {
  ExportTable table;
  table.name = "Crimes";
  table.columns = {"crime_ref",   "force_code",   "offence_code", "offence",           "offence_group", "reported_date", "recorded_date",
                   "unit_ref",    "officer_ref",  "outcome_code", "outcome_date",      "postcode_district", "victims",  "suspects"};
  table.notes = {"Crimes reported " + from.to_iso() + " to " + to.to_iso() + ", as of " + facts.as_of.to_iso()};
  std::unordered_map<std::string_view, std::size_t> selected;
  std::vector<std::size_t> rows;
  for (std::size_t i = 0; i < facts.crimes.size(); ++i) {
    const CrimeRecord& crime = tables.crimes[facts.crime_rows[i]];
    if (crime.reported_date < from || crime.reported_date > to) continue;
    selected.emplace(crime.crime_ref, rows.size());
    rows.push_back(facts.crime_rows[i]);
  }
  std::vector<std::vector<std::string>> victims(rows.size()), suspects(rows.size());
  for (const InvolvementRecord& involvement : tables.involvements) {
    const auto found = selected.find(involvement.crime_ref);
    if (found == selected.end()) continue;
    if (involvement.role == InvolvementRole::Victim) victims[found->second].push_back(label(involvement.person_ref));
    if (involvement.role == InvolvementRole::Suspect) suspects[found->second].push_back(label(involvement.person_ref));
  }
  for (std::size_t r = 0; r < rows.size(); ++r) {
    const CrimeRecord& crime = tables.crimes[rows[r]];
    const auto offence = offences.find(crime.offence_code);
    table.rows.push_back({text(crime.crime_ref), text(crime.force_code), text(crime.offence_code),
                          text(offence != offences.end() ? offence->second.label : ""),
                          text(offence != offences.end() ? offence->second.group : ""), text(crime.reported_date.to_iso()),
                          optional_date(crime.recorded_date), text(crime.unit_ref), text(crime.officer_ref),
                          ExportCell::of_number(crime.outcome_code), optional_date(crime.outcome_date),
                          text(crime.postcode_district), text(joined(victims[r])), text(joined(suspects[r]))});
  }
  return table;
}

ExportTable repeat_suspects_table(const std::vector<RepeatSuspect>& suspects, const std::string& definition,
                                  const PersonLabel& label, const CrimeVisible& visible) {
  ExportTable table;
  table.name = "Repeat suspects";
  table.columns = {"rank", "person", "score", "recency_points", "frequency", "gravity_years", "distinct_victims",
                   "forces", "latest_crime", "crime_refs", "current_measures"};
  table.notes = {"Repeat suspects: " + definition};
  for (const RepeatSuspect& suspect : suspects) {
    std::vector<std::string> crimes;
    for (const SuspectCrime& crime : suspect.crimes) {
      if (!visible || visible(crime.crime_ref)) crimes.push_back(crime.crime_ref);
    }
    if (crimes.empty()) continue;
    table.rows.push_back({ExportCell::of_number(static_cast<double>(table.rows.size() + 1)),
                          text(suspect.person_refs.empty() ? std::string() : label(suspect.person_refs.front())),
                          ExportCell::of_number(suspect.score), ExportCell::of_number(suspect.recency_points),
                          ExportCell::of_number(static_cast<double>(suspect.crimes.size())),
                          ExportCell::of_number(suspect.gravity_years), ExportCell::of_number(suspect.distinct_victims),
                          text(joined(suspect.forces, ";")), text(suspect.latest_crime.to_iso()), text(joined(crimes, ";")),
                          text(joined(suspect.current_measures))});
  }
  return table;
}

ExportTable worklist_table(WorklistKind kind, const std::vector<WorklistItem>& items, const PersonLabel& label) {
  ExportTable table;
  table.name = "Worklist " + std::string(worklist_name(kind));
  table.columns = {"kind", "reason", "due_date", "days_overdue", "record_ref", "crime_ref", "person", "officer_ref",
                   "unit_ref", "force_code"};  // worklist_item_fields() order, person_ref as person
  for (const WorklistItem& item : items) {
    const auto fields = worklist_item_fields(item);
    std::vector<ExportCell> row;
    for (const auto& [name, value] : fields) {
      if (name == "person_ref") {
        row.push_back(text(value.empty() ? std::string() : label(value)));
      } else if (name == "days_overdue") {
        row.push_back(ExportCell::of_number(item.days_overdue));
      } else {
        row.push_back(text(std::string(value)));
      }
    }
    table.rows.push_back(std::move(row));
  }
  return table;
}

}  // namespace rasso

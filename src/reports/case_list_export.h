#pragma once
// Exports of case work: the crime list, the repeat-suspect list and each safeguarding worklist,
// as ExportTables. Person columns are filled by the caller's PersonLabel (pseudonyms unless the
// caller may see names); everything else comes from the records as they are.

#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "analytics/kpi_facts.h"
#include "analytics/repeat_suspects.h"
#include "core/extract_records.h"
#include "reports/export_table.h"
#include "worklists/worklist.h"

namespace rasso {

/// The crimes of `facts` (its force/unit scope) reported from `from` to `to`: crime_ref,
/// force_code, offence_code, offence, offence_group, reported_date, recorded_date, unit_ref,
/// officer_ref, outcome_code, outcome_date, postcode_district, victims, suspects (people joined
/// by "; ").
ExportTable crime_list_table(const ExtractTables& tables, const KpiFacts& facts,
                             const std::map<std::string, OffenceInfo, std::less<>>& offences, CivilDate from, CivilDate to,
                             const PersonLabel& label);

/// Whether the reader may see the crime `crime_ref` (their force or unit); empty: every crime.
using CrimeVisible = std::function<bool(std::string_view crime_ref)>;

/// The ranked repeat suspects: rank, person, score, recency_points, frequency, gravity_years,
/// distinct_victims, forces, latest_crime, crime_refs, current_measures; the definition as a note.
/// With `visible`, as GET /api/v1/suspects: a suspect with no visible crime is left out, crime_refs
/// lists the visible crimes only and rank counts the suspects listed; the other columns describe
/// the suspect across every force.
ExportTable repeat_suspects_table(const std::vector<RepeatSuspect>& suspects, const std::string& definition,
                                  const PersonLabel& label, const CrimeVisible& visible = {});

/// A worklist's items with every field of worklist_item_fields(), person_ref replaced by a
/// person column from `label`.
ExportTable worklist_table(WorklistKind kind, const std::vector<WorklistItem>& items, const PersonLabel& label);

}  // namespace rasso

#pragma once
// The inspection recommendations tracker as an ExportTable: the one layout that both
// `rasso recommendations export` and GET /api/v1/exports/recommendations write, so the file a
// board receives is the same whichever way it was made.

#include <vector>

#include "core/civil_date.h"
#include "reports/export_table.h"
#include "store/governance_records.h"

namespace rasso {

/// One row per recommendation (row "recommendation": id, source, number, due_date, for_forces Y/N,
/// area, summary, owner, status, status_note, overdue Y/N, days_overdue, actions, open_actions,
/// overdue_actions, evidence_items, updated_at), each followed by one row per action of it (row
/// "action": id, action_id, action, action_owner, action_due, action_status, action_overdue Y/N,
/// updated_at). Overdue is judged on `as_of` by core/recommendation_status.h; the date is a note.
ExportTable recommendations_table(const std::vector<Recommendation>& recommendations,
                                  const std::vector<RecommendationAction>& actions, const std::vector<EvidenceItem>& evidence,
                                  CivilDate as_of);

}  // namespace rasso

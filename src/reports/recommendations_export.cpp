#include "reports/recommendations_export.h"

#include "analytics/recommendation_progress.h"

namespace rasso {
namespace {

ExportCell text(std::string value) { return ExportCell::of_text(std::move(value)); }
ExportCell yes_no(bool value) { return text(value ? "Y" : "N"); }
ExportCell number(int value) { return ExportCell::of_number(value); }

}  // namespace

ExportTable recommendations_table(const std::vector<Recommendation>& recommendations,
                                  const std::vector<RecommendationAction>& actions, const std::vector<EvidenceItem>& evidence,
                                  CivilDate as_of) {
  ExportTable table;
  table.name = "Recommendations";
  table.columns = {"row",          "id",           "source",       "number",          "due_date",       "for_forces",
                   "area",         "summary",      "owner",        "status",          "status_note",    "overdue",
                   "days_overdue", "actions",      "open_actions", "overdue_actions", "evidence_items", "action_id",
                   "action",       "action_owner", "action_due",   "action_status",   "action_overdue", "updated_at"};
  table.notes = {"Overdue as of " + as_of.to_iso() + ": not closed and past the due date (due on day D, overdue from D+1)."};
  const auto progress = recommendation_progress(recommendations, actions, evidence, as_of);
  const auto blanks = [](std::vector<ExportCell>& row, std::size_t count) { row.insert(row.end(), count, ExportCell::blank()); };
  for (const Recommendation& rec : recommendations) {
    const RecommendationProgress& done = progress.at(rec.rec_id);
    std::vector<ExportCell> row = {text("recommendation"), text(rec.rec_id), text(rec.source), text(rec.number),
                                   rec.due_date ? text(rec.due_date->to_iso()) : ExportCell::blank(), yes_no(rec.for_forces),
                                   text(rec.area), text(rec.summary), text(rec.owner),
                                   text(std::string(recommendation_status_code(rec.status))), text(rec.status_note),
                                   yes_no(done.overdue), number(done.days_overdue), number(done.actions),
                                   number(done.open_actions), number(done.overdue_actions), number(done.evidence_items)};
    blanks(row, 6);
    row.push_back(text(rec.updated_at));
    table.rows.push_back(std::move(row));
    for (const RecommendationAction& action : actions) {
      if (action.rec_id != rec.rec_id) continue;
      std::vector<ExportCell> action_row = {text("action"), text(rec.rec_id)};
      blanks(action_row, 15);
      action_row.insert(action_row.end(),
                        {ExportCell::of_number(static_cast<double>(action.action_id)), text(action.description), text(action.owner),
                         text(action.due_date.to_iso()), text(std::string(action_status_code(action.status))),
                         yes_no(action_overdue(action.status, action.due_date, as_of)), text(action.updated_at)});
      table.rows.push_back(std::move(action_row));
    }
  }
  return table;
}

}  // namespace rasso

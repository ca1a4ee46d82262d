#include "core/recommendation_status.h"

#include <array>

#include "core/code_table.h"

namespace rasso {
namespace {

std::string normalise_code(std::string_view code) {
  std::string out = ascii_lower(code);
  for (char& c : out) {
    if (c == '-' || c == ' ') c = '_';
  }
  return out;
}

bool blank(std::string_view text) { return text.find_first_not_of(" \t\r\n") == std::string_view::npos; }

std::string from_to(std::string_view from, std::string_view to) {
  return "from " + std::string(from) + " to " + std::string(to);
}

}  // namespace

std::string_view recommendation_status_code(RecommendationStatus status) {
  switch (status) {
    case RecommendationStatus::Open: return "open";
    case RecommendationStatus::InProgress: return "in_progress";
    case RecommendationStatus::EvidenceSubmitted: return "evidence_submitted";
    case RecommendationStatus::Closed: return "closed";
  }
  return "open";
}

std::optional<RecommendationStatus> parse_recommendation_status(std::string_view code) {
  const std::string wanted = normalise_code(code);
  for (auto status : {RecommendationStatus::Open, RecommendationStatus::InProgress, RecommendationStatus::EvidenceSubmitted,
                      RecommendationStatus::Closed}) {
    if (recommendation_status_code(status) == wanted) return status;
  }
  return std::nullopt;
}

std::string_view action_status_code(ActionStatus status) {
  switch (status) {
    case ActionStatus::Open: return "open";
    case ActionStatus::InProgress: return "in_progress";
    case ActionStatus::Closed: return "closed";
  }
  return "open";
}

std::optional<ActionStatus> parse_action_status(std::string_view code) {
  const std::string wanted = normalise_code(code);
  for (auto status : {ActionStatus::Open, ActionStatus::InProgress, ActionStatus::Closed}) {
    if (action_status_code(status) == wanted) return status;
  }
  return std::nullopt;
}

Status check_recommendation_transition(const RecommendationFacts& facts, RecommendationStatus to, std::string_view note) {
  using S = RecommendationStatus;
  const S from = facts.status;
  const std::string change = from_to(recommendation_status_code(from), recommendation_status_code(to));
  if (from == to) return Error{"conflict", "the recommendation is already " + std::string(recommendation_status_code(to))};
  if (from == S::Open && to == S::InProgress) {
    if (!facts.has_owner) return Error{"invalid_input", "set an owner (executive lead) before moving " + change};
    if (facts.actions == 0) return Error{"invalid_input", "add at least one action before moving " + change};
    return ok_status();
  }
  if (from == S::InProgress && to == S::EvidenceSubmitted) {
    if (facts.evidence_items == 0) return Error{"invalid_input", "add at least one evidence item before moving " + change};
    return ok_status();
  }
  if (from == S::EvidenceSubmitted && to == S::Closed) {
    if (blank(note)) return Error{"invalid_input", "closing needs a closure note saying why the recommendation is met"};
    if (facts.evidence_items == 0) return Error{"invalid_input", "closing needs at least one evidence item"};
    if (facts.open_actions > 0) {
      return Error{"invalid_input", "closing needs every action closed; " + std::to_string(facts.open_actions) +
                                        " action(s) still open or in progress"};
    }
    return ok_status();
  }
  if ((from == S::EvidenceSubmitted || from == S::Closed) && to == S::InProgress) {
    if (blank(note)) return Error{"invalid_input", "moving " + change + " needs a note giving the reason"};
    return ok_status();
  }
  return Error{"conflict", "a recommendation cannot move " + change +
                               " (allowed: open -> in_progress -> evidence_submitted -> closed, and back to "
                               "in_progress with a reason)"};
}

Status check_action_transition(ActionStatus from, ActionStatus to, std::string_view note) {
  const std::string change = from_to(action_status_code(from), action_status_code(to));
  if (from == to) return Error{"conflict", "the action is already " + std::string(action_status_code(to))};
  if (to == ActionStatus::Closed && blank(note)) return Error{"invalid_input", "closing an action needs a note saying what was done"};
  if (from == ActionStatus::Closed) {
    if (to != ActionStatus::InProgress) return Error{"conflict", "a closed action can only be reopened to in_progress"};
    if (blank(note)) return Error{"invalid_input", "reopening an action needs a note giving the reason"};
  }
  return ok_status();
}

bool action_overdue(ActionStatus status, CivilDate due_date, CivilDate as_of) {
  return status != ActionStatus::Closed && due_date < as_of;
}

bool recommendation_overdue(RecommendationStatus status, const std::optional<CivilDate>& due_date, CivilDate as_of) {
  return status != RecommendationStatus::Closed && due_date && *due_date < as_of;
}

}  // namespace rasso

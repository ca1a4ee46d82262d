#pragma once
// The life of an inspection recommendation in the tracker, and of each action agreed under it:
// which status changes are allowed and what each needs, so a board cannot mark a recommendation
// closed without a closure note, evidence and every action done. Pure rules; the store applies
// them inside the write's transaction. Also when either is overdue, the one rule that
// `rasso recommendations overdue`, the tracker's list and its exports share.

#include <optional>
#include <string>
#include <string_view>

#include "core/civil_date.h"
#include "core/result.h"

namespace rasso {

enum class RecommendationStatus { Open, InProgress, EvidenceSubmitted, Closed };
enum class ActionStatus { Open, InProgress, Closed };

/// "open", "in_progress", "evidence_submitted", "closed".
std::string_view recommendation_status_code(RecommendationStatus status);
/// The status for a code (ASCII case ignored; '-' or ' ' read as '_'), or nullopt.
std::optional<RecommendationStatus> parse_recommendation_status(std::string_view code);
/// "open", "in_progress", "closed".
std::string_view action_status_code(ActionStatus status);
std::optional<ActionStatus> parse_action_status(std::string_view code);

/// What a recommendation holds when someone asks to change its status.
struct RecommendationFacts {
  RecommendationStatus status = RecommendationStatus::Open;
  bool has_owner = false;
  int actions = 0;
  int open_actions = 0;  // actions not closed
  int evidence_items = 0;
};

/// Checks moving a recommendation to `to` with `note` (the closure note, or the reason for going
/// back). Allowed: open -> in_progress (needs an owner and at least one action);
/// in_progress -> evidence_submitted (needs at least one evidence item); evidence_submitted ->
/// closed (needs a closure note, at least one evidence item and every action closed);
/// evidence_submitted -> in_progress and closed -> in_progress (evidence found wanting, or
/// reopened: needs a note). Anything else, including no change, is refused. Error
/// "invalid_input" (a missing note, owner, action or evidence) or "conflict" (a change not allowed
/// from the current status), each saying what to do.
Status check_recommendation_transition(const RecommendationFacts& facts, RecommendationStatus to, std::string_view note);

/// Checks moving an action from `from` to `to` with `note`: open <-> in_progress freely, either to
/// closed with a note saying what was done, closed -> in_progress (reopened) with a note. Same
/// error codes as above.
Status check_action_transition(ActionStatus from, ActionStatus to, std::string_view note);

/// True when an action not closed is past its due date on `as_of`: due on day D, it is overdue
/// from D+1. A closed action is never overdue.
bool action_overdue(ActionStatus status, CivilDate due_date, CivilDate as_of);

/// True when a recommendation not closed has a due date and it is before `as_of` (the same
/// boundary as an action). One without a due date is never overdue.
bool recommendation_overdue(RecommendationStatus status, const std::optional<CivilDate>& due_date, CivilDate as_of);

}  // namespace rasso

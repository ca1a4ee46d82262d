// The recommendation and action status rules: every allowed move with what it needs, and the
// moves refused with a message that says what to do.

#include "core/recommendation_status.h"

#include <gtest/gtest.h>

namespace rasso {
namespace {

using S = RecommendationStatus;

RecommendationFacts facts(S status, bool owner, int actions, int open_actions, int evidence) {
  return RecommendationFacts{status, owner, actions, open_actions, evidence};
}

void expect_refused(const Status& status, const char* code, const char* words) {
  ASSERT_FALSE(status);
  EXPECT_EQ(status.error().code, code);
  EXPECT_NE(status.error().message.find(words), std::string::npos) << status.error().message;
}

TEST(RecommendationStatus, StartingWorkNeedsAnOwnerAndAnAction) {
  EXPECT_TRUE(check_recommendation_transition(facts(S::Open, true, 1, 1, 0), S::InProgress, ""));
  expect_refused(check_recommendation_transition(facts(S::Open, false, 1, 1, 0), S::InProgress, ""), "invalid_input", "owner");
  expect_refused(check_recommendation_transition(facts(S::Open, true, 0, 0, 0), S::InProgress, ""), "invalid_input", "action");
}

TEST(RecommendationStatus, SubmittingNeedsEvidence) {
  EXPECT_TRUE(check_recommendation_transition(facts(S::InProgress, true, 1, 1, 1), S::EvidenceSubmitted, ""));
  expect_refused(check_recommendation_transition(facts(S::InProgress, true, 1, 1, 0), S::EvidenceSubmitted, ""),
                 "invalid_input", "evidence");
}

TEST(RecommendationStatus, ClosingNeedsANoteEvidenceAndEveryActionClosed) {
  EXPECT_TRUE(check_recommendation_transition(facts(S::EvidenceSubmitted, true, 2, 0, 1), S::Closed, "Met: audit shows 96%"));
  expect_refused(check_recommendation_transition(facts(S::EvidenceSubmitted, true, 2, 0, 1), S::Closed, "  "),
                 "invalid_input", "closure note");
  expect_refused(check_recommendation_transition(facts(S::EvidenceSubmitted, true, 2, 1, 1), S::Closed, "done"),
                 "invalid_input", "1 action(s) still open");
  expect_refused(check_recommendation_transition(facts(S::EvidenceSubmitted, true, 2, 0, 0), S::Closed, "done"),
                 "invalid_input", "evidence");
  // Straight from in progress or open to closed is not allowed: evidence is submitted first.
  expect_refused(check_recommendation_transition(facts(S::InProgress, true, 1, 0, 1), S::Closed, "done"), "conflict",
                 "cannot move from in_progress to closed");
  expect_refused(check_recommendation_transition(facts(S::Open, true, 1, 0, 1), S::Closed, "done"), "conflict", "open");
}

TEST(RecommendationStatus, GoingBackNeedsAReason) {
  EXPECT_TRUE(check_recommendation_transition(facts(S::Closed, true, 1, 0, 1), S::InProgress, "re-inspection found gaps"));
  EXPECT_TRUE(check_recommendation_transition(facts(S::EvidenceSubmitted, true, 1, 0, 1), S::InProgress, "evidence weak"));
  expect_refused(check_recommendation_transition(facts(S::Closed, true, 1, 0, 1), S::InProgress, ""), "invalid_input", "reason");
  expect_refused(check_recommendation_transition(facts(S::Closed, true, 1, 0, 1), S::Open, "x"), "conflict", "closed to open");
  expect_refused(check_recommendation_transition(facts(S::InProgress, true, 1, 0, 1), S::InProgress, ""), "conflict", "already");
}

TEST(RecommendationStatus, ActionsCloseWithANoteAndReopenWithAReason) {
  using A = ActionStatus;
  EXPECT_TRUE(check_action_transition(A::Open, A::InProgress, ""));
  EXPECT_TRUE(check_action_transition(A::InProgress, A::Open, ""));
  EXPECT_TRUE(check_action_transition(A::Open, A::Closed, "trained 42 of 42"));
  expect_refused(check_action_transition(A::InProgress, A::Closed, ""), "invalid_input", "note");
  EXPECT_TRUE(check_action_transition(A::Closed, A::InProgress, "two staff missed"));
  expect_refused(check_action_transition(A::Closed, A::InProgress, ""), "invalid_input", "reason");
  expect_refused(check_action_transition(A::Closed, A::Open, "x"), "conflict", "reopened to in_progress");
  expect_refused(check_action_transition(A::Open, A::Open, ""), "conflict", "already");
}

TEST(RecommendationStatus, CodesRoundTrip) {
  for (S status : {S::Open, S::InProgress, S::EvidenceSubmitted, S::Closed}) {
    EXPECT_EQ(parse_recommendation_status(recommendation_status_code(status)), status);
  }
  EXPECT_EQ(parse_recommendation_status("Evidence-Submitted"), S::EvidenceSubmitted);
  EXPECT_FALSE(parse_recommendation_status("done"));
  EXPECT_EQ(parse_action_status("in progress"), ActionStatus::InProgress);
  EXPECT_FALSE(parse_action_status("finished"));
}

TEST(RecommendationStatus, OverdueFromTheDayAfterTheDueDateUntilClosed) {
  const CivilDate due = *CivilDate::parse_iso("2025-01-31");
  const CivilDate on_due = due, day_after = due.plus_days(1);
  EXPECT_FALSE(action_overdue(ActionStatus::Open, due, on_due));
  EXPECT_TRUE(action_overdue(ActionStatus::Open, due, day_after));
  EXPECT_TRUE(action_overdue(ActionStatus::InProgress, due, day_after));
  EXPECT_FALSE(action_overdue(ActionStatus::Closed, due, day_after));
  EXPECT_FALSE(recommendation_overdue(S::InProgress, due, on_due));
  EXPECT_TRUE(recommendation_overdue(S::InProgress, due, day_after));
  EXPECT_TRUE(recommendation_overdue(S::EvidenceSubmitted, due, day_after));
  EXPECT_FALSE(recommendation_overdue(S::Closed, due, day_after));
  EXPECT_FALSE(recommendation_overdue(S::Open, std::nullopt, day_after));
}

}  // namespace
}  // namespace rasso

#include "linkage/reviewer_decision.h"

namespace rasso::linkage {

std::optional<ReviewDecision> parse_review_decision(std::string_view text) {
  if (text == "same") return ReviewDecision::Same;
  if (text == "different" || text == "never_link") return ReviewDecision::Different;
  return std::nullopt;
}

std::string_view review_decision_name(ReviewDecision decision) {
  return decision == ReviewDecision::Same ? "same" : "different";
}

}  // namespace rasso::linkage

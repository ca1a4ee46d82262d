#pragma once
// A reviewer's decision about two person records, which overrides the model on every later
// run: "same" becomes a must-link, "different" a cannot-link. A "never link these two"
// exclusion is a "different" decision.

#include <optional>
#include <string>
#include <string_view>

namespace rasso::linkage {

enum class ReviewDecision : unsigned char { Same, Different };

struct ReviewerDecision {
  std::string person_ref_a;
  std::string person_ref_b;
  ReviewDecision decision = ReviewDecision::Different;
};

/// "same" -> Same; "different" and "never_link" -> Different; anything else -> nullopt.
std::optional<ReviewDecision> parse_review_decision(std::string_view text);

/// "same" or "different".
std::string_view review_decision_name(ReviewDecision decision);

}  // namespace rasso::linkage

#pragma once
// Turning counts into report figures with small-number suppression applied: a chart (and so its
// table) of categories and counts, hiding small ones and, as in every other output, a second one
// where the total would reveal a hidden count.

#include <cstdint>
#include <string>
#include <vector>

#include "analytics/kpi_suppression.h"
#include "reports/report_document.h"

namespace rasso {

struct CountedCategory {
  std::string label;
  std::int64_t count = 0;
};

/// A chart of `categories` (in the order given) with suppression applied across them.
ReportChart counts_chart(ChartKind kind, std::string title, std::string description, std::string x_label,
                         std::string y_label, const std::vector<CountedCategory>& categories, const SuppressionRule& rule);

/// "12" or the rule's "<5" for one count on its own (primary suppression only).
std::string count_display(std::int64_t count, const SuppressionRule& rule);

/// "23.4%" of numerator over denominator, "<5" when either is small, "n/a" when the denominator is 0.
std::string share_display(std::int64_t numerator, std::int64_t denominator, const SuppressionRule& rule);

}  // namespace rasso

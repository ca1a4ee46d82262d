#include "reports/report_figures.h"

#include <cstdio>

namespace rasso {

ReportChart counts_chart(ChartKind kind, std::string title, std::string description, std::string x_label,
                         std::string y_label, const std::vector<CountedCategory>& categories, const SuppressionRule& rule) {
  ReportChart chart;
  chart.kind = kind;
  chart.title = std::move(title);
  chart.description = std::move(description);
  chart.x_label = std::move(x_label);
  chart.y_label = std::move(y_label);
  std::vector<std::int64_t> counts;
  for (const CountedCategory& category : categories) counts.push_back(category.count);
  const std::vector<std::size_t> axes = {counts.size()};
  std::vector<bool> hidden;
  mark_suppressed_cells(counts, axes, rule, hidden);
  for (std::size_t i = 0; i < categories.size(); ++i) {
    chart.labels.push_back(categories[i].label);
    if (hidden[i]) {
      chart.values.emplace_back(std::nullopt);
      chart.displays.push_back(rule.display());
    } else {
      chart.values.emplace_back(static_cast<double>(counts[i]));
      chart.displays.push_back(std::to_string(counts[i]));
    }
  }
  return chart;
}

std::string count_display(std::int64_t count, const SuppressionRule& rule) {
  return rule.is_small(count) ? rule.display() : std::to_string(count);
}

std::string share_display(std::int64_t numerator, std::int64_t denominator, const SuppressionRule& rule) {
  if (rule.is_small(numerator) || rule.is_small(denominator)) return rule.display();
  if (denominator == 0) return "n/a";
  char text[32];
  std::snprintf(text, sizeof text, "%.1f%%", 100.0 * static_cast<double>(numerator) / static_cast<double>(denominator));
  return text;
}

}  // namespace rasso

#include "reports/flight_deck_report.h"

#include <cstdio>

namespace rasso {
namespace {

std::string section_id(std::string_view theme) {
  std::string id;
  for (char c : theme) id += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : (c == ' ' ? '-' : c);
  return id;
}

std::string change_text(const KpiMeasureReport& report) {
  if (!report.change) return "";
  char text[32];
  switch (kpi_measure(report.id).unit) {
    case KpiUnit::Count: std::snprintf(text, sizeof text, "%+.0f", *report.change); break;
    case KpiUnit::Rate: std::snprintf(text, sizeof text, "%+.1f pts", *report.change * 100.0); break;
    case KpiUnit::Days: std::snprintf(text, sizeof text, "%+.1f days", *report.change); break;
    case KpiUnit::Average: std::snprintf(text, sizeof text, "%+.1f", *report.change); break;
  }
  return text;
}

std::optional<double> shown(const KpiValue& value, double scale = 1.0) {
  if (value.suppressed || !value.available) return std::nullopt;
  return value.value * scale;
}

ReportChart outcome_chart(const KpiFlightDeck& deck) {
  ReportChart chart;
  chart.kind = ChartKind::Bar;
  chart.title = "Outcomes assigned in " + deck.period.label() + " (% of all outcomes)";
  chart.description = "Share of the outcomes assigned in the period that were each Home Office outcome code; codes with none are left out.";
  chart.x_label = "Home Office outcome code";
  chart.y_label = "% of outcomes";
  for (int code = 1; code <= 22; ++code) {
    const KpiMeasureReport& report = deck.measures[static_cast<std::size_t>(*outcome_rate_measure(code))];
    if (report.value.numerator == 0 && !report.value.suppressed) continue;
    chart.labels.push_back(std::to_string(code));
    chart.values.push_back(shown(report.value, 100.0));
    chart.displays.push_back(report.value.display);
  }
  return chart;
}

}  // namespace

ReportDocument build_flight_deck_report(const KpiFlightDeck& deck, const std::vector<KpiSeriesPoint>& trend,
                                        const std::string& area) {
  ReportDocument document;
  document.title = "RASSO flight deck " + deck.period.label();
  document.subtitle = area + ": " + deck.period.label() + " against " + deck.previous_period.label() + ", data as of " +
                      deck.as_of.to_iso();
  document.suppression_note = "Counts from 1 to " + std::to_string(deck.suppression.threshold - 1) + " are shown as " +
                              deck.suppression.display() + (deck.suppression.secondary ? "; a second figure is hidden where a total would reveal one." : ".");
  document.include_recommendations = true;
  std::string_view theme;
  for (const KpiMeasureReport& report : deck.measures) {
    const KpiMeasureSpec& spec = kpi_measure(report.id);
    if (spec.theme != theme) {
      theme = spec.theme;
      ReportSection section;
      section.id = section_id(theme);
      section.title = std::string(theme);
      section.tables.push_back({std::string(theme) + " measures",
                                {"Measure", deck.period.label(), deck.previous_period.label(), "Change"}, {}});
      document.sections.push_back(std::move(section));
    }
    ReportSection& section = document.sections.back();
    if (spec.theme == "Outcomes" && report.id != KpiMeasureId::OutcomesAssigned && report.value.numerator == 0 &&
        report.previous.numerator == 0 && !report.value.suppressed && !report.previous.suppressed) {
      continue;  // outcome codes with none in either period
    }
    section.tables[0].rows.push_back({std::string(spec.name), report.value.display, report.previous.display, change_text(report)});
    for (const KpiBreakdown& breakdown : report.breakdowns) {
      if (!breakdown.applicable || breakdown.cells.empty()) continue;
      ReportTable table;
      std::string dims;
      for (KpiDimension d : breakdown.dimensions) dims += (dims.empty() ? "" : " by ") + std::string(dimension_label(d));
      table.caption = std::string(spec.name) + " by " + dims + ", " + deck.period.label();
      table.columns = {dims, deck.period.label()};
      for (const KpiCell& cell : breakdown.cells) {
        std::string label;
        for (const std::string& category : cell.categories) label += (label.empty() ? "" : " / ") + category;
        table.rows.push_back({label, cell.value.display});
      }
      section.tables.push_back(std::move(table));
    }
  }
  for (ReportSection& section : document.sections) {
    if (section.id == "volume" && !trend.empty()) {
      ReportChart chart;
      chart.kind = ChartKind::Line;
      chart.title = "Recorded RASSO crimes by month";
      chart.description = "Number of RASSO crimes reported in each of the months up to the end of " + deck.period.label() + ".";
      chart.x_label = "Month reported";
      chart.y_label = "Crimes";
      for (const KpiSeriesPoint& point : trend) {
        chart.labels.push_back(point.period.label());
        chart.values.push_back(shown(point.value));
        chart.displays.push_back(point.value.display);
      }
      section.charts.push_back(std::move(chart));
    }
    if (section.id == "outcomes") section.charts.push_back(outcome_chart(deck));
  }
  ReportSection completeness{"completeness", "Completeness of the inputs", {"Share of the period's crimes with each field recorded."}, {}, {}};
  ReportTable table{"Fields recorded", {"Field", "Recorded", "Crimes"}, {}};
  for (const KpiCompleteness& field : deck.completeness) {
    char share[32] = "n/a";
    if (field.total > 0) std::snprintf(share, sizeof share, "%.1f%%", 100.0 * static_cast<double>(field.recorded) / static_cast<double>(field.total));
    table.rows.push_back({field.field, share, deck.suppression.is_small(field.total) ? deck.suppression.display() : std::to_string(field.total)});
  }
  completeness.tables.push_back(std::move(table));
  document.sections.push_back(std::move(completeness));
  return document;
}

}  // namespace rasso

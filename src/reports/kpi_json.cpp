#include "reports/kpi_json.h"

namespace rasso {

nlohmann::json kpi_value_json(const KpiValue& value) {
  if (value.suppressed || !value.available) return nullptr;
  return value.value;
}

namespace {

nlohmann::json cell_json(const KpiBreakdown& breakdown, const KpiCell& cell, KpiUnit unit) {
  nlohmann::json dimension = nlohmann::json::object();
  for (std::size_t i = 0; i < breakdown.dimensions.size(); ++i) {
    dimension[std::string(dimension_id(breakdown.dimensions[i]))] = cell.categories[i];
  }
  nlohmann::json out = {{"dimension", dimension},
                        {"value", kpi_value_json(cell.value)},
                        {"display", cell.value.display},
                        {"suppressed", cell.value.suppressed}};
  if (!cell.value.suppressed && (unit == KpiUnit::Rate || unit == KpiUnit::Average)) {
    out["numerator"] = cell.value.numerator;
    out["denominator"] = cell.value.denominator;
  }
  return out;
}

}  // namespace

nlohmann::json flight_deck_json(const KpiFlightDeck& deck) {
  nlohmann::json measures = nlohmann::json::array();
  for (const KpiMeasureReport& report : deck.measures) {
    const KpiMeasureSpec& spec = kpi_measure(report.id);
    nlohmann::json breakdown = nlohmann::json::array();
    nlohmann::json not_applicable = nlohmann::json::array();
    for (const KpiBreakdown& by : report.breakdowns) {
      if (!by.applicable) {
        std::string dims;
        for (KpiDimension d : by.dimensions) dims += (dims.empty() ? "" : ",") + std::string(dimension_id(d));
        not_applicable.push_back(dims);
        continue;
      }
      for (const KpiCell& cell : by.cells) breakdown.push_back(cell_json(by, cell, spec.unit));
    }
    nlohmann::json measure = {{"id", spec.key},
                              {"name", spec.name},
                              {"theme", spec.theme},
                              {"unit", kpi_unit_name(spec.unit)},
                              {"value", kpi_value_json(report.value)},
                              {"previous_value", kpi_value_json(report.previous)},
                              {"change", report.change ? nlohmann::json(*report.change) : nlohmann::json(nullptr)},
                              {"suppressed", report.value.suppressed},
                              {"display", report.value.display},
                              {"previous_display", report.previous.display},
                              {"breakdown", breakdown}};
    if (!report.value.suppressed && (spec.unit == KpiUnit::Rate || spec.unit == KpiUnit::Average)) {
      measure["numerator"] = report.value.numerator;
      measure["denominator"] = report.value.denominator;
    }
    if (spec.unit == KpiUnit::Days && !report.value.suppressed) measure["cases"] = report.value.denominator;
    if (!not_applicable.empty()) measure["breakdown_not_applicable"] = not_applicable;
    measures.push_back(std::move(measure));
  }
  nlohmann::json completeness = nlohmann::json::array();
  for (const KpiCompleteness& field : deck.completeness) {
    completeness.push_back({{"field", field.field},
                            {"recorded", field.recorded},
                            {"total", field.total},
                            {"rate", field.total > 0 ? nlohmann::json(static_cast<double>(field.recorded) / static_cast<double>(field.total))
                                                     : nlohmann::json(nullptr)}});
  }
  return {{"period", deck.period.label()},
          {"previous_period", deck.previous_period.label()},
          {"as_of", deck.as_of.to_iso()},
          {"suppression", {{"threshold", deck.suppression.threshold}, {"secondary", deck.suppression.secondary}}},
          {"completeness", completeness},
          {"measures", measures}};
}

nlohmann::json kpi_series_json(KpiMeasureId measure, PeriodGranularity granularity,
                               const std::vector<KpiSeriesPoint>& points) {
  nlohmann::json out = {{"measure", kpi_measure(measure).key},
                        {"name", kpi_measure(measure).name},
                        {"unit", kpi_unit_name(kpi_measure(measure).unit)},
                        {"granularity", granularity_name(granularity)},
                        {"points", nlohmann::json::array()}};
  for (const KpiSeriesPoint& point : points) {
    out["points"].push_back({{"period", point.period.label()},
                             {"value", kpi_value_json(point.value)},
                             {"display", point.value.display},
                             {"suppressed", point.value.suppressed}});
  }
  return out;
}

}  // namespace rasso

#include "reports/kpi_export.h"

namespace rasso {
namespace {

ExportCell value_cell(const KpiValue& value) {
  if (value.suppressed || !value.available) return ExportCell::blank();
  return ExportCell::of_number(value.value);
}

}  // namespace

ExportTable flight_deck_table(const KpiFlightDeck& deck) {
  ExportTable table;
  table.name = "KPIs " + deck.period.label();
  table.columns = {"period",    "measure_id",      "measure",        "theme",          "unit",
                   "breakdown", "category",        "value",          "display",        "suppressed",
                   "previous_period", "previous_value", "previous_display", "change"};
  table.notes = {"RASSO flight deck for " + deck.period.label() + " (as of " + deck.as_of.to_iso() + ")",
                 "Counts from 1 to " + std::to_string(deck.suppression.threshold - 1) + " are shown as " +
                     deck.suppression.display() + (deck.suppression.secondary ? ", with secondary suppression" : ""),
                 "Definitions: docs/kpi-definitions.md"};
  const std::string period = deck.period.label(), previous = deck.previous_period.label();
  for (const KpiMeasureReport& report : deck.measures) {
    const KpiMeasureSpec& spec = kpi_measure(report.id);
    const auto common = [&](std::string breakdown, std::string category) {
      return std::vector<ExportCell>{ExportCell::of_text(period),           ExportCell::of_text(std::string(spec.key)),
                                     ExportCell::of_text(std::string(spec.name)), ExportCell::of_text(std::string(spec.theme)),
                                     ExportCell::of_text(std::string(kpi_unit_name(spec.unit))),
                                     ExportCell::of_text(std::move(breakdown)), ExportCell::of_text(std::move(category))};
    };
    std::vector<ExportCell> total = common("", "All");
    total.push_back(value_cell(report.value));
    total.push_back(ExportCell::of_text(report.value.display));
    total.push_back(ExportCell::of_text(report.value.suppressed ? "Y" : "N"));
    total.push_back(ExportCell::of_text(previous));
    total.push_back(value_cell(report.previous));
    total.push_back(ExportCell::of_text(report.previous.display));
    total.push_back(report.change ? ExportCell::of_number(*report.change) : ExportCell::blank());
    table.rows.push_back(std::move(total));
    for (const KpiBreakdown& breakdown : report.breakdowns) {
      std::string dims;
      for (KpiDimension d : breakdown.dimensions) dims += (dims.empty() ? "" : "+") + std::string(dimension_id(d));
      for (const KpiCell& cell : breakdown.cells) {
        std::string category;
        for (const std::string& label : cell.categories) category += (category.empty() ? "" : " / ") + label;
        std::vector<ExportCell> row = common(dims, category);
        row.push_back(value_cell(cell.value));
        row.push_back(ExportCell::of_text(cell.value.display));
        row.push_back(ExportCell::of_text(cell.value.suppressed ? "Y" : "N"));
        for (int i = 0; i < 4; ++i) row.push_back(ExportCell::blank());
        table.rows.push_back(std::move(row));
      }
    }
  }
  return table;
}

}  // namespace rasso

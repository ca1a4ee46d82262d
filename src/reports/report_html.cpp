#include "reports/report_html.h"

#include "reports/svg_chart.h"

namespace rasso {
namespace {

constexpr const char* kStyle = R"(
:root { color-scheme: light; }
body { font-family: "Segoe UI", Arial, Helvetica, sans-serif; margin: 2rem auto; max-width: 60rem; color: #1b1b1b; line-height: 1.45; padding: 0 1rem; }
header { border-bottom: 4px solid #1d3557; margin-bottom: 1rem; }
h1 { font-size: 1.8rem; margin: 0.2rem 0; color: #1d3557; }
h2 { font-size: 1.35rem; color: #1d3557; border-bottom: 1px solid #c8d2e0; padding-bottom: 0.2rem; margin-top: 2rem; }
.classification { font-weight: bold; letter-spacing: 0.05em; color: #7a1f1f; }
.subtitle { color: #444; margin: 0 0 0.6rem 0; }
nav ol { columns: 2; }
figure { margin: 1rem 0 1.5rem 0; page-break-inside: avoid; break-inside: avoid; }
figcaption { font-weight: bold; margin-bottom: 0.3rem; }
svg.chart { max-width: 100%; height: auto; background: #fff; }
svg .chart-title { font-size: 15px; font-weight: bold; fill: #1d3557; }
svg .bar { fill: #2a6f97; }
svg .bar.funnel { fill: #468faf; }
svg .line { fill: none; stroke: #2a6f97; stroke-width: 2.5; }
svg .point { fill: #1d3557; }
svg .grid { stroke: #e3e7ee; stroke-width: 1; }
svg .axis { stroke: #333; stroke-width: 1.2; }
svg .tick { font-size: 11px; fill: #333; }
svg .value { font-size: 11px; fill: #111; }
svg .hidden-value { fill: #7a1f1f; font-style: italic; }
svg .axis-label { font-size: 12px; fill: #333; }
table { border-collapse: collapse; margin: 0.5rem 0 1rem 0; font-size: 0.9rem; }
caption { text-align: left; font-weight: bold; padding-bottom: 0.3rem; }
th, td { border: 1px solid #c8d2e0; padding: 0.25rem 0.6rem; text-align: left; }
td.number, th.number { text-align: right; font-variant-numeric: tabular-nums; }
thead th { background: #eef2f7; }
.recommendations { border: 2px dashed #2a6f97; min-height: 8rem; padding: 0.8rem; background: #f8fafc; }
.recommendations:focus { outline: 3px solid #ffbf47; }
.note { color: #444; font-size: 0.9rem; }
footer { margin-top: 3rem; border-top: 1px solid #c8d2e0; font-size: 0.85rem; color: #444; }
@media print {
  body { margin: 0; max-width: none; font-size: 10.5pt; }
  nav { display: none; }
  h2 { page-break-after: avoid; break-after: avoid; }
  section { page-break-inside: auto; }
  table, figure { page-break-inside: avoid; break-inside: avoid; }
  .recommendations { border: 1px solid #999; background: none; }
  @page { size: A4; margin: 15mm; }
}
)";

bool looks_numeric(const std::string& text) {
  if (text.empty()) return false;
  const char first = text.front();
  return (first >= '0' && first <= '9') || first == '<' || first == '+' || first == '-';
}

void append_table(std::string& out, const ReportTable& table) {
  out += "<table><caption>" + escape_html(table.caption) + "</caption><thead><tr>";
  for (std::size_t c = 0; c < table.columns.size(); ++c) {
    out += std::string(c == 0 ? "<th scope=\"col\">" : "<th scope=\"col\" class=\"number\">") + escape_html(table.columns[c]) + "</th>";
  }
  out += "</tr></thead><tbody>";
  for (const auto& row : table.rows) {
    out += "<tr>";
    for (std::size_t c = 0; c < row.size(); ++c) {
      if (c == 0) {
        out += "<th scope=\"row\">" + escape_html(row[c]) + "</th>";
      } else {
        out += std::string(looks_numeric(row[c]) ? "<td class=\"number\">" : "<td>") + escape_html(row[c]) + "</td>";
      }
    }
    out += "</tr>";
  }
  out += "</tbody></table>";
}

ReportTable table_of(const ReportChart& chart) {
  ReportTable table;
  table.caption = "Figures for: " + chart.title;
  table.columns = {chart.x_label.empty() ? "Category" : chart.x_label, chart.y_label.empty() ? "Value" : chart.y_label};
  for (std::size_t i = 0; i < chart.labels.size(); ++i) {
    table.rows.push_back({chart.labels[i], i < chart.displays.size() ? chart.displays[i] : std::string()});
  }
  return table;
}

}  // namespace

std::string render_report_html(const ReportDocument& document) {
  std::string out;
  out += "<!DOCTYPE html>\n<html lang=\"en-GB\"><head><meta charset=\"utf-8\"/>";
  out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>";
  out += "<title>" + escape_html(document.title) + "</title><style>" + kStyle + "</style></head><body>";
  out += "<header><p class=\"classification\">" + escape_html(document.classification) + "</p><h1>" +
         escape_html(document.title) + "</h1><p class=\"subtitle\">" + escape_html(document.subtitle) + "</p></header>";
  out += "<nav aria-label=\"Contents\"><h2>Contents</h2><ol>";
  for (const ReportSection& section : document.sections) {
    out += "<li><a href=\"#" + escape_html(section.id) + "\">" + escape_html(section.title) + "</a></li>";
  }
  if (document.include_recommendations) out += "<li><a href=\"#recommendations\">Recommendations</a></li>";
  out += "</ol></nav><main>";
  for (const ReportSection& section : document.sections) {
    out += "<section id=\"" + escape_html(section.id) + "\"><h2>" + escape_html(section.title) + "</h2>";
    for (const std::string& paragraph : section.paragraphs) out += "<p>" + escape_html(paragraph) + "</p>";
    for (std::size_t c = 0; c < section.charts.size(); ++c) {
      const ReportChart& chart = section.charts[c];
      out += "<figure><figcaption>" + escape_html(chart.title) + "</figcaption>";
      out += render_svg_chart(chart, section.id + "-chart-" + std::to_string(c + 1));
      append_table(out, table_of(chart));
      out += "</figure>";
    }
    for (const ReportTable& table : section.tables) append_table(out, table);
    out += "</section>";
  }
  if (document.include_recommendations) {
    out += "<section id=\"recommendations\"><h2>Recommendations</h2>";
    out += "<p class=\"note\">Analyst's recommendations. Click in the box to write or edit them, then print or save the page.</p>";
    out += "<div class=\"recommendations\" contenteditable=\"true\" role=\"textbox\" aria-multiline=\"true\" "
           "aria-label=\"Analyst's recommendations\">";
    if (document.recommendations.empty()) {
      out += "<p>[The analyst's recommendations go here.]</p>";
    } else {
      for (const std::string& paragraph : document.recommendations) out += "<p>" + escape_html(paragraph) + "</p>";
    }
    out += "</div></section>";
  }
  out += "</main><footer><p>" + escape_html(document.classification) +
         ". Produced by RASSO Workbench from the force's own records. " + escape_html(document.suppression_note) +
         "</p></footer></body></html>\n";
  return out;
}

}  // namespace rasso

#pragma once
// ReportDocument: what a printed report (problem profile, flight-deck pack) says, as sections of
// paragraphs, charts and tables, before it is rendered to HTML by report_html.h. Every number in
// it has already been through small-number suppression: a chart value is either a number or
// hidden (shown as its display text, e.g. "<5").

#include <optional>
#include <string>
#include <vector>

namespace rasso {

enum class ChartKind { Bar, Line, Funnel };

struct ReportChart {
  ChartKind kind = ChartKind::Bar;
  std::string title;
  std::string description;  // what the chart shows, for screen readers (<desc>)
  std::string x_label;
  std::string y_label;
  std::vector<std::string> labels;            // categories or periods
  std::vector<std::optional<double>> values;  // nullopt: hidden or not available
  std::vector<std::string> displays;          // how each value is shown ("12", "<5", "23.4%")
};

struct ReportTable {
  std::string caption;
  std::vector<std::string> columns;
  std::vector<std::vector<std::string>> rows;
};

struct ReportSection {
  std::string id;     // HTML id, e.g. "scale-and-trend"
  std::string title;
  std::vector<std::string> paragraphs;  // plain text (escaped when rendered)
  std::vector<ReportChart> charts;      // each rendered with a table of the same numbers
  std::vector<ReportTable> tables;
};

struct ReportDocument {
  std::string title;
  std::string subtitle;
  std::string classification = "OFFICIAL-SENSITIVE";  // printed in the header and footer
  std::vector<ReportSection> sections;
  /// The analyst's recommendations: paragraphs included from a file (may be empty), shown in an
  /// editable area the analyst can fill in the browser before printing.
  std::vector<std::string> recommendations;
  bool include_recommendations = true;
  /// How small numbers were hidden, printed in the footer.
  std::string suppression_note;
};

}  // namespace rasso

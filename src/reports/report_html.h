#pragma once
// Rendering a ReportDocument as one self-contained HTML file: inline CSS (with a print
// stylesheet), inline SVG charts, no scripts, no external URLs. The markup is well-formed XML
// (every element closed, void elements written as <br/>), so it can be parsed as XHTML too.

#include <string>

#include "reports/report_document.h"

namespace rasso {

/// The whole document: header, a table of contents, each section with its paragraphs, each chart
/// followed by a table of the same numbers, then the tables, then the analyst's recommendations
/// area (contenteditable, holding any included paragraphs).
std::string render_report_html(const ReportDocument& document);

}  // namespace rasso

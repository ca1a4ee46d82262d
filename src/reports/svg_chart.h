#pragma once
// Charts as inline SVG generated here, so a report is one self-contained file with no scripts and
// no external URLs: bar (vertical bars per category), line (a value per period) and funnel
// (horizontal bars narrowing from the first stage). Every chart carries role="img", a <title> and
// a <desc>, axis labels, and a text label on each value; a hidden value is not drawn but labelled
// with its display text ("<5").

#include <string>

#include "reports/report_document.h"

namespace rasso {

/// The chart as an <svg> element (UTF-8 text, XML-escaped); `id` (unique in the document, letters,
/// digits and '-') prefixes the ids its title and description are referenced by.
std::string render_svg_chart(const ReportChart& chart, const std::string& id);

/// `text` with & < > " ' escaped for HTML and XML.
std::string escape_html(std::string_view text);

}  // namespace rasso

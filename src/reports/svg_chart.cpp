#include "reports/svg_chart.h"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

namespace rasso {
namespace {

constexpr double kWidth = 720, kHeight = 320;
constexpr double kLeft = 70, kRight = 20, kTop = 40, kBottom = 90;

double nice_maximum(double value) {
  if (value <= 0) return 1;
  const double magnitude = std::pow(10.0, std::floor(std::log10(value)));
  for (double step : {1.0, 2.0, 2.5, 5.0, 10.0}) {
    if (value <= step * magnitude) return step * magnitude;
  }
  return 10 * magnitude;
}

double largest(const ReportChart& chart) {
  double top = 0;
  for (const auto& value : chart.values) {
    if (value) top = std::max(top, *value);
  }
  return nice_maximum(top);
}

std::string tick_text(double value, double maximum) {
  return maximum <= 1.0 && maximum > 0 && value <= 1.0 ? fmt::format("{:.2g}", value) : fmt::format("{:g}", value);
}

std::string open_svg(const ReportChart& chart, const std::string& id_hint) {
  return fmt::format(
      "<svg class=\"chart\" viewBox=\"0 0 {:g} {:g}\" width=\"{:g}\" height=\"{:g}\" "
      "role=\"img\" aria-labelledby=\"{}-title {}-desc\">"
      "<title id=\"{}-title\">{}</title><desc id=\"{}-desc\">{}</desc>"
      "<text x=\"{:g}\" y=\"22\" class=\"chart-title\">{}</text>",
      kWidth, kHeight, kWidth, kHeight, id_hint, id_hint, id_hint, escape_html(chart.title), id_hint,
      escape_html(chart.description), kLeft, escape_html(chart.title));
}

// Axes, gridlines with ticks on the value axis, and the two axis labels.
std::string axes(const ReportChart& chart, double maximum) {
  std::string out;
  const double plot_height = kHeight - kTop - kBottom;
  for (int i = 0; i <= 4; ++i) {
    const double value = maximum * i / 4.0;
    const double y = kHeight - kBottom - plot_height * i / 4.0;
    out += fmt::format("<line x1=\"{:g}\" y1=\"{:.1f}\" x2=\"{:g}\" y2=\"{:.1f}\" class=\"grid\"/>", kLeft, y, kWidth - kRight, y);
    out += fmt::format("<text x=\"{:g}\" y=\"{:.1f}\" class=\"tick\" text-anchor=\"end\">{}</text>", kLeft - 6, y + 4,
                       escape_html(tick_text(value, maximum)));
  }
  out += fmt::format("<line x1=\"{:g}\" y1=\"{:g}\" x2=\"{:g}\" y2=\"{:g}\" class=\"axis\"/>", kLeft, kTop, kLeft, kHeight - kBottom);
  out += fmt::format("<line x1=\"{:g}\" y1=\"{:g}\" x2=\"{:g}\" y2=\"{:g}\" class=\"axis\"/>", kLeft, kHeight - kBottom,
                     kWidth - kRight, kHeight - kBottom);
  out += fmt::format("<text x=\"{:g}\" y=\"{:g}\" class=\"axis-label\" text-anchor=\"middle\">{}</text>",
                     kLeft + (kWidth - kLeft - kRight) / 2, kHeight - 8, escape_html(chart.x_label));
  out += fmt::format("<text x=\"16\" y=\"{:g}\" class=\"axis-label\" text-anchor=\"middle\" transform=\"rotate(-90 16 {:g})\">{}</text>",
                     kTop + plot_height / 2, kTop + plot_height / 2, escape_html(chart.y_label));
  return out;
}

std::string category_label(double x, const std::string& label) {
  return fmt::format("<text x=\"{:.1f}\" y=\"{:g}\" class=\"tick\" text-anchor=\"end\" transform=\"rotate(-35 {:.1f} {:g})\">{}</text>",
                     x, kHeight - kBottom + 14, x, kHeight - kBottom + 14, escape_html(label));
}

std::string bar_chart(const ReportChart& chart, const std::string& id) {
  std::string out = open_svg(chart, id);
  const double maximum = largest(chart);
  out += axes(chart, maximum);
  const std::size_t n = std::max<std::size_t>(chart.labels.size(), 1);
  const double slot = (kWidth - kLeft - kRight) / static_cast<double>(n);
  const double plot_height = kHeight - kTop - kBottom;
  for (std::size_t i = 0; i < chart.labels.size(); ++i) {
    const double x = kLeft + slot * static_cast<double>(i);
    const double centre = x + slot / 2;
    const std::string& display = i < chart.displays.size() ? chart.displays[i] : std::string();
    if (chart.values[i]) {
      const double height = plot_height * (*chart.values[i] / maximum);
      out += fmt::format("<rect x=\"{:.1f}\" y=\"{:.1f}\" width=\"{:.1f}\" height=\"{:.1f}\" class=\"bar\"><title>{}: {}</title></rect>",
                         x + slot * 0.15, kHeight - kBottom - height, slot * 0.7, height, escape_html(chart.labels[i]),
                         escape_html(display));
      out += fmt::format("<text x=\"{:.1f}\" y=\"{:.1f}\" class=\"value\" text-anchor=\"middle\">{}</text>", centre,
                         kHeight - kBottom - height - 4, escape_html(display));
    } else {
      out += fmt::format("<text x=\"{:.1f}\" y=\"{:g}\" class=\"value hidden-value\" text-anchor=\"middle\">{}</text>", centre,
                         kHeight - kBottom - 4, escape_html(display));
    }
    out += category_label(centre, chart.labels[i]);
  }
  return out + "</svg>";
}

std::string line_chart(const ReportChart& chart, const std::string& id) {
  std::string out = open_svg(chart, id);
  const double maximum = largest(chart);
  out += axes(chart, maximum);
  const std::size_t n = chart.labels.size();
  const double step = n > 1 ? (kWidth - kLeft - kRight - 20) / static_cast<double>(n - 1) : 0;
  const double plot_height = kHeight - kTop - kBottom;
  std::string path;
  const std::size_t label_every = std::max<std::size_t>(1, n / 12);
  for (std::size_t i = 0; i < n; ++i) {
    const double x = kLeft + 10 + step * static_cast<double>(i);
    const std::string& display = i < chart.displays.size() ? chart.displays[i] : std::string();
    if (chart.values[i]) {
      const double y = kHeight - kBottom - plot_height * (*chart.values[i] / maximum);
      path += fmt::format("{}{:.1f},{:.1f} ", path.empty() ? "M" : "L", x, y);
      out += fmt::format("<circle cx=\"{:.1f}\" cy=\"{:.1f}\" r=\"3\" class=\"point\"><title>{}: {}</title></circle>", x, y,
                         escape_html(chart.labels[i]), escape_html(display));
      if (n <= 24) {
        out += fmt::format("<text x=\"{:.1f}\" y=\"{:.1f}\" class=\"value\" text-anchor=\"middle\">{}</text>", x, y - 7,
                           escape_html(display));
      }
    } else {
      if (!path.empty()) out += fmt::format("<path d=\"{}\" class=\"line\"/>", path);
      path.clear();
      out += fmt::format("<text x=\"{:.1f}\" y=\"{:g}\" class=\"value hidden-value\" text-anchor=\"middle\">{}</text>", x,
                         kHeight - kBottom - 4, escape_html(display));
    }
    if (i % label_every == 0) out += category_label(x, chart.labels[i]);
  }
  if (!path.empty()) out += fmt::format("<path d=\"{}\" class=\"line\"/>", path);
  return out + "</svg>";
}

std::string funnel_chart(const ReportChart& chart, const std::string& id) {
  std::string out = open_svg(chart, id);
  const double maximum = largest(chart);
  const std::size_t n = std::max<std::size_t>(chart.labels.size(), 1);
  const double left = 200, width = kWidth - left - 80;
  const double row = (kHeight - kTop - 40) / static_cast<double>(n);
  for (std::size_t i = 0; i < chart.labels.size(); ++i) {
    const double y = kTop + row * static_cast<double>(i);
    const std::string& display = i < chart.displays.size() ? chart.displays[i] : std::string();
    out += fmt::format("<text x=\"{:g}\" y=\"{:.1f}\" class=\"tick\" text-anchor=\"end\">{}</text>", left - 8, y + row / 2 + 4,
                       escape_html(chart.labels[i]));
    if (chart.values[i]) {
      const double bar = width * (*chart.values[i] / maximum);
      out += fmt::format("<rect x=\"{:.1f}\" y=\"{:.1f}\" width=\"{:.1f}\" height=\"{:.1f}\" class=\"bar funnel\"><title>{}: {}</title></rect>",
                         left + (width - bar) / 2, y + 4, std::max(bar, 1.0), row - 8, escape_html(chart.labels[i]),
                         escape_html(display));
    }
    out += fmt::format("<text x=\"{:g}\" y=\"{:.1f}\" class=\"value\">{}</text>", left + width + 8, y + row / 2 + 4,
                       escape_html(display));
  }
  out += fmt::format("<text x=\"{:g}\" y=\"{:g}\" class=\"axis-label\" text-anchor=\"middle\">{}</text>", left + width / 2,
                     kHeight - 8, escape_html(chart.x_label));
  out += fmt::format("<text x=\"16\" y=\"{:g}\" class=\"axis-label\" text-anchor=\"middle\" transform=\"rotate(-90 16 {:g})\">{}</text>",
                     kHeight / 2, kHeight / 2, escape_html(chart.y_label));
  return out + "</svg>";
}

}  // namespace

std::string escape_html(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

std::string render_svg_chart(const ReportChart& chart, const std::string& id) {
  switch (chart.kind) {
    case ChartKind::Bar: return bar_chart(chart, id);
    case ChartKind::Line: return line_chart(chart, id);
    case ChartKind::Funnel: return funnel_chart(chart, id);
  }
  return bar_chart(chart, id);
}

}  // namespace rasso

#include "analytics/kpi_suppression.h"

#include <cassert>

namespace rasso {
namespace {

// Applies the secondary rule to the line of cells first, first + stride, ... (length cells).
// Returns true when it hid a cell.
bool suppress_line(std::span<const std::int64_t> counts, std::size_t first, std::size_t stride, std::size_t length,
                   std::vector<bool>& hidden) {
  int hidden_non_zero = 0;
  std::size_t smallest = counts.size();
  for (std::size_t i = 0; i < length; ++i) {
    const std::size_t cell = first + i * stride;
    if (counts[cell] == 0) continue;
    if (hidden[cell]) {
      ++hidden_non_zero;
    } else if (smallest == counts.size() || counts[cell] < counts[smallest]) {
      smallest = cell;
    }
  }
  if (hidden_non_zero != 1 || smallest == counts.size()) return false;
  hidden[smallest] = true;
  return true;
}

}  // namespace

void mark_suppressed_cells(std::span<const std::int64_t> counts, std::span<const std::size_t> axis_sizes,
                           const SuppressionRule& rule, std::vector<bool>& hidden) {
  hidden.resize(counts.size(), false);
  if (rule.threshold <= 1) return;
  for (std::size_t cell = 0; cell < counts.size(); ++cell) {
    if (rule.is_small(counts[cell])) hidden[cell] = true;
  }
  if (!rule.secondary || counts.empty()) return;
  std::size_t product = 1;
  for (std::size_t size : axis_sizes) product *= size;
  assert(product == counts.size() && "axis sizes do not match the cells");
  (void)product;
  for (bool changed = true; changed;) {
    changed = false;
    std::size_t stride = counts.size();
    for (std::size_t size : axis_sizes) {
      stride /= size;  // cells between neighbours along this axis
      // Every line along this axis starts at a cell whose coordinate on this axis is 0.
      for (std::size_t start = 0; start < counts.size(); ++start) {
        if ((start / stride) % size != 0) continue;
        changed = suppress_line(counts, start, stride, size, hidden) || changed;
      }
    }
  }
}

}  // namespace rasso

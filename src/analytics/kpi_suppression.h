#pragma once
// Small-number suppression for every aggregate output (DOMAIN.md §8). There is no published Home
// Office threshold; the default hides counts 1-4 (shown "<5"). Zero is shown: it discloses no one.
// Secondary suppression stops a hidden cell being worked out from a shown total: along every line
// of a breakdown (all its cells, or each row and column of a cross-tabulation), when exactly one
// cell is hidden, the smallest other non-zero cell is hidden too.

#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace rasso {

struct SuppressionRule {
  /// Counts from 1 to threshold - 1 are hidden. 0 or 1 turns suppression off.
  int threshold = 5;
  /// Hide a second cell where a line would otherwise have exactly one hidden cell.
  bool secondary = true;

  /// True when `count` must be hidden on its own.
  bool is_small(std::int64_t count) const { return count > 0 && count < threshold; }
  /// What a hidden value shows: "<5" for the default threshold.
  std::string display() const { return "<" + std::to_string(threshold); }
};

/// Marks the cells of a breakdown to hide. `counts` holds one count per cell of a cube whose
/// axis sizes are `axis_sizes` (row-major: the last axis varies fastest; one axis for a plain
/// breakdown). `hidden` is resized to counts.size(); cells already true in it stay hidden (a rate
/// hides a cell when its numerator or its denominator is hidden). Primary: every small count.
/// Secondary (when rule.secondary): repeated until nothing changes, along each line of each axis,
/// if exactly one non-zero cell is hidden, the smallest non-zero shown cell of that line (the
/// first of equals) is hidden too.
void mark_suppressed_cells(std::span<const std::int64_t> counts, std::span<const std::size_t> axis_sizes,
                           const SuppressionRule& rule, std::vector<bool>& hidden);

}  // namespace rasso

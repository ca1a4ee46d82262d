#include <gtest/gtest.h>

#include "analytics/kpi_suppression.h"

namespace rasso {
namespace {

std::vector<bool> hide(std::vector<std::int64_t> counts, std::vector<std::size_t> axes = {},
                       SuppressionRule rule = {}) {
  if (axes.empty()) axes = {counts.size()};
  std::vector<bool> hidden;
  mark_suppressed_cells(counts, axes, rule, hidden);
  return hidden;
}

TEST(KpiSuppressionTest, PrimaryHidesOneToFourButNotZero) {
  EXPECT_EQ(hide({0, 1, 4, 5, 2}, {}, {5, false}), (std::vector<bool>{false, true, true, false, true}));
}

TEST(KpiSuppressionTest, OneSmallCellTakesTheNextSmallestWithIt) {
  // The total (3 + 20 + 7 + 9 = 39) is shown, so hiding only the 3 would let anyone work it out.
  EXPECT_EQ(hide({3, 20, 7, 9}), (std::vector<bool>{true, false, true, false}));
}

TEST(KpiSuppressionTest, TwoSmallCellsNeedNoSecondary) {
  EXPECT_EQ(hide({3, 20, 2, 9}), (std::vector<bool>{true, false, true, false}));
}

TEST(KpiSuppressionTest, ZerosAreNotChosenAsTheSecondCell) {
  EXPECT_EQ(hide({0, 4, 0, 12, 30}), (std::vector<bool>{false, true, false, true, false}));
}

TEST(KpiSuppressionTest, SecondaryCanBeTurnedOffAndThresholdChanged) {
  EXPECT_EQ(hide({3, 20, 7}, {}, {5, false}), (std::vector<bool>{true, false, false}));
  EXPECT_EQ(hide({3, 20, 7}, {}, {10, true}), (std::vector<bool>{true, false, true}));
  EXPECT_EQ(hide({1, 2, 3}, {}, {1, true}), (std::vector<bool>{false, false, false}));
}

TEST(KpiSuppressionTest, CrossTabulationProtectsRowsAndColumns) {
  // 2 x 3: row 0 = {2, 10, 12}, row 1 = {8, 9, 15}. The 2 hides 10 in its row (the smallest other)
  // and 8 in its column; then column 1 has one hidden cell (10) so 9 goes too; row 1 now has two.
  const auto hidden = hide({2, 10, 12, 8, 9, 15}, {2, 3});
  EXPECT_EQ(hidden, (std::vector<bool>{true, true, false, true, true, false}));
}

TEST(KpiSuppressionTest, CellsAlreadyHiddenByTheOtherCountStayHidden) {
  std::vector<bool> hidden = {false, true, false};  // e.g. the denominator of the middle cell was small
  const std::vector<std::int64_t> numerators = {10, 30, 12};
  const std::vector<std::size_t> axes = {3};
  mark_suppressed_cells(numerators, axes, SuppressionRule{}, hidden);
  EXPECT_EQ(hidden, (std::vector<bool>{true, true, false}));
}

}  // namespace
}  // namespace rasso

#include "linkage/jaro_winkler.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <vector>

namespace rasso::linkage {
namespace {

constexpr std::size_t kStackLength = 64;
constexpr double kBoostThreshold = 0.7;
constexpr double kPrefixScale = 0.1;
constexpr std::size_t kMaxPrefix = 4;

double jaro_with_flags(std::string_view a, std::string_view b, std::uint8_t* a_flags, std::uint8_t* b_flags) {
  const std::size_t window = std::max(a.size(), b.size()) / 2 == 0 ? 0 : std::max(a.size(), b.size()) / 2 - 1;
  std::size_t matches = 0;
  for (std::size_t i = 0; i < a.size(); ++i) {
    const std::size_t from = i > window ? i - window : 0;
    const std::size_t to = std::min(i + window + 1, b.size());
    for (std::size_t j = from; j < to; ++j) {
      if (b_flags[j] == 0 && a[i] == b[j]) {
        a_flags[i] = 1;
        b_flags[j] = 1;
        ++matches;
        break;
      }
    }
  }
  if (matches == 0) return 0.0;

  std::size_t half_transpositions = 0;
  for (std::size_t i = 0, j = 0; i < a.size(); ++i) {
    if (a_flags[i] == 0) continue;
    while (b_flags[j] == 0) ++j;
    if (a[i] != b[j]) ++half_transpositions;
    ++j;
  }
  const double m = static_cast<double>(matches);
  // Whole transpositions, as in Winkler's reference code (an odd count rounds down).
  const double t = static_cast<double>(half_transpositions / 2);  // NOLINT(bugprone-integer-division)
  return (m / static_cast<double>(a.size()) + m / static_cast<double>(b.size()) + (m - t) / m) / 3.0;
}

}  // namespace

double jaro(std::string_view a, std::string_view b) {
  if (a.empty() && b.empty()) return 1.0;
  if (a.empty() || b.empty()) return 0.0;
  if (a == b) return 1.0;
  if (a.size() <= kStackLength && b.size() <= kStackLength) {
    std::array<std::uint8_t, kStackLength> a_flags{};
    std::array<std::uint8_t, kStackLength> b_flags{};
    return jaro_with_flags(a, b, a_flags.data(), b_flags.data());
  }
  std::vector<std::uint8_t> a_flags(a.size(), 0);
  std::vector<std::uint8_t> b_flags(b.size(), 0);
  return jaro_with_flags(a, b, a_flags.data(), b_flags.data());
}

double jaro_winkler(std::string_view a, std::string_view b) {
  const double similarity = jaro(a, b);
  if (similarity <= kBoostThreshold) return similarity;
  std::size_t prefix = 0;
  const std::size_t limit = std::min({a.size(), b.size(), kMaxPrefix});
  while (prefix < limit && a[prefix] == b[prefix]) ++prefix;
  return similarity + static_cast<double>(prefix) * kPrefixScale * (1.0 - similarity);
}

}  // namespace rasso::linkage

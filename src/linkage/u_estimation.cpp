#include "linkage/u_estimation.h"

#include <algorithm>
#include <array>
#include <thread>
#include <vector>

#include "linkage/person_comparison.h"

namespace rasso::linkage {
namespace {

using LevelCounts = std::array<std::array<std::uint64_t, kMaxLevels>, kFieldCount>;

std::uint64_t splitmix64(std::uint64_t x) {
  x += 0x9E3779B97F4A7C15ULL;
  x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
  x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
  return x ^ (x >> 31);
}

// Pair k of the random sample: two distinct records drawn uniformly.
std::pair<std::uint32_t, std::uint32_t> random_pair(std::uint64_t seed, std::uint64_t k, std::uint64_t n) {
  const std::uint64_t first = splitmix64(seed ^ splitmix64(2 * k));
  const std::uint64_t second = splitmix64(seed ^ splitmix64(2 * k + 1));
  // Multiply-shift maps 32 random bits onto [0, n) without modulo bias worth mentioning (n < 2^32).
  const auto i = static_cast<std::uint32_t>(((first >> 32) * n) >> 32);
  auto j = static_cast<std::uint32_t>(((second >> 32) * (n - 1)) >> 32);
  if (j >= i) ++j;
  return {i, j};
}

// The pair with rank k among all n(n-1)/2 pairs i < j, in row order.
std::pair<std::uint32_t, std::uint32_t> enumerated_pair(std::uint64_t k, std::uint64_t n, std::uint64_t& row,
                                                        std::uint64_t& row_start) {
  while (k >= row_start + (n - 1 - row)) {
    row_start += n - 1 - row;
    ++row;
  }
  return {static_cast<std::uint32_t>(row), static_cast<std::uint32_t>(row + 1 + (k - row_start))};
}

void count_levels(const ComparisonVector& vector, LevelCounts& counts) {
  for (std::size_t f = 0; f < kFieldCount; ++f) ++counts[f][vector.levels[f]];
}

}  // namespace

FieldProbabilities estimate_u_from_random_pairs(const PreparedPeople& people, const UEstimationOptions& options,
                                                std::size_t& pairs_used) {
  const std::uint64_t n = people.size();
  const std::uint64_t all_pairs = n < 2 ? 0 : n * (n - 1) / 2;
  const bool enumerate = all_pairs <= options.sample_pairs;
  const std::uint64_t total = enumerate ? all_pairs : options.sample_pairs;
  const std::size_t thread_count = std::max<std::size_t>(1, options.threads);

  std::vector<LevelCounts> counts(thread_count, LevelCounts{});
  auto work = [&](std::size_t thread) {
    const std::uint64_t begin = total * thread / thread_count;
    const std::uint64_t end = total * (thread + 1) / thread_count;
    std::uint64_t row = 0;
    std::uint64_t row_start = 0;
    for (std::uint64_t k = begin; k < end; ++k) {
      const auto [i, j] = enumerate ? enumerated_pair(k, n, row, row_start) : random_pair(options.seed, k, n);
      count_levels(compare_people(people[i], people[j], people.names()), counts[thread]);
    }
  };
  std::vector<std::thread> helpers;
  for (std::size_t thread = 1; thread < thread_count; ++thread) helpers.emplace_back(work, thread);
  work(0);
  for (std::thread& helper : helpers) helper.join();

  FieldProbabilities u;
  for (std::size_t f = 0; f < kFieldCount; ++f) {
    const std::size_t levels = kLevelCounts[f];
    std::uint64_t present = 0;
    for (std::size_t level = 1; level < levels; ++level) {
      for (const LevelCounts& thread_counts : counts) present += thread_counts[f][level];
    }
    u[f].assign(levels, 0.0);
    for (std::size_t level = 1; level < levels; ++level) {
      std::uint64_t at_level = 0;
      for (const LevelCounts& thread_counts : counts) at_level += thread_counts[f][level];
      u[f][level] =
          (static_cast<double>(at_level) + 1.0) / (static_cast<double>(present) + static_cast<double>(levels - 1));
    }
  }
  pairs_used = static_cast<std::size_t>(total);
  return u;
}

}  // namespace rasso::linkage

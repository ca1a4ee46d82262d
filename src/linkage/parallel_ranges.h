#pragma once
// Splitting a loop over [0, n) into contiguous ranges run on a few std::threads, for the
// embarrassingly parallel passes of the linkage engine (comparing and scoring pairs).

#include <algorithm>
#include <cstddef>
#include <thread>
#include <vector>

namespace rasso::linkage {

/// Calls work(begin, end, thread_index) for `threads` contiguous ranges covering [0, n); the
/// calling thread runs range 0. Returns when all ranges are done. `work` must not throw and must
/// only write to state owned by its range or its thread_index.
template <typename Work>
void run_in_parallel_ranges(std::size_t n, std::size_t threads, Work work) {
  const std::size_t count = std::max<std::size_t>(1, std::min(threads, std::max<std::size_t>(n, 1)));
  std::vector<std::thread> helpers;
  helpers.reserve(count - 1);
  for (std::size_t t = 1; t < count; ++t) helpers.emplace_back([&, t] { work(n * t / count, n * (t + 1) / count, t); });
  work(0, n / count, 0);
  for (std::thread& helper : helpers) helper.join();
}

}  // namespace rasso::linkage

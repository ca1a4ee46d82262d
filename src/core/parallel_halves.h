#pragma once
// Two-way parallelism for the engines' passes over a million rows: the machines the product runs
// on have two cores or more, and a pass split in two halves, each writing only its own output,
// needs no locks. Exceptions from either half reach the caller once both halves have finished.

#include <cstddef>
#include <future>
#include <utility>

namespace rasso {

/// Runs `first` on this thread and `second` on another, and returns when both have finished.
template <typename First, typename Second>
void in_parallel(First&& first, Second&& second) {
  auto other = std::async(std::launch::async, std::forward<Second>(second));
  first();
  other.get();
}

/// Runs `work(begin, end)` over the two halves of [0, count), on two threads.
template <typename Work>
void over_halves(std::size_t count, Work&& work) {
  const std::size_t middle = count / 2;
  in_parallel([&] { work(std::size_t{0}, middle); }, [&] { work(middle, count); });
}

}  // namespace rasso

#pragma once
// RandomSource: the generator's only source of randomness. A xoshiro256** generator seeded
// through splitmix64, with hand-written sampling (integer ranges by rejection, probabilities in
// parts per million) so that the same seed yields the same bytes on every platform and standard
// library. std::*_distribution is deliberately not used: its output is implementation-defined.

#include <array>
#include <cstdint>

namespace rasso {

/// One step of splitmix64: advances `state` and returns a well-mixed 64-bit value.
std::uint64_t splitmix64(std::uint64_t& state);

/// A 64-bit hash of the values, for deriving independent streams (seed, stream kind, index).
std::uint64_t mix_seed(std::uint64_t a, std::uint64_t b, std::uint64_t c = 0);

class RandomSource {
 public:
  explicit RandomSource(std::uint64_t seed);

  /// The next raw 64-bit output.
  std::uint64_t next_u64();
  /// Uniform in [0, n); n must be > 0. Unbiased (Lemire's multiply with rejection).
  std::uint64_t below(std::uint64_t n);
  /// Uniform in [lo, hi] inclusive; requires lo <= hi.
  std::int64_t between(std::int64_t lo, std::int64_t hi);
  /// True with probability `ppm` parts per million (0 = never, 1'000'000 = always).
  bool chance_ppm(std::uint32_t ppm);
  /// True with probability `p` (0..1). `p` is rounded to parts per million before use so that
  /// results do not depend on floating-point rounding.
  bool chance(double p);
  /// Uniform in [0, 1'000'000).
  std::uint32_t ppm() { return static_cast<std::uint32_t>(below(1'000'000)); }

 private:
  std::array<std::uint64_t, 4> state_;
};

/// `p` (0..1) in parts per million, rounded; the form in which probabilities are applied.
std::uint32_t to_ppm(double p);

}  // namespace rasso

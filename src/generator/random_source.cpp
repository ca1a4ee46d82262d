#include "generator/random_source.h"

namespace rasso {
namespace {

__extension__ typedef unsigned __int128 Uint128;  // __extension__: quiet under -Wpedantic

std::uint64_t rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }

}  // namespace

std::uint64_t splitmix64(std::uint64_t& state) {
  std::uint64_t z = (state += 0x9E3779B97F4A7C15ULL);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}

std::uint64_t mix_seed(std::uint64_t a, std::uint64_t b, std::uint64_t c) {
  std::uint64_t state = a;
  std::uint64_t h = splitmix64(state);
  state = h ^ b;
  h = splitmix64(state);
  state = h ^ c;
  return splitmix64(state);
}

RandomSource::RandomSource(std::uint64_t seed) {
  std::uint64_t state = seed;
  for (std::uint64_t& word : state_) word = splitmix64(state);
}

std::uint64_t RandomSource::next_u64() {
  const std::uint64_t result = rotl(state_[1] * 5, 7) * 9;
  const std::uint64_t t = state_[1] << 17;
  state_[2] ^= state_[0];
  state_[3] ^= state_[1];
  state_[1] ^= state_[2];
  state_[0] ^= state_[3];
  state_[2] ^= t;
  state_[3] = rotl(state_[3], 45);
  return result;
}

std::uint64_t RandomSource::below(std::uint64_t n) {
  // Lemire, "Fast random integer generation in an interval" (2019).
  Uint128 product = static_cast<Uint128>(next_u64()) * n;
  auto low = static_cast<std::uint64_t>(product);
  if (low < n) {
    const std::uint64_t threshold = (0 - n) % n;
    while (low < threshold) {
      product = static_cast<Uint128>(next_u64()) * n;
      low = static_cast<std::uint64_t>(product);
    }
  }
  return static_cast<std::uint64_t>(product >> 64);
}

std::int64_t RandomSource::between(std::int64_t lo, std::int64_t hi) {
  const auto span = static_cast<std::uint64_t>(hi - lo) + 1;
  return lo + static_cast<std::int64_t>(below(span));
}

bool RandomSource::chance_ppm(std::uint32_t ppm_value) {
  if (ppm_value == 0) return false;
  if (ppm_value >= 1'000'000) return true;
  return below(1'000'000) < ppm_value;
}

bool RandomSource::chance(double p) { return chance_ppm(to_ppm(p)); }

std::uint32_t to_ppm(double p) {
  if (!(p > 0.0)) return 0;
  if (p >= 1.0) return 1'000'000;
  return static_cast<std::uint32_t>(p * 1'000'000.0 + 0.5);
}

}  // namespace rasso

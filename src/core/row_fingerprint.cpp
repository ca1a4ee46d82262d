#include "core/row_fingerprint.h"

namespace rasso {

std::uint64_t row_fingerprint(std::span<const std::string> values) {
  constexpr std::uint64_t kOffset = 14695981039346656037ULL;
  constexpr std::uint64_t kPrime = 1099511628211ULL;
  std::uint64_t hash = kOffset;
  for (const std::string& value : values) {
    for (unsigned char c : value) {
      hash ^= c;
      hash *= kPrime;
    }
    hash ^= 0x1f;  // unit separator: never part of a validated value
    hash *= kPrime;
  }
  return hash;
}

}  // namespace rasso

#pragma once
// A pair of record indices packed into one 64-bit integer, (i << 32) | j with i < j, so that
// millions of candidate pairs sort and de-duplicate as plain integers.

#include <cstdint>

namespace rasso::linkage {

inline std::uint64_t pack_pair(std::uint32_t i, std::uint32_t j) { return (std::uint64_t{i} << 32) | j; }
inline std::uint32_t pair_first(std::uint64_t pair) { return static_cast<std::uint32_t>(pair >> 32); }
inline std::uint32_t pair_second(std::uint64_t pair) { return static_cast<std::uint32_t>(pair); }

}  // namespace rasso::linkage

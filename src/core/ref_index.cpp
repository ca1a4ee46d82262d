#include "core/ref_index.h"

#include <array>
#include <bit>
#include <functional>

namespace rasso {

RefIndex::RefIndex(std::vector<std::string_view> keys) : keys_(std::move(keys)) {
  // At most two thirds full, so probe sequences stay short (linear probing).
  slots_.resize(std::bit_ceil(std::max<std::size_t>(16, keys_.size() + keys_.size() / 2)));
  mask_ = slots_.size() - 1;
  // Hashes are worked out a few keys ahead of the inserts so that each insert's slot can be
  // prefetched: with millions of keys the slots are far larger than the cache, and a miss per
  // insert would be most of the build.
  constexpr std::size_t kAhead = 16;
  auto hash_of = [&](std::size_t row) { return std::hash<std::string_view>{}(keys_[row]); };
  std::array<std::size_t, kAhead> ahead{};
  for (std::size_t row = 0; row < keys_.size() && row < kAhead; ++row) ahead[row] = hash_of(row);
  for (std::size_t row = 0; row < keys_.size(); ++row) {
    const std::size_t hash = ahead[row % kAhead];
    if (row + kAhead < keys_.size()) {
      ahead[row % kAhead] = hash_of(row + kAhead);
      __builtin_prefetch(&slots_[ahead[row % kAhead] & mask_], 1);
    }
    const std::string_view key = keys_[row];
    if (key.empty()) continue;
    const auto tag = static_cast<std::uint32_t>(hash >> 32);
    for (std::size_t slot = hash & mask_;; slot = (slot + 1) & mask_) {
      Slot& entry = slots_[slot];
      if (entry.row == kNoRow) {
        entry = {static_cast<RowIndex>(row), tag};
        break;
      }
      if (entry.tag == tag && keys_[entry.row] == key) {
        ++duplicates_;
        break;
      }
    }
  }
}

RowIndex RefIndex::find(std::string_view key) const {
  if (key.empty() || slots_.empty()) return kNoRow;
  const std::size_t hash = std::hash<std::string_view>{}(key);
  const auto tag = static_cast<std::uint32_t>(hash >> 32);
  for (std::size_t slot = hash & mask_;; slot = (slot + 1) & mask_) {
    const Slot& entry = slots_[slot];
    if (entry.row == kNoRow) return kNoRow;
    if (entry.tag == tag && keys_[entry.row] == key) return entry.row;
  }
}

}  // namespace rasso
